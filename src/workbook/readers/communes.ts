// Reads commune status in any of the three shapes reports use: a list of criteria met, one mark column per
// criterion, or only the number met; with optional district, code, tier, registration year and difficulty flag.

import { districtKey } from "../../engine/commune-identity";
import { prependAll } from "../../engine/arrays";
import { CATALOGUE_2021_2025, tiersOf } from "../../engine/catalogues";
import { parseCriteriaList } from "../../engine/criteria/list";
import { isMarkMet, MARK_EXPECTED } from "../../engine/criteria/marks";
import { InputError, isInputError, type Bilingual } from "../../engine/errors";
import { labelKey } from "../../engine/text";
import type { Catalogue, CommuneStatus, Tier, Warning } from "../../engine/types";
import { cellText, gridAddress, isBlank, isCellError, type CellValue, type Grid } from "../grid";
import { mergeAt } from "../layout/header";
import { groupName, rowSaid } from "../layout/labels";
import { leftOutOf, leftOutWarning } from "../reading/left-out";
import { noteCheck, noteColumn, skipRow, tableReading, useRow } from "../reading/record";
import type { ColumnRole, TableReading } from "../reading/types";
import {
  checkFigures,
  classifyRow,
  namedDistrict,
  rowFigures,
  type Member,
  type RowClass,
  type RowContext,
} from "./commune-rows";
import {
  addressAt,
  ignoredRowsWarning,
  locateHeader,
  numberCell,
  textCell,
  tryLocateTable,
  uncalculatedError,
  unmatchedHeaders,
  type ColumnSpec,
  type LocatedHeader,
  type LocatedTable,
} from "./table";
import {
  indicatorColumns,
  indicatorStatusReader,
  readGroupCell,
  type IndicatorColumn,
  type IndicatorStatusReader,
} from "./indicator-status";

export type CommuneShape = "list" | "marks" | "count" | "indicators";

export interface CommunesReadResult {
  communes: CommuneStatus[];
  shape: CommuneShape;
  warnings: Warning[];
  sheet: string;
  /** For the "indicators" shape: the catalogue with the indicators evaluated (the policy's, or the headers'). */
  catalogue?: Catalogue;
  /** What each row and column of the table was read as, and the checks made (shown as "Đã đọc / Read"). */
  reading: TableReading;
}

// The commune columns the allocation attributes reader (commune-attributes.ts) also claims: declared once here.
export const DIFFICULT_SPEC: ColumnSpec = {
  key: "difficult",
  aliases: ["Xã ĐBKK", "ĐBKK", "Xã đặc biệt khó khăn", "Đặc biệt khó khăn", "Especially difficult"],
};
export const REGISTERED_SPEC: ColumnSpec = {
  key: "registered",
  aliases: [
    "Đăng ký đạt chuẩn",
    "Năm đăng ký đạt chuẩn",
    "Năm đăng ký",
    "Registered",
    "Registered year",
  ],
};
export const TIER_SPEC: ColumnSpec = {
  key: "tier",
  aliases: ["Trạng thái", "Mức đạt chuẩn", "Xếp loại", "Status", "Tier"],
};
export const NAME_SPEC: ColumnSpec = {
  key: "name",
  aliases: ["Tên xã", "Xã", "Commune", "Commune name", "Tên đơn vị"],
  required: true,
};

// Order matters: a header is given to the first spec it matches, so "Xã ĐBKK" and "Mã xã" come before "Xã".
const FIXED_SPECS: ColumnSpec[] = [
  {
    key: "kind",
    aliases: [
      "Loại đơn vị hành chính",
      "Loại ĐVHC",
      "Loại đơn vị",
      "Loại hình đơn vị hành chính",
      "Unit type",
      "Type of unit",
    ],
  },
  DIFFICULT_SPEC,
  REGISTERED_SPEC,
  TIER_SPEC,
  { key: "code", aliases: ["Mã xã", "Code", "Commune code"] },
  {
    key: "count",
    aliases: [
      "Số tiêu chí đạt",
      "Số TC đạt",
      "Tổng số tiêu chí đạt",
      "Số tiêu chí",
      "Criteria count",
      "Number of criteria met",
      "Count",
    ],
  },
  {
    key: "list",
    aliases: [
      "Tiêu chí đạt",
      "Tên tiêu chí đạt",
      "Các tiêu chí đạt",
      "Danh sách tiêu chí đạt",
      "TC đạt",
      "Criteria met",
      "List of criteria met",
    ],
  },
  {
    key: "district",
    aliases: ["Huyện", "Tên huyện", "Huyện, thị xã", "Tên huyện, thị xã", "District"],
  },
  NAME_SPEC,
];

/** Nhóm xã: read for indicator-level sets (2026-2030) only, so older sheets read exactly as before. */
export const GROUP_SPEC: ColumnSpec = {
  key: "group",
  aliases: ["Nhóm xã", "Phân nhóm xã", "Commune group"],
};

