// Builds a report from job results: the paragraphs of each part, then the appendices in a provincial report's order.

import { allocationPart, counterpartPart, fundingPart } from "./money";
import { criteriaPart, targetsPart, type PartContext, type ReportPart } from "./criteria";
import { roman, type ReportLang } from "./format";
import type { ReportDocument } from "./model";
import { reportResults, type ReportResults } from "./results";
import { indicatorTargetsPart } from "./indicator-targets";
import { roadmapPart } from "./roadmap";
import { indicatorRoadmapPart } from "./indicator-roadmap";
import { say, W } from "./words";
import { mergerOf, mergerSection, type MergerResult } from "./merger";

export interface ReportOptions {
  lang?: ReportLang;
  /** The plan year: targets are for its end and the status is at the end of the year before. */
  year?: number;
  /** Sheets keyed by old communes that the jobs rolled up (a note before the parts). */
  merger?: MergerResult;
}

type PartBuilder = (ctx: PartContext) => ReportPart;

/** The parts the results allow, in the order of a provincial report's appendices. */
function parts(results: ReportResults): PartBuilder[] {
  const out: PartBuilder[] = [];
  const { summary, targets, indicatorTargets, funding, counterpart, allocate, roadmap } = results;
  const { indicatorRoadmap } = results;
  if (summary) out.push((ctx) => criteriaPart(summary, targets, ctx));
  if (targets)
    out.push((ctx) =>
      targetsPart(targets, ctx, summary?.sheet ?? roadmap?.sheet ?? indicatorRoadmap?.sheet ?? "")
    );
  if (indicatorTargets) {
    out.push((ctx) =>
      indicatorTargetsPart(
        indicatorTargets,
        ctx,
        summary?.sheet ?? roadmap?.sheet ?? indicatorRoadmap?.sheet ?? ""
      )
    );
  }
  if (funding) out.push((ctx) => fundingPart(funding, ctx));
  if (counterpart) out.push((ctx) => counterpartPart(counterpart, ctx));
  if (allocate) out.push((ctx) => allocationPart(allocate, ctx));
  if (roadmap) out.push((ctx) => roadmapPart(roadmap, ctx));
  if (indicatorRoadmap) out.push((ctx) => indicatorRoadmapPart(indicatorRoadmap, ctx));
  return out;
}

/** The report of typed results; only the parts whose results are present, appendices numbered in order. */
export function buildReportFrom(
  results: ReportResults,
  options: ReportOptions = {}
): ReportDocument {
  const lang = options.lang ?? "vi";
  // The plan year the targets job was run for, when the caller does not name one.
  const year = options.year ?? results.targets?.year ?? results.indicatorTargets?.year ?? undefined;
  const built = parts(results).map((part, i) => {
    const label = `${say(W.appendix, lang)} ${roman(i + 1)}`;
    return { label, part: part({ lang, year, label }) };
  });
  return {
    lang,
    title: say(W.title, lang),
    subtitle: say(W.subtitle, lang),
    sections: [
      ...(options.merger?.length ? [mergerSection(options.merger, lang)] : []),
      ...built.map((b) => b.part.section),
    ],
    appendices: built.map((b) => ({ label: b.label, ...b.part.appendix })),
  };
}

/** The report of job results as the jobs return them (their JSON objects, by job id). */
export function buildReport(
  jobs: Partial<Record<string, unknown>>,
  options: ReportOptions = {}
): ReportDocument {
  return buildReportFrom(reportResults(jobs), { merger: mergerOf(jobs), ...options });
}
