// Office.js adapter: the only module that calls Excel.run and context.sync. Batched reads and chunked writes.

import type { Bilingual } from "../../engine/errors";
import { a1, checkGridSize, columnIndex, type CellValue, type Grid } from "../grid";
import {
  assertTableShape,
  cellFormat,
  layoutSheet,
  printSetup,
  type OutputChart,
  type OutputSheet,
  type OutputTable,
  type PrintSetup,
} from "../output";
import {
  META_SHEET,
  META_SIGNATURE,
  editedNote,
  editedSheetName,
  freeSheetName,
  mayBeBookkeeping,
  metaRows,
  missingSheetError,
  nextOwned,
  outputHash,
  parseMeta,
  planSheets,
  safeSheetName,
  uniqueTableName,
  valuesHash,
  type OwnedSheet,
  type SheetRef,
} from "../ownership";
import { safeOutputSheets } from "../output-text";
import type { WorkbookPort, WriteOptions } from "../port";

/** getRangeByIndexes and freezePanes need 1.7; getUsedRangeOrNullObject and getItemOrNullObject need 1.4. */
export const REQUIRED_EXCEL_API = "1.7";
export const PAGE_LAYOUT_API = "1.9";
/** Range.getSpecialCellsOrNullObject("Visible") (hidden and filtered-out rows and columns) needs 1.9. */
export const VISIBLE_CELLS_API = "1.9";
/** RangeAreas.select: several areas selected at once (Worksheet.getRanges alone is 1.9). */
export const RANGE_AREAS_API = "1.18";

/** Excel on the web rejects a request over 5 MB; stay well below it per sync. */
export const MAX_REQUEST_BYTES = 4_000_000;

/**
 * Cells read per sync: values and number formats take about 15 bytes a cell in a response (measured in the
 * benchmark for short texts and marks), so 300,000 cells (10,000 rows × 30 columns) stay under the 5 MB limit of
 * Excel on the web. A sheet with long texts in most cells can pass it; blocks are not sized by content (yet).
 */
export const MAX_READ_CELLS = 300_000;

export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Raised when this Excel is too old for the add-in; the message is bilingual and says what to do. */
export class RequirementError extends Error {
  constructor(readonly set: string) {
    super(
      `Phiên bản Excel này chưa hỗ trợ ExcelApi ${set}; hãy cập nhật Office hoặc dùng Excel trên web. / ` +
        `This Excel does not support ExcelApi ${set}; update Office or use Excel on the web.`
    );
    this.name = "RequirementError";
  }
}

/** Top-left cell of an address such as "'Nguồn vốn'!B2:D15" as 0-based row and column. */
export function originOfAddress(address: string): { row: number; col: number } {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const match = /^\$?([A-Za-z]+)\$?(\d+)/.exec(local);
  if (!match) return { row: 0, col: 0 };
  return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
}

/** True for number formats that show a date or time (quoted text, [colour] and escaped characters ignored). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string") return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return bare.toLowerCase() !== "general" && /[dmyhs]/i.test(bare);
}

/**
 * Hidden rows and columns of a used range (0-based sheet coordinates) from the address of its visible cells
 * ("'Xã'!A1:F3,'Xã'!A6:F9"; null when no cell is visible): a row or column no visible block covers is hidden.
 */
export function hiddenFromVisible(
  address: string | null,
  origin: { row: number; col: number },
  rowCount: number,
  columnCount: number
): { rows: number[]; cols: number[] } {
  const shownRows = new Uint8Array(rowCount);
  const shownCols = new Uint8Array(columnCount);
  // Sheet names (quoted ones may hold commas and "!") are dropped before the blocks are split.
  const local = (address ?? "").replace(/'(?:[^']|'')*'!/g, "").replace(/[^,!']+!/g, "");
  for (const part of local.split(",")) {
    const m = /^\s*\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?\s*$/.exec(part);
    if (!m) continue;
    const top = Number(m[2]) - 1 - origin.row;
    const bottom = Number(m[4] ?? m[2]) - 1 - origin.row;
    const left = columnIndex(m[1]) - origin.col;
    const right = columnIndex(m[3] ?? m[1]) - origin.col;
    for (let r = Math.max(0, top); r <= Math.min(rowCount - 1, bottom); r++) shownRows[r] = 1;
    for (let c = Math.max(0, left); c <= Math.min(columnCount - 1, right); c++) shownCols[c] = 1;
  }
  const rows: number[] = [];
  const cols: number[] = [];
  shownRows.forEach((shown, r) => shown || rows.push(origin.row + r));
  shownCols.forEach((shown, c) => shown || cols.push(origin.col + c));
  return { rows, cols };
}

