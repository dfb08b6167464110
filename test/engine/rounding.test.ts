import fc from "fast-check";
import { largestRemainder } from "../../src/engine/rounding";

/**
 * The rule as first written: floors, then one unit each to the values in order of remainder (largest first, equal
 * ones in input order), by a comparator sort. largestRemainder now picks the same values by a threshold.
 */
function byComparator(values: number[], total: number, unit: number): number[] {
  const sum = values.reduce((a, b) => a + b, 0);
  const scale = Math.abs(sum - total) > unit / 2 + 1e-9 * Math.max(1, total) ? total / sum : 1;
  const floors: number[] = [];
  const remainders: number[] = [];
  for (const v of values) {
    let q = (v * scale) / unit;
    if (Math.abs(q - Math.round(q)) < 1e-9 * Math.max(1, Math.abs(q))) q = Math.round(q);
    const f = Math.floor(q);
    floors.push(f);
    remainders.push(Math.round((q - f) * 1e9) / 1e9);
  }
  let missing = Math.round(total / unit) - floors.reduce((a, b) => a + b, 0);
  const order = values.map((_, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (let k = 0; missing > 0; k = (k + 1) % values.length) {
    floors[order[k]] += 1;
    missing -= 1;
  }
  for (let k = values.length - 1; missing < 0 && k >= 0; k--) {
    if (floors[order[k]] > 0) {
      floors[order[k]] -= 1;
      missing += 1;
    }
  }
  const decimals = unit >= 1 ? 0 : Math.min(12, Math.ceil(-Math.log10(unit) - 1e-9));
  return floors.map((f) => (decimals === 0 ? f * unit : Number((f * unit).toFixed(decimals))));
}

describe("largestRemainder", () => {
  it("rounds the 2023 source shares so that they add to exactly 100.00%", () => {
    const amounts = [223534, 54351, 1379545, 1429056, 328664, 187162];
    const total = 3602312;
    const shares = amounts.map((a) => (a / total) * 100);
    const rounded = largestRemainder(shares, 100, 0.01);
    // Exact: 6.2053, 1.5088, 38.2961, 39.6706, 9.1237, 5.1956. Rounded down: 99.97; the three hundredths left go
    // to the remainders .88, .61, .56 (not .53 of the first line, which each-on-its-own rounding gave 6.21).
    expect(rounded).toEqual([6.2, 1.51, 38.3, 39.67, 9.12, 5.2]);
    expect(Math.round(rounded.reduce((a, b) => a + b, 0) * 100)).toBe(10000);
  });

  it("scales raw weights to the total and breaks ties by input order", () => {
    expect(largestRemainder([1, 1, 1], 10, 1)).toEqual([4, 3, 3]);
    expect(largestRemainder([1, 1, 1, 1], 90, 10)).toEqual([30, 20, 20, 20]);
  });

  it("keeps values that are already whole units", () => {
    expect(largestRemainder([375, 250, 250, 125], 1000, 1)).toEqual([375, 250, 250, 125]);
  });

  it("refuses a total that is not a multiple of the unit", () => {
    expect(() => largestRemainder([1, 2], 15, 10)).toThrow(/multiple of the rounding unit 10/);
  });

  it("gives the units left over to the largest remainders, equal ones in input order, as a comparator sort does", () => {
    // Few distinct weights make many equal remainders; doubles make distinct ones.
    const weights = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 6 }).map((x) => x / 2), { minLength: 1, maxLength: 60 }),
      fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 })
    );
    fc.assert(
      fc.property(
        weights,
        fc.constantFrom(1, 10, 0.01),
        fc.integer({ min: 0, max: 100_000 }),
        (values, unit, units) => {
          fc.pre(values.some((v) => v > 0));
          const total = Number((units * unit).toFixed(2));
          expect(largestRemainder(values, total, unit)).toEqual(byComparator(values, total, unit));
        }
      ),
      { numRuns: 3000 }
    );
  });
});
