// Worker thread: the exact planner on one synthetic region with one solver (HiGHS, glpk.js or javascript-lp-solver).

import { parentPort, workerData } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import { generateRegion } from "./generators";
import { glpkSolver, jslpSolver, recording } from "./binary-solvers";
import { loadModule, MODULES, type HighsSolverModule, type TargetsPlanner } from "./modules";
import { plannerInput } from "./planner-input";
import type { MixedSolver } from "../src/engine/targets";

export interface PlanRequest {
  solver: "highs" | "glpk.js" | "javascript-lp-solver";
  seed: string;
  communes: number;
  timeLimit: number;
}

export interface PlanReply {
  ms: number;
  optimal: boolean;
  gap: number | null;
  newlyStandard: number;
  criteriaGained: number;
  cost: number;
  stages: { columns: number; rows: number; ms: number; status: string }[];
}

async function main(): Promise<void> {
  const request = workerData as PlanRequest;
  const planner = loadModule<TargetsPlanner>(MODULES.targets);
  if (!planner) throw new Error("the targets planner (src/engine/targets) is not in this build");
  let solver: MixedSolver;
  if (request.solver === "highs") {
    const highs = loadModule<HighsSolverModule>(MODULES.highs);
    if (!highs) throw new Error("src/engine/targets/highs-solver is not in this build");
    solver = highs.highsSolver;
  } else solver = request.solver === "glpk.js" ? glpkSolver : jslpSolver;
  const recorder = recording(solver);
  const region = generateRegion({
    seed: request.seed,
    communes: request.communes,
    profile: "planning",
  });
  const { communes, options } = plannerInput(region);
  const start = performance.now();
  const plan = await planner.planTargetsExact(communes, options, recorder, {
    timeLimitSeconds: request.timeLimit,
  });
  const reply: PlanReply = {
    ms: performance.now() - start,
    optimal: plan.optimal,
    gap: plan.gap,
    newlyStandard: plan.newlyStandard,
    criteriaGained: plan.criteriaGained,
    cost: plan.cost,
    stages: recorder.stages,
  };
  parentPort!.postMessage(reply);
}

main().catch((e) =>
  parentPort!.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) })
);
