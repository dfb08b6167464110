// Shared fuzz harness: builds generated workbooks in both adapters, runs a reader, a job or a CLI command on them,
// and judges the run: only InputError may escape, errors name their cell, and no existing cell changes.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { InputError, isInputError } from "../../src/engine/errors";
import { main, type CliIo } from "../../src/cli/main";
import type { CliCommand } from "../../src/cli/command";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { MemoryWorkbook } from "../../src/workbook/adapters/memory";
import { EXCEL_CELL_LIMIT, excelStoredText } from "../../src/workbook/xml-text";
import { a1, isCellError, type CellValue, type Grid } from "../../src/workbook/grid";
import type { JobRequest, JobResult, PlanningJob } from "../../src/workbook/jobs/job";
import type { OutputSheet } from "../../src/workbook/output";
import type { WorkbookPort } from "../../src/workbook/port";
import { viNumberText, type SheetModel, type WorkbookModel } from "./generators";
import { notOurFile, strictProblems } from "../support/strict-files";

// ---------------------------------------------------------------------------------------------------------------
// Building workbooks from models

export function toMemory(model: WorkbookModel): MemoryWorkbook {
  const book = new MemoryWorkbook();
  for (const sheet of model.sheets) {
    const rows = sheet.rows.map((r) => [...r]);
    for (let i = 0; i < sheet.formattedEmptyRows; i++) rows.push([]);
    book.setSheet(sheet.name, rows);
  }
  return book;
}

function excelValue(value: CellValue, formula: boolean): ExcelJS.CellValue {
  if (value === null) return null;
  if (isCellError(value)) {
    const error = { error: value.error as ExcelJS.CellErrorValue["error"] };
    return formula ? ({ formula: "1/0", result: error } as unknown as ExcelJS.CellValue) : error;
  }
  if (formula) return { formula: "N(0)+0", result: value } as ExcelJS.CellValue;
  return value;
}

/** The sheet names ExcelJS can hold: Excel forbids two names equal but for case, so a later twin is left out. */
export function excelSheets(model: WorkbookModel): SheetModel[] {
  const kept: SheetModel[] = [];
  for (const s of model.sheets) {
    if (!kept.some((k) => k.name.toLowerCase() === s.name.toLowerCase())) kept.push(s);
  }
  return kept;
}

function asSaved(text: string): string {
  const fits = text.slice(0, EXCEL_CELL_LIMIT);
  return excelStoredText(fits) ?? fits;
}

export function toExcelJs(model: WorkbookModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of excelSheets(model)) {
    const ws = wb.addWorksheet(sheet.name);
    const formulas = new Set(sheet.formulaCells);
    sheet.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null)
          ws.getCell(r + 1, c + 1).value = excelValue(
            // As Excel stores it: ExcelJS would write a control character raw (an unreadable file), and no cell
            // of Excel's holds over 32,767 characters.
            typeof v === "string" ? asSaved(v) : v,
            formulas.has(`${r},${c}`)
          );
      })
    );
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const c of sheet.hiddenColumns) ws.getColumn(c + 1).hidden = true;
    const width = Math.max(1, ...sheet.rows.map((r) => r.length));
    for (let i = 0; i < sheet.formattedEmptyRows; i++) {
      const row = ws.getRow(sheet.rows.length + 1 + i);
      for (let c = 1; c <= width; c++) {
        row.getCell(c).numFmt = "#,##0";
        row.getCell(c).border = { bottom: { style: "thin" } };
      }
    }
  }
  return wb;
}

/** Uncompressed .xlsx bytes: the same file structure, written several times faster (the fuzzer writes thousands). */
export async function saveFast(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const options = { zip: { compression: "STORE" } } as unknown as Partial<ExcelJS.XlsxWriteOptions>;
  return new Uint8Array((await wb.xlsx.writeBuffer(options)) as ArrayBuffer);
}

export async function toXlsxBytes(model: WorkbookModel): Promise<Uint8Array> {
  return saveFast(toExcelJs(model));
}

/** A one-sheet model as CSV text (what staff export), values as Excel would show them. */
export function toCsv(sheet: SheetModel): string {
  const text = sheet.rows.map((row) =>
    row.map((v) =>
      v === null
        ? ""
        : v instanceof Date
          ? v.toISOString().slice(0, 10)
          : isCellError(v)
            ? v.error
            : String(v)
    )
  );
  for (let i = 0; i < sheet.formattedEmptyRows; i++) text.push([]);
  return Papa.unparse(text);
}

