// A sheet's used range as plain values, with the addresses needed to point the user at a cell.

/** A formula error shown in a cell, such as #REF! or #DIV/0!. */
export interface CellError {
  error: string;
  /** The formula text, for a formula cell the file holds without a computed value (see UNCALCULATED). */
  formula?: string;
}

/**
 * The error text given to a formula cell saved without its computed value (files written by tools other than
 * Excel): such a cell is never read as blank or 0, the reader that needs it stops naming the cell.
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