/** Excel's serial date (1900 system) as a UTC Date. */
export function dateFromSerial(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
}

/** The error values Excel shows in a cell; Office.js reports them as these strings. */
const EXCEL_ERRORS =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)$/;

/**
 * One cell as Office.js reports it (value and number format) turned into a plain value. Value types are not loaded
 * (they would double the response): an error shows as its "#REF!"-style text, a date as a date-formatted number.
 */
export function fromOfficeValue(value: unknown, format: unknown): CellValue {
  if (typeof value === "number") return isDateFormat(format) ? dateFromSerial(value) : value;
  if (typeof value === "boolean") return value;
  if (value === "" || value === null || value === undefined) return null;
  const text = String(value);
  return EXCEL_ERRORS.test(text) ? { error: text } : text;
}

/**
 * A plain value as Office.js writes it. The one way we write text: Excel's text prefix, an apostrophe that is not part
 * of the value, on every non-empty string, in a cell whose number format is not text (see textCellFormat).
 * - Range.values: "If the provided value starts with a plus (+), minus (-), or equal sign (=), Excel interprets this
 *   value as a formula" (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member);
 *   a value is taken as if typed, so "5%" and "00123" become numbers.
 * - A leading apostrophe stores what follows as text and is not shown: Range("A1").Value = "'1" is Microsoft's own
 *   example of a number stored as text (https://learn.microsoft.com/office/vba/api/excel.errorcheckingoptions.numberastext).
 * - Not with the text format "@" as well: in a text-formatted cell the apostrophe can stay part of the value.
 * (Range.valuesAsJson with a String cell value would say it without a prefix, but needs ExcelApi 1.16; we ask 1.7.)
 */
export function toOfficeValue(value: CellValue): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") return value.error;
  if (typeof value === "string") return value === "" ? "" : `'${value}`;
  return value;
}

/** The number format a body cell is written with: a string's text format "@" is left out (see toOfficeValue). */
export function textCellFormat(value: CellValue, format: string): string {
  return typeof value === "string" && value !== "" && format === "@" ? "General" : format;
}

/** Rough size of what a write of these rows adds to a request (JSON of values and formats). */
export function estimateBytes(values: unknown[][], formats: unknown[][]): number {
  let bytes = 0;
  for (const row of values)
    for (const v of row) bytes += (typeof v === "string" ? v.length * 2 : 8) + 4; // UTF-8 worst case for Vietnamese
  for (const row of formats) for (const f of row) bytes += String(f).length + 4;
  return bytes;
}

interface Block {
  row: number;
  values: (string | number | boolean)[][];
  formats: string[][];
  bytes: number;
}

/** Cuts a table body into blocks of rows that each stay under the request budget. */
export function chunkRows(
  startRow: number,
  values: (string | number | boolean)[][],
  formats: string[][],
  budget = MAX_REQUEST_BYTES
): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  values.forEach((row, i) => {
    const bytes = estimateBytes([row], [formats[i]]);
    if (!current || (current.bytes + bytes > budget && current.values.length > 0)) {
      current = { row: startRow + i, values: [], formats: [], bytes: 0 };
      blocks.push(current);
    }
    current.values.push(row);
    current.formats.push(formats[i]);
    current.bytes += bytes;
  });
  return blocks;
}

/** The error Office.js raises at sync when getItem names a sheet that does not exist. */
const CHART_TYPES: Record<OutputChart["type"], string> = {
  column: "ColumnClustered",
  pie: "Pie",
  line: "Line",
};

/**
 * A native chart to the right of a table, in the same batch as the table (no extra sync).
 * @apiset ExcelApi 1.7 (series.add, setValues): called only by OfficeJsWorkbook, which exists only from 1.7
 */
