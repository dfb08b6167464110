// Our own bound for the stages of the exact indicator planner, and a plan built from it.
//
// Every stage is a multiple-choice knapsack: one option per commune (or nothing), a handful of side rows (the
// budget and the values of the earlier stages), an integer or money objective. Relaxing the side rows with
// multipliers u ≥ 0 leaves one choice per commune: U(u) = Σ_k max_o (f(o) + u·g(o)) − u·b bounds every plan that
// meets the rows, whatever u. The best u (the linear relaxation's duals) is found by cutting planes on this convex
// function of a few variables (Kelley), each master a linear program of a few columns. When the bound and a plan
// meet (within one unit for an integer objective), the stage is proven without the full program; otherwise the
// caller solves it.

import type { MixedSolver } from "../solver";
import type { CommuneOption } from "./options";
import { sortedByValue } from "./order";

/** The options of all communes in flat arrays; option first[k] of commune k is "nothing". */
export interface FlatOptions {
  first: Int32Array;
  cost: Float64Array;
  completes: Float64Array;
  criteria: Float64Array;
  indicators: Float64Array;
  /** The commune option behind each flat option (null for "nothing"). */
  option: (CommuneOption | null)[];
}

export function flatten(options: CommuneOption[][]): FlatOptions {
  let n = 0;
  for (const list of options) n += list.length + 1;
  const flat: FlatOptions = {
    first: new Int32Array(options.length + 1),
    cost: new Float64Array(n),
    completes: new Float64Array(n),
    criteria: new Float64Array(n),
    indicators: new Float64Array(n),
    option: new Array<CommuneOption | null>(n).fill(null),
  };
  let j = 0;
  options.forEach((list, k) => {
    flat.first[k] = j++;
    for (const o of list) {
      flat.cost[j] = o.cost;
      flat.completes[j] = o.completes ? 1 : 0;
      flat.criteria[j] = o.criteria;
      flat.indicators[j] = o.indicators;
      flat.option[j] = o;
      j++;
    }
  });
  flat.first[options.length] = j;
  return flat;
}

/** A side row Σ g(o) ≥ b over the chosen options. */
export interface SideRow {
  g: Float64Array;
  b: number;
}

interface Cut {
  value: number;
  slope: number[];
  at: number[];
}

/** value[o] = f(o) + Σ_j u_j g_j(o), row by row. */
function price(f: Float64Array, rows: SideRow[], u: number[], value: Float64Array): void {
  value.set(f);
  rows.forEach((r, j) => {
    const w = u[j];
    if (w === 0) return;
    const g = r.g;
    for (let o = 0; o < value.length; o++) value[o] += w * g[o];
  });
}

/** U(u) and a subgradient; `scale` sums the magnitudes added, for the rounding allowance. */
function lagrangian(
  flat: FlatOptions,
  f: Float64Array,
  rows: SideRow[],
  u: number[],
  value: Float64Array,
  at: Int32Array
): { value: number; slope: number[]; scale: number } {
  price(f, rows, u, value);
  let total = 0;
  let scale = 0;
  rows.forEach((r, j) => {
    total -= u[j] * r.b;
    scale += Math.abs(u[j] * r.b);
  });
  const first = flat.first;
  const communes = first.length - 1;
  for (let k = 0; k < communes; k++) {
    let best = value[first[k]];
    let arg = first[k];
    for (let o = first[k] + 1; o < first[k + 1]; o++) {
      if (value[o] > best) {
        best = value[o];
        arg = o;
      }
    }
    at[k] = arg;
    total += best;
  }
  const slope = rows.map((r, j) => {
    let sum = -r.b;
    const g = r.g;
    for (let k = 0; k < communes; k++) {
      sum += g[at[k]];
      scale += Math.abs(u[j] * g[at[k]]);
    }
    return sum;
  });
  for (let k = 0; k < communes; k++) scale += Math.abs(f[at[k]]);
  return { value: total, slope, scale };
}

export interface DualBound {
  /** An upper bound on the stage's objective over all plans meeting the rows. */
  bound: number;
  /** The multipliers that gave it. */
  u: number[];
}

/**
 * The smallest U(u) found by cutting planes, stopping once it is below `enough` (the bound that proves the plan in
 * hand), once the master proves nothing below `floor` + `tolerance` exists... or after `iterations` cuts. `floor`
 * is the value of a plan meeting the rows (so U ≥ floor everywhere). The result is a valid bound, rounding
 * included, whatever the stop.
 */
