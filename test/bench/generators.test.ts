import {
  budgetGrid,
  communesGrid,
  costsGrid,
  CRITERIA,
  generateRegion,
  officeCostsGrid,
  STATUS_SHAPES,
} from "../../bench/generators";
import { plannerInput } from "../../bench/planner-input";
import { Prng } from "../../bench/prng";
import { CATALOGUE_2021_2025 } from "../../src/engine/catalogues";
import { labelKey } from "../../src/engine/text";
import { gridFromRows } from "../../src/workbook/grid";
import { readBudget } from "../../src/workbook/readers/budget";
import { readCommunes } from "../../src/workbook/readers/communes";
import { readCosts } from "../../src/workbook/readers/costs";

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
    for (const shape of STATUS_SHAPES)
      expect(communesGrid(b, shape)).toEqual(communesGrid(a, shape));
    expect(costsGrid(b)).toEqual(costsGrid(a));
    expect(budgetGrid(b)).toEqual(budgetGrid(a));
    const other = generateRegion({ seed: "other", communes: 300, profile: "planning" });
    expect(other.communes).not.toEqual(a.communes);
  });

  it("miss 1-5 criteria per commune with one cost per missing criterion in the planning profile", () => {
    const region = generateRegion({ seed: "det", communes: 500, profile: "planning" });
    const codes = new Set(region.communes.map((c) => c.code));
    expect(codes.size).toBe(500);
    // Unique as the readers compare names: without diacritics.
    expect(new Set(region.communes.map((c) => labelKey(c.name))).size).toBe(500);
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

describe("benchmark sheets", () => {
  const region = generateRegion({ seed: "valid", communes: 400, profile: "planning" });
  const catalogue = CATALOGUE_2021_2025;

  it.each(STATUS_SHAPES)(
    "are read by the communes reader in the %s shape, as generated",
    (shape) => {
      const read = readCommunes(gridFromRows("Xa", communesGrid(region, shape)), { catalogue });
      expect(read.shape).toBe(shape);
      expect(read.communes.map((c) => c.name)).toEqual(region.communes.map((c) => c.name));
      expect(read.communes.map((c) => c.count)).toEqual(
        region.communes.map((c) => c.achieved.length)
      );
      if (shape !== "count") {
        expect(read.communes.map((c) => c.achieved)).toEqual(
          region.communes.map((c) => c.achieved)
        );
      }
      expect(read.communes.map((c) => c.registeredYear ?? null)).toEqual(
        region.communes.map((c) => c.registeredYear)
      );
      expect(read.communes.map((c) => Boolean(c.especiallyDifficult))).toEqual(
        region.communes.map((c) => c.especiallyDifficult)
      );
    }
  );

  it("are read by the budget reader with every amount", () => {
    const table = readBudget(gridFromRows("NguonVon", budgetGrid(region)));
    expect(JSON.stringify(table)).toContain(String(region.budgetLines[0].amount));
  });

  it("give the costs reader the same costs the planner input is built from", () => {
    const communes = readCommunes(gridFromRows("Xa", communesGrid(region, "list")), {
      catalogue,
    }).communes;
    const read = readCosts(gridFromRows("ChiPhi", costsGrid(region)), {
      communes,
      catalogue,
    });
    expect(read.costs.perCommune).toEqual(plannerInput(region).options.costs!.perCommune);
  });

  it("give the same costs in an office's nine columns (the readers' scale bench)", () => {
    const communes = readCommunes(gridFromRows("Xa", communesGrid(region, "list")), {
      catalogue,
    }).communes;
    const office = officeCostsGrid(region);
    expect(office[0]).toHaveLength(9);
    expect(office).toHaveLength(region.costs.length + 1);
    const read = readCosts(gridFromRows("ChiPhi", office), { communes, catalogue });
    expect(read.costs.perCommune).toEqual(plannerInput(region).options.costs!.perCommune);
  });
});