function addChart(
  sheet: Excel.Worksheet,
  table: OutputTable,
  chart: OutputChart,
  headerRow: number,
  bodyRows: number,
  tableCol: number,
  at: { row: number; col: number }
): void {
  const first = headerRow + 1 + (chart.rows?.first ?? 0);
  const count = Math.max(1, Math.min(chart.rows?.count ?? bodyRows, bodyRows));
  const column = (col: number) => sheet.getRangeByIndexes(first, tableCol + col, count, 1);
  const added = sheet.charts.add(
    CHART_TYPES[chart.type] as Excel.ChartType,
    column(chart.series[0]),
    "Columns" as Excel.ChartSeriesBy
  );
  added.title.text = chart.title;
  chart.series.forEach((col, i) => {
    const series = i === 0 ? added.series.getItemAt(0) : added.series.add();
    if (i > 0) series.setValues(column(col));
    series.name = table.columns[col].header;
    series.setXAxisValues(column(chart.categories));
  });
  // Right of every table of the sheet, so a chart never covers a table placed beside the first.
  added.setPosition(sheet.getRangeByIndexes(at.row, at.col, 1, 1));
}

/**
 * A4, fit to the page width, the header row on every page, the title and unit on top, page numbers below.
 * @apiset ExcelApi 1.9 (Worksheet.pageLayout): called only where isSetSupported("ExcelApi", PAGE_LAYOUT_API)
 */
function setPageLayout(sheet: Excel.Worksheet, print: PrintSetup): void {
  const layout = sheet.pageLayout;
  layout.paperSize = "A4" as Excel.PaperType;
  layout.orientation = (
    print.orientation === "landscape" ? "Landscape" : "Portrait"
  ) as Excel.PageOrientation;
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.repeatRows) {
    layout.setPrintTitleRows(`$${print.repeatRows.first + 1}:$${print.repeatRows.last + 1}`);
  }
  const pages = layout.headersFooters.defaultForAllPages;
  pages.centerHeader = print.header.center;
  pages.rightHeader = print.header.right;
  pages.centerFooter = print.footer.center;
}

/** A sheet as listed with items/name,items/id,items/visibility. */
interface SheetItem {
  id: string;
  name: string;
  visibility: Excel.SheetVisibility | string;
}

function isItemNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "ItemNotFound";
}

export class OfficeJsWorkbook implements WorkbookPort {
  /**
   * The bookkeeping sheet's Worksheet.id as last seen (null: there was none; undefined: not looked yet). Knowing it
   * lets a write read the owned-sheet list in its first sync. Methods are never called on a null object.
   */
  private metaId: string | null | undefined;
  /** Page layout (paper, orientation, print titles, headers) needs ExcelApi 1.9; older Excel prints its defaults. */
  private readonly pageLayout: boolean;
  /** Hidden rows and columns are read from the used range's visible cells (ExcelApi 1.9); older Excel reports none. */
  private readonly visibleCells: boolean;
  /** Selecting several areas at once (RangeAreas.select) needs ExcelApi 1.18; older Excel selects the first. */
  private readonly rangeAreas: boolean;

