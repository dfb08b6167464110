// The jobs' code (readers, engine, writers) is not in the pane's first script: the form is made from the jobs'
// specs (src/workbook/jobs/specs.ts), and the code is loaded on the first run, or earlier when the pane is idle.

import type { JobSpec, PlanningJob } from "../workbook/jobs/job";

/** A job as the pane is given it: its spec, with its code when the caller has it at hand (tests, test-only jobs). */
export type PaneJob = JobSpec | PlanningJob;

let loading: Promise<PlanningJob[]> | undefined;

/** Every registered job with its code, from the jobs' own chunk (loaded once). */
export function loadJobs(): Promise<PlanningJob[]> {
  loading ??= import(/* webpackChunkName: "jobs" */ "../workbook/jobs").then(
    (m) => m.JOBS,
    (e: unknown) => {
      loading = undefined; // a failed load (the pane's folder moved, a network drive) is tried again on the next run
      throw e;
    }
  );
  return loading;
}

/** The job with its code: the one given, or the registered job of the same id. */
export async function runnableJob(job: PaneJob): Promise<PlanningJob> {
  if ("run" in job && typeof job.run === "function") return job;
  const found = (await loadJobs()).find((j) => j.id === job.id);
  if (!found) throw new Error(`Không có công việc "${job.id}" / No job "${job.id}"`);
  return found;
}

/**
 * Starts loading the jobs' code when the browser is idle after the first paint, so the first run does not wait.
 * Where there is no idle callback (Safari, jsdom), the first run loads it.
 */
export function preloadJobsWhenIdle(): void {
  const idle = (globalThis as { requestIdleCallback?: (f: () => void, o?: object) => number })
    .requestIdleCallback;
  // A failed load is said by the run, which loads again.
  idle?.(() => void loadJobs().catch(() => undefined), { timeout: 5000 });
}
