// Year-by-year projection at indicator level (2026-2030): each year the indicator planner chooses, within the
// yearly budget, which missing indicators the communes meet; the plan is applied to the status and the next year
// starts from there.
//
// The rule, one year at a time (deterministic):
// 1. The year's communes and costs are made exactly as the targets job makes them (indicatorCommunes with the
//    year as plan year, so communes registered for that year come first), and planned with the same planner
//    (greedy by default, exact when asked). The first projected year is therefore the targets job's plan.
// 2. The indicators planned are met at the end of the year; a criterion is met when all its indicators are.
//    Costs do not change from year to year; unspent money is not carried over (an annual budget is annual).
// 3. A commune is at the standard when it meets every criterion for its group (the summary's count).
// 4. The modern tier (NTM hiện đại) is projected only from its own requirements (the policy sheet's "NTM hiện đại"
//    column). With them, a commune is modern at the end of a year when it is recognised modern (the status column), or
//    is at the standard and its values meet every modern requirement. The planner plans the standard only: an
//    indicator planned to the group's requirement has no new value, so it meets a modern requirement only where it
//    had already; no money is planned for the modern tier. Without requirements the modern tier is not projected,
//    and its current number is counted from the status column, never guessed.
// After the end year the projection goes on (at most LOOK_AHEAD years, stopping when a year gains nothing) only
// to say when a missed target would be met at this pace.

import { pushAll } from "../arrays";
import { InputError, type Bilingual } from "../errors";
import {
  indicatorCommunes,
  planIndicatorTargets,
  type CapUnit,
  type ExactOptions,
  type IndicatorCommune,
  type IndicatorCostTable,
  type MixedSolver,
  type TargetMethod,
} from "../targets";
import { evaluateIndicator } from "../indicators";
import type { CommuneStatus, Indicator, Warning } from "../types";
import {
  notProjected,
  targetMet,
  targetShortfall,
  type RoadmapYear,
  type TargetCheck,
} from "./project";

export interface IndicatorRoadmapTargets {
  /** Communes at the standard by the end year. */
  standard?: number;
  /** Modern NTM communes (nông thôn mới hiện đại) by the end year. */
  modern?: number;
  averageCriteria?: number;
  /** At most this many communes under `below` criteria. */
  maxBelow?: number;
}

export interface IndicatorRoadmapRequest {
  /** Communes with their status per indicator (communes without one are kept as they are, with a warning). */
  communes: CommuneStatus[];
  /** Criteria in the set (10 for 2026-2030). */
  criteriaCount: number;
  fromYear: number;
  toYear: number;
  /** Money per year, million VND. */
  budget: number;
  costs?: IndicatorCostTable;
  defaultCost?: number;
  maxPerCommune?: number;
  capUnit?: CapUnit;
  method?: TargetMethod;
  solver?: MixedSolver;
  /** Threshold N of "communes under N criteria". */
  below?: number;
  targets?: IndicatorRoadmapTargets;
  /** The indicators with a modern-tier requirement (Indicator.modern): given, the modern tier is projected. */
  modernRequirements?: Indicator[];
}

export interface IndicatorRoadmapYear extends Omit<RoadmapYear, "advanced" | "model"> {
  /** Modern NTM communes: counted from the status at the start; null when not projected. */
  modern: number | null;
  /** Indicators met this year. */
  indicatorsGained: number;
  /** Indicators still missing at the end of the year, all communes together. */
  indicatorsMissing: number;
  /** The plan of the year: proven optimal, and its gap (null for greedy). */
  optimal: boolean;
  gap: number | null;
}

export type IndicatorTargetName = "standard" | "modern" | "averageCriteria" | "maxBelow";

export interface IndicatorTargetCheck extends Omit<TargetCheck, "name"> {
  name: IndicatorTargetName;
  /** Why the target is not projected, when it is not. */
  note?: Bilingual;
}

export interface IndicatorRoadmap {
  level: "indicators";
  communes: number;
  criteriaCount: number;
  below: number;
  budget: number;
  method: TargetMethod;
  cap: { max: number; unit: CapUnit } | null;
  start: IndicatorRoadmapYear;
  years: IndicatorRoadmapYear[];
  targets: IndicatorTargetCheck[];
  /** Why the modern tier is not projected. */
  modernNote: Bilingual;
  warnings: Warning[];
}