/** "Nhóm" and "Group" alone name the group column only as the whole header ("Nhóm tiêu chí" is something else). */
export const GROUP_SHORT_SPEC: ColumnSpec = {
  key: "group",
  aliases: ["Nhóm", "Group"],
  prefix: false,
};

/** A set assessed indicator by indicator, with commune groups (2026-2030). */
function indicatorLevel(catalogue: Catalogue): boolean {
  return catalogue.requiresGroup === true || (catalogue.indicators?.length ?? 0) > 0;
}

const MARK_HEADER = /^(?:tc|tieu chi|tieu chi so|criterion|criterion no)\s*[#.]?\s*0*(\d+)(?:\s|$)/;

/** A caption over criterion numbers: "Kết quả thực hiện các tiêu chí", "Tiêu chí đạt", "Các tiêu chí". */
const CRITERIA_CAPTION = /\b(tieu chi|tc|criteria|criterion)\b/;

/**
 * The criterion a composed header names, or undefined: TC1, "Tiêu chí 1", a catalogue name, or a bare number under
 * a caption that names criteria ("Kết quả thực hiện các tiêu chí / 7"). A composed header ("Tiêu chí / TC01") names
 * its criterion in its lowest part.
 */
function markNumber(composed: string, catalogue: Catalogue): number | undefined {
  const parts = composed.split(" / ");
  const header = parts.pop() ?? composed;
  if (/^\d{1,2}$/.test(header.trim())) {
    return parts.some((p) => CRITERIA_CAPTION.test(labelKey(p))) ? Number(header) : undefined;
  }
  const key = labelKey(header);
  const m = MARK_HEADER.exec(key);
  if (m) return Number(m[1]);
  return catalogue.criteria.find((c) => labelKey(c.vi) === key || labelKey(c.en) === key)?.number;
}

function markSpecs(catalogue: Catalogue): ColumnSpec[] {
  return catalogue.criteria.map((c) => ({
    key: `tc${c.number}`,
    aliases: [
      `TC${c.number}`,
      `TC ${c.number}`,
      `Tiêu chí ${c.number}`,
      `Tiêu chí số ${c.number}`,
      `Criterion ${c.number}`,
      c.vi,
      c.en,
    ],
    prefix: false,
  }));
}

/**
 * Tables located per grid and criteria set: the sheet finder's test (looksLikeCommunes) and the reader ask the same
 * question of the same grid, and the header search is most of a short run. The grid and the table are not changed
 * by their readers.
 */
const located = new WeakMap<Grid, Map<Catalogue, LocatedTable | null>>();

/** The communes table of a grid as the reader locates it (remembered per grid and set; not to be changed). */
export function locateCommunesTable(grid: Grid, catalogue: Catalogue): LocatedTable | null {
  return locate(grid, catalogue);
}

function locate(grid: Grid, catalogue: Catalogue): LocatedTable | null {
  let byCatalogue = located.get(grid);
  if (!byCatalogue) located.set(grid, (byCatalogue = new Map()));
  if (byCatalogue.has(catalogue)) return byCatalogue.get(catalogue)!;
  const table = locateOnce(grid, catalogue);
  byCatalogue.set(catalogue, table);
  return table;
}

function communeSpecs(catalogue: Catalogue): ColumnSpec[] {
  const groupSpec = indicatorLevel(catalogue) ? [GROUP_SPEC, GROUP_SHORT_SPEC] : [];
  return [...groupSpec, ...FIXED_SPECS, ...markSpecs(catalogue)];
}

/** TC headers in other spellings ("TC01", "TC1 (Quy hoạch)"), matched among the headers no spec took. */
function addMarkColumns(
  columns: Record<string, number>,
  unmatched: readonly { col: number; header: string }[],
  catalogue: Catalogue
): void {
  for (const { col, header } of unmatched) {
    const n = markNumber(header, catalogue);
    if (n !== undefined && columns[`tc${n}`] === undefined) columns[`tc${n}`] = col;
  }
}

function locateOnce(grid: Grid, catalogue: Catalogue): LocatedTable | null {
  const table = tryLocateTable(grid, communeSpecs(catalogue));
  if (!table) return null;
  addMarkColumns(table.columns, table.unmatched, catalogue);
  return table;
}

/**
 * The header of a communes table in the count shape ("Số tiêu chí đạt", no list and no TC columns) found as the
 * reader finds it, from the header alone: no data row is read. Null when the table is not found or not in that shape
 * (for a set read indicator by indicator, 2026-2030: indicator columns such as "2.1", or no "Nhóm xã" column where
 * the set requires it), or when the grid hides columns (their roles are decided by the rows). The lean reading of a
 * cell function's range starts here (commune-attributes-lean.ts).
 */
export function countShapeHeader(grid: Grid, catalogue: Catalogue): LocatedHeader | null {
  const header = locateHeader(grid, communeSpecs(catalogue));
  if (!header || header.hidden.size > 0) return null;
  const columns = { ...header.columns };
  const used = new Set(Object.values(header.columns));
  addMarkColumns(columns, unmatchedHeaders(header.block.headers, used), catalogue);
  if (indicatorLevel(catalogue)) {
    if (catalogue.requiresGroup && columns.group === undefined) return null;
    try {
      if (indicatorColumns({ grid, headerRow: header.block.bottom, columns }).length > 0)
        return null;
    } catch {
      return null; // an indicator code twice: the full reader refuses it, naming the cell
    }
  }
  return shapeOfColumns(columns, catalogue) === "count" ? { ...header, columns } : null;
}

function markColumns(columns: Record<string, number>, catalogue: Catalogue): Map<number, number> {
  const cols = new Map<number, number>();
  for (const c of catalogue.criteria) {
    const col = columns[`tc${c.number}`];
    if (col !== undefined) cols.set(c.number, col);
  }
  return cols;
}

function shapeOf(table: LocatedTable, catalogue: Catalogue): CommuneShape | null {
  if (indicatorLevel(catalogue) && indicatorColumns(table).length > 0) return "indicators";
  return shapeOfColumns(table.columns, catalogue);
}

function shapeOfColumns(
  columns: Record<string, number>,
  catalogue: Catalogue
): CommuneShape | null {
  if (columns.list !== undefined) return "list";
  if (markColumns(columns, catalogue).size > 0) return "marks";
  if (columns.count !== undefined) return "count";
  return null;
}

/** True when a sheet has a commune name column and criteria in one of the three shapes. */
export function looksLikeCommunes(grid: Grid, catalogue: Catalogue = CATALOGUE_2021_2025): boolean {
  const table = locate(grid, catalogue);
  return table !== null && shapeOf(table, catalogue) !== null;
}

/**
 * True when a sheet is a status table of an indicator-level set (2026-2030): it has a "Nhóm xã" column or
 * indicator columns ("2.1", "CT 2.1"). Used to choose the period when neither a period nor a year is given.
 */
export function looksLikeIndicatorLevelStatus(grid: Grid, catalogue: Catalogue): boolean {
  const table = locate(grid, catalogue);
  if (!table || shapeOf(table, catalogue) === null) return false;
  return table.columns.group !== undefined || indicatorColumns(table).length > 0;
}

const TIER_WORDS: [RegExp, Tier][] = [
  [/hien dai|\bmodern\b/, "modern"],
  [/kieu mau|\bmodel\b/, "model"],
  [/nang cao|advanced/, "advanced"],
  [/\b(chua|not|none|khong)\b/, "none"],
  [/dat chuan|standard|^dat$|^ntm$/, "standard"],
];

const TIER_NAMES: Record<Exclude<Tier, "none">, { vi: string; en: string }> = {
  standard: { vi: "đạt chuẩn", en: "standard" },
  advanced: { vi: "nâng cao", en: "advanced" },
  model: { vi: "kiểu mẫu", en: "model" },
  modern: { vi: "hiện đại", en: "modern" },
};

function readTier(grid: Grid, row: number, col: number, catalogue: Catalogue): Tier | undefined {
  const text = textCell(grid, row, col, { vi: "trạng thái", en: "status" });
  if (!text) return undefined;
  const key = labelKey(text);
  const found = TIER_WORDS.find(([re]) => re.test(key));
  const tiers = tiersOf(catalogue);
  if (found && (found[1] === "none" || tiers.includes(found[1]))) return found[1];
  if (found && found[1] === "modern") {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, row, col),
      found: text,
      expected: {
        vi: `trạng thái của bộ ${catalogue.id}: ${tiers.map((t) => `"${TIER_NAMES[t].vi}"`).join(", ")} hoặc "chưa đạt" (xã NTM hiện đại có từ giai đoạn 2026-2030)`,
        en: `a status of set ${catalogue.id}: ${tiers.map((t) => `"${TIER_NAMES[t].en}"`).join(", ")} or "chưa đạt" (modern NTM communes exist from 2026-2030)`,
      },
    });
  }
  if (found && tiers.includes("modern")) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, row, col),
      found: text,
      expected: {
        vi: `trạng thái của bộ ${catalogue.id}: "chưa đạt", "đạt chuẩn" hoặc "hiện đại" (bộ này không có nâng cao, kiểu mẫu)`,
        en: `a status of set ${catalogue.id}: "chưa đạt" (not yet), "đạt chuẩn" (standard) or "hiện đại" (modern); it has no advanced or model tier`,
      },
    });
  }
  throw new InputError({
    sheet: grid.sheet,
    cell: gridAddress(grid, row, col),
    found: text,
    expected: {
      vi: `trạng thái: "chưa đạt", "đạt chuẩn", "nâng cao" hoặc "kiểu mẫu"`,
      en: `a status: "chưa đạt" (not yet), "đạt chuẩn" (standard), "nâng cao" (advanced) or "kiểu mẫu" (model)`,
    },
  });
}

