// The one refusal when no sheet of a workbook holds an input table: for each sheet looked at, the range its header
// row was sought in ("Xã!A1:H30"), the row closest to a header there and the columns it lacks, in Vietnamese and
// English. The error names the header row of the sheet closest to the table (or the first sheet's A1), so that even
// this refusal names a sheet and a cell.

import { InputError, type Bilingual } from "../../engine/errors";
import { cellRef, gridAddress, type Grid } from "../grid";
import { headerRowLookedAt, MAX_HEADER_SCAN, type ColumnSpec } from "./table";

/** One sheet looked at: where its header row was sought, the row closest to one, and what it lacks. */
export interface SheetLookedAt {
  grid: Grid;
  /** Index into grid.rows of the row closest to a header; null when there is none. */
  row: number | null;
  /** Required columns found on that row (-1 without a header row). */
  matched: number;
  vi: string;
  en: string;
}

/** The range a header row is sought in: the first rows of the sheet's used range, every used column. */
export function headerScanRange(grid: Grid): string {
  const rows = Math.max(1, Math.min(grid.rows.length, MAX_HEADER_SCAN));
  let width = 1;
  for (let r = 0; r < rows; r++) width = Math.max(width, grid.rows[r]?.length ?? 0);
  const from = gridAddress(grid, 0, 0);
  const to = gridAddress(grid, rows - 1, width - 1);
  return cellRef(grid.sheet, from === to ? from : `${from}:${to}`);
}

const quoted = (specs: ColumnSpec[]) => specs.map((s) => `"${s.aliases[0]}"`).join(", ");

/**
 * What one sheet looked at lacks, given the table's layouts (a funding table has two): the layout whose required
 * columns the sheet's closest header row matches best. Without layouts, the row is said not to be the table's header.
 */
export function sheetLookedAt(grid: Grid, layouts: ColumnSpec[][] = []): SheetLookedAt {
  const range = headerScanRange(grid);
  if (grid.rows.every((row) => row.every((v) => v === null || v === ""))) {
    return {
      grid,
      row: null,
      matched: -1,
      vi: `trang '${grid.sheet}' (${range}): trống`,
      en: `sheet '${grid.sheet}' (${range}): empty`,
    };
  }
  let best: { row: number; texts: string[]; lacking: ColumnSpec[]; matched: number } | null = null;
  for (const specs of layouts.length > 0 ? layouts : [[]]) {
    const seen = headerRowLookedAt(grid, specs);
    if (!seen) continue;
    const required = specs.filter((s) => s.required);
    const lacking = required.filter((s) => !seen.matched.includes(s.key));
    const matched = required.length - lacking.length;
    if (!best || matched > best.matched) best = { ...seen, lacking, matched };
  }
  if (!best) {
    return {
      grid,
      row: null,
      matched: -1,
      vi: `trang '${grid.sheet}' (đã tìm trong ${range}): không có dòng tiêu đề (hai ô chữ trở lên)`,
      en: `sheet '${grid.sheet}' (sought in ${range}): no header row (two text cells or more)`,
    };
  }
  const number = Number(/\d+$/.exec(gridAddress(grid, best.row, 0))![0]);
  const shown = best.texts.slice(0, 6).join(", ") + (best.texts.length > 6 ? ", …" : "");
  const lacks =
    layouts.length === 0
      ? { vi: "không phải tiêu đề của bảng này", en: "is not this table's header" }
      : { vi: `thiếu ${quoted(best.lacking)}`, en: `has no ${quoted(best.lacking)}` };
  return {
    grid,
    row: best.row,
    matched: best.matched,
    vi: `trang '${grid.sheet}' (đã tìm dòng tiêu đề trong ${range}): dòng ${number} (${shown}) ${lacks.vi}`,
    en: `sheet '${grid.sheet}' (header row sought in ${range}): row ${number} (${shown}) ${lacks.en}`,
  };
}

export interface NoSheetHolds {
  /** The sheets looked at, in workbook order. */
  grids: Grid[];
  /** The table: { vi: "bảng chi phí theo tiêu chí", en: "costs by criterion table" }. */
  what: Bilingual;
  /** The columns it needs, in words (said first); by default the first layout's required columns. */
  needed?: Bilingual;
  /** Its layouts' columns, to say what each sheet lacks. */
  layouts?: ColumnSpec[][];
  /** Sheets not looked at and why (hidden, the add-in's results), when none was looked at. */
  skipped?: { sheet: string; why: Bilingual }[];
  /** Options that would do instead of the table (a default cost per indicator), named beside the sheets. */
  options?: string[];
}

/**
 * The refusal: the table and its columns, then each sheet looked at. The cell named is the header row of the sheet
 * closest to the table (most required columns found; the first sheet when none has a header row).
 */
export function noSheetHolds(q: NoSheetHolds): InputError {
  const layouts = q.layouts ?? [];
  const needed =
    q.needed ??
    (layouts.length > 0
      ? {
          vi: `một dòng tiêu đề có các cột ${layouts.map((l) => quoted(l.filter((s) => s.required))).join(" hoặc ")} trong ${MAX_HEADER_SCAN} dòng đầu`,
          en: `a header row with the columns ${layouts.map((l) => quoted(l.filter((s) => s.required))).join(" or ")} within the first ${MAX_HEADER_SCAN} rows`,
        }
      : {
          vi: `một trang tính chứa bảng này (chọn trang bằng --sheet hoặc ô chọn trang)`,
          en: `a sheet holding it (choose it with --sheet or the sheet picker)`,
        });
  const seen = q.grids.map((g) => sheetLookedAt(g, layouts));
  let closest = 0;
  seen.forEach((s, i) => {
    if (s.matched > seen[closest].matched) closest = i;
  });
  const at = seen[closest];
  const place = at
    ? { sheet: at.grid.sheet, cell: gridAddress(at.grid, at.row ?? 0, 0) }
    : q.skipped && q.skipped.length > 0
      ? { sheet: q.skipped[0].sheet, cell: "A1" }
      : {};
  const lookedVi =
    seen.length > 0
      ? `Đã xem ${seen.map((s) => s.vi).join("; ")}`
      : `Không có trang nào để xem${q.skipped?.length ? `: ${q.skipped.map((s) => `'${s.sheet}' (${s.why.vi})`).join(", ")}` : ""}`;
  const lookedEn =
    seen.length > 0
      ? `Looked at ${seen.map((s) => s.en).join("; ")}`
      : `No sheet to look at${q.skipped?.length ? `: ${q.skipped.map((s) => `'${s.sheet}' (${s.why.en})`).join(", ")}` : ""}`;
  return new InputError({
    ...place,
    ...(q.options ? { options: q.options } : {}),
    expected: {
      vi: `${q.what.vi}: ${needed.vi}. ${lookedVi}`,
      en: `${q.what.en}: ${needed.en}. ${lookedEn}`,
    },
  });
}
