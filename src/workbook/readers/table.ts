// Finding a table in a sheet by its headers (any row, any column order, with or without diacritics) and reading
// its cells with errors that name the cell. Every reader builds on this.

import { InputError, type Bilingual } from "../../engine/errors";
import {
  ambiguousNumberWords,
  formatVi,
  numberTextOutOfRange,
  parseNumberText,
  type ParsedNumber,
} from "../../engine/numbers";
import type { Warning } from "../../engine/types";
import { labelKey } from "../../engine/text";
import {
  cellText,
  columnLetters,
  gridAddress,
  isBlank,
  isCellError,
  UNCALCULATED,
  type CellValue,
  type Grid,
} from "../grid";
import { headerBlock, headerTextFromAbove, isColumnNumberRow } from "../layout/header";
import { hasNoNumbers, isEndRow, rowTexts } from "../layout/labels";
import { tableUnit, unitInText, type MoneyUnit } from "../layout/units";
import { legacyEncoding, legacyExpected } from "../layout/legacy-text";
import { newRecord, noteColumn, skipRow, useRow, type TableRecord } from "../reading/record";
import type { ColumnRole, UnitReading } from "../reading/types";

export interface ColumnSpec {
  key: string;
  /** Header spellings; compared with labelKey (case, diacritics, spacing ignored). */
  aliases: string[];
  /** Also match headers that start with an alias ("Chi phí (triệu đồng)" for "chi phi"). Default true. */
  prefix?: boolean;
  required?: boolean;
  label?: Bilingual;
}

export interface LocatedTable {
  grid: Grid;
  /** Index into grid.rows of the header row: the lowest row of the header block. */
  headerRow: number;
  /** Index into grid.rows of the first header row (the same as headerRow for one-row headers). */
  headerTop: number;
  /** Composed header text per column ("Năm 2023 / Thực hiện"); "" where a column has none. */
  headers: string[];
  /** Column index (into the row arrays) per matched spec key. */
  columns: Record<string, number>;
  /** Headers of the header block that matched no spec: index → composed header text. */
  unmatched: { col: number; header: string }[];
  /** Indices into grid.rows of the data rows: after the header, blank, column-number and repeated header rows skipped, up to the end of the table. */
  dataRows: number[];
  /** The column-number row under the header ("(1) (2) (3)"), if any. */
  columnNumberRow: number | null;
  /** The row where the table ends (a note, "Ghi chú", a signature or date line), if any; it and what follows are not read. */
  endRow: number | null;
  /** Non-blank rows after the end of the table, which are not read. */
  ignoredRows: number[];
  /** The money unit the sheet states ("ĐVT: tỷ đồng"), or null. */
  unit: MoneyUnit | null;
  /** What the readers decided row by row and column by column (reading/record.ts), shown as the table's reading. */
  record: TableRecord;
}

export const MAX_HEADER_SCAN = 30;

function matches(header: string, spec: ColumnSpec): boolean {
  const key = labelKey(header);
  if (!key) return false;
  return spec.aliases.some((alias) => {
    const a = labelKey(alias);
    return (
      key === a || (spec.prefix !== false && (key.startsWith(a + " ") || key.startsWith(a + "(")))
    );
  });
}

const NONE: ReadonlySet<number> = new Set();

/**
 * Headers given to specs, each spec to its first column. Visible columns are matched first: a hidden column takes a
 * spec only when no visible column matches it (a hidden copy of last year's count never stands in for this year's).
 */
function matchTexts(
  texts: string[],
  specs: ColumnSpec[],
  hidden: ReadonlySet<number> = NONE
): Record<string, number> {
  const columns: Record<string, number> = {};
  const pass = (wantHidden: boolean) =>
    texts.forEach((text, c) => {
      if (text === "" || hidden.has(c) !== wantHidden) return;
      const spec = specs.find((s) => columns[s.key] === undefined && matches(text, s));
      if (spec) columns[spec.key] = c;
    });
  pass(false);
  if (hidden.size > 0) pass(true);
  return columns;
}

/** The grid's hidden columns as indices into its row arrays. */
function hiddenColumnIndices(grid: Grid): ReadonlySet<number> {
  if (!grid.hiddenCols || grid.hiddenCols.length === 0) return NONE;
  const out = new Set<number>();
  for (const sc of grid.hiddenCols) if (sc >= grid.origin.col) out.add(sc - grid.origin.col);
  return out;
}

/** A row's header texts: its own cells, or for a blank cell the text of a header row just above (merged down). */
function effectiveTexts(grid: Grid, r: number): string[] {
  const row = grid.rows[r] ?? [];
  return row.map((cell, c) => {
    if (typeof cell === "string" && cell.trim() !== "") return cell;
    if (isBlank(cell)) return headerTextFromAbove(grid, r, c);
    return "";
  });
}

/**
 * A row of figures, not of headers: some cells hold numbers (years such as 2023 aside, which headers carry). Such a
 * row is never taken for the header, even when a name in it starts like a header ("Xã Thanh Thới An").
 */