/** A mark or flag cell: met/yes, not met/no, or an InputError naming the cell. */
function readMark(
  grid: Grid,
  row: number,
  col: number,
  expected: Bilingual = MARK_EXPECTED
): boolean {
  const value: CellValue = grid.rows[row]?.[col] ?? null;
  // Blank and "x" are most marks of a big table: answered before an address is written.
  if (value === null || value === "") return false;
  if (value === "x" || value === "X") return true;
  const cell = gridAddress(grid, row, col);
  const uncalculated = uncalculatedError(grid, row, col, value);
  if (uncalculated) throw uncalculated;
  if (isCellError(value) || value instanceof Date) {
    throw new InputError({ sheet: grid.sheet, cell, found: cellText(value), expected });
  }
  try {
    return isMarkMet(value);
  } catch (e) {
    throw isInputError(e)
      ? new InputError({ sheet: grid.sheet, cell, found: e.details.found, expected })
      : e;
  }
}

const FLAG_EXPECTED: Bilingual = {
  vi: `xã ĐBKK: "x", "1", "có", TRUE hoặc để trống`,
  en: `especially difficult: "x", "1", "có" (yes), TRUE or blank`,
};

function readList(grid: Grid, row: number, col: number, catalogue: Catalogue): number[] | null {
  const value = grid.rows[row]?.[col] ?? null;
  const cell = gridAddress(grid, row, col);
  const text = textCell(grid, row, col, {
    vi: "danh sách tiêu chí đạt",
    en: "list of criteria met",
  });
  if (text === null) return null;
  if (value instanceof Date || typeof value === "boolean") {
    throw new InputError({
      sheet: grid.sheet,
      cell,
      found: text,
      expected: {
        vi: `danh sách số tiêu chí như "1,2,3"`,
        en: `a list of criterion numbers such as "1,2,3"`,
      },
    });
  }
  try {
    return parseCriteriaList(text, catalogue);
  } catch (e) {
    throw isInputError(e) ? new InputError({ ...e.details, sheet: grid.sheet, cell }) : e;
  }
}

