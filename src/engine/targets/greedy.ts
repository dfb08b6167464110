// The greedy planner: finish communes cheapest completion first, then spend what is left on the cheapest criteria.

import type { CommuneStatus } from "../types";
import { prepareProvince, type PlanningCommune, type PreparedProvince } from "./prepare";
import { assemblePlan, fits } from "./result";
import type { TargetOptions, TargetPlan } from "./types";

/** Among equals, flagged communes first (registered, then especially difficult), then input order. */
function byPriority(a: PlanningCommune, b: PlanningCommune): number {
  return b.rank - a.rank || a.index - b.index;
}

/**
 * Completes the communes in `completing` (indices into province.communes), then spends what is left on the
 * cheapest criteria of the others, one criterion at a time. For a fixed set of completed communes this gains the
 * most criteria at the least cost, because each commune's costs ascend: taking items in global cost order always
 * takes a commune's cheapest missing criteria first. Returns the number of criteria per commune.
 */
export function fillAround(province: PreparedProvince, completing: Set<number>): number[] {
  const { communes, budget } = province;
  const chosen = communes.map(() => 0);
  let spent = 0;
  for (const k of completing) {
    chosen[k] = communes[k].missing.length;
    spent += communes[k].prefix[chosen[k]];
  }
  const items: { k: number; g: number; cost: number }[] = [];
  communes.forEach((c, k) => {
    if (completing.has(k)) return;
    for (let g = 0; g < c.limit; g++) items.push({ k, g, cost: c.costs[g] });
  });
  items.sort((x, y) => x.cost - y.cost || byPriority(communes[x.k], communes[y.k]) || x.g - y.g);
  for (const item of items) {
    // Sorted by cost: once one does not fit, no later one does.
    if (!fits(spent, item.cost, budget)) break;
    spent += item.cost;
    chosen[item.k] = item.g + 1;
  }
  return chosen;
}

/**
 * The most communes that can be completed within the budget, cheapest completions first (flagged communes first
 * among equal costs). This is exact: completing is yes/no per commune at a fixed cost, so the cheapest fit most.
 */
export function cheapestCompletions(province: PreparedProvince): Set<number> {
  const { communes, budget } = province;
  const order = communes
    .map((c, k) => ({ c, k }))
    .filter(({ c }) => c.completable)
    .sort(
      (x, y) =>
        x.c.prefix[x.c.missing.length] - y.c.prefix[y.c.missing.length] || byPriority(x.c, y.c)
    );
  const completing = new Set<number>();
  let spent = 0;
  for (const { c, k } of order) {
    const cost = c.prefix[c.missing.length];
    if (!fits(spent, cost, budget)) break;
    spent += cost;
    completing.add(k);
  }
  return completing;
}

/**
 * Next year's targets by the greedy rule: fast, deterministic, and exact for the number of communes completed.
 * `optimal` is true when the plan is provably best: every commune takes all it can, or the plan gains as many
 * criteria, as cheaply, as the budget allows even without completing anyone.
 */
export function planTargetsGreedy(communes: CommuneStatus[], options: TargetOptions): TargetPlan {
  const province = prepareProvince(communes, options);
  const chosen = fillAround(province, cheapestCompletions(province));
  const gained = (plan: number[]) => plan.reduce((s, g) => s + g, 0);
  const cost = (plan: number[]) => plan.reduce((s, g, k) => s + province.communes[k].prefix[g], 0);
  const everything = province.communes.every((c, k) => chosen[k] === c.limit);
  const free = everything ? chosen : fillAround(province, new Set());
  const proven = everything || (gained(chosen) === gained(free) && cost(chosen) <= cost(free));
  return assemblePlan(communes, province, chosen, "greedy", { optimal: proven, gap: null });
}
