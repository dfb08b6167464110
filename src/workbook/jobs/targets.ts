// The "targets" job: next year's criteria per commune within the budget, written as appendix II of the reports.

import { districtSourceField, sourceField } from "../output";
import { prependAll } from "../../engine/arrays";
import { withNumberNotes } from "./number-notes";
import { choosePeriod } from "../reading/period";
import { InputError } from "../../engine/errors";
import { planTargets, type CapUnit, type CostTable, type TargetMethod } from "../../engine/targets";
import type { Catalogue, CommuneStatus, Warning } from "../../engine/types";
import { looksLikeCommunes, readCommunes } from "../readers/communes";
import { COST_COLUMNS, COSTS_BY_CRITERION, looksLikeCosts, readCosts } from "../readers/costs";
import { looksLikeIndicatorCosts } from "../readers/indicator-costs";
import { findGrid, lacking } from "../reading/input-grid";
import { budgetLimit, NO_LIMIT_WARNING, type BudgetUnit } from "../budget-unit";
import { targetsSheet, targetsText } from "../writers/targets";
import { indicatorTargets } from "./indicator-targets";
import { DEFAULT_TIME_LIMIT, TARGETS_OPTIONS } from "./targets-options";
import { TARGETS_SPEC } from "./specs";
import { mergedStatuses, withMerger } from "./merged-communes";
import { mergeMapFor } from "../reading/context";
import type { MergeMap, MergerRollUp } from "../../engine/merge";
import {
  readingInput,
  withReading,
  type JobRequest,
  type JobResult,
  type PlanningJob,
} from "./job";
import type { TableReading } from "../reading/types";
import { withPlanYear, yearMissing } from "../reading/year";
import type { TargetsJson } from "../results";

async function readInputs(
  request: JobRequest,
  catalogue: Catalogue
): Promise<{
  communes: CommuneStatus[];
  /** The catalogue with the indicators evaluated, for a status per indicator. */
  catalogue?: Catalogue;
  costs?: CostTable;
  /** The communes' sheet, when the status is per indicator (its costs are read by indicatorTargets). */
  indicatorLevel?: string;
  /** The workbook's merger mapping, and what was rolled up with it (a status or costs sheet by old commune). */
  merge: MergeMap | null;
  rollUps: MergerRollUp[];
  warnings: Warning[];
  /** The tables read: the communes, the merger mapping, the costs. */
  readings: TableReading[];
}> {
  const communesRef = request.inputs.communes;
  if (!communesRef) {
    throw new InputError({
      expected: {
        vi: "bảng danh sách xã và tiêu chí đạt",
        en: "the communes and criteria met table",
      },
    });
  }
  const communesGrid = await findGrid(
    communesRef,
    (g) => looksLikeCommunes(g, catalogue),
    (g) => !looksLikeCosts(g) && !looksLikeIndicatorCosts(g),
    { vi: "danh sách xã và tiêu chí đạt", en: "communes and criteria met" }
  );
  const read = readCommunes(communesGrid, { catalogue });
  const warnings = [...read.warnings];
  // A status sheet of old communes: carried to the merged communes where it can be, else refused.
  const merge = await mergeMapFor(request, communesRef.workbook);
  const merged = mergedStatuses(merge, read.communes, read.sheet);
  const communes = merged.communes;
  const rollUps = merged.rollUp ? [merged.rollUp] : [];
  const readings = [read.reading, ...(merge ? [merge.reading] : [])];
  if (communes.some((c) => c.indicators !== undefined)) {
    return {
      communes,
      catalogue: read.catalogue,
      indicatorLevel: communesGrid.sheet,
      merge,
      rollUps,
      warnings,
      readings,
    };
  }
  const costsRef = request.inputs.costs;
  if (!costsRef) return { communes, merge, rollUps, warnings, readings };
  const sameBook = costsRef.workbook === communesRef.workbook;
  const costs = await readingInput(costsRef, async () => {
    const costsGrid = await findGrid(
      costsRef,
      looksLikeCosts,
      () => true,
      COSTS_BY_CRITERION,
      sameBook ? communesGrid.sheet : undefined,
      lacking(COSTS_BY_CRITERION, [COST_COLUMNS])
    );
    return readCosts(costsGrid, { communes, catalogue, merge });
  });
  if (costs.rollUp) rollUps.push(costs.rollUp);
  return {
    communes,
    costs: costs.costs,
    merge,
    rollUps,
    warnings: [...warnings, ...costs.warnings],
    readings: [...readings, costs.reading],
  };
}

