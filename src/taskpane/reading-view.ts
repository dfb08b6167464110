// What the "Dữ liệu đã đọc / What was read" panel lists for one input table: short bilingual items, each with the
// range it selects in Excel and the sheet rows a browser preview shows; and the preview's table read from the grid.

import type { Bilingual } from "../engine/errors";
import { cellText, columnIndex, columnLetters, type CellValue, type Grid } from "../workbook/grid";
import type { OutputTable } from "../workbook/output";
import type { Lang } from "./i18n";
import type { ColumnReading, ColumnRole, RowRole, TableReading } from "../workbook/reading/types";
import { rowRanges } from "../workbook/reading/types";
import { ROW_ROLE_WORDS } from "../workbook/reading/words";
import { capitalise } from "../workbook/headers";

/** The panel's own words (here, not in i18n.ts: the panel is a chunk of its own and imports no pane module). */
export const READING_UI = {
  reading: { vi: "Dữ liệu đã đọc", en: "What was read" },
  readingHint: {
    vi: "Chọn một mục để xem các dòng, cột đó.",
    en: "Choose an item to see those rows or columns.",
  },
  readingHintExcel: {
    vi: "Chọn một mục để chọn vùng đó trong trang tính.",
    en: "Choose an item to select that range in the sheet.",
  },
  readingAttention: { vi: "cần xem", en: "needs a look" },
  previewLoading: { vi: "Đang đọc trang tính…", en: "Reading the sheet…" },
  previewClose: { vi: "Đóng xem trước", en: "Close preview" },
} satisfies Record<string, Bilingual>;

export const COLUMN_ROLE: Record<ColumnRole, Bilingual> = {
  name: { vi: "tên xã", en: "name" },
  code: { vi: "mã", en: "code" },
  group: { vi: "nhóm xã", en: "commune group" },
  district: { vi: "huyện", en: "district" },
  marks: { vi: "đánh dấu tiêu chí", en: "criterion marks" },
  count: { vi: "số tiêu chí đạt", en: "criteria met (count)" },
  list: { vi: "danh sách tiêu chí đạt", en: "criteria met (list)" },
  indicator: { vi: "chỉ tiêu", en: "indicator" },
  tier: { vi: "mức đạt", en: "tier" },
  registered: { vi: "đăng ký đạt chuẩn", en: "registered" },
  difficult: { vi: "xã khó khăn", en: "difficult commune" },
  year: { vi: "năm", en: "year" },
  label: { vi: "nội dung", en: "label" },
  amount: { vi: "số tiền", en: "amount" },
  share: { vi: "tỷ lệ", en: "share" },
  comparison: { vi: "so sánh", en: "comparison" },
  coefficient: { vi: "hệ số", en: "coefficient" },
  cost: { vi: "chi phí", en: "cost" },
  note: { vi: "ghi chú", en: "note" },
  other: { vi: "khác", en: "other" },
};

/** Skipped rows by role, as the panel groups them. */
export const ROW_ROLE = ROW_ROLE_WORDS;

/** Where an item points: the range Excel selects and the rows (and columns) the browser preview shows. */
export interface ReadingTarget {
  sheet: string;
  /** A1 address: whole rows "6:85, 88:90", a column's data "C6:C85", a cell "D12". */
  address: string;
  /** 1-based sheet rows, ascending. */
  rows: number[];
  /** Column letters shown beside each row's name; every column of the table when absent. */
  cols?: string[];
  /** What the preview is of ("rows 6-85", "column C"), for its heading. */
  what: Bilingual;
}

export interface ReadingItem {
  key: string;
  text: Bilingual;
  detail?: Bilingual;
  /** Something to look at: a failed check, a hidden column used, an assumed unit. */
  warning?: boolean;
  target?: ReadingTarget;
}

export interface ReadingGroup {
  key: "rows" | "columns" | "checks";
  title: Bilingual;
  items: ReadingItem[];
  /** Lines without a range of their own ("3 hidden rows counted", "4 checks passed"). */
  notes: Bilingual[];
}

export interface ReadingSection {
  key: string;
  title: Bilingual;
  /** One line under the title: the sheet and the rows used. */
  summary: Bilingual;
  /** True when something needs a look (a failed check, an assumed unit, a hidden column used). */
  attention: boolean;
  groups: ReadingGroup[];
}

/** Areas an Excel selection is given at most: a long scatter of rows selects its first areas (the preview has all). */
export const MAX_AREAS = 30;

