// Finding a table in a sheet by its headers (any row, any column order, with or without diacritics) and reading
// its cells with errors that name the cell. Every reader builds on this.

import { InputError, type Bilingual } from "../../engine/errors";
import {
  ambiguousNumberWords,
  formatVi,
  parseNumberText,
  type ParsedNumber,
} from "../../engine/numbers";
import type { Warning } from "../../engine/types";
import { labelKey } from "../../engine/text";
import { cellText, gridAddress, isBlank, isCellError, type CellValue, type Grid } from "../grid";

export interface ColumnSpec {
  key: string;
  /** Header spellings; compared with labelKey (case, diacritics, spacing ignored). */
  aliases: string[];
  /** Also match headers that start with an alias ("Chi phí (triệu đồng)" for "chi phi"). Default true. */
  prefix?: boolean;
  required?: boolean;
  label?: Bilingual;
}

export interface LocatedTable {
  grid: Grid;
  /** Index into grid.rows of the header row. */
  headerRow: number;
  /** Column index (into the row arrays) per matched spec key. */
  columns: Record<string, number>;
  /** Headers of the header row that matched no spec: index → header text. */
  unmatched: { col: number; header: string }[];
  /** Indices into grid.rows of the data rows: after the header, blank rows skipped. */
  dataRows: number[];
}

const MAX_HEADER_SCAN = 30;

function matches(header: string, spec: ColumnSpec): boolean {
  const key = labelKey(header);
  if (!key) return false;
  return spec.aliases.some((alias) => {
    const a = labelKey(alias);
    return (
      key === a || (spec.prefix !== false && (key.startsWith(a + " ") || key.startsWith(a + "(")))
    );
  });
}

function matchRow(row: CellValue[], specs: ColumnSpec[]): Record<string, number> {
  const columns: Record<string, number> = {};
  row.forEach((cell, c) => {
    if (typeof cell !== "string") return;
    const spec = specs.find((s) => columns[s.key] === undefined && matches(cell, s));
    if (spec) columns[spec.key] = c;
  });
  return columns;
}

/** The header row among the first rows: the one matching every required spec and the most specs. Null if none. */
export function tryLocateTable(grid: Grid, specs: ColumnSpec[]): LocatedTable | null {
  let best: { row: number; columns: Record<string, number> } | null = null;
  const scan = Math.min(grid.rows.length, MAX_HEADER_SCAN);
  for (let r = 0; r < scan; r++) {
    const columns = matchRow(grid.rows[r] ?? [], specs);
    const hasRequired = specs.every((s) => !s.required || columns[s.key] !== undefined);
    const count = Object.keys(columns).length;
    if (hasRequired && count > 0 && (!best || count > Object.keys(best.columns).length)) {
      best = { row: r, columns };
    }
  }
  if (!best) return null;
  const used = new Set(Object.values(best.columns));
  const unmatched = (grid.rows[best.row] ?? [])
    .map((cell, col) => ({ col, header: cellText(cell).trim() }))
    .filter((h) => h.header !== "" && !used.has(h.col));
  const dataRows: number[] = [];
  for (let r = best.row + 1; r < grid.rows.length; r++) {
    if (!(grid.rows[r] ?? []).every(isBlank)) dataRows.push(r);
  }
  return { grid, headerRow: best.row, columns: best.columns, unmatched, dataRows };
}

/** Like tryLocateTable, but a sheet without the required headers is an InputError naming them. */
export function locateTable(grid: Grid, specs: ColumnSpec[], what: Bilingual): LocatedTable {
  const found = tryLocateTable(grid, specs);
  if (found) return found;
  const required = specs.filter((s) => s.required).map((s) => `"${s.aliases[0]}"`);
  throw new InputError({
    sheet: grid.sheet,
    cell: gridAddress(grid, 0, 0),
    expected: {
      vi: `${what.vi}: một dòng tiêu đề có các cột ${required.join(", ")} trong ${MAX_HEADER_SCAN} dòng đầu`,
      en: `${what.en}: a header row with the columns ${required.join(", ")} within the first ${MAX_HEADER_SCAN} rows`,
    },
  });
}

export function cellAt(table: LocatedTable, row: number, key: string): CellValue {
  const col = table.columns[key];
  return col === undefined ? null : (table.grid.rows[row]?.[col] ?? null);
}

export function addressAt(table: LocatedTable, row: number, key: string): string {
  return gridAddress(table.grid, row, table.columns[key] ?? 0);
}

export interface NumberRules {
  integer?: boolean;
  min?: number;
  max?: number;
  /** What the number is, for the message, e.g. { vi: "số tiêu chí đạt", en: "number of criteria met" }. */
  what: Bilingual;
}

