// Evaluating a commune's indicators against the requirements for its group, and its criteria from them.

import { InputError } from "../errors";
import { formatVi } from "../numbers";
import type {
  Catalogue,
  CommuneGroup,
  Comparison,
  Indicator,
  IndicatorValue,
  IndicatorVerdict,
  Requirement,
} from "../types";
import { indicatorsOf } from "./catalogue";

/** One criterion of one commune: met exactly when all its indicators are met; the codes that are not. */
export interface CriterionVerdict {
  criterion: number;
  met: boolean;
  missing: string[];
}

export interface CommuneEvaluation {
  indicators: IndicatorVerdict[];
  criteria: CriterionVerdict[];
  /** Criteria met, ascending. */
  achieved: number[];
  /** Indicator codes met, in catalogue order. */
  indicatorsMet: string[];
}

const SYMBOL: Record<Exclude<Comparison, "pass">, string> = { ">=": "≥", "<=": "≤", "=": "=" };

/** Values computed by formulas drift in the last digits (79,99999999 for 80): compare within 1e-9 relative. */
function compare(value: number, comparison: Exclude<Comparison, "pass">, req: number): boolean {
  const tolerance = 1e-9 * Math.max(1, Math.abs(req));
  if (comparison === ">=") return value >= req - tolerance;
  if (comparison === "<=") return value <= req + tolerance;
  return Math.abs(value - req) <= tolerance;
}

/** Up to 4 decimals, the Vietnamese way, without trailing zeros: 0.5 → "0,5", 1234 → "1.234". */
function formatShown(value: number): string {
  const digits = Number.isInteger(value)
    ? 0
    : Math.min(4, String(value).split(".")[1]?.length ?? 0);
  return formatVi(value, digits);
}

/**
 * Values already shown, so that a sheet's many repeated values are formatted once (Intl's format was a quarter of a
 * 40,000-commune summary). Bounded: cleared when full. Zero is never kept: the map does not tell 0 from -0.
 */
const SHOWN = new Map<number, string>();
const SHOWN_MAX = 4096;

function show(value: number): string {
  let text = SHOWN.get(value);
  if (text === undefined) {
    text = formatShown(value);
    if (value !== 0) {
      if (SHOWN.size >= SHOWN_MAX) SHOWN.clear();
      SHOWN.set(value, text);
    }
  }
  return text;
}

function withUnit(text: string, unit: string | undefined): string {
  return unit ? `${text} ${unit}` : text;
}

/**
 * The words of one indicator's reasons for one group, which do not depend on the commune's value: made once per
 * indicator and group instead of once per commune (with the requirement formatted twice each time). Kept with what
 * they were made from, so an indicator changed afterwards gets its words made again.
 */
interface GroupWords {
  requirement: Requirement;
  comparison: Comparison;
  unit: string | undefined;
  /** Not applicable to the group; the other fields are then unused. */
  notApplicable?: { vi: string; en: string };
  noValue: { vi: string; en: string };
  markedNotMet: { vi: string; en: string };
  /** What follows the value's number in a reason: its unit, then the need (and the group when not met). */
  metVi: string;
  metEn: string;
  notMetVi: string;
  notMetEn: string;
}

const WORDS = new WeakMap<Indicator, (GroupWords | undefined)[]>();

function groupWords(indicator: Indicator, group: CommuneGroup): GroupWords {
  let byGroup = WORDS.get(indicator);
  const requirement = indicator.requirements[group];
  const known = byGroup?.[group];
  if (
    known &&
    known.requirement === requirement &&
    known.comparison === indicator.comparison &&
    known.unit === indicator.unit
  ) {
    return known;
  }
  const words = makeGroupWords(indicator, group, requirement);
  if (!byGroup) WORDS.set(indicator, (byGroup = []));
  byGroup[group] = words;
  return words;
}

function makeGroupWords(
  indicator: Indicator,
  group: CommuneGroup,
  requirement: Requirement
): GroupWords {
  const { comparison, unit } = indicator;
  if (requirement === null) {
    const none = { vi: "", en: "" };
    return {
      requirement,
      comparison,
      unit,
      notApplicable: {
        vi: `không áp dụng cho nhóm ${group}`,
        en: `not applicable to group ${group}`,
      },
      noValue: none,
      markedNotMet: none,
      metVi: "",
      metEn: "",
      notMetVi: "",
      notMetEn: "",
    };
  }
  const need =
    comparison === "pass" || requirement === true
      ? { vi: "cần đạt", en: "must be met" }
      : {
          vi: `cần ${SYMBOL[comparison]} ${withUnit(show(requirement), unit)}`,
          en: `needs ${SYMBOL[comparison]} ${withUnit(show(requirement), unit)}`,
        };
  const unitText = unit ? ` ${unit}` : "";
  return {
    requirement,
    comparison,
    unit,
    noValue: {
      vi: `chưa có số liệu; ${need.vi} (nhóm ${group})`,
      en: `no value; ${need.en} (group ${group})`,
    },
    markedNotMet: { vi: `ghi chưa đạt; ${need.vi}`, en: `marked not met; ${need.en}` },
    metVi: `${unitText}, ${need.vi}`,
    metEn: `${unitText}, ${need.en}`,
    notMetVi: `${unitText}, ${need.vi} (nhóm ${group})`,
    notMetEn: `${unitText}, ${need.en} (group ${group})`,
  };
}