// ---------------------------------------------------------------------------------------------------------------
// Snapshots: every cell of every sheet, as comparable text

export type Snapshot = Map<string, Map<string, string>>;

function valueKey(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (typeof v === "number" && !Number.isFinite(v)) return `number:${v}`;
    return v;
  });
}

function cellKey(value: CellValue | undefined): string {
  if (value instanceof Date) return `date:${value.getTime()}`;
  return valueKey(value ?? null);
}

export function memorySnapshot(book: MemoryWorkbook): Snapshot {
  const snap: Snapshot = new Map();
  for (const [name, rows] of Object.entries(book.snapshot())) {
    const cells = new Map<string, string>();
    rows.forEach((row, r) =>
      row.forEach((v, c) => v !== null && v !== undefined && cells.set(a1(r, c), cellKey(v)))
    );
    // Row count matters too: a sheet's rows are the user's layout.
    cells.set("#rows", String(rows.length));
    snap.set(name, cells);
  }
  return snap;
}

export function excelSnapshot(wb: ExcelJS.Workbook): Snapshot {
  const snap: Snapshot = new Map();
  for (const ws of wb.worksheets) {
    const cells = new Map<string, string>();
    cells.set("#state", String(ws.state));
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        const key =
          cell.type === ExcelJS.ValueType.Merge
            ? `merge:${(cell as unknown as { master: ExcelJS.Cell }).master.address}`
            : v instanceof Date
              ? `date:${v.getTime()}`
              : valueKey(v);
        cells.set(cell.address, key);
      })
    );
    ws.columns?.forEach((col, i) => col.hidden && cells.set(`#hidden:${i}`, "1"));
    snap.set(ws.name, cells);
  }
  return snap;
}

/** Cells of sheets that existed before and differ after (or vanished, or appeared in a user's sheet). */
export function changedCells(before: Snapshot, after: Snapshot): string[] {
  const changed: string[] = [];
  for (const [sheet, cells] of before) {
    const later = after.get(sheet);
    if (!later) {
      changed.push(`${sheet}!* (sheet gone)`);
      continue;
    }
    for (const [addr, v] of cells) if (later.get(addr) !== v) changed.push(`${sheet}!${addr}`);
    for (const addr of later.keys()) if (!cells.has(addr)) changed.push(`${sheet}!${addr} (new)`);
  }
  return changed;
}

// ---------------------------------------------------------------------------------------------------------------
// Judging a run

export type OutcomeKind = "ok" | "input-error" | "cancelled" | "crash";

export interface Verdict {
  target: string;
  outcome: OutcomeKind;
  error?: unknown;
  /** Cells of the user's sheets that changed: must be empty, whatever the outcome. */
  changed: string[];
  /**
   * Broken promises other than crashes: an error without its cell, a message on two lines, a NaN in a result.
   * Entries starting with NOTE are soft findings: counted and printed, never failing a run.
   */
  problems: string[];
}

export const NOTE = "note: ";

export function hardProblems(v: Verdict): string[] {
  return v.problems.filter((p) => !p.startsWith(NOTE));
}

const A1 = /^\$?[A-Z]{1,3}\$?[1-9]\d{0,6}$/;

/** What is wrong with an InputError as a user would see it. `sheets` are the sheets that really exist. */
export function errorProblems(e: InputError, sheets: string[]): string[] {
  const problems: string[] = [];
  const msg = e.message;
  if (/[\r\n]/.test(msg)) problems.push("message spans several lines");
  // Soft: worth fixing, not a broken promise (the line is still one line naming the cell).
  if (msg.length > 2000) problems.push(`${NOTE}message of ${msg.length} characters`);
  if (!msg.includes("Cần") || !msg.includes("Expected"))
    problems.push("message not in both languages");
  if (!e.details.expected?.vi || !e.details.expected?.en)
    problems.push("expected text missing a language");
  const sheet = e.sheet;
  const exists = sheet !== undefined && sheets.some((s) => s.toLowerCase() === sheet.toLowerCase());
  if (exists && !e.cell) problems.push(`error from sheet '${sheet}' without a cell`);
  if (e.cell !== undefined && !A1.test(e.cell))
    problems.push(`cell '${e.cell}' is not an A1 address`);
  return problems;
}

