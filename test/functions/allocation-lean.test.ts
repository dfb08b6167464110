import "./custom-functions-mock";
import fc from "fast-check";
import * as lean from "../../src/functions/allocation";
import { findCatalogue } from "../../src/engine/catalogue-lookup";
import { gridFromRows } from "../../src/workbook/grid";
import { leanAllocationCommunes } from "../../src/workbook/readers/commune-attributes-lean";
import { communesRange } from "../workbook/readers/communes-ranges";

/** The functions as they were before the lean reading: every range read by the full reader. */
function fullOnly(): typeof lean {
  let functions: typeof lean | undefined;
  jest.isolateModules(() => {
    jest.doMock("../../src/workbook/readers/commune-attributes-lean", () => ({
      leanAllocationCommunes: () => null,
    }));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    functions = require("../../src/functions/allocation") as typeof lean;
  });
  return functions!;
}

const full = fullOnly();

/** Excel passes an omitted optional argument as null. */
const OMITTED = null as unknown as undefined;

/** A function's answer, or its refusal: Excel's error code and the whole message (which names sheet and cell). */
function answer(body: () => unknown): unknown {
  try {
    return { value: body() };
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message };
  }
}

/** Rules on every attribute a communes range can give, so that each column read lean decides an amount. */
const RULES = [
  ["Điều kiện", "Hệ số", "Cách tính"],
  ["Khu vực III", 5, "Cao nhất"],
  ["Khu vực I", 2, "Cao nhất"],
  ["ATK", 4, "Cao nhất"],
  ["Biên giới", 1.5, "Cộng thêm"],
  ["Xã ĐBKK", 1, "Cộng thêm"],
  ["Mỗi thôn ĐBKK", 0.5, "Cộng thêm"],
  ["Nhu cầu >= 100", 1, "Cộng thêm"],
  ["Nhóm 3", 1, "Cộng thêm"],
  ["Đăng ký đạt chuẩn", 2, "Cộng thêm"],
  ["Dưới 15 tiêu chí", 3, "Cao nhất"],
  ["Các xã còn lại", 1, "Cao nhất"],
];

describe("ALLOCATE_POLICY, ALLOCATE_COEFFICIENT and ALLOCATE_RULE read lean", () => {
  it("give the amounts, coefficients, rules and refusals the full reader gives, on generated ranges", () => {
    // Only the columns a range has are asked for: a rule on a missing column is refused the same way by both.
    const policies = fc.constantFrom<unknown[][]>(
      [["qd-07-2022"]],
      RULES,
      RULES.slice(0, 1).concat(RULES.slice(9))
    );
    fc.assert(
      fc.property(
        communesRange(),
        policies,
        fc.constantFrom(1000, 12_345, 7),
        fc.constantFrom(OMITTED, 2025),
        ({ rows }, policy, total, year) => {
          const args = [policy, rows, year, OMITTED] as const;
          const none = [OMITTED, OMITTED, OMITTED] as const;
          expect(answer(() => lean.allocatePolicy(total, policy, rows, ...none, year))).toEqual(
            answer(() => full.allocatePolicy(total, policy, rows, ...none, year))
          );
          expect(answer(() => lean.allocateCoefficient(...args))).toEqual(
            answer(() => full.allocateCoefficient(...args))
          );
          expect(answer(() => lean.allocateRule(...args))).toEqual(
            answer(() => full.allocateRule(...args))
          );
        }
      ),
      { numRuns: 400 }
    );
  });

  it("give the 2026-2030 preset's amounts and refusals the full reader gives, groups and every type column read", () => {
    const columns = [
      "group",
      "zone",
      "zoneI",
      "atk",
      "border",
      "island",
      "specialZone",
      "villages",
    ];
    const catalogue = findCatalogue("2026-2030");
    let readLean = 0;
    fc.assert(
      fc.property(communesRange(0.01, { groups: true, include: columns }), ({ rows }) => {
        const policy = [["2026-2030"]];
        if (leanAllocationCommunes(gridFromRows("range", rows), catalogue)) readLean++;
        expect(answer(() => lean.allocatePolicy(1000, policy, rows))).toEqual(
          answer(() => full.allocatePolicy(1000, policy, rows))
        );
        expect(answer(() => lean.allocateRule(policy, rows))).toEqual(
          answer(() => full.allocateRule(policy, rows))
        );
      }),
      { numRuns: 600 }
    );
    expect(readLean).toBeGreaterThan(15);
  });

  it("is the path taken for a plain range (the functions without it differ only in time)", () => {
    const rows = [
      ["TT", "Tên xã", "Số tiêu chí đạt", "ATK"],
      [1, "An Bình", 14, "x"],
      [2, "Tân Phú", 19, ""],
    ];
    const spy = jest.spyOn(
      jest.requireActual("../../src/workbook/readers/commune-attributes") as {
        readAllocationCommunes: unknown;
      },
      "readAllocationCommunes" as never
    );
    expect(lean.allocatePolicy(1000, [["qd-07-2022"]], rows)).toEqual(
      full.allocatePolicy(1000, [["qd-07-2022"]], rows)
    );
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
