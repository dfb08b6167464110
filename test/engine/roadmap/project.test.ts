import fc from "fast-check";
import { InputError } from "../../../src/engine/errors";
import { projectRoadmap } from "../../../src/engine/roadmap";
import type { CommuneStatus, Tier } from "../../../src/engine/types";

/** Sóc Trăng at the end of 2023 (appendix II of the 2023 report): 70 communes at 19 and ten below. */
function socTrang(tiers = false): CommuneStatus[] {
  const below = [16, 17, 15, 15, 15, 15, 15, 18, 17, 17];
  const communes: CommuneStatus[] = below.map((count, i) => ({
    name: `X${i + 1}`,
    achieved: null,
    count,
  }));
  for (let i = 0; i < 70; i++) {
    // End of 2023: 20 advanced of which 2 model.
    const tier: Tier = i < 2 ? "model" : i < 20 ? "advanced" : "standard";
    communes.push({ name: `S${i + 1}`, achieved: null, count: 19, ...(tiers ? { tier } : {}) });
  }
  return communes;
}

describe("projectRoadmap", () => {
  it("starts from the report's figures: 70 standard, 18.625 criteria on average", () => {
    const r = projectRoadmap({ communes: socTrang(), fromYear: 2024, toYear: 2025, budget: 16 });
    expect(r.start).toMatchObject({ year: 2023, standard: 70, averageCriteria: 18.625, below: 0 });
  });

  it("follows the rule by hand for Sóc Trăng with 16 criteria a year at the default pace of 1.5", () => {
    // 2024 (allowance 1; a commune missing ≤ ⌈1.5⌉ = 2 may finish): 18 → 19 (+1), the three 17s → 19 (+2 each),
    // 16 → 17 (+1), the five 15s → 16 (+1 each) = 13 criteria of the 16 affordable; 74 standard.
    // 2025 (allowance 2): 17 → 19 (+2), the five 16s → 18 (+2) = 12; 75 standard.
    const r = projectRoadmap({
      communes: socTrang(),
      fromYear: 2024,
      toYear: 2025,
      budget: 16,
      targets: { standard: 72 },
    });
    expect(r.years.map((y) => [y.year, y.gained, y.standard, y.cost])).toEqual([
      [2024, 13, 74, 13],
      [2025, 12, 75, 12],
    ]);
    expect(r.years[0].newlyStandard).toEqual(["X8", "X2", "X9", "X10"]);
    expect(r.years[0].averageCriteria).toBeCloseTo((70 * 19 + 4 * 19 + 17 + 5 * 16) / 80, 10);
    expect(r.years[1].averageCriteria).toBeCloseTo((75 * 19 + 5 * 18) / 80, 10);
    expect(r.targets[0]).toMatchObject({
      name: "standard",
      target: 72,
      projected: 75,
      reachable: true,
      year: 2024,
      cost: 13,
      shortfall: 0,
    });
  });

  it("says what is short when all 80 are asked for by 2025, and when the pace would get there", () => {
    // After 2025 five communes sit at 18: five communes short, one criterion each. In 2026 (allowance 1, but 1
    // missing ≤ 2) they all finish.
    const r = projectRoadmap({
      communes: socTrang(),
      fromYear: 2024,
      toYear: 2025,
      budget: 16,
      targets: { standard: 80, averageCriteria: 19 },
    });
    expect(r.targets[0]).toMatchObject({
      projected: 75,
      reachable: false,
      year: null,
      yearAtThisPace: 2026,
      shortfall: 5,
      extraCost: 5,
    });
    expect(r.targets[1].reachable).toBe(false);
    expect(r.targets[1].shortfall).toBeCloseTo(5 / 80, 10);
    expect(r.targets[1].extraCost).toBe(5);
  });

  it("reaches 75 standard in 2024 at a pace of 3, as the province's own plan did", () => {
    // 2024: 18→19 (+1), 17s→19 (+2×3), 16→19 (+3) = 10; then 15s +3 each while money lasts: two of them = 16.
    const r = projectRoadmap({
      communes: socTrang(),
      fromYear: 2024,
      toYear: 2026,
      budget: 16,
      pace: 3,
    });
    expect(r.years.map((y) => [y.gained, y.standard])).toEqual([
      [16, 75],
      [11, 77],
      [3, 80],
    ]);
  });

  it("limits the year by money: a cost of 4 per criterion with 16 a year pays 4 criteria", () => {
    const r = projectRoadmap({
      communes: socTrang(),
      fromYear: 2024,
      toYear: 2024,
      budget: 16,
      costPerCriterion: 4,
    });
    // Served in order: 18 (+1), 17 (+2), then the next 17 takes the last one.
    expect(r.years[0]).toMatchObject({ gained: 4, cost: 16, standard: 72 });
  });

  it("serves communes registered for the year first", () => {
    const communes: CommuneStatus[] = [
      { name: "near", achieved: null, count: 18 },
      { name: "registered", achieved: null, count: 15, registeredYear: 2024 },
    ];
    const r = projectRoadmap({ communes, fromYear: 2024, toYear: 2024, budget: 1, pace: 4 });
    expect(r.years[0]).toMatchObject({ gained: 1, standard: 0 });
    expect(r.years[0].averageCriteria).toBe(17);
  });

  it("projects advanced and model communes only when a pace for them is given", () => {
    const targets = { advanced: 24, model: 8 };
    const none = projectRoadmap({
      communes: socTrang(true),
      fromYear: 2024,
      toYear: 2025,
      budget: 16,
      targets,
    });
    expect(none.start).toMatchObject({ advanced: 20, model: 2 });
    expect(none.years[1].advanced).toBeNull();
    expect(none.targets.map((t) => t.reachable)).toEqual([null, null]);
    const paced = projectRoadmap({
      communes: socTrang(true),
      fromYear: 2024,
      toYear: 2025,
      budget: 16,
      tierPace: { advanced: 2, model: 2.5 },
      targets,
    });
    // Advanced 20 + 2·2 = 24 by 2025; model 2 + ⌊2.5·2⌋ = 7 by 2025, one short; 8 in 2026.
    expect(paced.targets).toMatchObject([
      { name: "advanced", projected: 24, reachable: true, year: 2025 },
      { name: "model", projected: 7, reachable: false, shortfall: 1, yearAtThisPace: 2026 },
    ]);
  });

  it("takes current advanced/model numbers when the communes have no tiers", () => {
    const r = projectRoadmap({
      communes: socTrang(),
      fromYear: 2024,
      toYear: 2025,
      budget: 16,
      current: { advanced: 20, model: 2 },
      tierPace: { advanced: 1 },
    });
    expect(r.years.map((y) => [y.advanced, y.model])).toEqual([
      [21, null],
      [22, null],
    ]);
  });

  it.each([
    [{ fromYear: 2025, toYear: 2024 }, /end year/],
    [{ budget: -1 }, /budget/],
    [{ pace: 0 }, /pace/],
    [{ costPerCriterion: 0 }, /cost per criterion/],
    [{ tierPace: { advanced: -1 } }, /tierPace.advanced to be a number ≥ 0/],
    [{ targets: { standard: Number.NaN } }, /targets.standard/],
  ])("refuses %o", (bad, message) => {
    const request = { communes: socTrang(), fromYear: 2024, toYear: 2025, budget: 16, ...bad };
    expect(() => projectRoadmap(request)).toThrow(InputError);
    expect(() => projectRoadmap(request)).toThrow(message);
  });

  it("never spends more than the budget, never lowers a commune, and gains at most the pace allowance", () => {
    const arb = fc.record({
      counts: fc.array(fc.integer({ min: 0, max: 19 }), { minLength: 1, maxLength: 40 }),
      budget: fc.integer({ min: 0, max: 200 }),
      cost: fc.integer({ min: 1, max: 10 }),
      pace: fc.constantFrom(1, 1.5, 2, 3),
    });
    fc.assert(
      fc.property(arb, ({ counts, budget, cost, pace }) => {
        const communes = counts.map((count, i) => ({ name: `C${i}`, achieved: null, count }));
        const r = projectRoadmap({
          communes,
          fromYear: 2024,
          toYear: 2030,
          budget,
          costPerCriterion: cost,
          pace,
        });
        let previous = r.start;
        for (const y of r.years) {
          expect(y.cost).toBeLessThanOrEqual(budget);
          expect(y.cost).toBe(y.gained * cost);
          expect(y.standard).toBeGreaterThanOrEqual(previous.standard);
          expect(y.averageCriteria * counts.length).toBeCloseTo(
            previous.averageCriteria * counts.length + y.gained,
            6
          );
          expect(y.gained).toBeLessThanOrEqual(counts.length * Math.max(Math.ceil(pace), 2));
          previous = y;
        }
      }),
      { numRuns: 100 }
    );
  });
  it("takes the first year as planned and applies the pace from the second year", () => {
    // Sóc Trăng's appendix II plan for 2024 (5 communes finish, 16 criteria): X1 +3, X2 +2, X3..X4 +3, X8..X10.
    const gained = [3, 2, 3, 3, 0, 0, 0, 1, 2, 2, ...Array(70).fill(0)];
    const r = projectRoadmap({
      communes: socTrang(),
      fromYear: 2024,
      toYear: 2025,
      budget: 16,
      firstYear: { gained, cost: 16 },
    });
    expect(r.years[0]).toMatchObject({ year: 2024, standard: 75, gained: 16, cost: 16 });
    expect(r.years[0].newlyStandard).toEqual(["X1", "X2", "X8", "X9", "X10"]);
    // 2025 (allowance 2): X3, X4 at 18 finish (+1 each), X5..X7 at 15 gain 2 each: 8 criteria.
    expect(r.years[1]).toMatchObject({ standard: 77, gained: 8, cost: 8 });
  });

  it("refuses a first-year plan that gives a commune more criteria than it misses", () => {
    const gained = Array(80).fill(0);
    gained[7] = 2; // X8 has 18 of 19
    expect(() =>
      projectRoadmap({
        communes: socTrang(),
        fromYear: 2024,
        toYear: 2025,
        budget: 16,
        firstYear: { gained, cost: 2 },
      })
    ).toThrow(InputError);
  });
});
