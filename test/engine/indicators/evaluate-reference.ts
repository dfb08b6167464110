// The indicator evaluation as written before it was made cheap at 40,000 communes (commit 6c8b6b3 of
// src/engine/indicators/evaluate.ts), kept verbatim as the reference the property test compares the product with.

import { pushAll } from "../../../src/engine/arrays";
import { InputError } from "../../../src/engine/errors";
import { formatVi } from "../../../src/engine/numbers";
import type {
  Catalogue,
  CommuneGroup,
  Comparison,
  Indicator,
  IndicatorValue,
  IndicatorVerdict,
} from "../../../src/engine/types";
import { indicatorsOf } from "../../../src/engine/indicators/catalogue";

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
function show(value: number): string {
  const digits = Number.isInteger(value)
    ? 0
    : Math.min(4, String(value).split(".")[1]?.length ?? 0);
  return formatVi(value, digits);
}

function withUnit(text: string, unit: string | undefined): string {
  return unit ? `${text} ${unit}` : text;
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
  const requirement = indicator.requirements[group];
  const base = { code: indicator.code, criterion: indicator.criterion, value, requirement };
  if (requirement === null) {
    return {
      ...base,
      met: true,
      reason: { vi: `không áp dụng cho nhóm ${group}`, en: `not applicable to group ${group}` },
    };
  }
  const need =
    indicator.comparison === "pass" || requirement === true
      ? { vi: "cần đạt", en: "must be met" }
      : {
          vi: `cần ${SYMBOL[indicator.comparison]} ${withUnit(show(requirement), indicator.unit)}`,
          en: `needs ${SYMBOL[indicator.comparison]} ${withUnit(show(requirement), indicator.unit)}`,
        };
  if (value === null) {
    return {
      ...base,
      met: false,
      reason: {
        vi: `chưa có số liệu; ${need.vi} (nhóm ${group})`,
        en: `no value; ${need.en} (group ${group})`,
      },
    };
  }
  if (typeof value === "boolean") {
    return value
      ? { ...base, met: true }
      : {
          ...base,
          met: false,
          reason: { vi: `ghi chưa đạt; ${need.vi}`, en: `marked not met; ${need.en}` },
        };
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
  const met = compare(value, indicator.comparison, requirement);
  const shown = withUnit(show(value), indicator.unit);
  return {
    ...base,
    met,
    reason: met
      ? { vi: `${shown}, ${need.vi}`, en: `${shown}, ${need.en}` }
      : {
          vi: `${shown}, ${need.vi} (nhóm ${group})`,
          en: `${shown}, ${need.en} (group ${group})`,
        },
  };
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
    const verdicts = own.map((i) => evaluateIndicator(i, group, values[i.code] ?? null));
    pushAll(indicators, verdicts);
    const missing = verdicts.filter((v) => !v.met).map((v) => v.code);
    criteria.push({ criterion: criterion.number, met: missing.length === 0, missing });
  }
  return {
    indicators,
    criteria,
    achieved: criteria.filter((c) => c.met).map((c) => c.criterion),
    indicatorsMet: indicators.filter((v) => v.met).map((v) => v.code),
  };
}