function looksLikeData(row: readonly CellValue[]): boolean {
  return row.some((v) => {
    if (typeof v === "number") return !(Number.isInteger(v) && v >= 1990 && v <= 2100);
    if (typeof v !== "string") return false;
    const t = v.trim();
    // Indicator codes ("1.1", "10.2") head columns in 2026-2030 sheets: they are not figures.
    if (/^\d{1,2}\.\d{1,2}$/.test(t) || /^(19|20)\d\d$/.test(t)) return false;
    return /^[-+(]?\d[\d.,]*\)?%?$/.test(t);
  });
}

/** True when some cell is exactly a header alias ("Tên xã"), not merely starts like one ("Xã Thanh Thới An"). */
function namesAHeaderExactly(texts: string[], specs: ColumnSpec[]): boolean {
  return texts.some((t) => {
    const key = labelKey(t);
    return key !== "" && specs.some((s) => s.aliases.some((a) => labelKey(a) === key));
  });
}

const hasRequired = (specs: ColumnSpec[], columns: Record<string, number>) =>
  specs.every((s) => !s.required || columns[s.key] !== undefined);

/**
 * A row repeating the header (tables printed over several pages repeat it): every filled cell is text equal to the
 * header above it, at least two of them. `headerKeys` are the header's label keys, made once per table; a row with a
 * number or a date is data at once, so most rows cost no label key at all.
 */
function repeatsHeader(row: readonly CellValue[], headerKeys: readonly string[]): boolean {
  let texts = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === "string") texts++;
    else if (!isBlank(v ?? null)) return false;
  }
  if (texts < 2) return false;
  let same = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    const header = headerKeys[c] ?? "";
    if (typeof v === "string" && header !== "" && labelKey(v) === header) same++;
    else if (!isBlank(v ?? null)) return false;
  }
  return same >= 2;
}

/** A sentence alone on its row after a gap: a note under the table, not a data row. */
function isLoneNote(row: readonly CellValue[]): boolean {
  const texts = rowTexts(row);
  return (
    texts.length === 1 &&
    hasNoNumbers(row) &&
    texts[0].text.length >= 40 &&
    texts[0].text.split(/\s+/).length >= 6
  );
}

/** A table's header block and the columns its headers give the specs: the part of tryLocateTable that reads no data row. */
export interface LocatedHeader {
  block: ReturnType<typeof headerBlock>;
  columns: Record<string, number>;
  /** The grid's hidden columns, as indices into its row arrays. */
  hidden: ReadonlySet<number>;
}

/**
 * The header of a table, found among the first rows as tryLocateTable finds it (tryLocateTable is this plus the scan
 * of the rows below): null when no row has the required headers. A lean reading of a cell function's range uses
 * it to find the same columns without the table's row-by-row record.
 */
export function locateHeader(grid: Grid, specs: ColumnSpec[]): LocatedHeader | null {
  let best: { row: number; columns: Record<string, number> } | null = null;
  const hidden = hiddenColumnIndices(grid);
  const scan = Math.min(grid.rows.length, MAX_HEADER_SCAN);
  for (let r = 0; r < scan; r++) {
    const texts = effectiveTexts(grid, r);
    if (looksLikeData(grid.rows[r] ?? []) && !namesAHeaderExactly(texts, specs)) continue;
    const columns = matchTexts(texts, specs, hidden);
    const count = Object.keys(columns).length;
    if (
      hasRequired(specs, columns) &&
      count > 0 &&
      (!best || count > Object.keys(best.columns).length)
    ) {
      best = { row: r, columns };
    }
  }
  if (!best) return null;
  const required = specs.filter((s) => s.required).map((s) => best!.columns[s.key]);
  const keyCols = required.length > 0 ? required : [Object.values(best.columns)[0]];
  const block = headerBlock(grid, best.row, keyCols);
  let columns = matchTexts(block.lastParts, specs, hidden);
  // A column named by a bare number under a caption (criterion 7 under "Tiêu chí đạt") is not the caption's column.
  const numbered = (c: number) => /^\d{1,2}$/.test(block.lastParts[c] ?? "");
  // A column named only by its group ("Năm 2023 / Kế hoạch" for an alias "Năm 2023 Kế hoạch") is matched whole.
  const composed = matchTexts(
    block.headers.map((h, c) => (numbered(c) ? "" : h)),
    specs.filter((s) => columns[s.key] === undefined),
    hidden
  );
  for (const [key, col] of Object.entries(composed)) {
    if (!Object.values(columns).includes(col)) columns[key] = col;
  }
  const bestColumns = Object.fromEntries(
    Object.entries(best.columns).filter(([, c]) => !numbered(c))
  );
  if (
    !hasRequired(specs, columns) ||
    Object.keys(columns).length < Object.keys(bestColumns).length
  ) {
    columns = bestColumns;
  }
  // A visible column matched in the composed pass may have left a hidden one holding the same spec's twin.
  for (const [key, col] of Object.entries(columns)) {
    if (!hidden.has(col)) continue;
    const spec = specs.find((s) => s.key === key)!;
    const visible = block.headers.findIndex(
      (h, c) =>
        !hidden.has(c) &&
        !Object.values(columns).includes(c) &&
        (matches(block.lastParts[c] ?? "", spec) || matches(h, spec))
    );
    if (visible >= 0) columns[key] = visible;
  }
  return { block, columns, hidden };
}

