// Rounding a set of values to a unit so that they still add up exactly to their total (largest remainder).

import { InputError } from "./errors";

/** Values closer than this (in units) to a whole number count as whole: guards against 0.1 + 0.2 noise. */
const EPSILON = 1e-9;

/** Number of decimals a unit such as 0.01 needs, so that 621 × 0.01 prints as 6.21. */
function unitDecimals(unit: number): number {
  if (unit >= 1) return 0;
  return Math.min(12, Math.ceil(-Math.log10(unit) - EPSILON));
}

function isWhole(x: number): boolean {
  return Math.abs(x - Math.round(x)) < EPSILON * Math.max(1, Math.abs(x));
}

/**
 * Rounds each value to a multiple of `unit` so that the results add up exactly to `total`
 * (Hamilton / largest-remainder method): every value is first rounded down, then the units still
 * missing go one each to the values with the largest remainders; equal remainders go in input order.
 * Values that do not already add up to `total` are scaled to it first, so the values may be raw weights.
 * Each result is the value rounded down or up, never further: a value that is already a multiple of the
 * unit is kept as it is. `total` must be a multiple of `unit`; values must be ≥ 0.
 */
export function largestRemainder(values: ArrayLike<number>, total: number, unit: number): number[] {
  if (!(unit > 0) || !Number.isFinite(unit)) {
    throw new InputError({
      found: String(unit),
      expected: { vi: "đơn vị làm tròn là một số dương", en: "a positive rounding unit" },
    });
  }
  if (!Number.isFinite(total) || total < 0 || !isWhole(total / unit)) {
    throw new InputError({
      found: String(total),
      expected: {
        vi: `tổng là một bội số không âm của đơn vị làm tròn ${unit}`,
        en: `a total that is a non-negative multiple of the rounding unit ${unit}`,
      },
    });
  }
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || v < 0) {
      throw new InputError({
        found: String(v),
        expected: {
          vi: `giá trị thứ ${i + 1} là một số không âm`,
          en: `value ${i + 1} to be a non-negative number`,
        },
      });
    }
  }
  const units = Math.round(total / unit);
  // Beyond 2^53 whole units, "one unit more" is lost in floating point and the loop below would never end.
  if (units > Number.MAX_SAFE_INTEGER) {
    throw new InputError({
      found: `${total} / ${unit}`,
      expected: {
        vi: "tổng chia cho đơn vị làm tròn không quá 9.007.199.254.740.991 đơn vị",
        en: "a total of at most 9,007,199,254,740,991 rounding units",
      },
    });
  }
  const sum = finiteSum(values);
  if (n === 0 || sum === 0) {
    if (units === 0) return Array.from({ length: n }, () => 0);
    throw new InputError({
      found: n === 0 ? "(không có / none)" : "0",
      expected: {
        vi: "các giá trị có tổng lớn hơn 0 để chia tổng",
        en: "values adding up to more than 0 to divide the total",
      },
    });
  }
  // Work in whole units; scale only when the values do not already add up to the total. A total that is the values'
  // own sum rounded to the unit (at most half a unit away) is not scaled: scaling there could move a value by a whole
  // unit (12 + 877 820 + 3 to a total of 877 840 in tens gave 877 830 for 877 820).
  const scale = Math.abs(sum - total) > unit / 2 + EPSILON * Math.max(1, total) ? total / sum : 1;
  // Typed arrays: 100,000 values (a cell function's range) stay linear in time and light in memory.
  const floors = new Float64Array(n);
  // Remainders rounded so that "equal" remainders really compare equal and ties fall to input order.
  const remainders = new Float64Array(n);
  let floorSum = 0;
  for (let i = 0; i < n; i++) {
    let q = (values[i] * scale) / unit;
    if (isWhole(q)) q = Math.round(q);
    const f = Math.floor(q);
    floors[i] = f;
    remainders[i] = Math.round((q - f) * 1e9) / 1e9;
    floorSum += f;
  }
  let missing = units - floorSum;
  if (missing > 0 && missing <= n) {
    // The `missing` largest remainders, equal ones in input order: every remainder above the missing-th largest, then
    // those equal to it from the first. The same units as sorting the order by remainder, without a comparator sort
    // (100,000 values in a cell function).
    const threshold = Float64Array.from(remainders).sort()[n - missing];
    let atThreshold = missing;
    for (let i = 0; i < n; i++) if (remainders[i] > threshold) atThreshold--;
    for (let i = 0; i < n; i++) {
      if (remainders[i] > threshold) floors[i] += 1;
      else if (remainders[i] === threshold && atThreshold > 0) {
        floors[i] += 1;
        atThreshold--;
      }
    }
    missing = 0;
  }
  if (missing !== 0 && n > 0) {
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => remainders[b] - remainders[a] || a - b);
    for (let k = 0; missing > 0; k = (k + 1) % n) {
      floors[order[k]] += 1;
      missing -= 1;
    }
    // Floating-point noise can leave one unit too many; take it back from the smallest remainder.
    for (let k = n - 1; missing < 0 && k >= 0; k--) {
      if (floors[order[k]] > 0) {
        floors[order[k]] -= 1;
        missing += 1;
      }
    }
  }
  const decimals = unitDecimals(unit);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const f = floors[i];
    out[i] = decimals === 0 ? f * unit : Number((f * unit).toFixed(decimals));
  }
  return out;
}

