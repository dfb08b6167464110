// The grid of a job input sheet, named or found by the one sheet finder (options are read by each job's declaration).

import { InputError, type Bilingual } from "../../engine/errors";
import type { Grid } from "../grid";
import { findInputSheet, inputSheetNames } from "./sheet-finder";
import type { JobRequest } from "../jobs/job";

/**
 * The grid of a job input (see sheet-finder): the named sheet, or else the visible sheet that `recognise` accepts,
 * or else the first visible input sheet (whose reader then says which headers are missing).
 */
export async function inputGrid(
  request: JobRequest,
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