const LOOK_AHEAD = 20;

export const MODERN_NOT_PROJECTED: Bilingual = {
  vi: "chưa dự kiến: chưa có yêu cầu của mức xã NTM hiện đại",
  en: "not projected: no requirements given",
};

export const MODERN_PROJECTED: Bilingual = {
  vi: "dự kiến theo yêu cầu mức NTM hiện đại của bảng chỉ tiêu (xã đạt chuẩn và đạt mọi yêu cầu hiện đại theo số liệu; chỉ tiêu dự kiến đạt theo yêu cầu của nhóm chưa tính đạt yêu cầu hiện đại; không lập kinh phí riêng cho mức hiện đại)",
  en: "projected from the policy sheet's modern-tier requirements (communes at the standard meeting every modern requirement by their values; an indicator planned to its group's requirement does not count as meeting a higher modern one; no money planned for the modern tier)",
};

/** Whether a commune meets every modern requirement by its values (see rule 4). */
function meetsModern(status: CommuneStatus, requirements: Indicator[]): boolean {
  const values = new Map((status.indicators ?? []).map((v) => [v.code, v]));
  const group = status.group ?? 2;
  return requirements.every((indicator) => {
    const m = indicator.modern;
    if (m === undefined || m === null) return true;
    const verdict = values.get(indicator.code);
    if (!verdict) return false;
    const modern: Indicator = { ...indicator, requirements: { 1: m, 2: m, 3: m } };
    return evaluateIndicator(modern, group, verdict.value).met;
  });
}

/** Modern communes: recognised (status column) or at the standard and meeting every modern requirement. */
function modernCount(statuses: CommuneStatus[], n: number, requirements: Indicator[]): number {
  return statuses.filter(
    (s) => s.tier === "modern" || (s.count >= n && meetsModern(s, requirements))
  ).length;
}

const LABELS: Record<IndicatorTargetName, Bilingual> = {
  standard: { vi: "Số xã đạt chuẩn nông thôn mới", en: "Communes at the NTM standard" },
  modern: { vi: "Số xã đạt chuẩn nông thôn mới hiện đại", en: "Modern NTM communes" },
  averageCriteria: { vi: "Số tiêu chí bình quân/xã", en: "Average criteria per commune" },
  maxBelow: { vi: "Số xã dưới N tiêu chí (tối đa)", en: "Communes under N criteria (at most)" },
};

function validate(r: IndicatorRoadmapRequest): void {
  const whole = Number.isInteger;
  if (
    !whole(r.fromYear) ||
    !whole(r.toYear) ||
    r.toYear < r.fromYear ||
    r.toYear - r.fromYear > 100
  ) {
    throw new InputError({
      found: `${r.fromYear}–${r.toYear}`,
      expected: {
        vi: "năm bắt đầu và năm kết thúc là số nguyên, năm kết thúc không trước năm bắt đầu",
        en: "whole from and to years, the end year not before the first year",
      },
    });
  }
  if (!Number.isFinite(r.budget) || r.budget < 0) {
    throw new InputError({
      found: String(r.budget),
      expected: { vi: "kinh phí mỗi năm là một số ≥ 0", en: "a yearly budget ≥ 0" },
    });
  }
  if (r.communes.length === 0) {
    throw new InputError({
      found: "0",
      expected: { vi: "ít nhất một xã", en: "at least one commune" },
    });
  }
  for (const [name, v] of Object.entries(r.targets ?? {})) {
    if (v !== undefined && (!Number.isFinite(v) || v < 0)) {
      throw new InputError({
        found: `targets.${name} = ${v}`,
        expected: { vi: `mục tiêu ${name} là một số ≥ 0`, en: `target ${name} to be a number ≥ 0` },
      });
    }
  }
}

