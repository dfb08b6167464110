// Turns communes and costs into what both methods plan with: each commune's missing criteria, cheapest first.

import { communeKey } from "../commune-identity";
import { InputError } from "../errors";
import type { CommuneStatus, Warning } from "../types";
import type { CostTable, TargetOptions } from "./types";

/**
 * Criteria that need no capital by default: 16 culture, 18 political system and access to law, 19 defence and
 * security. They are met by organisation and people's contribution. 17 (environment and food safety) is left out
 * on purpose: it usually needs water supply and waste works. Users can change the list.
 */
export const DEFAULT_FREE_CRITERIA: readonly number[] = [16, 18, 19];

/** Costs within this of each other, or of the budget, count as equal (sums of million VND with decimals). */
export const COST_EPSILON = 1e-9;

/** A commune as the planners see it. */
export interface PlanningCommune {
  index: number;
  status: CommuneStatus;
  achieved: number[];
  /** Missing criteria, cheapest first (ties: lower criterion number first). */
  missing: number[];
  /** Cost of each entry of `missing`. */
  costs: number[];
  /** prefix[g] = cost of the g cheapest missing criteria. */
  prefix: number[];
  /** Most criteria it can take on this year: min(cap, missing). */
  limit: number;
  /** Can meet all criteria this year (some missing, not more than the cap). */
  completable: boolean;
  registered: boolean;
  especiallyDifficult: boolean;
  /** Higher first among equals: registered 2, especially difficult 1, both 3. */
  rank: number;
}

export interface PreparedProvince {
  communes: PlanningCommune[];
  skipped: number[];
  warnings: Warning[];
  budget: number;
  cap: number;
}

/** The cost of one missing criterion of a commune: its own row, else the criterion's default, else 0/1. */
export function criterionCost(
  commune: CommuneStatus,
  criterion: number,
  costs: CostTable | undefined,
  free: readonly number[],
  ownCosts: Map<number, number> | undefined = costs?.perCommune.get(communeKey(commune))
): number {
  const given = ownCosts?.get(criterion) ?? costs?.perCriterion.get(criterion);
  if (given !== undefined) {
    if (Number.isFinite(given) && given >= 0) return given;
    throw new InputError({
      sheet: commune.source?.sheet,
      cell: commune.source?.cell,
      found: `${commune.name}: TC ${criterion}: ${given}`,
      expected: { vi: "chi phí ≥ 0 (triệu đồng)", en: "a cost ≥ 0 (million VND)" },
    });
  }
  if (free.includes(criterion)) return 0;
  if (!costs) return 1;
  throw new InputError({
    sheet: commune.source?.sheet,
    cell: commune.source?.cell,
    found: `${commune.name}: TC ${criterion}`,
    expected: {
      vi: `chi phí cho tiêu chí ${criterion} của xã ${commune.name}: thêm một dòng vào bảng chi phí, hoặc một dòng có "Tên xã" để trống làm chi phí mặc định của tiêu chí`,
      en: `a cost for criterion ${criterion} of ${commune.name}: add a row to the costs table, or a row with an empty commune name as the criterion's default cost`,
    },
  });
}

/**
 * The limits both planners (by criterion and by indicator) take: a budget ≥ 0 and a whole number ≥ 0 of criteria or
 * indicators per commune per year.
 */
export function checkLimits(
  budget: number | undefined,
  cap: number | undefined,
  capUnit: "criteria" | "indicators" = "criteria"
): void {
  if (budget !== undefined && !(budget >= 0)) {
    throw new InputError({
      found: String(budget),
      expected: { vi: "ngân sách ≥ 0 (triệu đồng)", en: "a budget ≥ 0 (million VND)" },
    });
  }
  if (cap !== undefined && !(Number.isInteger(cap) && cap >= 0)) {
    const unit =
      capUnit === "criteria"
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

function sortedUnique(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}

export function prepareProvince(
  communes: CommuneStatus[],
  options: TargetOptions
): PreparedProvince {
  checkLimits(options.budget, options.maxPerCommune);
  const free = options.freeCriteria ?? DEFAULT_FREE_CRITERIA;
  const cap = options.maxPerCommune ?? Number.POSITIVE_INFINITY;
  const numbers = options.catalogue.criteria.map((c) => c.number).sort((a, b) => a - b);
  const prepared: PlanningCommune[] = [];
  const skipped: number[] = [];
  const warnings: Warning[] = [];
  communes.forEach((status, index) => {
    if (status.achieved === null) {
      skipped.push(index);
      warnings.push({
        vi: `Xã ${status.name} chỉ có số tiêu chí đạt (${status.count}), không có danh sách tiêu chí: không lập chỉ tiêu cho xã này`,
        en: `${status.name} has only a count of criteria met (${status.count}), no list: no targets planned for it`,
        sheet: status.source?.sheet,
        cell: status.source?.cell,
      });
      return;
    }
    const achieved =
      status.achieved.length < 2 ? [...status.achieved] : sortedUnique(status.achieved);
    const unmet = numbers.filter((n) => !achieved.includes(n));
    const own = options.costs?.perCommune.get(communeKey(status));
    const byNumber = unmet.map((n) => criterionCost(status, n, options.costs, free, own));
    const order = unmet
      .map((_, i) => i)
      .sort((a, b) => byNumber[a] - byNumber[b] || unmet[a] - unmet[b]);
    const missing = order.map((i) => unmet[i]);
    const costs = order.map((i) => byNumber[i]);
    const prefix = [0];
    for (const c of costs) prefix.push(prefix[prefix.length - 1] + c);
    const registered = options.year !== undefined && status.registeredYear === options.year;
    const especiallyDifficult = status.especiallyDifficult === true;
    prepared.push({
      index,
      status,
      achieved,
      missing,
      costs,
      prefix,
      limit: Math.min(cap, missing.length),
      completable: missing.length > 0 && missing.length <= cap,
      registered,
      especiallyDifficult,
      rank: (registered ? 2 : 0) + (especiallyDifficult ? 1 : 0),
    });
  });
  return {
    communes: prepared,
    skipped,
    warnings,
    budget: options.budget ?? Number.POSITIVE_INFINITY,
    cap,
  };
}
