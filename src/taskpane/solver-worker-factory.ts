// Registers the Web Worker that runs HiGHS for the task pane (imported by the page entries only: webpack turns
// the URL below into the worker's own bundle).

import { registerSolverWorker } from "./run";

registerSolverWorker(() => new Worker(new URL("./solver-worker.ts", import.meta.url)));
