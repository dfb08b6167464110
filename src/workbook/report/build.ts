// Builds a report from job results: the paragraphs of each part, then the appendices in a provincial report's order.

import { allocationPart, counterpartPart, fundingPart } from "./money";
import { criteriaPart, targetsPart, type PartContext, type ReportPart } from "./criteria";
import { roman, type ReportLang } from "./format";
import { paragraphs, type ReportDocument } from "./model";
import { assumedValue, type Assumption } from "../assumptions";
import { reportResults, type ReportJobId, type ReportResults } from "./results";
import { indicatorTargetsPart } from "./indicator-targets";
import { roadmapPart } from "./roadmap";
import { indicatorRoadmapPart } from "./indicator-roadmap";
import { say, W } from "./words";
import { mergerOf, mergerSection, type MergerResult } from "./merger";
import { reportFrame } from "./frame";
import type { ReportFrameValues } from "../../engine/options";

export interface ReportOptions {
  lang?: ReportLang;
  /** The plan year: targets are for its end and the status is at the end of the year before. */
  year?: number;
  /** Sheets keyed by old communes that the jobs rolled up (a note before the parts). */
  merger?: MergerResult;
  /** The results workbook written in the same run (its per-commune sheet is named in the report). */
  resultsFile?: string;
  /** The document frame's fields as the options give them (REPORT_FRAME_OPTIONS); no frame without them. */
  frame?: ReportFrameValues;
}

type PartBuilder = (ctx: PartContext) => ReportPart;

/** A part and the job whose result (and reading) it is written from. */
interface JobPart {
  job: ReportJobId;
  build: PartBuilder;
}

/** "Giả định: Tỷ lệ đối ứng tối thiểu = 1 (giả định 1:1 (chưa nhập tỷ lệ tối thiểu))." for a part's job, if any. */
function assumedText(list: readonly Assumption[] | undefined, lang: ReportLang): string | null {
  if (!list || list.length === 0) return null;
  const items = list.map(
    (a) => `${a.what[lang]} = ${assumedValue(a.value, lang)} (${a.why[lang]})`
  );
  return lang === "vi"
    ? `Giá trị giả định (người dùng và số liệu không cho): ${items.join("; ")}.`
    : `Assumed values (given by neither the user nor the data): ${items.join("; ")}.`;
}

/** The part with its job's assumptions said after its paragraphs. */
function said(result: { assumptions?: Assumption[] }, build: PartBuilder): PartBuilder {
  return (ctx) => {
    const part = build(ctx);
    const text = assumedText(result.assumptions, ctx.lang);
    if (!text) return part;
    return {
      ...part,
      section: { ...part.section, blocks: [...part.section.blocks, ...paragraphs([text])] },
    };
  };
}

/** The parts the results allow, in the order of a provincial report's appendices. */
function parts(results: ReportResults): JobPart[] {
  const out: JobPart[] = [];
  const add = (job: ReportJobId, result: { assumptions?: Assumption[] }, build: PartBuilder) =>
    out.push({ job, build: said(result, build) });
  const { summary, targets, indicatorTargets, funding, counterpart, allocate, roadmap } = results;
  const { indicatorRoadmap } = results;
  const statusSheet = summary?.sheet ?? roadmap?.sheet ?? indicatorRoadmap?.sheet ?? "";
  if (summary) add("summary", summary, (ctx) => criteriaPart(summary, targets, ctx));
  if (targets) add("targets", targets, (ctx) => targetsPart(targets, ctx, statusSheet));
  if (indicatorTargets) {
    add("targets", indicatorTargets, (ctx) =>
      indicatorTargetsPart(indicatorTargets, ctx, statusSheet)
    );
  }
  if (funding) add("funding", funding, (ctx) => fundingPart(funding, ctx));
  if (counterpart) add("counterpart", counterpart, (ctx) => counterpartPart(counterpart, ctx));
  if (allocate) add("allocate", allocate, (ctx) => allocationPart(allocate, ctx));
  if (roadmap) add("roadmap", roadmap, (ctx) => roadmapPart(roadmap, ctx));
  if (indicatorRoadmap)
    add("roadmap", indicatorRoadmap, (ctx) => indicatorRoadmapPart(indicatorRoadmap, ctx));
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
  const labelOf = (i: number) => `${say(W.appendix, lang)} ${roman(i + 1)}`;
  const all = parts(results);
  // The targets part's appendix lists each commune not yet at the standard (the summary's part says so).
  const targetsAt = all.findIndex((p) => p.job === "targets");
  const targetsLabel = targetsAt < 0 ? undefined : labelOf(targetsAt);
  const built = all.map(({ job, build }, i) => {
    const label = labelOf(i);
    return {
      label,
      job,
      part: build({ lang, year, label, targetsLabel, resultsFile: options.resultsFile }),
    };
  });
  const title = say(W.title, lang);
  const subtitle = say(W.subtitle, lang);
  const frame = options.frame ? reportFrame(options.frame, lang, { title, subtitle }) : undefined;
  return {
    lang,
    title,
    subtitle,
    ...(frame ? { frame } : {}),
    sections: [
      ...(options.merger?.length ? [mergerSection(options.merger, lang)] : []),
      ...built.map((b) => b.part.section),
    ],
    appendices: built.map((b) => ({ label: b.label, job: b.job, ...b.part.appendix })),
  };
}

/** The report of job results as the jobs return them (their JSON objects, by job id). */
export function buildReport(
  jobs: Partial<Record<string, unknown>>,
  options: ReportOptions = {}
): ReportDocument {
  return buildReportFrom(reportResults(jobs), { merger: mergerOf(jobs), ...options });
}
