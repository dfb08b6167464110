// The exact planner: the lexicographic objective solved in three stages.
//
// Stage 1, most communes completed, is exact by sorting completion costs. Once the set S of completed communes
// is fixed, the best rest of the plan is known too: the cheapest criteria of the other communes, one by one,
// while they fit (fillAround). So stages 2 and 3 only search over S: a binary z per completable commune, and a
// continuous y per (commune, missing criterion) whose fractional optimum, given z, is the fill by sorting.
// Stage 2 maximises an integer G ≤ Σy (the floor of the fractional count is what the fill reaches); stage 3
// minimises the cost keeping Σy ≥ stage 2's value. Few binaries and no near-ties: proofs are quick.

import type { CommuneStatus } from "../types";
import { cheapestCompletions, fillAround } from "./greedy";
import { prepareProvince, type PreparedProvince } from "./prepare";
import { assemblePlan } from "./result";
import { relativeGap, type MixedProgram, type MixedSolver } from "./solver";
import type { ExactOptions, TargetOptions, TargetPlan } from "./types";

/** Column layout: z per completable commune, then y per (commune, criterion rank), then G. */
interface Layout {
  /** Column of z for province.communes[k], or -1. */
  z: number[];
  /** First y column of province.communes[k]; its criteria follow in cheapest-first order. */
  y: number[];
  /** z columns are 0 .. zCount-1. */
  zCount: number;
  yCount: number;
  g: number;
  columns: number;
}

function layoutOf(province: PreparedProvince): Layout {
  const z: number[] = [];
  let next = 0;
  for (const c of province.communes) z.push(c.completable ? next++ : -1);
  const y: number[] = [];
  let yCount = 0;
  for (const c of province.communes) {
    y.push(next);
    next += c.limit;
    yCount += c.limit;
  }
  return { z, y, zCount: z.filter((j) => j >= 0).length, yCount, g: next, columns: next + 1 };
}

class Rows {
  starts = [0];
  indices: number[] = [];
  values: number[] = [];
  lower: number[] = [];
  upper: number[] = [];
  add(entries: [number, number][], lo: number, hi: number): void {
    for (const [j, v] of entries) {
      this.indices.push(j);
      this.values.push(v);
    }
    this.starts.push(this.indices.length);
    this.lower.push(lo);
    this.upper.push(hi);
  }
}

/** Rows both stages share: z completes its commune, at least `completed` completions, the budget. */
function sharedRows(province: PreparedProvince, layout: Layout, completed: number): Rows {
  const rows = new Rows();
  province.communes.forEach((c, k) => {
    if (layout.z[k] < 0) return;
    // y ≥ z for each criterion: a tighter relaxation than one summed row.
    for (let i = 0; i < c.limit; i++) rows.add([[layout.z[k], -1], [layout.y[k] + i, 1]], 0, Infinity);
  });
  const zs = layout.z.filter((j) => j >= 0);
  if (completed > 0) rows.add(zs.map((j) => [j, 1]), completed, Infinity);
  if (Number.isFinite(province.budget)) {
    const entries: [number, number][] = [];
    province.communes.forEach((c, k) => {
      for (let i = 0; i < c.limit; i++) if (c.costs[i] !== 0) entries.push([layout.y[k] + i, c.costs[i]]);
    });
    rows.add(entries, -Infinity, province.budget);
  }
  return rows;
}

function program(
  layout: Layout,
  rows: Rows,
  objective: number[],
  sense: "max" | "min",
  start: number[],
  absoluteGap: number,
  timeLimitSeconds: number | undefined,
  maxGained: number
): MixedProgram {
  const integer = new Array<boolean>(layout.columns).fill(false);
  layout.z.forEach((j) => j >= 0 && (integer[j] = true));
  integer[layout.g] = true;
  const columnUpper = new Array<number>(layout.columns).fill(1);
  columnUpper[layout.g] = maxGained;
  return {
    sense,
    objective,
    columnUpper,
    integer,
    rowStarts: rows.starts,
    rowIndices: rows.indices,
    rowValues: rows.values,
    rowLower: rows.lower,
    rowUpper: rows.upper,
    start,
    absoluteGap,
    timeLimitSeconds,
  };
}

function startOf(province: PreparedProvince, layout: Layout, chosen: number[]): number[] {
  const x = new Array<number>(layout.columns).fill(0);
  province.communes.forEach((c, k) => {
    if (layout.z[k] >= 0 && chosen[k] === c.missing.length) x[layout.z[k]] = 1;
    for (let i = 0; i < chosen[k]; i++) x[layout.y[k] + i] = 1;
  });
  x[layout.g] = chosen.reduce((s, g) => s + g, 0);
  return x;
}

function completedBy(layout: Layout, values: number[]): Set<number> {
  const set = new Set<number>();
  layout.z.forEach((j, k) => j >= 0 && values[j] > 0.5 && set.add(k));
  return set;
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw signal.reason instanceof Error ? signal.reason : new Error("Đã hủy / Cancelled");
  }
}

/**
 * Next year's targets, proven best for (1) communes newly meeting all criteria, (2) criteria gained, (3) least
 * cost, unless a stage hits its time limit (then `optimal` is false and `gap` is that stage's relative gap).
 */
