// Worker thread that solves one model with one solver and reports status and solve time; the parent kills it when
// the time bound passes, so a solver that never finishes cannot hang the benchmark.

import { parentPort, workerData } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import highsLoader from "highs";
import { toGlpk, toJslp, toLpText, type MipModel } from "./mip";

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
  // glpk.js is an ES module; the dynamic import stays an import() in this CommonJS build (module: Node16).
  const GLPK = (await import("glpk.js/node")).default;
  const glpk = await GLPK();
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
  // eslint-disable-next-line @typescript-eslint/no-require-imports
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

main().catch((e) => {
  parentPort!.postMessage({ error: e instanceof Error ? e.stack ?? e.message : String(e) });
});
