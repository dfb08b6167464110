// The exact indicator planner: the lexicographic objective (communes completed, criteria completed, indicators
// met, least cost) solved in stages with integer objectives, then priorities among equals.
//
// Stage 1, most communes completed, is exact by sorting completion costs (a completion is yes/no at a fixed cost).
// The later stages choose one option per commune (a multiple-choice knapsack): each option is a non-dominated
// (criteria, indicators, cost) choice of the commune within its cap (options.ts). Stage 2 only needs the cheapest
// option per number of criteria, so it solves a smaller program. Every stage starts from the best plan so far
// (the greedy one first), keeps the earlier stages' values as rows, and stops when the integer objective is
// proven to within less than one unit.

import { fits } from "../result";
import { copyRows, Rows } from "../rows";
import { relativeGap, type MixedProgram, type MixedSolver } from "../solver";
import type { ExactOptions } from "../types";
import { cheapestIndicatorCompletions, greedyTakes } from "./greedy";
import { dualBound, flatten, pricedPlan, type SideRow } from "./bound";
import { communeOptions, type CommuneOption } from "./options";
import { prepareIndicators, type PreparedIndicators } from "./prepare";
import {
  assembleIndicatorPlan,
  communeValue,
  compareValues,
  planValue,
  type Takes,
  type Value,
} from "./result";
import type { IndicatorCommune, IndicatorTargetOptions, IndicatorTargetPlan } from "./types";

/** A program's columns: one per (commune, option), communes in order. */
interface Columns {
  commune: number[];
  option: CommuneOption[];
  /** Per commune, its first column and how many it has. */
  first: number[];
  count: number[];
}

function columnsOf(options: CommuneOption[][]): Columns {
  const columns: Columns = { commune: [], option: [], first: [], count: [] };
  options.forEach((list, k) => {
    columns.first.push(columns.commune.length);
    columns.count.push(list.length);
    for (const o of list) {
      columns.commune.push(k);
      columns.option.push(o);
    }
  });
  return columns;
}

/** The cheapest option for each number of criteria (more criteria must cost more to be kept). */
function byCriteria(list: CommuneOption[]): CommuneOption[] {
  const best = new Map<number, CommuneOption>();
  for (const o of list) {
    const b = best.get(o.criteria);
    if (!b || o.cost < b.cost || (o.cost === b.cost && o.indicators > b.indicators))
      best.set(o.criteria, o);
  }
  const sorted = [...best.values()].sort((a, b) => a.criteria - b.criteria);
  const kept: CommuneOption[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    if (sorted[i].criteria === 0) continue;
    if (kept.length === 0 || sorted[i].cost < kept[kept.length - 1].cost) kept.push(sorted[i]);
  }
  return kept.reverse();
}

/** Rows every stage shares: one option per commune, the budget, at least `completed` completions. */
function sharedRows(province: PreparedIndicators, columns: Columns, completed: number): Rows {
  const rows = new Rows();
  columns.first.forEach((first, k) => {
    if (columns.count[k] < 2) return;
    const entries: [number, number][] = [];
    for (let j = first; j < first + columns.count[k]; j++) entries.push([j, 1]);
    rows.add(entries, -Infinity, 1);
  });
  if (Number.isFinite(province.budget)) {
    const entries: [number, number][] = [];
    columns.option.forEach((o, j) => o.cost !== 0 && entries.push([j, o.cost]));
    rows.add(entries, -Infinity, province.budget);
  }
  if (completed > 0) {
    const entries: [number, number][] = [];
    columns.option.forEach((o, j) => o.completes && entries.push([j, 1]));
    rows.add(entries, completed, Infinity);
  }
  return rows;
}

function entriesOf(columns: Columns, weight: (o: CommuneOption) => number): [number, number][] {
  const entries: [number, number][] = [];
  columns.option.forEach((o, j) => {
    const w = weight(o);
    if (w !== 0) entries.push([j, w]);
  });
  return entries;
}

