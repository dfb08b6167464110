// Splitting an envelope between units by coefficients (or by need), with an optional minimum and cap per unit,
// rounded to a unit of money so that the amounts add up exactly to the envelope.

import { InputError, type Bilingual } from "../errors";
import type { SourceRef } from "../types";
import { finiteSum, largestRemainder, roundedShares } from "../rounding";

export interface AllocationUnit {
  /** Name of the district or commune (Đơn vị). */
  unit: string;
  /** Administrative code of a commune (Mã xã), its key where given (merged communes, 2026 on). */
  code?: string;
  /** Score (Hệ số): base coefficient plus additions. */
  coefficient?: number;
  /** Need (Nhu cầu), e.g. the estimated cost of the missing criteria; used with basis "need". */
  need?: number;
  /** This unit's guaranteed minimum; overrides the common one. */
  min?: number;
  /** This unit's cap; overrides the common one. */
  cap?: number;
  /** Where the unit was read (its name cell), so that an error about it names the sheet and cell. */
  source?: SourceRef;
  /** The cells of its figures on the same sheet, where they came from a sheet (A1 addresses). */
  cells?: Partial<Record<AllocationField, string>>;
}

/** The figures of a unit an error can be about: its score (coefficient or need), its minimum, its cap. */
export type AllocationField = "weight" | "min" | "cap";

export type AllocationBasis = "coefficient" | "need";

export interface AllocationRequest {
  /** The envelope to split (million VND). */
  total: number;
  units: AllocationUnit[];
  /** Rounding unit: 1, 10 or 100 million (any positive number). Default 1. */
  unit?: number;
  /** Guaranteed minimum per unit. */
  min?: number;
  /** Cap per unit; what a capped unit cannot take goes to the others in proportion to their scores. */
  cap?: number;
  /** What the amounts are proportional to; default "need" when no unit has a coefficient, else "coefficient". */
  basis?: AllocationBasis;
  /** The header cells of the columns the units' figures came from: what an error about their sum names. */
  columns?: Partial<Record<AllocationField, SourceRef>>;
}

export interface Allocation {
  unit: string;
  code?: string;
  coefficient?: number;
  need?: number;
  /** The score the split used (the coefficient or the need). */
  weight: number;
  /** weight ÷ Σ weights (Tỷ trọng). */
  share: number;
  /** The share as shown: two decimals of a percentage, the shown shares adding to exactly 100% (roundedShares). */
  displayedShare: number;
  /** The amount before rounding. */
  exact: number;
  /** The rounded amount; the amounts add up exactly to the envelope. */
  amount: number;
  /** "min" or "cap" when the limit decided the amount, otherwise null. */
  limit: "min" | "cap" | null;
  /** The unit's name cell, where it was read from a sheet. */
  source?: SourceRef;
}

export interface AllocationResult {
  total: number;
  unit: number;
  basis: AllocationBasis;
  weightTotal: number;
  allocations: Allocation[];
}

function fail(found: string, expected: Bilingual, where?: SourceRef): never {
  throw new InputError({
    ...(where ? { sheet: where.sheet, cell: where.cell } : {}),
    found,
    expected,
  });
}

function isMultiple(value: number, unit: number): boolean {
  const q = value / unit;
  return Math.abs(q - Math.round(q)) < 1e-9 * Math.max(1, Math.abs(q));
}

function fmt(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/**
 * The exact split x_i = clamp(λ·w_i, lo_i, hi_i) with Σ x_i = total: units below their minimum are raised to it
 * and units above their cap held at it, the rest sharing what is left in proportion to their weights. This is the
 * stable point of "cap, redistribute the excess proportionally, repeat", found directly: Σ clamp(λ·w_i, …) grows
 * piecewise linearly (and never decreases) with λ, so the right piece is found by bisection among the sorted
 * breakpoints lo_i/w_i and hi_i/w_i: O(n log n), where trying every breakpoint in turn was O(n²).
 */
function waterFill(
  weights: Float64Array,
  lo: Float64Array,
  hi: Float64Array,
  total: number
): Float64Array {
  const n = weights.length;
  const at = (lambda: number): Float64Array => {
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = Math.min(hi[i], Math.max(lo[i], lambda * weights[i]));
    return x;
  };
  const sumAt = (lambda: number): number => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += Math.min(hi[i], Math.max(lo[i], lambda * weights[i]));
    return sum;
  };
  let floor = 0;
  for (let i = 0; i < n; i++) floor += lo[i];
  if (total <= floor + 1e-9 * Math.max(1, total)) return Float64Array.from(lo);
  const breaks = new Float64Array(2 * n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (w > 0) {
      breaks[count++] = lo[i] / w;
      if (Number.isFinite(hi[i])) breaks[count++] = hi[i] / w;
    }
  }
  const sorted = breaks.subarray(0, count).sort();
  // The first breakpoint at which the sum reaches the total, and the one before it.
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sumAt(sorted[mid]) >= total) high = mid;
    else low = mid + 1;
  }
  const left = low > 0 ? sorted[low - 1] : 0;
  const right = low < count ? sorted[low] : Infinity;
  // Inside (left, right) every unit is either fixed at a limit or free: Σ = fixed + λ·Σ free weights.
  const probe = Number.isFinite(right) ? (left + right) / 2 : left + 1;
  let fixed = 0;
  let freeWeight = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    const v = probe * w;
    if (w === 0 || v <= lo[i]) fixed += lo[i];
    else if (v >= hi[i]) fixed += hi[i];
    else freeWeight += w;
  }
  const lambda = freeWeight > 0 ? (total - fixed) / freeWeight : right;
  return at(lambda);
}

