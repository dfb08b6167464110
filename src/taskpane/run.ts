// Running a job from the task pane: build the request from the user's choices, cancel on demand, explain failures.

import { InputError, type Bilingual, type InputErrorDetails } from "../engine/errors";
import { checkOption, readOptionValue } from "../engine/options";
import type {
  JobOptionSpec,
  JobRequest,
  JobResult,
  JobSpec,
  PlanningJob,
} from "../workbook/jobs/job";
import { refuseNonFiniteCells, safeOutputSheets } from "../workbook/output-text";
import type { WorkbookPort } from "../workbook/port";
import type { MixedSolver } from "../engine/targets/solver";
import { createWorkerSolver } from "./worker-solver";

/** Makes the Web Worker that runs the exact method's solver; registered by the page entries (webpack builds it). */
let solverWorker: (() => Worker) | undefined;

export function registerSolverWorker(make: () => Worker): void {
  solverWorker = make;
}

/** The solver jobs get: in a worker when the page registered one, so a long exact solve never freezes the pane. */
function solverFor(signal: AbortSignal | undefined): MixedSolver | undefined {
  return solverWorker && typeof Worker !== "undefined"
    ? createWorkerSolver(solverWorker, signal)
    : undefined;
}

export type OptionValue = string | number | boolean | undefined;
export type OptionValues = Record<string, OptionValue>;

/** Option values as the form starts: each option's default. */
export function defaultOptions(job: JobSpec): OptionValues {
  const values: OptionValues = {};
  for (const option of job.options) values[option.id] = option.default;
  return values;
}

/**
 * A form field's text as the option's value, by the one rule every front end uses (src/engine/options.ts): a number
 * when it reads one way; otherwise the text itself, which the job then refuses naming the option. Blank is unset.
 */
export function parseOptionInput(option: JobOptionSpec, text: string): string | number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (option.type !== "number") return trimmed;
  const read = readOptionValue({ ...option, default: undefined }, trimmed);
  return read.ok && typeof read.value === "number" ? read.value : trimmed;
}

/** The problem with what was typed in a field, in the words the job would refuse it with; null when fine. */
export function optionProblem(option: JobOptionSpec, text: string): string | null {
  return text.trim() === "" ? null : checkOption(option, text);
}

export function buildRequest(
  job: JobSpec,
  workbook: WorkbookPort,
  sheets: Record<string, string | undefined>,
  options: OptionValues,
  signal?: AbortSignal,
  onProgress?: JobRequest["onProgress"]
): JobRequest {
  const inputs: JobRequest["inputs"] = {};
  for (const input of job.inputs) {
    const sheet = sheets[input.id];
    // An optional input left at "none" is not passed; a required one without a sheet is found by its headers.
    if (sheet === NONE) continue;
    if (sheet === undefined && !input.required) continue;
    inputs[input.id] = { workbook, sheet };
  }
  const cleaned: OptionValues = {};
  for (const option of job.options)
    if (options[option.id] !== undefined) cleaned[option.id] = options[option.id];
  return { inputs, options: cleaned, signal, onProgress, solver: solverFor(signal) };
}

/** Sheet choice meaning "do not use this optional input". */
export const NONE = "\u0000none";

export class CancelledError extends Error {
  constructor() {
    super("Đã hủy / Cancelled");
    this.name = "CancelledError";
  }
}

/**
 * A result as it will be written: the output boundary applied to its sheets, and what it changed (control
 * characters removed, long texts cut, column names made unique) among the warnings the pane shows.
 */
export function withSafeOutput(result: JobResult): JobResult {
  refuseNonFiniteCells(result.sheets);
  const safe = safeOutputSheets(result.sheets);
  if (safe.sheets.every((s, i) => s === result.sheets[i]) && safe.warnings.length === 0)
    return result;
  return { ...result, sheets: safe.sheets, warnings: result.warnings.concat(safe.warnings) };
}

/** Runs a job; rejects with CancelledError as soon as the signal aborts, even if the job itself does not stop. */
export function runCancellable(job: PlanningJob, request: JobRequest): Promise<JobResult> {
  const signal = request.signal;
  if (signal?.aborted) return Promise.reject(new CancelledError());
  return new Promise<JobResult>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError());
    signal?.addEventListener("abort", onAbort, { once: true });
    job.run(request).then(
      (result) => {
        signal?.removeEventListener("abort", onAbort);
        if (signal?.aborted) reject(new CancelledError());
        else resolve(withSafeOutput(result));
      },
      (error: unknown) => {
        signal?.removeEventListener("abort", onAbort);
        reject(signal?.aborted ? new CancelledError() : error);
      }
    );
  });
}

/** What the error bar shows: where to look (sheet, cell), what was found and what is expected; never a stack. */
/** What writing the results did: the sheets written, and what the user must be told about it. */
export interface WriteOutcome {
  written: string[];
  /** A result sheet the user changed by hand was kept under another name ("KQ_TongHop (sửa tay)"), one note each. */
  notes: Bilingual[];
}

/** Writes result sheets through the port, gathering its notes (the pane shows them beside what was written). */
export async function writeResultSheets(
  workbook: WorkbookPort,
  sheets: Parameters<WorkbookPort["writeResults"]>[0]
): Promise<WriteOutcome> {
  const notes: Bilingual[] = [];
  const written = await workbook.writeResults(sheets, { onNote: (note) => notes.push(note) });
  return { written, notes };
}

export interface ProblemView {
  kind: "input" | "failure";
  /** The file, when the problem is in one the user opened (web app, collect). */
  file?: string;
  sheet?: string;
  cell?: string;
  /** The options (the form's fields) the refused value came from, by id. */
  options?: string[];
  found?: string;
  expected?: Bilingual;
  message: string;
}

export function describeProblem(error: unknown): ProblemView {
  if (error instanceof InputError) {
    const d: InputErrorDetails = error.details;
    return {
      kind: "input",
      ...(d.file ? { file: d.file } : {}),
      sheet: d.sheet,
      cell: d.cell,
      ...(d.options ? { options: d.options } : {}),
      found: d.found,
      expected: d.expected,
      message: error.message,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "failure", message: message.split("\n")[0] };
}
