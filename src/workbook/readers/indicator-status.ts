// Commune status per indicator (2026-2030): one column per indicator code ("2.1", "CT 2.1"), holding marks or raw
// values; values are evaluated against the policy sheet's requirement for the commune's group.

import { isMarkMet, MARK_EXPECTED } from "../../engine/criteria/marks";
import { InputError, isInputError } from "../../engine/errors";
import {
  evaluateCommune,
  GROUP_EXPECTED,
  leadingIndicatorCode,
  parseCommuneGroup,
  parseIndicatorCode,
  withIndicators,
  type CommuneEvaluation,
} from "../../engine/indicators";
import { parseNumberText } from "../../engine/numbers";
import { labelKey } from "../../engine/text";
import type {
  Catalogue,
  CommuneGroup,
  Indicator,
  IndicatorValue,
  Warning,
} from "../../engine/types";
import { cellText, gridAddress, isBlank, isCellError, type CellValue, type Grid } from "../grid";
import type { LocatedTable } from "./table";

export interface IndicatorColumn {
  code: string;
  col: number;
  header: string;
}

/** The indicator columns of a located table's header row (columns already claimed by other specs are skipped). */
export function indicatorColumns(
  table: Pick<LocatedTable, "grid" | "headerRow" | "columns">
): IndicatorColumn[] {
  const { grid, headerRow } = table;
  const claimed = new Set(Object.values(table.columns));
  const found: IndicatorColumn[] = [];
  const byCode = new Map<string, number>();
  (grid.rows[headerRow] ?? []).forEach((value, col) => {
    if (claimed.has(col)) return;
    const code = leadingIndicatorCode(value);
    if (!code) return;
    const earlier = byCode.get(code);
    if (earlier !== undefined) {
      throw new InputError({
        sheet: grid.sheet,
        cell: gridAddress(grid, headerRow, col),
        found: cellText(value),
        expected: {
          vi: `một cột cho mỗi chỉ tiêu; ${code} đã có ở ô ${gridAddress(grid, headerRow, earlier)} (nhập mã dạng văn bản để 2.10 không thành 2.1)`,
          en: `one column per indicator; ${code} is already in cell ${gridAddress(grid, headerRow, earlier)} (type codes as text so 2.10 does not become 2.1)`,
        },
      });
    }
    byCode.set(code, col);
    found.push({ code, col, header: cellText(value).trim() });
  });
  return found;
}

/** Without a policy sheet the headers define the indicators, each to be marked met (đạt) by every group. */
function indicatorsFromHeaders(columns: IndicatorColumn[]): Indicator[] {
  return columns.map(({ code, header }) => ({
    code,
    criterion: parseIndicatorCode(code)!.criterion,
    vi: header,
    en: header,
    comparison: "pass",
    requirements: { 1: true, 2: true, 3: true },
  }));
}

const isPercentUnit = (unit: string | undefined) =>
  unit !== undefined && (unit.trim() === "%" || labelKey(unit) === "phan tram");

/** Mark words a values column may still hold for one commune ("x", "Đạt", "chưa đạt", TRUE). */
function markWord(value: CellValue): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string" || parseNumberText(value) !== null) return undefined;
  try {
    return isMarkMet(value);
  } catch {
    return undefined;
  }
}

/**
 * One value for an indicator, as a sheet cell or a function argument holds it: a mark for a "đạt" indicator (or
 * when `asMarks`), else a number ("85%" is 85 for a "%" indicator), a mark word, or blank (null). Anything else is
 * an InputError without a cell (the caller names it).
 */
export function indicatorValueOf(
  value: CellValue,
  indicator: Indicator,
  asMarks: boolean
): IndicatorValue {
  // Made only for a refusal: this runs for every cell of a status sheet.
  const expected = () => ({
    vi: `giá trị của chỉ tiêu ${indicator.code}${indicator.unit ? ` (${indicator.unit})` : ""} hoặc dấu đạt/chưa đạt`,
    en: `a value for indicator ${indicator.code}${indicator.unit ? ` (${indicator.unit})` : ""} or a met / not met mark`,
  });
  if (isCellError(value) || value instanceof Date) {
    throw new InputError({ found: cellText(value), expected: expected() });
  }
  if (indicator.comparison === "pass" || asMarks) {
    try {
      return isMarkMet(value);
    } catch (e) {
      if (!isInputError(e)) throw e;
      throw new InputError({ found: cellText(value), expected: MARK_EXPECTED });
    }
  }
  if (isBlank(value)) return null;
  const mark = markWord(value);
  if (mark !== undefined) return mark;
  let n: number | null = null;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") {
    const parsed = parseNumberText(value);
    if (parsed && !(parsed.percent && !isPercentUnit(indicator.unit))) {
      n = parsed.percent ? Math.round(parsed.value * 100 * 1e9) / 1e9 : parsed.value;
    }
  }
  if (n === null || !Number.isFinite(n)) {
    throw new InputError({ found: cellText(value), expected: expected() });
  }
  return n;
}

