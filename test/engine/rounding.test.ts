import { largestRemainder } from "../../src/engine/rounding";

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
});