/** The first cell of row `r` whose text holds `name` (a district row's label), or none. */
function labelSource(grid: Grid, r: number, name: string): CommuneStatus["districtSource"] {
  const row = grid.rows[r] ?? [];
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === "string" && v.includes(name))
      return { sheet: grid.sheet, cell: gridAddress(grid, r, c) };
  }
  return undefined;
}

/** A commune under a district's row: that district, read from the row's label cell. */
function inGroup(
  status: CommuneStatus,
  group: string,
  source: CommuneStatus["districtSource"]
): void {
  status.district = group;
  if (source) status.districtSource = source;
}

/** The optional columns of a row: district, code, tier, registration year, especially difficult. */
function readDetails(
  table: LocatedTable,
  r: number,
  status: CommuneStatus,
  catalogue: Catalogue
): void {
  const { grid, columns } = table;
  if (columns.group !== undefined && !isBlank(grid.rows[r]?.[columns.group] ?? null)) {
    status.group = readGroupCell(grid, r, columns.group);
  }
  if (columns.district !== undefined) {
    const what = { vi: "huyện", en: "district" };
    // A district merged down over its communes holds its name in the first row of the merge only.
    const merge = mergeAt(grid, r, columns.district);
    const own = textCell(grid, r, columns.district, what);
    const top = merge && merge.top < r && merge.left === columns.district ? merge.top : null;
    const district = own ?? (top === null ? null : textCell(grid, top, merge!.left, what));
    if (district) {
      status.district = district;
      status.districtSource = {
        sheet: grid.sheet,
        cell: addressAt(table, own !== null || top === null ? r : top, "district"),
      };
    }
  }
  if (columns.code !== undefined) {
    const code = textCell(grid, r, columns.code, { vi: "mã xã", en: "commune code" });
    if (code) status.code = code;
  }
  if (columns.tier !== undefined) {
    const tier = readTier(grid, r, columns.tier, catalogue);
    if (tier) status.tier = tier;
  }
  if (columns.registered !== undefined) {
    const year = numberCell(grid, r, columns.registered, {
      integer: true,
      min: 2000,
      max: 2100,
      what: { vi: "năm đăng ký đạt chuẩn", en: "year registered to reach the standard" },
    });
    if (year !== null) status.registeredYear = year;
  }
  if (columns.difficult !== undefined && readMark(grid, r, columns.difficult, FLAG_EXPECTED)) {
    status.especiallyDifficult = true;
  }
}

