import {
  budgetGrid,
  communesGrid,
  costsGrid,
  CRITERIA,
  generateRegion,
  STATUS_SHAPES,
} from "../../bench/generators";
import { Prng } from "../../bench/prng";

describe("benchmark generators", () => {
  it("give the same numbers for the same seed and different ones for another seed", () => {
    const draw = (seed: string): number[] => {
      const rng = new Prng(seed);
      return Array.from({ length: 50 }, () => rng.next());
    };
    expect(draw("a")).toEqual(draw("a"));
    expect(draw("a")).not.toEqual(draw("b"));
    for (const x of draw("a")) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it("generate the same region and the same sheets for the same seed", () => {
    const a = generateRegion({ seed: "det", communes: 300, profile: "planning" });
    const b = generateRegion({ seed: "det", communes: 300, profile: "planning" });
    expect(b).toEqual(a);
    for (const shape of STATUS_SHAPES) expect(communesGrid(b, shape)).toEqual(communesGrid(a, shape));
    expect(costsGrid(b)).toEqual(costsGrid(a));
    expect(budgetGrid(b)).toEqual(budgetGrid(a));
    const other = generateRegion({ seed: "other", communes: 300, profile: "planning" });
    expect(other.communes).not.toEqual(a.communes);
  });

  it("miss 1-5 criteria per commune with one cost per missing criterion in the planning profile", () => {
    const region = generateRegion({ seed: "det", communes: 500, profile: "planning" });
    const codes = new Set(region.communes.map((c) => c.code));
    expect(codes.size).toBe(500);
    expect(new Set(region.communes.map((c) => `${c.district}/${c.name}`)).size).toBe(500);
    for (const c of region.communes) {
      const missing = 19 - c.achieved.length;
      expect(missing).toBeGreaterThanOrEqual(1);
      expect(missing).toBeLessThanOrEqual(5);
      expect(c.achieved).toEqual([...new Set(c.achieved)].sort((x, y) => x - y));
      const costs = region.costs.filter((k) => k.code === c.code).map((k) => k.criterion);
      expect(costs).toEqual(CRITERIA.filter((k) => !c.achieved.includes(k)));
    }
    const needs = region.costs.reduce((s, c) => s + c.cost, 0);
    expect(region.annualBudget).toBe(Math.round(needs * 0.3));
  });

  it("give a country-like spread in the status profile, mostly communes at the standard", () => {
    const region = generateRegion({ seed: "det", communes: 2000, profile: "status" });
    const standard = region.communes.filter((c) => c.achieved.length === 19).length;
    expect(standard / 2000).toBeGreaterThan(0.65);
    expect(standard / 2000).toBeLessThan(0.8);
    expect(region.communes.some((c) => c.achieved.length < 5)).toBe(true);
  });
});
