// ExcelJS adapter: .xlsx and .csv workbooks for the CLI and the browser demo. No file system here: bytes in, bytes out.

import ExcelJS from "exceljs";
import Papa from "papaparse";
import { InputError } from "../../engine/errors";
import { a1, UNCALCULATED, type CellValue, type Grid, type MergedRange } from "../grid";
import { assertTableShape, layoutSheet, type OutputSheet } from "../output";
import {
  META_SHEET,
  findSheetName,
  freeSheetName,
  metaRows,
  missingSheetError,
  nextOwned,
  parseMeta,
  planSheets,
  uniqueTableName,
  type OwnedSheet,
  type SheetRef,
} from "../ownership";
import type { WorkbookPort, WriteOptions } from "../port";
import { decodeTextFile } from "./text-decode";

/** Converts what ExcelJS holds in a cell into a plain value (formulas give their cached result). */
export function fromExcelJsValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("error" in value) return { error: String(value.error) };
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("hyperlink" in value) return typeof value.text === "string" ? value.text : null;
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) {
        const formula = (value as ExcelJS.CellFormulaValue).formula;
        return { error: UNCALCULATED, ...(formula ? { formula: `=${formula}` } : {}) };
      }
      return fromExcelJsValue(result as ExcelJS.CellValue);
    }
  }
  return String(value);
}

/** The sheet's merged ranges, 0-based (ExcelJS keeps them by master address, 1-based). */
function mergedRanges(sheet: ExcelJS.Worksheet): MergedRange[] {
  const merges = (sheet as unknown as { _merges?: Record<string, { model: MergedRange }> })._merges;
  if (!merges) return [];
  return Object.values(merges).map(({ model }) => ({
    top: model.top - 1,
    left: model.left - 1,
    bottom: model.bottom - 1,
    right: model.right - 1,
  }));
}

function toExcelJsValue(value: CellValue): ExcelJS.CellValue {
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return { error: value.error as ExcelJS.CellErrorValue["error"] };
  }
  return typeof value === "string" ? xlsxText(value) : value;
}

/**
 * A string as stored in an .xlsx string cell. ExcelJS writes every string as a string cell, never a formula, but XML
 * loses a carriage return and cannot hold other control characters: they are written as Excel's _xHHHH_ escapes
 * (which Excel and ExcelJS decode), and text that already looks like such an escape has its "_" escaped.
 */
export function xlsxText(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_").replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
  );
}

/** A header or title the add-in chose: control characters (not allowed in a table column's name) become spaces. */
function plainText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001F\uFFFE\uFFFF]/g, " ");
}

/** Parses CSV text (UTF-8, with or without BOM, comma or semicolon separated) into rows of strings/nulls. */
export function parseCsv(text: string, sheet: string): CellValue[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, {
    skipEmptyLines: false,
    delimiter: guessDelimiter(body),
  });
  const fatal = parsed.errors.find((e) => e.type === "Quotes");
  if (fatal) {
    throw new InputError({
      sheet,
      cell: fatal.row !== undefined ? a1(fatal.row, 0) : undefined,
      found: fatal.message,
      expected: {
        vi: "tệp CSV có dấu ngoặc kép đóng mở đúng",
        en: "a CSV file with balanced quotes",
      },
    });
  }
  const rows = parsed.data.map((r) => r.map((c) => (c.trim() === "" ? null : c)));
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c === null)) rows.pop();
  return rows;
}

/**
 * The separator: the one found (outside quotes) on the most of the first lines. Title lines above the table have
 * none; an unquoted list "1,2,3" in a semicolon file has commas on some lines only.
 */
function guessDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/, 40)
    .map((l) => l.replace(/"[^"]*"/g, ""))
    .filter((l) => l.trim() !== "");
  const scores = ["\t", ";", ","].map((d) => ({
    d,
    lines: lines.filter((l) => l.includes(d)).length,
    n: lines.reduce((s, l) => s + l.split(d).length - 1, 0),
  }));
  scores.sort((a, b) => b.lines - a.lines || b.n - a.n);
  return scores[0].n > 0 ? scores[0].d : ",";
}