/** Records what each column of a communes table was read as (the columns the shape does not use are left out). */
function noteColumns(
  table: LocatedTable,
  shape: CommuneShape,
  marks: Map<number, number>,
  indicators: IndicatorColumn[]
): void {
  const { columns } = table;
  const note = (key: string, role: ColumnRole, extra: Parameters<typeof noteColumn>[3] = {}) => {
    if (columns[key] !== undefined) noteColumn(table, columns[key], role, extra);
  };
  note("name", "name");
  note("code", "code");
  note("group", "group");
  note("district", "district");
  note("tier", "tier");
  note("registered", "registered");
  note("difficult", "difficult");
  note("kind", "other", {
    why: {
      vi: "loại đơn vị hành chính: phường, thị trấn, đặc khu được để riêng",
      en: "kind of administrative unit: wards, towns and special zones are set aside",
    },
  });
  if (shape === "list") note("list", "list");
  if (shape === "marks") {
    for (const [n, col] of marks) noteColumn(table, col, "marks", { criterion: String(n) });
  }
  if (shape === "indicators") {
    for (const c of indicators) noteColumn(table, c.col, "indicator", { criterion: c.code });
  }
  note(
    "count",
    "count",
    shape === "count"
      ? {}
      : {
          why: {
            vi: "đối chiếu với các tiêu chí đã đọc; khi lệch, dùng các tiêu chí",
            en: "checked against the criteria read; where they differ, the criteria are used",
          },
        }
  );
}

/** The criteria of a ward or town row, for the checks only: null when they do not read. */
function lenientStatus(
  table: LocatedTable,
  r: number,
  shape: CommuneShape,
  marks: Map<number, number>,
  catalogue: Catalogue,
  name: string
): CommuneStatus | null {
  const { grid } = table;
  try {
    let achieved: number[] | null = null;
    if (shape === "list") achieved = readList(grid, r, table.columns.list, catalogue) ?? [];
    else if (shape === "marks") {
      achieved = catalogue.criteria
        .filter((c) => readMark(grid, r, marks.get(c.number)!))
        .map((c) => c.number);
    }
    const count =
      achieved?.length ?? rowFigures({ table, marks, total: 0 }, r).count?.value ?? null;
    return count === null ? null : { name, achieved, count };
  } catch {
    return null;
  }
}

/** A copy of a located table with a record of its own, so that reading a cached table twice records once. */
function withOwnRecord(table: LocatedTable): LocatedTable {
  const { record } = table;
  return {
    ...table,
    record: {
      skipped: new Map(record.skipped),
      used: new Set(record.used),
      columns: new Map(record.columns),
      checks: [...record.checks],
    },
  };
}

const READING_WHAT = { vi: "Danh sách xã", en: "Communes" };

/**
 * Reads the communes on a sheet. The shape comes from the headers: a list column wins over marks, marks over a
 * count. When a list (or marks) and a count disagree, the list is used and a warning names the count's cell. Rows
 * that are not communes (district rows, subtotals, totals, statistic rows, notes) are skipped, those with figures
 * checked against the communes they cover; wards and towns are set aside with a note naming each. The result's
 * `reading` says what each row and column was read as.
 */
