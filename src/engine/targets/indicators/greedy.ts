// The greedy indicator planner: finish communes cheapest completion first, then the cheapest whole criteria, then
// spend what is left on the cheapest single indicators.

import { fits } from "../result";
import { sortedByValue } from "./order";
import { prepareIndicators, type PreparedCommune, type PreparedIndicators } from "./prepare";
import { assembleIndicatorPlan, type Takes } from "./result";
import type { IndicatorCommune, IndicatorTargetOptions, IndicatorTargetPlan } from "./types";

/**
 * The most communes that can be completed within the budget, cheapest completions first (flagged communes first
 * among equal costs). Exact: completing is yes/no per commune at a fixed cost, so the cheapest fit most.
 */
export function cheapestIndicatorCompletions(province: PreparedIndicators): Set<number> {
  const { communes, budget } = province;
  const cost = new Float64Array(communes.length);
  const later = new Int32Array(communes.length); // flagged first: 3 − rank
  let n = 0;
  const ids = new Int32Array(communes.length);
  communes.forEach((c, k) => {
    if (!c.completable) return;
    cost[n] = c.fullCost;
    later[n] = 3 - c.rank;
    ids[n++] = k;
  });
  const completing = new Set<number>();
  let spent = 0;
  for (const x of sortedByValue(cost, later, 4, n)) {
    const c = communes[ids[x]];
    if (!fits(spent, c.fullCost, budget)) break;
    spent += c.fullCost;
    completing.add(ids[x]);
  }
  return completing;
}

/** The communes in priority order among equals: flagged first, then input order. */
function byPriorityOrder(communes: PreparedCommune[]): Int32Array {
  const order = new Int32Array(communes.length);
  let n = 0;
  for (let rank = 3; rank >= 0; rank--)
    for (let k = 0; k < communes.length; k++) if (communes[k].rank === rank) order[n++] = k;
  return order;
}

/** Greedy takes, given the communes to complete. */
export function greedyTakes(province: PreparedIndicators, completing: Set<number>): Takes {
  const { communes, budget, cap, capUnit } = province;
  const takes: Takes = communes.map((c) => new Array<number>(c.criteria.length).fill(0));
  const used = new Float64Array(communes.length);
  const order = byPriorityOrder(communes);
  const completed = new Uint8Array(communes.length);
  let spent = 0;
  for (const k of completing) {
    completed[k] = 1;
    communes[k].criteria.forEach((m, i) => (takes[k][i] = m.indicators.length));
    spent += communes[k].fullCost;
  }
  // Whole criteria, cheapest first; among equal costs more indicators, then flagged communes, then order: listed
  // by priority and criterion, then sorted by cost and size.
  let n = 0;
  communes.forEach((c, k) => completed[k] === 0 && (n += c.criteria.length));
  const wholeK = new Int32Array(n);
  const wholeI = new Int32Array(n);
  const wholeSize = new Int32Array(n);
  const wholeCost = new Float64Array(n);
  let j = 0;
  let longest = 0;
  for (const k of order) {
    if (completed[k] === 1) continue;
    const criteria = communes[k].criteria;
    for (let i = 0; i < criteria.length; i++, j++) {
      const size = criteria[i].indicators.length;
      wholeK[j] = k;
      wholeI[j] = i;
      wholeSize[j] = size;
      wholeCost[j] = criteria[i].prefix[size];
      if (size > longest) longest = size;
    }
  }
  const fewer = new Int32Array(n);
  for (let id = 0; id < n; id++) fewer[id] = longest - wholeSize[id];
  for (const id of sortedByValue(wholeCost, fewer, longest + 1, n)) {
    if (!fits(spent, wholeCost[id], budget)) break;
    const k = wholeK[id];
    const size = wholeSize[id];
    const need = capUnit === "indicators" ? size : 1;
    if (used[k] + need > cap) continue;
    used[k] += need;
    spent += wholeCost[id];
    takes[k][wholeI[id]] = size;
  }
  // Single indicators of the criteria left, cheapest first; among equal costs flagged communes, then order, then
  // a criterion's own indicators in their order.
  let most = 0;
  communes.forEach((c, k) => completed[k] === 0 && (most += c.missingCount));
  const oneK = new Int32Array(most);
  const oneI = new Int32Array(most);
  const oneP = new Int32Array(most);
  const oneCost = new Float64Array(most);
  let m = 0;
  for (const k of order) {
    if (completed[k] === 1) continue;
    const { criteria, costs } = communes[k];
    for (let i = 0; i < criteria.length; i++) {
      const { first, indicators } = criteria[i];
      for (let p = takes[k][i]; p < indicators.length; p++, m++) {
        oneK[m] = k;
        oneI[m] = i;
        oneP[m] = p;
        oneCost[m] = costs[first + p];
      }
    }
  }
  for (const id of sortedByValue(oneCost, null, 1, m)) {
    if (!fits(spent, oneCost[id], budget)) break;
    const k = oneK[id];
    const i = oneI[id];
    if (takes[k][i] !== oneP[id]) continue;
    const need = capUnit === "indicators" || takes[k][i] === 0 ? 1 : 0;
    if (used[k] + need > cap) continue;
    used[k] += need;
    spent += oneCost[id];
    takes[k][i]++;
  }
  return takes;
}

/**
 * Next year's indicator targets by the greedy rule: exact for the number of communes completed, fast and
 * deterministic. `optimal` is true only when every commune takes everything it misses.
 */
export function planIndicatorTargetsGreedy(
  communes: IndicatorCommune[],
  options: IndicatorTargetOptions
): IndicatorTargetPlan {
  const province = prepareIndicators(communes, options);
  const takes = greedyTakes(province, cheapestIndicatorCompletions(province));
  const everything = province.communes.every((c, k) =>
    c.criteria.every((m, i) => takes[k][i] === m.indicators.length)
  );
  return assembleIndicatorPlan(province, takes, "greedy", { optimal: everything, gap: null });
}
