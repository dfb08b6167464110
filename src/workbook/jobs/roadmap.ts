// The "roadmap" job: projects the communes year by year to the end of the period and checks the period targets;
// writes KQ_LoTrinh. The communes come from the communes reader, passed in so the job does not depend on its module.

import { withNumberNotes } from "./number-notes";
import { findCatalogue } from "../../engine/catalogue-lookup";
import { InputError } from "../../engine/errors";
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
import type { JobOptionSpec, JobRequest, PlanningJob } from "./job";
import { inputGrid, optionNumber, requireOptionNumber } from "./request-values";

/** The communes reader's shape (src/workbook/readers/communes.ts). */
export type CommunesReader = (
  grid: Grid,
  opts: { catalogue: Catalogue }
) => { communes: CommuneStatus[]; warnings: Warning[]; sheet: string };

const COMMUNES_LABEL = { vi: "Danh sách xã và tiêu chí đạt", en: "Communes and criteria met" };

const num = (
  id: string,
  vi: string,
  en: string,
  extra: Partial<JobOptionSpec> = {}
): JobOptionSpec => ({
  id,
  label: { vi, en },
  type: "number",
  ...extra,
});

const OPTIONS: JobOptionSpec[] = [
  num("budget", "Kinh phí mỗi năm (triệu đồng)", "Budget per year (million VND)"),
  num("to", "Đến năm", "Up to year"),
  num("from", "Từ năm", "From year", {
    help: {
      vi: "Năm đầu tiên dự kiến; mặc định năm nay",
      en: "First year projected; default this year",
    },
  }),
  num("pace", "Tốc độ (tiêu chí/xã/năm)", "Pace (criteria per commune per year)", { default: 1.5 }),
  num(
    "cost",
    "Chi phí bình quân một tiêu chí (triệu đồng)",
    "Average cost per criterion (million VND)",
    {
      default: 1,
      help: {
        vi: "Mặc định 1: kinh phí được tính bằng số tiêu chí",
        en: "Default 1: the budget is counted in criteria",
      },
    }
  ),
  num("below", "Ngưỡng N (số xã dưới N tiêu chí)", "Threshold N (communes under N criteria)", {
    default: 15,
  }),
  {
    id: "period",
    label: { vi: "Giai đoạn (bộ tiêu chí)", en: "Period (criteria set)" },
    type: "text",
    default: "2021-2025",
  },
  num("target-standard", "Mục tiêu số xã đạt chuẩn", "Target: standard communes"),
  num("target-advanced", "Mục tiêu số xã nâng cao", "Target: advanced communes"),
  num("target-model", "Mục tiêu số xã kiểu mẫu", "Target: model communes"),
  num(
    "target-average",
    "Mục tiêu số tiêu chí bình quân/xã",
    "Target: average criteria per commune"
  ),
  num("max-below", "Tối đa số xã dưới N tiêu chí", "At most this many communes under N criteria"),
  num("advanced-now", "Hiện trạng số xã nâng cao", "Advanced communes now"),
  num("model-now", "Hiện trạng số xã kiểu mẫu", "Model communes now"),
  num("advanced-per-year", "Số xã nâng cao tăng mỗi năm", "New advanced communes per year"),
  num("model-per-year", "Số xã kiểu mẫu tăng mỗi năm", "New model communes per year"),
  {
    id: "targets-sheet",
    label: { vi: "Trang chỉ tiêu giai đoạn", en: "Period targets sheet" },
    type: "text",
    default: PERIOD_TARGETS_SHEET,
  },
];

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
    options: OPTIONS,
    async run(request) {
      const number = (id: string, min = 0, integer = false) => {
        const spec = OPTIONS.find((o) => o.id === id)!;
        return optionNumber(request, id, { min, integer, label: spec.label });
      };
      const budget = requireOptionNumber(request, "budget", { min: 0, label: OPTIONS[0].label });
      const toYear = requireOptionNumber(request, "to", {
        min: 1900,
        integer: true,
        label: OPTIONS[1].label,
      });
      const fromYear = number("from", 1900, true) ?? new Date().getFullYear();
      if (toYear < fromYear) {
        throw new InputError({
          found: `from ${fromYear} → to ${toYear}`,
          expected: {
            vi: "năm kết thúc (to) không trước năm bắt đầu (from; mặc định năm nay)",
            en: "an end year (to) not before the first year (from; default this year)",
          },
        });
      }
      const periodOption = request.options.period;
      const catalogue = findCatalogue(
        typeof periodOption === "string" && periodOption ? periodOption : undefined
      );
      const sheetTargets = await periodTargets(request);
      const grid = await inputGrid(request, "communes", COMMUNES_LABEL, (g) => {
        try {
          return readCommunes(g, { catalogue }).communes.length > 0;
        } catch {
          return false;
        }
      });
      const read = readCommunes(grid, { catalogue });
      const fromOptions: RoadmapTargets = {
        standard: number("target-standard", 0, true),
        advanced: number("target-advanced", 0, true),
        model: number("target-model", 0, true),
        averageCriteria: number("target-average"),
        maxBelow: number("max-below", 0, true),
      };
      const targets: RoadmapTargets = { ...(sheetTargets?.targets ?? {}) };
      for (const [k, v] of Object.entries(fromOptions))
        if (v !== undefined) targets[k as keyof RoadmapTargets] = v;
      const roadmap = projectRoadmap({
        communes: read.communes,
        fromYear,
        toYear,
        budget,
        costPerCriterion: number("cost"),
        pace: number("pace"),
        criteriaCount: catalogue.criteria.length,
        below: number("below", 1, true) ?? sheetTargets?.below,
        current: {
          advanced: number("advanced-now", 0, true) ?? sheetTargets?.current.advanced,
          model: number("model-now", 0, true) ?? sheetTargets?.current.model,
        },
        tierPace: {
          advanced: number("advanced-per-year") ?? sheetTargets?.tierPace.advanced,
          model: number("model-per-year") ?? sheetTargets?.tierPace.model,
        },
        targets,
      });
      return {
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
    },
  });
}
