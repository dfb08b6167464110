// Result tables as the add-in writes them: Vietnamese headers, Excel number formats, one sheet per result.

import type { CellValue } from "./grid";

/** Excel number formats used in results. */
export const FORMATS = {
  integer: "#,##0",
  decimal2: "#,##0.00",
  decimal3: "#,##0.000",
  percent: "0.00%",
  text: "@",
} as const;

export interface OutputColumn {
  /** Header as written: Vietnamese first, English in brackets when helpful. */
  header: string;
  /** Excel number format; undefined for General. */
  format?: string;
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
}

/** One sheet the add-in owns, holding one or more tables stacked vertically. */
export interface OutputSheet {
  /** Sheet name the add-in asks for, e.g. "KQ_TongHop"; the adapter may pick another if a user's sheet has it. */
  sheet: string;
  tables: OutputTable[];
}

/** Rows needed to write a sheet: per table an optional title, header, body and a blank separator. */
export function layoutSheet(
  sheet: OutputSheet
): { table: OutputTable; titleRow: number | null; headerRow: number }[] {
  const placed: { table: OutputTable; titleRow: number | null; headerRow: number }[] = [];
  let row = 0;
  for (const table of sheet.tables) {
    const titleRow = table.title ? row : null;
    if (table.title) row += 1;
    placed.push({ table, titleRow, headerRow: row });
    row += 1 + Math.max(table.rows.length, 1) + 1;
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

/** Width of a sheet in Excel's character units, as the adapters size columns (capped at 60 per column). */
function estimatedWidth(sheet: OutputSheet): number {
  const widths: number[] = [];
  for (const table of sheet.tables) {
    table.columns.forEach((column, c) => {
      let w = Math.min(column.header.length + 2, 60);
      for (const row of table.rows) {
        const v = row[c];
        const text = typeof v === "number" ? v.toLocaleString("vi-VN") : v == null ? "" : String(v);
        w = Math.max(w, Math.min(text.length + 2, 60));
      }
      widths[c] = Math.max(widths[c] ?? 8, w);
    });
  }
  return widths.reduce((s, w) => s + w, 0);
}

/** Characters a portrait A4 page holds across at 100% (narrower sheets print upright, wider ones landscape). */
const PORTRAIT_WIDTH = 95;

/** Text inside an Excel header or footer: "&" starts a code, so a literal one is doubled; 255 characters at most. */
function headerText(text: string): string {
  return text.replace(/&/g, "&&").replace(/\s+/g, " ").slice(0, 120);
}

/** The print setup of a result sheet (both adapters apply it). */
export function printSetup(sheet: OutputSheet): PrintSetup {
  const placed = layoutSheet(sheet);
  const first = placed[0];
  // Only one header can repeat: the first table's, when it is the table that runs over pages.
  const longest = Math.max(...sheet.tables.map((t) => t.rows.length), 0);
  const repeat = first !== undefined && first.table.rows.length === longest;
  const title = first?.table.title ?? sheet.sheet;
  const units = [...new Set(sheet.tables.map((t) => t.unit).filter((u): u is string => !!u))];
  return {
    paperSize: 9,
    orientation: estimatedWidth(sheet) > PORTRAIT_WIDTH ? "landscape" : "portrait",
    repeatRows: repeat ? { first: first.headerRow, last: first.headerRow } : null,
    header: { center: `&B${headerText(title)}&B`, right: headerText(units.join("; ")) },
    footer: { center: "Trang / Page &P/&N" },
  };
}