export function readCommunes(grid: Grid, options: { catalogue: Catalogue }): CommunesReadResult {
  const { catalogue } = options;
  const total = catalogue.criteria.length;
  const located = locate(grid, catalogue);
  const shape = located ? shapeOf(located, catalogue) : null;
  if (!located || !shape) {
    throw new InputError({
      sheet: grid.sheet,
      cell: located ? gridAddress(grid, located.headerRow, 0) : gridAddress(grid, 0, 0),
      expected: {
        vi: `danh sách xã: dòng tiêu đề có cột "Tên xã" và "Tiêu chí đạt" (hoặc các cột TC1…TC${total}, hoặc "Số tiêu chí đạt")`,
        en: `a communes list: a header row with "Tên xã" (commune) and "Tiêu chí đạt" (criteria met), or columns TC1…TC${total}, or "Số tiêu chí đạt" (criteria count)`,
      },
    });
  }
  const table = withOwnRecord(located);

  const marks = markColumns(table.columns, catalogue);
  if (shape === "marks") {
    for (const { col, header } of table.unmatched) {
      const n = markNumber(header, catalogue);
      if (n !== undefined && !marks.has(n)) {
        throw new InputError({
          sheet: grid.sheet,
          cell: gridAddress(grid, table.headerRow, col),
          found: header,
          expected: {
            vi: `cột tiêu chí của bộ ${catalogue.id} (TC1…TC${total})`,
            en: `a criterion column of set ${catalogue.id} (TC1…TC${total})`,
          },
        });
      }
    }
    const missing = catalogue.criteria
      .filter((c) => !marks.has(c.number))
      .map((c) => `TC${c.number}`);
    if (missing.length > 0) {
      throw new InputError({
        sheet: grid.sheet,
        cell: gridAddress(grid, table.headerRow, 0),
        found: `${marks.size}/${total}`,
        expected: {
          vi: `một cột cho mỗi tiêu chí; thiếu ${missing.join(", ")}`,
          en: `one column per criterion; missing ${missing.join(", ")}`,
        },
      });
    }
  }

  if (catalogue.requiresGroup && table.columns.group === undefined) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, table.headerRow, 0),
      expected: {
        vi: `cột "Nhóm xã" (1, 2 hoặc 3): bộ ${catalogue.id} có yêu cầu riêng cho từng nhóm xã`,
        en: `a "Nhóm xã" column (commune group 1, 2 or 3): set ${catalogue.id} has requirements per group`,
      },
    });
  }

  // What each row is, before any criteria are read: the indicator reader learns from commune rows only.
  const ctx: RowContext = { table, marks: shape === "marks" ? marks : new Map(), total };
  // By grid row (an array, not a map: 100,000 rows are classified in one read).
  const classes: RowClass[] = new Array<RowClass>(grid.rows.length);
  for (const r of table.dataRows) classes[r] = classifyRow(ctx, r);

  const indicatorCols = shape === "indicators" ? indicatorColumns(table) : [];
  let indicators: IndicatorStatusReader | null = null;
  if (shape === "indicators") {
    const communeRows = table.dataRows.filter((r) => classes[r].role === "commune");
    indicators = indicatorStatusReader(table, catalogue, indicatorCols, communeRows);
  }
  noteColumns(table, shape, marks, indicatorCols);

  const communes: CommuneStatus[] = [];
  const members: Member[] = [];
  const seen = new Map<string, string>();
  const warnings: Warning[] = [];
  const ignored = ignoredRowsWarning(table);
  if (ignored) warnings.push(ignored);
  const sheetRow = (r: number) => r + grid.origin.row + 1;
  let group: string | null = null;
  // The cell of the group's row that holds its name: what a commune's district read from it rests on.
  let groupSource: CommuneStatus["districtSource"];
  let countChecked = 0;
  let countOff = 0;
  for (const r of table.dataRows) {
    const cls = classes[r];
    if (cls.role === "group" || cls.role === "district") {
      group = cls.name;
      groupSource = labelSource(grid, r, cls.name);
      skipRow(table, r, cls.role, cls.why);
      continue;
    }
    if (cls.role === "total" || cls.role === "subtotal" || cls.role === "statistic") {
      skipRow(table, r, cls.role, cls.why);
      continue;
    }
    if (cls.role === "aggregate") continue; // decided by the sums, after every commune is read
    if (cls.role === "note") {
      // A sentence typed in the name column with nothing else on its row is a note, not a commune.
      skipRow(table, r, "note", cls.why);
      const cell = addressAt(table, r, "name");
      warnings.push({
        sheet: grid.sheet,
        cell,
        vi: `Dòng ${sheetRow(r)} ("${cls.label.slice(0, 40)}") không có số liệu tiêu chí: đọc là ghi chú, không phải xã`,
        en: `Row ${sheetRow(r)} ("${cls.label.slice(0, 40)}") holds no criteria: read as a note, not a commune`,
      });
      continue;
    }
    if (cls.role === "ward") {
      skipRow(table, r, "ward", cls.why);
      const cell = addressAt(table, r, "name");
      warnings.push({ sheet: grid.sheet, cell, ...rowSaid(sheetRow(r), cell, cls.why) });
      const status = lenientStatus(table, r, shape, marks, catalogue, cls.name);
      if (status) {
        if (!status.district && group) inGroup(status, group, groupSource);
        members.push({ r, status, ward: true });
      }
      continue;
    }
    const name = textCell(grid, r, table.columns.name, { vi: "tên xã", en: "commune name" });
    if (!name) {
      throw new InputError({
        sheet: grid.sheet,
        cell: addressAt(table, r, "name"),
        expected: { vi: "tên xã", en: "the commune's name" },
      });
    }
    const countCol = table.columns.count;
    const stated =
      countCol === undefined
        ? null
        : numberCell(grid, r, countCol, {
            integer: true,
            min: 0,
            max: total,
            what: { vi: "số tiêu chí đạt", en: "number of criteria met" },
          });

    let achieved: number[] | null = null;
    if (shape === "list") achieved = readList(grid, r, table.columns.list, catalogue);
    if (shape === "marks") {
      achieved = catalogue.criteria
        .filter((c) => readMark(grid, r, marks.get(c.number)!))
        .map((c) => c.number);
    }
    let evaluation: ReturnType<IndicatorStatusReader["read"]> | null = null;
    if (indicators) {
      evaluation = indicators.read(r, readGroupCell(grid, r, table.columns.group));
      achieved = evaluation.achieved;
    }
    if (shape === "list" && achieved === null && stated === null) {
      achieved = [];
      const cell = addressAt(table, r, "list");
      warnings.push({
        sheet: grid.sheet,
        cell,
        vi: `Xã ${name} (dòng ${sheetRow(r)}): ô ${cell} trống, được hiểu là chưa đạt tiêu chí nào`,
        en: `${name} (row ${sheetRow(r)}): cell ${cell} is blank, read as no criteria met`,
      });
    }
    if (shape === "count" && stated === null) {
      throw new InputError({
        sheet: grid.sheet,
        cell: addressAt(table, r, "count"),
        expected: {
          vi: `số tiêu chí đạt (0-${total}) của xã ${name}`,
          en: `the number of criteria met (0-${total}) by ${name}`,
        },
      });
    }
    const count = achieved ? achieved.length : (stated as number);
    if (achieved && stated !== null) {
      countChecked++;
      if (stated !== achieved.length) {
        countOff++;
        const cell = addressAt(table, r, "count");
        const from =
          shape === "list"
            ? { vi: "danh sách", en: "the list has" }
            : shape === "indicators"
              ? { vi: "các cột chỉ tiêu", en: "the indicator columns have" }
              : { vi: "các cột TC", en: "the TC columns have" };
        const using = from.en.replace(/ (has|have)$/, "");
        const warning = {
          sheet: grid.sheet,
          cell,
          vi: `Xã ${name} (ô ${cell}): ghi ${stated} tiêu chí đạt nhưng ${from.vi} có ${achieved.length}; dùng ${from.vi}`,
          en: `${name} (cell ${cell}): states ${stated} criteria met but ${from.en} ${achieved.length}; using ${using}`,
        };
        warnings.push(warning);
        noteCheck(table, {
          kind: "count-vs-marks",
          cell,
          ok: false,
          vi: warning.vi,
          en: warning.en,
        });
      }
    }

    const status: CommuneStatus = {
      name,
      achieved,
      count,
      source: { sheet: grid.sheet, cell: addressAt(table, r, "name") },
    };
    readDetails(table, r, status, catalogue);
    if (!status.district && group) inGroup(status, group, groupSource);
    if (evaluation) {
      status.indicatorsMet = evaluation.indicatorsMet;
      status.indicators = evaluation.indicators;
    }
    if (catalogue.requiresGroup && status.group === undefined) {
      throw new InputError({
        sheet: grid.sheet,
        cell: addressAt(table, r, "group"),
        expected: {
          vi: `nhóm xã của xã ${name}: 1, 2 hoặc 3`,
          en: `the commune group of ${name}: 1, 2 or 3`,
        },
      });
    }
    if (status.tier && status.tier !== "none" && count < total) {
      const cell = addressAt(table, r, "tier");
      warnings.push({
        sheet: grid.sheet,
        cell,
        vi: `Xã ${name} (ô ${cell}): trạng thái đạt chuẩn trở lên nhưng chỉ đạt ${count}/${total} tiêu chí`,
        en: `${name} (cell ${cell}): recognised at the standard or above but meets only ${count}/${total} criteria`,
      });
    }
    const key = `${labelKey(name)}|${labelKey(status.district ?? "")}`;
    const earlier = seen.get(key);
    if (earlier) {
      warnings.push({
        sheet: grid.sheet,
        cell: status.source!.cell,
        vi: `Xã ${name} ghi hai lần (ô ${earlier} và ${status.source!.cell}); cả hai được tính`,
        en: `${name} appears twice (cells ${earlier} and ${status.source!.cell}); both are counted`,
      });
    } else seen.set(key, status.source!.cell);
    communes.push(status);
    members.push({ r, status });
    useRow(table, r);
  }
  if (countChecked > countOff) {
    const agree = countChecked - countOff;
    noteCheck(table, {
      kind: "count-vs-marks",
      ok: true,
      vi: `Số tiêu chí đạt ghi ở cột ${addressAt(table, table.headerRow, "count").replace(/\d+$/, "")} khớp với các tiêu chí đã đọc ở ${agree} xã`,
      en: `The criteria count in column ${addressAt(table, table.headerRow, "count").replace(/\d+$/, "")} agrees with the criteria read for ${agree} communes`,
    });
  }
  checkRowsWithFigures(table, ctx, classes, members, warnings);
  if (communes.length === 0) {
    throw new InputError({
      sheet: grid.sheet,
      cell: addressAt(table, table.headerRow, "name"),
      expected: {
        vi: "ít nhất một xã dưới dòng tiêu đề",
        en: "at least one commune below the header row",
      },
    });
  }
  if (indicators) prependAll(warnings, indicators.warnings);
  // A table collected from the communes' reports says in its title how many it leaves out: every job says so too.
  const leftOut = leftOutOf(grid);
  if (leftOut && leftOut.count > 0) warnings.unshift(leftOutWarning(leftOut));
  const reading = tableReading(table, "communes", READING_WHAT);
  if (leftOut) reading.leftOut = { count: leftOut.count, cell: leftOut.cell };
  return indicators
    ? { communes, shape, warnings, sheet: grid.sheet, catalogue: indicators.catalogue, reading }
    : { communes, shape, warnings, sheet: grid.sheet, reading };
}

