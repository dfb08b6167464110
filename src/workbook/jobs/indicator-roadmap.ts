// The "roadmap" job when the status is per indicator (2026-2030): each year planned with the indicator planner
// under the yearly budget, the plan applied, the communes at the standard counted, and the period targets
// checked. Same costs and planner options as the targets job, so the first year is the targets job's plan.

import { indicatorUnit } from "../budget-unit";
import type { Bilingual } from "../../engine/errors";
import { InputError } from "../../engine/errors";
import {
  projectIndicatorRoadmap,
  type IndicatorRoadmapTargets,
} from "../../engine/roadmap/indicators";
import type { CapUnit, TargetMethod } from "../../engine/targets";
import type { Catalogue, CommuneStatus, Warning } from "../../engine/types";
import type { PeriodTargets } from "../readers/period-targets";
import { indicatorRoadmapSheet, indicatorRoadmapText } from "../writers/indicator-roadmap";
import { findIndicatorCosts, noIndicatorCosts } from "./indicator-targets";
import { sourcesByName } from "../output";
import type { JobRequest, JobResult } from "./job";
import type { TableReading } from "../reading/types";
import type { IndicatorRoadmapJson } from "../results";
import type { MergeMap, MergerRollUp } from "../../engine/merge";

export interface IndicatorRoadmapSettings {
  catalogue: Catalogue;
  periodNote: Bilingual;
  communesSheet: string;
  fromYear: number;
  toYear: number;
  budget: number;
  maxPerCommune?: number;
  capUnit: CapUnit;
  defaultCost?: number;
  method: TargetMethod;
  timeLimit: number;
  below?: number;
  /** Targets given as options (communes; average criteria). */
  options: IndicatorRoadmapTargets;
  sheetTargets: PeriodTargets | null;
  /** Options of the roadmap per criterion the user gave (CRITERION_ONLY_OPTIONS): refused. */
  criterionOnly: string[];
  /** The workbook's merger mapping: a costs sheet by old commune is summed into the merged communes. */
  merge?: MergeMap | null;
  /** Where what was rolled up is collected (for the result's merger line and table). */
  rollUps?: MergerRollUp[];
}

/** Options of the roadmap per criterion that mean nothing per indicator: refused rather than ignored. */
export const CRITERION_ONLY_OPTIONS = [
  "pace",
  "cost",
  "target-advanced",
  "target-model",
  "advanced-now",
  "model-now",
  "advanced-per-year",
  "model-per-year",
] as const;

/**
 * The end-year targets: the period's national shares (about 65% standard, 10% modern by 2030) as numbers of
 * communes, else the province's period-targets sheet, else the options; and where they came from.
 */
function endTargets(
  catalogue: Catalogue,
  communes: number,
  s: IndicatorRoadmapSettings
): { targets: IndicatorRoadmapTargets; source: Bilingual } {
  const targets: IndicatorRoadmapTargets = {};
  let source: Bilingual = { vi: "không có mục tiêu", en: "no targets" };
  const national = catalogue.targets;
  if (national) {
    // 0.65 × 100 is 65.00000000000001 in floating point: round before taking the ceiling.
    const count = (share: number) => Math.ceil(Math.round(share * communes * 1e9) / 1e9);
    targets.standard = count(national.standard);
    if (national.top !== undefined) targets.modern = count(national.top);
    const pct = (x: number) => `${Math.round(x * 1000) / 10}%`.replace(".", ",");
    source = {
      vi: `mục tiêu quốc gia đến năm ${national.year}: ${pct(national.standard)} xã đạt chuẩn${national.top === undefined ? "" : `, ${pct(national.top)} xã NTM hiện đại`} của ${communes} xã (${national.source})`,
      en: `national targets for ${national.year}: ${pct(national.standard).replace(",", ".")} at the standard${national.top === undefined ? "" : `, ${pct(national.top).replace(",", ".")} modern`} of ${communes} communes`,
    };
  }
  const sheet = s.sheetTargets;
  if (sheet) {
    const own: IndicatorRoadmapTargets = {
      standard: sheet.targets.standard,
      modern: sheet.modern,
      averageCriteria: sheet.targets.averageCriteria,
      maxBelow: sheet.targets.maxBelow,
    };
    let any = false;
    for (const [k, v] of Object.entries(own)) {
      if (v === undefined) continue;
      targets[k as keyof IndicatorRoadmapTargets] = v;
      any = true;
    }
    if (any) {
      source = {
        vi: `trang '${sheet.sheet}' (chỉ tiêu của tỉnh)`,
        en: `sheet '${sheet.sheet}' (the province's targets)`,
      };
    }
  }
  let fromOptions = false;
  for (const [k, v] of Object.entries(s.options)) {
    if (v === undefined) continue;
    targets[k as keyof IndicatorRoadmapTargets] = v;
    fromOptions = true;
  }
  if (fromOptions) {
    source = {
      vi: `${source.vi}; tùy chọn của người dùng thay mục tiêu đã ghi`,
      en: `${source.en}; the user's options replace the targets they name`,
    };
  }
  for (const [k, v] of Object.entries(targets)) {
    if ((k === "standard" || k === "modern" || k === "maxBelow") && v > communes) {
      throw new InputError({
        sheet: sheet?.sheet,
        found: `${k} = ${v}`,
        expected: {
          vi: `mục tiêu số xã không quá số xã của tỉnh (${communes})`,
          en: `a target in communes not above the province's communes (${communes})`,
        },
      });
    }
  }
  return { targets, source };
}