/** A split by weights as numbers only: what the cell functions return, and what allocateByCoefficients decorates. */
export interface WeightSplit {
  total: number;
  unit: number;
  weights: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
  weightTotal: number;
  /** The amounts before rounding. */
  exact: Float64Array;
  /** The rounded amounts, adding up exactly to the envelope. */
  amounts: number[];
}

export interface WeightSplitRequest {
  total: number;
  /** One weight per unit (coefficient or need); checked here: finite and ≥ 0. */
  weights: ArrayLike<number | undefined>;
  unit?: number;
  min?: number;
  cap?: number;
  /** Per-unit minimum or cap overriding the common one (undefined: the common one). */
  minOf?: (i: number) => number | undefined;
  capOf?: (i: number) => number | undefined;
  /** The unit's name in an error message ("Xã An Mỹ (A5)"); "#i" by default. */
  nameOf?: (i: number) => string;
  /** Where a unit's figure was read, when it came from a sheet: an error about it names that sheet and cell. */
  placeOf?: (i: number, field: AllocationField) => SourceRef | undefined;
  /** Where a column of figures starts (its header cell): an error about their sum names it. */
  columns?: Partial<Record<AllocationField, SourceRef>>;
  basis?: AllocationBasis;
}

const MIN_WORDS = { vi: "mức tối thiểu", en: "minimum" };
const CAP_WORDS = { vi: "mức tối đa", en: "cap" };

/**
 * The rule of allocateByCoefficients over plain weights, in typed arrays and linear passes (plus two sorts): a cell
 * function over 100,000 rows returns in a fraction of a second.
 */