export async function planTargetsExact(
  communes: CommuneStatus[],
  options: TargetOptions,
  solver: MixedSolver,
  exact: ExactOptions = {}
): Promise<TargetPlan> {
  const { signal, onProgress } = exact;
  checkAborted(signal);
  const province = prepareProvince(communes, options);
  const gainedBy = (chosen: number[]) => chosen.reduce((s, g) => s + g, 0);
  const costBy = (chosen: number[]) => chosen.reduce((s, g, k) => s + province.communes[k].prefix[g], 0);

  // Stage 1: the cheapest completions, and the greedy plan around them as the warm start.
  const cheapest = cheapestCompletions(province);
  const completed = cheapest.size;
  let chosen = fillAround(province, cheapest);
  onProgress?.(0.1, { vi: `Giai đoạn 1: ${completed} xã đạt chuẩn`, en: `Stage 1: ${completed} communes completed` });
  const done = (optimal: boolean, gap: number) => {
    onProgress?.(1, { vi: "Xong", en: "Done" });
    return assemblePlan(communes, province, chosen, "optimal", { optimal, gap });
  };

  // Without the completions the fill around nothing gains the most criteria at the least cost; if the greedy
  // plan matches it, nothing can beat it.
  const free = fillAround(province, new Set());
  const bound = { gained: gainedBy(free), cost: costBy(free) };
  const provenBest = () => gainedBy(chosen) === bound.gained && costBy(chosen) <= bound.cost;
  if (provenBest() || province.communes.every((c, k) => chosen[k] === c.limit)) return done(true, 0);

  const layout = layoutOf(province);
  const rows = sharedRows(province, layout, completed);
  let optimal = true;
  let gap = 0;

  // Stage 2: most criteria gained, G ≤ Σy.
  checkAborted(signal);
  if (gainedBy(chosen) < bound.gained) {
    const stage2Rows = copyRows(rows);
    const entries: [number, number][] = [[layout.g, 1]];
    for (let j = layout.zCount; j < layout.g; j++) entries.push([j, -1]);
    stage2Rows.add(entries, -Infinity, 0);
    const objective = new Array<number>(layout.columns).fill(0);
    objective[layout.g] = 1;
    const result = await solver.solve(
      program(
        layout,
        stage2Rows,
        objective,
        "max",
        startOf(province, layout, chosen),
        0.999,
        exact.timeLimitSeconds,
        bound.gained
      )
    );
    if (result.status === "infeasible") throw new Error("Stage 2 infeasible although the greedy plan is feasible");
    const candidate = fillAround(province, completedBy(layout, result.values));
    if (better(candidate, chosen, gainedBy, costBy, completed, province)) chosen = candidate;
    if (result.status === "limit") {
      optimal = false;
      gap = relativeGap(gainedBy(chosen), result.bound);
    }
  }
  const gained = gainedBy(chosen);
  onProgress?.(0.5, { vi: `Giai đoạn 2: ${gained} tiêu chí`, en: `Stage 2: ${gained} criteria gained` });

  // Stage 3: least cost keeping that many completions and criteria.
  checkAborted(signal);
  if (!provenBest()) {
    const entries: [number, number][] = [];
    for (let j = layout.zCount; j < layout.g; j++) entries.push([j, 1]);
    rows.add(entries, gained, Infinity);
    const objective = new Array<number>(layout.columns).fill(0);
    province.communes.forEach((c, k) => {
      for (let i = 0; i < c.limit; i++) objective[layout.y[k] + i] = c.costs[i];
    });
    const integral = province.communes.every((c) => c.costs.every((v) => Number.isInteger(v)));
    const result = await solver.solve(
      program(
        layout,
        rows,
        objective,
        "min",
        startOf(province, layout, chosen),
        integral ? 0.999 : 1e-6,
        exact.timeLimitSeconds,
        bound.gained
      )
    );
    if (result.status === "infeasible") throw new Error("Stage 3 infeasible although stage 2's plan is feasible");
    const candidate = fillAround(province, completedBy(layout, result.values));
    if (better(candidate, chosen, gainedBy, costBy, completed, province)) chosen = candidate;
    if (result.status === "limit" && optimal) {
      optimal = false;
      gap = relativeGap(costBy(chosen), result.bound);
    }
  }
  return done(optimal, gap);
}

function copyRows(rows: Rows): Rows {
  const copy = new Rows();
  copy.starts = [...rows.starts];
  copy.indices = [...rows.indices];
  copy.values = [...rows.values];
  copy.lower = [...rows.lower];
  copy.upper = [...rows.upper];
  return copy;
}

/** A solver's plan replaces the current one only if it keeps the completions and is lexicographically better. */
function better(
  candidate: number[],
  current: number[],
  gainedBy: (c: number[]) => number,
  costBy: (c: number[]) => number,
  completed: number,
  province: PreparedProvince
): boolean {
  const completes = candidate.filter((g, k) => {
    const c = province.communes[k];
    return c.missing.length > 0 && g === c.missing.length;
  }).length;
  if (completes < completed) return false;
  const dg = gainedBy(candidate) - gainedBy(current);
  return dg > 0 || (dg === 0 && costBy(candidate) < costBy(current) - 1e-9);
}
