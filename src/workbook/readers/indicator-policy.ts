// Reads the indicator policy sheet (Bảng chỉ tiêu): per indicator its code, criterion, name, one requirement per
// commune group, unit, comparison and source. The 2026-2030 thresholds come from here, never from us.
//
// Layout (headers in any order, with or without diacritics):
//   Mã chỉ tiêu | Tiêu chí | Tên chỉ tiêu | Nhóm 1 | Nhóm 2 | Nhóm 3 | Đơn vị | So sánh | Nguồn
//   2.1         | 2        | Tỷ lệ …      | 100    | 90     | 70     | %      | ≥       | QĐ …/2026
//   2.2         | 2        | Có …         | Đạt    | Đạt    | không áp dụng |  | Đạt/Không đạt |
// An optional "NTM hiện đại" column beside Nhóm 1-3 gives the modern tier's requirement (MODERN_COLUMN).

import { maxOf } from "../../engine/arrays";
import { InputError } from "../../engine/errors";
import { parseIndicatorCode } from "../../engine/indicators";
import { parseNumberText } from "../../engine/numbers";
import { labelKey } from "../../engine/text";
import type { CommuneGroup, Comparison, Indicator, Requirement } from "../../engine/types";
import { cellText, gridAddress, isBlank, isCellError, type Grid } from "../grid";
import {
  addressAt,
  locateTable,
  noteColumns,
  textCell,
  tryLocateTable,
  type ColumnSpec,
  type LocatedTable,
} from "./table";

import { skipRow, tableReading } from "../reading/record";
import type { TableReading } from "../reading/types";

export const INDICATOR_POLICY_SHEET = "Chỉ tiêu theo nhóm xã";

export { MODERN_COLUMN } from "./modern-column";

export const INDICATOR_POLICY_COLUMNS: ColumnSpec[] = [
  {
    key: "code",
    aliases: ["Mã chỉ tiêu", "Mã CT", "Số chỉ tiêu", "Chỉ tiêu số", "Indicator code", "Code"],
    prefix: false,
    required: true,
  },
  {
    key: "group1",
    aliases: ["Nhóm 1", "Nhóm xã 1", "Yêu cầu nhóm 1", "Xã nhóm 1", "Group 1"],
    required: true,
  },
  {
    key: "group2",
    aliases: ["Nhóm 2", "Nhóm xã 2", "Yêu cầu nhóm 2", "Xã nhóm 2", "Group 2"],
    required: true,
  },
  {
    key: "group3",
    aliases: ["Nhóm 3", "Nhóm xã 3", "Yêu cầu nhóm 3", "Xã nhóm 3", "Group 3"],
    required: true,
  },
  {
    // The modern tier's requirement, beside the groups' (see MODERN_COLUMN): optional.
    key: "modern",
    aliases: [
      "NTM hiện đại",
      "Xã NTM hiện đại",
      "Nông thôn mới hiện đại",
      "Xã nông thôn mới hiện đại",
      "Mức hiện đại",
      "Yêu cầu NTM hiện đại",
      "Modern",
      "Modern tier",
    ],
  },
  {
    key: "criterion",
    aliases: ["Tiêu chí", "Tiêu chí số", "Số tiêu chí", "Criterion"],
    prefix: false,
  },
  {
    key: "name",
    aliases: ["Tên chỉ tiêu", "Nội dung chỉ tiêu", "Nội dung", "Chỉ tiêu", "Indicator", "Name"],
    prefix: false,
    required: true,
  },
  { key: "en", aliases: ["Tên tiếng Anh", "English", "English name"] },
  { key: "unit", aliases: ["Đơn vị tính", "Đơn vị", "ĐVT", "Unit"] },
  { key: "comparison", aliases: ["So sánh", "Cách so sánh", "Phép so sánh", "Comparison"] },
  { key: "source", aliases: ["Nguồn", "Căn cứ", "Văn bản", "Source"] },
];

const WHAT = { vi: "bảng chỉ tiêu theo nhóm xã", en: "indicator policy sheet" };

const REQUIREMENT_EXPECTED = {
  vi: `yêu cầu: một số (80, "80%"), "≥ 80", "Đạt" hoặc "không áp dụng"`,
  en: `a requirement: a number (80, "80%"), "≥ 80", "Đạt" (met) or "không áp dụng" (not applicable)`,
};

const COMPARISON_EXPECTED = {
  vi: `so sánh: "≥", "≤", "=" hoặc "Đạt/Không đạt"`,
  en: `a comparison: "≥", "≤", "=" or "Đạt/Không đạt" (met / not met)`,
};

