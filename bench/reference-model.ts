// The multiple-choice knapsack model of the domain brief §4 (one binary per commune and number of criteria gained),
// built by the bench itself: a fixed yardstick to compare solvers when the planner's own model is not at hand.

import { COST_UNIT, type SyntheticRegion } from "./generators";
import type { MipColumn, MipModel, MipRow } from "./mip";

/** Objective of the brief's experiment: 1000·complete + gained − cost/100000 (cost in the experiment's units). */
export function referenceTargetsModel(region: SyntheticRegion): MipModel {
  const missingCosts = new Map<string, number[]>();
  for (const c of region.costs) {
    const list = missingCosts.get(c.code) ?? [];
    list.push(c.cost);
    missingCosts.set(c.code, list);
  }
  const columns: MipColumn[] = [];
  const rows: MipRow[] = [];
  const budget: [number, number][] = [];
  region.communes.forEach((commune, i) => {
    const costs = (missingCosts.get(commune.code) ?? []).sort((a, b) => a - b);
    if (costs.length === 0) return;
    const choose: [number, number][] = [];
    let total = 0;
    for (let g = 1; g <= Math.min(region.cap, costs.length); g++) {
      total += costs[g - 1];
      const complete = g === costs.length ? 1 : 0;
      const j = columns.length;
      columns.push({
        name: `y${i}_${g}`,
        cost: 1000 * complete + g - total / COST_UNIT / 100000,
        lb: 0,
        ub: 1,
        integer: true,
      });
      choose.push([j, 1]);
      budget.push([j, total]);
    }
    rows.push({ name: `one${i}`, entries: choose, lb: -Infinity, ub: 1 });
  });
  rows.push({ name: "budget", entries: budget, lb: -Infinity, ub: region.annualBudget });
  return { name: `targets_${region.communes.length}`, sense: "max", columns, rows };
}