function program(
  columns: Columns,
  rows: Rows,
  weight: (o: CommuneOption) => number,
  sense: "max" | "min",
  start: number[],
  absoluteGap: number,
  timeLimitSeconds: number | undefined
): MixedProgram {
  const n = columns.option.length;
  return {
    sense,
    objective: columns.option.map(weight),
    columnUpper: new Array<number>(n).fill(1),
    integer: new Array<boolean>(n).fill(true),
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

/** The plan as one option per commune (or none): the option at least as good as each commune's takes. */
function asOptions(
  province: PreparedIndicators,
  options: CommuneOption[][],
  takes: Takes
): (CommuneOption | null)[] {
  return province.communes.map((c, k) => {
    const v = communeValue(c, takes[k]);
    if (v.indicators === 0 && v.cost === 0) return null;
    // A dominated choice is beaten by a kept one: at least as many criteria and indicators, no dearer.
    let pick: CommuneOption | null = null;
    for (const o of options[k]) {
      if (
        o.criteria >= v.criteria &&
        o.indicators >= v.indicators &&
        o.cost <= v.cost + 1e-9 * Math.max(1, v.cost)
      ) {
        if (!pick || o.cost < pick.cost) pick = o;
      }
    }
    if (!pick) throw new Error(`No option covers the plan of commune ${k}`);
    return pick;
  });
}

function takesOf(province: PreparedIndicators, chosen: (CommuneOption | null)[]): Takes {
  return province.communes.map(
    (c, k) => chosen[k]?.take ?? new Array<number>(c.criteria.length).fill(0)
  );
}

/** The solver's values as one option per commune. */
function chosenBy(columns: Columns, values: number[]): (CommuneOption | null)[] {
  const chosen: (CommuneOption | null)[] = columns.first.map(() => null);
  values.forEach((x, j) => {
    if (x > 0.5) chosen[columns.commune[j]] = columns.option[j];
  });
  return chosen;
}

function startOf(columns: Columns, chosen: (CommuneOption | null)[]): number[] {
  const start = new Array<number>(columns.option.length).fill(0);
  columns.option.forEach((o, j) => {
    if (chosen[columns.commune[j]] === o) start[j] = 1;
  });
  return start;
}

/** For stage 2's columns: each commune's choice as its cheapest option with at least as many criteria. */
function onCriteriaColumns(
  stage2: CommuneOption[][],
  chosen: (CommuneOption | null)[]
): (CommuneOption | null)[] {
  return chosen.map((o, k) => {
    if (!o || o.criteria === 0) return null;
    return stage2[k].find((s) => s.criteria >= o.criteria && s.cost <= o.cost) ?? null;
  });
}

function valueOf(province: PreparedIndicators, chosen: (CommuneOption | null)[]): Value {
  return planValue(province, takesOf(province, chosen));
}

/**
 * Next year's indicator targets, proven best for (1) communes newly meeting every criterion, (2) criteria
 * completed, (3) indicators met, (4) least cost, unless a stage hits its time limit (then `optimal` is false and
 * `gap` is that stage's relative gap). Among plans of equal value the most flagged communes are completed
 * (registered weigh 2, especially difficult 1).
 */
export function planIndicatorTargetsExact(
  communes: IndicatorCommune[],
  options: IndicatorTargetOptions,
  solver: MixedSolver,
  exact: ExactOptions = {}
): Promise<IndicatorTargetPlan> {
  return planStaged(communes, options, solver, exact, true);
}

/** The exact planner, with or without our own bound (without: every stage goes to the solver; for tests). */
export async function planStaged(
  communes: IndicatorCommune[],
  options: IndicatorTargetOptions,
  solver: MixedSolver,
  exact: ExactOptions,
  ownBound: boolean
): Promise<IndicatorTargetPlan> {
  const { signal, onProgress } = exact;
  signal?.throwIfAborted();
  const province = prepareIndicators(communes, options);
  const completed = cheapestIndicatorCompletions(province);
  const full = province.communes.map((c) => communeOptions(c, province));
  let chosen = asOptions(province, full, greedyTakes(province, completed));
  let value = valueOf(province, chosen);
  onProgress?.(0.1, {
    vi: `Giai đoạn 1: ${completed.size} xã đạt chuẩn`,
    en: `Stage 1: ${completed.size} communes completed`,
  });
  let optimal = true;
  let gap = 0;
  const stopped = (result: { status: string; bound: number }, reached: number) => {
    if (result.status === "limit" && optimal) {
      optimal = false;
      gap = relativeGap(reached, result.bound);
    }
  };
  /** A solver's plan replaces the current one only if it is feasible here and lexicographically better. */
  const consider = (candidate: (CommuneOption | null)[]) => {
    const v = valueOf(province, candidate);
    if (v.completes < completed.size || !fits(0, v.cost, province.budget)) return;
    if (compareValues(v, value) > 0) {
      chosen = candidate;
      value = v;
    }
  };
  // Each commune's best choice alone: if the plan already takes it everywhere, nothing can beat it.
  const everyBest = full.every((list, k) => {
    const top = list.reduce<CommuneOption | null>(
      (b, o) =>
        !b ||
        o.criteria > b.criteria ||
        (o.criteria === b.criteria &&
          (o.indicators > b.indicators || (o.indicators === b.indicators && o.cost < b.cost)))
          ? o
          : b,
      null
    );
    return top === chosen[k] || (top === null && chosen[k] === null);
  });
  const fullColumns = columnsOf(full);
  // Built only when a stage goes to the solver.
  let shared: Rows | null = null;
  /** The shared rows, and the stages already solved kept at their values. */
  const keeping = (criteria: boolean, indicators: boolean): Rows => {
    shared ??= sharedRows(province, fullColumns, completed.size);
    const rows = copyRows(shared);
    if (criteria)
      rows.add(
        entriesOf(fullColumns, (o) => o.criteria),
        value.criteria,
        Infinity
      );
    if (indicators)
      rows.add(
        entriesOf(fullColumns, (o) => o.indicators),
        value.indicators,
        Infinity
      );
    return rows;
  };
  // Our own bound: each stage is first tried against the linear relaxation's bound (bound.ts), with the plan
  // built from its multipliers; the solver runs only when they do not meet.
  const flat = flatten(full);
  const budgetRow: SideRow[] = Number.isFinite(province.budget)
    ? [{ g: flat.cost.map((c) => -c), b: -province.budget }]
    : [];
  const completeRow: SideRow[] =
    completed.size > 0 ? [{ g: flat.completes, b: completed.size }] : [];
  /** Tries to prove the stage by the bound; true when proven (the current plan is then the stage's best). */
  const byBound = async (
    f: Float64Array,
    side: SideRow[],
    current: () => number,
    allowed: number
  ): Promise<boolean> => {
    if (!ownBound) return false;
    const rows = [...budgetRow, ...completeRow, ...side];
    const dual = await dualBound(flat, f, rows, current(), current() + allowed, solver);
    const proven = () => dual.bound < current() + allowed;
    // At the best multipliers many options tie, and the plan depends on which way ties go: the later tries weigh a
    // little more the stage's objective, or one side row, or all of them (10,000 communes: a completion short at
    // the multipliers themselves, the optimum with the completions row weighed 1e-6 more).
    const priceRows = rows.slice(budgetRow.length);
    const base = dual.u.slice(budgetRow.length);
    const tries: [number, number[]][] = [[0, base]];
    for (const step of [1e-6, 1e-3]) {
      tries.push([step, base]);
      base.forEach((_, j) =>
        tries.push([0, base.map((x, i) => (i === j ? x + step * Math.max(1, x) : x))])
      );
      tries.push([0, base.map((x) => x + step * Math.max(1, x))]);
    }
    for (const [more, u] of tries) {
      if (proven()) break;
      const g = more === 0 ? f : f.map((x) => x * (1 + more));
      const priced = pricedPlan(flat, g, priceRows, u, province.budget, fits);
      consider(Array.from(priced, (o) => flat.option[o]));
    }
    return proven();
  };
  const wholeUnit = 1 - 1e-6;
  if (!everyBest && fullColumns.option.length > 0) {
    // Stage 2: most criteria completed, on the cheapest option per number of criteria.
    signal?.throwIfAborted();
    if (!(await byBound(flat.criteria, [], () => value.criteria, wholeUnit))) {
      const stage2 = full.map(byCriteria);
      const columns2 = columnsOf(stage2);
      // No commune can complete a criterion: stage 2's value is 0.
      const result2 =
        columns2.option.length === 0
          ? { status: "optimal", values: [], bound: 0 }
          : await solver.solve(
              program(
                columns2,
                sharedRows(province, columns2, completed.size),
                (o) => o.criteria,
                "max",
                startOf(columns2, onCriteriaColumns(stage2, chosen)),
                0.999,
                exact.timeLimitSeconds
              )
            );
      if (result2.status === "infeasible")
        throw new Error("Stage 2 infeasible although the greedy plan is feasible");
      consider(asOptions(province, full, takesOf(province, chosenBy(columns2, result2.values))));
      stopped(result2, value.criteria);
    }
    onProgress?.(0.4, {
      vi: `Giai đoạn 2: ${value.criteria} tiêu chí`,
      en: `Stage 2: ${value.criteria} criteria completed`,
    });

    // Stage 3: most indicators keeping that many criteria.
    signal?.throwIfAborted();
    const criteriaRow = { g: flat.criteria, b: value.criteria };
    if (!(await byBound(flat.indicators, [criteriaRow], () => value.indicators, wholeUnit))) {
      const result3 = await solver.solve(
        program(
          fullColumns,
          keeping(true, false),
          (o) => o.indicators,
          "max",
          startOf(fullColumns, chosen),
          0.999,
          exact.timeLimitSeconds
        )
      );
      if (result3.status === "infeasible")
        throw new Error("Stage 3 infeasible although stage 2's plan is feasible");
      consider(chosenBy(fullColumns, result3.values));
      stopped(result3, value.indicators);
    }
    onProgress?.(0.6, {
      vi: `Giai đoạn 3: ${value.indicators} chỉ tiêu`,
      en: `Stage 3: ${value.indicators} indicators met`,
    });

    // Stage 4: least cost keeping those counts.
    signal?.throwIfAborted();
    const integral = fullColumns.option.every((o) => Number.isInteger(o.cost));
    const indicatorsRow = { g: flat.indicators, b: value.indicators };
    const negative = flat.cost.map((c) => -c);
    const proven4 = await byBound(
      negative,
      [criteriaRow, indicatorsRow],
      () => -value.cost,
      integral ? 0.999 : 1e-6
    );
    if (!proven4) {
      const result4 = await solver.solve(
        program(
          fullColumns,
          keeping(true, true),
          (o) => o.cost,
          "min",
          startOf(fullColumns, chosen),
          integral ? 0.999 : 1e-6,
          exact.timeLimitSeconds
        )
      );
      if (result4.status === "infeasible")
        throw new Error("Stage 4 infeasible although stage 3's plan is feasible");
      consider(chosenBy(fullColumns, result4.values));
      stopped(result4, value.cost);
    }
  }

  // Stage 5, among plans of equal value: the most flagged communes completed.
  const isDone = (plan: (CommuneOption | null)[], k: number) => plan[k]?.completes === true;
  const waiting = province.communes.some(
    (c, k) => c.rank > 0 && c.completable && !isDone(chosen, k)
  );
  if (waiting) {
    signal?.throwIfAborted();
    onProgress?.(0.8, { vi: "Giai đoạn 5: ưu tiên", en: "Stage 5: priorities" });
    const limit = value.cost + 1e-7 * Math.max(1, value.cost);
    const rows5 = keeping(true, true);
    rows5.add(
      entriesOf(fullColumns, (o) => o.cost),
      -Infinity,
      limit
    );
    const rank = new Map<CommuneOption, number>();
    fullColumns.option.forEach(
      (o, j) => o.completes && rank.set(o, province.communes[fullColumns.commune[j]].rank)
    );
    const weight = (o: CommuneOption) => rank.get(o) ?? 0;
    const result5 = await solver.solve(
      program(
        fullColumns,
        rows5,
        weight,
        "max",
        startOf(fullColumns, chosen),
        0.999,
        exact.timeLimitSeconds
      )
    );
    if (result5.status !== "infeasible") {
      const candidate = chosenBy(fullColumns, result5.values);
      const v = valueOf(province, candidate);
      const flagged = (plan: (CommuneOption | null)[]) =>
        plan.reduce((s, o) => s + (o ? weight(o) : 0), 0);
      const keeps =
        v.completes >= value.completes &&
        v.criteria >= value.criteria &&
        v.indicators >= value.indicators &&
        v.cost <= limit &&
        fits(0, v.cost, province.budget);
      if (keeps && flagged(candidate) > flagged(chosen)) chosen = candidate;
    }
  }
  onProgress?.(1, { vi: "Xong", en: "Done" });
  return assembleIndicatorPlan(province, takesOf(province, chosen), "optimal", { optimal, gap });
}
