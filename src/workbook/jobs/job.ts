// A planning job as the CLI and the task pane both run it: named inputs (sheets), a few options, results as tables.

import type { Bilingual } from "../../engine/errors";
import type { JobOptionSpec } from "../../engine/options";
import type { MixedSolver } from "../../engine/targets/solver";
import type { Warning } from "../../engine/types";
import type { OutputSheet } from "../output";
import type { JobInputSpec, RunInputs, RunOptions } from "../reading/inputs";
import type { TableReading } from "../reading/types";
import type { RunContext } from "../reading/context";
import type { PlanYear } from "../reading/year";
import type { Assumption, AssumedOptions } from "../assumptions";
import type { JobId } from "./job-labels";

// Inputs are the reading's (src/workbook/reading/inputs.ts); re-exported for the jobs.
export { readingInput } from "../reading/inputs";
export type { InputKind, InputRef, JobInputSpec } from "../reading/inputs";

/** An option as every front end sees it; jobs declare theirs with declareOptions (src/engine/options.ts). */
export type { JobOptionSpec } from "../../engine/options";

export interface JobRequest {
  inputs: RunInputs;
  options: RunOptions;
  /** Cancels long runs (the exact optimiser); the job then rejects and writes nothing. */
  signal?: AbortSignal;
  onProgress?: (fraction: number, message?: Bilingual) => void;
  /** The exact method's solver; the task pane hands one that runs in a Web Worker. Default: HiGHS, in-thread. */
  solver?: MixedSolver;
  /** The plan year a run of several jobs (plan, report) settled once, with its source; a job's own option wins. */
  year?: PlanYear;
  /**
   * What the run settled once for all its jobs (plan, report): the inputs found, the year, the merger mapping. A
   * job takes what it holds rather than finding it again; a job run alone has none.
   */
  context?: RunContext;
  /**
   * Values a run of several jobs supplies for options the user left empty (plan's 1:1 counterpart ratio), with why.
   * Applied by withAssumptions, which hands the job only those it applied: a job words them as assumed.
   */
  assumed?: AssumedOptions;
}

export interface JobResult {
  /** Machine-readable result (the CLI's --json object). */
  json: Record<string, unknown>;
  /** A readable summary in Vietnamese (English in brackets where useful). */
  text: string;
  /** Tables to write on the add-in's own sheets. */
  sheets: OutputSheet[];
  warnings: Warning[];
  /** What was read, per input table (also `reading` in the JSON). */
  reading: TableReading[];
  /** Values neither the user nor the data gave (also `assumptions` in the JSON); see src/workbook/assumptions.ts. */
  assumptions?: Assumption[];
}

/** Readings without repeats: one per table (input, sheet and header rows), the first kept. */
export function uniqueReadings(
  readings: readonly (TableReading | null | undefined)[]
): TableReading[] {
  const seen = new Set<string>();
  const out: TableReading[] = [];
  for (const r of readings) {
    if (!r) continue;
    const key = `${r.input}|${r.sheet}|${r.headerRows.join("-")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

/** The result with the tables read: these first, then those the result already names (repeats dropped). */
export function withReading(
  result: JobResult,
  readings: readonly (TableReading | null | undefined)[]
): JobResult {
  return { ...result, reading: uniqueReadings([...readings, ...(result.reading ?? [])]) };
}

/** A job without its code (jobs/specs.ts): what the form and the CLI's help are made from. */
export interface JobSpec {
  id: JobId;
  /** JOB_LABELS[id]. */
  label: Bilingual;
  inputs: JobInputSpec[];
  options: JobOptionSpec[];
}

export interface PlanningJob extends JobSpec {
  run(request: JobRequest): Promise<JobResult>;
}
