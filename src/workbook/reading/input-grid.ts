// The grid of a job input sheet, named or found by the one sheet finder (options are read by each job's declaration).

import { InputError, type Bilingual } from "../../engine/errors";
import type { Grid } from "../grid";
import { findInputSheet, inputSheetNames } from "./sheet-finder";
import type { InputRef, RunInputs } from "./inputs";

/**
 * The grid of a job input (see sheet-finder): the named sheet, or else the visible sheet that `recognise` accepts,
 * or else the first visible input sheet (whose reader then says which headers are missing).
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
  const found = await findInputSheet(ref.workbook, {
    named: ref.sheet,
    accepts: recognise,
    what: label,
  });
  if (found) return found.grid;
  const [first] = await inputSheetNames(ref.workbook);
  if (first !== undefined) return ref.workbook.readSheet(first);
  throw new InputError({
    expected: { vi: `một trang tính có ${label.vi}`, en: `a sheet with the ${label.en}` },
  });
}

/** The named sheet, or the first sheet whose headers fit (preferring ones that fit nothing else). */
export async function findGrid(
  ref: InputRef,
  fits: (grid: Grid) => boolean,
  prefer: (grid: Grid) => boolean,
  what: Bilingual,
  exclude?: string
): Promise<Grid> {
  const found = await findInputSheet(ref.workbook, {
    named: ref.sheet,
    accepts: fits,
    prefer,
    exclude: exclude === undefined ? [] : [exclude],
    what,
  });
  if (!found) {
    throw new InputError({
      expected: { vi: `một trang tính chứa ${what.vi}`, en: `a sheet holding the ${what.en}` },
    });
  }
  return found.grid;
}
