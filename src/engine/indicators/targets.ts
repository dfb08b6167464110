// The share of communes at the standard (and at the top tier) against the period's end-year targets.

import { InputError } from "../errors";
import type { ShareTargets } from "../types";

export interface ShareProgress {
  /** Communes at the tier now. */
  count: number;
  /** count ÷ communes, 0..1; null with no communes. */
  share: number | null;
  /** The target share, 0..1. */
  target: number;
  /** Communes the target means for this province: ⌈target × communes⌉. */
  targetCount: number;
  /** Communes still to bring to the tier (0 when the target is reached). */
  gap: number;
}

function progress(count: number, communes: number, target: number, own?: number): ShareProgress {
  // 0.65 × 100 is 65.00000000000001 in floating point: round before taking the ceiling.
  const targetCount = own ?? Math.ceil(Math.round(target * communes * 1e9) / 1e9);
  return {
    count,
    share: communes === 0 ? null : count / communes,
    target: own === undefined ? target : communes === 0 ? 0 : own / communes,
    targetCount,
    gap: Math.max(0, targetCount - count),
  };
}

/** A share given as 0.65, 65 or "65%": a fraction in 0..1, or an InputError. */
export function shareTarget(value: number, what: { vi: string; en: string }): number {
  const share = value > 1 ? value / 100 : value;
  if (!Number.isFinite(share) || share < 0 || share > 1) {
    throw new InputError({
      found: String(value),
      expected: {
        vi: `${what.vi}: tỷ lệ từ 0 đến 100%`,
        en: `${what.en}: a share from 0 to 100%`,
      },
    });
  }
  return share;
}

/**
 * Where the province stands against the end-year targets (standard, and the top tier when set): a province's own
 * counts when given, else the shares of its communes (rounded up to whole communes).
 */
export function shareTargetProgress(
  counts: { communes: number; standard: number; top?: number },
  targets: ShareTargets
): { year: number; source: string; standard: ShareProgress; top?: ShareProgress } {
  const result: { year: number; source: string; standard: ShareProgress; top?: ShareProgress } = {
    year: targets.year,
    source: targets.source,
    standard: progress(
      counts.standard,
      counts.communes,
      targets.standard,
      targets.counts?.standard
    ),
  };
  if (
    (targets.top !== undefined || targets.counts?.top !== undefined) &&
    counts.top !== undefined
  ) {
    result.top = progress(counts.top, counts.communes, targets.top ?? 0, targets.counts?.top);
  }
  return result;
}
