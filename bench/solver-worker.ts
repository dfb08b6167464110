// Worker thread that solves one model with one solver and reports status and solve time; the parent kills it when
// the time bound passes, so a solver that never finishes cannot hang the benchmark.

import { parentPort, workerData } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import highsLoader from "highs";
import { toGlpk, toJslp, toLpText, type MipModel } from "./mip";

/** The part of glpk.js's synchronous Node interface the bench uses (its typings need moduleResolution node16). */
export interface GLPK {
  GLP_MSG_OFF: number;
  GLP_OPT: number;
  GLP_FEAS: number;
  GLP_NOFEAS: number;
  solve(
    lp: unknown,
    options: { msglev?: number; presol?: boolean; tmlim?: number; mipgap?: number }
  ): { result: { status: number; z: number; vars: Record<string, number> } };
}

/**
 * glpk.js is an ES module only; a CommonJS build would turn `import()` into `require()`, so the import is made
 * through Function to stay a real dynamic import.
 */
let glpkLoading: Promise<GLPK> | null = null;

export function loadGlpk(): Promise<GLPK> {
  if (!glpkLoading) {
    const nativeImport = new Function("s", "return import(s)") as (
      s: string
    ) => Promise<{ default: () => Promise<GLPK> }>;
    glpkLoading = nativeImport("glpk.js/node").then((m) => m.default());
  }
  return glpkLoading;
}

export type SolverName = "highs" | "glpk.js" | "javascript-lp-solver";

export interface SolveRequest {
  solver: SolverName;
  model: MipModel;
  /** Seconds; the solver's own limit where it has one (the parent's kill is the hard bound). */
  timeLimit: number;
}

export interface SolveReply {
  solver: SolverName;
  /** Solve call only: model translation and module loading are excluded. */
  solveMs: number;
  status: string;
  proven: boolean;
  objective: number | null;
  /** Relative MIP gap where the solver reports it. */
  gap: number | null;
}

async function solveHighs(request: SolveRequest): Promise<SolveReply> {
  const highs = await highsLoader();
  const text = toLpText(request.model);
  const model = highs.createModel({ format: "lp", data: text });
  try {
    model.options.set({ time_limit: request.timeLimit, output_flag: false });
    const start = performance.now();
    model.run();
    const solveMs = performance.now() - start;
    const code = model.getModelStatus();
    const proven = code === highs.constants.modelStatus.optimal;
    let gap: number | null = null;
    try {
      gap = Number(model.info.get("mip_gap"));
    } catch {
      gap = null;
    }
    const hasSolution = Number(model.info.get("primal_solution_status")) === 2;
    return {
      solver: "highs",
      solveMs,
      status: proven ? "optimal" : `status ${code}`,
      proven,
      objective: hasSolution ? model.getObjectiveValue() : null,
      gap,
    };
  } finally {
    model.dispose();
  }
}

async function solveGlpk(request: SolveRequest): Promise<SolveReply> {
  const glpk = await loadGlpk();
  const lp = toGlpk(request.model);
  const start = performance.now();
  const result = glpk.solve(lp, {
    msglev: glpk.GLP_MSG_OFF,
    presol: true,
    tmlim: Math.max(1, Math.floor(request.timeLimit)),
  });
  const solveMs = performance.now() - start;
  const status = result.result.status;
  const proven = status === glpk.GLP_OPT;
  const feasible = proven || status === glpk.GLP_FEAS;
  return {
    solver: "glpk.js",
    solveMs,
    status: proven ? "optimal" : feasible ? "feasible (time limit)" : `status ${status}`,
    proven,
    objective: feasible ? result.result.z : null,
    gap: null,
  };
}

async function solveJslp(request: SolveRequest): Promise<SolveReply> {
  const solver = require("javascript-lp-solver") as {
    Solve(model: unknown): { feasible: boolean; result: number; bounded?: boolean };
  };
  const model = toJslp(request.model);
  const start = performance.now();
  const result = solver.Solve(model);
  const solveMs = performance.now() - start;
  return {
    solver: "javascript-lp-solver",
    solveMs,
    status: result.feasible ? "optimal" : "infeasible or failed",
    proven: result.feasible,
    objective: result.feasible ? result.result : null,
    gap: null,
  };
}

async function main(): Promise<void> {
  const request = workerData as SolveRequest;
  const reply =
    request.solver === "highs"
      ? await solveHighs(request)
      : request.solver === "glpk.js"
        ? await solveGlpk(request)
        : await solveJslp(request);
  parentPort!.postMessage(reply);
}

if (parentPort && (workerData as { kind?: string })?.kind === "model")
  main().catch((e) => {
    parentPort!.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  });
