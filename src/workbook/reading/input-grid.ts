// The grid of a job input sheet, named or found by the one sheet finder (options are read by each job's declaration).
// When no visible sheet fits, one rule for every job: the only input sheet there is goes to the reader, whose error
// names the headers it misses; with several, none is blamed and the refusal lists the sheets looked at.

import { InputError, type Bilingual } from "../../engine/errors";
import type { Grid } from "../grid";
import { findInputSheet, inputSheetNames } from "./sheet-finder";
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
  if (refuse && names.length > 0) {
    const grids: Grid[] = [];
    for (const name of names) grids.push(await ref.workbook.readSheet(name));
    throw refuse(grids);
  }
  throw new InputError({
    ...(names.length > 0 ? { found: names.join(", ") } : {}),
    expected: {
      vi: `một trang tính chứa ${what.vi} (chọn trang bằng --sheet hoặc ô chọn trang)`,
      en: `a sheet holding the ${what.en} (choose it with --sheet or the sheet picker)`,
    },
  });
}

/**
 * The grid of a job input: the named sheet, or else the visible sheet that `recognise` accepts, or else (see
 * noSheetFits) the only input sheet there is.
 */
export async function inputGrid(
  request: { inputs: RunInputs },
  id: string,
  label: Bilingual,
  recognise: (grid: Grid) => boolean
): Promise<Grid> {
  const ref = request.inputs[id];
  if (!ref) {
    throw new InputError({
      found: `${id}: (trống / missing)`,
      expected: { vi: `dữ liệu đầu vào: ${label.vi}`, en: `an input: ${label.en}` },
    });
  }
  return findGrid(ref, recognise, () => true, label);
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
