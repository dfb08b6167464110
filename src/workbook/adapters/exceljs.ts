// ExcelJS adapter: .xlsx and .csv workbooks for the CLI and the browser demo. No file system here: bytes in, bytes out.

import ExcelJS from "exceljs";
import { InputError } from "../../engine/errors";
import {
  a1,
  checkGridSize,
  isCellError,
  UNCALCULATED,
  type CellValue,
  type Grid,
  type MergedRange,
} from "../grid";
import {
  assertTableShape,
  cellFormat,
  columnWidths,
  headerFooterCode,
  layoutSheet,
  printSetup,
  type OutputSheet,
} from "../output";
import {
  META_SHEET,
  editedNote,
  editedSheetName,
  findSheetName,
  freeSheetName,
  metaRows,
  missingSheetError,
  nextOwned,
  outputHash,
  mayBeBookkeeping,
  parseMeta,
  planSheets,
  uniqueTableName,
  valuesHash,
  type OwnedSheet,
  type SheetRef,
} from "../ownership";
import { safeOutputSheets } from "../output-text";
import { excelStoredText, tableColumnName, xlsxText } from "../xml-text";
import type { WorkbookPort, WriteOptions } from "../port";
import { csvRows, csvSheetName, parseCsv } from "./csv";
import { decodeTextFile } from "./text-decode";
import { emptyTextFormulas } from "./xlsx-formulas";
import { readXlsxParts, withoutDrawings, zipParts } from "./xlsx-guard";

export { csvSheetName, parseCsv };

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

/**
 * Hidden columns up to `width`, 0-based: hidden by hand, inside a collapsed outline group (saved hidden), or of
 * width 0. Read from the sheet's column definitions without creating any (getColumn would add them to the file).
 */
function hiddenColumns(sheet: ExcelJS.Worksheet, width: number): number[] {
  const columns = (sheet.columns ?? []) as (Partial<ExcelJS.Column> | undefined)[];
  const out: number[] = [];
  for (let c = 0; c < Math.min(width, columns.length); c++) {
    const column = columns[c];
    if (column && (column.hidden === true || column.width === 0)) out.push(c);
  }
  return out;
}

function toExcelJsValue(value: CellValue): ExcelJS.CellValue {
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return { error: value.error as ExcelJS.CellErrorValue["error"] };
  }
  return typeof value === "string" ? xlsxText(value) : value;
}

export class ExcelJsWorkbook implements WorkbookPort {
  /** Table names taken outside this workbook (a package grafted into a user's file: theirs). */
  private reservedTables: string[] = [];

  /**
   * Per worksheet, the formula cells saved with an empty text result (=IF(…;"";…) as Excel and LibreOffice save it),
   * which ExcelJS gives no result, as if uncalculated: they are read as blank.
   */
  private readonly emptyText = new WeakMap<ExcelJS.Worksheet, Set<string>>();

  constructor(
    readonly workbook: ExcelJS.Workbook,
    emptyText: ReadonlyMap<string, Set<string>> = new Map()
  ) {
    for (const [name, cells] of emptyText) {
      const sheet = workbook.getWorksheet(name);
      if (sheet) this.emptyText.set(sheet, cells);
    }
  }

  /** Table names the tables written here must not take (names are workbook-wide in Excel, ignoring case). */
  reserveTableNames(names: string[]): void {
    this.reservedTables = this.reservedTables.concat(names);
  }

