// ntm-plan: runs the planning on .xlsx/.csv files. Input errors exit 2 with one line; never a stack trace.

import { realpathSync, statSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { InputError, isInputError, warningLine } from "../engine/errors";
import { refuseReplacingUsersFile, writeFileAtomic, writeResultFile } from "./io";
import type { Warning } from "../engine/types";
import { refuseNonFiniteCells, safeOutputSheets } from "../workbook/output-text";
import { commands } from "./commands";
import { pushAll } from "../engine/arrays";
import { CollectCancelled } from "../workbook/collect/collect";
import type { CliCommand } from "./command";

const COMMON = {
  json: { type: "boolean" },
  out: { type: "string" },
  force: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * Text as a terminal shows it: control characters from the user's files (ESC from a pasted name, U+000B) are shown as
 * U+FFFD instead of being sent to the terminal, where ESC would start an escape sequence. Tab and line breaks stay;
 * --json escapes every control character already.
 */
export function terminalText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "\uFFFD");
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(terminalText(t) + "\n"),
  stderr: (t) => process.stderr.write(terminalText(t) + "\n"),
};

function helpText(): string {
  const lines = [
    "ntm-plan — lập kế hoạch nông thôn mới / New Rural Development planning",
    "",
    "Cách dùng / Usage: ntm-plan <lệnh/command> FILE [tùy chọn/options] [--json] [--out result.xlsx]",
    "",
  ];
  for (const c of commands) lines.push(`  ${c.usage}`, `      ${c.summary.vi} / ${c.summary.en}`);
  lines.push(
    "",
    "  --json        in đúng một đối tượng JSON / print exactly one JSON object",
    "  --out FILE    ghi kết quả ra tệp .xlsx / write the results as Excel tables",
    "  --force       ghi đè tệp .docx có sẵn không do NTM Planner ghi / replace an existing .docx NTM Planner did not write"
  );
  return lines.join("\n");
}

/** `ntm-plan <command> --help`: usage, summary, then every flag with its unit, default and an example. */
export function commandHelp(command: CliCommand): string {
  const lines = [
    `Cách dùng / Usage: ${command.usage}`,
    `${command.summary.vi} / ${command.summary.en}`,
  ];
  const flags = [
    ...(command.flags ?? []),
    { flag: "--json", lines: ["In đúng một đối tượng JSON / Print exactly one JSON object"] },
    {
      flag: "--out FILE",
      lines: [
        "Ghi kết quả ra tệp .xlsx / Write the results as Excel tables",
        "Tệp .xlsx có sẵn: thêm các trang kết quả vào, giữ nguyên mọi phần của bạn / An existing .xlsx: the result sheets are added into it, every part of yours kept as it is",
      ],
    },
    {
      flag: "--force",
      lines: [
        "Ghi đè tệp .docx có sẵn không do NTM Planner ghi / Replace an existing .docx NTM Planner did not write",
      ],
    },
  ];
  lines.push("", "Tùy chọn / Options:");
  for (const f of flags) {
    lines.push(`  ${f.flag}`);
    for (const l of f.lines) lines.push(`      ${l}`);
  }
  return lines.join("\n");
}

/** Edit distance, for "did you mean" (flags are short, so the quadratic table is fine). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The known flag closest to a mistyped one, if it is close enough to be what was meant. */
export function closestName(name: string, known: string[]): string | undefined {
  let best: { flag: string; d: number } | undefined;
  for (const flag of known) {
    const d = distance(name.toLowerCase(), flag.toLowerCase());
    if (!best || d < best.d) best = { flag, d };
  }
  return best && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.flag : undefined;
}

