// Projects the communes' criteria year by year under an annual budget and a pace, and checks period targets.
//
// The rule, one year at a time (deterministic, no randomness):
// 1. The communes not yet at the standard are served in this order: communes registered to reach the standard
//    in or before this year first (đăng ký đạt chuẩn), then the most criteria met (closest to the standard),
//    then input order. Finishing a commune beats raising many by one (tránh dàn trải).
// 2. A commune gains at most the pace allowance of the year: ⌊pace·y⌋ − ⌊pace·(y−1)⌋ for the y-th year projected,
//    so a pace of 1.5 allows 1, 2, 1, 2… criteria and averages 1.5. A commune that misses no more than ⌈pace⌉
//    criteria may finish them all in one year (a 1.5 pace lets a commune with 2 missing reach the standard).
// 3. Each criterion costs `costPerCriterion`; a commune takes what the year's budget still pays for, so the last
//    commune served may gain fewer criteria. Unspent money is not carried over (an annual budget is annual).
// 4. Standard communes keep their criteria (maintenance is not costed). A commune whose tier says standard (or
//    above) counts as standard even when its count is below the number of criteria.
// 5. The first year may come already planned (`firstYear`: the criteria each commune gains and the cost, e.g. the
//    next-year targets plan), so that the roadmap's first year is that plan; the rule above applies from the second.
// Advanced and model communes are not modelled criterion by criterion: their current numbers come from the tiers
// (or are given), and they are projected only when a pace in communes recognised per year is given
// (⌊rate·y⌋ more after y years, never more than the standard / advanced communes). Otherwise they are reported
// as "not projected" and their targets are neither reachable nor unreachable.

import { InputError } from "../errors";
import type { CommuneStatus } from "../types";

/** A period target's rule: the communes under k criteria ("maxBelow") at most the target, any other at least it. */
export function targetMet(name: string, value: number, target: number): boolean {
  return name === "maxBelow" ? value <= target : value >= target - 1e-9;
}

/** A target with nothing to project it from (a tier without a pace or without requirements): neither met nor missed. */
export function notProjected(
  label: TargetCheck["label"],
  target: number
): Omit<TargetCheck, "name"> {
  return {
    label,
    target,
    projected: null,
    reachable: null,
    year: null,
    yearAtThisPace: null,
    cost: null,
    shortfall: null,
    extraCost: null,
  };
}

/** How far a projection falls short of its period target: 0 when met. */
export function targetShortfall(name: string, projected: number, target: number): number {
  if (targetMet(name, projected, target)) return 0;
  return name === "maxBelow" ? projected - target : target - projected;
}

export interface RoadmapTargets {
  /** Communes at the standard by the end year. */
  standard?: number;
  advanced?: number;
  model?: number;
  /** Average criteria per commune. */
  averageCriteria?: number;
  /** At most this many communes under `below` criteria (0: "no commune under N"). */
  maxBelow?: number;
}

export interface RoadmapRequest {
  communes: CommuneStatus[];
  /** First year projected (the status is at the end of the year before). */
  fromYear: number;
  /** Last year of the period (the targets' year). */
  toYear: number;
  /** Money per year (million VND; or criteria per year with the default cost of 1). */
  budget: number;
  /** Average cost of one criterion in one commune. Default 1. */
  costPerCriterion?: number;
  /** Criteria per commune per year. Default 1.5. */
  pace?: number;
  /** Number of criteria in the catalogue. Default 19. */
  criteriaCount?: number;
  /** Threshold N of "communes under N criteria". Default 15. */
  below?: number;
  /** Current advanced / model communes, when the communes carry no tier. */
  current?: { advanced?: number; model?: number };
  /** Communes newly recognised advanced / model per year; without it they are not projected. */
  tierPace?: { advanced?: number; model?: number };
  targets?: RoadmapTargets;
  /** The first year as already planned: criteria gained by each commune (input order) and its cost. */
  firstYear?: PlannedYear;
}

export interface PlannedYear {
  gained: number[];
  cost: number;
}

export interface RoadmapYear {
  year: number;
  /** Criteria gained this year (0 for the starting status). */
  gained: number;
  /** Communes that reach the standard this year. */
  newlyStandard: string[];
  standard: number;
  advanced: number | null;
  model: number | null;
  averageCriteria: number;
  /** Communes under `below` criteria. */
  below: number;
  /** Money spent this year. */
  cost: number;
  /** Cumulative money spent since the start. */
  cumulativeCost: number;
}

export type TargetName = "standard" | "advanced" | "model" | "averageCriteria" | "maxBelow";

