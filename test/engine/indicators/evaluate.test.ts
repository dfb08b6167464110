import fc from "fast-check";
import {
  CATALOGUE_2026_2030,
  CATALOGUE_2021_2025,
  periodForYear,
} from "../../../src/engine/catalogues";
import {
  evaluateCommune,
  evaluateIndicator,
  findIndicator,
  leadingIndicatorCode,
  parseCommuneGroup,
  parseIndicatorCode,
  withIndicators,
} from "../../../src/engine/indicators";
import type { CommuneGroup, IndicatorValue } from "../../../src/engine/types";
import { illustrativeCatalogue, indicator } from "./fixtures";

describe("the 2026-2030 catalogue", () => {
  it("has the 10 criteria of Decision 51/2025/QĐ-TTg and slots for 47 indicators, no thresholds", () => {
    expect(CATALOGUE_2026_2030.criteria.map((c) => c.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(CATALOGUE_2026_2030.criteria[1].vi).toBe("Hạ tầng kinh tế - xã hội");
    expect(CATALOGUE_2026_2030.criteria[9].vi).toBe("Tiếp cận pháp luật và an ninh, quốc phòng");
    expect(CATALOGUE_2026_2030.indicators).toEqual([]);
    expect(CATALOGUE_2026_2030.indicatorTotal).toBe(47);
    expect(CATALOGUE_2026_2030.requiresGroup).toBe(true);
    expect(CATALOGUE_2026_2030.tiers).toEqual(["standard", "modern"]);
    expect(CATALOGUE_2026_2030.targets).toMatchObject({ year: 2030, standard: 0.65, top: 0.1 });
  });

  it("leaves the older periods as they were: 19 criteria, no groups, advanced and model tiers", () => {
    expect(CATALOGUE_2021_2025.criteria).toHaveLength(19);
    expect(CATALOGUE_2021_2025.requiresGroup).toBeUndefined();
    expect(CATALOGUE_2021_2025.tiers).toBeUndefined();
  });

  it("finds the period in force for a plan year", () => {
    expect(periodForYear(2027)).toBe("2026-2030");
    expect(periodForYear(2026)).toBe("2026-2030");
    expect(periodForYear(2025)).toBe("2021-2025");
    expect(periodForYear(2013)).toBe("2011-2015");
    expect(periodForYear(2031)).toBeUndefined();
  });
});

describe("indicator codes and groups", () => {
  it("reads codes numbered within their criterion", () => {
    expect(parseIndicatorCode("2.1")?.code).toBe("2.1");
    expect(parseIndicatorCode("CT 2.10")?.code).toBe("2.10");
    expect(parseIndicatorCode("Chỉ tiêu 10.3")).toEqual({ criterion: 10, index: 3, code: "10.3" });
    expect(parseIndicatorCode("2")).toBeNull();
    expect(parseIndicatorCode("2.1a")).toBeNull();
    expect(parseIndicatorCode("0.1")).toBeNull();
  });

  it("reads the code a label starts with, alone or before the indicator's text, in both readers' one way", () => {
    expect(leadingIndicatorCode(2.1)).toBe("2.1");
    expect(leadingIndicatorCode("Chỉ tiêu 2.1")).toBe("2.1");
    expect(leadingIndicatorCode("2.1. Tỷ lệ hộ dùng nước sạch")).toBe("2.1");
    expect(leadingIndicatorCode("CT 10.3: Tỷ lệ")).toBe("10.3");
    expect(leadingIndicatorCode("2.1.")).toBe("2.1");
    expect(leadingIndicatorCode("Tỷ lệ 2.1")).toBeNull();
    expect(leadingIndicatorCode("2.1a")).toBeNull();
    expect(leadingIndicatorCode(true)).toBeNull();
  });

  it("reads commune groups 1, 2, 3 in the ways sheets write them", () => {
    expect(parseCommuneGroup(1)).toBe(1);
    expect(parseCommuneGroup("Nhóm 2")).toBe(2);
    expect(parseCommuneGroup("nhom xa 3")).toBe(3);
    expect(parseCommuneGroup("III")).toBe(3);
    expect(parseCommuneGroup(4)).toBeNull();
    expect(parseCommuneGroup("Nhóm 4")).toBeNull();
    expect(parseCommuneGroup(null)).toBeNull();
  });

  it("refuses an indicator of an unknown criterion, a code outside its criterion and a duplicate code", () => {
    const ok = indicator("2.1", ">=", { 1: 1, 2: 1, 3: 1 });
    expect(() =>
      withIndicators(CATALOGUE_2026_2030, [{ ...ok, criterion: 11, code: "11.1" }])
    ).toThrow(/criterion from 1 to 10/);
    expect(() => withIndicators(CATALOGUE_2026_2030, [{ ...ok, code: "3.1" }])).toThrow(
      /numbered within criterion 2/
    );
    expect(() => withIndicators(CATALOGUE_2026_2030, [ok, ok])).toThrow(/2\.1 appears twice/);
    expect(() => withIndicators(CATALOGUE_2026_2030, [{ ...ok, comparison: "pass" }])).toThrow(
      /"đạt" \(met\)/
    );
  });

  it("warns when the sheet's indicators are not the decision's 47 and when a criterion has none", () => {
    const { catalogue, warnings } = withIndicators(CATALOGUE_2026_2030, [
      indicator("2.2", ">=", { 1: 1, 2: 1, 3: 1 }),
      indicator("2.1", ">=", { 1: 1, 2: 1, 3: 1 }),
    ]);
    expect(catalogue.indicators?.map((i) => i.code)).toEqual(["2.1", "2.2"]);
    expect(warnings.map((w) => w.en)).toEqual([
      "Set 2026-2030 has 47 indicators by decision; the indicator sheet has 2",
      "Criteria 1, 3, 4, 5, 6, 7, 8, 9, 10 have no indicator in the indicator sheet",
    ]);
    expect(() => findIndicator(catalogue, "9.9")).toThrow(/2\.1, 2\.2/);
    expect(findIndicator(catalogue, "CT2.2").code).toBe("2.2");
  });
});

describe("evaluateIndicator", () => {
  const income = indicator("3.1", ">=", { 1: 80, 2: 70, 3: 50 }, "triệu đồng");
  const poverty = indicator("6.1", "<=", { 1: 1, 2: 2, 3: 5 }, "%");

  it("compares a value with the requirement of the commune's group and says why", () => {
    expect(evaluateIndicator(income, 2, 72).met).toBe(true);
    const v = evaluateIndicator(income, 1, 72);
    expect(v).toMatchObject({ met: false, value: 72, requirement: 80 });
    expect(v.reason?.vi).toBe("72 triệu đồng, cần ≥ 80 triệu đồng (nhóm 1)");
    expect(v.reason?.en).toBe("72 triệu đồng, needs ≥ 80 triệu đồng (group 1)");
    expect(evaluateIndicator(poverty, 3, 4.5).met).toBe(true);
    expect(evaluateIndicator(poverty, 1, 1.5).reason?.vi).toBe("1,5 %, cần ≤ 1 % (nhóm 1)");
  });

  it("treats formula drift as equal, a blank as not met and a not-applicable requirement as met", () => {
    expect(evaluateIndicator(income, 1, 79.99999999999).met).toBe(true);
    expect(evaluateIndicator(income, 1, 79.99).met).toBe(false);
    expect(evaluateIndicator(income, 1, null).reason?.en).toBe(
      "no value; needs ≥ 80 triệu đồng (group 1)"
    );
    const partly = indicator("4.2", "pass", { 1: null, 2: true, 3: true });
    expect(evaluateIndicator(partly, 1, false)).toMatchObject({ met: true });
    expect(evaluateIndicator(partly, 2, false)).toMatchObject({ met: false });
    expect(() => evaluateIndicator(partly, 2, 5)).toThrow(/not a number/);
  });
});

describe("evaluateCommune", () => {
  it("refuses a catalogue with a criterion that has no indicators", () => {
    expect(() => evaluateCommune(CATALOGUE_2026_2030, 1, {})).toThrow(/criterion 1/);
  });

  const catalogue = illustrativeCatalogue();
  const codes = catalogue.indicators!.map((i) => i.code);
  const value = fc.oneof(
    fc.constant<IndicatorValue>(null),
    fc.boolean(),
    fc.constantFrom(0, 49.5, 50, 50.0000000001, 69, 70, 79.9, 80, 100)
  );
  const commune = fc.record({
    group: fc.constantFrom<CommuneGroup>(1, 2, 3),
    values: fc.tuple(...codes.map(() => value)),
  });

  it("meets a criterion exactly when all its indicators meet their requirements for its group", () => {
    fc.assert(
      fc.property(commune, ({ group, values }) => {
        const byCode: Record<string, IndicatorValue> = {};
        codes.forEach((code, k) => {
          const ind = catalogue.indicators![k];
          // A number for a mark indicator is not a value the readers pass on.
          byCode[code] =
            ind.comparison === "pass" && typeof values[k] === "number" ? true : values[k];
        });
        const result = evaluateCommune(catalogue, group, byCode);
        for (const criterion of catalogue.criteria) {
          const own = catalogue.indicators!.filter((i) => i.criterion === criterion.number);
          // Independent oracle: the requirement read straight from the indicator.
          const allMet = own.every((i) => {
            const req = i.requirements[group];
            const v = byCode[i.code];
            if (req === null) return true;
            if (typeof v === "boolean") return v;
            if (v === null) return false;
            if (i.comparison === ">=")
              return v >= (req as number) - 1e-9 * Math.max(1, req as number);
            if (i.comparison === "<=")
              return v <= (req as number) + 1e-9 * Math.max(1, req as number);
            return Math.abs(v - (req as number)) <= 1e-9 * Math.max(1, req as number);
          });
          expect(result.achieved.includes(criterion.number)).toBe(allMet);
          const verdict = result.criteria.find((c) => c.criterion === criterion.number)!;
          expect(verdict.met).toBe(allMet);
          expect(verdict.missing.length === 0).toBe(allMet);
        }
        expect(result.indicatorsMet).toEqual(
          result.indicators.filter((v) => v.met).map((v) => v.code)
        );
        for (const v of result.indicators) if (!v.met) expect(v.reason).toBeDefined();
      }),
      { numRuns: 200 }
    );
  });
});
