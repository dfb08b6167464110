// NTM.NEXT's direct answer for one commune without a budget is the greedy planner's answer on a province of that one
// commune: same criteria for any met list, cap, partial costs (ties included) and free criteria.

import fc from "fast-check";
import { CATALOGUE_2021_2025 } from "../../../src/engine/catalogues";
import { planTargetsGreedy } from "../../../src/engine/targets/greedy";
import { nextTargets } from "../../../src/engine/targets/single";
import { DEFAULT_FREE_CRITERIA } from "../../../src/engine/targets/prepare";

const catalogue = CATALOGUE_2021_2025;
const NUMBERS = catalogue.criteria.map((c) => c.number);

/** The planner itself, with the costs table NTM.NEXT gives it (defaults, then the given costs). */
function planned(
  achieved: number[],
  cap: number | undefined,
  costs?: Map<number, number>,
  free?: number[]
) {
  const perCriterion = new Map<number, number>();
  if (costs) {
    const f = new Set(free ?? DEFAULT_FREE_CRITERIA);
    for (const n of NUMBERS) perCriterion.set(n, f.has(n) ? 0 : 1);
    for (const [n, c] of costs) perCriterion.set(n, c);
  }
  return planTargetsGreedy([{ name: "-", achieved, count: achieved.length }], {
    catalogue,
    maxPerCommune: cap,
    costs: costs ? { perCommune: new Map(), perCriterion } : undefined,
    freeCriteria: free,
  }).communes[0].targets;
}

describe("nextTargets", () => {
  it("gives the greedy planner's criteria for one commune", () => {
    fc.assert(
      fc.property(
        fc.subarray(NUMBERS),
        fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
        fc.option(
          fc.array(fc.tuple(fc.constantFrom(...NUMBERS), fc.constantFrom(0, 1, 2, 2.5, 40))),
          {
            nil: undefined,
          }
        ),
        fc.option(fc.subarray(NUMBERS, { maxLength: 4 }), { nil: undefined }),
        (achieved, cap, given, free) => {
          const costs = given ? new Map(given) : undefined;
          expect(
            nextTargets(achieved, catalogue, { maxPerYear: cap, costs, freeCriteria: free })
          ).toEqual(planned(achieved, cap, costs, free));
        }
      ),
      { numRuns: 2000 }
    );
  });

  it("takes the cheapest missing criteria, lower numbers first among equal costs", () => {
    // 1-5 met; 16, 18, 19 cost nothing by default; 6 costs 0.5; the rest 1 each.
    const costs = new Map([[6, 0.5]]);
    expect(nextTargets([1, 2, 3, 4, 5], catalogue, { maxPerYear: 3 })).toEqual([16, 18, 19]);
    expect(nextTargets([1, 2, 3, 4, 5], catalogue, { maxPerYear: 4, costs })).toEqual([
      6, 16, 18, 19,
    ]);
    expect(nextTargets([1, 2, 3, 4, 5, 16, 18, 19], catalogue, { maxPerYear: 2 })).toEqual([6, 7]);
  });
});
