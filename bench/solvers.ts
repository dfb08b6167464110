// Runs work in a worker thread with a hard time bound: on timeout the worker is terminated, so a solver that never
// finishes cannot hang the benchmark.

import { Worker } from "node:worker_threads";
import path from "node:path";
import type { MipModel } from "./mip";
import type { SolveReply, SolverName } from "./solver-worker";

export type WorkerOutcome<T> = { ok: T } | { timedOut: true; boundMs: number } | { error: string };

export function runWorker<T>(
  script: string,
  data: unknown,
  boundMs: number
): Promise<WorkerOutcome<T>> {
  return new Promise((resolve) => {
    const worker = new Worker(path.join(__dirname, script), {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: 4096 },
    });
    let settled = false;
    const finish = (outcome: WorkerOutcome<T>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ timedOut: true, boundMs }), boundMs);
    worker.on("message", (m: T | { error: string }) =>
      finish(
        typeof m === "object" && m !== null && "error" in m
          ? { error: (m as { error: string }).error }
          : { ok: m as T }
      )
    );
    worker.on("error", (e) => finish({ error: e.message }));
    worker.on("exit", (code) => finish({ error: `worker exited with code ${code}` }));
  });
}

export type SolveOutcome =
  | SolveReply
  | { solver: SolverName; timedOut: true; boundMs: number }
  | { solver: SolverName; error: string };

/** One solver on one model; loading and translation get 5 s on top of the solve bound. */
export async function solveInWorker(
  solver: SolverName,
  model: MipModel,
  boundSec: number
): Promise<SolveOutcome> {
  const outcome = await runWorker<SolveReply>(
    "solver-worker.js",
    { kind: "model", solver, model, timeLimit: boundSec },
    boundSec * 1000 + 5000
  );
  if ("ok" in outcome) return outcome.ok;
  if ("timedOut" in outcome) return { solver, timedOut: true, boundMs: boundSec * 1000 };
  return { solver, error: outcome.error };
}
