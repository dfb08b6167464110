// What a reader decides while reading one table (each skipped row and why, each column's role, the checks made),
// kept beside the located table and turned into the TableReading that every output shows.

import { InputError, isInputError, type Bilingual } from "../../engine/errors";
import { a1, cellText, columnLetters, type Grid } from "../grid";
import type {
  CheckReading,
  ColumnReading,
  ColumnRole,
  RowRole,
  SkippedRow,
  TableReading,
  UnitReading,
} from "./types";
import { rowRanges } from "./types";

export interface TableRecord {
  /** Grid row index → why it was not read as data. */
  skipped: Map<number, { role: RowRole; why: Bilingual }>;
  /** Grid row indices read as data. */
  used: Set<number>;
  /** Grid column index → its role. */
  columns: Map<number, Omit<ColumnReading, "col" | "header" | "hidden">>;
  checks: CheckReading[];
}

/** The parts of a located table a reading needs (structural, so this module imports no reader). */
export interface RecordedTable {
  grid: Grid;
  headerTop: number;
  headerRow: number;
  headers: string[];
  record: TableRecord;
}

export function newRecord(): TableRecord {
  return { skipped: new Map(), used: new Set(), columns: new Map(), checks: [] };
}

/** Marks a grid row as not data, with its role and why (the first reason given for a row stands). */
export function skipRow(table: RecordedTable, r: number, role: RowRole, why: Bilingual): void {
  table.record.used.delete(r);
  if (!table.record.skipped.has(r)) table.record.skipped.set(r, { role, why });
}

/** Marks a grid row as read as data. */
export function useRow(table: RecordedTable, r: number): void {
  table.record.skipped.delete(r);
  table.record.used.add(r);
}

/** Says what a column was read as (the last word on a column stands). */
export function noteColumn(
  table: RecordedTable,
  col: number,
  role: ColumnRole,
  extra: { criterion?: string; unit?: UnitReading; used?: boolean; why?: Bilingual } = {}
): void {
  table.record.columns.set(col, { role, used: extra.used ?? true, ...extra });
}

export function noteCheck(table: RecordedTable, check: CheckReading): void {
  table.record.checks.push(check);
}

function rowLabel(grid: Grid, r: number): string {
  const row = grid.rows[r] ?? [];
  for (const v of row) {
    const t = cellText(v).trim();
    if (t !== "") return t.length > 60 ? `${t.slice(0, 59)}…` : t;
  }
  return "";
}

/** What each column of a table was read as: the columns part of its reading, without going through its rows. */
export function columnReadings(table: RecordedTable): ColumnReading[] {
  const { grid, record } = table;
  const hiddenCols = new Set(grid.hiddenCols ?? []);
  return [...record.columns.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([c, note]) => {
      const sheetCol = grid.origin.col + c;
      const hidden = hiddenCols.has(sheetCol);
      return {
        col: columnLetters(sheetCol),
        header: table.headers[c] ?? "",
        ...note,
        ...(hidden ? { hidden: true } : {}),
      };
    });
}

/** The reading of one table as every output shows it. */
export function tableReading(
  table: RecordedTable,
  input: string,
  what: Bilingual,
  options: { unit?: UnitReading; role?: "commune" | "line" } = {}
): TableReading {
  const { grid, record } = table;
  const sheetRow = (r: number) => grid.origin.row + r + 1;
  const hiddenCols = new Set(grid.hiddenCols ?? []);
  const hiddenRows = new Set(grid.hiddenRows ?? []);
  const columns = columnReadings(table);
  const skipped: SkippedRow[] = [...record.skipped.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, s]) => ({ row: sheetRow(r), role: s.role, label: rowLabel(grid, r), why: s.why }));
  const used = [...record.used].map(sheetRow);
  const hiddenColumns = [...hiddenCols]
    .filter((sc) => sc >= grid.origin.col)
    .sort((a, b) => a - b)
    .flatMap((sc) => {
      const c = sc - grid.origin.col;
      const header = table.headers[c] ?? "";
      const note = record.columns.get(c);
      if (header === "" && !note) return [];
      const usedCol = note?.used ?? false;
      return [
        {
          col: columnLetters(sc),
          header,
          used: usedCol,
          why:
            note?.why ??
            (usedCol
              ? { vi: "cột ẩn, được dùng", en: "hidden column, used" }
              : { vi: "cột ẩn, không dùng", en: "hidden column, not used" }),
        },
      ];
    });
  const hiddenDataRows = [...record.used].filter((r) => hiddenRows.has(grid.origin.row + r)).length;
  return {
    input,
    what,
    sheet: grid.sheet,
    headerRows: [sheetRow(table.headerTop), sheetRow(table.headerRow)],
    columns,
    used: { count: used.length, rows: rowRanges(used), role: options.role ?? "commune" },
    skipped,
    hidden: { rows: hiddenDataRows, columns: hiddenColumns },
    checks: record.checks,
    ...(options.unit ? { unit: options.unit } : {}),
  };
}

/** "A5" of a grid row and column, for checks. */
export function recordCell(grid: Grid, r: number, c: number): string {
  return a1(grid.origin.row + r, grid.origin.col + c);
}

/**
 * Runs engine work over a table's figures: an InputError the engine raises without a place (it cannot know cells)
 * is given the table's sheet and the header cell of its first column read (the figures in question sit below it).
 * The engine's errors about one figure carry their own cell already; this places those about the table as a whole.
 */
export function placedIn<T>(reading: TableReading | null | undefined, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (!reading || !isInputError(e) || e.sheet !== undefined) throw e;
    const col = reading.columns.find((c) => c.used)?.col ?? reading.columns[0]?.col ?? "A";
    throw new InputError({
      ...e.details,
      sheet: reading.sheet,
      cell: `${col}${reading.headerRows[1]}`,
    });
  }
}
