// Runs a model through each solver in its own worker thread, with a hard time bound enforced by terminating it.

import { Worker } from "node:worker_threads";
import path from "node:path";
import type { MipModel } from "./mip";
import type { SolveReply, SolverName } from "./solver-worker";

export type SolveOutcome = SolveReply | { solver: SolverName; timedOut: true; boundMs: number } | { solver: SolverName; error: string };

export function solveInWorker(solver: SolverName, model: MipModel, boundSec: number): Promise<SolveOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(path.join(__dirname, "solver-worker.js"), {
      workerData: { solver, model, timeLimit: boundSec },
      resourceLimits: { maxOldGenerationSizeMb: 4096 },
    });
    let settled = false;
    const finish = (outcome: SolveOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    // Loading and translation get a little slack on top of the solve bound.
    const timer = setTimeout(() => finish({ solver, timedOut: true, boundMs: boundSec * 1000 }), boundSec * 1000 + 5000);
    worker.on("message", (m: SolveReply | { error: string }) =>
      finish("error" in m ? { solver, error: m.error } : m)
    );
    worker.on("error", (e) => finish({ solver, error: e.message }));
    worker.on("exit", (code) => finish({ solver, error: `worker exited with code ${code}` }));
  });
}