function isAbort(e: unknown, signal?: AbortSignal): boolean {
  if (!signal?.aborted) return false;
  if (e === signal.reason) return true;
  // Under jest the signal's DOMException comes from another realm, so `reason instanceof Error` fails and a job
  // may rethrow its own "cancelled" Error instead; that is still a cancellation, not a crash.
  return e instanceof Error && (e.name === "AbortError" || /cancel|hủy/i.test(e.message));
}

/** Numbers in result tables and JSON must be finite; text must not be "NaN"/"undefined"/"[object Object]". */
export function resultProblems(result: JobResult): string[] {
  const problems: string[] = [];
  try {
    JSON.stringify(result.json, (_k, v) => {
      if (typeof v === "number" && !Number.isFinite(v)) problems.push(`json holds ${v}`);
      return v;
    });
  } catch (e) {
    problems.push(`json not serialisable: ${(e as Error).message}`);
  }
  if (/\b(NaN|undefined|\[object Object\])\b/.test(result.text))
    problems.push("text shows NaN/undefined/[object Object]");
  for (const sheet of result.sheets) {
    for (const table of sheet.tables) {
      const chart = table.chart;
      if (chart) {
        // Office.js draws charts from these indexes; one outside the table fails the write in Excel.
        const inside = (c: number) => Number.isInteger(c) && c >= 0 && c < table.columns.length;
        if (!inside(chart.categories) || chart.series.length === 0 || !chart.series.every(inside))
          problems.push(`table ${table.name}: chart columns outside the table`);
        if (
          chart.rows &&
          (chart.rows.first < 0 ||
            chart.rows.count < 1 ||
            chart.rows.first + chart.rows.count > table.rows.length)
        )
          problems.push(`table ${table.name}: chart rows outside the table`);
        if (!chart.rows && table.rows.length === 0)
          problems.push(`${NOTE}table ${table.name}: chart of an empty table`);
      }
      const headers = table.columns.map((c) => c.header.trim().toLowerCase());
      if (headers.some((h) => h === "")) problems.push(`table ${table.name}: empty header`);
      if (new Set(headers).size !== headers.length)
        problems.push(`table ${table.name}: headers repeat (ignoring case)`);
      for (const row of table.rows) {
        if (row.length !== table.columns.length) problems.push(`table ${table.name}: ragged row`);
        for (const v of row) {
          if (typeof v === "number" && !Number.isFinite(v))
            problems.push(`table ${table.name} holds ${v}`);
          if (typeof v === "string" && /^(NaN|undefined|\[object Object\])$/.test(v))
            problems.push(`table ${table.name} holds "${v}"`);
        }
      }
    }
  }
  for (const w of result.warnings) if (!w.vi || !w.en) problems.push("warning missing a language");
  return [...new Set(problems)];
}

// ---------------------------------------------------------------------------------------------------------------
// Readers: grid in, engine data out; the grid must come back untouched.

export interface ReaderUnderTest {
  name: string;
  kind: SheetModel["kind"];
  read(grid: Grid): unknown;
}

export async function judgeReader(reader: ReaderUnderTest, sheet: SheetModel): Promise<Verdict> {
  const book = toMemory({ sheets: [sheet] });
  const grid = await book.readSheet(sheet.name);
  const before = valueKey(grid.rows.map((r) => r.map(cellKey)));
  const verdict: Verdict = {
    target: `reader ${reader.name}`,
    outcome: "ok",
    changed: [],
    problems: [],
  };
  try {
    const out = reader.read(grid);
    if (out instanceof Promise) await out;
  } catch (e) {
    verdict.error = e;
    if (isInputError(e)) {
      verdict.outcome = "input-error";
      verdict.problems.push(...errorProblems(e, [sheet.name]));
    } else verdict.outcome = "crash";
  }
  if (valueKey(grid.rows.map((r) => r.map(cellKey))) !== before)
    verdict.changed.push(`${sheet.name}!* (grid mutated)`);
  return verdict;
}

// ---------------------------------------------------------------------------------------------------------------
// Jobs: run through a port as the task pane does (results written by the caller, only when the run succeeds).