/** "6-85, 88-90" → [6 … 85, 88, 89, 90]. */
export function parseRowRanges(text: string): number[] {
  const rows: number[] = [];
  for (const part of text.split(",")) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    if (!m) continue;
    const first = Number(m[1]);
    const last = m[2] ? Number(m[2]) : first;
    for (let r = first; r <= last; r++) rows.push(r);
  }
  return rows;
}

/** Whole rows as an Excel address: [6,7,8,12] → "6:8, 12:12" (at most MAX_AREAS areas). */
export function rowsAddress(rows: readonly number[]): string {
  return rowRanges(rows)
    .split(", ")
    .filter((p) => p !== "")
    .slice(0, MAX_AREAS)
    .map((p) => {
      const [a, b] = p.split("-");
      return `${a}:${b ?? a}`;
    })
    .join(", ");
}

/** One column over the data rows: "C6:C85" (first to last row, skipped rows between included). */
export function columnAddress(col: string, rows: readonly number[]): string {
  if (rows.length === 0) return `${col}:${col}`;
  const first = rows.reduce((a, b) => Math.min(a, b));
  const last = rows.reduce((a, b) => Math.max(a, b));
  return first === last ? `${col}${first}` : `${col}${first}:${col}${last}`;
}

const plural = (rows: readonly number[]): Bilingual =>
  rows.length === 1 ? { vi: "dòng", en: "row" } : { vi: "dòng", en: "rows" };

function rowsText(rows: readonly number[]): Bilingual {
  const ranges = rowRanges(rows);
  const word = plural(rows);
  return { vi: `${word.vi} ${ranges}`, en: `${word.en} ${ranges}` };
}

const quoted = (labels: string[], more: number) =>
  labels.map((l) => `“${l}”`).join(", ") + (more > 0 ? `, … (+${more})` : "");

function columnDetail(c: ColumnReading): Bilingual {
  const role = COLUMN_ROLE[c.role] ?? { vi: c.role, en: c.role };
  const parts: Bilingual[] = [
    c.criterion ? { vi: `${role.vi} ${c.criterion}`, en: `${role.en} ${c.criterion}` } : role,
  ];
  if (c.unit) parts.push({ vi: c.unit.vi, en: c.unit.en });
  if (c.hidden) parts.push({ vi: "cột ẩn", en: "hidden column" });
  if (!c.used) parts.push({ vi: "không dùng", en: "not used" });
  if (c.why) parts.push(c.why);
  return { vi: parts.map((p) => p.vi).join("; "), en: parts.map((p) => p.en).join("; ") };
}

function columnText(col: string, header: string): Bilingual {
  const h =
    header.trim() === "" ? "" : ` · ${header.length > 50 ? `${header.slice(0, 49)}…` : header}`;
  return { vi: `Cột ${col}${h}`, en: `Column ${col}${h}` };
}

/** Where an A1 cell of the sheet is ("D12" → column D, row 12), to select it; undefined for no such cell. */
function cellTarget(sheet: string, cell: string | undefined): ReadingTarget | undefined {
  const m = cell ? /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(cell.trim()) : null;
  if (!m) return undefined;
  const col = m[1].toUpperCase();
  const row = Number(m[2]);
  return {
    sheet,
    address: `${col}${row}`,
    rows: [row],
    cols: [col],
    what: { vi: `ô ${cell}`, en: `cell ${cell}` },
  };
}

