// Builds the plan a user sees from how many criteria each commune takes on (its cheapest missing ones).

import type { CommuneStatus } from "../types";
import { COST_EPSILON, type PreparedProvince } from "./prepare";
import type { CommunePlan, TargetMethod, TargetPlan } from "./types";

/** Money to the VND (6 decimals of a million), so sums of decimals do not print as 1816.1699999999998. */
function money(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** chosen[k] = number of criteria taken by province.communes[k]. */
export function assemblePlan(
  communes: CommuneStatus[],
  province: PreparedProvince,
  chosen: number[],
  method: TargetMethod,
  proof: { optimal: boolean; gap: number | null }
): TargetPlan {
  const plans: CommunePlan[] = province.communes.map((c, k) => {
    const g = chosen[k];
    const targets = c.missing.slice(0, g).sort((a, b) => a - b);
    return {
      index: c.index,
      name: c.status.name,
      district: c.status.district,
      achieved: c.achieved,
      missing: [...c.missing].sort((a, b) => a - b),
      targets,
      cumulative: c.achieved.length + g,
      cost: money(c.prefix[g]),
      completes: c.missing.length > 0 && g === c.missing.length,
      registered: c.registered,
      especiallyDifficult: c.especiallyDifficult,
    };
  });
  const cost = money(plans.reduce((s, p) => s + p.cost, 0));
  const gained = plans.reduce((s, p) => s + p.targets.length, 0);
  const before = communes.reduce(
    (s, c) => s + (c.achieved ? new Set(c.achieved).size : c.count),
    0
  );
  const n = communes.length;
  const finite = Number.isFinite(province.budget);
  return {
    method,
    optimal: proof.optimal,
    gap: proof.gap,
    communes: plans,
    skipped: province.skipped,
    newlyStandard: plans.filter((p) => p.completes).length,
    criteriaGained: gained,
    cost,
    budget: finite ? province.budget : null,
    budgetLeft: finite ? money(Math.max(0, province.budget - cost)) : null,
    currentAverage: n === 0 ? 0 : before / n,
    projectedAverage: n === 0 ? 0 : (before + gained) / n,
    warnings: province.warnings,
  };
}

/** True when spending `cost` more keeps `spent` within the budget. */
export function fits(spent: number, cost: number, budget: number): boolean {
  return spent + cost <= budget + COST_EPSILON * Math.max(1, Math.abs(budget));
}
