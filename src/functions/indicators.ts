// Custom functions of the 2026-2030 set (NTM.INDICATOR_MET, NTM.CRITERIA_MET…): an indicator against the requirement
// for the commune's group, criteria met from a row of indicator marks or values. The policy table is read by the same
// reader as the policy sheet, so a formula and the task pane never disagree.

import { CATALOGUE_2026_2030 } from "../engine/catalogues";
import { formatCriteriaList } from "../engine/criteria";
import { InputError } from "../engine/errors";
import {
  evaluateCommune,
  evaluateIndicator,
  findIndicator,
  GROUP_EXPECTED,
  parseCommuneGroup,
  parseIndicatorCode,
  withIndicators,
} from "../engine/indicators";
import type { Catalogue, CommuneGroup, Indicator, IndicatorValue } from "../engine/types";
import { gridFromRows, type CellValue } from "../workbook/grid";
import { readIndicatorPolicy } from "../workbook/readers/indicator-policy";
import { indicatorValueOf } from "../workbook/readers/indicator-status";
import { guard } from "./errors";

const POLICY_RANGE = "vùng chỉ tiêu / policy range";

function groupOf(group: unknown): CommuneGroup {
  const g =
    typeof group === "number" || typeof group === "string" ? parseCommuneGroup(group) : null;
  if (g === null) throw new InputError({ found: String(group ?? ""), expected: GROUP_EXPECTED });
  return g;
}

/** Excel passes blank cells as "" (or null in some hosts). */
function cell(value: unknown): CellValue {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
    return value;
  }
  return String(value);
}

/** The 2026-2030 catalogue with the indicators of a policy table range (header row included). */
export function catalogueFromPolicy(policy: any[][]): Catalogue {
  const rows = policy.map((row) => row.map(cell));
  const indicators = readIndicatorPolicy(gridFromRows(POLICY_RANGE, rows));
  return withIndicators(CATALOGUE_2026_2030, indicators).catalogue;
}

function oneRow(range: any[][], what: { vi: string; en: string }): CellValue[] {
  if (range.length === 1) return range[0].map(cell);
  if (range.every((r) => r.length === 1)) return range.map((r) => cell(r[0]));
  throw new InputError({
    found: `${range.length}×${range[0]?.length ?? 0}`,
    expected: { vi: `${what.vi}: một hàng hoặc một cột`, en: `${what.en}: one row or one column` },
  });
}

function verdict(value: unknown, code: string, group: unknown, policy: any[][]) {
  const catalogue = catalogueFromPolicy(policy);
  const indicator = findIndicator(catalogue, String(code ?? ""));
  return evaluateIndicator(
    indicator,
    groupOf(group),
    indicatorValueOf(cell(value), indicator, false)
  );
}

/**
 * Chỉ tiêu có đạt yêu cầu của nhóm xã không (bộ 2026-2030) /
 * Whether an indicator's value meets the requirement for the commune's group (2026-2030 set).
 * @customfunction INDICATOR_MET
 * @param {any} value Giá trị (số, "85%") hoặc dấu đạt (x, Đạt) / The value (a number, "85%") or a mark (x, Đạt)
 * @param {string} code Mã chỉ tiêu, như "2.1" / Indicator code, such as "2.1"
 * @param {any} group Nhóm xã: 1, 2, 3 hoặc "Nhóm 2" / Commune group: 1, 2, 3 or "Nhóm 2"
 * @param {any[][]} policy Bảng chỉ tiêu theo nhóm xã, kể cả dòng tiêu đề / The indicator policy table, header row included
 * @returns {boolean} TRUE khi đạt / TRUE when met
 */
export function indicatorMet(value: any, code: string, group: any, policy: any[][]): boolean {
  return guard(() => verdict(value, code, group, policy).met);
}

/**
 * Vì sao chỉ tiêu đạt hay chưa đạt: giá trị so với yêu cầu của nhóm xã /
 * Why an indicator is met or not: the value against the requirement for the commune's group.
 * @customfunction INDICATOR_REASON
 * @param {any} value Giá trị (số, "85%") hoặc dấu đạt (x, Đạt) / The value (a number, "85%") or a mark (x, Đạt)
 * @param {string} code Mã chỉ tiêu, như "2.1" / Indicator code, such as "2.1"
 * @param {any} group Nhóm xã: 1, 2, 3 hoặc "Nhóm 2" / Commune group: 1, 2, 3 or "Nhóm 2"
 * @param {any[][]} policy Bảng chỉ tiêu theo nhóm xã, kể cả dòng tiêu đề / The indicator policy table, header row included
 * @param {string} [lang] "vi" (mặc định) hoặc "en" / "vi" (default) or "en"
 * @returns {string} "72 %, cần ≥ 80 % (nhóm 1)"; "đạt" khi đạt bằng dấu / "đạt" when a mark says met
 */
export function indicatorReason(
  value: any,
  code: string,
  group: any,
  policy: any[][],
  lang?: string
): string {
  return guard(() => {
    const v = verdict(value, code, group, policy);
    const en = (lang ?? "vi").toLowerCase().startsWith("en");
    if (v.reason) return en ? v.reason.en : v.reason.vi;
    return en ? "met" : "đạt";
  });
}

