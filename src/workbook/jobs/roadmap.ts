// The "roadmap" job: projects the communes year by year to the end of the period and checks the period targets;
// writes KQ_LoTrinh. The communes come from the communes reader, passed in so the job does not depend on its module.

import { withNumberNotes } from "./number-notes";
import { findCatalogue } from "../../engine/catalogue-lookup";
import { InputError } from "../../engine/errors";
import { declareOptions, numberOption, textOption } from "../../engine/options";
import { projectRoadmap, type RoadmapTargets } from "../../engine/roadmap";
import type { Catalogue, CommuneStatus, Warning } from "../../engine/types";
import type { Grid } from "../grid";
import { findSheetName } from "../ownership";
import {
  PERIOD_TARGETS_SHEET,
  readPeriodTargets,
  type PeriodTargets,
} from "../readers/period-targets";
import { roadmapSheet, roadmapText } from "../writers/roadmap";
import type { JobRequest, JobResult, PlanningJob } from "./job";
import { inputGrid } from "./input-grid";
import { findMergeMap, mergedStatuses, withMerger } from "./merged-communes";

/** The communes reader's shape (src/workbook/readers/communes.ts). */
export type CommunesReader = (
  grid: Grid,
  opts: { catalogue: Catalogue }
) => { communes: CommuneStatus[]; warnings: Warning[]; sheet: string };

const COMMUNES_LABEL = { vi: "Danh sách xã và tiêu chí đạt", en: "Communes and criteria met" };

const communes = (vi: string, en: string, example: string, integer = true) =>
  numberOption({ label: { vi, en }, unit: "communes", integer, min: 0, example });

export const ROADMAP_OPTIONS = declareOptions({
  budget: numberOption({
    label: { vi: "Kinh phí mỗi năm", en: "Budget per year" },
    unit: "million-vnd",
    min: 0,
    required: true,
    help: {
      vi: "Với chi phí mặc định 1/tiêu chí (--cost), kinh phí tính bằng số tiêu chí",
      en: "With the default cost of 1 per criterion (--cost), the budget counts criteria",
    },
    example: "16",
  }),
  to: numberOption({
    label: { vi: "Đến năm", en: "Up to year" },
    unit: "year",
    integer: true,
    min: 1900,
    max: 2200,
    required: true,
    example: "2025",
  }),
  from: numberOption({
    label: { vi: "Từ năm", en: "From year" },
    unit: "year",
    integer: true,
    min: 1900,
    max: 2200,
    absent: { vi: "năm nay", en: "this year" },
    help: { vi: "Năm đầu tiên dự kiến", en: "First year projected" },
    example: "2024",
  }),
  pace: numberOption({
    label: { vi: "Tốc độ", en: "Pace" },
    unit: "criteria-per-year",
    min: 0,
    exclusiveMin: true,
    default: 1.5,
    example: "1.5",
  }),
  cost: numberOption({
    label: { vi: "Chi phí bình quân một tiêu chí", en: "Average cost per criterion" },
    unit: "million-vnd",
    min: 0,
    default: 1,
    help: {
      vi: "Mặc định 1: kinh phí được tính bằng số tiêu chí",
      en: "Default 1: the budget is counted in criteria",
    },
    example: "1500",
  }),
  below: numberOption({
    label: {
      vi: "Ngưỡng N (số xã dưới N tiêu chí)",
      en: "Threshold N (communes under N criteria)",
    },
    unit: "criteria",
    integer: true,
    min: 1,
    absent: {
      vi: "theo trang chỉ tiêu giai đoạn, không thì 15",
      en: "from the period targets sheet, else 15",
    },
    example: "15",
  }),
  period: textOption({
    label: { vi: "Giai đoạn (bộ tiêu chí)", en: "Period (criteria set)" },
    default: "2021-2025",
    example: "2021-2025",
  }),
  "target-standard": communes("Mục tiêu số xã đạt chuẩn", "Target: standard communes", "75"),
  "target-advanced": communes("Mục tiêu số xã nâng cao", "Target: advanced communes", "25"),
  "target-model": communes("Mục tiêu số xã kiểu mẫu", "Target: model communes", "5"),
  "target-average": numberOption({
    label: { vi: "Mục tiêu số tiêu chí bình quân/xã", en: "Target: average criteria per commune" },
    unit: "criteria",
    min: 0,
    example: "18.5",
  }),
  "max-below": communes(
    "Tối đa số xã dưới N tiêu chí",
    "At most this many communes under N criteria",
    "0"
  ),
  "advanced-now": communes("Hiện trạng số xã nâng cao", "Advanced communes now", "20"),
  "model-now": communes("Hiện trạng số xã kiểu mẫu", "Model communes now", "2"),
  "advanced-per-year": numberOption({
    label: { vi: "Số xã nâng cao tăng mỗi năm", en: "New advanced communes per year" },
    unit: "communes-per-year",
    min: 0,
    example: "3",
  }),
  "model-per-year": numberOption({
    label: { vi: "Số xã kiểu mẫu tăng mỗi năm", en: "New model communes per year" },
    unit: "communes-per-year",
    min: 0,
    example: "1",
  }),
  "targets-sheet": textOption({
    label: { vi: "Trang chỉ tiêu giai đoạn", en: "Period targets sheet" },
    unit: "sheet",
    default: PERIOD_TARGETS_SHEET,
    example: PERIOD_TARGETS_SHEET,
  }),
});

