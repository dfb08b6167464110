// The "roadmap" job: projects the communes year by year to the end of the period and checks the period targets;
// writes KQ_LoTrinh. The communes come from the communes reader, passed in so the job does not depend on its module.

import { pushAll } from "../../engine/arrays";
import { withNumberNotes } from "./number-notes";
import { InputError } from "../../engine/errors";
import { formatVi } from "../../engine/numbers";
import { ROADMAP_OPTIONS } from "./roadmap-options";
import { ROADMAP_COMMUNES_LABEL, ROADMAP_SPEC } from "./specs";
import { projectRoadmap, type RoadmapTargets } from "../../engine/roadmap";
import type { CapUnit, TargetMethod } from "../../engine/targets";
import type { Catalogue, CommuneStatus, Warning } from "../../engine/types";
import type { Grid } from "../grid";
import { sheetNamed } from "../reading/sheet-finder";
import {
  PERIOD_TARGETS_SHEET,
  readPeriodTargets,
  type PeriodTargets,
} from "../readers/period-targets";
import { roadmapSheet, roadmapText } from "../writers/roadmap";
import type { BudgetUnit } from "../budget-unit";
import { withReading, type JobRequest, type JobResult, type PlanningJob } from "./job";
import type { TableReading } from "../reading/types";
import { sourcesByName } from "../output";
import { inputGrid } from "../reading/input-grid";
import {
  averageTableCost,
  checkFirstYear,
  firstYearText,
  firstYearWarning,
  planFirstYear,
  roadmapCosts,
  uniformCosts,
} from "./roadmap-first-year";
import { DEFAULT_TIME_LIMIT } from "./targets-options";
import { CRITERION_ONLY_OPTIONS, indicatorRoadmap } from "./indicator-roadmap";
import { choosePeriod } from "../reading/period";
import { mergedStatuses, withMerger } from "./merged-communes";
import { mergeMapFor } from "../reading/context";
import { settlePlanYear, titleCell, withPlanYear, yearMissing } from "../reading/year";
import type { RoadmapJson } from "../results";

/** The communes reader's shape (src/workbook/readers/communes.ts). */
export type CommunesReader = (
  grid: Grid,
  opts: { catalogue: Catalogue }
) => {
  communes: CommuneStatus[];
  warnings: Warning[];
  sheet: string;
  catalogue?: Catalogue;
  reading?: TableReading;
};

/** Options only the roadmap per indicator uses. */
const INDICATOR_ONLY_OPTIONS = ["cap-unit", "default-cost", "target-modern"] as const;

/** The period targets sheet in the communes' workbook, if there is one (optional input). */
async function periodTargets(request: JobRequest): Promise<PeriodTargets | null> {
  const ref = request.inputs.communes;
  if (!ref) return null;
  const wanted =
    typeof request.options["targets-sheet"] === "string" ? request.options["targets-sheet"] : "";
  const explicit = wanted.trim() !== "";
  const name = await sheetNamed(ref.workbook, explicit ? wanted : PERIOD_TARGETS_SHEET);
  if (name === undefined) {
    if (explicit && wanted !== PERIOD_TARGETS_SHEET) await ref.workbook.readSheet(wanted); // names the missing sheet
    return null;
  }
  return readPeriodTargets(await ref.workbook.readSheet(name));
}

