// The header block of an office table: one to three rows, merged cells composed ("Năm 2023 / Thực hiện"), and the
// optional column-number row under it ("(1) (2) (3)" or "1 2 3").

import { maxOf, minOf } from "../../engine/arrays";
import { labelKey } from "../../engine/text";
import { cellText, isBlank, type CellValue, type Grid } from "../grid";
import { hasNoNumbers, isGroupLabel, markerKind, rowTexts, stripMarker } from "./labels";

/** Unit lines above a table ("ĐVT: triệu đồng", "Đơn vị tính: tỷ đồng") are not header rows. */
const UNIT_LINE = /^(dvt|don vi tinh|don vi|unit)\s*:|^don vi tinh\s+(trieu|ty|nghin|ngan|dong)/;

/** The merged range covering a cell (grid coordinates), if the adapter reported one. */
export function mergeAt(
  grid: Grid,
  r: number,
  c: number
): { top: number; left: number; bottom: number; right: number } | null {
  if (!grid.merges) return null;
  const row = grid.origin.row + r;
  const col = grid.origin.col + c;
  for (const m of grid.merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) {
      return {
        top: m.top - grid.origin.row,
        left: m.left - grid.origin.col,
        bottom: m.bottom - grid.origin.row,
        right: m.right - grid.origin.col,
      };
    }
  }
  return null;
}

/**
 * A column-number row: three or more cells, each "(n)", "n" or a letter "A", "B", numbered in order ("(1) (2)
 * (3)", "1 2 3", "A B 1 2 3=1+2"). It is neither header nor data.
 */
export function isColumnNumberRow(row: readonly CellValue[]): boolean {
  const cells = row
    .map((v) => (isBlank(v) ? null : cellText(v).trim()))
    .filter((t): t is string => t !== null);
  if (cells.length < 3) return false;
  let previous = 0;
  let numbered = 0;
  let bracketed = 0;
  let letters = 0;
  for (const text of cells) {
    if (/^\(?[A-Z]\)?$/.test(text)) {
      if (numbered > 0) return false;
      letters++;
      continue;
    }
    const m = /^(\()?(\d{1,2})\)?(\s*[=*/+-].*)?$/.exec(text);
    if (!m) return false;
    const n = Number(m[2]);
    if (n !== previous + 1 && !(numbered === 0 && n <= 2)) return false;
    if (m[1]) bracketed++;
    previous = n;
    numbered++;
  }
  return numbered >= 3 || (bracketed >= 2 && numbered + letters >= 3);
}

/** A row that continues a header upward: texts only, no unit line, and not a lone title at the table's left edge. */
function continuesUpward(grid: Grid, r: number, firstCol: number): boolean {
  const row = grid.rows[r] ?? [];
  const texts = rowTexts(row).filter((t) => !UNIT_LINE.test(labelKey(t.text)));
  if (texts.length === 0 || !hasNoNumbers(row)) return false;
  if (isColumnNumberRow(row)) return false;
  if (texts.length >= 2) return true;
  const only = texts[0];
  const merge = mergeAt(grid, r, only.col);
  // A title is typed (or merged from) the left edge; a group header sits over some columns of the table.
  return only.col > firstCol && !(merge && merge.left <= firstCol);
}

/**
 * A row that continues a header downward: two or more texts, no numbers, and nothing in the columns that every
 * data row fills (the name or label column), which are merged from the row above.
 */
function continuesDownward(grid: Grid, r: number, keyCols: number[]): boolean {
  const row = grid.rows[r] ?? [];
  if (!hasNoNumbers(row) || isColumnNumberRow(row)) return false;
  const texts = rowTexts(row);
  // One text spanning several columns ("Tiêu chí" merged over TC1…TC19) is a header row too.
  // A group row merged across the table from its left edge ("I. HUYỆN TRẦN ĐỀ") is data, not a header.
  const merge = texts.length === 1 ? mergeAt(grid, r, texts[0].col) : null;
  const spans = merge !== null && merge.right > merge.left && merge.left > minOf(keyCols);
  if (texts.length < 2 && !spans) return false;
  if (texts.some((t) => isGroupLabel(t.text) || markerKind(stripMarker(t.text).marker) === "roman"))
    return false;
  return keyCols.every((c) => isBlank(row[c] ?? null));
}

/** A caption that names criteria: "Kết quả thực hiện các tiêu chí", "Tiêu chí đạt", "Các tiêu chí", "TC". */
const CRITERIA_CAPTION = /\b(tieu chi|tc|criteria|criterion)\b/;

/** A bare whole number typed in a header cell (1, "7", "07"), or NaN. */
function bareNumber(value: CellValue): number {
  if (typeof value === "number") return Number.isInteger(value) ? value : NaN;
  if (typeof value === "string" && /^\s*\d{1,2}\s*$/.test(value)) return Number(value);
  return NaN;
}

/**
 * The caption over a cell of a criterion-number row: the header cell above it, its merge master, or (without merge
 * information) the nearest text to its left in the row above, within the run of numbers.
 */
function captionAbove(grid: Grid, r: number, c: number, runStart: number): string {
  for (let left = c; left >= runStart; left--) {
    const text = headerCell(grid, r - 1, left, r - 1);
    if (text !== "") return text;
    if (grid.merges && grid.merges.length > 0) return "";
  }
  return "";
}

/**
 * A row of criterion numbers under a caption ("Kết quả thực hiện các tiêu chí" merged over 1 … 19, or over 1 … 10):
 * bare whole numbers 1, 2, 3… in adjacent columns, each under a caption that names criteria, and nothing in the
 * columns every data row fills (the name column), which are merged down from the header. A column-number row
 * ("1 2 3" or "(1) (2) (3)") numbers every column, the name column included. Returns the numbered columns, or null.
 */