export interface JobCase {
  model: WorkbookModel;
  adapter: "memory" | "exceljs" | "xlsx";
  aborted: boolean;
  /** Run the job once before (its results written), so that this run replaces the add-in's own sheets. */
  rerun?: boolean;
  /** Sheet named for each input id (undefined: let the job find it by its headers). */
  sheetRefs: Record<string, string | undefined>;
  options: JobRequest["options"];
}

async function portFor(
  c: JobCase
): Promise<{ port: WorkbookPort; snap: () => Snapshot; names: string[] }> {
  if (c.adapter === "memory") {
    const book = toMemory(c.model);
    return { port: book, snap: () => memorySnapshot(book), names: await book.sheetNames() };
  }
  const wb =
    c.adapter === "xlsx"
      ? (await ExcelJsWorkbook.fromXlsx(await toXlsxBytes(c.model))).workbook
      : toExcelJs(c.model);
  const book = new ExcelJsWorkbook(wb);
  return { port: book, snap: () => excelSnapshot(wb), names: await book.sheetNames() };
}

/** The add-in's own sheets, from the adapter's bookkeeping. */
function ownedOf(port: WorkbookPort): string[] {
  if (port instanceof MemoryWorkbook) return port.ownedSheets();
  if (port instanceof ExcelJsWorkbook) return port.ownedSheetNames();
  return [];
}

export async function judgeJob(job: PlanningJob, c: JobCase): Promise<Verdict> {
  const { port, snap, names } = await portFor(c);
  const inputsOf = (): JobRequest["inputs"] => {
    const inputs: JobRequest["inputs"] = {};
    for (const spec of job.inputs) {
      // An optional input the user did not give stays undefined, as in the task pane.
      const given = c.model.sheets.some((s) => s.role === spec.id);
      if (spec.required || given) inputs[spec.id] = { workbook: port, sheet: c.sheetRefs[spec.id] };
    }
    return inputs;
  };
  if (c.rerun) {
    // A run before this one, as when the user runs the job again: its result sheets are then the add-in's own.
    try {
      const first = await job.run({ inputs: inputsOf(), options: c.options });
      await port.writeResults(first.sheets);
    } catch {
      // The second run is judged; the first one only sets the stage.
    }
  }
  const owned = ownedOf(port);
  const meta = port instanceof ExcelJsWorkbook ? port.bookkeepingSheet() : undefined;
  const before = snap();
  const controller = new AbortController();
  if (c.aborted) controller.abort();
  const inputs = inputsOf();
  const verdict: Verdict = {
    target: `job ${job.id} (${c.adapter}${c.aborted ? ", aborted" : ""}${c.rerun ? ", re-run" : ""})`,
    outcome: "ok",
    changed: [],
    problems: [],
  };
  let written: string[] = [];
  try {
    const result = await job.run({ inputs, options: c.options, signal: controller.signal });
    verdict.problems.push(...resultProblems(result));
    if (!c.aborted) written = await port.writeResults(result.sheets);
  } catch (e) {
    verdict.error = e;
    if (isInputError(e)) {
      verdict.outcome = "input-error";
      verdict.problems.push(...errorProblems(e, names));
    } else if (isAbort(e, controller.signal)) verdict.outcome = "cancelled";
    else verdict.outcome = "crash";
  }
  // Only the add-in's own sheets written again by this run may change; the user's never, whatever happened.
  const replaced = (sheet: string) =>
    written.includes(sheet) && owned.some((o) => o.toLowerCase() === sheet.toLowerCase());
  const kept: Snapshot = new Map(
    [...before].filter(([sheet]) => !replaced(sheet) && sheet !== meta)
  );
  verdict.changed = changedCells(kept, snap());
  return verdict;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing results on their own: a user's sheet is never touched, and a failed write leaves everything as it was.

export interface WriterCase {
  model: WorkbookModel;
  adapter: "memory" | "exceljs" | "xlsx";
  /** Results of an earlier run, written first so that the add-in owns those sheets. */
  earlier: OutputSheet[];
  results: OutputSheet[];
}

/** Problems Excel would "repair" on opening: table column names must be non-empty and unique, ignoring case. */
export function tableProblems(wb: ExcelJS.Workbook): string[] {
  const problems: string[] = [];
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown as {
      table: { name: string; columns: { name: string }[] };
    }[]) {
      const names = t.table.columns.map((c) => String(c.name).trim().toLowerCase());
      if (names.some((n) => n === "")) problems.push(`table ${t.table.name}: empty column name`);
      if (new Set(names).size !== names.length)
        problems.push(`table ${t.table.name}: column names repeat (ignoring case)`);
    }
  }
  return problems;
}

