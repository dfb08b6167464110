// What a CLI command is: options it takes, and a run that returns JSON, readable text and result sheets.

import type { ParseArgsConfig } from "node:util";
import { InputError, type Bilingual } from "../engine/errors";
import type { JobOptionSpec } from "../engine/options";
import type { Warning } from "../engine/types";
import type { OutputSheet } from "../workbook/output";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface CommandInput {
  /** Positional arguments after the command name (usually the input file). */
  files: string[];
  /** Parsed option values, e.g. { budget: "16", json: true }. */
  options: Record<string, string | boolean | undefined>;
  /** Where a long command says how far it is (stderr in text mode; absent with --json). */
  progress?: (text: string) => void;
}

export interface CommandResult {
  /** Printed as exactly one JSON object with --json. */
  json: Record<string, unknown>;
  /** Printed for people without --json. */
  text: string;
  /** Written with --out. */
  sheets: OutputSheet[];
  /** A document written to --out instead of the sheets (the report's .docx). */
  document?: { bytes: Uint8Array; warnings?: Warning[] };
}

/** A flag in `--help`: "--budget N" and its lines of explanation. */
export interface FlagDoc {
  flag: string;
  lines: string[];
}

export interface CliCommand {
  name: string;
  summary: Bilingual;
  /** e.g. "ntm-plan summary FILE [--period 2021-2025] [--json]". */
  usage: string;
  options: OptionSpec;
  /** Every flag for `ntm-plan <command> --help`, generated from the job's declaration where there is one. */
  flags?: FlagDoc[];
  /** The declared options, for suggestions when a flag is mistyped. */
  optionSpecs?: JobOptionSpec[];
  run(input: CommandInput): Promise<CommandResult>;
}

export function stringOption(input: CommandInput, name: string): string | undefined {
  const raw = input.options[name];
  return typeof raw === "string" ? raw : undefined;
}

/** The one input file most commands take. */
export function requireFile(input: CommandInput, usage: string): string {
  if (input.files.length !== 1) {
    throw new InputError({
      found: input.files.join(" ") || "(không có / none)",
      expected: { vi: `đúng một tệp đầu vào: ${usage}`, en: `exactly one input file: ${usage}` },
    });
  }
  return input.files[0];
}
