// Custom functions about allocating an envelope (NTM.ALLOCATE…): thin wrappers over the engine; the policy
// functions read their ranges with the same readers as the sheets.

import {
  ATTRIBUTE_WORDS,
  POLICY_PRESETS,
  communeList,
  isPresetId,
  policyCoefficients,
  policyRules,
  presetPolicy,
  ruleAttributes,
  splitByWeights,
  unreadableRules,
  type AllocationPolicy,
  type CommuneList,
} from "../engine/allocation";
import { findCatalogue } from "../engine/catalogue-lookup";
import { DEFAULT_PERIOD } from "../engine/catalogues";
import { InputError } from "../engine/errors";
import { gridFromRows, type CellValue } from "../workbook/grid";
import { readAllocationPolicy } from "../workbook/readers/allocation-policy";
import { readAllocationCommunes } from "../workbook/readers/commune-attributes";
import { leanAllocationCommunes } from "../workbook/readers/commune-attributes-lean";
import { functionNumber, guard } from "./errors";
import { checkRangeSize, type RangeWhat } from "./limits";
import { catalogueFromPolicy } from "./indicators";

/**
 * A range of coefficients (one row or one column, or any block read row by row) as numbers, straight into a typed
 * array; blanks and text that is not a number are errors naming the coefficient's place.
 */
function coefficientList(range: unknown[][]): Float64Array {
  checkRangeSize(range, COEFFICIENT_CELLS, "allocate");
  let n = 0;
  for (const row of range) n += row.length;
  const out = new Float64Array(n);
  let i = 0;
  for (const row of range) {
    for (const v of row) {
      const x =
        typeof v === "number" ? v : typeof v === "string" ? (functionNumber(v) ?? NaN) : NaN;
      if (!Number.isFinite(x)) {
        throw new InputError({
          found: String(v ?? ""),
          expected: {
            vi: `hệ số thứ ${i + 1} là một số`,
            en: `coefficient ${i + 1} to be a number`,
          },
        });
      }
      out[i++] = x;
    }
  }
  return out;
}

const COEFFICIENT_CELLS: RangeWhat = { vi: "hệ số", en: "coefficients", count: "cells" };
const COMMUNE_ROWS: RangeWhat = { vi: "dòng xã", en: "commune rows", count: "rows" };
const RULE_ROWS: RangeWhat = { vi: "dòng quy tắc", en: "rule rows", count: "rows" };

/** One amount per row, as Excel spills a column. */
function column(values: ArrayLike<number>): number[][] {
  const out = new Array<number[]>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = [values[i]];
  return out;
}

/** Excel passes null for an omitted optional argument. */
function optional(value: number | null | undefined): number | undefined {
  return value === null || value === undefined ? undefined : value;
}

/**
 * Phân bổ tổng vốn theo hệ số, làm tròn sao cho cộng đúng bằng tổng / Splits an envelope by coefficients, rounded
 * so that the amounts add up exactly to it.
 * @customfunction ALLOCATE
 * @param total Tổng vốn (triệu đồng) / Envelope (million VND)
 * @param coefficients Hệ số của các đơn vị (một cột hoặc một dòng) / Coefficients of the units (one column or row)
 * @param [unit] Làm tròn đến (1, 10, 100 triệu đồng; mặc định 1) / Round to (1, 10, 100 million; default 1)
 * @param [min] Mức tối thiểu mỗi đơn vị / Guaranteed minimum per unit
 * @param [cap] Mức tối đa mỗi đơn vị / Cap per unit
 * @returns Số vốn phân bổ cho từng đơn vị (một cột) / The amount per unit (one column)
 */