/** The roadmap job over a communes reader (the lead wires the real one in jobs/index.ts). */
export function createRoadmapJob(readCommunes: CommunesReader): PlanningJob {
  return withNumberNotes({
    ...ROADMAP_SPEC,
    async run(request) {
      const o = ROADMAP_OPTIONS.parse(request.options);
      const budget = o.budget as number;
      const toYear = o.to as number;
      if (o.from !== undefined && toYear < o.from) throw fromAfterTo(o.from, toYear);
      // The period asked for, else the one in force for the plan year, else what the status sheet shows.
      const choice = await choosePeriod(request, [], request.inputs.communes, o.year);
      const catalogue = choice.catalogue;
      const sheetTargets = await periodTargets(request);
      const grid = await inputGrid(request, "communes", ROADMAP_COMMUNES_LABEL, (g) => {
        try {
          return readCommunes(g, { catalogue }).communes.length > 0;
        } catch {
          return false;
        }
      });
      const read = readCommunes(grid, { catalogue });
      // The first year projected: --from, else the plan year (--year, the run's, the status sheet's; never the calendar).
      const settled =
        o.from !== undefined
          ? settlePlanYear(o.from, [grid], "from")
          : { year: choice.year, warnings: [] };
      if (!settled.year) throw yearMissing(titleCell(grid), "from");
      const fromYear = settled.year.value;
      if (toYear < fromYear) throw fromAfterTo(fromYear, toYear);
      // Options the user gave: the task pane fills each field with its default (pace 1.5, cap-unit
      // indicators), so a value equal to the default is not one the user gave.
      const given = (ids: readonly string[]) =>
        ids.filter((id) => {
          const raw = request.options[id];
          if (raw === undefined || raw === "") return false;
          const declared = ROADMAP_OPTIONS.specs.find((spec) => spec.id === id)?.default;
          return declared === undefined || o[id as keyof typeof o] !== declared;
        });
      const merge = await mergeMapFor(request, request.inputs.communes?.workbook);
      const merged = mergedStatuses(merge, read.communes, read.sheet);
      const rollUps = merged.rollUp ? [merged.rollUp] : [];
      read.communes = merged.communes;
      const readings = [read.reading, ...choice.readings, sheetTargets?.reading, merge?.reading];
      if (read.communes.some((c) => c.indicators !== undefined)) {
        const planned = await indicatorRoadmap(
          request,
          read.communes,
          [...settled.warnings, ...choice.warnings, ...read.warnings],
          {
            catalogue: read.catalogue ?? catalogue,
            periodNote: choice.note,
            communesSheet: read.sheet,
            fromYear,
            toYear,
            budget,
            maxPerCommune: o["max-per-commune"],
            capUnit: (o["cap-unit"] ?? "indicators") as CapUnit,
            defaultCost: o["default-cost"],
            method: (o.method === "optimal" ? "optimal" : "greedy") as TargetMethod,
            timeLimit: o["time-limit"] ?? DEFAULT_TIME_LIMIT,
            below: o.below,
            options: {
              standard: o["target-standard"],
              modern: o["target-modern"],
              averageCriteria: o["target-average"],
              maxBelow: o["max-below"],
            },
            sheetTargets,
            criterionOnly: given(CRITERION_ONLY_OPTIONS),
            merge,
            rollUps,
          }
        );
        return withMerger(
          withPlanYear(withReading(planned, readings), settled.year, request),
          rollUps,
          "NTM_LoTrinh_SapNhap"
        );
      }
      // Options of the roadmap per indicator: said, not silently dropped.
      const unused = given(INDICATOR_ONLY_OPTIONS);
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
      const warnings = [...settled.warnings, ...choice.warnings, ...read.warnings];
      if (unused.length > 0) {
        warnings.push({
          vi: `Lộ trình theo tiêu chí không dùng ${unused.map((u) => `--${u}`).join(", ")} (chỉ dùng khi tình trạng theo từng chỉ tiêu, 2026-2030)`,
          en: `The roadmap per criterion does not use ${unused.map((u) => `--${u}`).join(", ")} (only for a status per indicator, 2026-2030)`,
        });
      }
      // The first year as the targets job plans it (lists of criteria), so both say the same.
      const table = await roadmapCosts(request, read.communes, catalogue, read.sheet, merge);
      if (table) pushAll(warnings, table.warnings);
      if (table?.rollUp) rollUps.push(table.rollUp);
      if (table) readings.push(table.reading);
      const unit: BudgetUnit = table || o.cost !== undefined ? "million-vnd" : "criteria";
      const first = await planFirstYear(request, read.communes, {
        catalogue,
        budget,
        maxPerCommune: o["max-per-commune"],
        year: fromYear,
        method: o.method === "optimal" ? "optimal" : "greedy",
        costs: table?.costs ?? (o.cost !== undefined ? uniformCosts(catalogue, o.cost) : undefined),
        timeLimit: o["time-limit"] ?? DEFAULT_TIME_LIMIT,
        solver: request.solver,
      });
      let costPerCriterion = o.cost;
      if (costPerCriterion === undefined && table) {
        // The pace rule costs every criterion alike: with a costs table, its average, said in a warning.
        const average = averageTableCost(read.communes, first.plan, table.costs);
        if (average === null) {
          // About the costs table as a whole: it names its sheet and header.
          throw new InputError({
            sheet: table.reading.sheet,
            cell: `${table.reading.columns.find((c) => c.used)?.col ?? "A"}${table.reading.headerRows[1]}`,
            expected: {
              vi: "chi phí bình quân một tiêu chí (--cost): bảng chi phí không có chi phí nào > 0",
              en: "an average cost per criterion (--cost): the costs table has no cost > 0",
            },
          });
        }
        costPerCriterion = average.cost;
        const since = first.planned ? fromYear + 1 : fromYear;
        warnings.push({
          vi: `Từ năm ${since}, mỗi tiêu chí tính chi phí ${formatVi(average.cost, 2)} triệu đồng (${average.basis.vi}); cho --cost để dùng số khác`,
          en: `From ${since}, each criterion is costed at ${formatVi(average.cost, 2)} million VND (${average.basis.en}); give --cost to use another figure`,
        });
      }
      const roadmap = projectRoadmap({
        communes: read.communes,
        fromYear,
        toYear,
        budget,
        costPerCriterion,
        firstYear: first.planned ?? undefined,
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
      const check = checkFirstYear(read.communes, first.plan, roadmap.years[0], {
        basis: first.planned ? "targets" : "pace",
        pace: roadmap.pace,
        criteriaCount: roadmap.criteriaCount,
        maxPerCommune: o["max-per-commune"],
      });
      const differs = firstYearWarning(check, unit);
      if (differs) warnings.unshift(differs);
      const text = roadmapText(roadmap, toYear, unit, firstYearText(check, unit, roadmap.pace));
      const result: JobResult = {
        reading: [],
        json: {
          sheet: read.sheet,
          targetsSheet: sheetTargets?.sheet ?? null,
          communes: roadmap.communes,
          criteriaCount: roadmap.criteriaCount,
          budget: roadmap.budget,
          unit,
          pace: roadmap.pace,
          costPerCriterion: roadmap.costPerCriterion,
          below: roadmap.below,
          start: roadmap.start,
          years: roadmap.years,
          targets: roadmap.targets,
          firstYear: check,
        } satisfies RoadmapJson,
        text,
        sheets: [
          roadmapSheet(roadmap, toYear, {
            unit,
            firstYear: check,
            sourceOf: sourcesByName(read.communes),
          }),
        ],
        warnings,
      };
      return withMerger(
        withPlanYear(withReading(result, readings), settled.year, request),
        rollUps,
        "NTM_LoTrinh_SapNhap"
      );
    },
  });
}

function fromAfterTo(fromYear: number, toYear: number): InputError {
  return new InputError({
    options: ["from", "to"],
    found: `from ${fromYear} → to ${toYear}`,
    expected: {
      vi: "năm kết thúc (to) không trước năm bắt đầu (from; mặc định năm kế hoạch)",
      en: "an end year (to) not before the first year (from; default the plan year)",
    },
  });
}
