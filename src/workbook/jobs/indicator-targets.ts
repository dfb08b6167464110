// The "targets" job when the status is per indicator (2026-2030): which missing indicators each commune meets
// next year within the budget, with a costs sheet per (commune, indicator) or a default cost.

import { sourceField } from "../output";
import { InputError } from "../../engine/errors";
import { budgetLimit, indicatorUnit, NO_LIMIT_WARNING } from "../budget-unit";
import {
  indicatorCommunes,
  planIndicatorTargets,
  type CapUnit,
  type IndicatorCostTable,
  type TargetMethod,
} from "../../engine/targets";
import type { MergeMap, MergerRollUp } from "../../engine/merge";
import type { Catalogue, CommuneStatus, Warning } from "../../engine/types";
import {
  INDICATOR_COST_COLUMNS,
  looksLikeIndicatorCosts,
  readIndicatorCosts,
} from "../readers/indicator-costs";
import { indicatorTargetsSheet, indicatorTargetsText } from "../writers/indicator-targets";
import { readingInput, type JobRequest, type JobResult } from "./job";
import type { TableReading } from "../reading/types";
import { findGrid, lacking, noSheetHoldsIn } from "../reading/input-grid";
import { findInputSheet } from "../reading/sheet-finder";
import type { IndicatorTargetsJson } from "../results";

export interface IndicatorTargetsSettings {
  catalogue: Catalogue;
  /** The communes' sheet: a costs sheet is looked for among the others. */
  communesSheet?: string;
  budget?: number;
  maxPerCommune?: number;
  capUnit: CapUnit;
  defaultCost?: number;
  year?: number;
  method: TargetMethod;
  timeLimit: number;
  /** The workbook's merger mapping: a costs sheet by old commune is summed into the merged communes. */
  merge?: MergeMap | null;
  /** Where what was rolled up is collected (for the result's merger line and table). */
  rollUps?: MergerRollUp[];
}

const COSTS_BY_INDICATOR = { vi: "bảng chi phí theo chỉ tiêu", en: "costs by indicator table" };

/** The costs by indicator: the costs input, else a costs-by-indicator sheet next to the status; none: undefined. */
export async function findIndicatorCosts(
  request: JobRequest,
  communes: CommuneStatus[],
  catalogue: Catalogue,
  communesSheet: string | undefined,
  merge?: MergeMap | null,
  rollUps?: MergerRollUp[],
  readings?: TableReading[]
): Promise<IndicatorCostTable | undefined> {
  // Without a costs input, a costs-by-indicator sheet next to the status is used when there is one (found by the one
  // sheet finder: visible sheets, the add-in's results skipped).
  let ref = request.inputs.costs;
  if (!ref) {
    const book = request.inputs.communes?.workbook;
    if (!book) return undefined;
    const found = await findInputSheet(book, {
      accepts: looksLikeIndicatorCosts,
      exclude: communesSheet === undefined ? [] : [communesSheet],
      what: COSTS_BY_INDICATOR,
    });
    if (!found) return undefined;
    ref = { workbook: book, sheet: found.grid.sheet };
  }
  const costsRef = ref;
  const sameBook = ref.workbook === request.inputs.communes?.workbook;
  return readingInput(costsRef, async () => {
    const grid = await findGrid(
      costsRef,
      looksLikeIndicatorCosts,
      () => true,
      COSTS_BY_INDICATOR,
      sameBook ? communesSheet : undefined,
      lacking(COSTS_BY_INDICATOR, [INDICATOR_COST_COLUMNS])
    );
    const codes = new Set<string>(catalogue.indicators?.map((i) => i.code) ?? []);
    for (const c of communes) for (const v of c.indicators ?? []) codes.add(v.code);
    const read = readIndicatorCosts(grid, { communes, indicatorCodes: [...codes], merge });
    if (read.rollUp) rollUps?.push(read.rollUp);
    readings?.push(read.reading);
    return read.costs;
  });
}

/**
 * Neither a costs by indicator table nor a default cost: the sheets looked at for the table (the status sheet
 * aside) and the option that would do instead.
 */