export function criterionNumberRow(
  grid: Grid,
  r: number,
  keyCols: number[]
): { col: number; n: number }[] | null {
  const row = grid.rows[r] ?? [];
  if (r < 1 || !keyCols.every((c) => isBlank(row[c] ?? null))) return null;
  const cells: { col: number; n: number }[] = [];
  for (let c = 0; c < row.length; c++) {
    const v = row[c] ?? null;
    if (isBlank(v)) continue;
    const n = bareNumber(v);
    if (Number.isNaN(n)) return null;
    const previous = cells[cells.length - 1];
    if (n !== cells.length + 1 || (previous && previous.col !== c - 1)) return null;
    cells.push({ col: c, n });
  }
  if (cells.length < 3) return null;
  const start = cells[0].col;
  const named = cells.every(({ col }) =>
    CRITERIA_CAPTION.test(labelKey(captionAbove(grid, r, col, start)))
  );
  return named ? cells : null;
}

export interface HeaderBlock {
  top: number;
  bottom: number;
  /** Composed header per column ("Năm 2023 / Thực hiện"); "" where the column has no header. */
  headers: string[];
  /** The lowest header text per column (what a column is called), "" where none. */
  lastParts: string[];
}

/** The header cell's text, with a horizontally or vertically merged cell taking its master's text. */
function headerCell(grid: Grid, r: number, c: number, top: number): string {
  const own = cellText(grid.rows[r]?.[c] ?? null).trim();
  if (own !== "") return UNIT_LINE.test(labelKey(own)) ? "" : own;
  const merge = mergeAt(grid, r, c);
  if (merge && merge.top >= top) {
    const master = cellText(grid.rows[merge.top]?.[merge.left] ?? null).trim();
    return UNIT_LINE.test(labelKey(master)) ? "" : master;
  }
  return "";
}

/**
 * Composes the headers of rows top..bottom. Without merge information (CSV, Office.js), a blank cell of an upper
 * row takes the text to its left when every column in between has a text below it: "Năm 2023" over "Kế hoạch" and
 * "Thực hiện".
 */
export function composeHeader(grid: Grid, top: number, bottom: number): HeaderBlock {
  const width = maxOf(
    grid.rows.slice(top, bottom + 1).map((r) => r.length),
    0
  );
  const cells: string[][] = [];
  const occupied: boolean[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: string[] = [];
    const taken: boolean[] = [];
    for (let c = 0; c < width; c++) {
      row.push(headerCell(grid, r, c, top));
      taken.push(!isBlank(grid.rows[r]?.[c] ?? null));
    }
    cells.push(row);
    occupied.push(taken);
  }
  const below = (i: number, c: number) => cells.slice(i + 1).some((row) => row[c] !== "");
  const year = (text: string) => /\b(19|20)\d{2}\b/.exec(text)?.[0];
  // A column headed by its own year ("Năm 2025 kế hoạch") is not under another year's group.
  const ownYear = (i: number, c: number, group: string) => {
    const g = year(group);
    return cells.slice(i + 1).some((row) => {
      const y = year(row[c]);
      return y !== undefined && g !== undefined && y !== g;
    });
  };
  if (!grid.merges || grid.merges.length === 0) {
    for (let i = 0; i < cells.length - 1; i++) {
      for (let c = 1; c < width; c++) {
        if (occupied[i][c] || cells[i][c] !== "" || !below(i, c)) continue;
        let left = c - 1;
        while (left >= 0 && !occupied[i][left] && below(i, left)) left--;
        if (left >= 0 && cells[i][left] !== "" && below(i, left) && !ownYear(i, c, cells[i][left]))
          cells[i][c] = cells[i][left];
      }
    }
  }
  const headers: string[] = [];
  const lastParts: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const row of cells)
      if (row[c] !== "" && parts[parts.length - 1] !== row[c]) parts.push(row[c]);
    headers.push(parts.join(" / "));
    lastParts.push(parts[parts.length - 1] ?? "");
  }
  return { top, bottom, headers, lastParts };
}

/** Extends a header row found by its matches up and down into its block (three rows at most). */
export function headerBlock(grid: Grid, row: number, keyCols: number[]): HeaderBlock {
  let top = row;
  let bottom = row;
  while (
    bottom - top < 2 &&
    bottom + 1 < grid.rows.length &&
    continuesDownward(grid, bottom + 1, keyCols)
  )
    bottom++;
  // Criterion numbers under their caption close the block: they name mark columns, not data.
  if (bottom + 1 < grid.rows.length && criterionNumberRow(grid, bottom + 1, keyCols)) bottom++;
  const firstCol = Math.min(
    minOf(rowTexts(grid.rows[row] ?? []).map((t) => t.col)),
    minOf(keyCols)
  );
  while (top > 0 && bottom - top < 2 && continuesUpward(grid, top - 1, firstCol)) top--;
  return composeHeader(grid, top, bottom);
}

/** A cell blank in the header row but filled in a header row just above it (a vertically merged header). */
export function headerTextFromAbove(grid: Grid, r: number, c: number): string {
  for (let up = r - 1; up >= Math.max(0, r - 2); up--) {
    const row = grid.rows[up] ?? [];
    if (rowTexts(row).length < 2 || !hasNoNumbers(row)) return "";
    const text = headerCell(grid, up, c, 0);
    if (text !== "") return text;
  }
  return "";
}