export async function indicatorRoadmap(
  request: JobRequest,
  statuses: CommuneStatus[],
  readWarnings: Warning[],
  s: IndicatorRoadmapSettings
): Promise<JobResult> {
  for (const id of s.criterionOnly) {
    throw new InputError({
      options: [id],
      found: `${id} = ${request.options[id]}`,
      expected: {
        vi: `tình trạng theo từng chỉ tiêu (${s.catalogue.id}) không dùng tùy chọn ${id}: chi phí lấy từ bảng chi phí chỉ tiêu hoặc chi phí mặc định mỗi chỉ tiêu (default-cost), giới hạn mỗi xã là max-per-commune; bộ này không có mức nâng cao, kiểu mẫu`,
        en: `a status per indicator (${s.catalogue.id}) takes no ${id} option: costs come from the costs by indicator table or the default cost per indicator (default-cost), the cap per commune is max-per-commune; this set has no advanced or model tier`,
      },
    });
  }
  const reading: TableReading[] = [];
  const costs = await findIndicatorCosts(
    request,
    statuses,
    s.catalogue,
    s.communesSheet,
    s.merge,
    s.rollUps,
    reading
  );
  if (!costs && s.defaultCost === undefined) {
    throw await noIndicatorCosts(request, s.communesSheet);
  }
  const { targets, source } = endTargets(s.catalogue, statuses.length, s);
  const roadmap = await projectIndicatorRoadmap(
    {
      communes: statuses,
      criteriaCount: s.catalogue.criteria.length,
      fromYear: s.fromYear,
      toYear: s.toYear,
      budget: s.budget,
      costs,
      defaultCost: s.defaultCost,
      maxPerCommune: s.maxPerCommune,
      capUnit: s.capUnit,
      method: s.method,
      solver: request.solver,
      below: s.below ?? s.sheetTargets?.below,
      targets,
      // The policy sheet's "NTM hiện đại" column, when it has one: the modern tier is projected from it.
      modernRequirements: s.catalogue.indicators,
    },
    { signal: request.signal, onProgress: request.onProgress, timeLimitSeconds: s.timeLimit }
  );
  const warnings = [...readWarnings, ...roadmap.warnings];
  const notOptimal = roadmap.years.filter((y) => s.method === "optimal" && !y.optimal);
  if (notOptimal.length > 0) {
    warnings.push({
      vi: `Phương pháp tối ưu chưa chứng minh tối ưu trong năm ${notOptimal.map((y) => y.year).join(", ")} (hết thời gian): kế hoạch tốt nhất tìm được`,
      en: `The optimal method did not prove optimality in ${notOptimal.map((y) => y.year).join(", ")} (time limit): the best plan found`,
    });
  }
  const unit = indicatorUnit(costs !== undefined, s.defaultCost);
  const json: IndicatorRoadmapJson = {
    period: s.catalogue.id,
    periodNote: s.periodNote,
    level: "indicators",
    unit,
    sheet: s.communesSheet,
    targetsSheet: s.sheetTargets?.sheet ?? null,
    targetsSource: source,
    communes: roadmap.communes,
    criteriaCount: roadmap.criteriaCount,
    budget: roadmap.budget,
    method: roadmap.method,
    cap: roadmap.cap,
    below: roadmap.below,
    modern: { now: roadmap.start.modern, note: roadmap.modernNote },
    start: roadmap.start,
    years: roadmap.years,
    targets: roadmap.targets,
    warnings,
  };
  return {
    json,
    text: [s.periodNote.vi, indicatorRoadmapText(roadmap, s.toYear, source, unit)].join("\n"),
    sheets: [
      indicatorRoadmapSheet(
        roadmap,
        s.toYear,
        s.catalogue.id,
        source,
        unit,
        sourcesByName(statuses)
      ),
    ],
    warnings,
    reading,
  };
}
