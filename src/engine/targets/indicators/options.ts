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

/** Working arrays of the programme, reused from commune to commune (it runs synchronously). */
interface Scratch {
  cost0: Float64Array;
  cost1: Float64Array;
  take: Int8Array;
  prev: Int32Array;
}

let scratch: Scratch | null = null;

function scratchFor(states: number, layers: number): Scratch {
  if (!scratch || scratch.cost0.length < states || scratch.take.length < states * layers) {
    const size = Math.max(states, scratch?.cost0.length ?? 0, 256);
    const all = Math.max(states * layers, scratch?.take.length ?? 0, 4096);
    scratch = {
      cost0: new Float64Array(size),
      cost1: new Float64Array(size),
      take: new Int8Array(all),
      prev: new Int32Array(all),
    };
  }
  return scratch;
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
  const layers = c.criteria.length;
  const s = scratchFor(states, layers);
  const at = (u: number, j: number, t: number) => (u * J + j) * T + t;
  let cost = s.cost0;
  let next = s.cost1;
  cost.fill(Infinity, 0, states);
  cost[0] = 0;
  c.criteria.forEach((m, i) => {
    next.fill(Infinity, 0, states);
    const base = i * states;
    for (let u = 0; u < U; u++)
      for (let j = 0; j < J; j++)
        for (let t = 0; t < T; t++) {
          const here = cost[at(u, j, t)];
          if (here === Infinity) continue;
          for (let n = 0; n <= sizes[i] && t + n < T; n++) {
            const u2 = byIndicators ? 0 : u + (n > 0 ? 1 : 0);
            if (u2 >= U) break;
            const to = at(u2, j + (n === sizes[i] ? 1 : 0), t + n);
            const value = here + m.prefix[n];
            if (value < next[to]) {
              next[to] = value;
              s.take[base + to] = n;
              s.prev[base + to] = at(u, j, t);
            }
          }
        }
    const swap = cost;
    cost = next;
    next = swap;
  });
  // The cheapest state per (criteria, indicators), then the Pareto sweep by cost.
  const best: { j: number; t: number; cost: number; state: number }[] = [];
  for (let j = 0; j < J; j++)
    for (let t = 0; t < T; t++) {
      let state = -1;
      for (let u = 0; u < U; u++) {
        const x = at(u, j, t);
        if (cost[x] < Infinity && (state < 0 || cost[x] < cost[state])) state = x;
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
      take[i] = s.take[i * states + state];
      state = s.prev[i * states + state];
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