export async function noIndicatorCosts(
  request: JobRequest,
  communesSheet: string | undefined
): Promise<InputError> {
  const table = {
    what: COSTS_BY_INDICATOR,
    needed: {
      vi: "cột Tên xã / Mã xã, Chỉ tiêu, Chi phí; hoặc chi phí mặc định mỗi chỉ tiêu (--default-cost)",
      en: "commune / code, indicator and cost columns; or a default cost per indicator (--default-cost)",
    },
    layouts: [INDICATOR_COST_COLUMNS],
    options: ["default-cost"],
  };
  const workbook = request.inputs.costs?.workbook ?? request.inputs.communes?.workbook;
  if (!workbook) {
    return new InputError({
      options: ["default-cost"],
      expected: {
        vi: `${table.what.vi}: ${table.needed.vi}`,
        en: `${table.what.en}: ${table.needed.en}`,
      },
    });
  }
  return noSheetHoldsIn(workbook, table, communesSheet === undefined ? [] : [communesSheet]);
}

export async function indicatorTargets(
  request: JobRequest,
  statuses: CommuneStatus[],
  readWarnings: Warning[],
  settings: IndicatorTargetsSettings
): Promise<JobResult> {
  const reading: TableReading[] = [];
  const costs = await findIndicatorCosts(
    request,
    statuses,
    settings.catalogue,
    settings.communesSheet,
    settings.merge,
    settings.rollUps,
    reading
  );
  if (!costs && settings.defaultCost === undefined) {
    throw await noIndicatorCosts(request, settings.communesSheet);
  }
  const input = indicatorCommunes(statuses, {
    costs,
    defaultCost: settings.defaultCost,
    year: settings.year,
  });
  const plan = await planIndicatorTargets(
    input.communes,
    {
      criteriaCount: settings.catalogue.criteria.length,
      budget: settings.budget,
      maxPerCommune: settings.maxPerCommune,
      capUnit: settings.capUnit,
      method: settings.method,
      solver: request.solver,
    },
    {
      signal: request.signal,
      onProgress: request.onProgress,
      timeLimitSeconds: settings.timeLimit,
    }
  );
  const warnings = [...readWarnings, ...input.warnings, ...plan.warnings];
  if (settings.budget === undefined) warnings.unshift(NO_LIMIT_WARNING);
  const unit = indicatorUnit(costs !== undefined, settings.defaultCost);
  const period = settings.catalogue.id;
  const json: IndicatorTargetsJson = {
    year: settings.year ?? null,
    period,
    level: "indicators",
    unit,
    method: plan.method,
    optimal: plan.optimal,
    gap: plan.gap,
    newlyStandard: plan.newlyStandard,
    criteriaGained: plan.criteriaGained,
    indicatorsGained: plan.indicatorsGained,
    cost: plan.cost,
    budget: plan.budget,
    budgetLimit: budgetLimit(plan.budget, unit),
    budgetLeft: plan.budgetLeft,
    cap: plan.cap,
    currentAverage: plan.currentAverage,
    projectedAverage: plan.projectedAverage,
    communes: plan.communes.map((c) => ({
      name: c.name,
      code: c.code ?? null,
      group: c.group ?? null,
      criteriaBefore: c.criteriaBefore,
      missing: c.missing.map((i) => i.code),
      targets: c.targets.map((i) => ({ code: i.code, criterion: i.criterion, cost: i.cost })),
      criteriaCompleted: c.criteriaCompleted,
      criteriaAfter: c.criteriaAfter,
      cost: c.cost,
      completes: c.completes,
      ...sourceField(statuses[c.index]),
    })),
    skipped: input.skipped.map((i) => statuses[i].name),
    warnings,
  };
  return {
    json,
    text: indicatorTargetsText(plan, period, unit),
    sheets: [
      indicatorTargetsSheet(
        plan,
        settings.year,
        period,
        unit,
        statuses.map((s) => s.source)
      ),
    ],
    warnings,
    reading,
  };
}