  constructor(requirements: Requirements = Office.context.requirements) {
    if (!requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API)) {
      throw new RequirementError(REQUIRED_EXCEL_API);
    }
    this.pageLayout = requirements.isSetSupported("ExcelApi", PAGE_LAYOUT_API);
    this.visibleCells = requirements.isSetSupported("ExcelApi", VISIBLE_CELLS_API);
    this.rangeAreas = requirements.isSetSupported("ExcelApi", RANGE_AREAS_API);
  }

  /**
   * The bookkeeping sheet among the listed sheets: the one last seen, else a very hidden or hidden sheet (LibreOffice
   * saves very hidden as hidden) holding our bookkeeping under its signature (one more sync, only when there are
   * hidden sheets). Never found by its name; the next write makes it very hidden again.
   */
  private async findMeta(
    context: Excel.RequestContext,
    items: SheetItem[]
  ): Promise<{ id: string; range: Excel.Range | null } | null> {
    const known = items.find((s) => s.id === this.metaId);
    if (known) return { id: known.id, range: null };
    const candidates = items
      .filter((s) => mayBeBookkeeping(s.visibility))
      .map((s) => {
        const range = context.workbook.worksheets.getItem(s.id).getUsedRangeOrNullObject(true);
        range.load("values");
        return { id: s.id, range };
      });
    if (candidates.length > 0) await context.sync();
    const found = candidates.find((c) => !c.range.isNullObject && parseMeta(c.range.values));
    this.metaId = found?.id ?? null;
    return found ?? null;
  }

  async sheetNames(): Promise<string[]> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id,items/visibility");
      await context.sync();
      const meta = await this.findMeta(context, sheets.items);
      return sheets.items.filter((s) => s.id !== meta?.id).map((s) => s.name);
    });
  }

  /** Hidden and very hidden sheets, in one sync (visibility is a plain property of the sheet collection's items). */
  async hiddenSheets(): Promise<string[]> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      await context.sync();
      return sheets.items
        .filter((s) => s.name !== META_SHEET && s.visibility !== "Visible")
        .map((s) => s.name);
    });
  }

  /**
   * Two syncs: the used range's address and size, then its values and formats (in row blocks if huge) with the
   * address of its visible cells, from which the hidden rows and columns follow (no sync of their own).
   */
  async readSheet(name: string): Promise<Grid> {
    let grid: Grid | "meta";
    try {
      grid = await this.readExisting(name);
    } catch (e) {
      if (isItemNotFound(e)) throw missingSheetError(name, await this.sheetNames());
      throw e;
    }
    // The bookkeeping sheet is not the user's data: as if it were not there.
    if (grid === "meta") throw missingSheetError(name, await this.sheetNames());
    return grid;
  }

  /**
   * Activates the sheet and selects the range, in one sync: what the reading panel shows when an item is chosen.
   * "6:85, 88:90" selects every area with ExcelApi 1.18 (RangeAreas.select), only the first before it.
   */
  async selectRange(name: string, address: string): Promise<void> {
    const areas = address
      .split(",")
      .map((a) => a.trim())
      .filter((a) => a !== "");
    if (areas.length === 0) return;
    try {
      await Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(name);
        sheet.activate();
        if (areas.length > 1 && this.rangeAreas) sheet.getRanges(areas.join(", ")).select();
        else sheet.getRange(areas[0]).select();
        await context.sync();
      });
    } catch (e) {
      if (isItemNotFound(e)) throw missingSheetError(name, await this.sheetNames());
      throw e;
    }
  }

  private async readExisting(name: string): Promise<Grid | "meta"> {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name); // case-insensitive, as Excel compares names
      sheet.load("name,id,visibility");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("address,rowCount,columnCount");
      await context.sync();
      if (used.isNullObject) return { sheet: sheet.name, rows: [], origin: { row: 0, col: 0 } };
      if (sheet.id === this.metaId) return "meta";
      const origin = originOfAddress(used.address);
      const { rowCount, columnCount } = used;
      // A stray cell far away would make the used range billions of cells: refused before anything is read.
      checkGridSize(sheet.name, origin, rowCount, columnCount);
      const rowsPerBlock = Math.max(1, Math.floor(MAX_READ_CELLS / Math.max(columnCount, 1)));
      // Answered with the first block: one address, a few bytes per visible block of cells.
      const visibleCells: Excel.RangeAreas[] = [];
      if (this.visibleCells) {
        const visible = used.getSpecialCellsOrNullObject("Visible");
        visible.load("address");
        visibleCells.push(visible);
      }
      const rows: CellValue[][] = [];
      for (let start = 0; start < rowCount; start += rowsPerBlock) {
        const count = Math.min(rowsPerBlock, rowCount - start);
        const block =
          count === rowCount
            ? used
            : sheet.getRangeByIndexes(origin.row + start, origin.col, count, columnCount);
        block.load("values,numberFormat");
        // One block for sheets under MAX_READ_CELLS; only huge sheets need a response per block.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        const formats = block.numberFormat;
        block.values.forEach((row, r) =>
          rows.push(row.map((v, c) => fromOfficeValue(v, formats[r][c])))
        );
      }
      if (mayBeBookkeeping(sheet.visibility) && rows[0]?.[0] === META_SIGNATURE) return "meta";
      let hidden: { rows: number[]; cols: number[] } = { rows: [], cols: [] };
      if (this.visibleCells) {
        for (const visible of visibleCells) {
          const address = visible.isNullObject ? null : visible.address;
          hidden = hiddenFromVisible(address, origin, rowCount, columnCount);
        }
      }
      return {
        sheet: sheet.name,
        rows,
        origin,
        ...(hidden.rows.length > 0 ? { hiddenRows: hidden.rows } : {}),
        ...(hidden.cols.length > 0 ? { hiddenCols: hidden.cols } : {}),
      };
    });
  }

  /**
   * One batch of two syncs: the first learns the sheets, the owned sheets and the table names and adds the result
   * sheets blank (their ids come back with it); the second writes the tables and records the new sheets' ids with
   * their names in the bookkeeping sheet. Writes whose queued data would pass the request budget sync in between.
   * Nothing is written when the results are malformed; the blank sheets are removed again if the batch fails.
   */
  async writeResults(given: OutputSheet[], options: WriteOptions = {}): Promise<string[]> {
    for (const output of given) for (const table of output.tables) assertTableShape(table);
    // The output boundary (the pane applied it already to show its warnings; a second pass changes nothing).
    const outputs = safeOutputSheets(given).sheets;
    if (outputs.length === 0) return [];
    const own = options.owned !== false;
    try {
      return await this.writeBatch(outputs, own, options.onNote);
    } catch (e) {
      // The bookkeeping sheet went away since it was last seen: learn the workbook again. (Its read is queued before
      // anything else of the batch, so a failing read leaves the workbook as it was.)
      if (!isItemNotFound(e) || !this.metaId) throw e;
      this.metaId = undefined;
      return this.writeBatch(outputs, own, options.onNote);
    }
  }

  private async writeBatch(
    outputs: OutputSheet[],
    own: boolean,
    onNote?: (note: Bilingual) => void
  ): Promise<string[]> {
    return Excel.run(async (context) => {
      const workbook = context.workbook;
      const sheets = workbook.worksheets;
      let metaUsed: Excel.Range | null = null;
      if (own && this.metaId) {
        metaUsed = sheets.getItem(this.metaId).getUsedRangeOrNullObject(true);
        metaUsed.load("values");
      }
      sheets.load("items/name,items/id,items/visibility");
      const tables = workbook.tables;
      tables.load("items/name,items/worksheet/name");
      // The size of each sheet a result may replace, so that a re-run can compare it with what was written (fill).
      const sizes = own
        ? outputs.map((o) => {
            const used = sheets
              .getItemOrNullObject(safeSheetName(o.sheet))
              .getUsedRangeOrNullObject(true);
            used.load("address,rowCount,columnCount");
            return used;
          })
        : [];
      // Added now, named in the second sync: their ids are then known when the bookkeeping sheet is written.
      const added = outputs.map(() => {
        const sheet = sheets.add();
        sheet.load("id,name");
        return sheet;
      });
      await context.sync();
      // Every sheet this batch adds (a new bookkeeping sheet joins them): removed again if the batch fails.
      const created = [...added];
      try {
        return await this.fill(context, outputs, own, added, metaUsed, created, sizes, onNote);
      } catch (e) {
        // Not a half-written result: the sheets this batch added go again (best effort; the first error is the news).
        try {
          created.forEach((sheet) => sheet.delete());
          await context.sync();
        } catch {
          // the workbook may refuse (e.g. the last visible sheet); the original error matters more
        }
        throw e;
      }
    });
  }

  /** The second sync of a write: names the added sheets, writes the tables and the bookkeeping sheet. */
  private async fill(
    context: Excel.RequestContext,
    outputs: OutputSheet[],
    own: boolean,
    added: Excel.Worksheet[],
    metaRange: Excel.Range | null,
    created: Excel.Worksheet[],
    sizes: Excel.Range[],
    onNote?: (note: Bilingual) => void
  ): Promise<string[]> {
    const sheets = context.workbook.worksheets;
    const tables = context.workbook.tables;
    let metaUsed = metaRange;
    const addedIds = new Set(added.map((s) => s.id));
    const listed = sheets.items.filter((s) => !addedIds.has(s.id));
    // A template (not owned) needs no bookkeeping: nothing of the workbook is ever replaced for it.
    const meta = own ? await this.findMeta(context, listed) : null;
    if (meta?.range) metaUsed = meta.range;
    const owned: OwnedSheet[] =
      metaUsed && !metaUsed.isNullObject ? (parseMeta(metaUsed.values) ?? []) : [];
    const existing: SheetRef[] = listed
      .filter((s) => s.id !== meta?.id)
      .map((s) => ({ id: s.id, name: s.name }));
    // The blank sheets' own names are taken too until they are renamed.
    const plans = planSheets(
      outputs.map((o) => o.sheet),
      existing.concat(added.map((s) => ({ id: s.id, name: s.name }))),
      owned
    );
    // A result sheet the user changed since it was written (its values no longer hash to the record) is kept under
    // a name of its own and is no longer ours: one more sync reads the sheets to compare (in blocks, if huge).
    const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    const edited = new Map<string, string>(); // old sheet id → the name it is kept under
    const checks: { old: SheetRef; hash: string; blocks: { range: Excel.Range; row: number }[] }[] =
      [];
    const origins = new Map<string, { row: number; col: number }>();
    // The sizes were loaded by the result's own name; a result redirected to another sheet ("KQ_TongHop (2)", the
    // user's sheet holding the name) is measured on that sheet, never on the user's.
    const measured = plans.map((plan, i) => {
      const old = plan.replace ? existing.find((e) => sameName(e.name, plan.name)) : undefined;
      if (!old || sameName(old.name, safeSheetName(outputs[i].sheet))) return sizes[i];
      const used = sheets.getItem(old.id).getUsedRangeOrNullObject(true);
      used.load("address,rowCount,columnCount");
      return used;
    });
    if (measured.some((m, i) => m !== sizes[i])) await context.sync();
    plans.forEach((plan, i) => {
      if (!plan.replace) return;
      const old = existing.find((e) => sameName(e.name, plan.name));
      const record = old && owned.find((o) => o.id === old.id);
      const size = measured[i];
      if (!old || !record?.hash || !size || size.isNullObject) return;
      const origin = originOfAddress(size.address);
      origins.set(old.id, origin);
      const rowsPerBlock = Math.max(1, Math.floor(MAX_READ_CELLS / Math.max(size.columnCount, 1)));
      const blocks: { range: Excel.Range; row: number }[] = [];
      for (let start = 0; start < size.rowCount; start += rowsPerBlock) {
        const count = Math.min(rowsPerBlock, size.rowCount - start);
        const range = sheets
          .getItem(old.id)
          .getRangeByIndexes(origin.row + start, origin.col, count, size.columnCount);
        range.load("values,numberFormat");
        blocks.push({ range, row: start });
      }
      checks.push({ old, hash: record.hash, blocks });
    });
    if (checks.length > 0) await context.sync();
    for (const check of checks) {
      const rows: CellValue[][] = [];
      for (const { range } of check.blocks) {
        const formats = range.numberFormat;
        range.values.forEach((row, r) =>
          rows.push(row.map((v, c) => fromOfficeValue(v, formats[r][c])))
        );
      }
      const grid = { sheet: check.old.name, rows, origin: origins.get(check.old.id)! };
      if (valuesHash(grid) === check.hash) continue;
      const keptAs = editedSheetName(
        check.old.name,
        listed
          .map((s) => s.name)
          .concat([...edited.values()])
          .concat(plans.map((p) => p.name))
      );
      edited.set(check.old.id, keptAs);
      onNote?.(editedNote(check.old.name, keptAs));
    }
    const replaced = new Set(
      plans
        .filter((p) => p.replace)
        .map((p) => p.name)
        .filter((name) => !existing.some((e) => sameName(e.name, name) && edited.has(e.id)))
    );
    const tableNames = tables.items
      .filter((t) => !replaced.has(t.worksheet.name))
      .map((t) => t.name);

    let queued = 0;
    const budgetFor = async (bytes: number): Promise<void> => {
      if (queued > 0 && queued + bytes > MAX_REQUEST_BYTES) {
        await context.sync();
        queued = 0;
      }
      queued += bytes;
    };

    for (let i = 0; i < outputs.length; i++) {
      const output = outputs[i];
      const plan = plans[i];
      // Added before the old one goes: Excel refuses to delete the last visible sheet.
      const sheet = added[i];
      const old = plan.replace ? existing.find((e) => sameName(e.name, plan.name)) : undefined;
      if (old && edited.has(old.id)) sheets.getItem(old.id).name = edited.get(old.id)!;
      else if (old) sheets.getItem(old.id).delete();
      sheet.name = plan.name;
      const placed = layoutSheet(output);
      let width = 1;
      let height = 0;
      const last = placed[placed.length - 1];
      const chartCol = last ? last.col + last.table.columns.length + 1 : 0;
      let charts = 0;
      for (const { table, titleRow, headerRow, col } of placed) {
        const columns = table.columns.length;
        width = Math.max(width, col + columns);
        if (titleRow !== null) {
          const title = sheet.getRangeByIndexes(titleRow, col, 1, 1);
          title.values = [[toOfficeValue(table.title ?? "")]];
          title.format.font.bold = true;
        }
        const body = table.rows.length > 0 ? table.rows : [table.columns.map(() => null)];
        const header = sheet.getRangeByIndexes(headerRow, col, 1, columns);
        header.values = [table.columns.map((c) => toOfficeValue(c.header))];
        const blocks = chunkRows(
          headerRow + 1,
          body.map((r) => r.map(toOfficeValue)),
          body.map((r, i) => r.map((v, c) => textCellFormat(v, cellFormat(table, i, c))))
        );
        for (const block of blocks) {
          await budgetFor(block.bytes);
          const range = sheet.getRangeByIndexes(block.row, col, block.values.length, columns);
          range.numberFormat = block.formats;
          range.values = block.values;
        }
        const name = uniqueTableName(table.name, tableNames);
        tableNames.push(name);
        const native = sheet.tables.add(
          `${a1(headerRow, col)}:${a1(headerRow + body.length, col + columns - 1)}`,
          true
        );
        native.name = name;
        native.style = "TableStyleMedium2";
        if (table.chart) {
          // Charts stand right of every table, one under the other (about 16 rows each).
          const at = { row: headerRow + 16 * charts++, col: chartCol };
          addChart(sheet, table, table.chart, headerRow, body.length, col, at);
        }
        height = Math.max(height, headerRow + body.length + 1);
      }
      sheet.getRangeByIndexes(0, 0, Math.max(height, 1), width).format.autofitColumns();
      sheet.freezePanes.freezeRows((placed[0]?.headerRow ?? 0) + 1);
      if (this.pageLayout) setPageLayout(sheet, printSetup(output));
      if (i === 0) sheet.activate(); // show the user the first result
    }

    let metaSheet: Excel.Worksheet | null = null;
    if (own) {
      // In the same request: the new sheets' ids came back with the first sync.
      const written = added.map((sheet, i) => ({
        id: sheet.id,
        name: plans[i].name,
        hash: outputHash(outputs[i]),
      }));
      const remaining = existing.filter(
        (e) => !plans.some((p) => p.replace && sameName(p.name, e.name))
      );
      const rows = metaRows(nextOwned(owned, remaining, written));
      if (meta) {
        metaSheet = sheets.getItem(meta.id);
        if (metaUsed && !metaUsed.isNullObject) metaUsed.clear();
      } else {
        metaSheet = sheets.add(
          freeSheetName(META_SHEET, listed.map((s) => s.name).concat(plans.map((p) => p.name)))
        );
        metaSheet.load("id");
        created.push(metaSheet);
      }
      metaSheet.getRangeByIndexes(0, 0, rows.length, rows[0].length).values = rows.map((r) =>
        r.map(toOfficeValue)
      );
      metaSheet.visibility = "VeryHidden";
    }
    await context.sync();
    if (metaSheet) this.metaId = meta?.id ?? metaSheet.id;
    return plans.map((p) => p.name);
  }
}