/**
 * The table on a sheet, found by its headers among the first rows: the header block (1-3 rows, merged cells
 * composed), the column-number row, the data rows and where the table ends. Null when no row has the required headers.
 */
/**
 * Locates a table by its headers. `rowsOf`, a table already located on the same grid, lends its data rows when the
 * header block found is the same (the rows below a header block depend on the block alone): a second reading of the
 * same table with other column specs then does not scan its rows again.
 */
export function tryLocateTable(
  grid: Grid,
  specs: ColumnSpec[],
  rowsOf?: LocatedTable | null
): LocatedTable | null {
  const header = locateHeader(grid, specs);
  if (!header) return null;
  const { block, columns, hidden } = header;
  const record = newRecord();
  if (
    rowsOf &&
    rowsOf.grid === grid &&
    rowsOf.headerTop === block.top &&
    rowsOf.headerRow === block.bottom
  ) {
    for (const [r, s] of rowsOf.record.skipped) record.skipped.set(r, s);
    for (const r of rowsOf.record.used) record.used.add(r);
    return locatedFrom(grid, block, specs, columns, hidden, record, {
      dataRows: rowsOf.dataRows.slice(),
      columnNumberRow: rowsOf.columnNumberRow,
      endRow: rowsOf.endRow,
      ignoredRows: rowsOf.ignoredRows.slice(),
    });
  }

  let columnNumberRow: number | null = null;
  let endRow: number | null = null;
  const dataRows: number[] = [];
  const ignoredRows: number[] = [];
  const skip = (r: number, role: Parameters<typeof skipRow>[2], why: Bilingual) =>
    skipRow({ record } as Parameters<typeof skipRow>[0], r, role, why);
  let gap = 0;
  const headerKeys = block.lastParts.map((p) => labelKey(p ?? ""));
  for (let r = block.bottom + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (row.every(isBlank)) {
      gap++;
      continue;
    }
    if (endRow !== null) {
      ignoredRows.push(r);
      skip(r, "signature", {
        vi: "sau cuối bảng (ghi chú, chữ ký)",
        en: "after the end of the table (notes, signatures)",
      });
      continue;
    }
    if (dataRows.length === 0 && columnNumberRow === null && isColumnNumberRow(row)) {
      columnNumberRow = r;
      skip(r, "column-numbers", { vi: "dòng số thứ tự cột", en: "column-number row" });
      continue;
    }
    if (isColumnNumberRow(row)) {
      skip(r, "column-numbers", { vi: "dòng số thứ tự cột", en: "column-number row" });
      continue;
    }
    if (repeatsHeader(row, headerKeys)) {
      skip(r, "repeated-header", {
        vi: "tiêu đề lặp lại (bảng in nhiều trang)",
        en: "repeated header (table printed over pages)",
      });
      continue;
    }
    const loneNote = gap > 0 && dataRows.length > 0 && isLoneNote(row);
    if (isEndRow(row) || loneNote) {
      endRow = r;
      ignoredRows.push(r);
      skip(r, "note", {
        vi: "cuối bảng: ghi chú hoặc chữ ký",
        en: "end of the table: a note or signature",
      });
      continue;
    }
    gap = 0;
    dataRows.push(r);
    useRow({ record } as Parameters<typeof useRow>[0], r);
  }
  return locatedFrom(grid, block, specs, columns, hidden, record, {
    dataRows,
    columnNumberRow,
    endRow,
    ignoredRows,
  });
}

function locatedFrom(
  grid: Grid,
  block: ReturnType<typeof headerBlock>,
  specs: ColumnSpec[],
  columns: Record<string, number>,
  hidden: ReadonlySet<number>,
  record: TableRecord,
  rows: Pick<LocatedTable, "dataRows" | "columnNumberRow" | "endRow" | "ignoredRows">
): LocatedTable {
  const { dataRows, columnNumberRow, endRow, ignoredRows } = rows;
  const used = new Set(Object.values(columns));
  const setAside =
    hidden.size > 0
      ? hiddenColumnRoles({ grid, block, specs, columns, hidden, record, dataRows })
      : NONE;
  const unmatched = unmatchedHeaders(block.headers, used, setAside);
  return {
    grid,
    headerRow: block.bottom,
    headerTop: block.top,
    headers: block.headers,
    columns,
    unmatched,
    dataRows,
    columnNumberRow,
    endRow,
    ignoredRows,
    unit: tableUnit(grid, block.top, block.headers),
    record,
  };
}

/** The headers no spec matched (nor set aside as a hidden twin): index → composed header text. */
export function unmatchedHeaders(
  headers: readonly string[],
  used: ReadonlySet<number>,
  setAside: ReadonlySet<number> = NONE
): { col: number; header: string }[] {
  return headers
    .map((header, col) => ({ col, header }))
    .filter((h) => h.header !== "" && !used.has(h.col) && !setAside.has(h.col));
}

