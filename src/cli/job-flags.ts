// CLI flags, usage and `--help` generated from a job's option declaration, and the command that runs the job.

import { readingText } from "../workbook/reading/text";
import type { Bilingual } from "../engine/errors";
import { isInputError, warningLine } from "../engine/errors";
import { UNITS, type JobOptionSpec } from "../engine/options";
import type { InputRef, JobRequest, PlanningJob } from "../workbook/jobs/job";
import type { CliCommand, CommandInput, CommandResult, FlagDoc, OptionSpec } from "./command";
import { requireFile } from "./command";
import { inFile, openWorkbook } from "./io";

/** The placeholder after a flag in the usage line: --budget M, --year YEAR, --method greedy|optimal. */
function placeholder(spec: JobOptionSpec): string {
  if (spec.type === "choice") return (spec.choices ?? []).map((c) => c.value).join("|");
  if (spec.type === "boolean") return "";
  if (spec.unit === "year") return "YEAR";
  if (spec.unit === "sheet") return "NAME";
  return spec.type === "number" ? "N" : "TEXT";
}

/** node:util parseArgs options for the declared options: every value is text, read later by the declaration. */
export function flagOptions(specs: JobOptionSpec[]): OptionSpec {
  return Object.fromEntries(
    specs.map((s) => [s.id, { type: s.type === "boolean" ? "boolean" : "string" } as const])
  );
}

/** "--budget N [--year YEAR]": required flags bare, the others in brackets. */
export function flagUsage(specs: JobOptionSpec[]): string {
  return specs
    .map((s) => {
      const flag = `--${s.id}${placeholder(s) ? " " + placeholder(s) : ""}`;
      return s.required ? flag : `[${flag}]`;
    })
    .join(" ");
}

function defaultText(spec: JobOptionSpec): Bilingual | undefined {
  if (spec.default !== undefined) return { vi: String(spec.default), en: String(spec.default) };
  return spec.absent;
}

/** One help entry per option: label, unit, default (or what absence means), an example, the help line. */
export function flagDocs(specs: JobOptionSpec[]): FlagDoc[] {
  return specs.map((s) => {
    const parts: string[] = [`${s.label.vi} / ${s.label.en}`];
    if (s.unit) parts.push(`đơn vị/unit: ${UNITS[s.unit].vi} / ${UNITS[s.unit].en}`);
    if (s.required) parts.push("bắt buộc / required");
    const d = defaultText(s);
    if (d) parts.push(`mặc định/default: ${d.vi === d.en ? d.vi : `${d.vi} / ${d.en}`}`);
    parts.push(`ví dụ/example: --${s.id} ${s.example}`);
    const lines = [parts.join("; ")];
    if (s.help) lines.push(`${s.help.vi} / ${s.help.en}`);
    if (s.type === "choice") {
      for (const c of s.choices ?? []) lines.push(`${c.value}: ${c.label.vi} / ${c.label.en}`);
    }
    return { flag: `--${s.id}${placeholder(s) ? " " + placeholder(s) : ""}`, lines };
  });
}

/** The declared options' raw values from the parsed flags (the job's declaration reads and checks them). */
export function flagValues(specs: JobOptionSpec[], input: CommandInput): JobRequest["options"] {
  const options: JobRequest["options"] = {};
  for (const spec of specs) {
    const value = input.options[spec.id];
    if (value !== undefined) options[spec.id] = value;
  }
  return options;
}

/** An extra input given as its own file, e.g. targets --costs FILE. */
export interface FileInput {
  /** The job input's id, also the flag (--costs). */
  id: string;
  doc: Bilingual;
  /** Read before the job so that its own errors name its file (e.g. a catalogue without a sheet). */
  check?: (ref: InputRef) => Promise<unknown>;
}

const SHEET_DOC: FlagDoc = {
  flag: "--sheet NAME",
  lines: [
    "Trang tính đầu vào; không có thì tìm theo tiêu đề cột / Input sheet; otherwise found by its headers",
  ],
};

/** A CLI command over a job: FILE is its main input, flags from its declaration, extra inputs as files. */
export function jobCommand(config: {
  name: string;
  summary: Bilingual;
  job: () => PlanningJob;
  /** The job input FILE (and --sheet) stands for; may depend on the flags (allocate by policy reads communes). */
  input: string | ((options: CommandInput["options"]) => string);
  files?: FileInput[];
}): CliCommand {
  const job = config.job();
  const files = config.files ?? [];
  const fileFlags = files.map((f) => `[--${f.id} FILE]`).join(" ");
  const usage = [
    `ntm-plan ${config.name} FILE`,
    fileFlags,
    flagUsage(job.options),
    "[--sheet NAME] [--json] [--out result.xlsx]",
  ]
    .filter(Boolean)
    .join(" ");
  return {
    name: config.name,
    summary: config.summary,
    usage,
    flags: [
      ...files.map((f) => ({ flag: `--${f.id} FILE`, lines: [`${f.doc.vi} / ${f.doc.en}`] })),
      ...flagDocs(job.options),
      SHEET_DOC,
    ],
    optionSpecs: job.options,
    options: {
      ...flagOptions(job.options),
      ...Object.fromEntries(files.map((f) => [f.id, { type: "string" } as const])),
      sheet: { type: "string" },
    },
    async run(input): Promise<CommandResult> {
      const file = requireFile(input, usage);
      const sheet = typeof input.options.sheet === "string" ? input.options.sheet : undefined;
      const workbook = await openWorkbook(file);
      const main = typeof config.input === "string" ? config.input : config.input(input.options);
      const inputs: JobRequest["inputs"] = { [main]: { workbook, sheet, file } };
      const extraSheets = new Map<string, Set<string>>();
      for (const f of files) {
        const path = input.options[f.id];
        if (typeof path !== "string") continue;
        const ref: InputRef = { workbook: await openWorkbook(path), file: path };
        if (f.check) await inFile(path, () => f.check!(ref));
        extraSheets.set(path, new Set(await ref.workbook.sheetNames()));
        inputs[f.id] = ref;
      }
      const mainSheets = new Set(await workbook.sheetNames());
      try {
        const result = await job.run({ inputs, options: flagValues(job.options, input) });
        const warnings = result.warnings
          .filter((w) => !result.text.includes(w.vi))
          .map(warningLine);
        const reading = result.reading ?? [];
        const json = {
          ...result.json,
          ...(result.warnings.length > 0 ? { warnings: result.warnings } : {}),
          reading,
        };
        return {
          json,
          text: [result.text, ...warnings, ...readingText(reading)].join("\n"),
          sheets: result.sheets,
        };
      } catch (e) {
        // Readers name the sheet and cell; the CLI adds which file it was.
        if (!isInputError(e) || e.details.file) throw e;
        const sheetName = e.sheet;
        for (const [path, names] of extraSheets) {
          if (sheetName && names.has(sheetName) && !mainSheets.has(sheetName)) throw e.inFile(path);
        }
        throw e.inFile(file);
      }
    },
  };
}
