// Shares as shown add to exactly 100% at the precision shown, each within one last-place unit of the exact share.

import fc from "fast-check";
import { displayedSharesOf, roundedShares, shareUnit } from "../../src/engine/rounding";

/** A share in whole units of its last place: 0.0621 at 2 decimals → 621. */
const inUnits = (share: number, decimals: number) => Math.round(share / shareUnit(decimals));

describe("roundedShares: the displayed shares", () => {
  it("add to exactly 100% at the displayed precision, each within one unit of the exact share", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-6, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 4 }),
        (parts, decimals) => {
          const shown = roundedShares(parts, decimals);
          const total = parts.reduce((a, b) => a + b, 0);
          const unit = shareUnit(decimals);
          expect(shown.reduce((s, v) => s + inUnits(v, decimals), 0)).toBe(10 ** (decimals + 2));
          shown.forEach((v, i) => {
            // Every value is a whole number of units (what the format shows is the value held) …
            expect(Math.abs(v / unit - inUnits(v, decimals))).toBeLessThan(1e-6);
            // … and lies within one unit of the exact share (rounded down or up, never further).
            expect(Math.abs(v - parts[i] / total)).toBeLessThan(unit * (1 + 1e-9));
          });
        }
      ),
      { numRuns: 500 }
    );
  });

  it("default to two decimals: the sample's 2023 funding mix shows 100,00%, not 100,01%", () => {
    const sources = [223534, 54351, 1379545, 1429056, 328664, 187162];
    const shown = roundedShares(sources);
    expect(shown.map((s) => inUnits(s, 2))).toEqual([620, 151, 3830, 3967, 912, 520]);
    // Each rounded on its own, they would show 6,21 + 1,51 + 38,30 + 39,67 + 9,12 + 5,20 = 100,01%.
    const total = sources.reduce((a, b) => a + b, 0);
    const alone = sources.map((s) => Math.round((s / total) * 10000));
    expect(alone.reduce((a, b) => a + b, 0)).toBe(10001);
  });

  it("are all zero when every part is zero, and nothing for no parts", () => {
    expect(roundedShares([0, 0])).toEqual([0, 0]);
    expect(roundedShares([])).toEqual([]);
  });
});

describe("displayedSharesOf: parts of a whole", () => {
  it("rounds parts that make up the whole to add to exactly 100%", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 500 }), { minLength: 1, maxLength: 12 }), (counts) => {
        const whole = counts.reduce((a, b) => a + b, 0);
        const shown = displayedSharesOf(counts, whole);
        if (whole === 0) {
          expect(shown.every((s) => s === null)).toBe(true);
          return;
        }
        const units = shown.map((s) => inUnits(s ?? NaN, 2));
        expect(units.reduce((a, b) => a + b, 0)).toBe(10000);
        shown.forEach((s, i) =>
          expect(Math.abs((s ?? NaN) - counts[i] / whole)).toBeLessThan(1e-4)
        );
      })
    );
  });

  it("leaves the exact shares when the parts do not make up the whole (no forced 100%)", () => {
    // Bands that leave out some communes: 30 and 30 of 80 are 37,5% each, not 50%.
    expect(displayedSharesOf([30, 30], 80)).toEqual([0.375, 0.375]);
    // Three thirds: 33,34 + 33,33 + 33,33.
    expect(displayedSharesOf([1, 1, 1], 3)).toEqual([0.3334, 0.3333, 0.3333]);
  });
});