export async function judgeWriter(c: WriterCase): Promise<Verdict> {
  const verdict: Verdict = {
    target: `writer (${c.adapter})`,
    outcome: "ok",
    changed: [],
    problems: [],
  };
  let port: MemoryWorkbook | ExcelJsWorkbook;
  if (c.adapter === "memory") {
    port = toMemory(c.model);
    await port.writeResults(c.earlier);
  } else {
    port = new ExcelJsWorkbook(toExcelJs(c.model));
    await port.writeResults(c.earlier);
    if (c.adapter === "xlsx") port = await ExcelJsWorkbook.fromXlsx(await saveFast(port.workbook));
  }
  const book = port;
  const snap = () =>
    book instanceof MemoryWorkbook ? memorySnapshot(book) : excelSnapshot(book.workbook);
  const owned = book instanceof MemoryWorkbook ? book.ownedSheets() : book.ownedSheetNames();
  const meta = book instanceof ExcelJsWorkbook ? book.bookkeepingSheet() : undefined;
  const before = snap();
  let written: string[] = [];
  try {
    written = await book.writeResults(c.results);
  } catch (e) {
    verdict.error = e;
    verdict.outcome = isInputError(e) ? "input-error" : "crash";
  }
  const after = snap();
  // On success the add-in's own sheets that were written again may change; nothing else may.
  const mayChange = (sheet: string) =>
    verdict.outcome === "ok" &&
    written.includes(sheet) &&
    owned.some((o) => o.toLowerCase() === sheet.toLowerCase());
  const kept: Snapshot = new Map(
    [...before].filter(([sheet]) => !mayChange(sheet) && sheet !== meta)
  );
  verdict.changed = changedCells(kept, after);
  if (verdict.outcome === "ok" && book instanceof ExcelJsWorkbook) {
    verdict.problems.push(...tableProblems(book.workbook));
    // The file as the user gets it: well-formed XML (no control character), no cell over 32,767 characters, table
    // columns unique ignoring case.
    const file = await book.toXlsx();
    for (const problem of strictProblems(file).slice(0, 5))
      verdict.problems.push(`written file: ${problem}`);
    try {
      const again = await ExcelJsWorkbook.fromXlsx(file);
      for (const name of written) await again.readSheet(name);
    } catch (e) {
      verdict.problems.push(`saved workbook does not reopen: ${describeError(e)}`);
    }
  }
  return verdict;
}

// ---------------------------------------------------------------------------------------------------------------
// CLI commands: main(argv, io) on files in a temporary folder; exit 0 or 2 only, and the input file stays as it was.

export interface CliCase {
  model: WorkbookModel;
  /** Write the first sheet as CSV instead of the workbook as .xlsx. */
  csv: boolean;
  /** Arguments after the command name; "{file}" and "{out}" are replaced by the paths. */
  args: string[];
}

export interface CapturedIo extends CliIo {
  out: string[];
  err: string[];
}

export function captureIo(): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

let tmpRoot: string | undefined;

export async function tempDir(): Promise<string> {
  tmpRoot ??= await fs.mkdtemp(path.join(os.tmpdir(), "ntm-fuzz-"));
  return fs.mkdtemp(path.join(tmpRoot, "c-"));
}

export async function removeTemp(): Promise<void> {
  if (tmpRoot) await fs.rm(tmpRoot, { recursive: true, force: true });
  tmpRoot = undefined;
}