export async function dualBound(
  flat: FlatOptions,
  f: Float64Array,
  rows: SideRow[],
  floor: number,
  enough: number,
  solver: MixedSolver,
  iterations = 60
): Promise<DualBound> {
  const m = rows.length;
  // A box for the multipliers: a unit of a row is worth at most a few communes' whole range of the objective.
  let range = 0;
  const communes = flat.first.length - 1;
  for (let k = 0; k < communes; k++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let o = flat.first[k]; o < flat.first[k + 1]; o++) {
      lo = Math.min(lo, f[o]);
      hi = Math.max(hi, f[o]);
    }
    range = Math.max(range, hi - lo);
  }
  const box = rows.map((r) => {
    let smallest = Infinity;
    for (let o = 0; o < r.g.length; o++) {
      const a = Math.abs(r.g[o]);
      if (a > 0 && a < smallest) smallest = a;
    }
    return Number.isFinite(smallest) ? (100 * Math.max(range, 1)) / smallest : 0;
  });
  let u = new Array<number>(m).fill(0);
  let best: DualBound = { bound: Infinity, u };
  const cuts: Cut[] = [];
  const value = new Float64Array(f.length);
  const at = new Int32Array(communes);
  for (let it = 0; it < iterations; it++) {
    const e = lagrangian(flat, f, rows, u, value, at);
    // Rounding: each term is off by a few units in the last place at most.
    const bound = e.value + 1e-11 * e.scale;
    if (bound < best.bound) best = { bound, u };
    if (best.bound < enough) break;
    cuts.push({ value: e.value, slope: e.slope, at: u });
    // Master: min y over the box, y ≥ value_t + slope_t·(u − u_t) − floor for every cut, y ≥ 0.
    const span = Math.max(best.bound - floor, 1e-9);
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const lower: number[] = [];
    for (const c of cuts) {
      let rhs = c.value - floor;
      for (let j = 0; j < m; j++) {
        if (c.slope[j] !== 0) {
          indices.push(j);
          values.push(-c.slope[j]);
        }
        rhs -= c.slope[j] * c.at[j];
      }
      indices.push(m);
      values.push(1);
      starts.push(indices.length);
      lower.push(rhs);
    }
    const result = await solver.solve({
      sense: "min",
      objective: [...new Array<number>(m).fill(0), 1],
      columnUpper: [...box, span],
      integer: new Array<boolean>(m + 1).fill(false),
      rowStarts: starts,
      rowIndices: indices,
      rowValues: values,
      rowLower: lower,
      rowUpper: lower.map(() => Infinity),
      absoluteGap: 0,
    });
    if (result.status !== "optimal") break;
    const next = result.values.slice(0, m).map((x) => Math.max(0, x));
    const low = floor + result.values[m];
    // The model's minimum is within a hair of the best bound: the linear relaxation is reached.
    if (best.bound - low <= 1e-9 * Math.max(1, Math.abs(best.bound))) break;
    u = next;
  }
  return best;
}

/**
 * A plan from multipliers: the side rows other than the budget priced in (f + Σ u_j g_j), then for each commune
 * the upper hull of (cost, priced value), its steps taken best value per cost first while the budget allows.
 * A commune's options come cheapest first ("nothing" first). Returns the flat option chosen per commune.
 */
export function pricedPlan(
  flat: FlatOptions,
  f: Float64Array,
  rows: SideRow[],
  u: number[],
  budget: number,
  fits: (spent: number, cost: number, budget: number) => boolean
): Int32Array {
  const { first, cost } = flat;
  const communes = first.length - 1;
  const n = cost.length;
  const value = new Float64Array(n);
  price(f, rows, u, value);
  const chosen = new Int32Array(communes);
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const slope = new Float64Array(n);
  let steps = 0;
  const hull: number[] = [];
  let spent = 0;
  for (let k = 0; k < communes; k++) {
    hull.length = 0;
    for (let o = first[k]; o < first[k + 1]; o++) {
      let last = hull[hull.length - 1];
      if (last !== undefined && cost[o] === cost[last]) {
        if (value[o] <= value[last]) continue;
        hull.pop();
        last = hull[hull.length - 1];
      }
      if (last !== undefined && value[o] <= value[last]) continue; // no better for more money
      while (hull.length >= 2) {
        const p = hull[hull.length - 2];
        const q = hull[hull.length - 1];
        // q on or under the chord from p to o: drop it.
        if (
          (value[q] - value[p]) * (cost[o] - cost[p]) <=
          (value[o] - value[p]) * (cost[q] - cost[p])
        )
          hull.pop();
        else break;
      }
      hull.push(o);
    }
    chosen[k] = hull[0];
    spent += cost[hull[0]];
    for (let h = 0; h + 1 < hull.length; h++, steps++) {
      from[steps] = hull[h];
      to[steps] = hull[h + 1];
      slope[steps] = -(value[hull[h + 1]] - value[hull[h]]) / (cost[hull[h + 1]] - cost[hull[h]]);
    }
  }
  const commune = new Int32Array(n);
  for (let k = 0; k < communes; k++) for (let o = first[k]; o < first[k + 1]; o++) commune[o] = k;
  // Best value per cost first (slopes are negated: ascending), then in commune order.
  for (const s of sortedByValue(slope, null, 1, steps)) {
    const k = commune[from[s]];
    if (chosen[k] !== from[s]) continue; // an earlier step of this commune was not taken
    const extra = cost[to[s]] - cost[from[s]];
    if (!fits(spent, extra, budget)) continue;
    spent += extra;
    chosen[k] = to[s];
  }
  return chosen;
}