function rowsGroup(r: TableReading): ReadingGroup {
  const items: ReadingItem[] = [];
  const notes: Bilingual[] = [];
  const [top, bottom] = r.headerRows;
  const headerRows = Array.from({ length: bottom - top + 1 }, (_, i) => top + i);
  items.push({
    key: "header",
    text: {
      vi: `Tiêu đề bảng: ${rowsText(headerRows).vi}`,
      en: `Table header: ${rowsText(headerRows).en}`,
    },
    target: {
      sheet: r.sheet,
      address: rowsAddress(headerRows),
      rows: headerRows,
      what: rowsText(headerRows),
    },
  });
  const used = parseRowRanges(r.used.rows);
  const what =
    r.used.role === "line" ? { vi: "dòng số liệu", en: "lines" } : { vi: "xã", en: "communes" };
  items.push({
    key: "used",
    text: {
      vi: `Đã dùng ${r.used.count} ${what.vi}: ${rowsText(used).vi}`,
      en: `Used ${r.used.count} ${what.en}: ${rowsText(used).en}`,
    },
    target:
      used.length > 0
        ? { sheet: r.sheet, address: rowsAddress(used), rows: used, what: rowsText(used) }
        : undefined,
  });
  const byRole = new Map<RowRole, TableReading["skipped"]>();
  for (const s of r.skipped) byRole.set(s.role, [...(byRole.get(s.role) ?? []), s]);
  for (const [role, rows] of byRole) {
    const label = ROW_ROLE[role] ?? { vi: role, en: role };
    const numbers = rows.map((s) => s.row);
    const labels = [...new Set(rows.map((s) => s.label).filter((l) => l !== ""))];
    const whys = [...new Map(rows.map((s) => [s.why.en, s.why])).values()].slice(0, 2);
    const shown = quoted(labels.slice(0, 3), labels.length - 3);
    items.push({
      key: `skipped-${role}`,
      text: {
        vi: `Bỏ qua ${rows.length} ${label.vi}: ${rowsText(numbers).vi}`,
        en: `Skipped ${rows.length} ${label.en}: ${rowsText(numbers).en}`,
      },
      detail: {
        vi: [shown, ...whys.map((w) => w.vi)].filter((t) => t !== "").join(" — "),
        en: [shown, ...whys.map((w) => w.en)].filter((t) => t !== "").join(" — "),
      },
      target: {
        sheet: r.sheet,
        address: rowsAddress(numbers),
        rows: numbers,
        what: rowsText(numbers),
      },
    });
  }
  if (r.hidden.rows > 0)
    notes.push({
      vi: `${r.hidden.rows} dòng ẩn hoặc bị lọc vẫn được tính (bộ lọc chỉ là cách xem)`,
      en: `${r.hidden.rows} hidden or filtered-out rows are counted (a filter is a view)`,
    });
  return { key: "rows", title: { vi: "Dòng", en: "Rows" }, items, notes };
}

function columnsGroup(r: TableReading): ReadingGroup {
  const used = parseRowRanges(r.used.rows);
  const items: ReadingItem[] = [];
  const target = (col: string): ReadingTarget => ({
    sheet: r.sheet,
    address: columnAddress(col, used),
    rows: used,
    cols: [col],
    what: { vi: `cột ${col}`, en: `column ${col}` },
  });
  // Used columns first, then those set aside; a hidden column listed only among the hidden parts comes last.
  const ordered = [...r.columns.filter((c) => c.used), ...r.columns.filter((c) => !c.used)];
  for (const c of ordered) {
    items.push({
      key: `column-${c.col}`,
      text: columnText(c.col, c.header),
      detail: columnDetail(c),
      warning: c.hidden && c.used,
      target: target(c.col),
    });
  }
  const listed = new Set(r.columns.map((c) => c.col));
  for (const h of r.hidden.columns.filter((h) => !listed.has(h.col))) {
    const state = h.used
      ? { vi: "cột ẩn, có dùng", en: "hidden column, used" }
      : { vi: "cột ẩn, không dùng", en: "hidden column, not used" };
    items.push({
      key: `hidden-${h.col}`,
      text: columnText(h.col, h.header),
      detail: { vi: `${state.vi}; ${h.why.vi}`, en: `${state.en}; ${h.why.en}` },
      warning: h.used,
      target: target(h.col),
    });
  }
  const notes: Bilingual[] = [];
  if (r.unit) {
    const where = r.unit.assumed
      ? { vi: " (giả định: không ô nào ghi đơn vị)", en: " (assumed: no cell states the unit)" }
      : r.unit.cell
        ? { vi: ` (ô ${r.unit.cell})`, en: ` (cell ${r.unit.cell})` }
        : { vi: "", en: "" };
    const text = {
      vi: `Đơn vị tính: ${r.unit.vi}${where.vi}`,
      en: `Unit: ${r.unit.en}${where.en}`,
    };
    items.unshift({
      key: "unit",
      text,
      warning: r.unit.assumed,
      target: cellTarget(r.sheet, r.unit.cell),
    });
  }
  return { key: "columns", title: { vi: "Cột", en: "Columns" }, items, notes };
}

function checksGroup(r: TableReading): ReadingGroup | null {
  if (r.checks.length === 0) return null;
  const items: ReadingItem[] = r.checks
    .filter((c) => !c.ok)
    .map((c, i) => ({
      key: `check-${i}`,
      text: { vi: c.vi, en: c.en },
      warning: true,
      target: cellTarget(r.sheet, c.cell),
    }));
  const passed = r.checks.filter((c) => c.ok).length;
  const notes: Bilingual[] =
    passed > 0 ? [{ vi: `${passed} phép kiểm tra khớp`, en: `${passed} checks agree` }] : [];
  return { key: "checks", title: { vi: "Kiểm tra chéo", en: "Cross-checks" }, items, notes };
}