/** Spec keys whose column role is plain; criterion mark columns are "tc<n>". */
const ROLE_OF_KEY: Record<string, ColumnRole> = {
  name: "name",
  code: "code",
  group: "group",
  district: "district",
  count: "count",
  list: "list",
  tier: "tier",
  registered: "registered",
  difficult: "difficult",
  year: "year",
  label: "label",
  amount: "amount",
  share: "share",
  note: "note",
  cost: "cost",
  coefficient: "coefficient",
  indicator: "indicator",
};

function roleOfKey(key: string): { role: ColumnRole; criterion?: string } {
  const mark = /^tc(\d+)$/.exec(key);
  if (mark) return { role: "marks", criterion: mark[1] };
  return { role: ROLE_OF_KEY[key] ?? "other" };
}

/**
 * What a header is for, without the words that tell two versions apart: "Kế hoạch 2024 (dự thảo lần 1)" and
 * "Kế hoạch 2024" play the same role. Bracketed parts and unit words are left out too.
 */
function roleKey(header: string): string {
  return (
    labelKey(header.replace(/\([^)]*\)|\[[^\]]*\]|\//g, " "))
      .replace(/\b(du thao|ban du thao|lan \d+|lan dau|ban dau|ban cu|cu|draft|old|v\d+)\b/g, " ")
      // A unit line above one column only ("triệu đồng") is composed into its header, not into a hidden one's.
      .replace(
        /\b(dvt|don vi tinh|trieu dong|ty dong|nghin dong|ngan dong|million vnd|billion vnd)\b/g,
        " "
      )
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** The words of a header's role: its roleKey without years ("Kết quả năm 2022" and "Kết quả năm 2023" alike). */
function roleWords(header: string): string[] {
  return roleKey(header)
    .replace(/\b(19|20)\d\d\b/g, " ")
    .split(" ")
    .filter((w) => w !== "");
}

/**
 * The visible column playing a hidden column's role, found by header: the same header but for version words, units
 * and years, or one naming the other's role in more words ("Kết quả năm 2022" beside "Kết quả huy động năm 2023":
 * last year's figures beside this year's). Undefined when none.
 */
function visibleTwin(
  headers: string[],
  header: string,
  hidden: ReadonlySet<number>
): number | undefined {
  const key = roleKey(header);
  if (key === "") return undefined;
  const same = headers.findIndex((h, v) => !hidden.has(v) && h !== "" && roleKey(h) === key);
  if (same >= 0) return same;
  const words = roleWords(header);
  if (words.length === 0) return undefined;
  const within = (a: string[], b: string[]) => a.every((w) => b.includes(w));
  const near = headers.findIndex((h, v) => {
    if (hidden.has(v) || h === "") return false;
    const other = roleWords(h);
    return other.length > 0 && (within(words, other) || within(other, words));
  });
  return near >= 0 ? near : undefined;
}

/** Hidden-column notes per grid, by column: said only for a grid whose cells were read (see markRead). */
const hiddenNotes = new WeakMap<Grid, Map<number, Warning>>();
/** Grids with hidden columns whose cells a reader read through numberCell or textCell. */
const readGrids = new WeakSet<Grid>();

function markRead(grid: Grid): void {
  if (grid.hiddenCols !== undefined) readGrids.add(grid);
}

/**
 * The hidden-column warnings of a grid a reader read: a hidden column set aside for a visible one, or used because
 * no visible column plays its role. A sheet only looked at while finding the input says nothing.
 */
export function hiddenColumnWarnings(grid: Grid): Warning[] {
  if (!readGrids.has(grid)) return [];
  return [...(hiddenNotes.get(grid)?.values() ?? [])];
}

function noteHidden(grid: Grid, col: number, warning: Warning): void {
  let notes = hiddenNotes.get(grid);
  if (!notes) hiddenNotes.set(grid, (notes = new Map()));
  if (!notes.has(col)) notes.set(col, warning);
}

/**
 * Decides each hidden column of a table once, for every reader: a hidden column whose role a visible column plays
 * (the same spec, or the same header but for version words) is set aside with a note; a hidden column that is the
 * only one for its spec is used, with a warning naming it; any other hidden column holding data is read as a visible
 * one would be, with a warning. Returns the columns set aside (left out of `unmatched`).
 */
function hiddenColumnRoles(t: {
  grid: Grid;
  block: { headers: string[]; lastParts: string[]; bottom: number };
  specs: ColumnSpec[];
  columns: Record<string, number>;
  hidden: ReadonlySet<number>;
  record: TableRecord;
  dataRows: number[];
}): ReadonlySet<number> {
  const { grid, block, specs, columns, hidden, record } = t;
  const recorded = { record } as Parameters<typeof noteColumn>[0];
  const keyOf = new Map<number, string>();
  for (const [key, col] of Object.entries(columns)) keyOf.set(col, key);
  const setAside = new Set<number>();
  const letters = (c: number) => columnLetters(grid.origin.col + c);
  const where = (c: number) => gridAddress(grid, block.bottom, c);
  for (const c of [...hidden].sort((a, b) => a - b)) {
    const header = block.headers[c] ?? "";
    if (header === "") continue;
    const shown = header.length > 60 ? `${header.slice(0, 59)}…` : header;
    const name = `${letters(c)} ("${shown}")`;
    const usedKey = keyOf.get(c);
    if (usedKey !== undefined) {
      const spec = specs.find((s) => s.key === usedKey);
      const what = spec?.label ?? {
        vi: `"${spec?.aliases[0] ?? usedKey}"`,
        en: `"${spec?.aliases[0] ?? usedKey}"`,
      };
      noteColumn(recorded, c, roleOfKey(usedKey).role, {
        ...criterionOf(usedKey),
        used: true,
        why: {
          vi: `cột ẩn, được dùng vì không có cột hiện nào cho ${what.vi}`,
          en: `hidden column, used because no visible column holds ${what.en}`,
        },
      });
      noteHidden(grid, c, {
        sheet: grid.sheet,
        cell: where(c),
        vi: `Cột ${name} trên trang '${grid.sheet}' đang bị ẩn nhưng là cột duy nhất cho ${what.vi}: đã đọc cột này — hãy kiểm tra, hoặc bỏ ẩn cột`,
        en: `Column ${name} on sheet '${grid.sheet}' is hidden but is the only column for ${what.en}: it was read — check it, or unhide the column`,
      });
      continue;
    }
    const spec = specs.find((s) => matches(block.lastParts[c] ?? "", s) || matches(header, s));
    let twin = spec !== undefined ? columns[spec.key] : undefined;
    if (twin === undefined) twin = visibleTwin(block.headers, header, hidden);
    if (twin !== undefined && !hidden.has(twin)) {
      setAside.add(c);
      const visible = `${letters(twin)} ("${block.headers[twin]}")`;
      noteColumn(recorded, c, spec ? roleOfKey(spec.key).role : "other", {
        ...(spec ? criterionOf(spec.key) : {}),
        used: false,
        why: {
          vi: `cột ẩn, không dùng: cột hiện ${visible} có cùng vai trò`,
          en: `hidden column, not used: the visible column ${visible} plays the same role`,
        },
      });
      noteHidden(grid, c, {
        sheet: grid.sheet,
        cell: where(c),
        vi: `Cột ẩn ${name} trên trang '${grid.sheet}' không được dùng: đã đọc cột hiện ${visible} có cùng vai trò`,
        en: `Hidden column ${name} on sheet '${grid.sheet}' was not used: the visible column ${visible}, which plays the same role, was read`,
      });
      continue;
    }
    if (!t.dataRows.some((r) => !isBlank(grid.rows[r]?.[c] ?? null))) continue;
    noteColumn(recorded, c, "other", {
      used: true,
      why: {
        vi: "cột ẩn, không có cột hiện nào cùng vai trò: đọc như một cột hiện",
        en: "hidden column with no visible column in the same role: read as a visible one would be",
      },
    });
    noteHidden(grid, c, {
      sheet: grid.sheet,
      cell: where(c),
      vi: `Cột ${name} trên trang '${grid.sheet}' đang bị ẩn và không có cột hiện nào cùng vai trò: được đọc như một cột hiện — hãy kiểm tra, hoặc bỏ ẩn cột`,
      en: `Column ${name} on sheet '${grid.sheet}' is hidden and no visible column plays its role: it is read as a visible one would be — check it, or unhide the column`,
    });
  }
  return setAside;
}

function criterionOf(key: string): { criterion?: string } {
  const { criterion } = roleOfKey(key);
  return criterion ? { criterion } : {};
}

/** A note for the results when rows after the end of a table were not read (say what was ignored, and where). */
export function ignoredRowsWarning(table: LocatedTable): Warning | null {
  if (table.endRow === null || table.ignoredRows.length === 0) return null;
  const { grid } = table;
  const first = gridAddress(grid, table.endRow, 0);
  const last = gridAddress(grid, table.ignoredRows[table.ignoredRows.length - 1], 0);
  const text = cellText(rowTexts(grid.rows[table.endRow] ?? [])[0]?.text ?? "").slice(0, 40);
  return {
    sheet: grid.sheet,
    cell: first,
    vi: `Bảng kết thúc ở dòng ${table.endRow + grid.origin.row + 1} ("${text}"): ${table.ignoredRows.length} dòng từ ${first} đến ${last} (ghi chú, chữ ký) không được đọc`,
    en: `The table ends at row ${table.endRow + grid.origin.row + 1} ("${text}"): ${table.ignoredRows.length} rows from ${first} to ${last} (notes, signatures) were not read`,
  };
}

/** Like tryLocateTable, but a sheet without the required headers is an InputError naming them. */
export function locateTable(grid: Grid, specs: ColumnSpec[], what: Bilingual): LocatedTable {
  const found = tryLocateTable(grid, specs);
  if (found) return found;
  const legacy = legacyTextError(grid, what);
  if (legacy) throw legacy;
  const required = specs.filter((s) => s.required).map((s) => `"${s.aliases[0]}"`);
  throw new InputError({
    sheet: grid.sheet,
    cell: gridAddress(grid, 0, 0),
    expected: {
      vi: `${what.vi}: một dòng tiêu đề có các cột ${required.join(", ")} trong ${MAX_HEADER_SCAN} dòng đầu`,
      en: `${what.en}: a header row with the columns ${required.join(", ")} within the first ${MAX_HEADER_SCAN} rows`,
    },
  });
}

/** The first cell in a table's first rows typed in a legacy encoding, as an InputError; null when none. */
export function legacyTextError(grid: Grid, what: Bilingual): InputError | null {
  const scan = Math.min(grid.rows.length, MAX_HEADER_SCAN + 20);
  for (let r = 0; r < scan; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      const legacy = typeof v === "string" ? legacyEncoding(v) : null;
      if (legacy) {
        const expected = legacyExpected(legacy);
        return new InputError({
          sheet: grid.sheet,
          cell: gridAddress(grid, r, c),
          found: v as string,
          expected: { vi: `${what.vi}: ${expected.vi}`, en: `${what.en}: ${expected.en}` },
        });
      }
    }
  }
  return null;
}

export function cellAt(table: LocatedTable, row: number, key: string): CellValue {
  const col = table.columns[key];
  return col === undefined ? null : (table.grid.rows[row]?.[col] ?? null);
}

export function addressAt(table: LocatedTable, row: number, key: string): string {
  return gridAddress(table.grid, row, table.columns[key] ?? 0);
}

export interface NumberRules {
  integer?: boolean;
  min?: number;
  max?: number;
  /** What the number is, for the message, e.g. { vi: "số tiêu chí đạt", en: "number of criteria met" }. */
  what: Bilingual;
  /** False for an amount or a coefficient: "5%" there is a mistake, not 0.05. */
  percent?: boolean;
}

/**
 * The largest magnitude read from a cell: far above any amount in million VND (10^15 is a billion billion VND), and
 * low enough that no sum of such figures overflows to Infinity.
 */
export const MAX_CELL_NUMBER = 1e15;

/** A formula cell saved without its value: the file must be recalculated (opened and saved in Excel) first. */
export function uncalculatedError(
  grid: Grid,
  row: number,
  col: number,
  value: CellValue
): InputError | null {
  if (!isCellError(value) || value.error !== UNCALCULATED) return null;
  return new InputError({
    sheet: grid.sheet,
    cell: gridAddress(grid, row, col),
    found: value.formula ?? "=…",
    expected: {
      vi: "giá trị đã tính của công thức: tệp được lưu bằng công cụ khác Excel, chưa có kết quả; hãy mở tệp bằng Excel và lưu lại",
      en: "the formula's computed value: the file was saved by a tool other than Excel without results; open and save it in Excel",
    },
  });
}

function numberError(
  grid: Grid,
  row: number,
  col: number,
  value: CellValue,
  rules: NumberRules
): InputError {
  const range =
    rules.min !== undefined && rules.max !== undefined
      ? { vi: ` từ ${rules.min} đến ${rules.max}`, en: ` from ${rules.min} to ${rules.max}` }
      : rules.min !== undefined
        ? { vi: ` ≥ ${rules.min}`, en: ` ≥ ${rules.min}` }
        : rules.max !== undefined
          ? { vi: ` ≤ ${rules.max}`, en: ` ≤ ${rules.max}` }
          : { vi: "", en: "" };
  const kind = rules.integer
    ? { vi: "số nguyên", en: "a whole number" }
    : { vi: "một số", en: "a number" };
  return new InputError({
    sheet: grid.sheet,
    cell: gridAddress(grid, row, col),
    found: cellText(value),
    expected: {
      vi: `${rules.what.vi}: ${kind.vi}${range.vi}`,
      en: `${rules.what.en}: ${kind.en}${range.en}`,
    },
  });
}

/** Ambiguous number texts met while reading each grid ("16,000", "1.500"), to report next to the results. */
const ambiguousCells = new WeakMap<Grid, Warning[]>();

function noteAmbiguous(
  grid: Grid,
  row: number,
  col: number,
  text: string,
  parsed: ParsedNumber
): void {
  const cell = gridAddress(grid, row, col);
  const value = formatVi(parsed.value, parsed.value % 1 === 0 ? 0 : 2);
  const words = ambiguousNumberWords(text);
  const notes = ambiguousCells.get(grid) ?? [];
  notes.push({
    sheet: grid.sheet,
    cell,
    // The same words as a refused option or function argument (the one number rule), then the reading kept.
    vi: `Ô ${cell} (trang '${grid.sheet}'): ${words.vi}; đã đọc là ${value} theo cách viết Việt Nam — nếu không đúng, hãy sửa ô`,
    en: `Cell ${cell} (sheet '${grid.sheet}'): ${words.en}; read as ${parsed.value} the Vietnamese way — fix the cell if that is wrong`,
  });
  ambiguousCells.set(grid, notes);
}

/** The ambiguous-number warnings of a grid read so far, at most `limit` of them plus one that counts the rest. */
export function ambiguousNumberWarnings(grid: Grid, limit = 5): Warning[] {
  const notes = ambiguousCells.get(grid) ?? [];
  if (notes.length <= limit) return notes;
  const rest = notes.length - limit;
  return [
    ...notes.slice(0, limit),
    {
      sheet: grid.sheet,
      // The first of the cells not listed.
      cell: notes[limit].cell,
      vi: `Còn ${rest} ô khác trên trang '${grid.sheet}' có số viết hai cách hiểu, đều đọc theo cách viết Việt Nam`,
      en: `${rest} more cells on sheet '${grid.sheet}' hold numbers that read two ways; all were read the Vietnamese way`,
    },
  ];
}

/**
 * Words an office table types in a number cell for "no figure": "chưa có", "chưa có số liệu", "không", "không có",
 * "x" (not applicable, as statistical tables mark it), "…", "n/a". Read as no figure, with a warning naming the cell
 * (a dash alone, the usual "none", is read as no figure quietly).
 */
const NO_FIGURE =
  /^(x|chua co( so lieu)?|chua co du lieu|khong|khong co|khong co so lieu|n\/?a|na|k\/?c)$/;

export function isNoFigureWord(text: string): boolean {
  const t = text.trim();
  return /^(\.{2,}|…)$/.test(t) || NO_FIGURE.test(labelKey(t));
}

/** A dash, alone, as office tables write "none" in a number column. */
export function isDash(text: string): boolean {
  return /^\s*[-–—]\s*$/.test(text);
}

/**
 * A number from a cell: numbers as they are, text in Vietnamese or English format; blank → null.
 * Text that reads two ways ("16,000") is read the Vietnamese way and noted (see ambiguousNumberWarnings).
 * Formula errors, dates, booleans and other text are InputErrors naming the cell.
 */
export function numberCell(
  grid: Grid,
  row: number,
  col: number,
  rules: NumberRules
): number | null {
  markRead(grid);
  const value = grid.rows[row]?.[col] ?? null;
  // A dash is how office tables write "none" in a number column.
  if (isBlank(value) || (typeof value === "string" && /^\s*[-–—]\s*$/.test(value))) return null;
  const uncalculated = uncalculatedError(grid, row, col, value);
  if (uncalculated) throw uncalculated;
  let n: number | null = null;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") {
    const parsed = parseNumberText(value);
    n = parsed?.value ?? null;
    if (parsed?.percent && rules.percent === false) {
      throw new InputError({
        sheet: grid.sheet,
        cell: gridAddress(grid, row, col),
        found: cellText(value),
        expected: {
          vi: `${rules.what.vi}: một số, không phải tỷ lệ phần trăm`,
          en: `${rules.what.en}: a number, not a percentage`,
        },
      });
    }
    if (parsed?.ambiguous) noteAmbiguous(grid, row, col, value.trim(), parsed);
  } else if (isCellError(value) || value instanceof Date || typeof value === "boolean") n = null;
  // Written as a number ("1e400", "1e-400") but none a double holds: said so, not "not a number".
  if (n === null && typeof value === "string" && numberTextOutOfRange(value)) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, row, col),
      found: cellText(value),
      expected: {
        vi: `${rules.what.vi}: một số lưu được (0, hoặc độ lớn từ 5e-324 đến 10^15); số này quá lớn hoặc quá nhỏ`,
        en: `${rules.what.en}: a number that can be stored (0, or a size from 5e-324 to 10^15); this one is too large or too small`,
      },
    });
  }
  if (n === null || !Number.isFinite(n)) throw numberError(grid, row, col, value, rules);
  if (Math.abs(n) > MAX_CELL_NUMBER) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, row, col),
      found: cellText(value),
      expected: {
        vi: `${rules.what.vi}: một số có độ lớn không quá 10^15`,
        en: `${rules.what.en}: a number no larger than 10^15`,
      },
    });
  }
  if (rules.integer && !Number.isInteger(n)) throw numberError(grid, row, col, value, rules);
  if (rules.min !== undefined && n < rules.min) throw numberError(grid, row, col, value, rules);
  if (rules.max !== undefined && n > rules.max) throw numberError(grid, row, col, value, rules);
  return n;
}

