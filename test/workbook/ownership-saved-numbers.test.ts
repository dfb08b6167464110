// A result sheet nobody changed hashes the same after another program saved it: Excel, ExcelJS and LibreOffice save
// a number's every digit, openpyxl 16 significant digits, and the values hash must not call that an edit by hand.

import fc from "fast-check";
import { cellsHash } from "../../src/workbook/ownership";

/** The number as a writer of `digits` significant digits saves it and a reader reads it back. */
const saved = (v: number, digits: number) => Number(v.toPrecision(digits));

describe("the values hash of numbers saved again by another program", () => {
  it("is the same whether a number is saved with 17 or 16 significant digits", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const hash = (x: number) => cellsHash([[3, 23, x]]);
        expect(hash(saved(v, 16))).toBe(hash(v));
        expect(hash(saved(v, 17))).toBe(hash(v));
      }),
      { numRuns: 20_000 }
    );
  });

  it("keeps a share openpyxl moved across the 15th digit (-47.148148148148145 saved as -47.14814814814815)", () => {
    expect(cellsHash([[8, 23, -47.14814814814815]])).toBe(
      cellsHash([[8, 23, -47.148148148148145]])
    );
  });

  it("still tells a changed figure", () => {
    expect(cellsHash([[8, 23, 1.1]])).not.toBe(cellsHash([[8, 23, 1.100001]]));
  });
});
