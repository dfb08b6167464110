// The grid of a job input sheet, named or found by its headers (options are read by each job's declaration).

import { InputError, type Bilingual } from "../../engine/errors";
import type { Grid } from "../grid";
import type { JobRequest } from "./job";

/**
 * The grid of a job input: the named sheet, or else the first sheet that `recognise` accepts, or else the
 * first sheet (whose reader then says which headers are missing). Null when an optional input is absent.
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
  if (ref.sheet) return ref.workbook.readSheet(ref.sheet);
  const names = await ref.workbook.sheetNames();
  let first: Grid | null = null;
  for (const name of names) {
    const grid = await ref.workbook.readSheet(name);
    if (recognise(grid)) return grid;
    first ??= grid;
  }
  if (first) return first;
  throw new InputError({
    expected: { vi: `một trang tính có ${label.vi}`, en: `a sheet with the ${label.en}` },
  });
}
