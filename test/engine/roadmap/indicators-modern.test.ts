// The modern tier (NTM hiện đại) projected from its own requirements (the policy sheet's "NTM hiện đại" column): a
// commune is modern when recognised so, or at the standard with values meeting every modern requirement; an
// indicator planned to its group's requirement has no new value and meets a higher modern one only if it did before.
import { projectIndicatorRoadmap } from "../../../src/engine/roadmap";
import { MODERN_NOT_PROJECTED, MODERN_PROJECTED } from "../../../src/engine/roadmap/indicators";
import type { CommuneStatus, Indicator } from "../../../src/engine/types";

/** 1.1: at least 50 for every group, at least 90 for a modern commune. The other five: marks, no modern requirement. */
const INDICATORS: Indicator[] = [
  {
    code: "1.1",
    criterion: 1,
    vi: "Tỷ lệ",
    en: "Share",
    requirements: { 1: 50, 2: 50, 3: 50 },
    comparison: ">=",
    unit: "%",
    modern: 90,
  },
  ...["1.2", "2.1", "2.2", "3.1", "3.2"].map((code): Indicator => ({
    code,
    criterion: Number(code[0]),
    vi: code,
    en: code,
    requirements: { 1: true, 2: true, 3: true },
    comparison: "pass",
    // 3.2 says "không áp dụng" for the modern tier; the others leave it blank.
    ...(code === "3.2" ? { modern: null } : {}),
  })),
];

/** A commune with its value of 1.1 and the mark indicators it misses. */
function commune(
  name: string,
  share: number,
  missing: string[],
  tier?: CommuneStatus["tier"]
): CommuneStatus {
  const indicators = INDICATORS.map((i) => {
    const value = i.code === "1.1" ? share : !missing.includes(i.code);
    const met = i.code === "1.1" ? share >= 50 : value === true;
    return { code: i.code, criterion: i.criterion, met, value, requirement: i.requirements[2] };
  });
  const achieved = [1, 2, 3].filter((n) =>
    indicators.filter((v) => v.criterion === n).every((v) => v.met)
  );
  return {
    name,
    group: 2,
    achieved,
    count: achieved.length,
    indicators,
    indicatorsMet: indicators.filter((v) => v.met).map((v) => v.code),
    ...(tier ? { tier } : {}),
  };
}

const PROVINCE = [
  commune("A", 95, []), // standard, 95 ≥ 90: modern
  commune("B", 60, []), // standard, 60 < 90: not modern
  commune("C", 92, ["2.1"]), // 2.1 planned in 2027: standard then, and 92 ≥ 90: modern
  commune("D", 40, []), // 1.1 planned in 2027: standard then, but 40 has no new value: not modern
  commune("E", 70, [], "modern"), // recognised modern (status column)
];

const request = {
  communes: PROVINCE,
  criteriaCount: 3,
  fromYear: 2027,
  toYear: 2028,
  budget: 100,
  defaultCost: 10,
  targets: { modern: 3 },
};

describe("the modern tier in the indicator roadmap", () => {
  it("is projected from the modern requirements: recognised, or at the standard and meeting them by value", async () => {
    const roadmap = await projectIndicatorRoadmap({ ...request, modernRequirements: INDICATORS });
    expect(roadmap.start).toMatchObject({ standard: 3, modern: 2 }); // A, E
    expect(roadmap.years[0]).toMatchObject({ year: 2027, standard: 5, modern: 3 }); // + C, not D
    expect(roadmap.years[1]).toMatchObject({ year: 2028, modern: 3 });
    expect(roadmap.modernNote).toEqual(MODERN_PROJECTED);
    const [modern] = roadmap.targets;
    expect(modern).toMatchObject({
      name: "modern",
      target: 3,
      projected: 3,
      reachable: true,
      year: 2027,
      shortfall: 0,
      note: MODERN_PROJECTED,
    });
  });

  it("misses a target above what the values allow, and says by how many", async () => {
    const roadmap = await projectIndicatorRoadmap({
      ...request,
      targets: { modern: 5 },
      modernRequirements: INDICATORS,
    });
    expect(roadmap.targets[0]).toMatchObject({ projected: 3, reachable: false, shortfall: 2 });
  });

  it("without modern requirements keeps saying it is not projected", async () => {
    for (const modernRequirements of [
      undefined,
      INDICATORS.map((i) => ({ ...i, modern: undefined })),
    ]) {
      const roadmap = await projectIndicatorRoadmap({ ...request, modernRequirements });
      expect(roadmap.start.modern).toBe(1); // the status column's count: E
      expect(roadmap.years.map((y) => y.modern)).toEqual([null, null]);
      expect(roadmap.modernNote).toEqual(MODERN_NOT_PROJECTED);
      expect(roadmap.targets[0]).toMatchObject({ projected: null, note: MODERN_NOT_PROJECTED });
    }
  });
});