/**
 * Characters that show nothing: zero-width spaces and joiners, the soft hyphen, word joiners, the BOM, and the bidi
 * controls that reorder text on screen. Two names differing only by them look the same and must be the same.
 */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

const invisibleCells = new WeakMap<Grid, Warning[]>();

/** Warnings for the cells whose invisible characters were removed while reading a grid (at most `limit`). */
export function invisibleCharacterWarnings(grid: Grid, limit = 5): Warning[] {
  const notes = invisibleCells.get(grid) ?? [];
  if (notes.length <= limit) return notes;
  return [
    ...notes.slice(0, limit),
    {
      sheet: grid.sheet,
      cell: notes[limit].cell,
      vi: `Còn ${notes.length - limit} ô khác trên trang '${grid.sheet}' có ký tự ẩn đã được bỏ`,
      en: `${notes.length - limit} more cells on sheet '${grid.sheet}' had invisible characters, removed`,
    },
  ];
}

/** Text from a cell, trimmed, invisible characters removed (with a warning); blank → null; a formula error is an InputError naming the cell. */
export function textCell(grid: Grid, row: number, col: number, what: Bilingual): string | null {
  markRead(grid);
  const raw = grid.rows[row]?.[col] ?? null;
  const value = typeof raw === "string" ? raw.replace(INVISIBLE, "") : raw;
  if (typeof raw === "string" && value !== raw) {
    const shown = String(value).trim();
    const cell = gridAddress(grid, row, col);
    const notes = invisibleCells.get(grid) ?? [];
    if (!notes.some((n) => n.cell === cell)) {
      notes.push({
        sheet: grid.sheet,
        cell,
        vi: `Ô ${cell} (${what.vi}) có ký tự ẩn (khoảng trắng độ rộng 0 hoặc ký tự điều khiển hướng chữ); đã bỏ, đọc là "${shown}"`,
        en: `Cell ${cell} (${what.en}) held invisible characters (zero-width or bidi controls); removed, read as "${shown}"`,
      });
      invisibleCells.set(grid, notes);
    }
  }
  if (isBlank(value)) return null;
  if (isCellError(value)) {
    const uncalculated = uncalculatedError(grid, row, col, value);
    if (uncalculated) throw uncalculated;
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, row, col),
      found: value.error,
      expected: {
        vi: `${what.vi} (không phải lỗi công thức)`,
        en: `${what.en} (not a formula error)`,
      },
    });
  }
  const text = cellText(value).trim();
  const legacy = typeof value === "string" ? legacyEncoding(text) : null;
  if (legacy) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, row, col),
      found: text,
      expected: {
        vi: `${what.vi}: ${legacyExpected(legacy).vi}`,
        en: `${what.en}: ${legacyExpected(legacy).en}`,
      },
    });
  }
  return text;
}

