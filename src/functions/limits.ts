// The most a cell function takes: beyond it a function would hold Excel's shared runtime (and the task pane) for
// seconds, so it answers #NUM! and names the task-pane job that does the same work.

import { JOB_LABELS, type JobId } from "../workbook/jobs/job-labels";

/**
 * Rows of a table argument (under its header row), or cells of a list argument (coefficients, amounts), one cell
 * function takes: 100,000, ten times the country's communes before the 2025 mergers. The bench holds ALLOCATE
 * (100,000 coefficients), ALLOCATE_POLICY (100,000 commune rows, read lean: readers/commune-attributes-lean.ts) and
 * MIN_RATIO (100,000 bracket rows) at this size to 10× NTM.COUNT over 10,000 cells in the same run (BENCHMARKS.md).
 * ALLOCATE on 100,000 × 20 cells is 2,000,000 coefficients, more rows than an Excel sheet has to spill them: refused.
 * Before the lean reading the limit was 30,000 (ALLOCATE_POLICY took about 20× at 100,000 rows).
 */
export const FUNCTION_ROW_LIMIT = 100_000;

/** What a range holds, in words: "hệ số / coefficients", "dòng xã / commune rows". */
export interface RangeWhat {
  vi: string;
  en: string;
  /** "cells": every cell is one value (a list); "rows": one row is one item, under an optional header row. */
  count: "cells" | "rows";
}

function size(range: unknown, count: RangeWhat["count"]): number {
  if (!Array.isArray(range)) return 0;
  if (count === "rows") {
    // The header row, when there is one: a first row whose first cell is a number is an item (a bracket row).
    const first: unknown = Array.isArray(range[0]) ? range[0][0] : range[0];
    return Math.max(0, range.length - (typeof first === "number" ? 0 : 1));
  }
  let cells = 0;
  for (const row of range) cells += Array.isArray(row) ? row.length : 1;
  return cells;
}

const vi = (n: number) => n.toLocaleString("vi-VN");
const en = (n: number) => n.toLocaleString("en-US");

/**
 * Refuses a range larger than FUNCTION_ROW_LIMIT with #NUM!, before a cell of it is read: the message gives the
 * size, the limit and the task-pane job, by its label in the pane (jobs/job-labels.ts). Counting is cheap (rows × a length), so a refusal is immediate.
 */
export function checkRangeSize(range: unknown, what: RangeWhat, job: JobId): void {
  const n = size(range, what.count);
  if (n <= FUNCTION_ROW_LIMIT) return;
  const pane = JOB_LABELS[job];
  // Excel shows at most 255 characters of a function's error message.
  const message =
    `${vi(n)} ${what.vi}, quá ${vi(FUNCTION_ROW_LIMIT)} (giới hạn của hàm trong ô): ` +
    `dùng tác vụ "${pane.vi}" trong ngăn tác vụ / ` +
    `${en(n)} ${what.en}, over the ${en(FUNCTION_ROW_LIMIT)} a cell function takes: ` +
    `use the pane's "${pane.en}" job`;
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, message.slice(0, 255));
}