export interface IndicatorStatusReader {
  /** The catalogue with the indicators used (the policy's, or the headers' when no policy was given). */
  catalogue: Catalogue;
  warnings: Warning[];
  /** Evaluates one data row for a commune of `group`. */
  read(row: number, group: CommuneGroup): CommuneEvaluation;
}

/**
 * A reader for the indicator columns of a status table. With a policy (catalogue.indicators not empty) every
 * policy indicator needs a column and every column a policy indicator; a column of a "≥ ≤ =" indicator holds
 * values (numbers, "85%" for a "%" indicator) or a mark word for one commune; a column holding only 0 and 1 where
 * a threshold is another number is read as marks, with a warning. `dataRows` are the rows that are communes.
 */
export function indicatorStatusReader(
  table: LocatedTable,
  catalogue: Catalogue,
  columns: IndicatorColumn[],
  dataRows: number[]
): IndicatorStatusReader {
  const { grid } = table;
  const warnings: Warning[] = [];
  const headerCell = (col: number) => gridAddress(grid, table.headerRow, col);
  let used: Catalogue;
  const policy = catalogue.indicators ?? [];
  if (policy.length === 0) {
    const made = withIndicators(catalogue, indicatorsFromHeaders(columns));
    used = made.catalogue;
    warnings.push({
      sheet: grid.sheet,
      cell: headerCell(columns[0]?.col ?? 0),
      vi: `Không có bảng chỉ tiêu theo nhóm xã: ${columns.length} chỉ tiêu lấy từ dòng tiêu đề, mỗi chỉ tiêu phải ghi "đạt" (không biết chỉ tiêu nào không áp dụng cho nhóm nào)`,
      en: `No indicator policy sheet: ${columns.length} indicators taken from the header row, each must be marked met (which indicators do not apply to a group is unknown)`,
    });
    for (const w of made.warnings) warnings.push({ ...w, sheet: grid.sheet });
  } else {
    used = catalogue;
    const known = new Set(policy.map((i) => i.code));
    const extra = columns.find((c) => !known.has(c.code));
    if (extra) {
      throw new InputError({
        sheet: grid.sheet,
        cell: headerCell(extra.col),
        found: extra.header,
        expected: {
          vi: `một chỉ tiêu của bảng chỉ tiêu (bộ ${catalogue.id}); ${extra.code} không có trong bảng`,
          en: `an indicator of the policy sheet (set ${catalogue.id}); ${extra.code} is not in it`,
        },
      });
    }
    const present = new Set(columns.map((c) => c.code));
    const missing = policy.filter((i) => !present.has(i.code)).map((i) => i.code);
    if (missing.length > 0) {
      throw new InputError({
        sheet: grid.sheet,
        cell: headerCell(columns[0].col),
        found: `${columns.length}/${policy.length}`,
        expected: {
          vi: `một cột cho mỗi chỉ tiêu của bảng chỉ tiêu; thiếu ${missing.slice(0, 12).join(", ")}${missing.length > 12 ? ", …" : ""}`,
          en: `one column per indicator of the policy sheet; missing ${missing.slice(0, 12).join(", ")}${missing.length > 12 ? ", …" : ""}`,
        },
      });
    }
  }
  const byCode = new Map((used.indicators ?? []).map((i) => [i.code, i]));

  // Columns of a threshold indicator holding only 0/1 (and mark words) are marks: decide once per column.
  const asMarks = new Set<number>();
  for (const c of columns) {
    const indicator = byCode.get(c.code)!;
    if (indicator.comparison === "pass") continue;
    // Counted in one pass, without arrays: this runs over every data row of every indicator column.
    let cells = 0;
    let numbers = 0;
    let onlyZeroOne = true;
    for (const r of dataRows) {
      const v = grid.rows[r]?.[c.col] ?? null;
      if (isBlank(v)) continue;
      cells += 1;
      const n =
        typeof v === "number" ? v : typeof v === "string" ? parseNumberText(v)?.value : undefined;
      if (n === undefined) continue;
      numbers += 1;
      if (n !== 0 && n !== 1) onlyZeroOne = false;
    }
    const thresholds = [1, 2, 3].map((g) => indicator.requirements[g as CommuneGroup]);
    const zeroOneThreshold = thresholds.every((t) => t === null || t === 0 || t === 1);
    if (policy.length === 0 || (numbers < cells && numbers === 0)) {
      asMarks.add(c.col);
    } else if (numbers > 0 && onlyZeroOne && !zeroOneThreshold) {
      asMarks.add(c.col);
      warnings.push({
        sheet: grid.sheet,
        cell: headerCell(c.col),
        vi: `Cột ${c.code} (ô ${headerCell(c.col)}) chỉ có 0 và 1 trong khi yêu cầu là ${thresholds.filter((t) => t !== null).join("/")}: được hiểu là dấu đạt (1) / chưa đạt (0); nếu là giá trị, hãy sửa`,
        en: `Column ${c.code} (cell ${headerCell(c.col)}) holds only 0 and 1 while the requirement is ${thresholds.filter((t) => t !== null).join("/")}: read as marks met (1) / not met (0); fix it if they are values`,
      });
    }
  }

  const blanks: string[] = [];
  const scale = new Map<string, { small?: string; large?: string }>();

  // Per column, decided once: its indicator, whether it holds marks, whether its unit is a percent.
  const perColumn = columns.map((c) => {
    const indicator = byCode.get(c.code)!;
    return {
      column: c,
      indicator,
      marks: indicator.comparison === "pass" || asMarks.has(c.col),
      percent: isPercentUnit(indicator.unit),
    };
  });

  function cellValue(
    r: number,
    { column: c, indicator, marks, percent }: (typeof perColumn)[number]
  ) {
    const value = grid.rows[r]?.[c.col] ?? null;
    // The cell's address is written only for a refusal or a warning, not for each of a sheet's cells.
    let n: IndicatorValue;
    try {
      n = indicatorValueOf(value, indicator, marks);
    } catch (e) {
      if (!isInputError(e)) throw e;
      const hint =
        marks && policy.length === 0
          ? {
              vi: `${MARK_EXPECTED.vi}; để đọc giá trị của chỉ tiêu, thêm bảng chỉ tiêu theo nhóm xã`,
              en: `${MARK_EXPECTED.en}; to read indicator values, add an indicator policy sheet`,
            }
          : e.details.expected;
      throw new InputError({
        sheet: grid.sheet,
        cell: gridAddress(grid, r, c.col),
        found: cellText(value),
        expected: hint,
      });
    }
    if (n === null && !marks) blanks.push(gridAddress(grid, r, c.col));
    if (typeof n === "number" && percent && typeof value === "number") {
      const seen = scale.get(c.code) ?? {};
      if (n > 0 && n < 1 && !seen.small) seen.small = gridAddress(grid, r, c.col);
      if (n > 1 && !seen.large) seen.large = gridAddress(grid, r, c.col);
      scale.set(c.code, seen);
    }
    return n;
  }

  return {
    catalogue: used,
    get warnings() {
      const out = [...warnings];
      if (blanks.length > 0) {
        out.push({
          sheet: grid.sheet,
          cell: blanks[0],
          vi: `${blanks.length} ô giá trị chỉ tiêu để trống (ô ${blanks.slice(0, 5).join(", ")}${blanks.length > 5 ? ", …" : ""}): được tính là chưa đạt`,
          en: `${blanks.length} indicator value cells are blank (cells ${blanks.slice(0, 5).join(", ")}${blanks.length > 5 ? ", …" : ""}): counted as not met`,
        });
      }
      for (const [code, seen] of scale) {
        const indicator = byCode.get(code)!;
        const thresholds = [1, 2, 3]
          .map((g) => indicator.requirements[g as CommuneGroup])
          .filter((t): t is number => typeof t === "number");
        const pointsThreshold = thresholds.some((t) => t > 1);
        if (seen.small && pointsThreshold && !seen.large) {
          out.push({
            sheet: grid.sheet,
            cell: seen.small,
            vi: `Chỉ tiêu ${code} (%): các giá trị đều dưới 1 (ô ${seen.small}) trong khi yêu cầu là ${thresholds.join("/")}%: ô định dạng phần trăm? Được so sánh như đã ghi; nếu 0,85 nghĩa là 85%, hãy ghi 85`,
            en: `Indicator ${code} (%): all values are below 1 (cell ${seen.small}) while the requirement is ${thresholds.join("/")}%: percent-formatted cells? Compared as written; if 0.85 means 85%, write 85`,
          });
        }
      }
      return out;
    },
    read(r, group) {
      const values: Record<string, IndicatorValue> = {};
      for (const c of perColumn) values[c.column.code] = cellValue(r, c);
      try {
        return evaluateCommune(used, group, values);
      } catch (e) {
        throw isInputError(e)
          ? new InputError({
              ...e.details,
              sheet: grid.sheet,
              cell: gridAddress(grid, r, columns[0].col),
            })
          : e;
      }
    },
  };
}

/** Nhóm xã from its cell, or an InputError naming the cell. */
export function readGroupCell(grid: Grid, row: number, col: number): CommuneGroup {
  const value = grid.rows[row]?.[col] ?? null;
  const group =
    typeof value === "number" || typeof value === "string" ? parseCommuneGroup(value) : null;
  if (group === null) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, row, col),
      found: cellText(value),
      expected: GROUP_EXPECTED,
    });
  }
  return group;
}
