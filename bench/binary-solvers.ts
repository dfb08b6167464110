// glpk.js and javascript-lp-solver behind the exact planner's solver interface, so the planner's own models
// (every stage, as it builds them) are what the three solvers are compared on.

import { performance } from "node:perf_hooks";
import type { MixedProgram, MixedResult, MixedSolver } from "../src/engine/targets";
import { toGlpk, toJslp, type MipModel } from "./mip";
import { loadGlpk } from "./solver-worker";

/** The planner's CSR 0-1 program as a solver-neutral model. */
export function programToModel(program: MixedProgram, name = "stage"): MipModel {
  const n = program.objective.length;
  return {
    name,
    sense: program.sense,
    columns: program.objective.map((cost, j) => ({
      name: `x${j}`,
      cost,
      lb: 0,
      ub: program.columnUpper?.[j] ?? 1,
      integer: program.integer?.[j] ?? true,
    })),
    rows: program.rowLower.map((lb, i) => {
      const entries: [number, number][] = [];
      for (let k = program.rowStarts[i]; k < program.rowStarts[i + 1]; k++) {
        if (program.rowIndices[k] >= n)
          throw new Error(`column ${program.rowIndices[k]} out of range`);
        entries.push([program.rowIndices[k], program.rowValues[k]]);
      }
      return { name: `r${i}`, entries, lb, ub: program.rowUpper[i] };
    }),
  };
}

function valuesOf(model: MipModel, vars: Record<string, number>): number[] {
  return model.columns.map((c) => {
    const v = vars[c.name] ?? 0;
    return c.integer ? Math.round(v) : v;
  });
}

function objectiveOf(program: MixedProgram, values: number[]): number {
  return values.reduce((s, v, j) => s + v * program.objective[j], 0);
}

/**
 * Stopped by the time limit before finding a solution of its own: neither glpk.js nor javascript-lp-solver takes a
 * warm start, so the planner's start (the greedy plan) is the incumbent, as it is for HiGHS, with no proven bound.
 */
function stoppedWithoutSolution(program: MixedProgram): MixedResult {
  const values = program.start ?? program.objective.map(() => 0);
  return { status: "limit", values, objective: objectiveOf(program, values), bound: NaN };
}

export const glpkSolver: MixedSolver = {
  name: "glpk.js",
  async solve(program) {
    const glpk = await loadGlpk();
    const model = programToModel(program);
    const result = glpk.solve(toGlpk(model), {
      msglev: glpk.GLP_MSG_OFF,
      presol: true,
      ...(program.timeLimitSeconds
        ? { tmlim: Math.max(1, Math.floor(program.timeLimitSeconds)) }
        : {}),
    }).result;
    if (result.status === glpk.GLP_NOFEAS)
      return { status: "infeasible", values: [], objective: NaN, bound: NaN };
    if (result.status !== glpk.GLP_OPT && result.status !== glpk.GLP_FEAS)
      return stoppedWithoutSolution(program);
    const values = valuesOf(model, result.vars);
    const objective = objectiveOf(program, values);
    // glpk.js reports no bound for a stopped search.
    return result.status === glpk.GLP_OPT
      ? { status: "optimal", values, objective, bound: objective }
      : { status: "limit", values, objective, bound: NaN };
  },
};

export const jslpSolver: MixedSolver = {
  name: "javascript-lp-solver",
  async solve(program) {
    const solver = require("javascript-lp-solver") as {
      Solve(model: unknown): Record<string, number | boolean> & { feasible: boolean };
    };
    const model = programToModel(program);
    const json = {
      ...toJslp(model),
      options: {
        tolerance: 0,
        ...(program.timeLimitSeconds ? { timeout: program.timeLimitSeconds * 1000 } : {}),
      },
    };
    const start = performance.now();
    const result = solver.Solve(json);
    const timedOut =
      program.timeLimitSeconds !== undefined &&
      performance.now() - start >= program.timeLimitSeconds * 1000;
    if (!result.feasible) {
      return timedOut
        ? stoppedWithoutSolution(program)
        : { status: "infeasible", values: [], objective: NaN, bound: NaN };
    }
    const values = valuesOf(model, result as unknown as Record<string, number>);
    const objective = objectiveOf(program, values);
    return timedOut
      ? { status: "limit", values, objective, bound: NaN }
      : { status: "optimal", values, objective, bound: objective };
  },
};

/** Wraps a solver to record each stage it is asked to solve: size, time, status. */
export function recording(solver: MixedSolver): MixedSolver & {
  stages: { columns: number; rows: number; ms: number; status: string; integer: boolean }[];
} {
  const stages: { columns: number; rows: number; ms: number; status: string; integer: boolean }[] =
    [];
  return {
    name: solver.name,
    stages,
    async solve(program) {
      const start = performance.now();
      const result = await solver.solve(program);
      stages.push({
        columns: program.objective.length,
        rows: program.rowLower.length,
        ms: performance.now() - start,
        status: result.status,
        integer: program.integer.some((x) => x),
      });
      return result;
    },
  };
}
