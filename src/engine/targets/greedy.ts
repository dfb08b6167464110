// The greedy planner: finish communes cheapest completion first, then spend what is left on the cheapest criteria.

import type { CommuneStatus } from "../types";
import { prepareProvince, type PlanningCommune, type PreparedProvince } from "./prepare";
import { assemblePlan, fits } from "./result";
import type { TargetOptions, TargetPlan } from "./types";

/** Among equals, flagged communes first (registered, then especially difficult), then input order. */
function byPriority(a: PlanningCommune, b: PlanningCommune): number {
  return b.rank - a.rank || a.index - b.index;
}

/** Every (commune, g-th cheapest missing criterion) a commune may take, as parallel arrays in planning order. */
interface Items {
  commune: Int32Array;
  g: Int32Array;
  cost: Float64Array;
  /** Item ids by cost, then priority (flagged first, then input order), then g. */
  order: Int32Array;
}

/** Sorted once per province: the exact method fills around many candidate sets of completed communes. */
const itemsCache = new WeakMap<PreparedProvince, Items>();

function sortedItems(province: PreparedProvince): Items {
  const cached = itemsCache.get(province);
  if (cached) return cached;
  const { communes } = province;
  const total = communes.reduce((n, c) => n + c.limit, 0);
  const items: Items = {
    commune: new Int32Array(total),
    g: new Int32Array(total),
    cost: new Float64Array(total),
    order: new Int32Array(total),
  };
  let i = 0;
  communes.forEach((c, k) => {
    for (let g = 0; g < c.limit; g++, i++) {
      items.commune[i] = k;
      items.g[i] = g;
      items.cost[i] = c.costs[g];
      items.order[i] = i;
    }
  });
  items.order.sort(
    (x, y) =>
      items.cost[x] - items.cost[y] ||
      byPriority(communes[items.commune[x]], communes[items.commune[y]]) ||
      items.g[x] - items.g[y]
  );
  itemsCache.set(province, items);
  return items;
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
  const items = sortedItems(province);
  for (const id of items.order) {
    const k = items.commune[id];
    if (completing.has(k)) continue;
    // Sorted by cost: once one does not fit, no later one does.
    if (!fits(spent, items.cost[id], budget)) break;
    spent += items.cost[id];
    chosen[k] = items.g[id] + 1;
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
