// The reading, declared once: what was read from the workbook, per input table: the sheet, header rows, each
// column's and each skipped row's role and why, hidden parts and what was done with them, the cross-checks made.
// Shown to the user (CLI "Đã đọc", `reading` in every job's JSON, the pane's "Dữ liệu đã đọc" panel, the report's
// source lines). The TypeScript types are inferred from these schemas (reading/types.ts), so a field cannot be in
// the type and missing from what the pane and the report parse.

import { z } from "zod";

const bilingual = z.object({ vi: z.string(), en: z.string() });

export const unitReadingJson = z.object({
  vi: z.string(),
  en: z.string(),
  /** How many million VND one unit is (tỷ đồng → 1000); absent for a unit that is not money. */
  millions: z.number().optional(),
  /** Where the unit was read ("A3", "C5"), or absent for the default. */
  cell: z.string().optional(),
  /** True when no cell states the unit and the default (triệu đồng) was assumed. */
  assumed: z.boolean().optional(),
});

/** What a column was read as. */
export const columnRoleJson = z.enum([
  "name",
  "code",
  "group",
  "district",
  "marks",
  "count",
  "list",
  "indicator",
  "tier",
  "registered",
  "difficult",
  "year",
  "label",
  "amount",
  "share",
  "comparison",
  "coefficient",
  "cost",
  "note",
  "other",
]);

/** What a row was read as; every role but "commune" and "line" is a skipped row. */
export const rowRoleJson = z.enum([
  "commune",
  "line",
  "ward",
  "district",
  "group",
  "subtotal",
  "total",
  "statistic",
  "note",
  "signature",
  "column-numbers",
  "repeated-header",
  "title",
]);

export const columnReadingJson = z.object({
  /** Column letters ("C"). */
  col: z.string(),
  /** Composed header text ("Năm 2023 / Thực hiện"). */
  header: z.string(),
  role: columnRoleJson,
  /** For "marks" and "indicator" columns: the criterion number or indicator code. */
  criterion: z.string().optional(),
  unit: unitReadingJson.optional(),
  hidden: z.boolean().optional(),
  /** False for a column seen and set aside (a hidden duplicate, a comparison column). */
  used: z.boolean(),
  why: bilingual.optional(),
});

export const skippedRowJson = z.object({
  /** 1-based sheet row. */
  row: z.number(),
  role: rowRoleJson,
  /** The row's label as typed (first text), cut to 60 characters. */
  label: z.string(),
  why: bilingual,
});

export const checkReadingJson = z.object({
  kind: z.enum(["count-vs-marks", "subtotal", "total", "sum-of-lines", "other"]),
  cell: z.string().optional(),
  ok: z.boolean(),
  vi: z.string(),
  en: z.string(),
});

/** One table's reading: the sheet, header rows, columns by role, rows used and set aside, hidden parts, checks. */
export const tableReadingJson = z.object({
  /** The job input this table was read for ("communes", "budget", "costs"…). */
  input: z.string(),
  what: bilingual,
  sheet: z.string(),
  /** 1-based sheet rows of the header block, top and bottom. */
  headerRows: z.tuple([z.number(), z.number()]),
  columns: z.array(columnReadingJson),
  /** Rows read as data: how many, and as compact ranges ("6-85, 88-90"). */
  used: z.object({
    count: z.number(),
    rows: z.string(),
    role: z.enum(["commune", "line"]),
  }),
  skipped: z.array(skippedRowJson),
  hidden: z.object({
    /** Hidden or filtered-out rows of the table: they are data (a filter is a view), counted here. */
    rows: z.number(),
    /** Letters of hidden columns and what was done with each. */
    columns: z.array(
      z.object({ col: z.string(), header: z.string(), used: z.boolean(), why: bilingual })
    ),
  }),
  checks: z.array(checkReadingJson),
  /** The money unit of the table (a column's own unit is on the column). */
  unit: unitReadingJson.optional(),
  /** Communes the table's title says were left out of it (a table written by `collect`, see reading/left-out.ts),
   * and that title's cell: parsed, never dropped, so the report says it. */
  leftOut: z.object({ count: z.number(), cell: z.string() }).optional(),
});

/** What a job read: one entry per input table. */
export const readingsJson = z.array(tableReadingJson);
