// Indicators (chỉ tiêu) of an indicator-level criteria set: codes, commune groups and a catalogue with its indicators.

import { InputError } from "../errors";
import { labelKey } from "../text";
import type { Catalogue, CommuneGroup, Indicator, Warning } from "../types";

/** "2.1", "CT 2.1", "Chỉ tiêu 2.1", "2-1", "2,1" → { criterion: 2, index: 1, code: "2.1" }; otherwise null. */
export function parseIndicatorCode(
  text: string
): { criterion: number; index: number; code: string } | null {
  const key = labelKey(String(text)).replace(/^(?:chi tieu|ct|indicator|ind)\s*(?:so\s*)?/, "");
  const m = /^0*(\d{1,2})\s*[.,\-/]\s*0*(\d{1,2})$/.exec(key);
  if (!m) return null;
  const criterion = Number(m[1]);
  const index = Number(m[2]);
  if (criterion < 1 || index < 1) return null;
  return { criterion, index, code: `${criterion}.${index}` };
}

/**
 * The indicator code a cell or header names: the code alone (2.1, "2.1", "CT 2.1", "Chỉ tiêu 2.1") or followed by
 * the indicator's text ("2.1. Tỷ lệ …"); null when it names none.
 */
export function leadingIndicatorCode(value: unknown): string | null {
  if (typeof value === "number") return parseIndicatorCode(String(value))?.code ?? null;
  if (typeof value !== "string") return null;
  const whole = parseIndicatorCode(value);
  if (whole) return whole.code;
  const m = /^((?:chi tieu|ct)?\s*\d{1,2}\s*[.,]\s*\d{1,2})(?:[.:)]?\s+\S|[.:)]$)/.exec(
    labelKey(value)
  );
  return m ? (parseIndicatorCode(m[1])?.code ?? null) : null;
}

/** Nhóm xã from a cell: 1, "2", "Nhóm 3", "nhom 1", "Group 2", "I", "II", "III". */
export function parseCommuneGroup(value: string | number | boolean | null): CommuneGroup | null {
  if (typeof value === "number") return value === 1 || value === 2 || value === 3 ? value : null;
  if (typeof value !== "string") return null;
  const key = labelKey(value).replace(/^(?:nhom xa|nhom|group)\s*/, "");
  const roman: Record<string, CommuneGroup> = { i: 1, ii: 2, iii: 3 };
  if (key in roman) return roman[key];
  return key === "1" || key === "2" || key === "3" ? (Number(key) as CommuneGroup) : null;
}

export const GROUP_EXPECTED = {
  vi: `nhóm xã 1, 2 hoặc 3 (Quyết định 51/2025/QĐ-TTg)`,
  en: `commune group 1, 2 or 3 (Decision 51/2025/QĐ-TTg)`,
};

/** Code order within a catalogue: by criterion, then by number within it (2.2 before 2.10). */
export function compareIndicatorCodes(a: string, b: string): number {
  const pa = parseIndicatorCode(a);
  const pb = parseIndicatorCode(b);
  if (!pa || !pb) return a.localeCompare(b);
  return pa.criterion - pb.criterion || pa.index - pb.index;
}

function indicatorError(indicator: Indicator, expected: { vi: string; en: string }): InputError {
  return new InputError({ found: `${indicator.code} ${indicator.vi}`, expected });
}

/** Checks one indicator against its catalogue: a known criterion, a code within it, requirements of its kind. */
function checkIndicator(catalogue: Catalogue, indicator: Indicator): void {
  if (!catalogue.criteria.some((c) => c.number === indicator.criterion)) {
    throw indicatorError(indicator, {
      vi: `chỉ tiêu của một tiêu chí từ 1 đến ${catalogue.criteria.length} (bộ ${catalogue.id})`,
      en: `an indicator of a criterion from 1 to ${catalogue.criteria.length} (set ${catalogue.id})`,
    });
  }
  const code = parseIndicatorCode(indicator.code);
  if (!code || code.criterion !== indicator.criterion) {
    throw indicatorError(indicator, {
      vi: `mã chỉ tiêu đánh số trong tiêu chí ${indicator.criterion}, như ${indicator.criterion}.1`,
      en: `an indicator code numbered within criterion ${indicator.criterion}, such as ${indicator.criterion}.1`,
    });
  }
  for (const group of [1, 2, 3] as CommuneGroup[]) {
    const r = indicator.requirements[group];
    const ok =
      r === null ||
      (indicator.comparison === "pass" ? r === true : typeof r === "number" && Number.isFinite(r));
    if (!ok) {
      throw indicatorError(indicator, {
        vi:
          indicator.comparison === "pass"
            ? `yêu cầu nhóm ${group}: "đạt" hoặc "không áp dụng"`
            : `yêu cầu nhóm ${group}: một số hoặc "không áp dụng"`,
        en:
          indicator.comparison === "pass"
            ? `the requirement for group ${group}: "đạt" (met) or "không áp dụng" (not applicable)`
            : `the requirement for group ${group}: a number or "không áp dụng" (not applicable)`,
      });
    }
  }
}