export function allocate(
  total: number,
  coefficients: any[][],
  unit?: number,
  min?: number,
  cap?: number
): number[][] {
  return guard(() => {
    const split = splitByWeights({
      total,
      weights: coefficientList(coefficients),
      unit: optional(unit),
      min: optional(min),
      cap: optional(cap),
      basis: "coefficient",
    });
    return column(split.amounts);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// By policy: coefficients computed from a communes range by a preset or a range of rule rows.

/** A policy argument: a preset id in one cell, or a range of rule rows under their header row. */
function policyArgument(policy: unknown[][]): AllocationPolicy {
  checkRangeSize(policy, RULE_ROWS, "allocate");
  const cells = policy.flat().filter((v) => !(v === null || v === undefined || v === ""));
  if (cells.length === 1 && typeof cells[0] === "string" && isPresetId(cells[0])) {
    return presetPolicy(cells[0]);
  }
  if (policy.length < 2) {
    throw new InputError({
      found: cells.map(String).join(" | ") || "(trống / blank)",
      expected: {
        vi: `chính sách: "${POLICY_PRESETS.map((p) => p.id).join('" hoặc "')}", hoặc vùng quy tắc có dòng tiêu đề (Điều kiện | Hệ số | Cách tính)`,
        en: `a policy: "${POLICY_PRESETS.map((p) => p.id).join('" or "')}", or a range of rules under a header row (Điều kiện | Hệ số | Cách tính)`,
      },
    });
  }
  return readAllocationPolicy(gridFromRows(RANGE_POLICY, policy as CellValue[][]));
}

/** A range with no cell filled (Excel passes an omitted optional range as null, or blanks as ""). */
function blankRange(range: unknown[][] | null | undefined): boolean {
  return (
    !Array.isArray(range) ||
    range.every(
      (r) => !Array.isArray(r) || r.every((v) => v === null || v === undefined || v === "")
    )
  );
}

/**
 * The criteria set the communes range is read with: the policy's period; for 2026-2030 with the indicators of an
 * indicator policy range, so a communes range of raw indicator values is evaluated as the task pane does.
 */
function catalogueArgument(policy: AllocationPolicy, indicators?: unknown[][] | null) {
  const catalogue = findCatalogue(policy.period ?? DEFAULT_PERIOD);
  if (blankRange(indicators)) return catalogue;
  if (!catalogue.requiresGroup) {
    throw new InputError({
      found: `${policy.id} (${catalogue.id})`,
      expected: {
        vi: "bảng chỉ tiêu theo nhóm xã chỉ dùng với chính sách giai đoạn 2026-2030 (như mẫu 2026-2030)",
        en: "an indicator policy table only with a 2026-2030 policy (such as the preset 2026-2030)",
      },
    });
  }
  return catalogueFromPolicy(indicators as any[][]);
}

const RANGE_POLICY = "(vùng chính sách / policy range)";
const RANGE_COMMUNES = "(vùng danh sách xã / communes range)";

/**
 * The communes of a range under its header row, with the attributes the policy reads. A function cannot show a
 * warning, so a rule whose column the range lacks is an error naming the columns to add (blank cells mean "no").
 */
function communesArgument(
  policy: AllocationPolicy,
  communes: unknown[][],
  year: number | undefined,
  indicators?: unknown[][] | null
): CommuneList {
  checkRangeSize(communes, COMMUNE_ROWS, "allocate");
  const catalogue = catalogueArgument(policy, indicators);
  const grid = gridFromRows(RANGE_COMMUNES, communes as CellValue[][]);
  // Plain commune rows are read lean; anything else by the full reader (the same figures, the same refusals).
  const read = leanAllocationCommunes(grid, catalogue) ?? readAllocationCommunes(grid, catalogue);
  const needsYear = policy.rules.find((r) => ruleAttributes(r).has("registered"));
  if (needsYear && year === undefined) {
    throw new InputError({
      found: needsYear.label,
      expected: {
        vi: `năm phân bổ (đối số year) cho quy tắc "${needsYear.label}"`,
        en: `the allocation year (argument year) for the rule "${needsYear.label}"`,
      },
    });
  }
  const missing = [...new Set(unreadableRules(policy, read.available).flatMap((u) => u.missing))];
  if (missing.length > 0) {
    throw new InputError({
      sheet: RANGE_COMMUNES,
      found: missing.map((a) => ATTRIBUTE_WORDS[a].vi).join(", "),
      expected: {
        vi: `vùng danh sách xã có các cột mà chính sách ${policy.id} đọc: ${missing.map((a) => ATTRIBUTE_WORDS[a].vi).join(", ")} (ô trống = không)`,
        en: `a communes range with the columns policy ${policy.id} reads: ${missing.map((a) => ATTRIBUTE_WORDS[a].en).join(", ")} (blank = no)`,
      },
    });
  }
  return communeList(read.communes);
}

/** The three ALLOCATE_* functions' shared arguments read once: the policy, its communes and the year's context. */
function policyArguments(
  policy: unknown[][],
  communes: unknown[][],
  year: number | null | undefined,
  indicators: unknown[][] | null | undefined
): { p: AllocationPolicy; list: CommuneList; context: { year: number | undefined } } {
  const p = policyArgument(policy);
  const context = { year: optionalYear(year) };
  return { p, list: communesArgument(p, communes, context.year, indicators), context };
}

function optionalYear(year: number | null | undefined): number | undefined {
  return year === null || year === undefined ? undefined : year;
}

/**
 * Hệ số của từng xã theo chính sách phân bổ, tính từ danh sách xã / Each commune's coefficient under an
 * allocation policy, computed from the communes list.
 * @customfunction ALLOCATE_COEFFICIENT
 * @param policy Chính sách: "qd-07-2022" (các mức của QĐ 07/2022 áp dụng cho xã), "2026-2030" (theo thông tin về dự thảo, cần đối chiếu văn bản ban hành) hoặc vùng quy tắc có tiêu đề Điều kiện | Hệ số | Cách tính / Policy: a preset id (to check against the text in force) or a range of rules with the header Điều kiện | Hệ số | Cách tính
 * @param communes Vùng danh sách xã kể cả dòng tiêu đề (Tên xã, Số tiêu chí đạt, Khu vực, ATK, Biên giới…) / The communes range with its header row
 * @param [year] Năm phân bổ, cho quy tắc "Đăng ký đạt chuẩn" / Allocation year, for a "registered" rule
 * @param [indicators] Bảng chỉ tiêu theo nhóm xã (2026-2030) khi vùng danh sách xã ghi giá trị từng chỉ tiêu / The indicator policy table (2026-2030) when the communes range gives indicator values
 * @returns Hệ số của từng xã (một cột) / One coefficient per commune (one column)
 */
export function allocateCoefficient(
  policy: any[][],
  communes: any[][],
  year?: number,
  indicators?: any[][]
): number[][] {
  return guard(() => {
    const { p, list, context } = policyArguments(policy, communes, year, indicators);
    return column(policyCoefficients(p, list, context));
  });
}

/**
 * Quy tắc cho hệ số của từng xã, bằng lời ("Khu vực III → 50") / The rule behind each commune's coefficient, in
 * words ("Khu vực III → 50").
 * @customfunction ALLOCATE_RULE
 * @param policy Chính sách: "qd-07-2022", "2026-2030" hoặc vùng quy tắc có tiêu đề / Policy: a preset id or a range of rules with its header
 * @param communes Vùng danh sách xã kể cả dòng tiêu đề / The communes range with its header row
 * @param [year] Năm phân bổ, cho quy tắc "Đăng ký đạt chuẩn" / Allocation year, for a "registered" rule
 * @param [indicators] Bảng chỉ tiêu theo nhóm xã (2026-2030) khi vùng danh sách xã ghi giá trị từng chỉ tiêu / The indicator policy table (2026-2030) when the communes range gives indicator values
 * @returns Quy tắc áp dụng cho từng xã (một cột) / The rule applied to each commune (one column)
 */
export function allocateRule(
  policy: any[][],
  communes: any[][],
  year?: number,
  indicators?: any[][]
): string[][] {
  return guard(() => {
    const { p, list, context } = policyArguments(policy, communes, year, indicators);
    const source = p.preset ? ` [${p.id}, cần đối chiếu văn bản hiện hành]` : "";
    // One sentence per commune from words made once (policyRules); a preset's note joined once per sentence.
    const withSource = new Map<string, string>();
    return policyRules(p, list, context).map((rule) => {
      if (source === "") return [rule];
      let text = withSource.get(rule);
      if (text === undefined) withSource.set(rule, (text = rule + source));
      return [text];
    });
  });
}

/**
 * Phân bổ tổng vốn cho các xã theo chính sách, làm tròn cộng đúng bằng tổng / Splits an envelope between the
 * communes by a policy, rounded so that the amounts add up exactly to it.
 * @customfunction ALLOCATE_POLICY
 * @param total Tổng vốn (triệu đồng) / Envelope (million VND)
 * @param policy Chính sách: "qd-07-2022", "2026-2030" hoặc vùng quy tắc có tiêu đề / Policy: a preset id or a range of rules with its header
 * @param communes Vùng danh sách xã kể cả dòng tiêu đề / The communes range with its header row
 * @param [unit] Làm tròn đến (1, 10, 100 triệu đồng; mặc định 1) / Round to (1, 10, 100 million; default 1)
 * @param [min] Mức tối thiểu mỗi xã / Guaranteed minimum per commune
 * @param [cap] Mức tối đa mỗi xã / Cap per commune
 * @param [year] Năm phân bổ, cho quy tắc "Đăng ký đạt chuẩn" / Allocation year, for a "registered" rule
 * @param [indicators] Bảng chỉ tiêu theo nhóm xã (2026-2030) khi vùng danh sách xã ghi giá trị từng chỉ tiêu / The indicator policy table (2026-2030) when the communes range gives indicator values
 * @returns Số vốn phân bổ cho từng xã (một cột) / The amount per commune (one column)
 */
export function allocatePolicy(
  total: number,
  policy: any[][],
  communes: any[][],
  unit?: number,
  min?: number,
  cap?: number,
  year?: number,
  indicators?: any[][]
): number[][] {
  return guard(() => {
    const { p, list, context } = policyArguments(policy, communes, year, indicators);
    // allocateByPolicy's split without its words (rule and arithmetic per commune): a cell shows only the amount.
    const split = splitByWeights({
      total,
      weights: policyCoefficients(p, list, context),
      unit: optional(unit),
      min: optional(min),
      cap: optional(cap),
      nameOf: (i) => list.get(i).unit,
      basis: "coefficient",
    });
    return column(split.amounts);
  });
}
