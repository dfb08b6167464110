// Reads commune status in any of the three shapes reports use: a list of criteria met, one mark column per
// criterion, or only the number met; with optional district, code, tier, registration year and difficulty flag.

import { prependAll } from "../../engine/arrays";
import { CATALOGUE_2021_2025, tiersOf } from "../../engine/catalogues";
import { parseCriteriaList } from "../../engine/criteria/list";
import { isMarkMet, MARK_EXPECTED } from "../../engine/criteria/marks";
import { InputError, isInputError, type Bilingual } from "../../engine/errors";
import { labelKey } from "../../engine/text";
import type { Catalogue, CommuneStatus, Tier, Warning } from "../../engine/types";
import { cellText, gridAddress, isBlank, isCellError, type CellValue, type Grid } from "../grid";
import { mergeAt } from "../layout/header";
import { noteColumn, skipRow, tableReading } from "../reading/record";
import type { TableReading } from "../reading/types";
import {
  groupName,
  isGrandTotalLabel,
  isGroupLabel,
  isTotalLabel,
  markerKind,
  rowTexts,
  stripMarker,
} from "../layout/labels";
import {
  addressAt,
  ignoredRowsWarning,
  noteColumns,
  numberCell,
  textCell,
  tryLocateTable,
  type ColumnSpec,
  type LocatedTable,
} from "./table";
import {
  indicatorColumns,
  indicatorStatusReader,
  readGroupCell,
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
  /** What was read: header rows, columns, the rows used and those set aside. */
  reading: TableReading;
}

const COMMUNES_WHAT: Bilingual = { vi: "danh sách xã", en: "communes" };

// Order matters: a header is given to the first spec it matches, so "Xã ĐBKK" and "Mã xã" come before "Xã".
const FIXED_SPECS: ColumnSpec[] = [
  {
    key: "difficult",
    aliases: [
      "Xã ĐBKK",
      "ĐBKK",
      "Xã đặc biệt khó khăn",
      "Đặc biệt khó khăn",
      "Especially difficult",
    ],
  },
  {
    key: "registered",
    aliases: [
      "Đăng ký đạt chuẩn",
      "Năm đăng ký đạt chuẩn",
      "Năm đăng ký",
      "Registered",
      "Registered year",
    ],
  },
  { key: "tier", aliases: ["Trạng thái", "Mức đạt chuẩn", "Xếp loại", "Status", "Tier"] },
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
  {
    key: "name",
    aliases: ["Tên xã", "Xã", "Commune", "Commune name", "Tên đơn vị"],
    required: true,
  },
];

/** Nhóm xã: read for indicator-level sets (2026-2030) only, so older sheets read exactly as before. */
const GROUP_SPEC: ColumnSpec = {
  key: "group",
  aliases: ["Nhóm xã", "Phân nhóm xã", "Commune group"],
};

/** "Nhóm" and "Group" alone name the group column only as the whole header ("Nhóm tiêu chí" is something else). */
const GROUP_SHORT_SPEC: ColumnSpec = { key: "group", aliases: ["Nhóm", "Group"], prefix: false };

/** A set assessed indicator by indicator, with commune groups (2026-2030). */
function indicatorLevel(catalogue: Catalogue): boolean {
  return catalogue.requiresGroup === true || (catalogue.indicators?.length ?? 0) > 0;
}