/**
 * The catalogue with the user's indicators (from a policy sheet) in code order. Each indicator must belong to a
 * criterion of the catalogue, carry a code numbered within it and one requirement per group; codes are unique.
 * A number of indicators other than the decision's (47 for 2026-2030) is a warning, since provinces issue their
 * own detailed sets; a criterion left without indicators is a warning too (it cannot be met from values).
 */
export function withIndicators(
  catalogue: Catalogue,
  indicators: Indicator[]
): { catalogue: Catalogue; warnings: Warning[] } {
  const seen = new Set<string>();
  for (const indicator of indicators) {
    checkIndicator(catalogue, indicator);
    if (seen.has(indicator.code)) {
      throw indicatorError(indicator, {
        vi: `mỗi mã chỉ tiêu một lần; ${indicator.code} có hai lần`,
        en: `each indicator code once; ${indicator.code} appears twice`,
      });
    }
    seen.add(indicator.code);
  }
  const sorted = [...indicators].sort((a, b) => compareIndicatorCodes(a.code, b.code));
  const warnings: Warning[] = [];
  const total = catalogue.indicatorTotal;
  if (total !== undefined && sorted.length !== total) {
    warnings.push({
      vi: `Bộ ${catalogue.id} có ${total} chỉ tiêu theo quyết định; bảng chỉ tiêu có ${sorted.length}`,
      en: `Set ${catalogue.id} has ${total} indicators by decision; the indicator sheet has ${sorted.length}`,
    });
  }
  const empty = catalogue.criteria.filter((c) => !sorted.some((i) => i.criterion === c.number));
  if (empty.length > 0 && sorted.length > 0) {
    warnings.push({
      vi: `Tiêu chí ${empty.map((c) => c.number).join(", ")} chưa có chỉ tiêu nào trong bảng chỉ tiêu`,
      en: `Criteria ${empty.map((c) => c.number).join(", ")} have no indicator in the indicator sheet`,
    });
  }
  return { catalogue: { ...catalogue, indicators: sorted }, warnings };
}

/** The indicators of one criterion, in code order. */
export function indicatorsOf(catalogue: Catalogue, criterion: number): Indicator[] {
  return (catalogue.indicators ?? []).filter((i) => i.criterion === criterion);
}

/** An indicator by code ("2.1", "CT2.1"), or an InputError listing the catalogue's codes. */
export function findIndicator(catalogue: Catalogue, code: string): Indicator {
  const parsed = parseIndicatorCode(code);
  const found = parsed && catalogue.indicators?.find((i) => i.code === parsed.code);
  if (found) return found;
  const codes = (catalogue.indicators ?? []).map((i) => i.code);
  throw new InputError({
    found: code,
    expected:
      codes.length === 0
        ? {
            vi: `một chỉ tiêu; bộ ${catalogue.id} chưa có chỉ tiêu nào: thêm bảng chỉ tiêu (mã, tiêu chí, yêu cầu theo nhóm xã)`,
            en: `an indicator; set ${catalogue.id} has none yet: add an indicator policy sheet (code, criterion, requirement per group)`,
          }
        : {
            vi: `một mã chỉ tiêu của bộ ${catalogue.id}: ${codes.slice(0, 12).join(", ")}${codes.length > 12 ? ", …" : ""}`,
            en: `an indicator code of set ${catalogue.id}: ${codes.slice(0, 12).join(", ")}${codes.length > 12 ? ", …" : ""}`,
          },
  });
}
