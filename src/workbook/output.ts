// Result tables as the add-in writes them: Vietnamese headers, Excel number formats, one sheet per result.

import type { SourceRef } from "../engine/types";
import type { CellValue } from "./grid";
import { EXCEL_CELL_LIMIT, hasNonXml, xmlText } from "./xml-text";

/**
 * The Excel number format of each kind of figure in a result sheet: the one table every writer takes its formats
 * from. The codes use Excel's placeholders ("," groups thousands, "." marks decimals), which Excel shows with the
 * user's separators: "#,##0" is 3.602.312 in a Vietnamese Excel and 3,602,312 in an English one. No figure is left
 * General (see cellFormat).
 */
export const FORMATS = {
  /** Communes, criteria, indicators, row numbers, commune groups: whole, "72" never "72,00". */
  count: "#,##0",
  /** Money (million VND) in whole units; moneyFormat(decimals) when the input has decimals. */
  money: "#,##0",
  /** Averages (criteria per commune) and anything shown to two decimals: 18,63. */
  average: "#,##0.00",
  /** Coefficients of an allocation and other multipliers: 1,50. */
  coefficient: "#,##0.00",
  /** Counterpart ratios (local ÷ central): 0,243. */
  ratio: "#,##0.000",
  /** Shares as percentages, two decimals (6,21%); shareFormat(decimals) for another precision. */
  share: "0.00%",
  /** Years: 2024, never grouped as 2.024. */
  year: "0",
  /** Codes and text that look like numbers ("01", "2.1"): kept as typed. */
  text: "@",
  /** @deprecated the older names, for code not yet saying which kind: integer is count or money. */
  integer: "#,##0",
  /** @deprecated average or coefficient. */
  decimal2: "#,##0.00",
  /** @deprecated ratio. */
  decimal3: "#,##0.000",
  /** @deprecated share. */
  percent: "0.00%",
} as const;

/** Money with this many decimals: 0 → "#,##0", 3 → "#,##0.000" (an amount in tỷ đồng). */
export function moneyFormat(decimals: number): string {
  return decimals <= 0 ? FORMATS.money : `#,##0.${"0".repeat(decimals)}`;
}

/** A share shown with this many decimals of a percentage: 2 → "0.00%" (6,21%), 0 → "0%". */
export function shareFormat(decimals: number): string {
  return decimals <= 0 ? "0%" : `0.${"0".repeat(decimals)}%`;
}

/** Decimals the figures were typed with (at most `max`): 12.5 → 1, 3602312 → 0; sums' float noise is ignored. */
export function decimalsOf(values: readonly unknown[], max = 3): number {
  let needed = 0;
  for (const v of values) {
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    while (needed < max) {
      const scaled = v * 10 ** needed;
      if (Math.abs(scaled - Math.round(scaled)) <= 1e-6 * Math.max(1, Math.abs(scaled))) break;
      needed += 1;
    }
  }
  return needed;
}

/** Money in the decimals its figures have: whole amounts as "#,##0", "12,5" kept as "#,##0.0". */
export function moneyFormatFor(values: readonly unknown[]): string {
  return moneyFormat(decimalsOf(values));
}

/** Coefficients as typed: 3 as "3", 1,5 as "1,5", 1,125 as "1,125" (three decimals at most). */
export function coefficientFormatFor(values: readonly unknown[]): string {
  const decimals = decimalsOf(values);
  return decimals === 0 ? FORMATS.count : `#,##0.${"0".repeat(decimals)}`;
}

export interface OutputColumn {
  /** Header as written: Vietnamese first, English in brackets when helpful. */
  header: string;
  /** Excel number format of the column's figures, from FORMATS. */
  format?: string;
  /**
   * Formats of single body rows (0-based) whose figure is of another kind than the column's: a table of key figures
   * holds counts and an average in one column.
   */
  rowFormats?: Readonly<Record<number, string>>;
}

/** One line of a table of key figures: label, value and the format of the value's kind (none for text). */
export type KeyFigure = readonly [label: string, value: CellValue, format?: string];

