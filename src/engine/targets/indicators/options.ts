// Each commune's useful choices for the exact method: for every (criteria completed, indicators met) the cheapest
// way within the cap, keeping only the choices no other choice beats on all three counts.

import type { PreparedCommune, PreparedIndicators } from "./prepare";

/** One way a commune can spend: how many indicators of each missing criterion, and what it brings. */
export interface CommuneOption {
  take: number[];
  criteria: number;
  indicators: number;
  cost: number;
  completes: boolean;
}

/**
 * The non-dominated choices of a commune, cheapest first, without the empty one. Within a criterion the cheapest
 * indicators come first (all indicators weigh the same), so a choice is a count per criterion: a small dynamic
 * programme over the commune's missing criteria with states (cap used, criteria completed, indicators).
 */
export function communeOptions(c: PreparedCommune, province: PreparedIndicators): CommuneOption[] {
  const sizes = c.criteria.map((m) => m.indicators.length);
  const byIndicators = province.capUnit === "indicators";
  const cap = province.cap;
  const T = Math.min(c.missingCount, byIndicators ? cap : Infinity) + 1;
  const J = c.criteria.length + 1;
  const U = byIndicators ? 1 : Math.min(c.criteria.length, cap) + 1;
  const states = U * J * T;
  const at = (u: number, j: number, t: number) => (u * J + j) * T + t;
  let cost = new Float64Array(states).fill(Infinity);
  cost[0] = 0;
  const takes: Int8Array[] = [];
  const prevs: Int32Array[] = [];
  c.criteria.forEach((m, i) => {
    const next = new Float64Array(states).fill(Infinity);
    const take = new Int8Array(states);
    const prev = new Int32Array(states);
    for (let u = 0; u < U; u++)
      for (let j = 0; j < J; j++)
        for (let t = 0; t < T; t++) {
          const here = cost[at(u, j, t)];
          if (here === Infinity) continue;
          for (let s = 0; s <= sizes[i] && t + s < T; s++) {
            const u2 = byIndicators ? 0 : u + (s > 0 ? 1 : 0);
            if (u2 >= U) break;
            const to = at(u2, j + (s === sizes[i] ? 1 : 0), t + s);
            const value = here + m.prefix[s];
            if (value < next[to]) {
              next[to] = value;
              take[to] = s;
              prev[to] = at(u, j, t);
            }
          }
        }
    cost = next;
    takes.push(take);
    prevs.push(prev);
  });
  // The cheapest state per (criteria, indicators), then the Pareto sweep by cost.
  const best: { j: number; t: number; cost: number; state: number }[] = [];
  for (let j = 0; j < J; j++)
    for (let t = 0; t < T; t++) {
      let state = -1;
      for (let u = 0; u < U; u++) {
        const s = at(u, j, t);
        if (cost[s] < Infinity && (state < 0 || cost[s] < cost[state])) state = s;
      }
      if (state >= 0 && (j > 0 || t > 0)) best.push({ j, t, cost: cost[state], state });
    }
  best.sort((a, b) => a.cost - b.cost || b.j - a.j || b.t - a.t);
  const maxTFrom = new Array<number>(J).fill(0); // the most indicators of a kept choice with ≥ j criteria
  const kept: CommuneOption[] = [];
  for (const o of best) {
    if (maxTFrom[o.j] >= o.t) continue;
    for (let j = 0; j <= o.j; j++) maxTFrom[j] = Math.max(maxTFrom[j], o.t);
    const take = new Array<number>(c.criteria.length).fill(0);
    let state = o.state;
    for (let i = c.criteria.length - 1; i >= 0; i--) {
      take[i] = takes[i][state];
      state = prevs[i][state];
    }
    kept.push({
      take,
      criteria: o.j,
      indicators: o.t,
      cost: o.cost,
      completes: o.j === c.criteria.length,
    });
  }
  return kept;
}
