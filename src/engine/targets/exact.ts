// The exact planner: the lexicographic objective solved in three stages, then priorities among equals.
//
// Stage 1, most communes completed, is exact by sorting completion costs. Once the set S of completed communes
// is fixed, the best rest of the plan is known too: the cheapest criteria of the other communes, one by one,
// while they fit (fillAround). So stages 2 and 3 only search over S: a binary z per completable commune. The
// fill is modelled by cost level: y_c = criteria of cost c taken outside S, at most the number of criteria of
// that cost minus those of S. Given z, the fractional optimum over y fills the cheapest levels first, which the
// integral fill reaches (stage 2 maximises an integer G ≤ gains, the floor; stage 3's optimum is integral). Few
// binaries, a few dozen rows for integer costs, no near-ties: proofs are quick.

import type { CommuneStatus } from "../types";
import { cheapestCompletions, fillAround } from "./greedy";
import { prepareProvince, type PreparedProvince } from "./prepare";
import { assemblePlan, fits } from "./result";
import { copyRows, Rows } from "./rows";
import { relativeGap, type MixedProgram, type MixedSolver } from "./solver";
import type { ExactOptions, TargetOptions, TargetPlan } from "./types";

/** Columns: z per completable commune, then y per cost level, then G. Rows are built per stage. */
interface Model {
  /** Index into province.communes of each z column. */
  completable: number[];
  /** Distinct costs of the criteria communes can take this year, ascending. */
  levels: number[];
  /** How many such criteria have each cost. */
  levelCount: number[];
  /** Per z column: [level, how many of its criteria have that cost] pairs. */
  zLevels: [number, number][][];
  columns: number;
  yFirst: number;
  g: number;
}

function modelOf(province: PreparedProvince): Model {
  const costs = province.communes.flatMap((c) => c.costs.slice(0, c.limit));
  const levels = [...new Set(costs)].sort((a, b) => a - b);
  const levelOf = new Map(levels.map((v, i) => [v, i]));
  const levelCount = levels.map(() => 0);
  for (const v of costs) levelCount[levelOf.get(v)!]++;
  const completable: number[] = [];
  const zLevels: [number, number][][] = [];
  province.communes.forEach((c, k) => {
    if (!c.completable) return;
    completable.push(k);
    const counts = new Map<number, number>();
    for (const v of c.costs) counts.set(levelOf.get(v)!, (counts.get(levelOf.get(v)!) ?? 0) + 1);
    zLevels.push([...counts.entries()].sort((a, b) => a[0] - b[0]));
  });
  const yFirst = completable.length;
  return {
    completable,
    levels,
    levelCount,
    zLevels,
    columns: yFirst + levels.length + 1,
    yFirst,
    g: yFirst + levels.length,
  };
}

/** Rows both stages share: the fill per level leaves S's criteria, at least `completed` completions, the budget. */
function sharedRows(province: PreparedProvince, model: Model, completed: number): Rows {
  const rows = new Rows();
  const byLevel: [number, number][][] = model.levels.map((_, l) => [[model.yFirst + l, 1]]);
  model.zLevels.forEach((pairs, z) => {
    for (const [l, count] of pairs) byLevel[l].push([z, count]);
  });
  byLevel.forEach((entries, l) => rows.add(entries, -Infinity, model.levelCount[l]));
  const zs = model.completable.map((_, z) => z);
  if (completed > 0)
    rows.add(
      zs.map((z) => [z, 1]),
      completed,
      Infinity
    );
  if (Number.isFinite(province.budget)) {
    const entries: [number, number][] = [];
    model.completable.forEach((k, z) => {
      const c = province.communes[k];
      const full = c.prefix[c.missing.length];
      if (full !== 0) entries.push([z, full]);
    });
    model.levels.forEach((v, l) => v !== 0 && entries.push([model.yFirst + l, v]));
    rows.add(entries, -Infinity, province.budget);
  }
  return rows;
}

/** Σ criteria gained: m_i per completed commune plus the fill. */
function gainEntries(province: PreparedProvince, model: Model, sign: number): [number, number][] {
  const entries: [number, number][] = model.completable.map((k, z) => [
    z,
    sign * province.communes[k].missing.length,
  ]);
  model.levels.forEach((_, l) => entries.push([model.yFirst + l, sign]));
  return entries;
}