/** The period targets sheet in the communes' workbook, if there is one (optional input). */
async function periodTargets(request: JobRequest): Promise<PeriodTargets | null> {
  const ref = request.inputs.communes;
  if (!ref) return null;
  const wanted =
    typeof request.options["targets-sheet"] === "string" ? request.options["targets-sheet"] : "";
  const explicit = wanted.trim() !== "";
  const name = findSheetName(
    await ref.workbook.sheetNames(),
    explicit ? wanted : PERIOD_TARGETS_SHEET
  );
  if (name === undefined) {
    if (explicit && wanted !== PERIOD_TARGETS_SHEET) await ref.workbook.readSheet(wanted); // names the missing sheet
    return null;
  }
  return readPeriodTargets(await ref.workbook.readSheet(name));
}

/** The roadmap job over a communes reader (the lead wires the real one in jobs/index.ts). */
export function createRoadmapJob(readCommunes: CommunesReader): PlanningJob {
  return withNumberNotes({
    id: "roadmap",
    label: { vi: "Lộ trình đạt chỉ tiêu giai đoạn", en: "Roadmap to the period targets" },
    inputs: [{ id: "communes", kind: "communes", label: COMMUNES_LABEL, required: true }],
    options: ROADMAP_OPTIONS.specs,
    async run(request) {
      const o = ROADMAP_OPTIONS.parse(request.options);
      const budget = o.budget as number;
      const toYear = o.to as number;
      const fromYear = o.from ?? new Date().getFullYear();
      if (toYear < fromYear) {
        throw new InputError({
          found: `from ${fromYear} → to ${toYear}`,
          expected: {
            vi: "năm kết thúc (to) không trước năm bắt đầu (from; mặc định năm nay)",
            en: "an end year (to) not before the first year (from; default this year)",
          },
        });
      }
      const catalogue = findCatalogue(o.period);
      const sheetTargets = await periodTargets(request);
      const grid = await inputGrid(request, "communes", COMMUNES_LABEL, (g) => {
        try {
          return readCommunes(g, { catalogue }).communes.length > 0;
        } catch {
          return false;
        }
      });
      const read = readCommunes(grid, { catalogue });
      const merged = mergedStatuses(
        await findMergeMap(request.inputs.communes?.workbook),
        read.communes,
        read.sheet
      );
      read.communes = merged.communes;
      const fromOptions: RoadmapTargets = {
        standard: o["target-standard"],
        advanced: o["target-advanced"],
        model: o["target-model"],
        averageCriteria: o["target-average"],
        maxBelow: o["max-below"],
      };
      const targets: RoadmapTargets = { ...(sheetTargets?.targets ?? {}) };
      for (const [k, v] of Object.entries(fromOptions))
        if (v !== undefined) targets[k as keyof RoadmapTargets] = v;
      const roadmap = projectRoadmap({
        communes: read.communes,
        fromYear,
        toYear,
        budget,
        costPerCriterion: o.cost,
        pace: o.pace,
        criteriaCount: catalogue.criteria.length,
        below: o.below ?? sheetTargets?.below,
        current: {
          advanced: o["advanced-now"] ?? sheetTargets?.current.advanced,
          model: o["model-now"] ?? sheetTargets?.current.model,
        },
        tierPace: {
          advanced: o["advanced-per-year"] ?? sheetTargets?.tierPace.advanced,
          model: o["model-per-year"] ?? sheetTargets?.tierPace.model,
        },
        targets,
      });
      const result: JobResult = {
        json: {
          sheet: read.sheet,
          targetsSheet: sheetTargets?.sheet ?? null,
          communes: roadmap.communes,
          criteriaCount: roadmap.criteriaCount,
          budget: roadmap.budget,
          pace: roadmap.pace,
          costPerCriterion: roadmap.costPerCriterion,
          below: roadmap.below,
          start: roadmap.start,
          years: roadmap.years,
          targets: roadmap.targets,
        },
        text: roadmapText(roadmap, toYear),
        sheets: [roadmapSheet(roadmap, toYear)],
        warnings: read.warnings,
      };
      return withMerger(result, [merged.rollUp], "NTM_LoTrinh_SapNhap");
    },
  });
}
