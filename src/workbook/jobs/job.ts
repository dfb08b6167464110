// A planning job as the CLI and the task pane both run it: named inputs (sheets), a few options, results as tables.

import { InputError, type Bilingual } from "../../engine/errors";
import type { JobOptionSpec } from "../../engine/options";
import type { MixedSolver } from "../../engine/targets/solver";
import type { Warning } from "../../engine/types";
import type { OutputSheet } from "../output";
import type { WorkbookPort } from "../port";
import type { TableReading } from "../reading/types";
import type { PlanYear } from "../reading/year";

/** Kinds of input sheet a job can take; each has a reader and a template. */
export type InputKind =
  | "communes"
  | "costs"
  | "budget"
  | "brackets"
  | "coefficients"
  | "catalogue"
  | "indicators"
  | "allocation-policy"
  | "merge"
  | "money";

export interface JobInputSpec {
  /** Key in JobRequest.inputs, e.g. "communes", "costs". */
  id: string;
  kind: InputKind;
  label: Bilingual;
  required: boolean;
}

/** An option as every front end sees it; jobs declare theirs with declareOptions (src/engine/options.ts). */
export type { JobOptionSpec } from "../../engine/options";

/** Where an input lives: a workbook and, optionally, a sheet (otherwise the job finds it by its headers). */
export interface InputRef {
  workbook: WorkbookPort;
  sheet?: string;
  /** The file it was opened from (CLI), so that an error in this input names its own file. */
  file?: string;
}

/**
 * Reads one input: an input error that names no file yet is given the input's file, so that a bad second file
 * (--indicators, --costs, --catalogue, --brackets) is named, not the main one.
 */
export async function readingInput<T>(
  ref: InputRef | undefined,
  body: () => Promise<T> | T
): Promise<T> {
  try {
    return await body();
  } catch (e) {
    throw e instanceof InputError && ref?.file && !e.details.file ? e.inFile(ref.file) : e;
  }
}

export interface JobRequest {
  inputs: Record<string, InputRef | undefined>;
  options: Record<string, string | number | boolean | undefined>;
  /** Cancels long runs (the exact optimiser); the job then rejects and writes nothing. */
  signal?: AbortSignal;
  onProgress?: (fraction: number, message?: Bilingual) => void;
  /** The exact method's solver; the task pane hands one that runs in a Web Worker. Default: HiGHS, in-thread. */
  solver?: MixedSolver;
  /** The plan year a run of several jobs (plan, report) settled once, with its source; a job's own option wins. */
  year?: PlanYear;
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

export interface PlanningJob {
  id: "summary" | "targets" | "funding" | "counterpart" | "allocate" | "roadmap" | "merge";
  label: Bilingual;
  inputs: JobInputSpec[];
  options: JobOptionSpec[];
  run(request: JobRequest): Promise<JobResult>;
}
