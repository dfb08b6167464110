import { projectIndicatorRoadmap } from "../../../src/engine/roadmap";
import { planIndicatorTargets, indicatorCommunes } from "../../../src/engine/targets";
import type { CommuneStatus } from "../../../src/engine/types";

/** A commune of a 3-criteria set, 2 indicators per criterion; `missing` lists the indicators not met. */
function commune(name: string, missing: string[], tier?: CommuneStatus["tier"]): CommuneStatus {
  const codes = ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2"];
  const indicators = codes.map((code) => ({
    code,
    criterion: Number(code.split(".")[0]),
    met: !missing.includes(code),
    value: null,
    requirement: true as const,
  }));
  const achieved = [1, 2, 3].filter((n) =>
    indicators.filter((v) => v.criterion === n).every((v) => v.met)
  );
  return {
    name,
    achieved,
    count: achieved.length,
    indicators,
    indicatorsMet: indicators.filter((v) => v.met).map((v) => v.code),
    ...(tier ? { tier } : {}),
  };
}

const COSTS = {
  perCommune: new Map<string, Map<string, number>>(),
  perIndicator: new Map([
    ["1.1", 10],
    ["1.2", 20],
    ["2.1", 30],
    ["2.2", 40],
    ["3.1", 50],
    ["3.2", 60],
  ]),
};

const PROVINCE = [
  commune("A", ["1.1"]),
  commune("B", ["1.1", "2.1", "3.2"]),
  commune("C", [], "modern"),
  commune("D", ["2.2", "3.1"]),
];

describe("projectIndicatorRoadmap", () => {
  it("plans each year with the indicator planner, applies it and counts communes meeting every criterion", async () => {
    const roadmap = await projectIndicatorRoadmap({
      communes: PROVINCE,
      criteriaCount: 3,
      fromYear: 2027,
      toYear: 2030,
      budget: 60,
      costs: COSTS,
      targets: { standard: 4, modern: 2 },
    });
    expect(roadmap.start).toMatchObject({
      year: 2026,
      standard: 1,
      modern: 1,
      indicatorsMissing: 6,
    });
    // 200 in all at 60 a year: D's last criterion (50) waits for 2030.
    const first = await planIndicatorTargets(
      indicatorCommunes(PROVINCE, { costs: COSTS, year: 2027 }).communes,
      { criteriaCount: 3, budget: 60 }
    );
    expect(roadmap.years[0]).toMatchObject({
      year: 2027,
      cost: first.cost,
      gained: first.criteriaGained,
      indicatorsGained: first.indicatorsGained,
      standard: 1 + first.newlyStandard,
      modern: null,
    });
    const last = roadmap.years[roadmap.years.length - 1];
    expect(last.year).toBe(2030);
    expect(roadmap.years[2]).toMatchObject({ year: 2029, standard: 3, indicatorsMissing: 1 });
    expect(last.indicatorsMissing).toBe(0);
    expect(last.standard).toBe(4);
    expect(roadmap.years.every((y) => y.cost <= 60)).toBe(true);
    const [standard, modern] = roadmap.targets;
    expect(standard).toMatchObject({ name: "standard", target: 4, projected: 4, reachable: true });
    expect(standard.year).toBe(roadmap.years.find((y) => y.standard === 4)!.year);
    expect(modern).toMatchObject({ name: "modern", projected: null, reachable: null });
    expect(modern.note?.en).toBe("not projected: no requirements given");
  });

  it("says when a missed target would be met at this pace, and what closing it would cost", async () => {
    const roadmap = await projectIndicatorRoadmap({
      communes: PROVINCE,
      criteriaCount: 3,
      fromYear: 2027,
      toYear: 2027,
      budget: 60,
      costs: COSTS,
      targets: { standard: 4 },
    });
    expect(roadmap.years).toHaveLength(1);
    const [standard] = roadmap.targets;
    expect(standard.reachable).toBe(false);
    expect(standard.projected).toBe(roadmap.years[0].standard);
    expect(standard.shortfall).toBe(4 - roadmap.years[0].standard);
    expect(standard.yearAtThisPace).toBe(2030);
    // B and D finished outright: what they still miss at the end of 2027.
    expect(standard.extraCost).toBe(60 + 90);
  });

  it("never says a year at this pace when the yearly budget cannot pay for what is left", async () => {
    const roadmap = await projectIndicatorRoadmap({
      communes: PROVINCE,
      criteriaCount: 3,
      fromYear: 2027,
      toYear: 2027,
      budget: 30,
      costs: COSTS,
      targets: { standard: 4 },
    });
    // 3.2 (60) and 2.2 (40) never fit in 30 a year.
    expect(roadmap.targets[0]).toMatchObject({ reachable: false, yearAtThisPace: null });
  });

  it("keeps a commune without an indicator status as it is, with a warning", async () => {
    const counted: CommuneStatus = { name: "E", achieved: [1, 2], count: 2 };
    const roadmap = await projectIndicatorRoadmap({
      communes: [...PROVINCE, counted],
      criteriaCount: 3,
      fromYear: 2027,
      toYear: 2028,
      budget: 1000,
      costs: COSTS,
    });
    expect(roadmap.warnings.some((w) => w.en.includes("E has no indicator-level status"))).toBe(
      true
    );
    expect(roadmap.years[1].standard).toBe(4);
    expect(roadmap.communes).toBe(5);
  });

  it("refuses an end year before the first year", async () => {
    await expect(
      projectIndicatorRoadmap({
        communes: PROVINCE,
        criteriaCount: 3,
        fromYear: 2028,
        toYear: 2027,
        budget: 10,
        costs: COSTS,
      })
    ).rejects.toThrow(/end year/);
  });
});