/** A table's money unit as a reading shows it: the cell that states it, or the default (triệu đồng) assumed. */
export function unitReading(table: LocatedTable, money = true): UnitReading | undefined {
  const unit = table.unit;
  if (!unit)
    return money ? { vi: "triệu đồng", en: "million VND", millions: 1, assumed: true } : undefined;
  return {
    vi: unit.vi,
    en: unit.en,
    millions: unit.millions,
    ...(unit.cell ? { cell: gridAddress(table.grid, unit.cell.row, unit.cell.col) } : headerCell()),
  };
  function headerCell(): { cell?: string } {
    const c = table.headers.findIndex((h) => h !== "" && unitInText(h) !== null);
    return c < 0 ? {} : { cell: gridAddress(table.grid, table.headerRow, c) };
  }
}

/** Notes the role of each matched column (by spec key); keys the table did not match are passed over. */
export function noteColumns(
  table: LocatedTable,
  roles: Record<string, ColumnRole | { role: ColumnRole; unit?: UnitReading }>
): void {
  for (const [key, spec] of Object.entries(roles)) {
    const col = table.columns[key];
    if (col === undefined) continue;
    const { role, unit } = typeof spec === "string" ? { role: spec, unit: undefined } : spec;
    noteColumn(table, col, role, unit ? { unit } : {});
  }
}