export async function judgeCommand(command: CliCommand, c: CliCase): Promise<Verdict> {
  const dir = await tempDir();
  const file = path.join(
    dir,
    c.csv ? `${c.model.sheets[0]?.name.trim() || "xa"}.csv` : "input.xlsx"
  );
  const out = path.join(dir, "out", "result.xlsx");
  const bytes = c.csv
    ? Buffer.from(toCsv(c.model.sheets[0]), "utf8")
    : Buffer.from(await toXlsxBytes(c.model));
  await fs.writeFile(file, bytes);
  // The input is the fuzz's, hostile on purpose; the result it writes is ours and is checked.
  notOurFile(file);
  const argv = [
    command.name,
    ...c.args.map((a) => a.replace("{file}", file).replace("{out}", out)),
  ];
  const io = captureIo();
  const verdict: Verdict = {
    target: `cli ${command.name}${c.csv ? " (csv)" : ""}`,
    outcome: "ok",
    changed: [],
    problems: [],
  };
  let code: number;
  try {
    code = await main(argv, io);
  } catch (e) {
    verdict.outcome = "crash";
    verdict.error = e;
    code = -1;
  }
  if (code === 1) {
    verdict.outcome = "crash";
    verdict.error = new Error(io.err.join("\n"));
  } else if (code === 2) {
    verdict.outcome = "input-error";
    const line = io.err.join("\n");
    verdict.error = new Error(line);
    if (io.err.length !== 1 || /[\r\n]/.test(line))
      verdict.problems.push("stderr is not exactly one line");
    if (/\n\s+at /.test(line)) verdict.problems.push("stack trace on stderr");
    if (!(line.includes("Cần") && line.includes("Expected")) && !line.includes("Cách dùng / Usage"))
      verdict.problems.push("stderr not in both languages");
    const named = /sheet '([^']*)'/.exec(line)?.[1];
    const sheets = c.csv ? [path.basename(file, ".csv")] : excelSheets(c.model).map((s) => s.name);
    if (
      named !== undefined &&
      sheets.some((s) => s.toLowerCase() === named.toLowerCase()) &&
      !line.includes("ô/cell ")
    )
      verdict.problems.push(`error from sheet '${named}' without a cell`);
  } else if (code === 0) {
    if (argv.includes("--json")) {
      try {
        const parsed = JSON.parse(io.out.join("\n"));
        if (
          io.out.length !== 1 ||
          typeof parsed !== "object" ||
          parsed === null ||
          Array.isArray(parsed)
        )
          verdict.problems.push("--json did not print exactly one object");
      } catch {
        verdict.problems.push("--json printed something that is not JSON");
      }
    }
    if (argv.includes(out)) {
      try {
        await ExcelJsWorkbook.fromXlsx(await fs.readFile(out));
      } catch (e) {
        verdict.problems.push(`--out wrote an unreadable file: ${(e as Error).message}`);
      }
    }
  } else if (code !== -1) verdict.problems.push(`exit code ${code}`);
  const after = await fs.readFile(file);
  if (!after.equals(bytes)) verdict.changed.push(`${path.basename(file)} (input file rewritten)`);
  await fs.rm(dir, { recursive: true, force: true });
  return verdict;
}

// ---------------------------------------------------------------------------------------------------------------
// Tallies for the fuzz runner

export interface Tally {
  cases: number;
  ok: number;
  inputErrors: number;
  cancelled: number;
  crashes: number;
  cellsChanged: number;
  problems: number;
  notes: number;
  byTarget: Map<
    string,
    { cases: number; ok: number; inputErrors: number; cancelled: number; crashes: number }
  >;
  /** First few failures, for the report. */
  failures: { target: string; seed?: number; what: string }[];
}

export function newTally(): Tally {
  return {
    cases: 0,
    ok: 0,
    inputErrors: 0,
    cancelled: 0,
    crashes: 0,
    cellsChanged: 0,
    problems: 0,
    notes: 0,
    byTarget: new Map(),
    failures: [],
  };
}

