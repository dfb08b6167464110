import { CATALOGUE_2021_2025 } from "../../../src/engine/catalogues";
import { formatAverageVi, summariseCommunes } from "../../../src/engine/criteria";
import type { Catalogue, CommuneStatus, Tier } from "../../../src/engine/types";

const CAT = CATALOGUE_2021_2025;
const ALL = Array.from({ length: 19 }, (_, i) => i + 1);

function listed(name: string, achieved: number[], tier?: Tier): CommuneStatus {
  return { name, achieved, count: achieved.length, tier };
}

function counted(name: string, count: number): CommuneStatus {
  return { name, achieved: null, count };
}

describe("summariseCommunes", () => {
  it("averages criteria without rounding and counts communes meeting every criterion", () => {
    const communes = [listed("A", ALL), listed("B", ALL), listed("C", ALL.slice(0, 16))];
    const s = summariseCommunes(communes, { catalogue: CAT });
    expect(s.communes).toBe(3);
    expect(s.averageCriteria).toBe((19 + 19 + 16) / 3);
    expect(s.standard).toBe(2);
    expect(s.bands.map((b) => b.count)).toEqual([2, 1, 0, 0, 0]);
  });

  it("counts communes per criterion from lists", () => {
    const s = summariseCommunes([listed("A", [1, 2, 3]), listed("B", [1, 3])], { catalogue: CAT });
    expect(s.criterionCounts?.[1]).toBe(2);
    expect(s.criterionCounts?.[2]).toBe(1);
    expect(s.criterionCounts?.[3]).toBe(2);
    expect(s.criterionCounts?.[19]).toBe(0);
    expect(Object.keys(s.criterionCounts ?? {})).toHaveLength(19);
  });

  it("leaves per-criterion counts out when some commune gives only a count", () => {
    const s = summariseCommunes([listed("A", ALL), counted("B", 15)], { catalogue: CAT });
    expect(s.criterionCounts).toBeUndefined();
    expect(s.averageCriteria).toBe(17);
    expect(s.standard).toBe(1);
  });

  it("uses the bands it is given, in order, and skips counts no band covers", () => {
    const communes = [counted("A", 19), counted("B", 17), counted("C", 12), counted("D", 3)];
    const s = summariseCommunes(communes, { catalogue: CAT, bands: "19,<15" });
    expect(s.bands).toEqual([
      { label: "19", min: 19, max: 19, count: 1 },
      { label: "Dưới 15", min: 0, max: 14, count: 2 },
    ]);
  });

  it("counts nested tiers only when some commune states one", () => {
    const communes = [
      listed("A", ALL, "model"),
      listed("B", ALL, "advanced"),
      listed("C", ALL, "standard"),
      listed("D", ALL.slice(0, 18), "none"),
    ];
    expect(summariseCommunes(communes, { catalogue: CAT }).tiers).toEqual({
      standard: 3,
      advanced: 2,
      model: 1,
    });
    expect(summariseCommunes([listed("A", ALL)], { catalogue: CAT }).tiers).toBeUndefined();
  });

  it("takes the number of criteria from the catalogue", () => {
    const five: Catalogue = {
      id: "x",
      label: "",
      criteria: [1, 2, 3, 4, 5].map((number) => ({ number, vi: "", en: "", group: "" })),
    };
    const s = summariseCommunes([listed("A", [1, 2, 3, 4, 5]), listed("B", [1])], {
      catalogue: five,
    });
    expect(s.standard).toBe(1);
    expect(s.bands.map((b) => b.label)).toEqual(["5", "0-4"]);
    expect(s.bands.map((b) => b.count)).toEqual([1, 1]);
  });

  it("summarises no communes as zeros", () => {
    const s = summariseCommunes([], { catalogue: CAT });
    expect(s.communes).toBe(0);
    expect(s.averageCriteria).toBe(0);
  });
});

describe("formatAverageVi", () => {
  it("prints two decimals with a decimal comma, as the report prints 18,63", () => {
    expect(formatAverageVi(18.625)).toBe("18,63");
    expect(formatAverageVi(19)).toBe("19,00");
    expect(formatAverageVi(16.333333)).toBe("16,33");
  });
});