const PASS_WORDS = new Set([
  "dat",
  "dat/khong dat",
  "dat/chua dat",
  "dat khong dat",
  "pass",
  "met",
  "x",
]);
const NOT_APPLICABLE = new Set(["khong ap dung", "kad", "n/a", "na", "not applicable", "khong"]);

export function looksLikeIndicatorPolicy(grid: Grid): boolean {
  return tryLocateTable(grid, INDICATOR_POLICY_COLUMNS) !== null;
}

/** "≥", ">=", "tối thiểu" …: a comparison; "" → null; anything else → undefined. */
function comparisonOf(text: string): Comparison | null | undefined {
  const key = labelKey(text).replace(/\s+/g, " ");
  if (key === "") return null;
  if (/^(?:≥|>=|=>|>|toi thieu|it nhat|tu|khong thap hon|khong duoi|at least|min)$/.test(key))
    return ">=";
  if (/^(?:≤|<=|=<|<|toi da|khong qua|khong vuot qua|duoi|at most|max)$/.test(key)) return "<=";
  if (/^(?:=|==|bang|equal)$/.test(key)) return "=";
  if (PASS_WORDS.has(key)) return "pass";
  return undefined;
}

interface ParsedRequirement {
  requirement: Requirement;
  comparison?: Comparison;
  percent?: boolean;
}

/** One requirement cell: a number with an optional leading "≥"/"≤"/"=", "Đạt", or "không áp dụng"; else throws. */
function readRequirement(grid: Grid, row: number, col: number): ParsedRequirement {
  const value = grid.rows[row]?.[col] ?? null;
  const cell = gridAddress(grid, row, col);
  const fail = (): InputError =>
    new InputError({
      sheet: grid.sheet,
      cell,
      found: cellText(value),
      expected: REQUIREMENT_EXPECTED,
    });
  if (isBlank(value) || isCellError(value) || value instanceof Date) throw fail();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw fail();
    return { requirement: value };
  }
  if (typeof value === "boolean") {
    if (value) return { requirement: true, comparison: "pass" };
    throw fail();
  }
  const text = String(value).trim();
  const key = labelKey(text);
  if (NOT_APPLICABLE.has(key) || /^[-–—]$/.test(text)) return { requirement: null };
  if (PASS_WORDS.has(key) || text === "✓") return { requirement: true, comparison: "pass" };
  const m = /^(≥|>=|=>|≤|<=|=<|=)?\s*(.+)$/.exec(text);
  const parsed = m ? parseNumberText(m[2]) : null;
  if (!m || !parsed) throw fail();
  const comparison = m[1] ? (comparisonOf(m[1]) as Comparison) : undefined;
  // "80%" is 80 percent points: values and thresholds of a "%" indicator are compared in points.
  return {
    requirement: parsed.percent ? Math.round(parsed.value * 100 * 1e9) / 1e9 : parsed.value,
    comparison,
    percent: parsed.percent,
  };
}