export const targetsJob: PlanningJob = withNumberNotes({
  ...TARGETS_SPEC,
  async run(request: JobRequest): Promise<JobResult> {
    const { options } = request;
    const o = TARGETS_OPTIONS.parse(options);
    // The period asked for, else the one in force for the plan year, else what the status sheet shows; the plan year
    // is the option as declared here, else the run's, else the status sheet's (title, year column, status date).
    const choice = await choosePeriod(request, [], request.inputs.communes, o.year);
    const catalogue = choice.catalogue;
    const budget = o.budget;
    const maxPerCommune = o["max-per-commune"];
    const year = choice.year?.value;
    const timeLimit = o["time-limit"] ?? DEFAULT_TIME_LIMIT;
    const method: TargetMethod = o.method === "optimal" ? "optimal" : "greedy";
    const inputs = await readInputs(request, catalogue);
    prependAll(inputs.warnings, choice.warnings);
    // Communes registered for a year come first only in that year: without the year that order cannot be told.
    const registered = inputs.communes.find((c) => c.registeredYear !== undefined);
    if (year === undefined && registered) {
      throw yearMissing(registered.source, "year", {
        vi: `xã ${registered.name} đăng ký đạt chuẩn năm ${registered.registeredYear}: xã đăng ký cho năm kế hoạch được ưu tiên`,
        en: `${registered.name} registered for the standard in ${registered.registeredYear}: communes registered for the plan year come first`,
      });
    }
    // Either planner's result with what was read, the plan year and, for merged communes, the roll-up.
    const finish = (result: JobResult) =>
      withMerger(
        withPlanYear(
          withReading(result, [...inputs.readings, ...choice.readings]),
          choice.year,
          request
        ),
        inputs.rollUps,
        "NTM_ChiTieu_SapNhap"
      );
    if (inputs.indicatorLevel !== undefined) {
      const result = await indicatorTargets(request, inputs.communes, inputs.warnings, {
        catalogue: inputs.catalogue ?? catalogue,
        communesSheet: inputs.indicatorLevel,
        budget,
        maxPerCommune,
        capUnit: (o["cap-unit"] ?? "indicators") as CapUnit,
        defaultCost: o["default-cost"],
        year,
        method,
        timeLimit,
        merge: inputs.merge,
        rollUps: inputs.rollUps,
      });
      return finish(result);
    }
    const plan = await planTargets(
      inputs.communes,
      {
        catalogue,
        budget,
        maxPerCommune,
        year,
        costs: inputs.costs,
        method,
        solver: request.solver,
      },
      { signal: request.signal, onProgress: request.onProgress, timeLimitSeconds: timeLimit }
    );
    const warnings = [...inputs.warnings, ...plan.warnings];
    const unit: BudgetUnit = inputs.costs ? "million-vnd" : "criteria";
    if (budget === undefined) warnings.unshift(NO_LIMIT_WARNING);
    const json: TargetsJson = {
      year: year ?? null,
      unit,
      period: catalogue.id,
      criteriaCount: catalogue.criteria.length,
      method: plan.method,
      optimal: plan.optimal,
      gap: plan.gap,
      newlyStandard: plan.newlyStandard,
      criteriaGained: plan.criteriaGained,
      cost: plan.cost,
      budget: plan.budget,
      budgetLimit: budgetLimit(plan.budget, unit),
      budgetLeft: plan.budgetLeft,
      currentAverage: plan.currentAverage,
      projectedAverage: plan.projectedAverage,
      communes: plan.communes.map((c) => ({
        name: c.name,
        district: c.district ?? null,
        achieved: c.achieved,
        targets: c.targets,
        cumulative: c.cumulative,
        cost: c.cost,
        completes: c.completes,
        ...sourceField(inputs.communes[c.index]),
        ...districtSourceField(inputs.communes[c.index]),
      })),
      skipped: plan.skipped.map((i) => inputs.communes[i].name),
      warnings,
    };
    const result: JobResult = {
      reading: [],
      json,
      text: targetsText(plan, unit),
      sheets: [targetsSheet(plan, year, unit, (i) => inputs.communes[i]?.source)],
      warnings,
    };
    return finish(result);
  },
});
