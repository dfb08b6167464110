import "../functions/custom-functions-mock";
import { MockCustomFunctionsError } from "../functions/custom-functions-mock";
// Custom functions (=NTM.…) on whatever a sheet passes them: they return a value of their declared kind or a
// #VALUE! with a bilingual message. guard() turns any other exception into #N/A, which hides a crash: here it is one.

import fc from "fast-check";
import { allocate } from "../../src/functions/allocation";
import {
  average,
  band,
  count,
  criterion,
  distribution,
  missing,
} from "../../src/functions/criteria";
import {
  counterpartGapFunction,
  counterpartRatio,
  minRatio,
  shares,
} from "../../src/functions/money";
import { next } from "../../src/functions/targets";
import { junkValue } from "./generators";

/**
 * What Excel passes for a number argument: always a number (it refuses text itself), sometimes odd. Amounts are in
 * million VND, so nothing below a thousandth (1,000 VND): NTM.COUNTERPART_RATIO(20; 5E-324) overflows to Infinity
 * (#NUM! in Excel), an edge reported rather than tested.
 */
const num = fc.oneof(
  fc.integer({ min: -5, max: 40 }),
  fc.double({ min: -1e6, max: 1e9, noNaN: true }).filter((x) => x === 0 || Math.abs(x) >= 1e-3),
  fc.constantFrom(0, 0.5, 1, 19, 20, 100, 1e15, -0)
);
const optNum = fc.option(num, { nil: undefined });
const text = fc.oneof(
  fc.constantFrom("2021-2025", "2011-2015", "vi", "en", "19,15-18,10-14,5-9,0-4", "", "x"),
  fc.string({ maxLength: 10 })
);
const optText = fc.option(text, { nil: undefined });
/** A range: rows of cells as Excel passes them (blank cells as ""). */
const range = fc.oneof(
  fc
    .array(
      fc.array(
        junkValue.map((v) => (v === null || v instanceof Date || typeof v === "object" ? "" : v)),
        { minLength: 1, maxLength: 4 }
      ),
      { minLength: 1, maxLength: 6 }
    )
    .map((rows) => {
      const width = Math.max(...rows.map((r) => r.length));
      return rows.map((r) => [...r, ...new Array(width - r.length).fill("")]);
    }),
  fc.constantFrom(
    [["1,2,3-5,7"]],
    [["1-19"]],
    [[16], [17], [19]],
    [[223534], [54351]],
    [
      [0, 30, 1.5],
      [30, 100, 1],
    ]
  )
);

type Outcome =
  { kind: "value"; value: unknown } | { kind: "input-error" } | { kind: "crash"; what: string };

function call(body: () => unknown): Outcome {
  try {
    return { kind: "value", value: body() };
  } catch (e) {
    if (e instanceof MockCustomFunctionsError && e.code === "#VALUE!")
      return { kind: "input-error" };
    return {
      kind: "crash",
      what: e instanceof MockCustomFunctionsError ? `#N/A ${e.message}` : String(e),
    };
  }
}

function isNumberTable(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.every((r) => Array.isArray(r) && r.length === (v[0] as unknown[]).length) &&
    v.flat().every((x) => (typeof x === "number" && Number.isFinite(x)) || typeof x === "string")
  );
}

const kinds = {
  number: (v: unknown) => typeof v === "number" && Number.isFinite(v),
  string: (v: unknown) => typeof v === "string" && !/NaN|undefined|\[object/.test(v),
  table: isNumberTable,
};

const CASES: [
  string,
  fc.Arbitrary<unknown[]>,
  (...args: never[]) => unknown,
  keyof typeof kinds,
][] = [
  ["CRITERION", fc.tuple(num, optText, optText), criterion, "string"],
  ["COUNT", fc.tuple(range, optText), count, "number"],
  ["MISSING", fc.tuple(range, optText), missing, "string"],
  ["BAND", fc.tuple(num, optText), band, "string"],
  ["AVERAGE", fc.tuple(range), average, "number"],
  ["DISTRIBUTION", fc.tuple(range, optText), distribution, "table"],
  ["SHARES", fc.tuple(range, optNum), shares, "table"],
  ["COUNTERPART_RATIO", fc.tuple(num, num), counterpartRatio, "number"],
  ["COUNTERPART_GAP", fc.tuple(num, num, optNum), counterpartGapFunction, "number"],
  ["MIN_RATIO", fc.tuple(num, range), minRatio, "number"],
  ["ALLOCATE", fc.tuple(num, range, optNum, optNum, optNum), allocate, "table"],
  ["NEXT", fc.tuple(range, optNum, fc.option(range, { nil: undefined })), next, "string"],
];

describe("custom functions on whatever cells hold", () => {
  it.each(CASES)(
    "NTM.%s returns its kind of value or #VALUE!, never an internal error",
    (_name, args, fn, kind) => {
      fc.assert(
        fc.property(args, (a) => {
          const out = call(() => (fn as (...x: unknown[]) => unknown)(...a));
          if (out.kind === "crash") throw new Error(out.what);
          if (out.kind === "value" && !kinds[kind](out.value))
            throw new Error(`returned ${JSON.stringify(out.value)}`);
        }),
        { numRuns: 300 }
      );
    }
  );
});