function readRow(table: LocatedTable, r: number): Indicator | null {
  const { grid, columns } = table;
  const codeText = textCell(grid, r, columns.code, { vi: "mã chỉ tiêu", en: "indicator code" });
  const name = textCell(grid, r, columns.name, { vi: "tên chỉ tiêu", en: "indicator name" });
  if (codeText === null && name !== null) {
    // A criterion heading row ("2. Hạ tầng kinh tế - xã hội") without a code carries no requirement.
    const groupsBlank = ["group1", "group2", "group3"].every((k) =>
      isBlank(grid.rows[r]?.[columns[k]] ?? null)
    );
    if (groupsBlank) {
      skipRow(table, r, "group", {
        vi: "dòng tên tiêu chí, không có mã chỉ tiêu",
        en: "criterion heading row, no indicator code",
      });
      return null;
    }
  }
  const parsed = codeText === null ? null : parseIndicatorCode(codeText);
  if (!parsed) {
    throw new InputError({
      sheet: grid.sheet,
      cell: addressAt(table, r, "code"),
      found: codeText ?? "",
      expected: {
        vi: `mã chỉ tiêu đánh số trong tiêu chí, như "2.1" (nhập dạng văn bản để 2.10 không thành 2.1)`,
        en: `an indicator code numbered within its criterion, such as "2.1" (typed as text so 2.10 does not become 2.1)`,
      },
    });
  }
  if (columns.criterion !== undefined) {
    const stated = textCell(grid, r, columns.criterion, { vi: "tiêu chí", en: "criterion" });
    const n = stated === null ? null : /^\D*0*(\d{1,2})\b/.exec(labelKey(stated))?.[1];
    if (stated !== null && Number(n) !== parsed.criterion) {
      throw new InputError({
        sheet: grid.sheet,
        cell: addressAt(table, r, "criterion"),
        found: stated,
        expected: {
          vi: `tiêu chí ${parsed.criterion}, như mã chỉ tiêu ${parsed.code} cho biết`,
          en: `criterion ${parsed.criterion}, as the indicator code ${parsed.code} says`,
        },
      });
    }
  }
  if (!name) {
    throw new InputError({
      sheet: grid.sheet,
      cell: addressAt(table, r, "name"),
      expected: { vi: `tên chỉ tiêu ${parsed.code}`, en: `the name of indicator ${parsed.code}` },
    });
  }
  const optional = (key: string, what: { vi: string; en: string }) =>
    columns[key] === undefined ? null : textCell(grid, r, columns[key], what);
  let unit = optional("unit", { vi: "đơn vị", en: "unit" }) ?? undefined;
  const source = optional("source", { vi: "nguồn", en: "source" }) ?? undefined;
  const en = optional("en", { vi: "tên tiếng Anh", en: "English name" }) ?? name;
  const comparisonText = optional("comparison", { vi: "so sánh", en: "comparison" });

  const groups = [1, 2, 3] as CommuneGroup[];
  const parsedReqs = groups.map((g) => readRequirement(grid, r, columns[`group${g}`]));
  // The modern tier's requirement: blank is none (the group's requirement is enough).
  const modernCol = columns.modern;
  const parsedModern =
    modernCol === undefined || isBlank(grid.rows[r]?.[modernCol] ?? null)
      ? undefined
      : readRequirement(grid, r, modernCol);
  let comparison: Comparison | null | undefined = null;
  if (comparisonText !== null) {
    comparison = comparisonOf(comparisonText);
    if (comparison === undefined) {
      throw new InputError({
        sheet: grid.sheet,
        cell: addressAt(table, r, "comparison"),
        found: comparisonText,
        expected: COMPARISON_EXPECTED,
      });
    }
  }
  // The comparison column decides; a symbol in a requirement cell must agree with it and with the others.
  const keys = [...groups.map((g) => `group${g}`), ...(parsedModern ? ["modern"] : [])];
  const parsedAll = parsedModern ? [...parsedReqs, parsedModern] : parsedReqs;
  keys.forEach((key, k) => {
    const own = parsedAll[k].comparison;
    if (own === undefined) return;
    if (comparison === null) comparison = own;
    else if (own !== comparison) {
      throw new InputError({
        sheet: grid.sheet,
        cell: gridAddress(grid, r, columns[key]),
        found: cellText(grid.rows[r]?.[columns[key]] ?? null),
        expected: {
          vi: `yêu cầu cùng cách so sánh với chỉ tiêu ${parsed.code} (${comparison === "pass" ? "Đạt/Không đạt" : comparison})`,
          en: `a requirement with the same comparison as indicator ${parsed.code} (${comparison === "pass" ? "met / not met" : comparison})`,
        },
      });
    }
  });
  if (comparison === null) {
    throw new InputError({
      sheet: grid.sheet,
      cell:
        columns.comparison === undefined
          ? addressAt(table, r, "group1")
          : addressAt(table, r, "comparison"),
      found: parsedReqs.map((p) => String(p.requirement ?? "không áp dụng")).join(" | "),
      expected: {
        vi: `cách so sánh của chỉ tiêu ${parsed.code}: cột "So sánh" (≥, ≤, =) hoặc viết "≥ 80" trong ô yêu cầu`,
        en: `the comparison of indicator ${parsed.code}: a "So sánh" column (≥, ≤, =) or "≥ 80" in the requirement cell`,
      },
    });
  }
  if (parsedAll.some((p) => p.percent)) {
    if (unit !== undefined && labelKey(unit) !== "%" && labelKey(unit) !== "phan tram") {
      throw new InputError({
        sheet: grid.sheet,
        cell: addressAt(table, r, "unit"),
        found: unit,
        expected: {
          vi: `đơn vị "%" vì yêu cầu của chỉ tiêu ${parsed.code} viết dạng phần trăm`,
          en: `the unit "%" since the requirements of ${parsed.code} are written as percentages`,
        },
      });
    }
    unit = "%";
  }
  const requirements = {
    1: parsedReqs[0].requirement,
    2: parsedReqs[1].requirement,
    3: parsedReqs[2].requirement,
  } as Indicator["requirements"];
  const indicator: Indicator = {
    code: parsed.code,
    criterion: parsed.criterion,
    vi: name,
    en,
    requirements,
    comparison,
  };
  if (unit) indicator.unit = unit;
  if (source) indicator.source = source;
  if (parsedModern) indicator.modern = parsedModern.requirement;
  const wrongType = (req: Requirement | undefined) =>
    req !== undefined &&
    req !== null &&
    (comparison === "pass" ? req !== true : typeof req !== "number");
  const mismatch: string | undefined = [
    ...groups.filter((g) => wrongType(requirements[g])).map((g) => `group${g}`),
    ...(wrongType(indicator.modern) ? ["modern"] : []),
  ][0];
  if (mismatch !== undefined) {
    throw new InputError({
      sheet: grid.sheet,
      cell: addressAt(table, r, mismatch),
      found: cellText(grid.rows[r]?.[columns[mismatch]] ?? null),
      expected:
        comparison === "pass"
          ? {
              vi: `"Đạt" hoặc "không áp dụng" (chỉ tiêu ${parsed.code} so sánh Đạt/Không đạt)`,
              en: `"Đạt" or "không áp dụng" (indicator ${parsed.code} is met / not met)`,
            }
          : {
              vi: `một số hoặc "không áp dụng" (chỉ tiêu ${parsed.code} so sánh ${comparison})`,
              en: `a number or "không áp dụng" (indicator ${parsed.code} compares ${comparison})`,
            },
    });
  }
  return indicator;
}

