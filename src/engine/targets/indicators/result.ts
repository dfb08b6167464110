// Builds the plan a user sees from how many indicators each commune takes of each missing criterion.

import type { TargetMethod } from "../types";
import { PLACES, type PreparedCommune, type PreparedIndicators } from "./prepare";
import type { IndicatorCommunePlan, IndicatorTargetPlan, MissingIndicator } from "./types";

/** take[k][i] = indicators commune k takes of its i-th missing criterion (its cheapest ones). */
export type Takes = number[][];

/** Money to the VND (6 decimals of a million), so sums of decimals do not print as 1816.1699999999998. */
function money(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** The lexicographic value of one commune's choice: completes, criteria, indicators, cost. */
export interface Value {
  completes: number;
  criteria: number;
  indicators: number;
  cost: number;
}

export function communeValue(c: PreparedCommune, take: number[]): Value {
  let criteria = 0;
  let indicators = 0;
  let cost = 0;
  c.criteria.forEach((m, i) => {
    indicators += take[i];
    cost += m.prefix[take[i]];
    if (take[i] === m.indicators.length) criteria++;
  });
  const completes = c.criteria.length > 0 && criteria === c.criteria.length ? 1 : 0;
  return { completes, criteria, indicators, cost };
}

export function planValue(province: PreparedIndicators, takes: Takes): Value {
  const total: Value = { completes: 0, criteria: 0, indicators: 0, cost: 0 };
  province.communes.forEach((c, k) => {
    const v = communeValue(c, takes[k]);
    total.completes += v.completes;
    total.criteria += v.criteria;
    total.indicators += v.indicators;
    total.cost += v.cost;
  });
  return total;
}

/** > 0 when a is better than b for the lexicographic objective (costs within a hair are equal). */
export function compareValues(a: Value, b: Value): number {
  return (
    a.completes - b.completes ||
    a.criteria - b.criteria ||
    a.indicators - b.indicators ||
    (Math.abs(a.cost - b.cost) <= 1e-9 * Math.max(1, Math.abs(a.cost)) ? 0 : b.cost - a.cost)
  );
}

export function assembleIndicatorPlan(
  province: PreparedIndicators,
  takes: Takes,
  method: TargetMethod,
  proof: { optimal: boolean; gap: number | null }
): IndicatorTargetPlan {
  const plans: IndicatorCommunePlan[] = province.communes.map((c, k) => {
    const take = takes[k];
    const v = communeValue(c, take);
    const criteriaBefore = province.criteriaCount - c.criteria.length;
    // The targets are the cheapest take[i] of each criterion: read off the list by code, in its order.
    const targets: MissingIndicator[] = [];
    for (let q = 0; q < c.byCode.length; q++) {
      const at = c.codePlace[q];
      if (at % PLACES < take[Math.floor(at / PLACES)]) targets.push(c.byCode[q]);
    }
    const criteriaCompleted: number[] = [];
    c.criteria.forEach(
      (m, i) => take[i] === m.indicators.length && criteriaCompleted.push(m.criterion)
    );
    return {
      index: c.index,
      name: c.input.name,
      code: c.input.code,
      district: c.input.district,
      group: c.input.group,
      missing: c.byCode,
      targets,
      criteriaBefore,
      criteriaCompleted,
      criteriaAfter: criteriaBefore + v.criteria,
      cost: money(v.cost),
      completes: v.completes === 1,
      registered: c.registered,
      especiallyDifficult: c.especiallyDifficult,
    };
  });
  const cost = money(plans.reduce((s, p) => s + p.cost, 0));
  const criteriaGained = plans.reduce((s, p) => s + p.criteriaCompleted.length, 0);
  const before = plans.reduce((s, p) => s + p.criteriaBefore, 0);
  const n = plans.length;
  const finite = Number.isFinite(province.budget);
  return {
    method,
    optimal: proof.optimal,
    gap: proof.gap,
    communes: plans,
    newlyStandard: plans.filter((p) => p.completes).length,
    criteriaGained,
    indicatorsGained: plans.reduce((s, p) => s + p.targets.length, 0),
    cost,
    budget: finite ? province.budget : null,
    budgetLeft: finite ? money(Math.max(0, province.budget - cost)) : null,
    cap: Number.isFinite(province.cap) ? { max: province.cap, unit: province.capUnit } : null,
    currentAverage: n === 0 ? 0 : before / n,
    projectedAverage: n === 0 ? 0 : (before + criteriaGained) / n,
    warnings: province.warnings,
  };
}