/** The status after the year's plan: the planned indicators met, the criteria they complete added. */
function applyPlan(
  status: CommuneStatus,
  planned: Set<string>,
  completed: number[],
  count: number,
  year: number
): CommuneStatus {
  if (planned.size === 0) return status;
  const indicators = status.indicators?.map((v) =>
    planned.has(v.code) && !v.met
      ? {
          ...v,
          met: true,
          reason: { vi: `dự kiến đạt năm ${year}`, en: `planned for ${year}` },
        }
      : v
  );
  const achieved =
    status.achieved === null
      ? null
      : [...new Set([...status.achieved, ...completed])].sort((a, b) => a - b);
  return {
    ...status,
    indicators,
    indicatorsMet: indicators?.filter((v) => v.met).map((v) => v.code),
    achieved,
    count,
  };
}

interface Counts {
  standard: number;
  averageCriteria: number;
  below: number;
  indicatorsMissing: number;
}

function counts(statuses: CommuneStatus[], n: number, below: number): Counts {
  let standard = 0;
  let sum = 0;
  let under = 0;
  let missing = 0;
  for (const s of statuses) {
    if (s.count >= n) standard++;
    else if (s.count < below) under++;
    sum += s.count;
    missing += s.indicators?.filter((v) => !v.met).length ?? 0;
  }
  return {
    standard,
    averageCriteria: sum / statuses.length,
    below: under,
    indicatorsMissing: missing,
  };
}

/**
 * Projects the communes at indicator level from fromYear to toYear under the rule in this module's header and
 * checks the targets. The same request always gives the same roadmap (the exact method may stop at its time limit
 * and then says so through `optimal` and `gap`).
 */
export async function projectIndicatorRoadmap(
  request: IndicatorRoadmapRequest,
  exact: ExactOptions = {}
): Promise<IndicatorRoadmap> {
  validate(request);
  const n = request.criteriaCount;
  const below = request.below ?? Math.max(1, Math.ceil(n / 2));
  const method = request.method ?? "greedy";
  const hasTiers = request.communes.some((c) => c.tier !== undefined);
  const modernRequirements = (request.modernRequirements ?? []).filter(
    (i) => i.modern !== undefined && i.modern !== null
  );
  const projectModern = modernRequirements.length > 0;
  const modernOf = (statuses: CommuneStatus[]): number | null =>
    projectModern ? modernCount(statuses, n, modernRequirements) : null;
  const modernNow = projectModern
    ? modernOf(request.communes)
    : hasTiers
      ? request.communes.filter((c) => c.tier === "modern").length
      : null;
  let statuses = request.communes.slice();
  const warnings: Warning[] = [];
  const startCounts = counts(statuses, n, below);
  const start: IndicatorRoadmapYear = {
    year: request.fromYear - 1,
    ...startCounts,
    modern: modernNow,
    gained: 0,
    indicatorsGained: 0,
    newlyStandard: [],
    cost: 0,
    cumulativeCost: 0,
    optimal: true,
    gap: null,
  };
  const standardGoal = request.targets?.standard;
  const all: IndicatorRoadmapYear[] = [];
  let cumulativeCost = 0;
  let endCommunes: IndicatorCommune[] = [];
  let cap: IndicatorRoadmap["cap"] = null;
  for (let year = request.fromYear; year <= request.toYear + LOOK_AHEAD; year++) {
    const beyond = year > request.toYear;
    if (beyond) {
      // Only to say when a missed standard target would be met: stop once it is, or once nothing moves.
      const last = all[all.length - 1];
      if (standardGoal === undefined || last.standard >= standardGoal) break;
    }
    const input = indicatorCommunes(statuses, {
      costs: request.costs,
      defaultCost: request.defaultCost,
      year,
    });
    if (year === request.fromYear) pushAll(warnings, input.warnings);
    const plan = await planIndicatorTargets(
      input.communes,
      {
        criteriaCount: n,
        budget: request.budget,
        maxPerCommune: request.maxPerCommune,
        capUnit: request.capUnit,
        method,
        solver: request.solver,
      },
      exact
    );
    if (year === request.fromYear) {
      cap = plan.cap;
      pushAll(warnings, plan.warnings);
    }
    const next = statuses.slice();
    const newlyStandard: string[] = [];
    for (const c of plan.communes) {
      const at = input.indices[c.index];
      next[at] = applyPlan(
        statuses[at],
        new Set(c.targets.map((t) => t.code)),
        c.criteriaCompleted,
        c.criteriaAfter,
        year
      );
      if (c.completes) newlyStandard.push(c.name);
    }
    statuses = next;
    cumulativeCost += plan.cost;
    all.push({
      year,
      ...counts(statuses, n, below),
      modern: modernOf(statuses),
      gained: plan.criteriaGained,
      indicatorsGained: plan.indicatorsGained,
      newlyStandard,
      cost: plan.cost,
      cumulativeCost,
      optimal: plan.optimal,
      gap: plan.gap,
    });
    if (year === request.toYear) {
      endCommunes = indicatorCommunes(statuses, {
        costs: request.costs,
        defaultCost: request.defaultCost,
        year: year + 1,
      }).communes;
    }
    if (beyond && plan.indicatorsGained === 0) break;
  }
  const years = all.filter((y) => y.year <= request.toYear);
  const targets = checkTargets(request.targets ?? {}, start, years, all, endCommunes, {
    below,
    modernNow,
    projectModern,
  });
  return {
    level: "indicators",
    communes: statuses.length,
    criteriaCount: n,
    below,
    budget: request.budget,
    method,
    cap,
    start,
    years,
    targets,
    modernNote: projectModern ? MODERN_PROJECTED : MODERN_NOT_PROJECTED,
    warnings,
  };
}

