// The greedy indicator planner: finish communes cheapest completion first, then the cheapest whole criteria, then
// spend what is left on the cheapest single indicators.

import { fits } from "../result";
import { prepareIndicators, type PreparedCommune, type PreparedIndicators } from "./prepare";
import { assembleIndicatorPlan, type Takes } from "./result";
import type { IndicatorCommune, IndicatorTargetOptions, IndicatorTargetPlan } from "./types";

/** Among equals, flagged communes first (registered, then especially difficult), then input order. */
function byPriority(a: PreparedCommune, b: PreparedCommune): number {
  return b.rank - a.rank || a.index - b.index;
}

/**
 * The most communes that can be completed within the budget, cheapest completions first (flagged communes first
 * among equal costs). Exact: completing is yes/no per commune at a fixed cost, so the cheapest fit most.
 */
export function cheapestIndicatorCompletions(province: PreparedIndicators): Set<number> {
  const { communes, budget } = province;
  const order = communes
    .map((c, k) => ({ c, k }))
    .filter(({ c }) => c.completable)
    .sort((x, y) => x.c.fullCost - y.c.fullCost || byPriority(x.c, y.c));
  const completing = new Set<number>();
  let spent = 0;
  for (const { c, k } of order) {
    if (!fits(spent, c.fullCost, budget)) break;
    spent += c.fullCost;
    completing.add(k);
  }
  return completing;
}

/** Commune order among equals as one number per commune: flagged first, then input order. */
function priorityOrder(communes: PreparedCommune[]): Int32Array {
  const order = new Int32Array(communes.length);
  const ids = communes.map((_, k) => k).sort((x, y) => byPriority(communes[x], communes[y]));
  ids.forEach((k, position) => (order[k] = position));
  return order;
}

function ids(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Greedy takes, given the communes to complete. */
export function greedyTakes(province: PreparedIndicators, completing: Set<number>): Takes {
  const { communes, budget, cap, capUnit } = province;
  const takes: Takes = communes.map((c) => new Array<number>(c.criteria.length).fill(0));
  const used = new Float64Array(communes.length);
  const priority = priorityOrder(communes);
  const completed = new Uint8Array(communes.length);
  let spent = 0;
  for (const k of completing) {
    completed[k] = 1;
    communes[k].criteria.forEach((m, i) => (takes[k][i] = m.indicators.length));
    spent += communes[k].fullCost;
  }
  // Whole criteria, cheapest first; among equal costs more indicators, then flagged communes, then order.
  let n = 0;
  communes.forEach((c, k) => completed[k] === 0 && (n += c.criteria.length));
  const wholeK = new Int32Array(n);
  const wholeI = new Int32Array(n);
  const wholeSize = new Int32Array(n);
  const wholeCost = new Float64Array(n);
  let j = 0;
  communes.forEach((c, k) => {
    if (completed[k] === 1) return;
    c.criteria.forEach((m, i) => {
      wholeK[j] = k;
      wholeI[j] = i;
      wholeSize[j] = m.indicators.length;
      wholeCost[j] = m.prefix[m.indicators.length];
      j++;
    });
  });
  const order = ids(n).sort(
    (x, y) =>
      wholeCost[x] - wholeCost[y] ||
      wholeSize[y] - wholeSize[x] ||
      priority[wholeK[x]] - priority[wholeK[y]] ||
      wholeI[x] - wholeI[y]
  );
  for (const id of order) {
    if (!fits(spent, wholeCost[id], budget)) break;
    const k = wholeK[id];
    const need = capUnit === "indicators" ? wholeSize[id] : 1;
    if (used[k] + need > cap) continue;
    used[k] += need;
    spent += wholeCost[id];
    takes[k][wholeI[id]] = wholeSize[id];
  }
  // Single indicators of the criteria left, cheapest first; a criterion's own indicators in their order.
  let m = 0;
  communes.forEach((c, k) =>
    c.criteria.forEach((crit, i) => (m += crit.indicators.length - takes[k][i]))
  );
  const oneK = new Int32Array(m);
  const oneI = new Int32Array(m);
  const oneP = new Int32Array(m);
  const oneCost = new Float64Array(m);
  j = 0;
  communes.forEach((c, k) =>
    c.criteria.forEach((crit, i) => {
      for (let p = takes[k][i]; p < crit.indicators.length; p++, j++) {
        oneK[j] = k;
        oneI[j] = i;
        oneP[j] = p;
        oneCost[j] = crit.indicators[p].cost;
      }
    })
  );
  const singles = ids(m).sort(
    (x, y) =>
      oneCost[x] - oneCost[y] ||
      priority[oneK[x]] - priority[oneK[y]] ||
      oneI[x] - oneI[y] ||
      oneP[x] - oneP[y]
  );
  for (const id of singles) {
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