/** The body and the value column's row formats of a table of key figures (label | value), in one list. */
export function keyFigures(figures: readonly KeyFigure[]): {
  rows: CellValue[][];
  formats: Record<number, string>;
} {
  const formats: Record<number, string> = {};
  figures.forEach(([, value, format], i) => {
    if (format && typeof value === "number") formats[i] = format;
  });
  return { rows: figures.map(([label, value]) => [label, value]), formats };
}

/** A native chart beside a table (Excel only; files written by the CLI carry the table without it). */
export interface OutputChart {
  type: "column" | "pie" | "line";
  title: string;
  /** Column index (in the table) of the category labels. */
  categories: number;
  /** Column indexes of the plotted series; each series is named by its header. */
  series: number[];
  /** The contiguous body rows to plot, 0-based; all rows when absent. */
  rows?: { first: number; count: number };
}

export interface OutputTable {
  /** Excel table name (letters, digits, underscore), unique in the workbook, e.g. "NTM_TongHop". */
  name: string;
  /** Optional title written above the table. */
  title?: string;
  columns: OutputColumn[];
  rows: CellValue[][];
  chart?: OutputChart;
  /** The unit line printed with the table ("ĐVT: triệu đồng") when its figures are money. */
  unit?: string;
  /**
   * The table is an input the jobs read back (the input templates; collect's status, policy and money tables): its
   * headers are the input template's, kept as written, not made "Tiếng Việt (English)" like the other results' headers (headers.ts).
   */
  readBack?: boolean;
  /**
   * The input cell each body row rests on (a unit's or a funding line's name cell), by row: what a warning or a
   * refusal about a written cell names, so the user is sent to the cell they can change, not to our result.
   */
  sources?: readonly (SourceRef | undefined)[];
  /**
   * The input cell of each written cell, by row then column, where a row's cells came from different input cells
   * (collect: a commune's name, code and each value from their own cells of its report). Where given for a cell, it
   * is named instead of the row's `sources` entry.
   */
  cellSources?: readonly (readonly (SourceRef | undefined)[] | undefined)[];
  /** The input cell a text in the title came from (a bracket's note): what a warning about the title names. */
  titleSource?: SourceRef;
  /** The same for the header: the input cell each column's heading came from (a funding table's money column). */
  columnSources?: readonly (SourceRef | undefined)[];
}

/** One sheet the add-in owns, holding one or more tables side by side. */
export interface OutputSheet {
  /** Sheet name the add-in asks for, e.g. "KQ_TongHop"; the adapter may pick another if a user's sheet has it. */
  sheet: string;
  tables: OutputTable[];
  /**
   * An input form filled in top to bottom (the commune form): its tables are written one under another from column
   * A, a blank row between two, as its reader expects. Results leave it unset: their tables stand side by side.
   */
  stacked?: boolean;
}

/**
 * The number format a body cell is written with: its row's, else its column's. A figure whose writer declared
 * neither still gets one by its value (whole: "#,##0", else two decimals), never General; other cells: General.
 */
export function cellFormat(table: OutputTable, row: number, col: number): string {
  const column = table.columns[col];
  const declared = column?.rowFormats?.[row] ?? column?.format;
  if (declared) return declared;
  const value = table.rows[row]?.[col];
  if (typeof value !== "number") return "General";
  return Number.isInteger(value) ? FORMATS.count : FORMATS.average;
}

/** Where a table of a sheet is written: its title row (if any), header row and first column, all 0-based. */
export interface PlacedTable {
  table: OutputTable;
  titleRow: number | null;
  headerRow: number;
  col: number;
}

/** Empty columns left between two tables placed side by side. */
export const TABLE_GAP = 1;

/**
 * Where each table of a sheet goes: side by side from column A, a blank column between two, all headers on one row
 * (row 2 when any table has a title above it, else row 1). A second table never sits below the first, so its texts
 * never widen the first table's columns, and the one frozen header row holds every table's header.
 */