function numberError(
  grid: Grid,
  row: number,
  col: number,
  value: CellValue,
  rules: NumberRules
): InputError {
  const range =
    rules.min !== undefined && rules.max !== undefined
      ? { vi: ` từ ${rules.min} đến ${rules.max}`, en: ` from ${rules.min} to ${rules.max}` }
      : rules.min !== undefined
        ? { vi: ` ≥ ${rules.min}`, en: ` ≥ ${rules.min}` }
        : rules.max !== undefined
          ? { vi: ` ≤ ${rules.max}`, en: ` ≤ ${rules.max}` }
          : { vi: "", en: "" };
  const kind = rules.integer
    ? { vi: "số nguyên", en: "a whole number" }
    : { vi: "một số", en: "a number" };
  return new InputError({
    sheet: grid.sheet,
    cell: gridAddress(grid, row, col),
    found: cellText(value),
    expected: {
      vi: `${rules.what.vi}: ${kind.vi}${range.vi}`,
      en: `${rules.what.en}: ${kind.en}${range.en}`,
    },
  });
}

/** Ambiguous number texts met while reading each grid ("16,000", "1.500"), to report next to the results. */
const ambiguousCells = new WeakMap<Grid, Warning[]>();

function noteAmbiguous(
  grid: Grid,
  row: number,
  col: number,
  text: string,
  parsed: ParsedNumber
): void {
  const cell = gridAddress(grid, row, col);
  const value = formatVi(parsed.value, parsed.value % 1 === 0 ? 0 : 2);
  const words = ambiguousNumberWords(text);
  const notes = ambiguousCells.get(grid) ?? [];
  notes.push({
    sheet: grid.sheet,
    cell,
    // The same words as a refused option or function argument (the one number rule), then the reading kept.
    vi: `Ô ${cell} (trang '${grid.sheet}'): ${words.vi}; đã đọc là ${value} theo cách viết Việt Nam — nếu không đúng, hãy sửa ô`,
    en: `Cell ${cell} (sheet '${grid.sheet}'): ${words.en}; read as ${parsed.value} the Vietnamese way — fix the cell if that is wrong`,
  });
  ambiguousCells.set(grid, notes);
}

/** The ambiguous-number warnings of a grid read so far, at most `limit` of them plus one that counts the rest. */
export function ambiguousNumberWarnings(grid: Grid, limit = 5): Warning[] {
  const notes = ambiguousCells.get(grid) ?? [];
  if (notes.length <= limit) return notes;
  const rest = notes.length - limit;
  return [
    ...notes.slice(0, limit),
    {
      sheet: grid.sheet,
      vi: `Còn ${rest} ô khác trên trang '${grid.sheet}' có số viết hai cách hiểu, đều đọc theo cách viết Việt Nam`,
      en: `${rest} more cells on sheet '${grid.sheet}' hold numbers that read two ways; all were read the Vietnamese way`,
    },
  ];
}

/**
 * A number from a cell: numbers as they are, text in Vietnamese or English format; blank → null.
 * Text that reads two ways ("16,000") is read the Vietnamese way and noted (see ambiguousNumberWarnings).
 * Formula errors, dates, booleans and other text are InputErrors naming the cell.
 */
export function numberCell(
  grid: Grid,
  row: number,
  col: number,
  rules: NumberRules
): number | null {
  const value = grid.rows[row]?.[col] ?? null;
  if (isBlank(value)) return null;
  let n: number | null = null;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") {
    const parsed = parseNumberText(value);
    n = parsed?.value ?? null;
    if (parsed?.ambiguous) noteAmbiguous(grid, row, col, value.trim(), parsed);
  } else if (isCellError(value) || value instanceof Date || typeof value === "boolean") n = null;
  if (n === null || !Number.isFinite(n)) throw numberError(grid, row, col, value, rules);
  if (rules.integer && !Number.isInteger(n)) throw numberError(grid, row, col, value, rules);
  if (rules.min !== undefined && n < rules.min) throw numberError(grid, row, col, value, rules);
  if (rules.max !== undefined && n > rules.max) throw numberError(grid, row, col, value, rules);
  return n;
}

/** Text from a cell, trimmed; blank → null; a formula error is an InputError naming the cell. */
export function textCell(grid: Grid, row: number, col: number, what: Bilingual): string | null {
  const value = grid.rows[row]?.[col] ?? null;
  if (isBlank(value)) return null;
  if (isCellError(value)) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, row, col),
      found: value.error,
      expected: {
        vi: `${what.vi} (không phải lỗi công thức)`,
        en: `${what.en} (not a formula error)`,
      },
    });
  }
  return cellText(value).trim();
}