  /**
   * Opens .xlsx bytes. The zip is checked first (sizes, inflate limits, no DOCTYPE: see xlsx-guard); a workbook
   * ExcelJS cannot load because of its comments or drawings is loaded again without them. Every refusal is an
   * InputError in both languages, never a library's message.
   */
  static async fromXlsx(
    data: ArrayBuffer | Uint8Array,
    options: { readOnly?: boolean } = {}
  ): Promise<ExcelJsWorkbook> {
    const all = readXlsxParts(data instanceof Uint8Array ? data : new Uint8Array(data));
    // A workbook opened only to be read (the CLI's inputs) needs no document properties (author, dates, custom
    // properties): ExcelJS parses each part on its own stream, a third of its time on a commune's one-sheet report.
    const parts = options.readOnly ? withoutDocumentProperties(all) : all;
    const emptyText = emptyTextFormulas(parts);
    try {
      return new ExcelJsWorkbook(await loadZip(zipParts(parts)), emptyText);
    } catch (first) {
      try {
        return new ExcelJsWorkbook(await loadZip(zipParts(withoutDrawings(parts))), emptyText);
      } catch {
        throw unreadableXlsx(first);
      }
    }
  }

  /** A text file's bytes in any encoding offices save (see decodeTextFile) become a workbook of one sheet. */
  static fromTextBytes(bytes: Uint8Array, sheetName: string): ExcelJsWorkbook {
    return ExcelJsWorkbook.fromCsv(decodeTextFile(bytes).text, sheetName);
  }

  /** A CSV file becomes a workbook of one sheet named after the file (as Excel allows a sheet name). */
  static fromCsv(text: string, sheetName: string): ExcelJsWorkbook {
    const rows = csvRows(text, sheetName);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(csvSheetName(sheetName));
    for (const row of rows) sheet.addRow(row);
    return new ExcelJsWorkbook(workbook);
  }

  static empty(): ExcelJsWorkbook {
    return new ExcelJsWorkbook(new ExcelJS.Workbook());
  }

  async toXlsx(): Promise<Uint8Array> {
    // ExcelJS reads Excel's "_x000B_" as U+000B but writes the character back raw, which no office program opens:
    // the user's texts go out as Excel stores them, and are put back as they were once the file is made.
    const restore = storeAsExcel(this.workbook);
    try {
      const buffer = await this.workbook.xlsx.writeBuffer();
      return new Uint8Array(buffer as ArrayBuffer);
    } finally {
      restore();
    }
  }

