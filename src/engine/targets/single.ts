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
  return (
    cheapestMissing(achieved, catalogue, options) ?? plannedTargets(achieved, catalogue, options)
  );
}

/** The catalogue's criterion numbers, ascending (computed once per catalogue). */
const numbersOf = new WeakMap<Catalogue, number[]>();

/**
 * The greedy planner's answer for one commune without a budget, computed directly (NTM.NEXT runs once per cell, so
 * a worksheet recalculates it thousands of times): every missing criterion fits, so the plan is the commune's
 * `cap` cheapest missing criteria (ties: lower number first), ascending. undefined when a budget or an invalid cap or
 * cost needs the planner itself (which also gives its errors). test/engine/targets/single.test.ts checks that both
 * give the same answers.
 */
function cheapestMissing(
  achieved: number[],
  catalogue: Catalogue,
  options: NextTargetsOptions
): number[] | undefined {
  const cap = options.maxPerYear ?? Number.POSITIVE_INFINITY;
  if (
    options.budget !== undefined ||
    !(cap >= 0) ||
    (Number.isFinite(cap) && !Number.isInteger(cap))
  )
    return undefined;
  for (const cost of options.costs?.values() ?? [])
    if (!(Number.isFinite(cost) && cost >= 0)) return undefined;
  let numbers = numbersOf.get(catalogue);
  if (!numbers) {
    numbers = catalogue.criteria.map((c) => c.number).sort((a, b) => a - b);
    numbersOf.set(catalogue, numbers);
  }
  const free = options.freeCriteria ?? DEFAULT_FREE_CRITERIA;
  const unmet: number[] = [];
  const costs: number[] = [];
  for (const n of numbers) {
    if (achieved.includes(n)) continue;
    unmet.push(n);
    costs.push(options.costs?.get(n) ?? (free.includes(n) ? 0 : 1));
  }
  if (unmet.length <= cap) return unmet;
  const order = unmet.map((_, i) => i).sort((a, b) => costs[a] - costs[b] || unmet[a] - unmet[b]);
  return order
    .slice(0, cap)
    .map((i) => unmet[i])
    .sort((a, b) => a - b);
}

/** The greedy planner on a province of one commune. */
function plannedTargets(
  achieved: number[],
  catalogue: Catalogue,
  options: NextTargetsOptions
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