/**
 * The sum of finite values, refused when it overflows (two amounts of 1e308 add up to Infinity, and every share of
 * Infinity would be 0: a wrong figure, never an answer). The error names the value at which the sum overflowed.
 */
export function finiteSum(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    if (!Number.isFinite(sum) && allFinite(values)) {
      throw new InputError({
        found: `giá trị thứ ${i + 1} / value ${i + 1}: ${values[i]}`,
        expected: {
          vi: `các số có tổng nằm trong giới hạn số của Excel (±1,8×10^308); cộng đến giá trị thứ ${i + 1} thì vượt quá: hãy kiểm tra đơn vị`,
          en: `numbers whose sum stays within Excel's limit (±1.8×10^308); adding value ${i + 1} passes it: check the unit`,
        },
      });
    }
  }
  return sum;
}

function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

/** Shares of a total (fractions, unrounded); all zero when the total is zero; an overflowing total is refused. */
export function sharesOf(values: readonly number[], total = finiteSum(values)): number[] {
  if (!Number.isFinite(total) && allFinite(values)) finiteSum(values);
  return values.map((v) => (total === 0 ? 0 : v / total));
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

/** Shares are shown with two decimals of a percentage (6,21%) unless asked otherwise. */
export const SHARE_DECIMALS = 2;

/**
 * Shares as they are displayed: fractions rounded to `decimals` decimals of a percentage (2 → 6.21%) by largest
 * remainder, so that the displayed shares add up to exactly 100% (or to 0 when every part is zero); each is the exact
 * share rounded down or up, never further. The one rule of every share a result shows (funding mix, allocation,
 * bands); the exact shares stay in the JSON.
 */
export function roundedShares(values: readonly number[], decimals = SHARE_DECIMALS): number[] {
  const shares = sharesOf(values);
  const sum = shares.reduce((a, b) => a + b, 0);
  if (values.length === 0) return [];
  return largestRemainder(shares, sum === 0 ? 0 : 1, shareUnit(decimals));
}

/**
 * Shares of parts of a whole as shown: when the parts make up the whole (communes per band, per group), rounded by
 * roundedShares so that the shown shares add to exactly 100%; otherwise each part's exact share (they do not add to
 * 100%, and forcing them to would be wrong). Null for a whole of 0.
 */
export function displayedSharesOf(
  parts: readonly number[],
  whole: number,
  decimals = SHARE_DECIMALS
): (number | null)[] {
  if (whole === 0) return parts.map(() => null);
  const sum = parts.reduce((a, b) => a + b, 0);
  const complete = Math.abs(sum - whole) <= 1e-9 * Math.max(1, whole) && parts.every((p) => p >= 0);
  return complete ? roundedShares(parts, decimals) : parts.map((p) => p / whole);
}