export function layoutSheet(sheet: OutputSheet): PlacedTable[] {
  if (sheet.stacked) {
    const stacked: PlacedTable[] = [];
    let row = 0;
    for (const table of sheet.tables) {
      const titleRow = table.title ? row : null;
      if (table.title) row += 1;
      stacked.push({ table, titleRow, headerRow: row, col: 0 });
      row += 1 + Math.max(table.rows.length, 1) + 1;
    }
    return stacked;
  }
  const titled = sheet.tables.some((t) => t.title);
  const headerRow = titled ? 1 : 0;
  const placed: PlacedTable[] = [];
  let col = 0;
  for (const table of sheet.tables) {
    placed.push({ table, titleRow: table.title ? 0 : null, headerRow, col });
    col += table.columns.length + TABLE_GAP;
  }
  return placed;
}

/** A programming error, not a user's: every row of a result table has one value per column. */
export function assertTableShape(table: OutputTable): void {
  // Checked before anything is written: ExcelJS refuses a nameless column only after the old sheet is gone.
  table.columns.forEach((column, i) => {
    if (column.header.trim() === "") {
      throw new Error(`Table ${table.name}: column ${i + 1} has no header`);
    }
  });
  table.rows.forEach((row, i) => {
    if (row.length !== table.columns.length) {
      throw new Error(
        `Table ${table.name}: row ${i + 1} has ${row.length} values for ${table.columns.length} columns`
      );
    }
  });
}

/** The unit line of money tables, as reports print it above them. */
export const MONEY_UNIT = "ĐVT: triệu đồng (million VND)";

/** The unit line of a table of figures in a given money unit (the figures' own: "ĐVT: tỷ đồng (billion VND)"). */
export function moneyUnitLine(unit: { vi: string; en: string }): string {
  return `ĐVT: ${unit.vi} (${unit.en})`;
}

/** How a result sheet prints: A4, fit to the page width, the header row on every page, title and page numbers. */
export interface PrintSetup {
  /** Excel's paper size code for A4. */
  paperSize: 9;
  orientation: "portrait" | "landscape";
  /** Rows printed at the top of every page (0-based, inclusive), or null when none should repeat. */
  repeatRows: { first: number; last: number } | null;
  /** Page header in Excel's header/footer codes: the title centred and bold, the unit line on the right. */
  header: { center: string; right: string };
  /** Page footer: "Trang 1/3" centred. */
  footer: { center: string };
}

/** The page header and footer as one Excel header/footer string ("&C…&R…"), as .xlsx files store them. */
export function headerFooterCode(part: { center: string; right?: string }): string {
  return `&C${part.center}` + (part.right ? `&R${part.right}` : "");
}

/** One formatter for the widths (toLocaleString with options builds a new one at each call), made on first use. */
let widthNumber: Intl.NumberFormat | undefined;

/** A cell's value as it shows, for its column's width. */
function textForWidth(value: CellValue): string {
  if (typeof value === "number")
    return (widthNumber ??= new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 })).format(
      value
    );
  if (value === null || value === undefined) return "";
  return String(
    value instanceof Date
      ? value.toISOString().slice(0, 10)
      : typeof value === "object"
        ? value.error
        : value
  );
}

/**
 * The width of each column of a result sheet in Excel's character units, as both .xlsx writers set it: the widest of
 * its header and its cells' texts, 8 to 60; undefined for a column no table covers (the gap between two tables).
 */
export function columnWidths(sheet: OutputSheet): (number | undefined)[] {
  const widths: (number | undefined)[] = [];
  for (const { table, col } of layoutSheet(sheet)) {
    table.columns.forEach((column, c) => {
      let width = Math.max(8, Math.min(column.header.length + 2, 60));
      for (const row of table.rows)
        width = Math.max(width, Math.min(textForWidth(row[c]).length + 2, 60));
      widths[col + c] = Math.max(widths[col + c] ?? 0, width);
    });
  }
  // The gaps between tables are holes: made plain undefined entries, which every loop visits.
  for (let c = 0; c < widths.length; c++) if (widths[c] === undefined) widths[c] = undefined;
  return widths;
}

