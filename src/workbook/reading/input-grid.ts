// The grid of a job input sheet, named or found by the one sheet finder (options are read by each job's declaration).
// When no visible sheet fits, one rule for every job: the only input sheet there is goes to the reader, whose error
// names the headers it misses; with several (or none), the refusal names each sheet looked at, where its header row
// was sought and what it lacks (readers/no-sheet.ts).

import { InputError, type Bilingual } from "../../engine/errors";
import type { Grid } from "../grid";
import { noSheetHolds, type NoSheetHolds } from "../readers/no-sheet";
import type { WorkbookPort } from "../port";
import type { ColumnSpec } from "../readers/table";
import { findInputSheet, hiddenSheetNames, inputSheetNames, isResultSheet } from "./sheet-finder";
import type { InputRef, RunInputs } from "./inputs";

/** A job's own refusal when no sheet fits, given the sheets looked at (naming the columns it needs in each). */
export type NoSheetRefusal = (grids: Grid[]) => InputError;

/** No visible sheet fits: the only candidate sheet (for its reader to say what it misses), else a refusal. */
async function noSheetFits(
  ref: InputRef,
  what: Bilingual,
  exclude: string[],
  refuse?: NoSheetRefusal
): Promise<Grid> {
  const names = (await inputSheetNames(ref.workbook)).filter((n) => !exclude.includes(n));
  if (names.length === 1) return ref.workbook.readSheet(names[0]);
  const grids: Grid[] = [];
  for (const name of names) grids.push(await ref.workbook.readSheet(name));
  if (refuse && grids.length > 0) throw refuse(grids);
  throw noSheetHolds({ grids, what, skipped: await skippedSheets(ref.workbook, names, exclude) });
}

/**
 * The refusal when no sheet of a workbook holds a table (findInputSheet found none): every input sheet is looked at
 * and said what it lacks (see noSheetHolds); sheets not looked at are listed when there is none.
 */
export async function noSheetHoldsIn(
  workbook: WorkbookPort,
  table: Omit<NoSheetHolds, "grids" | "skipped">,
  exclude: string[] = []
): Promise<InputError> {
  const names = (await inputSheetNames(workbook)).filter((n) => !exclude.includes(n));
  const grids: Grid[] = [];
  for (const name of names) grids.push(await workbook.readSheet(name));
  return noSheetHolds({ ...table, grids, skipped: await skippedSheets(workbook, names, exclude) });
}

/** The sheets of a workbook no input is read from unnamed, and why: hidden, the add-in's results, another input's. */
async function skippedSheets(
  workbook: WorkbookPort,
  looked: string[],
  exclude: string[]
): Promise<{ sheet: string; why: Bilingual }[]> {
  const hidden = new Set(await hiddenSheetNames(workbook));
  return (await workbook.sheetNames())
    .filter((n) => !looked.includes(n))
    .map((sheet) => ({
      sheet,
      why: exclude.includes(sheet)
        ? { vi: "đã đọc cho đầu vào khác", en: "read for another input" }
        : isResultSheet(sheet)
          ? { vi: "trang kết quả của NTM Planner", en: "an NTM Planner result sheet" }
          : hidden.has(sheet)
            ? { vi: "trang ẩn: chọn đúng tên trang để dùng", en: "hidden: name it to use it" }
            : { vi: "không đọc", en: "not read" },
    }));
}

/** A job's refusal naming the columns of the table's layouts that each sheet looked at lacks (see noSheetHolds). */
export function lacking(what: Bilingual, layouts: ColumnSpec[][]): NoSheetRefusal {
  return (grids) => noSheetHolds({ grids, what, layouts });
}

/**
 * The grid of a job input: the named sheet, or else the visible sheet that `recognise` accepts, or else (see
 * noSheetFits) the only input sheet there is.
 */
export async function inputGrid(
  request: { inputs: RunInputs },
  id: string,
  label: Bilingual,
  recognise: (grid: Grid) => boolean,
  refuse?: NoSheetRefusal
): Promise<Grid> {
  const ref = request.inputs[id];
  if (!ref) {
    throw new InputError({
      found: `${id}: (trống / missing)`,
      expected: { vi: `dữ liệu đầu vào: ${label.vi}`, en: `an input: ${label.en}` },
    });
  }
  return findGrid(ref, recognise, () => true, label, undefined, refuse);
}

/**
 * The named sheet, or the first visible sheet whose headers fit (preferring ones that fit nothing else), or else
 * (see noSheetFits) the only input sheet there is. With several sheets and none fitting, `refuse` (when given) says
 * what each sheet looked at lacks.
 */
export async function findGrid(
  ref: InputRef,
  fits: (grid: Grid) => boolean,
  prefer: (grid: Grid) => boolean,
  what: Bilingual,
  exclude?: string,
  refuse?: NoSheetRefusal
): Promise<Grid> {
  const excluded = exclude === undefined ? [] : [exclude];
  const found = await findInputSheet(ref.workbook, {
    named: ref.sheet,
    accepts: fits,
    prefer,
    exclude: excluded,
    what,
  });
  return found ? found.grid : noSheetFits(ref, what, excluded, refuse);
}