  /**
   * The add-in's bookkeeping sheet: a very hidden sheet whose first cell is the signature, whatever its name. A
   * visible sheet named "_NTM_META" is a user's and stays one.
   */
  private meta(): { sheet: ExcelJS.Worksheet; owned: OwnedSheet[] } | undefined {
    for (const sheet of this.workbook.worksheets) {
      if (!mayBeBookkeeping(sheet.state)) continue;
      const rows: unknown[][] = [];
      sheet.eachRow((row, n) => {
        rows[n - 1] = [row.getCell(1).value, row.getCell(2).value, row.getCell(3).value];
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

  /** The bookkeeping's records (identity, name, values hash), empty without bookkeeping. */
  ownedRecords(): OwnedSheet[] {
    return this.meta()?.owned ?? [];
  }

  /** The record of a sheet the add-in owns (by identity and name), if it is one. */
  ownedRecord(name: string): OwnedSheet | undefined {
    const owned = this.meta()?.owned ?? [];
    const ref = this.refs().find((r) => r.name === name);
    return ref && owned.find((o) => o.id === ref.id && o.name === ref.name);
  }

  /**
   * True when an owned sheet's values differ from those the add-in wrote (its recorded hash); false when they are
   * the same or no hash was recorded.
   */
  async editedSinceWritten(name: string): Promise<boolean> {
    const record = this.ownedRecord(name);
    if (!record?.hash) return false;
    return valuesHash(await this.readSheet(name)) !== record.hash;
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

  /** The sheet's cells as a grid from A1; its size is checked from the cells present before it is allocated. */
  async readSheet(name: string): Promise<Grid> {
    const names = await this.sheetNames();
    const found = findSheetName(names, name);
    if (found === undefined) throw missingSheetError(name, names);
    const sheet = this.workbook.getWorksheet(found)!;
    let height = 0;
    let width = 0;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      height = Math.max(height, rowNumber);
      row.eachCell({ includeEmpty: false }, (_cell, colNumber) => {
        width = Math.max(width, colNumber);
      });
    });
    checkGridSize(found, { row: 0, col: 0 }, height, width);
    const rows: CellValue[][] = [];
    const hiddenRows: number[] = [];
    const blanks = this.emptyText.get(sheet);
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      // Hidden by hand, shrunk to nothing, or filtered out: Excel saves each as a hidden row.
      if (row.hidden) hiddenRows.push(rowNumber - 1);
      const values: CellValue[] = new Array(width).fill(null);
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.type === ExcelJS.ValueType.Merge) return; // the master cell holds the value
        const value = fromExcelJsValue(cell.value);
        // A formula whose saved result is empty text is a blank cell, not an uncalculated one.
        values[colNumber - 1] =
          blanks && isCellError(value) && value.error === UNCALCULATED && blanks.has(cell.address)
            ? null
            : value;
      });
      rows[rowNumber - 1] = values;
    });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = new Array(width).fill(null);
    const merges = mergedRanges(sheet);
    const hiddenCols = hiddenColumns(sheet, width);
    return {
      sheet: found,
      rows,
      origin: { row: 0, col: 0 },
      ...(merges.length > 0 ? { merges } : {}),
      ...(hiddenRows.length > 0 ? { hiddenRows } : {}),
      ...(hiddenCols.length > 0 ? { hiddenCols } : {}),
    };
  }

  async writeResults(given: OutputSheet[], options: WriteOptions = {}): Promise<string[]> {
    for (const output of given) for (const table of output.tables) assertTableShape(table);
    // The output boundary (callers that show its warnings applied it already; a second pass changes nothing).
    const outputs = safeOutputSheets(given).sheets;
    const own = options.owned !== false;
    const meta = this.meta();
    const owned = own ? (meta?.owned ?? []) : [];
    const plans = planSheets(
      outputs.map((o) => o.sheet),
      this.refs(),
      owned
    );
    for (const plan of plans) {
      if (!plan.replace) continue;
      const old = this.workbook.getWorksheet(plan.name)!;
      if (await this.editedSinceWritten(plan.name)) {
        // The user changed our sheet: theirs stays, under a name of its own, and is no longer ours.
        const keptAs = editedSheetName(
          plan.name,
          this.workbook.worksheets.map((w) => w.name)
        );
        old.name = keptAs;
        options.onNote?.(editedNote(plan.name, keptAs));
      } else {
        this.workbook.removeWorksheet(old.id);
      }
    }
    const tableNames = this.workbook.worksheets
      .flatMap((w) => (w.getTables() as unknown as { name: string }[]).map((t) => t.name))
      .concat(this.reservedTables);
    const added = outputs.map((output, i) => {
      const sheet = this.workbook.addWorksheet(plans[i].name);
      for (const { table, titleRow, headerRow, col } of layoutSheet(output)) {
        if (titleRow !== null) {
          const title = sheet.getCell(a1(titleRow, col));
          title.value = table.title === undefined ? null : xlsxText(table.title);
          title.font = { bold: true, size: 12 };
        }
        const name = uniqueTableName(table.name, tableNames);
        tableNames.push(name);
        const rows = table.rows.length > 0 ? table.rows : [table.columns.map(() => null)];
        sheet.addTable({
          name,
          displayName: name,
          ref: a1(headerRow, col),
          headerRow: true,
          style: { theme: "TableStyleMedium2", showRowStripes: true },
          columns: table.columns.map((c) => ({
            name: tableColumnName(c.header),
            filterButton: true,
          })),
          rows: rows.map((r) => r.map(toExcelJsValue)),
        });
        table.columns.forEach((_column, c) => {
          for (let r = 0; r < table.rows.length; r++) {
            const format = cellFormat(table, r, c);
            if (format !== "General")
              sheet.getCell(a1(headerRow + 1 + r, col + c)).style = styleOf(format);
          }
        });
      }
      columnWidths(output).forEach((w, c) => {
        if (w !== undefined) sheet.getColumn(c + 1).width = w;
      });
      const firstHeader = layoutSheet(output)[0]?.headerRow ?? 0;
      sheet.views = [{ state: "frozen", ySplit: firstHeader + 1, xSplit: 0 }];
      const print = printSetup(output);
      sheet.pageSetup.paperSize = print.paperSize;
      sheet.pageSetup.orientation = print.orientation;
      sheet.pageSetup.fitToPage = true;
      sheet.pageSetup.fitToWidth = 1;
      sheet.pageSetup.fitToHeight = 0;
      if (print.repeatRows) {
        sheet.pageSetup.printTitlesRow = `${print.repeatRows.first + 1}:${print.repeatRows.last + 1}`;
      }
      sheet.headerFooter.oddHeader = headerFooterCode(print.header);
      sheet.headerFooter.oddFooter = headerFooterCode(print.footer);
      return sheet;
    });
    if (own) {
      const written = added.map((w, i) => ({
        id: ExcelJsWorkbook.identity(w),
        name: w.name,
        hash: outputHash(outputs[i]),
      }));
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

async function loadZip(zip: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's typings want a Node Buffer; an ArrayBuffer works in both Node and the browser.
  const bytes = zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength);
  await workbook.xlsx.load(
    bytes as ArrayBuffer as unknown as Parameters<typeof workbook.xlsx.load>[0]
  );
  return workbook;
}

function withoutDocumentProperties(parts: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(parts))
    if (!name.startsWith("docProps/")) out[name] = bytes;
  return out;
}