function program(
  model: Model,
  rows: Rows,
  objective: number[],
  sense: "max" | "min",
  start: number[],
  absoluteGap: number,
  timeLimitSeconds: number | undefined,
  maxGained: number
): MixedProgram {
  const integer = new Array<boolean>(model.columns).fill(false);
  const columnUpper = new Array<number>(model.columns).fill(1);
  for (let z = 0; z < model.yFirst; z++) integer[z] = true;
  model.levelCount.forEach((n, l) => (columnUpper[model.yFirst + l] = n));
  integer[model.g] = true;
  columnUpper[model.g] = maxGained;
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

function startOf(province: PreparedProvince, model: Model, chosen: number[]): number[] {
  const x = new Array<number>(model.columns).fill(0);
  const inS = new Set<number>();
  model.completable.forEach((k, z) => {
    if (chosen[k] === province.communes[k].missing.length) {
      x[z] = 1;
      inS.add(k);
    }
  });
  const levelOf = new Map(model.levels.map((v, i) => [v, i]));
  province.communes.forEach((c, k) => {
    if (inS.has(k)) return;
    for (let i = 0; i < chosen[k]; i++) x[model.yFirst + levelOf.get(c.costs[i])!]++;
  });
  x[model.g] = chosen.reduce((s, g) => s + g, 0);
  return x;
}

function completedBy(model: Model, values: number[]): Set<number> {
  const set = new Set<number>();
  model.completable.forEach((k, z) => values[z] > 0.5 && set.add(k));
  return set;
}

function checkAborted(signal: AbortSignal | undefined): void {
  // The caller's own abort reason, whatever realm it comes from.
  signal?.throwIfAborted();
}

/**
 * Next year's targets, proven best for (1) communes newly meeting all criteria, (2) criteria gained, (3) least
 * cost, unless a stage hits its time limit (then `optimal` is false and `gap` is that stage's relative gap).
 * Among plans of equal value, stage 4 completes the most flagged communes (registered weigh 2, especially
 * difficult 1); within a commune and among equal costs the fill takes flagged communes, then input order, first.
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
  const costBy = (chosen: number[]) =>
    chosen.reduce((s, g, k) => s + province.communes[k].prefix[g], 0);

  // Stage 1: the cheapest completions, and the greedy plan around them as the warm start.
  const cheapest = cheapestCompletions(province);
  const completed = cheapest.size;
  let chosen = fillAround(province, cheapest);
  onProgress?.(0.1, {
    vi: `Giai đoạn 1: ${completed} xã đạt chuẩn`,
    en: `Stage 1: ${completed} communes completed`,
  });
  const done = (optimal: boolean, gap: number) => {
    onProgress?.(1, { vi: "Xong", en: "Done" });
    return assemblePlan(communes, province, chosen, "optimal", { optimal, gap });
  };

  // Without the completions the fill around nothing gains the most criteria at the least cost; if the greedy
  // plan matches it, nothing can beat it.
  const free = fillAround(province, new Set());
  const bound = { gained: gainedBy(free), cost: costBy(free) };
  const provenBest = () => gainedBy(chosen) === bound.gained && costBy(chosen) <= bound.cost;
  const model = modelOf(province);
  const rows = sharedRows(province, model, completed);
  let optimal = true;
  let gap = 0;
  if (!provenBest() && !province.communes.every((c, k) => chosen[k] === c.limit)) {
    // Stage 2: most criteria gained, G ≤ gains.
    checkAborted(signal);
    if (gainedBy(chosen) < bound.gained) {
      const stage2Rows = copyRows(rows);
      stage2Rows.add([[model.g, 1], ...gainEntries(province, model, -1)], -Infinity, 0);
      const objective = new Array<number>(model.columns).fill(0);
      objective[model.g] = 1;
      const start = startOf(province, model, chosen);
      const result = await solver.solve(
        program(
          model,
          stage2Rows,
          objective,
          "max",
          start,
          0.999,
          exact.timeLimitSeconds,
          bound.gained
        )
      );
      if (result.status === "infeasible") {
        throw new Error("Stage 2 infeasible although the greedy plan is feasible");
      }
      const candidate = fillAround(province, completedBy(model, result.values));
      if (better(candidate, chosen, gainedBy, costBy, completed, province)) chosen = candidate;
      if (result.status === "limit") {
        optimal = false;
        gap = relativeGap(gainedBy(chosen), result.bound);
      }
    }
    const gained = gainedBy(chosen);
    onProgress?.(0.5, {
      vi: `Giai đoạn 2: ${gained} tiêu chí`,
      en: `Stage 2: ${gained} criteria gained`,
    });

    // Stage 3: least cost keeping that many completions and criteria.
    checkAborted(signal);
    if (!provenBest()) {
      const stage3Rows = copyRows(rows);
      stage3Rows.add(gainEntries(province, model, 1), gained, Infinity);
      const objective = new Array<number>(model.columns).fill(0);
      model.completable.forEach((k, z) => {
        const c = province.communes[k];
        objective[z] = c.prefix[c.missing.length];
      });
      model.levels.forEach((v, l) => (objective[model.yFirst + l] = v));
      const integral = model.levels.every((v) => Number.isInteger(v));
      const start = startOf(province, model, chosen);
      const absoluteGap = integral ? 0.999 : 1e-6;
      const result = await solver.solve(
        program(
          model,
          stage3Rows,
          objective,
          "min",
          start,
          absoluteGap,
          exact.timeLimitSeconds,
          bound.gained
        )
      );
      if (result.status === "infeasible") {
        throw new Error("Stage 3 infeasible although stage 2's plan is feasible");
      }
      const candidate = fillAround(province, completedBy(model, result.values));
      if (better(candidate, chosen, gainedBy, costBy, completed, province)) chosen = candidate;
      if (result.status === "limit" && optimal) {
        optimal = false;
        gap = relativeGap(costBy(chosen), result.bound);
      }
    }
  }
  onProgress?.(0.8, { vi: "Giai đoạn 4: ưu tiên", en: "Stage 4: priorities" });
  chosen = await preferFlagged(province, model, rows, chosen, completed, solver, exact);
  return done(optimal, gap);
}

/**
 * Stage 4, among plans of equal value: the most registered (weight 2) and especially difficult (weight 1)
 * communes completed. It never changes the first three objectives; a time limit here only keeps the plan.
 */
async function preferFlagged(
  province: PreparedProvince,
  model: Model,
  shared: Rows,
  chosen: number[],
  completed: number,
  solver: MixedSolver,
  exact: ExactOptions
): Promise<number[]> {
  const isDone = (plan: number[], k: number) => plan[k] === province.communes[k].missing.length;
  const weight = (plan: number[]) =>
    model.completable.reduce((s, k) => s + (isDone(plan, k) ? province.communes[k].rank : 0), 0);
  const waiting = model.completable.some(
    (k) => province.communes[k].rank > 0 && !isDone(chosen, k)
  );
  if (!waiting) return chosen;
  checkAborted(exact.signal);
  const gained = chosen.reduce((s, g) => s + g, 0);
  const cost = chosen.reduce((s, g, k) => s + province.communes[k].prefix[g], 0);
  const limit = cost + 1e-7 * Math.max(1, cost);
  const rows = copyRows(shared);
  rows.add(gainEntries(province, model, 1), gained, Infinity);
  const costEntries: [number, number][] = model.completable.map((k, z) => [
    z,
    province.communes[k].prefix[province.communes[k].missing.length],
  ]);
  model.levels.forEach((v, l) => costEntries.push([model.yFirst + l, v]));
  rows.add(
    costEntries.filter(([, v]) => v !== 0),
    -Infinity,
    limit
  );
  const objective = new Array<number>(model.columns).fill(0);
  model.completable.forEach((k, z) => (objective[z] = province.communes[k].rank));
  const result = await solver.solve(
    program(
      model,
      rows,
      objective,
      "max",
      startOf(province, model, chosen),
      0.999,
      exact.timeLimitSeconds,
      gained
    )
  );
  if (result.status === "infeasible") return chosen;
  const candidate = fillAround(province, completedBy(model, result.values));
  const candidateCost = candidate.reduce((s, g, k) => s + province.communes[k].prefix[g], 0);
  const keeps =
    model.completable.filter((k) => isDone(candidate, k)).length >= completed &&
    candidate.reduce((s, g) => s + g, 0) >= gained &&
    candidateCost <= limit &&
    fits(0, candidateCost, province.budget);
  return keeps && weight(candidate) > weight(chosen) ? candidate : chosen;
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
  // The solver's tolerances are not ours: a plan a hair over the budget is refused.
  if (completes < completed || !fits(0, costBy(candidate), province.budget)) return false;
  const dg = gainedBy(candidate) - gainedBy(current);
  return dg > 0 || (dg === 0 && costBy(candidate) < costBy(current) - 1e-9);
}
