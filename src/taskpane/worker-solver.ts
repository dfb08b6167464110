// The exact planner's solver in a Web Worker: HiGHS runs off the page's thread, so the task pane never freezes,
// and cancelling terminates the worker at once instead of waiting for the solver to return.

import type { MixedProgram, MixedResult, MixedSolver } from "../engine/targets/solver";

/** What the worker answers: the solver's result, or the message of what went wrong. */
export type SolverReply = { ok: MixedResult } | { error: string };

/**
 * A MixedSolver whose solves each run in a fresh worker from `makeWorker`. When `signal` aborts, the running
 * worker is terminated and the solve rejects with the signal's reason.
 */
export function createWorkerSolver(makeWorker: () => Worker, signal?: AbortSignal): MixedSolver {
  return {
    name: "highs (web worker)",
    solve(program: MixedProgram): Promise<MixedResult> {
      return new Promise<MixedResult>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const worker = makeWorker();
        const finish = () => {
          signal?.removeEventListener("abort", onAbort);
          worker.terminate();
        };
        const onAbort = () => {
          finish();
          reject(signal!.reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        worker.onmessage = (event: MessageEvent<SolverReply>) => {
          finish();
          if ("ok" in event.data) resolve(event.data.ok);
          else reject(new Error(event.data.error));
        };
        worker.onerror = (event: ErrorEvent) => {
          finish();
          reject(new Error(event.message || "solver worker failed"));
        };
        worker.postMessage(program);
      });
    },
  };
}
