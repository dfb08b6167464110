// One commune's greedy targets, for the NTM.NEXT worksheet function.

import type { Catalogue } from "../types";
import { planTargetsGreedy } from "./greedy";
import { DEFAULT_FREE_CRITERIA } from "./prepare";

export interface NextTargetsOptions {
  /** Most criteria to take on in the year; undefined means all missing ones. */
  maxPerYear?: number;
  /** Cost per criterion; criteria without one cost 1 (0 when they need no capital). */
  costs?: Map<number, number>;
  freeCriteria?: number[];
  /** Money available; undefined means no limit. */
  budget?: number;
}

/** The criteria a commune should aim for next year: its cheapest missing ones, up to the cap, ascending. */
export function nextTargets(
  achieved: number[],
  catalogue: Catalogue,
  options: NextTargetsOptions = {}
): number[] {
  // Criteria without a cost in a partial list fall back to unit cost, so the table is given as defaults plus 1s.
  const perCriterion = new Map<number, number>();
  if (options.costs) {
    const free = new Set(options.freeCriteria ?? DEFAULT_FREE_CRITERIA);
    for (const c of catalogue.criteria) perCriterion.set(c.number, free.has(c.number) ? 0 : 1);
    for (const [n, cost] of options.costs) perCriterion.set(n, cost);
  }
  const plan = planTargetsGreedy([{ name: "-", achieved, count: achieved.length }], {
    catalogue,
    budget: options.budget,
    maxPerCommune: options.maxPerYear,
    costs: options.costs ? { perCommune: new Map(), perCriterion } : undefined,
    freeCriteria: options.freeCriteria,
  });
  return plan.communes[0].targets;
}
