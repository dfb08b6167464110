import { CATALOGUE_2026_2030 } from "../../../src/engine/catalogues";
import { summariseCommunes } from "../../../src/engine/criteria";
import { evaluateCommune, shareTarget, shareTargetProgress } from "../../../src/engine/indicators";
import type { CommuneGroup, CommuneStatus, IndicatorValue, Tier } from "../../../src/engine/types";
import { illustrativeCatalogue } from "./fixtures";

const catalogue = illustrativeCatalogue();

function commune(
  name: string,
  group: CommuneGroup,
  values: Record<string, IndicatorValue>,
  tier?: Tier
): CommuneStatus {
  const e = evaluateCommune(catalogue, group, values);
  return {
    name,
    group,
    achieved: e.achieved,
    count: e.achieved.length,
    indicatorsMet: e.indicatorsMet,
    indicators: e.indicators,
    tier,
  };
}

/** Every indicator met for the group: each value equals the group's threshold (met for ≥, ≤ and =). */
function allMet(group: CommuneGroup): Record<string, IndicatorValue> {
  const v: Record<string, IndicatorValue> = {};
  for (const i of catalogue.indicators!) {
    v[i.code] = i.comparison === "pass" ? true : (i.requirements[group] as number);
  }
  return v;
}

describe("summaries of the 2026-2030 set", () => {
  it("uses the bands 10, 8-9, 5-7, dưới 5 and counts criteria and indicators per group", () => {
    const communes = [
      commune("A", 1, allMet(1), "modern"),
      commune("B", 2, { ...allMet(2), "1.1": 60 }, "none"),
      commune("C", 2, { ...allMet(2), "4.2": false, "2.2": false, "3.2": false }),
      commune("D", 1, { ...allMet(1), "4.2": false }),
    ];
    const s = summariseCommunes(communes, { catalogue });
    expect(s.bands.map((b) => [b.label, b.count])).toEqual([
      ["10", 2],
      ["8-9", 1],
      ["5-7", 1],
      ["0-4", 0],
    ]);
    expect(s.standard).toBe(2);
    expect(s.criterionCounts?.[1]).toBe(3);
    expect(s.criterionCounts?.[4]).toBe(3);
    expect(Object.keys(s.indicatorCounts ?? {})).toHaveLength(20);
    expect(s.indicatorCounts?.["1.1"]).toBe(3);
    // 4.2 does not apply to group 1: D meets it although marked not met.
    expect(s.indicatorCounts?.["4.2"]).toBe(3);
    expect(s.groups?.["1"]).toMatchObject({ communes: 2, standard: 2 });
    expect(s.groups?.["2"]?.criterionCounts?.[1]).toBe(1);
    expect(s.groups?.["2"]?.indicatorCounts?.["4.2"]).toBe(1);
    expect(s.groups?.["3"]).toBeUndefined();
    expect(s.tiers).toEqual({ standard: 1, advanced: 0, model: 0, modern: 1 });
  });

  it("measures the share at the standard against the 2030 targets, rounding the target count up", () => {
    const p = shareTargetProgress(
      { communes: 43, standard: 20, top: 1 },
      CATALOGUE_2026_2030.targets!
    );
    expect(p.standard).toEqual({
      count: 20,
      share: 20 / 43,
      target: 0.65,
      targetCount: 28,
      gap: 8,
    });
    expect(p.top).toMatchObject({ targetCount: 5, gap: 4 });
    expect(
      shareTargetProgress(
        { communes: 100, standard: 70 },
        { year: 2030, standard: 0.65, source: "x" }
      ).standard
    ).toMatchObject({ targetCount: 65, gap: 0 });
    expect(shareTarget(65, { vi: "", en: "" })).toBeCloseTo(0.65);
    expect(() => shareTarget(170, { vi: "mục tiêu", en: "target" })).toThrow(/0 to 100%/);
  });
});