export interface TargetCheck {
  name: TargetName;
  label: { vi: string; en: string };
  target: number;
  /** Projected value at the end year; null when not projected. */
  projected: number | null;
  /** Reached by the end year; null when not projected. */
  reachable: boolean | null;
  /** First year the target is met (the starting year when already met); null when not within the period. */
  year: number | null;
  /** If the pace and budget went on after the end year: the year it would be met (null: not within 20 years). */
  yearAtThisPace: number | null;
  /** Money spent until the year the target is met; null when not met or not projected. */
  cost: number | null;
  /** What is missing at the end year (communes, or criteria per commune for the average); 0 when reached. */
  shortfall: number | null;
  /** Estimated extra money to close the shortfall at the end year, ignoring the pace; null when unknown. */
  extraCost: number | null;
}

export interface Roadmap {
  communes: number;
  criteriaCount: number;
  below: number;
  pace: number;
  budget: number;
  costPerCriterion: number;
  /** The status before the first year (year = fromYear − 1). */
  start: RoadmapYear;
  /** One entry per year from fromYear to toYear. */
  years: RoadmapYear[];
  targets: TargetCheck[];
}

/** How far past the end year the projection looks to say when a missed target would be met. */
const LOOK_AHEAD = 20;

function invalid(found: string, vi: string, en: string): never {
  throw new InputError({ found, expected: { vi, en } });
}

function validate(r: RoadmapRequest): void {
  const whole = (v: number) => Number.isInteger(v);
  if (
    !whole(r.fromYear) ||
    !whole(r.toYear) ||
    r.toYear < r.fromYear ||
    r.toYear - r.fromYear > 100
  ) {
    invalid(
      `${r.fromYear}–${r.toYear}`,
      "năm bắt đầu và năm kết thúc là số nguyên, năm kết thúc không trước năm bắt đầu",
      "whole from and to years, the end year not before the first year"
    );
  }
  if (!Number.isFinite(r.budget) || r.budget < 0) {
    invalid(String(r.budget), "kinh phí mỗi năm là một số ≥ 0", "a yearly budget ≥ 0");
  }
  const cost = r.costPerCriterion ?? 1;
  if (!Number.isFinite(cost) || cost <= 0) {
    invalid(
      String(cost),
      "chi phí bình quân một tiêu chí là một số > 0",
      "an average cost per criterion > 0"
    );
  }
  const pace = r.pace ?? 1.5;
  if (!Number.isFinite(pace) || pace <= 0 || pace > 100) {
    invalid(
      String(pace),
      "tốc độ (tiêu chí/xã/năm) là một số > 0",
      "a pace (criteria per commune per year) > 0"
    );
  }
  const n = r.criteriaCount ?? 19;
  if (!whole(n) || n < 1)
    invalid(String(n), "số tiêu chí của bộ tiêu chí ≥ 1", "a number of criteria ≥ 1");
  if (r.communes.length === 0) invalid("0", "ít nhất một xã", "at least one commune");
  const extras: [string, number | undefined][] = [
    ["current.advanced", r.current?.advanced],
    ["current.model", r.current?.model],
    ["tierPace.advanced", r.tierPace?.advanced],
    ["tierPace.model", r.tierPace?.model],
    ...Object.entries(r.targets ?? {}).map(
      ([k, v]) => [`targets.${k}`, v] as [string, number | undefined]
    ),
  ];
  for (const [name, v] of extras) {
    if (v !== undefined && (!Number.isFinite(v) || v < 0)) {
      invalid(`${name} = ${v}`, `${name} là một số ≥ 0`, `${name} to be a number ≥ 0`);
    }
  }
  if (r.firstYear) {
    const f = r.firstYear;
    if (f.gained.length !== r.communes.length || !Number.isFinite(f.cost) || f.cost < 0) {
      invalid(
        `${f.gained.length}/${r.communes.length}, ${f.cost}`,
        "kế hoạch năm đầu có một số tiêu chí cho mỗi xã và kinh phí ≥ 0",
        "a first-year plan with a number of criteria per commune and a cost ≥ 0"
      );
    }
    f.gained.forEach((g, i) => {
      const c = r.communes[i];
      if (!whole(g) || g < 0 || c.count + g > n) {
        invalid(
          `${c.name}: ${c.count} + ${g}`,
          `số tiêu chí tăng thêm năm đầu từ 0 đến ${n} − số tiêu chí đạt`,
          `first-year criteria gained from 0 to ${n} − criteria met`
        );
      }
    });
  }
  for (const c of r.communes) {
    if (!whole(c.count) || c.count < 0 || c.count > n) {
      invalid(
        `${c.name}: ${c.count}`,
        `số tiêu chí đạt của mỗi xã từ 0 đến ${n}`,
        `each commune's criteria met from 0 to ${n}`
      );
    }
  }
}

interface State {
  name: string;
  count: number;
  standard: boolean;
  registeredYear?: number;
  order: number;
}

function isStandardTier(c: CommuneStatus): boolean {
  return c.tier === "standard" || c.tier === "advanced" || c.tier === "model";
}

