// The greedy indicator planner: finish communes cheapest completion first, then the cheapest whole criteria, then
// spend what is left on the cheapest single indicators.

import { fits } from "../result";
import { sortedByValue } from "./order";
import { prepareIndicators, type PreparedIndicators } from "./prepare";
import { assembleSlotPlan, takesByCommune, type Takes } from "./result";
import type { IndicatorCommune, IndicatorTargetOptions, IndicatorTargetPlan } from "./types";

/**
 * The most communes that can be completed within the budget, cheapest completions first (flagged communes first
 * among equal costs). Exact: completing is yes/no per commune at a fixed cost, so the cheapest fit most.
 */
export function cheapestIndicatorCompletions(province: PreparedIndicators): Set<number> {
  const { fullCost, rank, completable, budget } = province;
  const count = fullCost.length;
  const cost = new Float64Array(count);
  const later = new Int32Array(count); // flagged first: 3 − rank
  let n = 0;
  const ids = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    if (completable[k] === 0) continue;
    cost[n] = fullCost[k];
    later[n] = 3 - rank[k];
    ids[n++] = k;
  }
  const completing = new Set<number>();
  let spent = 0;
  for (const x of sortedByValue(cost, later, 4, n)) {
    const k = ids[x];
    if (!fits(spent, fullCost[k], budget)) break;
    spent += fullCost[k];
    completing.add(k);
  }
  return completing;
}

/** The communes in priority order among equals: flagged first, then input order. */
function byPriorityOrder(rank: Int32Array): Int32Array {
  const order = new Int32Array(rank.length);
  let n = 0;
  for (let r = 3; r >= 0; r--)
    for (let k = 0; k < rank.length; k++) if (rank[k] === r) order[n++] = k;
  return order;
}

/** Greedy takes per slot (indicators taken of each missing criterion of each commune), given the communes to complete. */
export function greedySlotTakes(province: PreparedIndicators, completing: Set<number>): Int32Array {
  const { communeSlot, slotFirst, slotSize, slotCost, cost, budget, cap, capUnit } = province;
  const count = province.fullCost.length;
  const takes = new Int32Array(slotSize.length);
  const used = new Float64Array(count);
  const order = byPriorityOrder(province.rank);
  const completed = new Uint8Array(count);
  let spent = 0;
  for (const k of completing) {
    completed[k] = 1;
    for (let s = communeSlot[k]; s < communeSlot[k + 1]; s++) takes[s] = slotSize[s];
    spent += province.fullCost[k];
  }
  // Whole criteria, cheapest first; among equal costs more indicators, then flagged communes, then order: listed
  // by priority and criterion, then sorted by cost and size.
  let n = 0;
  for (let k = 0; k < count; k++) if (completed[k] === 0) n += communeSlot[k + 1] - communeSlot[k];
  const wholeK = new Int32Array(n);
  const wholeS = new Int32Array(n);
  const wholeCost = new Float64Array(n);
  let j = 0;
  let longest = 0;
  for (const k of order) {
    if (completed[k] === 1) continue;
    for (let s = communeSlot[k]; s < communeSlot[k + 1]; s++, j++) {
      wholeK[j] = k;
      wholeS[j] = s;
      wholeCost[j] = slotCost[s];
      if (slotSize[s] > longest) longest = slotSize[s];
    }
  }
  const fewer = new Int32Array(n);
  for (let id = 0; id < n; id++) fewer[id] = longest - slotSize[wholeS[id]];
  for (const id of sortedByValue(wholeCost, fewer, longest + 1, n)) {
    if (!fits(spent, wholeCost[id], budget)) break;
    const k = wholeK[id];
    const s = wholeS[id];
    const need = capUnit === "indicators" ? slotSize[s] : 1;
    if (used[k] + need > cap) continue;
    used[k] += need;
    spent += wholeCost[id];
    takes[s] = slotSize[s];
  }
  // Single indicators of the criteria left, cheapest first; among equal costs flagged communes, then order, then
  // a criterion's own indicators in their order.
  let most = 0;
  for (let k = 0; k < count; k++)
    if (completed[k] === 0) most += province.communeFirst[k + 1] - province.communeFirst[k];
  const oneK = new Int32Array(most);
  const oneS = new Int32Array(most);
  const oneP = new Int32Array(most);
  const oneCost = new Float64Array(most);
  let m = 0;
  for (const k of order) {
    if (completed[k] === 1) continue;
    for (let s = communeSlot[k]; s < communeSlot[k + 1]; s++) {
      const first = slotFirst[s];
      for (let p = takes[s]; p < slotSize[s]; p++, m++) {
        oneK[m] = k;
        oneS[m] = s;
        oneP[m] = p;
        oneCost[m] = cost[first + p];
      }
    }
  }
  for (const id of sortedByValue(oneCost, null, 1, m)) {
    if (!fits(spent, oneCost[id], budget)) break;
    const k = oneK[id];
    const s = oneS[id];
    if (takes[s] !== oneP[id]) continue;
    const need = capUnit === "indicators" || takes[s] === 0 ? 1 : 0;
    if (used[k] + need > cap) continue;
    used[k] += need;
    spent += oneCost[id];
    takes[s]++;
  }
  return takes;
}

/** Greedy takes by commune, given the communes to complete (the exact method starts from them). */
export function greedyTakes(province: PreparedIndicators, completing: Set<number>): Takes {
  return takesByCommune(province, greedySlotTakes(province, completing));
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
  const takes = greedySlotTakes(province, cheapestIndicatorCompletions(province));
  let everything = true;
  for (let s = 0; s < province.communeSlot[communes.length] && everything; s++)
    everything = takes[s] === province.slotSize[s];
  return assembleSlotPlan(province, takes, "greedy", { optimal: everything, gap: null });
}
