// Types of next-year target planning: what the planner takes, and the plan it returns.

import type { Catalogue, Warning } from "../types";

export type TargetMethod = "greedy" | "optimal";

/** Estimated costs (million VND) of meeting a criterion: per commune, or a default per criterion. */
export interface CostTable {
  /** communeKey(commune) (src/engine/commune-identity.ts) → criterion → cost. */
  perCommune: Map<string, Map<number, number>>;
  /** criterion → default cost for every commune (a row with an empty commune name). */
  perCriterion: Map<number, number>;
}

export interface TargetOptions {
  catalogue: Catalogue;
  /** Annual budget in million VND; undefined means no limit. */
  budget?: number;
  /** Most criteria a commune may take on in the year; undefined means no cap. */
  maxPerCommune?: number;
  /** The plan year: a commune with registeredYear equal to it is registered to reach the standard. */
  year?: number;
  /** Optional cost estimates; without them every missing criterion costs 1 (0 if it needs no capital). */
  costs?: CostTable;
  /** Criteria needing no capital: cost 0 when no cost is given. Default DEFAULT_FREE_CRITERIA. */
  freeCriteria?: number[];
}

export interface ExactOptions {
  /** Seconds allowed to each solver stage; the best plan found so far is returned with its gap. */
  timeLimitSeconds?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number, message: { vi: string; en: string }) => void;
}

/** One commune's plan for the year. */
export interface CommunePlan {
  /** Index of the commune in the input array. */
  index: number;
  name: string;
  district?: string;
  achieved: number[];
  /** Criteria not yet met, ascending. */
  missing: number[];
  /** Criteria to meet next year, ascending. */
  targets: number[];
  /** Criteria met at the end of the year (Lũy kế). */
  cumulative: number;
  /** Cost of the targets, million VND. */
  cost: number;
  /** Meets every criterion at the end of the year, having missed some before. */
  completes: boolean;
  /** Registered to reach the standard in the plan year. */
  registered: boolean;
  especiallyDifficult: boolean;
}

export interface TargetPlan {
  method: TargetMethod;
  /** True when the plan is proven to be best for the lexicographic objective (greedy: only when trivially so). */
  optimal: boolean;
  /** Relative gap of the first stage not proven optimal; 0 when optimal; null for the greedy method. */
  gap: number | null;
  /** Communes planned per criterion, in input order (count-only communes are left out with a warning). */
  communes: CommunePlan[];
  /** Indices of input communes that were skipped because only their count is known. */
  skipped: number[];
  newlyStandard: number;
  criteriaGained: number;
  cost: number;
  budget: number | null;
  budgetLeft: number | null;
  /** Average criteria per commune now and at the end of the year, over all input communes. */
  currentAverage: number;
  projectedAverage: number;
  warnings: Warning[];
}
