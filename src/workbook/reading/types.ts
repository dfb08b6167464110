// The reading's types, inferred from its one declaration (reading/schema.ts). Type-only: importing them costs no
// code, so readers and the pane take their types from here without loading zod.

import type { z } from "zod";
import type {
  checkReadingJson,
  columnReadingJson,
  columnRoleJson,
  rowRoleJson,
  skippedRowJson,
  tableReadingJson,
  unitReadingJson,
} from "./schema";

/** What a column was read as. */
export type ColumnRole = z.infer<typeof columnRoleJson>;
/** What a row was read as; every role but "commune" and "line" is a skipped row. */
export type RowRole = z.infer<typeof rowRoleJson>;
export type UnitReading = z.infer<typeof unitReadingJson>;
export type ColumnReading = z.infer<typeof columnReadingJson>;
export type SkippedRow = z.infer<typeof skippedRowJson>;
export type CheckReading = z.infer<typeof checkReadingJson>;
export type TableReading = z.infer<typeof tableReadingJson>;

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
