// The job results a report is written from: each job's JSON (the CLI's --json object), checked once on the way in.

import { z } from "zod";

const bilingual = z.object({ vi: z.string(), en: z.string() });

/** What the plan's budget and costs count (src/workbook/budget-unit.ts); absent in results written before it. */
const budgetUnit = z.enum(["million-vnd", "criteria", "indicators"]).optional();

export const summaryResult = z.object({
  period: z.string(),
  sheet: z.string(),
  communes: z.number(),
  averageCriteria: z.number(),
  standard: z.number(),
  bands: z.array(
    z.object({ label: z.string(), min: z.number(), max: z.number(), count: z.number() })
  ),
  criterionCounts: z.record(z.string(), z.number()).optional(),
  tiers: z
    .object({
      standard: z.number(),
      advanced: z.number(),
      model: z.number(),
      modern: z.number().optional(),
    })
    .optional(),
});

/** The plan's totals, as both kinds of targets result (per criterion, per indicator) give them. */
const planTotals = z.object({
  year: z.number().nullable().optional(),
  unit: budgetUnit,
  newlyStandard: z.number(),
  criteriaGained: z.number(),
  cost: z.number(),
  budget: z.number().nullable(),
  budgetLeft: z.number().nullable(),
  currentAverage: z.number(),
  projectedAverage: z.number(),
});

export const targetsResult = planTotals.extend({
  criteriaCount: z.number().optional(),
  communes: z.array(
    z.object({
      name: z.string(),
      district: z.string().nullable(),
      achieved: z.array(z.number()),
      targets: z.array(z.number()),
      cumulative: z.number(),
      cost: z.number(),
      completes: z.boolean(),
    })
  ),
});

/** Next-year targets at indicator level (2026-2030): the targets job's JSON when the status is per indicator. */
export const indicatorTargetsResult = planTotals.extend({
  period: z.string(),
  level: z.literal("indicators"),
  indicatorsGained: z.number(),
  communes: z.array(
    z.object({
      name: z.string(),
      code: z.string().nullable().optional(),
      group: z.number().nullable().optional(),
      criteriaBefore: z.number(),
      missing: z.array(z.string()),
      targets: z.array(z.object({ code: z.string(), criterion: z.number(), cost: z.number() })),
      criteriaCompleted: z.array(z.number()),
      criteriaAfter: z.number(),
      cost: z.number(),
      completes: z.boolean(),
    })
  ),
});

const fundingLine = z.object({
  label: z.string(),
  category: z.string(),
  level: z.number(),
  amount: z.number(),
  share: z.number().nullable(),
  /** The share as displayed: rounded so that the shares shown add to exactly 100%. */
  displayedShare: z.number().optional(),
});

export const fundingResult = z.object({
  sheet: z.string(),
  columns: z.array(
    z.object({
      column: z.string(),
      total: z.number(),
      statedTotal: z.number().nullable().optional(),
      lines: z.array(fundingLine),
    })
  ),
});

export const counterpartResult = z.object({
  sheet: z.string(),
  columns: z.array(
    z.object({
      column: z.string(),
      central: z.number(),
      local: z.number(),
      ratio: z.number().nullable(),
      required: z.number(),
      shortfall: z.number(),
      compliant: z.boolean(),
    })
  ),
});

export const allocateResult = z.object({
  sheet: z.string(),
  total: z.number(),
  unit: z.number(),
  basis: z.string(),
  allocations: z.array(
    z.object({
      unit: z.string(),
      coefficient: z.number().optional(),
      need: z.number().optional(),
      share: z.number(),
      amount: z.number(),
    })
  ),
});

const roadmapYear = z.object({
  year: z.number(),
  standard: z.number(),
  // Null when the communes carry no tier and no current count was given: the roadmap does not project them.
  advanced: z.number().nullable(),
  model: z.number().nullable(),
  averageCriteria: z.number(),
  below: z.number(),
  gained: z.number(),
  newlyStandard: z.array(z.string()),
  cost: z.number(),
  cumulativeCost: z.number(),
});

const yearFigures = z.object({
  newlyStandard: z.number(),
  criteriaGained: z.number(),
  cost: z.number(),
});

