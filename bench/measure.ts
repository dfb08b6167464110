// Timing: run a case several times and keep the median, so one slow garbage collection does not decide a figure.

import { performance } from "node:perf_hooks";

export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return {
    medianMs: median,
    minMs: sorted[0],
    maxMs: sorted[sorted.length - 1],
    runs: sorted.length,
  };
}

/**
 * Times `body` `runs` times after one untimed warm-up run (JIT, module loading, wasm instantiation).
 * `body` returns a value that is handed to `inspect` after the last run, so results are checked, not discarded.
 */
export async function timeRuns<T>(
  runs: number,
  body: () => T | Promise<T>,
  warmup = true
): Promise<{ timing: Timing; last: T }> {
  let last = warmup ? await body() : (undefined as T);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await body();
    samples.push(performance.now() - start);
  }
  return { timing: summarise(samples), last };
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms >= 10000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
