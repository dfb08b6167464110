// Largest-remainder rounding: round values to a unit so that they add up exactly to a given total.

import { InputError } from "../errors";

/** How many units a value holds, tolerating binary noise such as 620.4999999999999 for 6.205 / 0.01. */
function unitsOf(value: number, unit: number): number {
  const scaled = value / unit;
  const nearest = Math.round(scaled);
  return Math.abs(scaled - nearest) < 1e-9 * Math.max(1, Math.abs(scaled)) ? nearest : scaled;
}

/** k units as a number: k / 100 rather than k × 0.01 when the unit is 1/integer, so 621 × 0.01 reads 6.21. */
function fromUnits(k: number, unit: number): number {
  const inverse = 1 / unit;
  const whole = Math.round(inverse);
  if (unit < 1 && Math.abs(inverse - whole) < 1e-9 * whole) return k / whole;
  return k * unit;
}

/**
 * Rounds each value to a multiple of `unit` so that the rounded values add up exactly to `total` (itself rounded
 * to the unit). Largest-remainder method: every value is first rounded down, then the units still missing go to
 * the largest remainders; ties go to the earlier value. When the values add up to more than the total, units are
 * taken back from the smallest remainders (ties: the later value first).
 *
 * Used for shares that must add to exactly 100% (unit 0.0001 = 0.01%) and for allocations that must add to the
 * envelope (unit 1, 10 or 100 million VND).
 */
export function roundToTotal(values: readonly number[], total: number, unit = 1): number[] {
  if (!(unit > 0) || !Number.isFinite(unit))
    throw new RangeError(`roundToTotal: unit must be > 0, got ${unit}`);
  if (values.some((v) => !Number.isFinite(v)) || !Number.isFinite(total)) {
    throw new RangeError("roundToTotal: values and total must be finite numbers");
  }
  if (values.length === 0) return [];
  const target = Math.round(unitsOf(total, unit));
  const scaled = values.map((v) => unitsOf(v, unit));
  const units = scaled.map((s) => Math.floor(s));
  const remainders = scaled.map((s, i) => s - units[i]);
  let missing = target - units.reduce((a, b) => a + b, 0);
  if (missing > 0) {
    const order = remainders
      .map((r, i) => i)
      .sort((a, b) => remainders[b] - remainders[a] || a - b);
    for (let k = 0; missing > 0; k++, missing--) units[order[k % order.length]] += 1;
  } else if (missing < 0) {
    const order = remainders
      .map((r, i) => i)
      .sort((a, b) => remainders[a] - remainders[b] || b - a);
    for (let k = 0; missing < 0; k++, missing++) units[order[k % order.length]] -= 1;
  }
  return units.map((k) => fromUnits(k, unit));
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
