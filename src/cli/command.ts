// What a CLI command is: options it takes, and a run that returns JSON, readable text and result sheets.

import type { ParseArgsConfig } from "node:util";
import { InputError, type Bilingual } from "../engine/errors";
import type { OutputSheet } from "../workbook/output";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface CommandInput {
  /** Positional arguments after the command name (usually the input file). */
  files: string[];
  /** Parsed option values, e.g. { budget: "16", json: true }. */
  options: Record<string, string | boolean | undefined>;
}

export interface CommandResult {
  /** Printed as exactly one JSON object with --json. */
  json: Record<string, unknown>;
  /** Printed for people without --json. */
  text: string;
  /** Written with --out. */
  sheets: OutputSheet[];
  /** A document written to --out instead of the sheets (the report's .docx). */
  document?: { bytes: Uint8Array };
}

export interface CliCommand {
  name: string;
  summary: Bilingual;
  /** e.g. "ntm-plan summary FILE [--period 2021-2025] [--json]". */
  usage: string;
  options: OptionSpec;
  run(input: CommandInput): Promise<CommandResult>;
}

function optionError(name: string, found: string, expected: Bilingual): InputError {
  return new InputError({
    sheet: undefined,
    cell: undefined,
    found: `--${name} ${found}`,
    expected,
  });
}

/** A numeric option such as --budget 16 (Vietnamese or English number formats are not accepted here: plain numbers). */
export function numberOption(
  input: CommandInput,
  name: string,
  opts: { min?: number; integer?: boolean } = {}
): number | undefined {
  const raw = input.options[name];
  if (raw === undefined || raw === false) return undefined;
  const value = Number(String(raw).replace(/_/g, ""));
  const bad =
    !Number.isFinite(value) ||
    (opts.integer && !Number.isInteger(value)) ||
    (opts.min !== undefined && value < opts.min);
  if (bad) {
    const kind = opts.integer
      ? { vi: "số nguyên", en: "an integer" }
      : { vi: "một số", en: "a number" };
    const min =
      opts.min !== undefined ? { vi: ` ≥ ${opts.min}`, en: ` ≥ ${opts.min}` } : { vi: "", en: "" };
    throw optionError(name, String(raw), {
      vi: `--${name} là ${kind.vi}${min.vi}`,
      en: `--${name} to be ${kind.en}${min.en}`,
    });
  }
  return value;
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
