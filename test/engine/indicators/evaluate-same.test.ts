// The indicator evaluation makes its words once per indicator and group and formats each value once: it must give
// exactly what the rule it replaced gave (test/engine/indicators/evaluate-reference.ts), verdicts, words, key order
// and refusals, on any indicator and value, and after an indicator is changed in place.

import fc from "fast-check";
import { CATALOGUE_2026_2030 } from "../../../src/engine/catalogues";
import { evaluateCommune, evaluateIndicator } from "../../../src/engine/indicators";
import type {
  Catalogue,
  CommuneGroup,
  Indicator,
  IndicatorValue,
  Requirement,
} from "../../../src/engine/types";
import * as reference from "./evaluate-reference";

const number = fc.oneof(
  fc.constantFrom(0, -0, 1, 0.5, 49.5, 50, 79.99999999999, 80, 100, 1234.5678, 0.00001, 1e21),
  fc.integer({ min: -100000, max: 100000 }),
  fc.integer({ min: -100000, max: 100000 }).map((n) => n / 10),
  fc.integer({ min: -100000, max: 100000 }).map((n) => n / 1000),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 })
);
const requirement: fc.Arbitrary<Requirement> = fc.oneof(
  fc.constant<Requirement>(null),
  fc.constant<Requirement>(true),
  number
);
const value: fc.Arbitrary<IndicatorValue> = fc.oneof(
  fc.constant<IndicatorValue>(null),
  fc.boolean(),
  number,
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)
);
const group = fc.constantFrom<CommuneGroup>(1, 2, 3);

function indicatorArb(code: string): fc.Arbitrary<Indicator> {
  return fc.record({
    code: fc.constant(code),
    criterion: fc.constant(Number(code.split(".")[0])),
    vi: fc.constant(`Chỉ tiêu ${code}`),
    en: fc.constant(`Indicator ${code}`),
    comparison: fc.constantFrom<Indicator["comparison"]>(">=", "<=", "=", "pass"),
    requirements: fc.record({ 1: requirement, 2: requirement, 3: requirement }),
    unit: fc.constantFrom(undefined, "", "%", "triệu đồng/người/năm"),
  });
}

/** What a call gives: its result as JSON (key order included) and as a value, or its refusal. */
function outcome<T>(run: () => T): { value?: T; json?: string; error?: unknown } {
  try {
    const value = run();
    return { value, json: JSON.stringify(value) };
  } catch (e) {
    return { error: e instanceof Error ? { message: e.message, ...(e as object) } : e };
  }
}

function expectSame<T>(now: () => T, before: () => T): void {
  const a = outcome(now);
  const b = outcome(before);
  expect(a.json).toBe(b.json);
  expect(a.value).toStrictEqual(b.value);
  expect(a.error).toStrictEqual(b.error);
}

describe("evaluateIndicator gives the words of the rule it replaced", () => {
  it("for any indicator, group and value, twice in a row (words made, then kept)", () => {
    fc.assert(
      fc.property(indicatorArb("2.1"), group, value, (indicator, g, v) => {
        expectSame(
          () => evaluateIndicator(indicator, g, v),
          () => reference.evaluateIndicator(indicator, g, v)
        );
        expectSame(
          () => evaluateIndicator(indicator, g, v),
          () => reference.evaluateIndicator(indicator, g, v)
        );
      }),
      { numRuns: 2000 }
    );
  });

  it("after the indicator's requirement, comparison or unit is changed in place", () => {
    fc.assert(
      fc.property(
        indicatorArb("3.2"),
        indicatorArb("3.2"),
        group,
        fc.array(value, { minLength: 1, maxLength: 5 }),
        fc.constantFrom("requirement", "comparison", "unit", "all"),
        (indicator, changed, g, values, what) => {
          // Words made for the indicator as it was (a refusal makes them too).
          for (const v of values) outcome(() => evaluateIndicator(indicator, g, v));
          if (what === "requirement" || what === "all")
            indicator.requirements[g] = changed.requirements[g];
          if (what === "comparison" || what === "all") indicator.comparison = changed.comparison;
          if (what === "unit" || what === "all") indicator.unit = changed.unit;
          for (const v of values) {
            expectSame(
              () => evaluateIndicator(indicator, g, v),
              () => reference.evaluateIndicator(indicator, g, v)
            );
          }
        }
      ),
      { numRuns: 500 }
    );
  });

  it("for more distinct values than it keeps formatted, 0 and -0 apart", () => {
    const indicator: Indicator = {
      code: "6.1",
      criterion: 6,
      vi: "Tỷ lệ hộ nghèo",
      en: "Poor households",
      comparison: "<=",
      requirements: { 1: 1.5, 2: 2, 3: 4 },
      unit: "%",
    };
    for (let k = -2100; k <= 2100; k++) {
      for (const v of k % 500 === 0 ? [k / 100, -0, 0] : [k / 100]) {
        expectSame(
          () => evaluateIndicator(indicator, 1, v),
          () => reference.evaluateIndicator(indicator, 1, v)
        );
      }
    }
  });
});

describe("evaluateCommune gives the evaluation of the rule it replaced", () => {
  const codes = CATALOGUE_2026_2030.criteria.flatMap((c) => [`${c.number}.1`, `${c.number}.2`]);
  it("for any set of indicators (one criterion possibly without any), group and values", () => {
    fc.assert(
      fc.property(
        fc.tuple(...codes.map((code) => fc.option(indicatorArb(code), { nil: undefined }))),
        group,
        fc.tuple(...codes.map(() => value)),
        (maybe, g, values) => {
          const indicators = maybe.filter((i): i is Indicator => i !== undefined);
          const catalogue: Catalogue = { ...CATALOGUE_2026_2030, indicators };
          const byCode: Record<string, IndicatorValue> = {};
          codes.forEach((code, k) => {
            if (k % 7 !== 3) byCode[code] = values[k];
          });
          expectSame(
            () => evaluateCommune(catalogue, g, byCode),
            () => reference.evaluateCommune(catalogue, g, byCode)
          );
        }
      ),
      { numRuns: 1000 }
    );
  });
});
