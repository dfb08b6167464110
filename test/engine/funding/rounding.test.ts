import fc from "fast-check";
import { InputError } from "../../../src/engine/errors";
import { roundedShares, roundToTotal, shareUnit, sharesOf } from "../../../src/engine/funding";

describe("roundToTotal", () => {
  it("rounds to the unit and adds up exactly to the total", () => {
    expect(roundToTotal([33.4, 33.3, 33.3], 100, 1)).toEqual([34, 33, 33]);
    expect(roundToTotal([1 / 3, 1 / 3, 1 / 3], 1, 0.01)).toEqual([0.34, 0.33, 0.33]);
  });

  it("gives ties to the earlier value", () => {
    expect(roundToTotal([0.5, 0.5, 0.5, 0.5], 2, 1)).toEqual([1, 1, 0, 0]);
    expect(roundToTotal([2.5, 7.5], 10, 1)).toEqual([3, 7]);
  });

  it("rounds to units of 10 or 100 million", () => {
    expect(roundToTotal([1234, 5678, 3088], 10000, 100)).toEqual([1200, 5700, 3100]);
    expect(roundToTotal([15, 15, 15], 50, 10)).toEqual([20, 20, 10]);
  });

  it("takes units back from the smallest remainders when the values exceed the total", () => {
    expect(roundToTotal([5.2, 5.9, 5.1], 15, 1)).toEqual([5, 5, 5]);
    expect(roundToTotal([5.9, 5.2, 5.1], 16, 1)).toEqual([6, 5, 5]);
  });

  it("tolerates binary noise in shares such as 6.205 / 0.01", () => {
    expect(roundToTotal([0.5, 0.25, 0.25], 1, 0.0001)).toEqual([0.5, 0.25, 0.25]);
  });

  it("always adds up to the total in units (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(1, 10, 100),
        (amounts, unit) => {
          const total = amounts.reduce((a, b) => a + b, 0);
          const target = Math.round(total / unit) * unit;
          const rounded = roundToTotal(amounts, target, unit);
          expect(rounded.reduce((a, b) => a + b, 0)).toBe(target);
          rounded.forEach((r, i) => {
            expect(r % unit).toBe(0);
            expect(Math.abs(r - amounts[i])).toBeLessThan(unit);
          });
        }
      )
    );
  });

  it("keeps every value within one unit when the total is the values' own sum rounded (found by the property)", () => {
    expect(roundToTotal([12, 877820, 3], 877840, 10)).toEqual([10, 877820, 10]);
  });

  it("rejects a unit that is not positive", () => {
    expect(() => roundToTotal([1], 1, 0)).toThrow(InputError);
  });
});

describe("roundedShares", () => {
  const sources = [223534, 54351, 1379545, 1429056, 328664, 187162];

  it("rounds the Sóc Trăng 2023 shares so that they add to exactly 100,00%", () => {
    const shares = roundedShares(sources, 2);
    const basisPoints = shares.map((s) => Math.round(s * 10000));
    expect(basisPoints.reduce((a, b) => a + b, 0)).toBe(10000);
    // Rounded one by one they add to 100,01%; the largest remainder gives the extra 0,01 back.
    const separately = sharesOf(sources).map((s) => Math.round(s * 10000));
    expect(separately.reduce((a, b) => a + b, 0)).toBe(10001);
    expect(basisPoints).toEqual([620, 151, 3830, 3967, 912, 520]);
  });

  it("rejects decimals outside 0-10", () => {
    expect(() => shareUnit(-1)).toThrow(/0 .*10/);
    expect(() => shareUnit(1.5)).toThrow();
  });
});