/**
 * Checks every row that carries figures without being a commune (district rows, subtotals, totals, "Số xã đạt")
 * against the communes it may cover, and decides the rows whose figures are too large for a commune: a sum that
 * agrees, or a district's name, makes a subtotal or district row; anything else is refused naming the cell.
 */
function checkRowsWithFigures(
  table: LocatedTable,
  ctx: RowContext,
  classes: readonly RowClass[],
  members: Member[],
  warnings: Warning[]
): void {
  const { grid } = table;
  const bounds = table.dataRows.filter((r) => {
    const role = classes[r].role;
    return role !== "commune" && role !== "ward" && role !== "note";
  });
  // Each row's neighbours are a slice of the members (in row order) and each district's are looked up: a scan of
  // every member per district or subtotal row made a 10,000-commune sheet with district rows take 2 s, 130,000 minutes.
  const inOrder = members.every((m, i) => i === 0 || members[i - 1].r < m.r);
  const firstAfter = (row: number) => {
    let lo = 0;
    let hi = members.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (members[mid].r <= row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const between = (from: number, to: number) =>
    inOrder
      ? members.slice(firstAfter(from), firstAfter(to - 1))
      : members.filter((m) => m.r > from && m.r < to);
  const byDistrict = new Map<string, Member[]>();
  for (const m of members) {
    const key = districtKey(m.status.district ?? "");
    const list = byDistrict.get(key);
    if (list) list.push(m);
    else byDistrict.set(key, [m]);
  }
  const ofDistrict = (key: string | null) => (key ? (byDistrict.get(districtKey(key)) ?? []) : []);
  const districts = new Set(byDistrict.keys());
  const communeCount = (set: Member[]) => set.filter((m) => !m.ward).length;
  const allCommunes = communeCount(members);
  for (const [i, r] of bounds.entries()) {
    const cls = classes[r];
    if (cls.role === "commune" || cls.role === "ward" || cls.role === "note") continue;
    const preceding = between(bounds[i - 1] ?? -1, r);
    const following = between(r, bounds[i + 1] ?? Infinity);
    let candidates: Member[][];
    let withCount = true;
    let kind: "subtotal" | "total" = "subtotal";
    if (cls.role === "total") {
      candidates = [members, preceding];
      kind = "total";
    } else if (cls.role === "subtotal") {
      const named = namedDistrict(cls.label);
      candidates = named ? [ofDistrict(named)] : [preceding, members];
    } else if (cls.role === "statistic") {
      // "Số xã đạt", "Tổng số xã": communes per criterion; rates and averages are not checked.
      if (!/^(so xa|tong so xa|so don vi)/.test(labelKey(cls.label))) continue;
      candidates = [members, preceding];
      withCount = false;
      kind = "total";
    } else if (cls.role === "group" || cls.role === "district") {
      candidates = [following, preceding, ofDistrict(labelKey(cls.name))];
    } else {
      candidates = [preceding, following, members];
    }
    const label = cls.label || `${grid.origin.row + r + 1}`;
    const outcome = checkFigures(ctx, r, label, candidates, { withCount });
    if (cls.role === "aggregate") {
      const known = cls.label !== "" && districts.has(districtKey(groupName(cls.label)));
      if (!outcome?.ok && !known) refuseAggregate(table, ctx, r);
      const role = !outcome?.ok
        ? "district"
        : communeCount(outcome.matched ?? []) === allCommunes
          ? "total"
          : "subtotal";
      if (role === "total") kind = "total";
      const said = {
        district: { vi: "dòng huyện", en: "a district row" },
        subtotal: { vi: "dòng cộng nhóm", en: "a subtotal row" },
        total: { vi: "dòng tổng cộng", en: "a total row" },
      }[role];
      skipRow(table, r, role, {
        vi: `${cls.why.vi}: ${said.vi}, không phải xã`,
        en: `${cls.why.en}: ${said.en}, not a commune`,
      });
    }
    if (!outcome) continue;
    noteCheck(table, { kind, cell: outcome.cell, ok: outcome.ok, vi: outcome.vi, en: outcome.en });
    if (!outcome.ok)
      warnings.push({ sheet: grid.sheet, cell: outcome.cell, vi: outcome.vi, en: outcome.en });
  }
}

/** A row whose figures no commune can have, that adds up to nothing and names no district: refused at the figure. */
function refuseAggregate(table: LocatedTable, ctx: RowContext, r: number): never {
  const { grid } = table;
  const figures = rowFigures(ctx, r);
  const total = ctx.total;
  const tooMany = figures.count && figures.count.value > total ? figures.count : null;
  const mark = figures.marks.find((m) => m.value > 1 || !Number.isInteger(m.value));
  const col = tooMany?.col ?? mark?.col ?? table.columns.name;
  throw new InputError({
    sheet: grid.sheet,
    cell: gridAddress(grid, r, col),
    found: cellText(grid.rows[r]?.[col] ?? null),
    expected: tooMany
      ? {
          vi: `số tiêu chí đạt: số nguyên từ 0 đến ${total} (nếu đây là dòng cộng của một huyện, hãy ghi "Cộng huyện …" hoặc tên huyện ở cột tên)`,
          en: `number of criteria met: a whole number from 0 to ${total} (if this row sums a district, label it "Cộng huyện …" or with the district's name)`,
        }
      : MARK_EXPECTED,
  });
}
