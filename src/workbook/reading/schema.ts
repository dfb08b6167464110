// The reading as the JSON carries it (`reading` in every job's result), declared once against the TypeScript type so
// that the task pane and the report parse it and a change of one shows in the other.

import { z } from "zod";
import type { TableReading } from "./types";

const bilingual = z.object({ vi: z.string(), en: z.string() });

const unitReading = z.object({
  vi: z.string(),
  en: z.string(),
  millions: z.number().optional(),
  cell: z.string().optional(),
  assumed: z.boolean().optional(),
});

const columnRole = z.enum([
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

const rowRole = z.enum([
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

/** One table's reading: the sheet, header rows, columns by role, rows used and set aside, hidden parts, checks. */
export const tableReadingJson: z.ZodType<TableReading> = z.object({
  input: z.string(),
  what: bilingual,
  sheet: z.string(),
  headerRows: z.tuple([z.number(), z.number()]),
  columns: z.array(
    z.object({
      col: z.string(),
      header: z.string(),
      role: columnRole,
      criterion: z.string().optional(),
      unit: unitReading.optional(),
      hidden: z.boolean().optional(),
      used: z.boolean(),
      why: bilingual.optional(),
    })
  ),
  used: z.object({
    count: z.number(),
    rows: z.string(),
    role: z.enum(["commune", "line"]),
  }),
  skipped: z.array(z.object({ row: z.number(), role: rowRole, label: z.string(), why: bilingual })),
  hidden: z.object({
    rows: z.number(),
    columns: z.array(
      z.object({ col: z.string(), header: z.string(), used: z.boolean(), why: bilingual })
    ),
  }),
  checks: z.array(
    z.object({
      kind: z.enum(["count-vs-marks", "subtotal", "total", "sum-of-lines", "other"]),
      cell: z.string().optional(),
      ok: z.boolean(),
      vi: z.string(),
      en: z.string(),
    })
  ),
  unit: unitReading.optional(),
  /** A collected table's communes left out (see reading/left-out.ts): parsed, never dropped, so the report says it. */
  leftOut: z.object({ count: z.number(), cell: z.string() }).optional(),
});

/** What a job read: one entry per input table. */
export const readingsJson = z.array(tableReadingJson);
