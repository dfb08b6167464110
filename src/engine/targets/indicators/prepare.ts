// Turns communes into what both indicator methods plan with: missing indicators by criterion, cheapest first.

import { InputError } from "../../errors";
import type { Warning } from "../../types";
import type { CapUnit, IndicatorCommune, IndicatorTargetOptions, MissingIndicator } from "./types";

/** One criterion a commune has not met: its missing indicators, cheapest first (ties: by code). */
export interface MissingCriterion {
  criterion: number;
  indicators: MissingIndicator[];
  /** prefix[s] = cost of the s cheapest missing indicators. */
  prefix: number[];
}

export interface PreparedCommune {
  index: number;
  input: IndicatorCommune;
  /** Missing criteria, ascending by number. */
  criteria: MissingCriterion[];
  /** Missing indicators in all. */
  missingCount: number;
  /** Cost of meeting everything. */
  fullCost: number;
  /** Can meet every criterion this year within the cap (having missed some). */
  completable: boolean;
  registered: boolean;
  especiallyDifficult: boolean;
  /** Higher first among equals: registered 2, especially difficult 1, both 3. */
  rank: number;
}

export interface PreparedIndicators {
  communes: PreparedCommune[];
  criteriaCount: number;
  budget: number;
  /** Infinity when there is no cap. */
  cap: number;
  capUnit: CapUnit;
  warnings: Warning[];
}

/** How much of the cap a commune uses taking `take[i]` indicators of its i-th missing criterion. */
export function capUsed(take: ArrayLike<number>, unit: CapUnit): number {
  let used = 0;
  for (let i = 0; i < take.length; i++)
    used += unit === "indicators" ? take[i] : take[i] > 0 ? 1 : 0;
  return used;
}

function checkOptions(options: IndicatorTargetOptions): void {
  if (!(Number.isInteger(options.criteriaCount) && options.criteriaCount > 0)) {
    throw new InputError({
      found: String(options.criteriaCount),
      expected: {
        vi: "số tiêu chí của bộ tiêu chí: số nguyên > 0",
        en: "the number of criteria in the set: a whole number > 0",
      },
    });
  }
  if (options.budget !== undefined && !(options.budget >= 0)) {
    throw new InputError({
      found: String(options.budget),
      expected: { vi: "ngân sách ≥ 0 (triệu đồng)", en: "a budget ≥ 0 (million VND)" },
    });
  }
  const cap = options.maxPerCommune;
  if (cap !== undefined && !(Number.isInteger(cap) && cap >= 0)) {
    const unit =
      options.capUnit === "criteria"
        ? { vi: "tiêu chí", en: "criteria" }
        : { vi: "chỉ tiêu", en: "indicators" };
    throw new InputError({
      found: String(cap),
      expected: {
        vi: `số ${unit.vi} tối đa mỗi xã mỗi năm: số nguyên ≥ 0`,
        en: `the most ${unit.en} per commune per year: a whole number ≥ 0`,
      },
    });
  }
}

function prepareCommune(
  input: IndicatorCommune,
  index: number,
  options: IndicatorTargetOptions,
  cap: number,
  unit: CapUnit
): PreparedCommune {
  const byCriterion = new Map<number, MissingIndicator[]>();
  const seen = new Set<string>();
  for (const indicator of input.missing) {
    const where = { sheet: input.source?.sheet, cell: input.source?.cell };
    if (!(
      Number.isInteger(indicator.criterion) &&
      indicator.criterion >= 1 &&
      indicator.criterion <= options.criteriaCount
    )) {
      throw new InputError({
        ...where,
        found: `${input.name}: ${indicator.code}: TC ${indicator.criterion}`,
        expected: {
          vi: `tiêu chí của chỉ tiêu ${indicator.code}: từ 1 đến ${options.criteriaCount}`,
          en: `the criterion of indicator ${indicator.code}: 1 to ${options.criteriaCount}`,
        },
      });
    }
    if (!(Number.isFinite(indicator.cost) && indicator.cost >= 0)) {
      throw new InputError({
        ...where,
        found: `${input.name}: ${indicator.code}: ${indicator.cost}`,
        expected: {
          vi: `chi phí của chỉ tiêu ${indicator.code} của xã ${input.name}: số ≥ 0 (triệu đồng)`,
          en: `the cost of indicator ${indicator.code} of ${input.name}: a number ≥ 0 (million VND)`,
        },
      });
    }
    if (seen.has(indicator.code)) {
      throw new InputError({
        ...where,
        found: `${input.name}: ${indicator.code}`,
        expected: {
          vi: `mỗi chỉ tiêu một lần cho xã ${input.name}; chỉ tiêu ${indicator.code} có hai lần`,
          en: `each indicator once for ${input.name}; ${indicator.code} appears twice`,
        },
      });
    }
    seen.add(indicator.code);
    const list = byCriterion.get(indicator.criterion) ?? [];
    list.push(indicator);
    byCriterion.set(indicator.criterion, list);
  }
  const criteria: MissingCriterion[] = [...byCriterion.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([criterion, list]) => {
      const indicators = [...list].sort((a, b) => a.cost - b.cost || compareCodes(a.code, b.code));
      const prefix = [0];
      for (const i of indicators) prefix.push(prefix[prefix.length - 1] + i.cost);
      return { criterion, indicators, prefix };
    });
  const missingCount = input.missing.length;
  const fullCost = criteria.reduce((s, c) => s + c.prefix[c.indicators.length], 0);
  const needed = unit === "indicators" ? missingCount : criteria.length;
  const registered = input.registered === true;
  const especiallyDifficult = input.especiallyDifficult === true;
  return {
    index,
    input,
    criteria,
    missingCount,
    fullCost,
    completable: missingCount > 0 && needed <= cap,
    registered,
    especiallyDifficult,
    rank: (registered ? 2 : 0) + (especiallyDifficult ? 1 : 0),
  };
}

/** "2.10" after "2.9": indicator codes compare number by number. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (Number.isNaN(x) || Number.isNaN(y)) return a < b ? -1 : a > b ? 1 : 0;
    if (x !== y) return x - y;
  }
  return 0;
}

export function prepareIndicators(
  communes: IndicatorCommune[],
  options: IndicatorTargetOptions
): PreparedIndicators {
  checkOptions(options);
  const cap = options.maxPerCommune ?? Number.POSITIVE_INFINITY;
  const capUnit = options.capUnit ?? "indicators";
  return {
    communes: communes.map((c, i) => prepareCommune(c, i, options, cap, capUnit)),
    criteriaCount: options.criteriaCount,
    budget: options.budget ?? Number.POSITIVE_INFINITY,
    cap,
    capUnit,
    warnings: [],
  };
}
