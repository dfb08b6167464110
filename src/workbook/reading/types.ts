// What was read from the workbook, per input table: the sheet, header rows, each column's and each skipped row's
// role and why, hidden parts and what was done with them, the cross-checks made. Shown to the user (CLI "Đã đọc",
// `reading` in every job's JSON, the pane's "Dữ liệu đã đọc" panel, the report's source lines).

import type { Bilingual } from "../../engine/errors";

/** What a column was read as. */
export type ColumnRole =
  | "name"
  | "code"
  | "group"
  | "district"
  | "marks"
  | "count"
  | "list"
  | "indicator"
  | "tier"
  | "registered"
  | "difficult"
  | "year"
  | "label"
  | "amount"
  | "share"
  | "comparison"
  | "coefficient"
  | "cost"
  | "note"
  | "other";

/** What a row was read as; every role but "commune" and "line" is a skipped row. */
export type RowRole =
  | "commune"
  | "line"
  | "ward"
  | "district"
  | "group"
  | "subtotal"
  | "total"
  | "statistic"
  | "note"
  | "signature"
  | "column-numbers"
  | "repeated-header"
  | "title";

export interface UnitReading {
  vi: string;
  en: string;
  /** How many million VND one unit is (tỷ đồng → 1000); absent for a unit that is not money. */
  millions?: number;
  /** Where the unit was read ("A3", "C5"), or absent for the default. */
  cell?: string;
  /** True when no cell states the unit and the default (triệu đồng) was assumed. */
  assumed?: boolean;
}

export interface ColumnReading {
  /** Column letters ("C"). */
  col: string;
  /** Composed header text ("Năm 2023 / Thực hiện"). */
  header: string;
  role: ColumnRole;
  /** For "marks" and "indicator" columns: the criterion number or indicator code. */
  criterion?: string;
  unit?: UnitReading;
  hidden?: boolean;
  /** False for a column seen and set aside (a hidden duplicate, a comparison column). */
  used: boolean;
  why?: Bilingual;
}

export interface SkippedRow {
  /** 1-based sheet row. */
  row: number;
  role: RowRole;
  /** The row's label as typed (first text), cut to 60 characters. */
  label: string;
  why: Bilingual;
}

export interface CheckReading {
  kind: "count-vs-marks" | "subtotal" | "total" | "sum-of-lines" | "other";
  cell?: string;
  ok: boolean;
  vi: string;
  en: string;
}

export interface TableReading {
  /** The job input this table was read for ("communes", "budget", "costs"…). */
  input: string;
  what: Bilingual;
  sheet: string;
  /** 1-based sheet rows of the header block, top and bottom. */
  headerRows: [number, number];
  columns: ColumnReading[];
  /** Rows read as data: how many, and as compact ranges ("6-85, 88-90"). */
  used: { count: number; rows: string; role: "commune" | "line" };
  skipped: SkippedRow[];
  hidden: {
    /** Hidden or filtered-out rows of the table: they are data (a filter is a view), counted here. */
    rows: number;
    /** Letters of hidden columns and what was done with each. */
    columns: { col: string; header: string; used: boolean; why: Bilingual }[];
  };
  checks: CheckReading[];
  /** The money unit of the table (a column's own unit is on the column). */
  unit?: UnitReading;
  /** Communes the table's title says were left out of it (a table written by `collect`), and that title's cell. */
  leftOut?: { count: number; cell: string };
}

/** Compact 1-based row ranges: [6,7,8,10] → "6-8, 10". */
export function rowRanges(rows: readonly number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}