/** The evaluation of one commune's row of indicator values (or marks) under their codes. */
export function evaluateRow(
  values: any[][],
  codes: any[][],
  group: unknown,
  policy?: any[][] | null
) {
  const what = { vi: "hàng giá trị chỉ tiêu", en: "the row of indicator values" };
  const row = oneRow(values, what);
  const header = oneRow(codes, { vi: "hàng mã chỉ tiêu", en: "the row of indicator codes" });
  if (row.length !== header.length) {
    throw new InputError({
      found: `${row.length} / ${header.length}`,
      expected: {
        vi: "hàng giá trị và hàng mã chỉ tiêu cùng số ô",
        en: "as many values as indicator codes",
      },
    });
  }
  const columns = header.map((h, k) => {
    const parsed = h === null ? null : parseIndicatorCode(String(h));
    if (!parsed) {
      throw new InputError({
        found: String(h ?? ""),
        expected: {
          vi: `mã chỉ tiêu như "2.1" (ô thứ ${k + 1})`,
          en: `an indicator code such as "2.1" (cell ${k + 1})`,
        },
      });
    }
    return parsed;
  });
  const hasPolicy =
    Array.isArray(policy) &&
    policy.length > 0 &&
    policy.some((r) => r.some((c) => c !== "" && c !== null));
  const catalogue = hasPolicy
    ? catalogueFromPolicy(policy as any[][])
    : withIndicators(
        CATALOGUE_2026_2030,
        columns.map((c): Indicator => ({
          code: c.code,
          criterion: c.criterion,
          vi: c.code,
          en: c.code,
          comparison: "pass",
          requirements: { 1: true, 2: true, 3: true },
        }))
      ).catalogue;
  const byCode = new Map((catalogue.indicators ?? []).map((i) => [i.code, i]));
  const given: Record<string, IndicatorValue> = {};
  columns.forEach((c, k) => {
    const indicator = byCode.get(c.code);
    if (!indicator)
      throw new InputError({
        found: c.code,
        expected: {
          vi: "một mã chỉ tiêu của bảng chỉ tiêu",
          en: "an indicator code of the policy table",
        },
      });
    given[c.code] = indicatorValueOf(row[k], indicator, !hasPolicy);
  });
  const missing = (catalogue.indicators ?? []).filter((i) => !(i.code in given)).map((i) => i.code);
  if (missing.length > 0) {
    throw new InputError({
      found: `${columns.length}/${catalogue.indicators?.length ?? 0}`,
      expected: {
        vi: `một giá trị cho mỗi chỉ tiêu của bảng chỉ tiêu; thiếu ${missing.slice(0, 8).join(", ")}`,
        en: `a value for every indicator of the policy table; missing ${missing.slice(0, 8).join(", ")}`,
      },
    });
  }
  return evaluateCommune(catalogue, groupOf(group), given);
}

/**
 * Số tiêu chí đạt (bộ 2026-2030) từ một hàng giá trị hoặc dấu đạt của các chỉ tiêu và nhóm xã /
 * Criteria met (2026-2030 set) from a row of indicator values or marks and the commune group.
 * @customfunction CRITERIA_MET
 * @param {any[][]} values Hàng giá trị hoặc dấu đạt (x, Đạt) của các chỉ tiêu / Row of indicator values or marks
 * @param {any[][]} codes Hàng mã chỉ tiêu tương ứng ("2.1"…) / The matching row of indicator codes ("2.1"…)
 * @param {any} group Nhóm xã: 1, 2, 3 hoặc "Nhóm 2" / Commune group: 1, 2, 3 or "Nhóm 2"
 * @param {any[][]} [policy] Bảng chỉ tiêu theo nhóm xã; không có thì mỗi chỉ tiêu phải ghi đạt / Indicator policy table; without it every indicator must be marked met
 * @returns {number} Số tiêu chí đạt (0-10) / Number of criteria met (0-10)
 */
export function criteriaMet(values: any[][], codes: any[][], group: any, policy?: any[][]): number {
  return guard(() => evaluateRow(values, codes, group, policy).achieved.length);
}

/**
 * Các tiêu chí đạt (bộ 2026-2030) từ một hàng giá trị của các chỉ tiêu /
 * Criteria met (2026-2030 set) from a row of indicator values.
 * @customfunction CRITERIA_LIST
 * @param {any[][]} values Hàng giá trị hoặc dấu đạt (x, Đạt) của các chỉ tiêu / Row of indicator values or marks
 * @param {any[][]} codes Hàng mã chỉ tiêu tương ứng ("2.1"…) / The matching row of indicator codes ("2.1"…)
 * @param {any} group Nhóm xã: 1, 2, 3 hoặc "Nhóm 2" / Commune group: 1, 2, 3 or "Nhóm 2"
 * @param {any[][]} [policy] Bảng chỉ tiêu theo nhóm xã / Indicator policy table
 * @returns {string} Danh sách tiêu chí đạt, như "1,2,3,5" / List of criteria met, such as "1,2,3,5"
 */
export function criteriaList(
  values: any[][],
  codes: any[][],
  group: any,
  policy?: any[][]
): string {
  return guard(() => formatCriteriaList(evaluateRow(values, codes, group, policy).achieved));
}