/**
 * The indicators on a policy sheet, in sheet order. Codes are unique ("2.1" typed as a number and "2.10" typed as
 * a number are the same number: the twin is an error naming both cells). Rows without a code and without
 * requirements are headings and are skipped.
 */
export function readIndicatorPolicy(grid: Grid): Indicator[] {
  return readIndicatorPolicyTable(grid).indicators;
}

/** The indicators and what was read (see readIndicatorPolicy). */
export function readIndicatorPolicyTable(grid: Grid): {
  indicators: Indicator[];
  reading: TableReading;
} {
  const table = locateTable(grid, INDICATOR_POLICY_COLUMNS, WHAT);
  const indicators: Indicator[] = [];
  const cells = new Map<string, string>();
  const numeric: { indicator: Indicator; cell: string }[] = [];
  for (const r of table.dataRows) {
    const indicator = readRow(table, r);
    if (!indicator) continue;
    const cell = addressAt(table, r, "code");
    const earlier = cells.get(indicator.code);
    if (earlier) {
      throw new InputError({
        sheet: grid.sheet,
        cell,
        found: indicator.code,
        expected: {
          vi: `mỗi mã chỉ tiêu một lần (đã có ở ô ${earlier}); nhập mã dạng văn bản để 2.10 không thành 2.1`,
          en: `each indicator code once (already in cell ${earlier}); type codes as text so 2.10 does not become 2.1`,
        },
      });
    }
    cells.set(indicator.code, cell);
    indicators.push(indicator);
    if (typeof grid.rows[r]?.[table.columns.code] === "number") numeric.push({ indicator, cell });
  }
  // A code typed as a number loses its trailing zero (2.10 → 2.1): refuse it where a criterion reaches 9 indicators.
  for (const { indicator, cell } of numeric) {
    const most = maxOf(
      indicators
        .filter((i) => i.criterion === indicator.criterion)
        .map((i) => parseIndicatorCode(i.code)!.index)
    );
    if (most >= 9) {
      throw new InputError({
        sheet: grid.sheet,
        cell,
        found: indicator.code,
        expected: {
          vi: `mã chỉ tiêu dạng văn bản ("${indicator.code}" hay "${indicator.criterion}.10"?): tiêu chí ${indicator.criterion} có từ 9 chỉ tiêu`,
          en: `the indicator code as text ("${indicator.code}" or "${indicator.criterion}.10"?): criterion ${indicator.criterion} has 9 or more indicators`,
        },
      });
    }
  }
  if (indicators.length === 0) {
    throw new InputError({
      sheet: grid.sheet,
      cell: addressAt(table, table.headerRow, "code"),
      expected: {
        vi: "ít nhất một chỉ tiêu dưới dòng tiêu đề",
        en: "at least one indicator below the header row",
      },
    });
  }
  noteColumns(table, {
    code: "indicator",
    group1: "other",
    group2: "other",
    group3: "other",
    modern: "other",
    criterion: "marks",
    name: "label",
    en: "label",
    unit: "other",
    comparison: "other",
    source: "note",
  });
  return {
    indicators,
    reading: tableReading(table, "indicators", WHAT, { role: "line" }),
  };
}