/** Width of a sheet in Excel's character units, as the adapters size columns (capped at 60 per column). */
function estimatedWidth(sheet: OutputSheet): number {
  const widths = sheet.tables.map((table) => {
    let total = 0;
    table.columns.forEach((column, c) => {
      let w = Math.max(8, Math.min(column.header.length + 2, 60));
      for (const row of table.rows) {
        const v = row[c];
        w = Math.max(w, Math.min(textForWidth(v).length + 2, 60));
      }
      total += w;
    });
    return total;
  });
  // Stacked tables share columns (the widest decides); side by side they add up, a gap between two.
  return sheet.stacked
    ? widths.reduce((m, w) => Math.max(m, w), 0)
    : widths.reduce((s, w) => s + w, 0) + (widths.length - 1) * TABLE_GAP * 8;
}

/** Characters a portrait A4 page holds across at 100% (narrower sheets print upright, wider ones landscape). */
const PORTRAIT_WIDTH = 95;

/** Excel keeps at most 255 characters in a page header (codes included) and refuses a longer one. */
export const HEADER_FOOTER_LIMIT = 255;

/**
 * Text inside an Excel header or footer, at most `room` characters once escaped: "&" starts a code, so a literal one
 * is doubled (never cut in half); characters XML cannot hold are removed; a cut text ends in "…".
 */
export function headerText(text: string, room: number): string {
  const plain = xmlText(text).text.replace(/\s+/g, " ").trim();
  const escaped = plain.replace(/&/g, "&&");
  if (escaped.length <= room) return escaped;
  let out = "";
  for (const c of plain) {
    const piece = c === "&" ? "&&" : c;
    if (out.length + piece.length > room - 1) break;
    out += piece;
  }
  return `${out}…`;
}

/** The print setup of a result sheet (both adapters apply it). */
export function printSetup(sheet: OutputSheet): PrintSetup {
  const first = layoutSheet(sheet)[0];
  // Tables sit side by side with their headers on one row: that row repeats on every page.
  const repeat = first !== undefined && (!sheet.stacked || sheet.tables.length === 1);
  const title = first?.table.title ?? sheet.sheet;
  const units = [...new Set(sheet.tables.map((t) => t.unit).filter((u): u is string => !!u))];
  return {
    paperSize: 9,
    orientation: estimatedWidth(sheet) > PORTRAIT_WIDTH ? "landscape" : "portrait",
    repeatRows: repeat ? { first: first.headerRow, last: first.headerRow } : null,
    // "&C&B" + title + "&B" + "&R" + units stays within Excel's 255 characters.
    header: { center: `&B${headerText(title, 150)}&B`, right: headerText(units.join("; "), 95) },
    footer: { center: "Trang / Page &P/&N" },
  };
}

/** A name's input row (a commune's name cell), looked up by the name a result writes: the first row of that name. */
export function sourcesByName(
  rows: readonly { name: string; source?: SourceRef }[]
): (name: string) => SourceRef | undefined {
  const byName = new Map<string, SourceRef>();
  for (const r of rows) {
    const key = r.name.trim();
    if (r.source && !byName.has(key)) byName.set(key, r.source);
  }
  return (name) => byName.get(name.trim());
}

/**
 * The input row a result row rests on when it writes the texts of several (a merged commune and its old communes, a
 * year's communes newly at the standard): the one whose text the output boundary will change (a character a file
 * cannot hold, a text over Excel's limit), else the first. What OutputTable.sources holds for such a row.
 */
export function restsOn(
  parts: readonly { text: string; source?: SourceRef }[]
): SourceRef | undefined {
  const changed = parts.find(
    (p) => p.source && (p.text.length > EXCEL_CELL_LIMIT || hasNonXml(p.text))
  );
  return (changed ?? parts.find((p) => p.source))?.source;
}

/** A commune's `districtSource` (the cell its district was read from) for a JSON row, copied as `sourceField` does. */
export function districtSourceField(row: { districtSource?: SourceRef } | undefined): {
  districtSource?: SourceRef;
} {
  const at = row?.districtSource;
  return at ? { districtSource: { sheet: at.sheet, cell: at.cell } } : {};
}

/** A JSON row's `source` (the input cell it rests on), copied so that no other field of the input row goes along. */
export function sourceField(row: { source?: SourceRef } | undefined): { source?: SourceRef } {
  return row?.source ? { source: { sheet: row.source.sheet, cell: row.source.cell } } : {};
}
