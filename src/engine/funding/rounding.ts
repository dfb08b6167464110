// Largest-remainder rounding: round values to a unit so that they add up exactly to a given total.

import { largestRemainder } from "../rounding";

export { roundedShares, sharesOf, shareUnit } from "../rounding";

/**
 * Rounds each value to a multiple of `unit` so that the rounded values add up exactly to `total` (itself rounded
 * to the unit), by largest remainder with ties to the earlier value — the engine's one rounding rule
 * (largestRemainder), used for shares that must add to exactly 100% (unit 0.0001 = 0.01%).
 */
export function roundToTotal(values: readonly number[], total: number, unit = 1): number[] {
  if (values.length === 0) return [];
  return largestRemainder([...values], Math.round(total / unit) * unit, unit);
}
