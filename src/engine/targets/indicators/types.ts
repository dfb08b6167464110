// Types of indicator-level target planning (2026-2030): what the planner takes, and the plan it returns.

import type { SourceRef, Warning } from "../../types";
import type { TargetMethod } from "../types";

/** One indicator a commune has not met yet, with the estimated cost (million VND) of meeting it next year. */
export interface MissingIndicator {
  /** Indicator code, numbered within its criterion: "2.1", "8.4". */
  code: string;
  /** The criterion it belongs to (1-10 for 2026-2030). */
  criterion: number;
  cost: number;
}

/** A commune as the indicator planner takes it: what it misses, grouped by criterion through `criterion`. */
export interface IndicatorCommune {
  name: string;
  /** Administrative code (Mã xã), when known. */
  code?: string;
  district?: string;
  /** Commune group 1/2/3 (Nhóm xã), carried to the plan. */
  group?: number;
  /** Indicators not met; a criterion not listed here is met. */
  missing: MissingIndicator[];
  /** Registered to reach the standard in the plan year (đăng ký đạt chuẩn). */
  registered?: boolean;
  /** Especially difficult commune (xã đặc biệt khó khăn). */
  especiallyDifficult?: boolean;
  source?: SourceRef;
}

/**
 * What the cap counts. "indicators": the most indicators a commune takes on in the year. "criteria": the most
 * criteria a commune works on in the year, a criterion counting once at least one of its indicators is a target
 * (finished or not).
 */
export type CapUnit = "indicators" | "criteria";

export interface IndicatorTargetOptions {
  /** Number of criteria in the set (10 for 2026-2030): a commune with nothing missing meets them all. */
  criteriaCount: number;
  /** Annual budget in million VND; undefined means no limit. */
  budget?: number;
  /** The most a commune may take on in the year, counted in `capUnit`; undefined means no cap. */
  maxPerCommune?: number;
  /** Default "indicators". */
  capUnit?: CapUnit;
}

/** One commune's indicator targets for the year. */
export interface IndicatorCommunePlan {
  /** Index of the commune in the input array. */
  index: number;
  name: string;
  code?: string;
  district?: string;
  group?: number;
  /** Missing indicators, by criterion then code. */
  missing: MissingIndicator[];
  /** Indicators to meet next year, by criterion then code. */
  targets: MissingIndicator[];
  /** Criteria met now, and criteria the targets complete (ascending). */
  criteriaBefore: number;
  criteriaCompleted: number[];
  /** Criteria met at the end of the year (Lũy kế). */
  criteriaAfter: number;
  /** Cost of the targets, million VND. */
  cost: number;
  /** Meets every criterion at the end of the year, having missed some before. */
  completes: boolean;
  registered: boolean;
  especiallyDifficult: boolean;
}

export interface IndicatorTargetPlan {
  method: TargetMethod;
  /** True when proven best for the lexicographic objective (greedy: only when trivially so). */
  optimal: boolean;
  /** Relative gap of the first stage not proven optimal; 0 when optimal; null for the greedy method. */
  gap: number | null;
  communes: IndicatorCommunePlan[];
  newlyStandard: number;
  criteriaGained: number;
  indicatorsGained: number;
  cost: number;
  budget: number | null;
  budgetLeft: number | null;
  cap: { max: number; unit: CapUnit } | null;
  /** Average criteria met per commune now and at the end of the year. */
  currentAverage: number;
  projectedAverage: number;
  warnings: Warning[];
}
