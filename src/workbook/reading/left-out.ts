// How many communes a collected status table leaves out, said in its title by `collect` and read back by the communes
// reader, so that every job run on the table (or on a copy of it, under any sheet name) states it.

import type { Warning } from "../../engine/types";
import type { Grid } from "../grid";
import { gridAddress } from "../grid";
import { titleLines } from "../layout/year";

/** The title's words for it: "3 xã chưa tổng hợp (xem trang 'Cần xử lý') / 3 communes left out (…)". */
export function leftOutNote(count: number, problemsSheet: string): string {
  return `${count} xã chưa tổng hợp (xem trang '${problemsSheet}') / ${count} communes left out (see sheet '${problemsSheet}')`;
}

const NOTE = /(\d+)\s+xã\s+chưa\s+tổng\s+hợp(?:\s*\(xem trang '([^']+)'\))?/iu;

export interface LeftOut {
  count: number;
  /** The sheet listing them, as the title names it. */
  listedIn?: string;
  sheet: string;
  cell: string;
}

/** The count a title above the table states, or null when it states none (any table not written by collect). */
export function leftOutOf(grid: Grid): LeftOut | null {
  for (const line of titleLines(grid)) {
    const m = NOTE.exec(line.text.normalize("NFC"));
    if (!m) continue;
    return {
      count: Number(m[1]),
      ...(m[2] ? { listedIn: m[2] } : {}),
      sheet: grid.sheet,
      cell: gridAddress(grid, line.row, line.col),
    };
  }
  return null;
}

/** The warning every job gives on such a table: the table is not the whole province. */
export function leftOutWarning(l: LeftOut): Warning {
  const where = l.listedIn ? ` (xem trang '${l.listedIn}')` : "";
  const whereEn = l.listedIn ? ` (see sheet '${l.listedIn}')` : "";
  return {
    sheet: l.sheet,
    cell: l.cell,
    vi: `Bảng tổng hợp thiếu ${l.count} xã chưa tổng hợp được${where}: số liệu toàn tỉnh không tính các xã này`,
    en: `The collected table leaves out ${l.count} communes${whereEn}: the province figures do not count them`,
  };
}