/** A verdict, always built with its fields in this order (one object shape; the JSON lists them so). */
function verdict(
  indicator: Indicator,
  value: IndicatorValue,
  requirement: Requirement,
  met: boolean,
  vi: string,
  en: string
): IndicatorVerdict {
  return {
    code: indicator.code,
    criterion: indicator.criterion,
    value,
    requirement,
    met,
    reason: { vi, en },
  };
}

/**
 * One indicator for a commune of `group`. A mark (true/false) decides on its own, whatever the comparison (a
 * status sheet may give marks per indicator); a number is compared with the group's threshold; a blank value
 * is not met. An indicator that does not apply to the group is met.
 */
export function evaluateIndicator(
  indicator: Indicator,
  group: CommuneGroup,
  value: IndicatorValue
): IndicatorVerdict {
  const words = groupWords(indicator, group);
  const requirement = words.requirement;
  if (words.notApplicable) {
    const { vi, en } = words.notApplicable;
    return verdict(indicator, value, requirement, true, vi, en);
  }
  if (value === null) {
    return verdict(indicator, value, requirement, false, words.noValue.vi, words.noValue.en);
  }
  if (typeof value === "boolean") {
    if (value) {
      // A plain mark saying met has no reason.
      return {
        code: indicator.code,
        criterion: indicator.criterion,
        value,
        requirement,
        met: true,
      };
    }
    const { vi, en } = words.markedNotMet;
    return verdict(indicator, value, requirement, false, vi, en);
  }
  if (indicator.comparison === "pass" || requirement === true) {
    throw new InputError({
      found: show(value),
      expected: {
        vi: `chỉ tiêu ${indicator.code} ghi đạt hoặc chưa đạt, không phải một số`,
        en: `indicator ${indicator.code} as met or not met, not a number`,
      },
    });
  }
  if (!Number.isFinite(value)) {
    throw new InputError({
      found: String(value),
      expected: { vi: `giá trị chỉ tiêu ${indicator.code}`, en: `a value for ${indicator.code}` },
    });
  }
  const met = compare(value, indicator.comparison, requirement as number);
  const shown = show(value);
  return met
    ? verdict(indicator, value, requirement, true, shown + words.metVi, shown + words.metEn)
    : verdict(indicator, value, requirement, false, shown + words.notMetVi, shown + words.notMetEn);
}

/**
 * Every indicator of the catalogue for one commune, then its criteria: a criterion is met exactly when all its
 * indicators are met for the commune's group. `values` is keyed by indicator code; a code missing from it is a
 * blank value (not met). Every criterion needs at least one indicator, else the catalogue cannot decide it.
 */
export function evaluateCommune(
  catalogue: Catalogue,
  group: CommuneGroup,
  values: Readonly<Record<string, IndicatorValue>>
): CommuneEvaluation {
  const indicators: IndicatorVerdict[] = [];
  const criteria: CriterionVerdict[] = [];
  const achieved: number[] = [];
  const indicatorsMet: string[] = [];
  for (const criterion of catalogue.criteria) {
    const own = indicatorsOf(catalogue, criterion.number);
    if (own.length === 0) {
      throw new InputError({
        found: `${criterion.number}. ${criterion.vi}`,
        expected: {
          vi: `ít nhất một chỉ tiêu cho tiêu chí ${criterion.number} trong bảng chỉ tiêu (bộ ${catalogue.id})`,
          en: `at least one indicator for criterion ${criterion.number} in the indicator sheet (set ${catalogue.id})`,
        },
      });
    }
    const missing: string[] = [];
    for (const i of own) {
      const v = evaluateIndicator(i, group, values[i.code] ?? null);
      indicators.push(v);
      if (!v.met) missing.push(v.code);
    }
    criteria.push({ criterion: criterion.number, met: missing.length === 0, missing });
    if (missing.length === 0) achieved.push(criterion.number);
  }
  // In catalogue order, as the verdicts are.
  for (const v of indicators) if (v.met) indicatorsMet.push(v.code);
  return { indicators, criteria, achieved, indicatorsMet };
}
