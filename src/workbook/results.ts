// Each job's result JSON (the CLI's --json object, the task pane's result), declared once: the jobs type their JSON
// with it, the report and the task pane's key figures parse it. A field a job adds and no reader needs is let
// through (passthrough), so a job's type check names every declared field it writes wrongly.

import { z } from "zod";
import { SOURCE_CATEGORY_LABELS } from "../engine/funding/categories";
import type { SourceCategory } from "../engine/funding/types";
import type { MergerRollUp } from "../engine/merge/index";
import { readingsJson } from "./reading/schema";
import type { Bilingual } from "../engine/errors";
import type { TargetMethod } from "../engine/targets";

const bilingual = z.object({ vi: z.string(), en: z.string() });

/** A money unit as words, with how many million VND one unit is (tỷ đồng → 1000) when known. */
const moneyUnit = z.object({ vi: z.string(), en: z.string(), millions: z.number().optional() });

/** What the plan's budget and costs count (src/workbook/budget-unit.ts). */
const budgetUnit = z.enum(["million-vnd", "criteria", "indicators"]);

/** What a job assumed: a value neither the user nor the data gave (src/workbook/assumptions.ts). */
export const assumptionsJson = z.array(
  z.object({
    what: bilingual,
    value: z.union([z.string(), z.number(), z.boolean()]),
    why: bilingual,
    option: z.string().optional(),
  })
);

/** An input cell a JSON row rests on (SourceRef). */
const sourceRefJson = z.object({ sheet: z.string(), cell: z.string() });

const warnings = z.array(
  z.object({
    vi: z.string(),
    en: z.string(),
    sheet: z.string().optional(),
    cell: z.string().optional(),
  })
);

/** What a job rolled up from a sheet keyed by old (pre-merger) communes: the engine's MergerRollUp, checked against it. */
export const mergerJson: z.ZodType<MergerRollUp[]> = z.array(
  z.object({
    sheet: z.string(),
    table: z.string(),
    oldCount: z.number(),
    newCount: z.number(),
    communes: z.array(
      z.object({
        name: z.string(),
        code: z.string().nullable(),
        date: z.string().nullable(),
        from: z.array(z.string()),
      })
    ),
    how: z.enum(["sum", "rename"]),
  })
);

export const summaryJson = z
  .object({
    /** Values neither the user nor the data gave, each said where used (src/workbook/jobs/assumed.ts). */
    assumptions: assumptionsJson.optional(),
    period: z.string(),
    /** Why this period: the option, the plan year, the sheet's columns, or the default. */
    periodNote: bilingual,
    sheet: z.string(),
    shape: z.string(),
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
    /** Communes and those at the standard per commune group (Nhóm xã, 2026-2030), when every commune states one. */
    groups: z
      .record(z.enum(["1", "2", "3"]), z.object({ communes: z.number(), standard: z.number() }))
      .optional(),
    /** The same per district, in the order the communes sheet gives them, when communes name their district. */
    districts: z
      .array(
        z.object({
          name: z.string(),
          communes: z.number(),
          standard: z.number(),
          /** The cell the district's name was first read from. */
          source: sourceRefJson.optional(),
        })
      )
      .optional(),
    warnings,
    merger: mergerJson.optional(),
    /** What was read, per input table (the CLI and the pane add it beside the job's own fields). */
    reading: readingsJson.optional(),
  })
  .passthrough();

/** The plan's totals, as both kinds of targets result (per criterion, per indicator) give them. */
export const planTotalsJson = z
  .object({
    /** Values neither the user nor the data gave, each said where used (src/workbook/jobs/assumed.ts). */
    assumptions: assumptionsJson.optional(),
    year: z.number().nullable().optional(),
    unit: budgetUnit,
    /** The budget with its unit as words, or "no limit". */
    budgetLimit: z.string(),
    method: z.string(),
    optimal: z.boolean(),
    gap: z.number().nullable(),
    newlyStandard: z.number(),
    criteriaGained: z.number(),
    cost: z.number(),
    budget: z.number().nullable(),
    budgetLeft: z.number().nullable(),
    currentAverage: z.number(),
    projectedAverage: z.number(),
    warnings,
    merger: mergerJson.optional(),
    /** What was read, per input table (the CLI and the pane add it beside the job's own fields). */
    reading: readingsJson.optional(),
  })
  .passthrough();

/** Next-year targets per criterion (appendix II). */
export const targetsJson = planTotalsJson
  .extend({
    period: z.string(),
    criteriaCount: z.number(),
    communes: z.array(
      z.object({
        name: z.string(),
        district: z.string().nullable(),
        achieved: z.array(z.number()),
        targets: z.array(z.number()),
        cumulative: z.number(),
        cost: z.number(),
        completes: z.boolean(),
        /** The commune's row of the status sheet (its name cell): where a report row about it rests. */
        source: sourceRefJson.optional(),
        /** The cell its district was read from. */
        districtSource: sourceRefJson.optional(),
      })
    ),
    skipped: z.array(z.string()),
  })
  .passthrough();

