// The job results a report is written from: each job's JSON (the CLI's --json object), checked once on the way in.

import { indicatorRoadmapJson, indicatorTargetsJson, JOB_RESULTS } from "../results";
import type {
  AllocateJson as AllocateResult,
  CounterpartJson as CounterpartResult,
  FundingJson as FundingResult,
  IndicatorRoadmapJson as IndicatorRoadmapResult,
  IndicatorTargetsJson as IndicatorTargetsResult,
  RoadmapJson as RoadmapResult,
  SummaryJson as SummaryResult,
  TargetsJson as TargetsResult,
} from "../results";

// The report reads each job's JSON as the job declares it (src/workbook/results.ts).
export type {
  AllocateJson as AllocateResult,
  CounterpartJson as CounterpartResult,
  FundingJson as FundingResult,
  IndicatorRoadmapJson as IndicatorRoadmapResult,
  IndicatorTargetsJson as IndicatorTargetsResult,
  PlanTotalsJson as PlanTotals,
  RoadmapJson as RoadmapResult,
  SummaryJson as SummaryResult,
  TargetsJson as TargetsResult,
} from "../results";

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

// Every job the report has a part for (the merge job's roll-ups come through the other jobs' `merger`).
const SCHEMAS = {
  summary: JOB_RESULTS.summary,
  targets: JOB_RESULTS.targets,
  funding: JOB_RESULTS.funding,
  counterpart: JOB_RESULTS.counterpart,
  allocate: JOB_RESULTS.allocate,
  roadmap: JOB_RESULTS.roadmap,
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
        ? indicatorTargetsJson
        : indicatorRoadmapJson;
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