/** A flag problem in both languages (never Node's parser text): unknown flag, missing value, stray argument. */
function usageProblem(
  command: CliCommand,
  rest: string[],
  options: Record<string, { type: string; short?: string }>
): string {
  const { tokens } = parseArgs({
    args: rest,
    options: options as never,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const known = Object.keys(options);
  for (const t of tokens ?? []) {
    if (t.kind !== "option") continue;
    const spec = options[t.name];
    if (!spec && !Object.values(options).some((o) => o.short === t.name)) {
      const near = closestName(t.name, known);
      const hint = near ? `: có phải --${near}? / did you mean --${near}?` : ".";
      return `Tùy chọn không có / Unknown option ${t.rawName}${hint} Cách dùng / Usage: ${command.usage}`;
    }
    if (spec.type === "string" && t.value === undefined)
      return `${t.rawName} cần một giá trị / needs a value, ví dụ/e.g. ${t.rawName} ${command.optionSpecs?.find((s) => s.id === t.name)?.example ?? "…"}`;
    if (spec.type === "boolean" && t.inlineValue)
      return `${t.rawName} không nhận giá trị / takes no value`;
  }
  return `Không hiểu các đối số / Cannot read the arguments. Cách dùng / Usage: ${command.usage}`;
}

/** Device and inode of an existing regular file (a hard link has the same), else undefined. */
function identity(file: string): string | undefined {
  try {
    const s = statSync(file);
    return s.isFile() ? `${s.dev}:${s.ino}` : undefined;
  } catch {
    return undefined;
  }
}

function samePath(a: string): string {
  try {
    return realpathSync(a);
  } catch {
    return path.resolve(a);
  }
}

/**
 * --out writes a new file of results only: pointing it at an input file (by any path, symbolic or hard link) would
 * destroy the user's data. Files are compared by device and inode; paths only when the output does not exist yet.
 */
function refuseOverwritingInput(out: string | undefined, args: string[], flag = "--out"): void {
  if (!out) return;
  const target = identity(out);
  const same = (a: string) =>
    target !== undefined ? identity(a) === target : samePath(a) === samePath(out);
  if (!args.some(same)) return;
  throw new InputError({
    file: out,
    options: [flag.replace(/^--/, "")],
    found: `${flag} ${out}`,
    expected: {
      vi: "một tệp kết quả khác tệp đầu vào (tệp đầu vào không bao giờ bị ghi đè)",
      en: "a result file other than the input file (inputs are never overwritten)",
    },
  });
}

/** --out names what is written: an .xlsx workbook, or the .docx a report command makes. */
function requireExtension(out: string | undefined, allowed: string[]): void {
  if (!out || allowed.includes(path.extname(out).toLowerCase())) return;
  throw new InputError({
    file: out,
    options: ["out"],
    found: `--out ${out}`,
    expected: {
      vi: `tên tệp kết quả có đuôi ${allowed.join(" hoặc ")} (đúng loại tệp được ghi)`,
      en: `a result file name ending in ${allowed.join(" or ")} (the kind of file written)`,
    },
  });
}

/**
 * A figure that overflowed (Infinity) or is undefined (NaN) would print as null in JSON with exit 0: the worst
 * outcome. Readers bound every number; this is the last guard.
 */
/** Where a figure of a job's JSON rests: the input sheet, the nearest cell given, and the row's label. */
interface JsonPlace {
  sheet?: string;
  cell?: string;
  label?: string;
}

const A1_CELL = /^\$?[A-Z]{1,3}\$?[1-9]\d*$/;

/** The place an object of the JSON names for itself (`sheet`, `cell`, `source: {sheet, cell}`, a label), over the outer one. */
function placeOf(o: Record<string, unknown>, outer: JsonPlace): JsonPlace {
  const here: JsonPlace = { ...outer };
  if (typeof o.sheet === "string" && o.sheet !== "") here.sheet = o.sheet;
  if (typeof o.cell === "string" && A1_CELL.test(o.cell)) here.cell = o.cell;
  const source = o.source as { sheet?: unknown; cell?: unknown } | undefined;
  if (source && typeof source === "object" && typeof source.sheet === "string") {
    here.sheet = source.sheet;
    if (typeof source.cell === "string" && A1_CELL.test(source.cell)) here.cell = source.cell;
  }
  const label = [o.label, o.name, o.unit].find((v) => typeof v === "string" && v !== "");
  if (typeof label === "string") here.label = label;
  return here;
}

/**
 * The last guard on a job's JSON: a figure that overflowed (Infinity) or is undefined (NaN) is refused, naming the
 * input sheet and cell the figure rests on as the JSON gives them (a line's or a unit's source), then its path.
 */
export function refuseNonFinite(json: unknown, where = "", place: JsonPlace = {}): void {
  if (typeof json === "number" && !Number.isFinite(json)) {
    throw new InputError({
      ...(place.sheet ? { sheet: place.sheet } : {}),
      ...(place.sheet && place.cell ? { cell: place.cell } : {}),
      found: `${place.label ? `${place.label}: ` : ""}${where || "kết quả / result"}: ${json}`,
      expected: {
        vi: "các số liệu cho ra kết quả hữu hạn (có số quá lớn hoặc quá nhỏ trong dữ liệu: hãy kiểm tra đơn vị triệu đồng)",
        en: "figures whose results are finite (the data holds a number too large or too small: check the million-VND unit)",
      },
    });
  }
  if (json && typeof json === "object") {
    const here = Array.isArray(json) ? place : placeOf(json as Record<string, unknown>, place);
    for (const [key, value] of Object.entries(json))
      refuseNonFinite(value, where ? `${where}.${key}` : key, here);
  }
}

/** Runs one CLI invocation and returns the exit code: 0 ok, 1 internal failure, 2 bad input or usage. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(helpText());
    return name ? 0 : 2;
  }
  const command: CliCommand | undefined = commands.find((c) => c.name === name);
  if (!command) {
    const near = closestName(
      name,
      commands.map((c) => c.name)
    );
    const hint = near ? ` Có phải '${near}'? / Did you mean '${near}'?` : "";
    io.stderr(`Lệnh không có: '${name}' / Unknown command: '${name}'.${hint} ntm-plan --help`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...COMMON, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch {
    io.stderr(usageProblem(command, rest, { ...COMMON, ...command.options }));
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(commandHelp(command));
    return 0;
  }
  try {
    const {
      out: outOption,
      force,
      results: resultsOption,
      ...otherOptions
    } = parsed.values as Record<string, unknown>;
    const inputs = [
      ...parsed.positionals.map(String),
      ...Object.values(otherOptions).filter((v): v is string => typeof v === "string"),
    ];
    const given = typeof outOption === "string" ? outOption : undefined;
    // Checked before the run, so that a long job does not end in a refusal.
    refuseOverwritingInput(given, inputs);
    requireExtension(given, [".xlsx", ".docx"]);
    if (given) await refuseReplacingUsersFile(given, force === true);
    // The report's results workbook (--results): the same checks as --out, before the run.
    const resultsOut = typeof resultsOption === "string" ? resultsOption : undefined;
    refuseOverwritingInput(resultsOut, inputs, "--results");
    requireExtension(resultsOut, [".xlsx"]);
    if (resultsOut) await refuseReplacingUsersFile(resultsOut, force === true);
    const result = await command.run({
      files: parsed.positionals,
      options: parsed.values,
      ...(parsed.values.json ? {} : { progress: io.stderr }),
    });
    refuseNonFiniteCells(result.sheets);
    refuseNonFinite(result.json);
    const out = given;
    requireExtension(out, [result.document ? ".docx" : ".xlsx"]);
    let written: string[] = [];
    // What the output boundary changed to make the file valid (control characters, over-long texts), per cell.
    let outWarnings: Warning[] = [];
    if (out && result.document) {
      refuseOverwritingInput(out, inputs);
      await writeFileAtomic(out, result.document.bytes);
      written = [path.basename(out)];
      outWarnings = result.document.warnings ?? [];
    }
    let resultsWritten: string[] = [];
    if (resultsOut && result.document) {
      const safe = safeOutputSheets(result.sheets);
      pushAll(outWarnings, safe.warnings);
      resultsWritten = await writeResultFile(resultsOut, safe.sheets, undefined, (note) =>
        outWarnings.push({ vi: note.vi, en: note.en })
      );
    }
    if (out && !result.document) {
      const safe = safeOutputSheets(result.sheets);
      outWarnings = safe.warnings;
      written = await writeResultFile(out, safe.sheets, undefined, (note) =>
        outWarnings.push({ vi: note.vi, en: note.en })
      );
    }
    if (parsed.values.json) {
      const wrote = {
        ...(out ? { out, outSheets: written } : {}),
        ...(resultsOut ? { results: resultsOut, resultsSheets: resultsWritten } : {}),
        ...(outWarnings.length > 0 ? { outWarnings } : {}),
      };
      io.stdout(JSON.stringify({ ...result.json, ...wrote }));
    } else {
      io.stdout(result.text);
      for (const w of outWarnings) io.stdout(warningLine(w));
      if (out) io.stdout(`\nĐã ghi / Written: ${out} (${written.join(", ")})`);
      if (resultsOut) {
        io.stdout(`Đã ghi / Written: ${resultsOut} (${resultsWritten.join(", ")})`);
      }
    }
    return 0;
  } catch (e) {
    if (isInputError(e)) {
      io.stderr(e.message);
      return 2;
    }
    if (e instanceof CollectCancelled) {
      io.stderr(e.message);
      return 130;
    }
    io.stderr(`Lỗi nội bộ / Internal error: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.NTM_DEBUG && e instanceof Error) io.stderr(e.stack ?? "");
    return 1;
  }
}