const MARK_HEADER = /^(?:tc|tieu chi|tieu chi so|criterion|criterion no)\s*[#.]?\s*0*(\d+)(?:\s|$)/;

/** The criterion a header names (TC1, "Tiêu chí 1", a catalogue name), or undefined. */
function markNumber(header: string, catalogue: Catalogue): number | undefined {
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

function locate(grid: Grid, catalogue: Catalogue): LocatedTable | null {
  let byCatalogue = located.get(grid);
  if (!byCatalogue) located.set(grid, (byCatalogue = new Map()));
  if (byCatalogue.has(catalogue)) return byCatalogue.get(catalogue)!;
  const table = locateOnce(grid, catalogue);
  byCatalogue.set(catalogue, table);
  return table;
}

function locateOnce(grid: Grid, catalogue: Catalogue): LocatedTable | null {
  const groupSpec = indicatorLevel(catalogue) ? [GROUP_SPEC, GROUP_SHORT_SPEC] : [];
  const table = tryLocateTable(grid, [...groupSpec, ...FIXED_SPECS, ...markSpecs(catalogue)]);
  if (!table) return null;
  // TC headers in other spellings ("TC01", "TC1 (Quy hoạch)") are matched here.
  for (const { col, header } of table.unmatched) {
    // A composed header ("Tiêu chí / TC01") names its criterion in its lowest part.
    const n = markNumber(header.split(" / ").pop() ?? header, catalogue);
    if (n !== undefined && table.columns[`tc${n}`] === undefined) table.columns[`tc${n}`] = col;
  }
  return table;
}

function markColumns(table: LocatedTable, catalogue: Catalogue): Map<number, number> {
  const cols = new Map<number, number>();
  for (const c of catalogue.criteria) {
    const col = table.columns[`tc${c.number}`];
    if (col !== undefined) cols.set(c.number, col);
  }
  return cols;
}

function shapeOf(table: LocatedTable, catalogue: Catalogue): CommuneShape | null {
  if (indicatorLevel(catalogue) && indicatorColumns(table).length > 0) return "indicators";
  if (table.columns.list !== undefined) return "list";
  if (markColumns(table, catalogue).size > 0) return "marks";
  if (table.columns.count !== undefined) return "count";
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
  const cell = gridAddress(grid, row, col);
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

/** A total or subtotal row ("Tổng cộng", "Cộng huyện Kế Sách"), labelled in the name column or in one left of it. */
function isTotalRow(table: LocatedTable, r: number): boolean {
  const row = table.grid.rows[r] ?? [];
  for (let c = 0; c <= table.columns.name; c++) {
    const v = row[c];
    if (typeof v === "string" && v.trim() !== "") {
      if (isTotalLabel(v)) return true;
      if (c === table.columns.name) return false;
    }
  }
  return false;
}

/**
 * Checks a total or subtotal row's count of criteria against the communes it covers: those of the district it names
 * ("Cộng huyện Kế Sách"), else those since the previous total or group row, else all. A mismatch is a warning
 * naming both cells; the row is never read as a commune either way.
 */
function checkSubtotal(
  table: LocatedTable,
  r: number,
  all: CommuneStatus[],
  recent: CommuneStatus[],
  warnings: Warning[]
): void {
  const { grid } = table;
  const countCol = table.columns.count;
  if (countCol === undefined) return;
  const value = grid.rows[r]?.[countCol] ?? null;
  if (typeof value !== "number") return;
  const label = rowTexts(grid.rows[r] ?? []).find((t) => isTotalLabel(t.text))?.text ?? "";
  const named =
    /^(?:cộng|tổng|cong|tong)(?:\s+cộng|\s+cong)?\s+(?:huyện|thị xã|thành phố|huyen|thi xa|thanh pho|tp\.?|tx\.?)\s+(.+)$/iu.exec(
      label.trim()
    );
  const district = named ? labelKey(named[1]) : null;
  const covered = district
    ? all.filter((c) => labelKey(c.district ?? "") === district)
    : recent.length > 0
      ? recent
      : all;
  if (covered.length === 0) return;
  const sum = covered.reduce((s, c) => s + c.count, 0);
  if (value === sum || value === covered.length) return;
  const cell = gridAddress(grid, r, countCol);
  const first = covered[0].source?.cell ?? "";
  const last = covered[covered.length - 1].source?.cell ?? "";
  warnings.push({
    sheet: grid.sheet,
    cell,
    vi: `Dòng "${label}" (ô ${cell}) ghi ${value} nhưng ${covered.length} xã từ ${first} đến ${last} cộng lại ${sum} tiêu chí; dòng này không được tính là xã`,
    en: `Row "${label}" (cell ${cell}) states ${value} but the ${covered.length} communes from ${first} to ${last} add up to ${sum} criteria; the row is not counted as a commune`,
  });
}

/** A sentence rather than a name: five words or more, or ending with a full stop, or with a colon in it. */
function isNoteText(text: string): boolean {
  const t = text.trim();
  return t.split(/\s+/).length >= 5 || /[.:;]$/.test(t) || t.includes(": ") || /^\(/.test(t);
}

/** True when a row holds no criteria at all (no list, no count, no mark). */
function hasNoCriteria(table: LocatedTable, r: number, marks: Map<number, number>): boolean {
  const row = table.grid.rows[r] ?? [];
  const blank = (c: number | undefined) => c === undefined || isBlank(row[c] ?? null);
  return (
    blank(table.columns.list) &&
    blank(table.columns.count) &&
    [...marks.values()].every((c) => blank(c))
  );
}

/**
 * A group row: a district's name ("Huyện Kế Sách", "Thị xã Ngã Năm") or a roman numeral with a name, and no
 * criteria. Returns the group's name, or null for an ordinary row.
 */
function groupRow(table: LocatedTable, r: number, marks: Map<number, number>): string | null {
  if (!hasNoCriteria(table, r, marks)) return null;
  const texts = rowTexts(table.grid.rows[r] ?? []);
  if (texts.length === 0) return null;
  const named = texts.find((t) => isGroupLabel(t.text));
  if (named) return groupName(named.text);
  const roman = texts.length === 2 && markerKind(texts[0].text) === "roman";
  if (roman) return groupName(texts[1].text);
  const inline = stripMarker(texts[0].text);
  if (texts.length === 1 && markerKind(inline.marker) === "roman") return groupName(inline.rest);
  return null;
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
    const district =
      textCell(grid, r, columns.district, what) ??
      (merge && merge.top < r && merge.left === columns.district
        ? textCell(grid, merge.top, merge.left, what)
        : null);
    if (district) status.district = district;
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

/**
 * Reads the communes on a sheet. The shape comes from the headers: a list column wins over marks, marks over a
 * count. When a list (or marks) and a count disagree, the list is used and a warning names the count's cell.
 */
export function readCommunes(grid: Grid, options: { catalogue: Catalogue }): CommunesReadResult {
  const { catalogue } = options;
  const total = catalogue.criteria.length;
  const table = locate(grid, catalogue);
  const shape = table ? shapeOf(table, catalogue) : null;
  if (!table || !shape) {
    throw new InputError({
      sheet: grid.sheet,
      cell: table ? gridAddress(grid, table.headerRow, 0) : gridAddress(grid, 0, 0),
      expected: {
        vi: `danh sách xã: dòng tiêu đề có cột "Tên xã" và "Tiêu chí đạt" (hoặc các cột TC1…TC${total}, hoặc "Số tiêu chí đạt")`,
        en: `a communes list: a header row with "Tên xã" (commune) and "Tiêu chí đạt" (criteria met), or columns TC1…TC${total}, or "Số tiêu chí đạt" (criteria count)`,
      },
    });
  }

  const marks = markColumns(table, catalogue);
  if (shape === "marks") {
    for (const { col, header } of table.unmatched) {
      const n = markNumber(header.split(" / ").pop() ?? header, catalogue);
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
  let indicators: IndicatorStatusReader | null = null;
  if (shape === "indicators") {
    const communeRows = table.dataRows.filter((r) => !isTotalRow(table, r));
    indicators = indicatorStatusReader(table, catalogue, indicatorColumns(table), communeRows);
  }

  const communes: CommuneStatus[] = [];
  const seen = new Map<string, string>();
  const warnings: Warning[] = [];
  const ignored = ignoredRowsWarning(table);
  if (ignored) warnings.push(ignored);
  let group: string | null = null;
  let sinceTotal = 0;
  for (const r of table.dataRows) {
    if (isTotalRow(table, r)) {
      const label = rowTexts(grid.rows[r] ?? []).find((t) => isTotalLabel(t.text))?.text ?? "";
      // A bare "Cộng" under a group row closes the group: a subtotal.
      const bare = /^(cong|tong)$/.test(labelKey(stripMarker(label).rest));
      const grand = isGrandTotalLabel(label) && !(bare && group !== null);
      skipRow(
        table,
        r,
        grand ? "total" : "subtotal",
        grand
          ? { vi: "dòng tổng cộng, không phải xã", en: "total row, not a commune" }
          : { vi: "dòng cộng nhóm, không phải xã", en: "subtotal row, not a commune" }
      );
      checkSubtotal(table, r, communes, communes.slice(communes.length - sinceTotal), warnings);
      sinceTotal = 0;
      continue;
    }
    const groupLabel = groupRow(table, r, marks);
    if (groupLabel !== null) {
      skipRow(table, r, "group", {
        vi: `dòng nhóm "${groupLabel}" (không có tiêu chí)`,
        en: `group row "${groupLabel}" (no criteria)`,
      });
      group = groupLabel;
      sinceTotal = 0;
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
    if (hasNoCriteria(table, r, marks) && isNoteText(name)) {
      // A sentence typed in the name column with nothing else on its row is a note, not a commune.
      const cell = addressAt(table, r, "name");
      skipRow(table, r, "note", {
        vi: "ghi chú trong cột tên xã, không có tiêu chí",
        en: "a note in the name column, no criteria",
      });
      warnings.push({
        sheet: grid.sheet,
        cell,
        vi: `Dòng ${r + grid.origin.row + 1} ("${name.slice(0, 40)}") không có số liệu tiêu chí: đọc là ghi chú, không phải xã`,
        en: `Row ${r + grid.origin.row + 1} ("${name.slice(0, 40)}") holds no criteria: read as a note, not a commune`,
      });
      continue;
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
        vi: `Xã ${name} (dòng ${r + grid.origin.row + 1}): ô ${cell} trống, được hiểu là chưa đạt tiêu chí nào`,
        en: `${name} (row ${r + grid.origin.row + 1}): cell ${cell} is blank, read as no criteria met`,
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
    if (achieved && stated !== null && stated !== achieved.length) {
      const cell = addressAt(table, r, "count");
      const from =
        shape === "list"
          ? { vi: "danh sách", en: "the list" }
          : shape === "indicators"
            ? { vi: "các cột chỉ tiêu", en: "the indicator columns" }
            : { vi: "các cột TC", en: "the TC columns" };
      warnings.push({
        sheet: grid.sheet,
        cell,
        vi: `Xã ${name} (ô ${cell}): ghi ${stated} tiêu chí đạt nhưng ${from.vi} có ${achieved.length}; dùng ${from.vi}`,
        en: `${name} (cell ${cell}): states ${stated} criteria met but ${from.en} has ${achieved.length}; using ${from.en}`,
      });
    }

    const status: CommuneStatus = {
      name,
      achieved,
      count,
      source: { sheet: grid.sheet, cell: addressAt(table, r, "name") },
    };
    readDetails(table, r, status, catalogue);
    if (!status.district && group) status.district = group;
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
    sinceTotal++;
  }
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
  const reading = communesReading(table, shape, marks);
  return indicators
    ? { communes, shape, warnings, sheet: grid.sheet, catalogue: indicators.catalogue, reading }
    : { communes, shape, warnings, sheet: grid.sheet, reading };
}

/** The columns read, by role (marks and indicators with their criterion), and the table's reading. */
function communesReading(
  table: LocatedTable,
  shape: CommuneShape,
  marks: Map<number, number>
): TableReading {
  noteColumns(table, {
    name: "name",
    code: "code",
    district: "district",
    group: "group",
    tier: "tier",
    registered: "registered",
    difficult: "difficult",
    count: "count",
    list: "list",
  });
  if (shape === "marks") {
    for (const [n, col] of marks) noteColumn(table, col, "marks", { criterion: String(n) });
  }
  if (shape === "indicators") {
    for (const c of indicatorColumns(table))
      noteColumn(table, c.col, "indicator", { criterion: c.code });
  }
  return tableReading(table, "communes", COMMUNES_WHAT);
}