/** Next-year targets at indicator level (2026-2030): the targets job's JSON when the status is per indicator. */
export const indicatorTargetsJson = planTotalsJson
  .extend({
    period: z.string(),
    level: z.literal("indicators"),
    indicatorsGained: z.number(),
    communes: z.array(
      z.object({
        name: z.string(),
        code: z.string().nullable(),
        group: z.number().nullable(),
        criteriaBefore: z.number(),
        missing: z.array(z.string()),
        targets: z.array(z.object({ code: z.string(), criterion: z.number(), cost: z.number() })),
        criteriaCompleted: z.array(z.number()),
        criteriaAfter: z.number(),
        cost: z.number(),
        completes: z.boolean(),
        source: sourceRefJson.optional(),
      })
    ),
  })
  .passthrough();

const categories = Object.keys(SOURCE_CATEGORY_LABELS) as [SourceCategory, ...SourceCategory[]];

export const fundingJson = z
  .object({
    /** Values neither the user nor the data gave, each said where used (src/workbook/jobs/assumed.ts). */
    assumptions: assumptionsJson.optional(),
    sheet: z.string(),
    unit: moneyUnit,
    round: z.number().nullable(),
    columns: z.array(
      z.object({
        column: z.string(),
        /** The column's header cell in the funding table (else its first amount's). */
        source: sourceRefJson.optional(),
        total: z.number(),
        statedTotal: z.number().nullable().optional(),
        lines: z.array(
          z.object({
            label: z.string(),
            category: z.enum(categories),
            level: z.number(),
            amount: z.number(),
            share: z.number(),
            /** The share as displayed: rounded so that the shares shown add to exactly 100%. */
            displayedShare: z.number(),
            /** The line's label cell in the funding table. */
            source: sourceRefJson.optional(),
          })
        ),
        checks: z.array(
          z.object({
            label: z.string(),
            kind: z.string(),
            stated: z.number(),
            computed: z.number(),
            difference: z.number(),
            ok: z.boolean(),
            cell: z.string().optional(),
          })
        ),
      })
    ),
    /** What was read, per input table (the CLI and the pane add it beside the job's own fields). */
    reading: readingsJson.optional(),
  })
  .passthrough();

export const counterpartJson = z
  .object({
    /** Values neither the user nor the data gave, each said where used (src/workbook/jobs/assumed.ts). */
    assumptions: assumptionsJson.optional(),
    sheet: z.string(),
    unit: moneyUnit,
    required: z.number(),
    basis: z.string(),
    columns: z.array(
      z.object({
        column: z.string(),
        central: z.number(),
        local: z.number(),
        ratio: z.number().nullable(),
        required: z.number(),
        shortfall: z.number(),
        compliant: z.boolean(),
        /** Cells of a budget with no figure in the column: the column is not assessed. */
        missing: z.array(z.string()).optional(),
        /** The column's first amount cell in the funding table. */
        source: sourceRefJson.optional(),
      })
    ),
    /** What was read, per input table (the CLI and the pane add it beside the job's own fields). */
    reading: readingsJson.optional(),
  })
  .passthrough();

export const allocateJson = z
  .object({
    /** Values neither the user nor the data gave, each said where used (src/workbook/jobs/assumed.ts). */
    assumptions: assumptionsJson.optional(),
    sheet: z.string(),
    /** "policy" when the coefficients were computed from the communes sheet by a policy. */
    mode: z.literal("policy").optional(),
    total: z.number(),
    unit: z.number(),
    basis: z.string(),
    allocations: z.array(
      z
        .object({
          unit: z.string(),
          coefficient: z.number().optional(),
          need: z.number().optional(),
          share: z.number(),
          /** The share as displayed: rounded so that the shares shown add to exactly 100%. */
          displayedShare: z.number(),
          amount: z.number(),
          /** The unit's row of the coefficients or communes sheet. */
          source: sourceRefJson.optional(),
        })
        .passthrough()
    ),
    warnings,
    merger: mergerJson.optional(),
    /** What was read, per input table (the CLI and the pane add it beside the job's own fields). */
    reading: readingsJson.optional(),
  })
  .passthrough();

/** A period target and how the roadmap meets it (both kinds of roadmap). */
const roadmapTarget = z.object({
  name: z.string(),
  label: bilingual,
  target: z.number(),
  // Null when the roadmap does not project it (a tier with no pace, or no requirements given).
  projected: z.number().nullable(),
  reachable: z.boolean().nullable(),
  year: z.number().nullable(),
  yearAtThisPace: z.number().nullable(),
  shortfall: z.number().nullable(),
  /** Why a target is not projected. */
  note: bilingual.optional(),
});