export class ExcelJsWorkbook implements WorkbookPort {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  static async fromXlsx(data: ArrayBuffer | Uint8Array): Promise<ExcelJsWorkbook> {
    const workbook = new ExcelJS.Workbook();
    try {
      // ExcelJS's typings want a Node Buffer; an ArrayBuffer works in both Node and the browser.
      const bytes =
        data instanceof Uint8Array
          ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)
          : data;
      await workbook.xlsx.load(
        bytes as ArrayBuffer as unknown as Parameters<typeof workbook.xlsx.load>[0]
      );
    } catch (e) {
      throw new InputError({
        found: e instanceof Error ? e.message : String(e),
        expected: { vi: "một tệp Excel .xlsx hợp lệ", en: "a valid Excel .xlsx file" },
      });
    }
    return new ExcelJsWorkbook(workbook);
  }

  /** A text file's bytes in any encoding offices save (see decodeTextFile) become a workbook of one sheet. */
  static fromTextBytes(bytes: Uint8Array, sheetName: string): ExcelJsWorkbook {
    return ExcelJsWorkbook.fromCsv(decodeTextFile(bytes).text, sheetName);
  }

  /** A CSV file becomes a workbook of one sheet named after the file. */
  static fromCsv(text: string, sheetName: string): ExcelJsWorkbook {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
    for (const row of parseCsv(text, sheetName)) sheet.addRow(row);
    return new ExcelJsWorkbook(workbook);
  }

  static empty(): ExcelJsWorkbook {
    return new ExcelJsWorkbook(new ExcelJS.Workbook());
  }

  async toXlsx(): Promise<Uint8Array> {
    const buffer = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  }

  /**
   * The add-in's bookkeeping sheet: a very hidden sheet whose first cell is the signature, whatever its name. A
   * visible sheet named "_NTM_META" is a user's and stays one.
   */
  private meta(): { sheet: ExcelJS.Worksheet; owned: OwnedSheet[] } | undefined {
    for (const sheet of this.workbook.worksheets) {
      if (sheet.state !== "veryHidden") continue;
      const rows: unknown[][] = [];
      sheet.eachRow((row, n) => {
        rows[n - 1] = [row.getCell(1).value, row.getCell(2).value];
      });
      const owned = parseMeta(rows);
      if (owned) return { sheet, owned };
    }
    return undefined;
  }

  /** Name of the bookkeeping sheet, when there is one (fuzzing and tests). */
  bookkeepingSheet(): string | undefined {
    return this.meta()?.sheet.name;
  }

  /** Names of the sheets the add-in owns (by identity and name). */
  ownedSheetNames(): string[] {
    const owned = this.meta()?.owned ?? [];
    return this.refs()
      .filter((r) => owned.some((o) => o.id === r.id && o.name === r.name))
      .map((r) => r.name);
  }

  /**
   * A sheet's identity in a file: ExcelJS and Excel give a deleted sheet's id to the next new sheet, so the id goes
   * with the names of the sheet's tables (unique in a workbook, and gone with the sheet).
   */
  private static identity(sheet: ExcelJS.Worksheet): string {
    const tables = sheet
      .getTables()
      .map((t) => (t as unknown as { name: string }).name)
      .sort();
    return `${sheet.id}/${tables.join("/")}`;
  }

  private refs(): SheetRef[] {
    const meta = this.meta()?.sheet;
    return this.workbook.worksheets
      .filter((w) => w !== meta)
      .map((w) => ({ id: ExcelJsWorkbook.identity(w), name: w.name }));
  }

  async sheetNames(): Promise<string[]> {
    const meta = this.meta()?.sheet;
    return this.workbook.worksheets.filter((w) => w !== meta).map((w) => w.name);
  }

  async hiddenSheets(): Promise<string[]> {
    const meta = this.meta()?.sheet;
    return this.workbook.worksheets
      .filter((w) => w !== meta && w.state !== "visible")
      .map((w) => w.name);
  }

  async readSheet(name: string): Promise<Grid> {
    const names = await this.sheetNames();
    const found = findSheetName(names, name);
    if (found === undefined) throw missingSheetError(name, names);
    const sheet = this.workbook.getWorksheet(found)!;
    const rows: CellValue[][] = [];
    const width = sheet.actualColumnCount > 0 ? sheet.columnCount : 0;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: CellValue[] = new Array(width).fill(null);
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.type === ExcelJS.ValueType.Merge) return; // the master cell holds the value
        values[colNumber - 1] = fromExcelJsValue(cell.value);
      });
      rows[rowNumber - 1] = values;
    });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = new Array(width).fill(null);
    const merges = mergedRanges(sheet);
    return {
      sheet: found,
      rows,
      origin: { row: 0, col: 0 },
      ...(merges.length > 0 ? { merges } : {}),
    };
  }

  async writeResults(outputs: OutputSheet[], options: WriteOptions = {}): Promise<string[]> {
    for (const output of outputs) for (const table of output.tables) assertTableShape(table);
    const own = options.owned !== false;
    const meta = this.meta();
    const owned = own ? (meta?.owned ?? []) : [];
    const plans = planSheets(
      outputs.map((o) => o.sheet),
      this.refs(),
      owned
    );
    for (const plan of plans) {
      if (plan.replace) this.workbook.removeWorksheet(this.workbook.getWorksheet(plan.name)!.id);
    }
    const tableNames = this.workbook.worksheets.flatMap((w) =>
      (w.getTables() as unknown as { name: string }[]).map((t) => t.name)
    );
    const added = outputs.map((output, i) => {
      const sheet = this.workbook.addWorksheet(plans[i].name);
      const widths: number[] = [];
      for (const { table, titleRow, headerRow } of layoutSheet(output)) {
        if (titleRow !== null) {
          const title = sheet.getCell(a1(titleRow, 0));
          title.value = table.title === undefined ? null : xlsxText(table.title);
          title.font = { bold: true, size: 12 };
        }
        const name = uniqueTableName(table.name, tableNames);
        tableNames.push(name);
        const rows = table.rows.length > 0 ? table.rows : [table.columns.map(() => null)];
        sheet.addTable({
          name,
          displayName: name,
          ref: a1(headerRow, 0),
          headerRow: true,
          style: { theme: "TableStyleMedium2", showRowStripes: true },
          columns: table.columns.map((c) => ({ name: plainText(c.header), filterButton: true })),
          rows: rows.map((r) => r.map(toExcelJsValue)),
        });
        table.columns.forEach((column, c) => {
          const texts = [column.header, ...table.rows.map((r) => formatForWidth(r[c]))];
          widths[c] = Math.max(widths[c] ?? 8, ...texts.map((t) => Math.min(t.length + 2, 60)));
          if (column.format) {
            for (let r = 0; r < rows.length; r++)
              sheet.getCell(a1(headerRow + 1 + r, c)).numFmt = column.format;
          }
        });
      }
      widths.forEach((w, c) => (sheet.getColumn(c + 1).width = w));
      const firstHeader = layoutSheet(output)[0]?.headerRow ?? 0;
      sheet.views = [{ state: "frozen", ySplit: firstHeader + 1, xSplit: 0 }];
      return sheet;
    });
    if (own) {
      const written = added.map((w) => ({ id: ExcelJsWorkbook.identity(w), name: w.name }));
      this.writeOwned(meta?.sheet, nextOwned(owned, this.refs(), written));
    }
    return plans.map((p) => p.name);
  }

  /** Rewrites the bookkeeping sheet, made very hidden under a free name the first time. */
  private writeOwned(existing: ExcelJS.Worksheet | undefined, owned: OwnedSheet[]): void {
    const name =
      existing?.name ??
      freeSheetName(
        META_SHEET,
        this.workbook.worksheets.map((w) => w.name)
      );
    if (existing) this.workbook.removeWorksheet(existing.id);
    const meta = this.workbook.addWorksheet(name, { state: "veryHidden" });
    for (const row of metaRows(owned)) meta.addRow(row.map(xlsxText));
  }
}

function formatForWidth(value: CellValue): string {
  if (typeof value === "number") return value.toLocaleString("vi-VN", { maximumFractionDigits: 2 });
  if (value === null) return "";
  return String(
    value instanceof Date
      ? value.toISOString().slice(0, 10)
      : typeof value === "object"
        ? value.error
        : value
  );
}
