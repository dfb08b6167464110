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