export function splitByWeights(request: WeightSplitRequest): WeightSplit {
  const { total } = request;
  const n = request.weights.length;
  const unit = request.unit ?? 1;
  const nameOf = request.nameOf ?? ((i: number) => `#${i + 1}`);
  if (n === 0) {
    fail("(không có / none)", {
      vi: "ít nhất một đơn vị để phân bổ",
      en: "at least one unit to allocate to",
    });
  }
  if (!(unit > 0) || !Number.isFinite(unit)) {
    fail(String(unit), {
      vi: "đơn vị làm tròn là một số dương (1, 10, 100 triệu đồng)",
      en: "a positive rounding unit (1, 10, 100 million VND)",
    });
  }
  if (!Number.isFinite(total) || total < 0 || !isMultiple(total, unit)) {
    fail(String(total), {
      vi: `tổng vốn phân bổ là một bội số không âm của đơn vị làm tròn ${unit} triệu đồng`,
      en: `an envelope that is a non-negative multiple of the rounding unit ${unit} million VND`,
    });
  }
  const label =
    request.basis === "need" ? { vi: "nhu cầu", en: "need" } : { vi: "hệ số", en: "coefficient" };
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = request.weights[i];
    if (w === undefined || !Number.isFinite(w) || w < 0) {
      fail(
        `${nameOf(i)}: ${w === undefined ? "(trống / blank)" : String(w)}`,
        {
          vi: `${label.vi} của mỗi đơn vị là một số không âm`,
          en: `each unit's ${label.en} to be a non-negative number`,
        },
        request.placeOf?.(i, "weight")
      );
    }
    weights[i] = w;
  }
  const limit = (
    value: number | undefined,
    which: Bilingual,
    i: number,
    where?: SourceRef
  ): number | undefined => {
    if (value === undefined) return undefined;
    if (!Number.isFinite(value) || value < 0 || !isMultiple(value, unit)) {
      fail(
        `${where ? nameOf(i) : "tùy chọn / option"}: ${value}`,
        {
          vi: `${which.vi} là một bội số không âm của đơn vị làm tròn ${unit}`,
          en: `the ${which.en} to be a non-negative multiple of the rounding unit ${unit}`,
        },
        where
      );
    }
    return value;
  };
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  // The common limits are checked once, not once per unit.
  const commonMin = n > 0 ? limit(request.min, MIN_WORDS, 0) : undefined;
  const commonCap = n > 0 ? limit(request.cap, CAP_WORDS, 0) : undefined;
  // Whether any unit's own minimum or cap (from its sheet) took part: an error about their sum then names the column.
  let ownMins = false;
  let ownCaps = false;
  for (let i = 0; i < n; i++) {
    const ownMin = request.minOf?.(i);
    const ownCap = request.capOf?.(i);
    if (ownMin !== undefined) ownMins = true;
    if (ownCap !== undefined) ownCaps = true;
    lo[i] =
      (ownMin !== undefined
        ? limit(ownMin, MIN_WORDS, i, request.placeOf?.(i, "min"))
        : commonMin) ?? 0;
    hi[i] =
      (ownCap !== undefined
        ? limit(ownCap, CAP_WORDS, i, request.placeOf?.(i, "cap"))
        : commonCap) ?? Infinity;
    if (lo[i] > hi[i]) {
      fail(
        `${nameOf(i)}: ${fmt(lo[i])} > ${fmt(hi[i])}`,
        { vi: "mức tối thiểu không lớn hơn mức tối đa", en: "a minimum no larger than the cap" },
        request.placeOf?.(i, ownMin !== undefined ? "min" : "cap") ?? request.placeOf?.(i, "weight")
      );
    }
  }
  let floor = 0;
  for (let i = 0; i < n; i++) floor += lo[i];
  if (floor > total + 1e-9 * Math.max(1, total)) {
    fail(
      `Σ tối thiểu / minimums = ${fmt(floor)} > ${fmt(total)}`,
      {
        vi: `tổng mức tối thiểu của ${n} đơn vị không vượt tổng vốn ${fmt(total)}`,
        en: `the minimums of the ${n} units to add up to no more than the envelope ${fmt(total)}`,
      },
      ownMins ? request.columns?.min : undefined
    );
  }
  const weightTotal = finiteSum(weights);
  if (weightTotal === 0 && total > floor) {
    fail(
      `Σ ${label.vi} / ${label.en} = 0`,
      { vi: `các ${label.vi} có tổng lớn hơn 0`, en: `${label.en}s adding up to more than 0` },
      request.columns?.weight
    );
  }
  // A unit with a zero score only ever gets its minimum.
  let ceiling = 0;
  for (let i = 0; i < n; i++) ceiling += weights[i] > 0 ? hi[i] : lo[i];
  if (ceiling < total - 1e-9 * Math.max(1, total)) {
    fail(
      `Σ tối đa / caps = ${fmt(ceiling)} < ${fmt(total)}`,
      {
        vi: `tổng mức tối đa của các đơn vị (có ${label.vi} > 0) không nhỏ hơn tổng vốn ${fmt(total)}`,
        en: `the caps of the units (with ${label.en} > 0) to add up to at least the envelope ${fmt(total)}`,
      },
      ownCaps ? request.columns?.cap : undefined
    );
  }
  const exact = waterFill(weights, lo, hi, total);
  const amounts = largestRemainder(exact, total, unit);
  return { total, unit, weights, lo, hi, weightTotal, exact, amounts };
}

/**
 * amount = envelope × score ÷ Σ scores, rounded to the unit by largest remainder (ties by input order), with the
 * amounts adding up exactly to the envelope. A guaranteed minimum raises small units to it and a cap holds large
 * units at it; in both cases the others share the difference in proportion to their scores.
 * Infeasible requests (minimums above the envelope, caps below it, an envelope that is not a multiple of the
 * rounding unit, negative or all-zero scores) are InputErrors in Vietnamese and English.
 */
export function allocateByCoefficients(request: AllocationRequest): AllocationResult {
  const { units } = request;
  const basis: AllocationBasis =
    request.basis ?? (units.every((u) => u.coefficient === undefined) ? "need" : "coefficient");
  const split = splitByWeights({
    total: request.total,
    weights: units.map((u) => (basis === "need" ? u.need : u.coefficient)),
    unit: request.unit,
    min: request.min,
    cap: request.cap,
    minOf: (i) => units[i].min,
    capOf: (i) => units[i].cap,
    nameOf: (i) => units[i].unit,
    placeOf: (i, field) => {
      const source = units[i].source;
      return source
        ? { sheet: source.sheet, cell: units[i].cells?.[field] ?? source.cell }
        : undefined;
    },
    columns: request.columns,
    basis,
  });
  const { weights, lo, hi, exact, amounts, weightTotal } = split;
  const shown = roundedShares(Array.from(weights));
  const allocations = units.map((u, i) => {
    const limitHit: Allocation["limit"] =
      exact[i] === hi[i] ? "cap" : exact[i] === lo[i] && lo[i] > 0 ? "min" : null;
    return {
      unit: u.unit,
      ...(u.code !== undefined ? { code: u.code } : {}),
      ...(u.coefficient !== undefined ? { coefficient: u.coefficient } : {}),
      ...(u.need !== undefined ? { need: u.need } : {}),
      weight: weights[i],
      share: weightTotal > 0 ? weights[i] / weightTotal : 0,
      displayedShare: shown[i],
      exact: exact[i],
      amount: amounts[i],
      limit: limitHit,
      ...(u.source ? { source: u.source } : {}),
    };
  });
  return { total: split.total, unit: split.unit, basis, weightTotal, allocations };
}