/** The row a refusal names as the header row looked at: what it holds and which specs it matched. */
export interface HeaderRowLookedAt {
  /** Index into grid.rows. */
  row: number;
  /** The row's header texts, left to right, blanks left out. */
  texts: string[];
  /** Keys of the specs the row matched. */
  matched: string[];
}

/**
 * The header row a table was looked for in when no row fits: within the first rows, the one matching the most specs,
 * then the one with the most text cells (a data row, or a title alone in its row, is never taken); null when none is left.
 */
export function headerRowLookedAt(grid: Grid, specs: ColumnSpec[]): HeaderRowLookedAt | null {
  let best: (HeaderRowLookedAt & { score: number }) | null = null;
  const scan = Math.min(grid.rows.length, MAX_HEADER_SCAN);
  for (let r = 0; r < scan; r++) {
    const row = grid.rows[r] ?? [];
    if (looksLikeData(row)) continue;
    const texts = row
      .filter((v): v is string => typeof v === "string" && v.trim() !== "")
      .map((v) => v.replace(/\s+/g, " ").trim());
    if (texts.length < 2) continue;
    const matched = Object.keys(matchTexts(effectiveTexts(grid, r), specs));
    // Matches first; among rows matching as many, the one with more cells (a title row holds one).
    const score = matched.length * 1000 + texts.length;
    if (!best || score > best.score) best = { row: r, texts, matched, score };
  }
  return best && { row: best.row, texts: best.texts, matched: best.matched };
}