/** ⌊pace·y⌋ − ⌊pace·(y−1)⌋: the criteria a commune may gain in the y-th year projected. */
function allowance(pace: number, y: number): number {
  return Math.floor(pace * y + 1e-9) - Math.floor(pace * (y - 1) + 1e-9);
}

function snapshot(
  states: State[],
  year: number,
  n: number,
  below: number,
  tiers: { advanced: number | null; model: number | null }
): Omit<RoadmapYear, "gained" | "newlyStandard" | "cost" | "cumulativeCost"> {
  const standard = states.filter((s) => s.standard).length;
  const total = states.reduce((a, s) => a + s.count, 0);
  return {
    year,
    standard,
    advanced: tiers.advanced === null ? null : Math.min(tiers.advanced, standard),
    model:
      tiers.model === null ? null : Math.min(tiers.model, tiers.advanced ?? Infinity, standard),
    averageCriteria: total / states.length,
    below: states.filter((s) => s.count < below && !s.standard).length,
  };
}

/** One projected year: serves the communes in priority order within the budget and the pace. */
function projectYear(
  states: State[],
  year: number,
  y: number,
  r: Required<Pick<RoadmapRequest, "budget">> & {
    cost: number;
    pace: number;
    n: number;
  }
): { gained: number; newlyStandard: string[]; cost: number } {
  const queue = states
    .filter((s) => !s.standard)
    .sort((a, b) => {
      const ra = a.registeredYear !== undefined && a.registeredYear <= year ? 0 : 1;
      const rb = b.registeredYear !== undefined && b.registeredYear <= year ? 0 : 1;
      return ra - rb || b.count - a.count || a.order - b.order;
    });
  let affordable = Math.floor(r.budget / r.cost + 1e-9);
  const finishWithin = Math.ceil(r.pace - 1e-9);
  const yearly = allowance(r.pace, y);
  let gained = 0;
  const newlyStandard: string[] = [];
  for (const s of queue) {
    if (affordable <= 0) break;
    const missing = r.n - s.count;
    const allowed = missing <= finishWithin ? missing : yearly;
    const gain = Math.min(missing, allowed, affordable);
    if (gain <= 0) continue;
    s.count += gain;
    affordable -= gain;
    gained += gain;
    if (s.count >= r.n) {
      s.standard = true;
      newlyStandard.push(s.name);
    }
  }
  return { gained, newlyStandard, cost: gained * r.cost };
}

/** The first year as planned: each commune gains what the plan gives it (a standard commune keeps its status). */
function applyPlannedYear(
  states: State[],
  planned: PlannedYear,
  n: number
): { gained: number; newlyStandard: string[]; cost: number } {
  let gained = 0;
  const newlyStandard: string[] = [];
  for (const s of states) {
    const gain = planned.gained[s.order];
    if (gain <= 0) continue;
    s.count += gain;
    gained += gain;
    if (!s.standard && s.count >= n) {
      s.standard = true;
      newlyStandard.push(s.name);
    }
  }
  return { gained, newlyStandard, cost: planned.cost };
}

/** Current advanced/model numbers: given, else counted from the tiers when any commune has one, else unknown. */
function currentTiers(r: RoadmapRequest): { advanced: number | null; model: number | null } {
  const hasTiers = r.communes.some((c) => c.tier !== undefined);
  const count = (t: "advanced" | "model") =>
    r.communes.filter((c) => c.tier === t || (t === "advanced" && c.tier === "model")).length;
  return {
    advanced: r.current?.advanced ?? (hasTiers ? count("advanced") : null),
    model: r.current?.model ?? (hasTiers ? count("model") : null),
  };
}

function tiersAfter(
  now: { advanced: number | null; model: number | null },
  rate: RoadmapRequest["tierPace"],
  y: number
): { advanced: number | null; model: number | null } {
  const step = (current: number | null, perYear: number | undefined) =>
    current === null || perYear === undefined ? null : current + Math.floor(perYear * y + 1e-9);
  return { advanced: step(now.advanced, rate?.advanced), model: step(now.model, rate?.model) };
}

const LABELS: Record<TargetName, { vi: string; en: string }> = {
  standard: { vi: "Số xã đạt chuẩn nông thôn mới", en: "Communes at the NTM standard" },
  advanced: { vi: "Số xã đạt chuẩn nông thôn mới nâng cao", en: "Advanced NTM communes" },
  model: { vi: "Số xã đạt chuẩn nông thôn mới kiểu mẫu", en: "Model NTM communes" },
  averageCriteria: { vi: "Số tiêu chí bình quân/xã", en: "Average criteria per commune" },
  maxBelow: { vi: "Số xã dưới N tiêu chí (tối đa)", en: "Communes under N criteria (at most)" },
};

