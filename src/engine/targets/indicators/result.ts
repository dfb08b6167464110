// Builds the plan a user sees from how many indicators each commune takes of each missing criterion.

import type { TargetMethod } from "../types";
import type { PreparedCommune, PreparedIndicators } from "./prepare";
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

/** Takes per commune from takes per slot (the flat numbering of prepare.ts). */
export function takesByCommune(province: PreparedIndicators, slotTakes: Int32Array): Takes {
  const { communeSlot } = province;
  return province.inputs.map((_, k) =>
    Array.from(slotTakes.subarray(communeSlot[k], communeSlot[k + 1]))
  );
}

export function assembleIndicatorPlan(
  province: PreparedIndicators,
  takes: Takes,
  method: TargetMethod,
  proof: { optimal: boolean; gap: number | null }
): IndicatorTargetPlan {
  const slotTakes = new Int32Array(province.slotSize.length);
  takes.forEach((take, k) => slotTakes.set(take, province.communeSlot[k]));
  return assembleSlotPlan(province, slotTakes, method, proof);
}

/** The plan from the indicators each commune takes of each missing criterion, its cheapest ones (per slot). */
export function assembleSlotPlan(
  province: PreparedIndicators,
  take: Int32Array,
  method: TargetMethod,
  proof: { optimal: boolean; gap: number | null }
): IndicatorTargetPlan {
  const { communeSlot, communeFirst, slotFirst, slotSize, slotCriterion, slotOf, position } =
    province;
  const plans: IndicatorCommunePlan[] = province.inputs.map((input, k) => {
    const list = input.missing;
    // As communeValue: each criterion's cost summed cheapest first from 0, then added to the commune's.
    let criteria = 0;
    let total = 0;
    const criteriaCompleted: number[] = [];
    for (let s = communeSlot[k]; s < communeSlot[k + 1]; s++) {
      let part = 0;
      for (let g = slotFirst[s]; g < slotFirst[s] + take[s]; g++) part += province.cost[g];
      total += part;
      if (take[s] === slotSize[s]) {
        criteria++;
        criteriaCompleted.push(slotCriterion[s]);
      }
    }
    const slots = communeSlot[k + 1] - communeSlot[k];
    const criteriaBefore = province.criteriaCount - slots;
    // The list by code, and the targets (the cheapest take[s] of each criterion) read off it in its order.
    const base = communeFirst[k];
    const m = communeFirst[k + 1] - base;
    const missing = new Array<MissingIndicator>(m);
    const targets: MissingIndicator[] = [];
    for (let q = 0; q < m; q++) {
      const g = province.codeOrder[base + q];
      missing[q] = list[position[g]];
      if (g - slotFirst[slotOf[g]] < take[slotOf[g]]) targets.push(missing[q]);
    }
    return {
      index: k,
      name: input.name,
      code: input.code,
      district: input.district,
      group: input.group,
      missing,
      targets,
      criteriaBefore,
      criteriaCompleted,
      criteriaAfter: criteriaBefore + criteria,
      cost: money(total),
      completes: slots > 0 && criteria === slots,
      registered: input.registered === true,
      especiallyDifficult: input.especiallyDifficult === true,
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