/** ExcelJS's failure in words a user can act on; its own message (JavaScript internals) is never shown. */
function unreadableXlsx(e: unknown): InputError {
  const message = e instanceof Error ? e.message : "";
  if (/out of bounds|invalid (row|column)/i.test(message)) {
    return new InputError({
      expected: {
        vi: "một tệp Excel .xlsx hợp lệ (có ô nằm ngoài giới hạn của Excel: 1.048.576 hàng, 16.384 cột)",
        en: "a valid Excel .xlsx file (a cell lies outside Excel's limits: 1,048,576 rows, 16,384 columns)",
      },
    });
  }
  return new InputError({
    expected: {
      vi: "một tệp Excel .xlsx hợp lệ (không đọc được cấu trúc của tệp: hãy mở bằng Excel rồi lưu lại)",
      en: "a valid Excel .xlsx file (its structure could not be read: open it in Excel and save it again)",
    },
  });
}

/**
 * One style object per number format, shared by every cell that has it. ExcelJS recognises a style object it has
 * seen (a WeakMap) instead of comparing a copy per cell: 130,000 rows × 9 columns of copies took most of the
 * write's time and a gigabyte. Nothing sets a font or a format on a single data cell afterwards, which would
 * change every cell sharing the object.
 */
const SHARED_STYLES = new Map<string, Partial<ExcelJS.Style>>();
function styleOf(numFmt: string): Partial<ExcelJS.Style> {
  let style = SHARED_STYLES.get(numFmt);
  if (!style) SHARED_STYLES.set(numFmt, (style = { numFmt }));
  return style;
}

/** Every text cell set to what Excel stores for it (excelStoredText); returns what puts them back. */
function storeAsExcel(workbook: ExcelJS.Workbook): () => void {
  const undo: (() => void)[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const value = cell.value;
        if (typeof value === "string") {
          const stored = excelStoredText(value);
          if (stored === null) return;
          cell.value = stored;
          undo.push(() => (cell.value = value));
        } else if (value && typeof value === "object" && "richText" in value) {
          const runs = value.richText.map((run) => {
            const stored = excelStoredText(run.text);
            return stored === null ? run : { ...run, text: stored };
          });
          if (runs.every((run, i) => run === value.richText[i])) return;
          cell.value = { ...value, richText: runs };
          undo.push(() => (cell.value = value));
        }
      })
    );
  }
  return () => {
    for (let i = undo.length - 1; i >= 0; i--) undo[i]();
  };
}
