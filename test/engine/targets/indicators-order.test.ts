import fc from "fast-check";
import { sortedByValue } from "../../../src/engine/targets/indicators/order";

/** The order sortedByValue promises, by a comparator: value, then tie, then item. */
function byComparator(value: number[], tie: number[] | null): number[] {
  return value
    .map((_, id) => id)
    .sort((a, b) => value[a] - value[b] || (tie ? tie[a] - tie[b] : 0) || a - b);
}

describe("sortedByValue", () => {
  it("orders by value, then tie, then item, with few distinct values (counting) and many (native sort)", () => {
    const items = (values: fc.Arbitrary<number>) =>
      fc
        .array(fc.tuple(values, fc.integer({ min: 0, max: 4 })), { maxLength: 300 })
        .map((pairs) => ({ value: pairs.map((p) => p[0]), tie: pairs.map((p) => p[1]) }));
    const few = items(fc.integer({ min: 0, max: 5 }).map((x) => x * 100.5 - 200));
    const many = items(fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(fc.oneof(few, many), fc.boolean(), ({ value, tie }, withTie) => {
        const sorted = sortedByValue(
          Float64Array.from(value),
          withTie ? Int32Array.from(tie) : null,
          withTie ? 5 : 1,
          value.length
        );
        expect(Array.from(sorted)).toEqual(byComparator(value, withTie ? tie : null));
      }),
      { numRuns: 300 }
    );
  });

  it("orders thousands of distinct values (ranked by a sort, ordered by a native sort) the same way", () => {
    // About 5,400 distinct values among 8,000-9,000 items, ties 0-9: past both the map and the counting sort.
    const big = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 7999 }), fc.integer({ min: 0, max: 9 })), {
        minLength: 8000,
        maxLength: 9000,
      })
      .map((pairs) => ({
        value: pairs.map((p) => p[0] * 0.37 - 999),
        tie: pairs.map((p) => p[1]),
      }));
    fc.assert(
      fc.property(big, ({ value, tie }) => {
        const sorted = sortedByValue(
          Float64Array.from(value),
          Int32Array.from(tie),
          10,
          value.length
        );
        expect(Array.from(sorted)).toEqual(byComparator(value, tie));
      }),
      { numRuns: 5, endOnFailure: true }
    );
  });

  it("sorts only the first n items and ranks -0 with 0", () => {
    const value = Float64Array.from([3, -0, 0, 1, -5, 99]);
    expect(Array.from(sortedByValue(value, null, 1, 5))).toEqual([4, 1, 2, 3, 0]);
  });
});
