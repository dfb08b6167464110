// Which columns of a result table fit beside each other in a 320 px task pane: the row's name and its key figures;
// the other columns go behind each row's expander. The workbook always gets every column.

import { maxOf, pushAll } from "../engine/arrays";
import { isCellError, type CellValue } from "../workbook/grid";
import { cellFormat, type OutputTable } from "../workbook/output";
import { formatCell } from "./format";
import type { Lang } from "./i18n";
import { localCell, localText, splitBilingual } from "./localize";

export interface FittedColumn {
  index: number;
  /** Header in the pane's language. */
  header: string;
  numeric: boolean;
}

export interface TableFit {
  title: string;
  /** The column naming each row (commune, source, year); undefined when every column is a figure. */
  name?: FittedColumn;
  /** Shown beside the name, in this order. */
  figures: FittedColumn[];
  /** Shown when a row is expanded. */
  rest: FittedColumn[];
}

/**
 * Width left for the figure columns at 320 px: the pane's 296 px of content less the name column (about 90 px
 * with the row's expander button) and a margin for Excel's own scroll bar.
 */
export const FIGURE_BUDGET_PX = 180;
const CHAR_PX = 7;
const CELL_PADDING_PX = 16;

/** The name and figure columns a reader looks for first in the tables the jobs write (by Vietnamese header). */
const PREFERRED: Record<string, { name?: Record<Lang, string>; figures: string[] }> = {
  NTM_TheoTieuChi: {
    name: { vi: "Tiêu chí", en: "Tên tiếng Anh" },
    figures: ["Số xã đạt", "Tỷ lệ"],
  },
  NTM_ChiTieu: { figures: ["Số TC phấn đấu", "Số chỉ tiêu phấn đấu", "Lũy kế", "Chi phí"] },
  NTM_LoTrinh_MucTieu: { figures: ["Mục tiêu", "Dự kiến năm", "Đánh giá"] },
  NTM_KiemTraNguonVon: {
    name: { vi: "Nội dung", en: "Nội dung" },
    figures: ["Chênh lệch", "Kết quả"],
  },
  NTM_SoSanhNguonVon: {
    name: { vi: "Nội dung", en: "Nội dung" },
    figures: ["Chênh lệch", "Tỷ lệ đến/từ"],
  },
  NTM_DoiUng: { figures: ["Tỷ lệ đối ứng", "Thiếu hụt", "Đạt yêu cầu"] },
  NTM_PhanBo: { figures: ["Tỷ trọng", "Số vốn phân bổ"] },
  NTM_SapNhap: { figures: ["Số xã cũ"] },
  NTM_SapNhap_TinhTrang: { figures: ["Số xã cũ đạt chuẩn", "Số xã cũ"] },
  NTM_LoTrinh: {
    name: { vi: "Năm", en: "Năm" },
    figures: ["Số xã đạt chuẩn", "Số tiêu chí bình quân/xã", "Kinh phí"],
  },
};

const INDEX_HEADER = /^(s?tt|số tt|no\.?)$/i;

function isNumericColumn(table: OutputTable, index: number): boolean {
  let numbers = 0;
  let others = 0;
  for (const row of table.rows) {
    const v = row[index];
    if (typeof v === "number") numbers++;
    else if (v !== null && v !== undefined && v !== "") others++;
  }
  return numbers > 0 && numbers >= others;
}

/** A year written as a plain number (General format, a "Năm…" column): 2024, not 2.024. */
function isYearColumn(table: OutputTable, index: number): boolean {
  const column = table.columns[index];
  if (column?.format && column.format !== "General") return false;
  if (!/(^|\s)năm(\s|\/|$)/i.test(localText(column?.header ?? "", "vi"))) return false;
  return table.rows.every((r) => {
    const v = r[index];
    return typeof v !== "number" || (Number.isInteger(v) && v >= 1000 && v <= 9999);
  });
}

/** A cell as the preview shows it: Vietnamese number formats, fixed words in the pane's language. */
export function cellDisplay(
  table: OutputTable,
  index: number,
  value: CellValue,
  lang: Lang,
  /** The body row, when the value is a table cell: its row may carry its own format. */
  row?: number
): string {
  if (typeof value === "number" && isYearColumn(table, index)) return String(value);
  if (typeof value === "string") {
    const header = table.columns[index]?.header ?? "";
    return localCell(value, lang, splitBilingual(header) !== undefined);
  }
  if (isCellError(value)) return value.error;
  return formatCell(
    value,
    row === undefined ? table.columns[index]?.format : cellFormat(table, row, index)
  );
}

/** Rough width a column needs: its widest value, or its header's longest word (headers wrap between words). */
function columnWidth(table: OutputTable, column: FittedColumn, lang: Lang, rows: number): number {
  let chars = maxOf(column.header.split(/\s+/).map((w) => w.length));
  for (const [r, row] of table.rows.slice(0, rows).entries()) {
    chars = Math.max(chars, cellDisplay(table, column.index, row[column.index], lang, r).length);
  }
  return chars * CHAR_PX + CELL_PADDING_PX;
}

export function fitTable(
  table: OutputTable,
  lang: Lang,
  options: { budget?: number; rows?: number } = {}
): TableFit {
  const budget = options.budget ?? FIGURE_BUDGET_PX;
  const rows = options.rows ?? table.rows.length;
  const columns: FittedColumn[] = table.columns.map((c, index) => ({
    index,
    header: localText(c.header, lang),
    numeric: isNumericColumn(table, index),
  }));
  const viHeader = (c: FittedColumn) => localText(table.columns[c.index].header, "vi");
  const preferred = PREFERRED[table.name];

  const isIndex = (c: FittedColumn) => INDEX_HEADER.test(viHeader(c));
  const wantedName = preferred?.name?.[lang];
  const name =
    (wantedName !== undefined ? columns.find((c) => viHeader(c) === wantedName) : undefined) ??
    columns.find((c) => !c.numeric && !isIndex(c));

  const candidates: FittedColumn[] = [];
  for (const wanted of preferred?.figures ?? []) {
    const c = columns.find((col) => col !== name && viHeader(col).startsWith(wanted));
    if (c && !candidates.includes(c)) candidates.push(c);
  }
  if (candidates.length === 0) {
    pushAll(
      candidates,
      columns.filter((c) => c !== name && c.numeric && !isIndex(c))
    );
  }

  const figures: FittedColumn[] = [];
  let used = 0;
  for (const c of candidates) {
    const width = columnWidth(table, c, lang, rows);
    if (figures.length > 0 && used + width > budget) break;
    figures.push(c);
    used += width;
  }
  const shown = new Set([name, ...figures]);
  return {
    title: localText(table.title ?? table.name, lang),
    name,
    figures,
    rest: columns.filter((c) => !shown.has(c)),
  };
}