/** One year of either kind of roadmap. */
const yearCommon = z.object({
  year: z.number(),
  standard: z.number(),
  averageCriteria: z.number(),
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

const roadmapYear = yearCommon.extend({
  // Null when the communes carry no tier and no current count was given: the roadmap does not project them.
  advanced: z.number().nullable(),
  model: z.number().nullable(),
  below: z.number(),
});

export const roadmapJson = z
  .object({
    /** Values neither the user nor the data gave, each said where used (src/workbook/jobs/assumed.ts). */
    assumptions: assumptionsJson.optional(),
    sheet: z.string(),
    targetsSheet: z.string().nullable(),
    communes: z.number(),
    criteriaCount: z.number(),
    budget: z.number(),
    pace: z.number().nullable().optional(),
    costPerCriterion: z.number(),
    unit: budgetUnit,
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
    below: z.number(),
    start: roadmapYear,
    years: z.array(roadmapYear),
    targets: z.array(roadmapTarget),
    merger: mergerJson.optional(),
    /** What was read, per input table (the CLI and the pane add it beside the job's own fields). */
    reading: readingsJson.optional(),
  })
  .passthrough();

const indicatorRoadmapYear = yearCommon.extend({
  // Null when the modern tier is not projected (no requirements given), or not known at the start.
  modern: z.number().nullable(),
  indicatorsGained: z.number(),
  indicatorsMissing: z.number(),
});

/** The roadmap at indicator level (2026-2030): the roadmap job's JSON when the status is per indicator. */
export const indicatorRoadmapJson = z
  .object({
    /** Values neither the user nor the data gave, each said where used (src/workbook/jobs/assumed.ts). */
    assumptions: assumptionsJson.optional(),
    period: z.string(),
    periodNote: bilingual,
    level: z.literal("indicators"),
    sheet: z.string(),
    targetsSheet: z.string().nullable(),
    communes: z.number(),
    criteriaCount: z.number(),
    budget: z.number(),
    unit: budgetUnit,
    method: z.string(),
    targetsSource: bilingual,
    modern: z.object({ now: z.number().nullable(), note: bilingual }),
    start: indicatorRoadmapYear,
    years: z.array(indicatorRoadmapYear),
    targets: z.array(roadmapTarget.extend({ extraCost: z.number().nullable() })),
    warnings,
    merger: mergerJson.optional(),
    /** What was read, per input table (the CLI and the pane add it beside the job's own fields). */
    reading: readingsJson.optional(),
  })
  .passthrough();

export const mergeJson = z
  .object({
    /** Values neither the user nor the data gave, each said where used (src/workbook/jobs/assumed.ts). */
    assumptions: assumptionsJson.optional(),
    merged: z.array(
      z.object({
        name: z.string(),
        code: z.string().nullable(),
        date: z.string().nullable(),
        from: z.array(z.object({ name: z.string(), code: z.string().nullable() })),
      })
    ),
    money: z
      .object({
        columns: z.array(z.string()),
        communes: z.array(
          z.object({
            name: z.string(),
            code: z.string().nullable(),
            amounts: z.array(z.number().nullable()),
            from: z.array(z.string()),
          })
        ),
      })
      .nullable(),
    status: z
      .array(
        z.object({
          name: z.string(),
          parts: z.array(z.object({ name: z.string(), count: z.number(), standard: z.boolean() })),
          standardParts: z.number(),
          metByAll: z.array(z.number()).nullable(),
        })
      )
      .nullable(),
    warnings,
    /** What was read, per input table (the CLI and the pane add it beside the job's own fields). */
    reading: readingsJson.optional(),
  })
  .passthrough();

/** What each job promises its JSON is (z.input: what the job writes; the readers parse it). */
export type SummaryJson = z.input<typeof summaryJson>;
export type PlanTotalsJson = z.input<typeof planTotalsJson>;
export type TargetsJson = z.input<typeof targetsJson>;
export type IndicatorTargetsJson = z.input<typeof indicatorTargetsJson>;
export type FundingJson = z.input<typeof fundingJson>;
export type CounterpartJson = z.input<typeof counterpartJson>;
export type AllocateJson = z.input<typeof allocateJson>;
export type RoadmapJson = z.input<typeof roadmapJson>;
export type IndicatorRoadmapJson = z.input<typeof indicatorRoadmapJson>;
export type MergeJson = z.input<typeof mergeJson>;
export type MergerJson = z.input<typeof mergerJson>;

/** The declaration of each job's JSON, by job id (per indicator: indicatorTargetsJson, indicatorRoadmapJson). */
export const JOB_RESULTS = {
  summary: summaryJson,
  targets: targetsJson,
  funding: fundingJson,
  counterpart: counterpartJson,
  allocate: allocateJson,
  roadmap: roadmapJson,
  merge: mergeJson,
} as const;

/** The figures the roadmap and the targets job both print for the roadmap's first year (jobs/roadmap-first-year.ts). */
export interface YearFigures {
  newlyStandard: number;
  criteriaGained: number;
  cost: number;
}

/** How the roadmap's first year was projected and whether it equals the targets plan on the same inputs. */
export interface FirstYearCheck {
  year: number;
  /** "targets": planned by the targets planner; "pace": by the roadmap's pace rule (the planner could not). */
  basis: "targets" | "pace";
  method: TargetMethod;
  /** Most criteria per commune in the year; null: no cap (as the targets job). */
  maxPerCommune: number | null;
  targets: YearFigures;
  roadmap: YearFigures;
  agrees: boolean;
  /** Why the two differ; empty when they agree. */
  reasons: Bilingual[];
}