/**
 * Projects the communes from fromYear to toYear under the rule in this module's header and checks the targets.
 * Pure and deterministic: the same request always gives the same roadmap.
 */
export function projectRoadmap(request: RoadmapRequest): Roadmap {
  validate(request);
  const n = request.criteriaCount ?? 19;
  const cost = request.costPerCriterion ?? 1;
  const pace = request.pace ?? 1.5;
  const below = request.below ?? 15;
  const states: State[] = request.communes.map((c, order) => ({
    name: c.name,
    count: c.count,
    standard: c.count >= n || isStandardTier(c),
    registeredYear: c.registeredYear,
    order,
  }));
  const tiersNow = currentTiers(request);
  const start: RoadmapYear = {
    ...snapshot(states, request.fromYear - 1, n, below, tiersNow),
    gained: 0,
    newlyStandard: [],
    cost: 0,
    cumulativeCost: 0,
  };
  const all: RoadmapYear[] = [];
  let cumulativeCost = 0;
  let endStates: State[] = [];
  const lastYear = request.toYear + LOOK_AHEAD;
  for (let year = request.fromYear, y = 1; year <= lastYear; year++, y++) {
    const step =
      y === 1 && request.firstYear
        ? applyPlannedYear(states, request.firstYear, n)
        : projectYear(states, year, y, { budget: request.budget, cost, pace, n });
    cumulativeCost += step.cost;
    all.push({
      ...snapshot(states, year, n, below, tiersAfter(tiersNow, request.tierPace, y)),
      ...step,
      cumulativeCost,
    });
    if (year === request.toYear) endStates = states.map((s) => ({ ...s }));
  }
  const years = all.filter((a) => a.year <= request.toYear);
  const end = years[years.length - 1];
  const targets = checkTargets(request.targets ?? {}, start, years, all, end, endStates, {
    n,
    cost,
    below,
  });
  return {
    communes: states.length,
    criteriaCount: n,
    below,
    pace,
    budget: request.budget,
    costPerCriterion: cost,
    start,
    years,
    targets,
  };
}

function checkTargets(
  targets: RoadmapTargets,
  start: RoadmapYear,
  years: RoadmapYear[],
  all: RoadmapYear[],
  end: RoadmapYear,
  endStates: State[],
  k: { n: number; cost: number; below: number }
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const order: TargetName[] = ["standard", "advanced", "model", "averageCriteria", "maxBelow"];
  for (const name of order) {
    const target = targets[name];
    if (target === undefined) continue;
    const value = (y: RoadmapYear): number | null =>
      name === "maxBelow" ? y.below : (y[name] as number | null);
    const met = (v: number | null) => v !== null && targetMet(name, v, target);
    const projected = value(end);
    const firstIn = (list: RoadmapYear[]) => [start, ...list].find((y) => met(value(y))) ?? null;
    const reached = firstIn(years);
    const later = firstIn(all);
    const label =
      name === "maxBelow"
        ? {
            vi: `Số xã dưới ${k.below} tiêu chí (tối đa)`,
            en: `Communes under ${k.below} criteria (at most)`,
          }
        : LABELS[name];
    if (projected === null) {
      checks.push({ name, ...notProjected(label, target) });
      continue;
    }
    const shortfall = targetShortfall(name, projected, target);
    checks.push({
      name,
      label,
      target,
      projected,
      reachable: met(projected),
      year: reached ? reached.year : null,
      yearAtThisPace: later ? later.year : null,
      cost: reached && name !== "advanced" && name !== "model" ? reached.cumulativeCost : null,
      shortfall,
      extraCost: extraCost(name, shortfall, endStates, k),
    });
  }
  return checks;
}

/**
 * Money to close a shortfall at the end year, ignoring the pace: for communes at the standard (or over the
 * threshold), the cheapest ones to finish, i.e. those closest; for the average, the criteria still needed.
 * Null for tiers (not costed) and when the target asks for more communes than there are.
 */
function extraCost(
  name: TargetName,
  shortfall: number,
  endStates: State[],
  k: { n: number; cost: number; below: number }
): number | null {
  if (shortfall === 0) return 0;
  if (name === "averageCriteria") {
    const criteria = Math.ceil(shortfall * endStates.length - 1e-9);
    const available = endStates.reduce((a, s) => a + (s.standard ? 0 : k.n - s.count), 0);
    return criteria <= available ? criteria * k.cost : null;
  }
  if (name !== "standard" && name !== "maxBelow") return null;
  const goal = name === "standard" ? k.n : k.below;
  const candidates = endStates
    .filter((s) => !s.standard && s.count < goal)
    .sort((a, b) => b.count - a.count || a.order - b.order);
  if (candidates.length < shortfall) return null;
  return candidates.slice(0, shortfall).reduce((a, s) => a + (goal - s.count) * k.cost, 0);
}