function checkTargets(
  targets: IndicatorRoadmapTargets,
  start: IndicatorRoadmapYear,
  years: IndicatorRoadmapYear[],
  all: IndicatorRoadmapYear[],
  endCommunes: IndicatorCommune[],
  k: { below: number; modernNow: number | null; projectModern: boolean }
): IndicatorTargetCheck[] {
  const checks: IndicatorTargetCheck[] = [];
  const order: IndicatorTargetName[] = ["standard", "modern", "averageCriteria", "maxBelow"];
  const end = years[years.length - 1];
  for (const name of order) {
    const target = targets[name];
    if (target === undefined) continue;
    const label =
      name === "maxBelow"
        ? {
            vi: `Số xã dưới ${k.below} tiêu chí (tối đa)`,
            en: `Communes under ${k.below} criteria (at most)`,
          }
        : LABELS[name];
    if (name === "modern" && !k.projectModern) {
      // Not projected (no requirements to project it from), whatever the count now.
      checks.push({ name, ...notProjected(label, target), note: MODERN_NOT_PROJECTED });
      continue;
    }
    const value = (y: IndicatorRoadmapYear): number =>
      name === "maxBelow"
        ? y.below
        : name === "standard"
          ? y.standard
          : name === "modern"
            ? (y.modern ?? 0)
            : y.averageCriteria;
    const met = (v: number) => targetMet(name, v, target);
    const firstIn = (list: IndicatorRoadmapYear[]) =>
      [start, ...list].find((y) => met(value(y))) ?? null;
    const reached = firstIn(years);
    const later = firstIn(all);
    const projected = value(end);
    const shortfall = targetShortfall(name, projected, target);
    checks.push({
      name,
      label,
      target,
      projected,
      reachable: met(projected),
      year: reached ? reached.year : null,
      yearAtThisPace: later ? later.year : null,
      cost: reached ? reached.cumulativeCost : null,
      shortfall,
      extraCost: name === "standard" ? extraCost(Math.ceil(shortfall - 1e-9), endCommunes) : null,
      ...(name === "modern" ? { note: MODERN_PROJECTED } : {}),
    });
  }
  return checks;
}

/**
 * Money to bring `shortfall` more communes to the standard after the end year, ignoring budget and cap: the
 * communes cheapest to finish (everything they miss). Null when fewer communes are left than the shortfall.
 */
function extraCost(shortfall: number, endCommunes: IndicatorCommune[]): number | null {
  if (shortfall <= 0) return 0;
  const toFinish = endCommunes
    .filter((c) => c.missing.length > 0)
    .map((c) => c.missing.reduce((a, m) => a + m.cost, 0))
    .sort((a, b) => a - b);
  if (toFinish.length < shortfall) return null;
  return toFinish.slice(0, shortfall).reduce((a, b) => a + b, 0);
}