export function describeError(e: unknown): string {
  if (e instanceof Error) {
    const frame = (e.stack ?? "").split("\n").find((l) => /\/src\//.test(l));
    return `${e.name}: ${e.message.slice(0, 300)}${frame ? ` @ ${frame.trim()}` : ""}`;
  }
  return String(e).slice(0, 300);
}

export function record(t: Tally, v: Verdict, seed?: number): void {
  t.cases++;
  const target = v.target.replace(/ \(.*\)$/, "");
  const per = t.byTarget.get(target) ?? {
    cases: 0,
    ok: 0,
    inputErrors: 0,
    cancelled: 0,
    crashes: 0,
  };
  per.cases++;
  if (v.outcome === "ok") (t.ok++, per.ok++);
  if (v.outcome === "input-error") (t.inputErrors++, per.inputErrors++);
  if (v.outcome === "cancelled") (t.cancelled++, per.cancelled++);
  if (v.outcome === "crash") (t.crashes++, per.crashes++);
  t.byTarget.set(target, per);
  t.cellsChanged += v.changed.length;
  const hard = hardProblems(v);
  t.problems += hard.length;
  t.notes += v.problems.length - hard.length;
  const bad = v.outcome === "crash" || v.changed.length > 0 || v.problems.length > 0;
  if (bad && t.failures.length < 50) {
    const what = [
      v.outcome === "crash" ? `crash: ${describeError(v.error)}` : "",
      v.changed.length ? `changed: ${v.changed.slice(0, 5).join(", ")}` : "",
      v.problems.length
        ? `problems: ${v.problems.join("; ")}${v.error ? ` [${describeError(v.error)}]` : ""}`
        : "",
    ]
      .filter(Boolean)
      .join(" | ");
    t.failures.push({ target: v.target, seed, what });
  }
}

export function isClean(v: Verdict): boolean {
  return v.outcome !== "crash" && v.changed.length === 0 && hardProblems(v).length === 0;
}

/** For assertion messages in jest: what went wrong, readable. */
export function explain(v: Verdict): string {
  return `${v.target}: ${v.outcome}${v.error ? ` ${describeError(v.error)}` : ""}${
    v.changed.length ? ` changed ${v.changed.slice(0, 5).join(", ")}` : ""
  }${v.problems.length ? ` problems ${v.problems.join("; ")}` : ""}`;
}

export { InputError };

// ---------------------------------------------------------------------------------------------------------------
// Ambiguous numbers: "16,000" is 16 the Vietnamese way and 16000 the English way. A reader that picks one must say
// so (a Warning naming the cell) or refuse it (an InputError naming the cell); silence is the failure.

/** Text that reads as n under the Vietnamese convention and as something else under the English one. */
export function ambiguousText(n: number): string | null {
  if (Number.isInteger(n) && n >= 1000 && n <= 999_999) return viNumberText(n);
  const threeDecimals = Math.round(n * 1000) / 1000;
  if (Math.abs(n) < 1000 && Math.abs(threeDecimals - n) < 1e-12) {
    const [int, frac = ""] = String(Math.abs(threeDecimals)).split(".");
    return `${n < 0 ? "-" : ""}${int},${frac.padEnd(3, "0")}`;
  }
  return null;
}

export interface AmbiguityProbe {
  input: string;
  sheet: string;
  cell: string;
  text: string;
  outcome: "warned" | "rejected" | "silent" | "failed";
  detail?: string;
}

/**
 * Puts an ambiguous text in the first number of the column matching `column` in the sheet of input `inputId`,
 * runs the job and says whether the user was told. The model must be a valid workbook for the job.
 */
export async function probeAmbiguity(
  job: PlanningJob,
  model: WorkbookModel,
  inputId: string,
  column: RegExp,
  options: JobRequest["options"] = {}
): Promise<AmbiguityProbe | null> {
  const sheet = model.sheets.find((s) => s.role === inputId);
  if (!sheet) return null;
  const col = sheet.rows[sheet.headerRow].findIndex((h) => typeof h === "string" && column.test(h));
  if (col < 0) return null;
  for (let r = sheet.headerRow + 1; r < sheet.rows.length; r++) {
    const v = sheet.rows[r][col];
    const text = typeof v === "number" ? ambiguousText(v) : null;
    if (text === null) continue;
    sheet.rows[r][col] = text;
    const cell = a1(r, col);
    const book = toMemory(model);
    const inputs: JobRequest["inputs"] = {};
    for (const spec of job.inputs) {
      const own = model.sheets.find((s) => s.role === spec.id)?.name;
      if (spec.required || own) inputs[spec.id] = { workbook: book, sheet: own };
    }
    const probe = { input: inputId, sheet: sheet.name, cell, text };
    try {
      const result = await job.run({ inputs, options });
      const warned = result.warnings.some(
        (w) => w.cell === cell && (!w.sheet || w.sheet === sheet.name)
      );
      return { ...probe, outcome: warned ? "warned" : "silent" };
    } catch (e) {
      if (isInputError(e) && e.cell === cell) return { ...probe, outcome: "rejected" };
      return { ...probe, outcome: "failed", detail: describeError(e) };
    }
  }
  return null;
}