export const roadmapResult = z.object({
  sheet: z.string(),
  // The first year against the next-year targets on the same inputs (jobs/roadmap-first-year.ts).
  firstYear: z
    .object({
      year: z.number(),
      basis: z.enum(["targets", "pace"]),
      agrees: z.boolean(),
      targets: yearFigures,
      roadmap: yearFigures,
      reasons: z.array(bilingual),
    })
    .nullable()
    .optional(),
  communes: z.number(),
  budget: z.number(),
  unit: budgetUnit,
  pace: z.number().nullable().optional(),
  below: z.number(),
  start: roadmapYear,
  years: z.array(roadmapYear),
  targets: z.array(
    z.object({
      name: z.string(),
      label: bilingual,
      target: z.number(),
      projected: z.number(),
      reachable: z.boolean(),
      year: z.number().nullable(),
      yearAtThisPace: z.number().nullable(),
      shortfall: z.number().nullable(),
    })
  ),
});

const indicatorRoadmapYear = z.object({
  year: z.number(),
  standard: z.number(),
  // Null when the modern tier is not projected (no requirements given), or not known at the start.
  modern: z.number().nullable(),
  averageCriteria: z.number(),
  gained: z.number(),
  indicatorsGained: z.number(),
  indicatorsMissing: z.number(),
  newlyStandard: z.array(z.string()),
  cost: z.number(),
  cumulativeCost: z.number(),
});

/** The roadmap at indicator level (2026-2030): the roadmap job's JSON when the status is per indicator. */
export const indicatorRoadmapResult = z.object({
  period: z.string(),
  level: z.literal("indicators"),
  sheet: z.string(),
  communes: z.number(),
  budget: z.number(),
  method: z.string(),
  targetsSource: bilingual,
  modern: z.object({ now: z.number().nullable(), note: bilingual }),
  start: indicatorRoadmapYear,
  years: z.array(indicatorRoadmapYear),
  targets: z.array(
    z.object({
      name: z.string(),
      label: bilingual,
      target: z.number(),
      projected: z.number().nullable(),
      reachable: z.boolean().nullable(),
      year: z.number().nullable(),
      yearAtThisPace: z.number().nullable(),
      shortfall: z.number().nullable(),
      extraCost: z.number().nullable(),
      note: bilingual.optional(),
    })
  ),
});

export type SummaryResult = z.infer<typeof summaryResult>;
export type PlanTotals = z.infer<typeof planTotals>;
export type TargetsResult = z.infer<typeof targetsResult>;
export type IndicatorTargetsResult = z.infer<typeof indicatorTargetsResult>;
export type FundingResult = z.infer<typeof fundingResult>;
export type CounterpartResult = z.infer<typeof counterpartResult>;
export type AllocateResult = z.infer<typeof allocateResult>;
export type RoadmapResult = z.infer<typeof roadmapResult>;
export type IndicatorRoadmapResult = z.infer<typeof indicatorRoadmapResult>;

/** The results a report can use, each present only when its job ran on the workbook. */
export interface ReportResults {
  summary?: SummaryResult;
  targets?: TargetsResult;
  /** Present instead of `targets` when the plan was made per indicator (2026-2030). */
  indicatorTargets?: IndicatorTargetsResult;
  funding?: FundingResult;
  counterpart?: CounterpartResult;
  allocate?: AllocateResult;
  roadmap?: RoadmapResult;
  /** Present instead of `roadmap` when the roadmap was projected per indicator (2026-2030). */
  indicatorRoadmap?: IndicatorRoadmapResult;
}

const SCHEMAS = {
  summary: summaryResult,
  targets: targetsResult,
  funding: fundingResult,
  counterpart: counterpartResult,
  allocate: allocateResult,
  roadmap: roadmapResult,
} as const;

export type ReportJobId = keyof typeof SCHEMAS;

/**
 * Job JSON objects (by job id) as report results. A result that does not have the shape the report reads is a
 * programming error (the job changed): it stops the report rather than print a figure from the wrong field.
 */
export function reportResults(jobs: Partial<Record<string, unknown>>): ReportResults {
  const out: Record<string, unknown> = {};
  for (const id of Object.keys(SCHEMAS) as ReportJobId[]) {
    const json = jobs[id];
    if (json === undefined || json === null) continue;
    const perIndicator =
      (id === "targets" || id === "roadmap") &&
      (json as { level?: unknown }).level === "indicators";
    const schema = !perIndicator
      ? SCHEMAS[id]
      : id === "targets"
        ? indicatorTargetsResult
        : indicatorRoadmapResult;
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`Report: the ${id} result has no ${issue.path.join(".")} (${issue.message})`);
    }
    out[!perIndicator ? id : id === "targets" ? "indicatorTargets" : "indicatorRoadmap"] =
      parsed.data;
  }
  return out as ReportResults;
}
