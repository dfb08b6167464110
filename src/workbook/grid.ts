// A sheet's used range as plain values, with the addresses needed to point the user at a cell.

import { InputError } from "../engine/errors";

/** A formula error shown in a cell, such as #REF! or #DIV/0!. */
export interface CellError {
  error: string;
  /** The formula text, for a formula cell the file holds without a computed value (see UNCALCULATED). */
  formula?: string;
}

/**
 * The error text given to a formula cell saved without its computed value (files written by tools other than
 * Excel): such a cell is never read as blank or 0, the reader that needs it stops naming the cell. A formula saved
 * with an empty text result (=IF(…;"";…): `<c t="str"><f>…</f><v></v></c>`) is calculated, and blank.
 */
export const UNCALCULATED = "#UNCALCULATED";

/** A merged range in sheet coordinates, 0-based and inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type CellValue = string | number | boolean | Date | CellError | null;

/** The used range of one sheet: rows[0][0] sits at (origin.row, origin.col), both 0-based. */
export interface Grid {
  sheet: string;
  rows: CellValue[][];
  origin: { row: number; col: number };
  /** Merged ranges, when the adapter knows them (sheet coordinates); the value sits in the top-left cell. */
  merges?: MergedRange[];
  /** Hidden or filtered-out rows, 0-based sheet rows, when the adapter knows them: they are data (a filter is a view). */
  hiddenRows?: number[];
  /** Hidden columns, 0-based sheet columns, when the adapter knows them: not read where a visible column plays the same role. */
  hiddenCols?: number[];
}

export function isCellError(value: CellValue): value is CellError {
  return (
    typeof value === "object" && value !== null && !(value instanceof Date) && "error" in value
  );
}

/** Column letters for a 0-based column index: 0 → A, 27 → AB. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based column index for letters: A → 0, AB → 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of 0-based sheet coordinates. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export { cellRef } from "../engine/errors";

/** A1 address of the cell at rows[r][c] in a grid. */
export function gridAddress(grid: Grid, r: number, c: number): string {
  return a1(grid.origin.row + r, grid.origin.col + c);
}

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (isCellError(value)) return value.error;
  return String(value);
}

export function isBlank(value: CellValue): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** Builds a grid from rows starting at A1 (tests, CSV). */
export function gridFromRows(sheet: string, rows: CellValue[][]): Grid {
  return { sheet, rows, origin: { row: 0, col: 0 } };
}

/** Excel's own limits: a sheet has at most 1,048,576 rows and 16,384 columns (A to XFD). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/**
 * Cells a grid may span (rows × columns of its used range), so that memory follows the data: 10,000 communes × 30
 * columns is 300,000; a stray cell at XFD1048576 would make 17 billion.
 */
export const MAX_GRID_CELLS = 5_000_000;

/**
 * Refuses a used range too large to read, naming its far corner: usually one stray cell far from the table. Called
 * before anything of that size is allocated.
 */
export function checkGridSize(
  sheet: string,
  origin: { row: number; col: number },
  rows: number,
  cols: number
): void {
  const far = a1(origin.row + rows - 1, origin.col + cols - 1);
  if (origin.row + rows > EXCEL_MAX_ROWS || origin.col + cols > EXCEL_MAX_COLUMNS) {
    throw new InputError({
      sheet,
      cell: far,
      expected: {
        vi: `dữ liệu trong giới hạn của Excel (${EXCEL_MAX_ROWS.toLocaleString("vi-VN")} hàng, ${EXCEL_MAX_COLUMNS.toLocaleString("vi-VN")} cột)`,
        en: `data within Excel's limits (${EXCEL_MAX_ROWS.toLocaleString("en-US")} rows, ${EXCEL_MAX_COLUMNS.toLocaleString("en-US")} columns)`,
      },
    });
  }
  if (rows * cols > MAX_GRID_CELLS) {
    const range = `${a1(origin.row, origin.col)}:${far}`;
    throw new InputError({
      sheet,
      cell: far,
      found: `${range} (${rows.toLocaleString("vi-VN")} × ${cols.toLocaleString("vi-VN")})`,
      expected: {
        vi: `vùng dữ liệu nhỏ hơn (tối đa ${MAX_GRID_CELLS.toLocaleString("vi-VN")} ô): thường do một ô lẻ ở ${far}, xa bảng; hãy xóa các hàng, cột thừa`,
        en: `a smaller used range (at most ${MAX_GRID_CELLS.toLocaleString("en-US")} cells): usually one stray cell at ${far}, far from the table; delete the extra rows and columns`,
      },
    });
  }
}
