// Largest-remainder rounding: round values to a unit so that they add up exactly to a given total.

import { InputError } from "../errors";
import { largestRemainder } from "../rounding";

/**
 * Rounds each value to a multiple of `unit` so that the rounded values add up exactly to `total` (itself rounded
 * to the unit), by largest remainder with ties to the earlier value — the engine's one rounding rule
 * (largestRemainder), used for shares that must add to exactly 100% (unit 0.0001 = 0.01%).
 */
export function roundToTotal(values: readonly number[], total: number, unit = 1): number[] {
  if (values.length === 0) return [];
  return largestRemainder([...values], Math.round(total / unit) * unit, unit);
}

/** Shares of a total (fractions, unrounded); all zero when the total is zero. */
export function sharesOf(
  values: readonly number[],
  total = values.reduce((a, b) => a + b, 0)
): number[] {
  return values.map((v) => (total === 0 ? 0 : v / total));
}

/**
 * Shares as fractions rounded to `decimals` decimals of a percentage (2 → 6.21%) that add up to exactly 100%
 * (or to 0 when every amount is zero).
 */
export function roundedShares(values: readonly number[], decimals: number): number[] {
  const shares = sharesOf(values);
  const sum = shares.reduce((a, b) => a + b, 0);
  return roundToTotal(shares, sum === 0 ? 0 : 1, shareUnit(decimals));
}

/** The rounding unit of a share, as a fraction, for a number of decimals of a percentage: 2 → 0.0001. */
export function shareUnit(decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new InputError({
      found: String(decimals),
      expected: {
        vi: "số chữ số thập phân của tỷ lệ: số nguyên từ 0 đến 10",
        en: "decimals of the share: a whole number from 0 to 10",
      },
    });
  }
  return 1 / 10 ** (decimals + 2);
}