/** The panel's section for each input table read. */
export function readingSections(readings: readonly TableReading[]): ReadingSection[] {
  return readings.map((r, i) => {
    const groups = [rowsGroup(r), columnsGroup(r), checksGroup(r)].filter(
      (g): g is ReadingGroup => g !== null
    );
    const what =
      r.used.role === "line" ? { vi: "dòng", en: "lines" } : { vi: "xã", en: "communes" };
    return {
      key: `${i}-${r.input}-${r.sheet}`,
      title: { vi: capitalise(r.what.vi), en: capitalise(r.what.en) },
      summary: {
        vi: `Trang '${r.sheet}': ${r.used.count} ${what.vi}`,
        en: `Sheet '${r.sheet}': ${r.used.count} ${what.en}`,
      },
      attention: groups.some((g) => g.items.some((it) => it.warning)),
      groups,
    };
  });
}

/** Rows a preview shows before "show all" is the result table's business; this caps what is built at all. */
export const PREVIEW_MAX_ROWS = 500;

/**
 * The rows of a target as a read-only table for the preview: first each row's number and name (its name column,
 * else its first text), then the target's columns, else every column the reading names, those read first (every
 * column with a header when it names none). Values as read; nothing is computed.
 */
export function previewTable(
  grid: Grid,
  reading: TableReading,
  target: ReadingTarget,
  lang: Lang
): OutputTable {
  const headerRow = reading.headerRows[1] - 1 - grid.origin.row;
  const gridCol = (letters: string) => columnIndex(letters) - grid.origin.col;
  const headerOf = (c: number) =>
    cellText(grid.rows[headerRow]?.[c] ?? null)
      .replace(/\s+/g, " ")
      .trim();
  const nameCol =
    reading.columns.find((c) => c.role === "name") ??
    reading.columns.find((c) => c.role === "label");
  let cols: { letters: string; header: string }[];
  if (target.cols) {
    cols = target.cols.map((letters) => ({
      letters,
      header: reading.columns.find((c) => c.col === letters)?.header ?? headerOf(gridCol(letters)),
    }));
  } else if (reading.columns.length > 0) {
    // The columns read first (they take the places beside the name), then those set aside.
    cols = [...reading.columns.filter((c) => c.used), ...reading.columns.filter((c) => !c.used)]
      .filter((c) => c.col !== nameCol?.col)
      .map((c) => ({ letters: c.col, header: c.header }));
  } else {
    const width = grid.rows[headerRow]?.length ?? 0;
    cols = [];
    for (let c = 0; c < width; c++) {
      const header = headerOf(c);
      if (header !== "") cols.push({ letters: columnLetters(grid.origin.col + c), header });
    }
  }
  const rowName = (r: number): string => {
    const row = grid.rows[r] ?? [];
    const named = nameCol ? cellText(row[gridCol(nameCol.col)] ?? null).trim() : "";
    const first =
      named !== "" ? named : (row.map((v) => cellText(v).trim()).find((t) => t !== "") ?? "");
    return first.length > 60 ? `${first.slice(0, 59)}…` : first;
  };
  const rows: CellValue[][] = target.rows.slice(0, PREVIEW_MAX_ROWS).map((sheetRow) => {
    const r = sheetRow - 1 - grid.origin.row;
    const name = rowName(r);
    return [
      name === "" ? `${sheetRow}` : `${sheetRow}. ${name}`,
      ...cols.map((c) => grid.rows[r]?.[gridCol(c.letters)] ?? null),
    ];
  });
  return {
    name: "NTM_DaDoc",
    title: previewTitle(reading, target)[lang],
    columns: [
      { header: lang === "vi" ? "Dòng" : "Row" },
      ...cols.map((c) => ({ header: c.header === "" ? c.letters : `${c.letters}: ${c.header}` })),
    ],
    rows,
  };
}

/** "Xem trước (chỉ đọc): trang 'Xã', dòng 3-82". */
export function previewTitle(reading: TableReading, target: ReadingTarget): Bilingual {
  return {
    vi: `Xem trước (chỉ đọc): trang '${reading.sheet}', ${target.what.vi}`,
    en: `Preview (read-only): sheet '${reading.sheet}', ${target.what.en}`,
  };
}
