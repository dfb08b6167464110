// Splitting an envelope between units by coefficients (or by need), with an optional minimum and cap per unit,
// rounded to a unit of money so that the amounts add up exactly to the envelope.

import { InputError, type Bilingual } from "../errors";
import { largestRemainder, roundedShares } from "../rounding";

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
}

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
}

export interface AllocationResult {
  total: number;
  unit: number;
  basis: AllocationBasis;
  weightTotal: number;
  allocations: Allocation[];
}

function fail(found: string, expected: Bilingual): never {
  throw new InputError({ found, expected });
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
 * piecewise linearly with λ, so the right piece is found among the breakpoints lo_i/w_i and hi_i/w_i.
 */
function waterFill(weights: number[], lo: number[], hi: number[], total: number): number[] {
  const at = (lambda: number) =>
    weights.map((w, i) => Math.min(hi[i], Math.max(lo[i], lambda * w)));
  const sumAt = (lambda: number) => at(lambda).reduce((a, b) => a + b, 0);
  const floor = lo.reduce((a, b) => a + b, 0);
  if (total <= floor + 1e-9 * Math.max(1, total)) return [...lo];
  const breaks = new Set<number>();
  weights.forEach((w, i) => {
    if (w > 0) {
      breaks.add(lo[i] / w);
      if (Number.isFinite(hi[i])) breaks.add(hi[i] / w);
    }
  });
  const sorted = [...breaks].sort((a, b) => a - b);
  let left = 0;
  let right = Infinity;
  for (const b of sorted) {
    if (sumAt(b) >= total) {
      right = b;
      break;
    }
    left = b;
  }
  // Inside (left, right) every unit is either fixed at a limit or free: Σ = fixed + λ·Σ free weights.
  const probe = Number.isFinite(right) ? (left + right) / 2 : left + 1;
  let fixed = 0;
  let freeWeight = 0;
  weights.forEach((w, i) => {
    const v = probe * w;
    if (w === 0 || v <= lo[i]) fixed += lo[i];
    else if (v >= hi[i]) fixed += hi[i];
    else freeWeight += w;
  });
  const lambda = freeWeight > 0 ? (total - fixed) / freeWeight : right;
  return at(lambda);
}

/**
 * amount = envelope × score ÷ Σ scores, rounded to the unit by largest remainder (ties by input order), with the
 * amounts adding up exactly to the envelope. A guaranteed minimum raises small units to it and a cap holds large
 * units at it; in both cases the others share the difference in proportion to their scores.
 * Infeasible requests (minimums above the envelope, caps below it, an envelope that is not a multiple of the
 * rounding unit, negative or all-zero scores) are InputErrors in Vietnamese and English.
 */
export function allocateByCoefficients(request: AllocationRequest): AllocationResult {
  const { total, units } = request;
  const unit = request.unit ?? 1;
  if (units.length === 0) {
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
  const basis: AllocationBasis =
    request.basis ?? (units.every((u) => u.coefficient === undefined) ? "need" : "coefficient");
  const label =
    basis === "need" ? { vi: "nhu cầu", en: "need" } : { vi: "hệ số", en: "coefficient" };
  const weights = units.map((u) => {
    const w = basis === "need" ? u.need : u.coefficient;
    if (w === undefined || !Number.isFinite(w) || w < 0) {
      fail(`${u.unit}: ${w === undefined ? "(trống / blank)" : String(w)}`, {
        vi: `${label.vi} của mỗi đơn vị là một số không âm`,
        en: `each unit's ${label.en} to be a non-negative number`,
      });
    }
    return w;
  });
  const limit = (value: number | undefined, which: Bilingual, name: string): number | undefined => {
    if (value === undefined) return undefined;
    if (!Number.isFinite(value) || value < 0 || !isMultiple(value, unit)) {
      fail(`${name}: ${value}`, {
        vi: `${which.vi} là một bội số không âm của đơn vị làm tròn ${unit}`,
        en: `the ${which.en} to be a non-negative multiple of the rounding unit ${unit}`,
      });
    }
    return value;
  };
  const MIN = { vi: "mức tối thiểu", en: "minimum" };
  const CAP = { vi: "mức tối đa", en: "cap" };
  const lo = units.map((u) => limit(u.min ?? request.min, MIN, u.unit) ?? 0);
  const hi = units.map((u) => limit(u.cap ?? request.cap, CAP, u.unit) ?? Infinity);
  units.forEach((u, i) => {
    if (lo[i] > hi[i]) {
      fail(`${u.unit}: ${fmt(lo[i])} > ${fmt(hi[i])}`, {
        vi: "mức tối thiểu không lớn hơn mức tối đa",
        en: "a minimum no larger than the cap",
      });
    }
  });
  const floor = lo.reduce((a, b) => a + b, 0);
  if (floor > total + 1e-9 * Math.max(1, total)) {
    fail(`Σ tối thiểu / minimums = ${fmt(floor)} > ${fmt(total)}`, {
      vi: `tổng mức tối thiểu của ${units.length} đơn vị không vượt tổng vốn ${fmt(total)}`,
      en: `the minimums of the ${units.length} units to add up to no more than the envelope ${fmt(total)}`,
    });
  }
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  if (weightTotal === 0 && total > floor) {
    fail(`Σ ${label.vi} / ${label.en} = 0`, {
      vi: `các ${label.vi} có tổng lớn hơn 0`,
      en: `${label.en}s adding up to more than 0`,
    });
  }
  // A unit with a zero score only ever gets its minimum.
  const ceiling = weights.reduce((a, w, i) => a + (w > 0 ? hi[i] : lo[i]), 0);
  if (ceiling < total - 1e-9 * Math.max(1, total)) {
    fail(`Σ tối đa / caps = ${fmt(ceiling)} < ${fmt(total)}`, {
      vi: `tổng mức tối đa của các đơn vị (có ${label.vi} > 0) không nhỏ hơn tổng vốn ${fmt(total)}`,
      en: `the caps of the units (with ${label.en} > 0) to add up to at least the envelope ${fmt(total)}`,
    });
  }
  const exact = waterFill(weights, lo, hi, total);
  const amounts = largestRemainder(exact, total, unit);
  const shown = roundedShares(weights);
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
    };
  });
  return { total, unit, basis, weightTotal, allocations };
}
