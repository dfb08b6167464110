// A job's inputs as the reading finds them: which kinds of input sheet there are, where one lives (a workbook and
// perhaps a sheet), and reading one so that its errors name its own file.

import { InputError, type Bilingual } from "../../engine/errors";
import type { WorkbookPort } from "../port";

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

/** The inputs of a run, by id (JobRequest.inputs). */
export type RunInputs = Record<string, InputRef | undefined>;

/** The options of a run as the front end gave them (JobRequest.options), read by each job's declaration. */
export type RunOptions = Record<string, string | number | boolean | undefined>;
