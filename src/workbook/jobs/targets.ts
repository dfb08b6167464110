// The "targets" job: next year's criteria per commune within the budget, written as appendix II of the reports.

import { withNumberNotes } from "./number-notes";
import { choosePeriod } from "./period";
import { InputError, type Bilingual } from "../../engine/errors";
import { parseNumberText } from "../../engine/numbers";
import { planTargets, type CapUnit, type CostTable, type TargetMethod } from "../../engine/targets";
import type { Catalogue, CommuneStatus, Warning } from "../../engine/types";
import type { Grid } from "../grid";
import { looksLikeCommunes, readCommunes } from "../readers/communes";
import { looksLikeCosts, readCosts } from "../readers/costs";
import { looksLikeIndicatorCosts } from "../readers/indicator-costs";
import { findInputSheet } from "../sheet-finder";
import { targetsSheet, targetsText } from "../writers/targets";
import { indicatorTargets } from "./indicator-targets";
import type { InputRef, JobRequest, JobResult, PlanningJob } from "./job";

/** Seconds the exact method may spend per stage before returning its best plan with the gap. */
const DEFAULT_TIME_LIMIT = 60;

type Options = JobRequest["options"];

function optionNumber(
  options: Options,
  id: string,
  rules: { integer?: boolean; min?: number }
): number | undefined {
  const raw = options[id];
  if (raw === undefined || raw === "" || raw === null) return undefined;
  const value =
    typeof raw === "number"
      ? raw
      : typeof raw === "string"
        ? parseNumberText(raw, "en")?.value
        : NaN;
  if (
    value === undefined ||
    !Number.isFinite(value) ||
    (rules.integer && !Number.isInteger(value)) ||
    (rules.min !== undefined && value < rules.min)
  ) {
    const kind = rules.integer
      ? { vi: "số nguyên", en: "a whole number" }
      : { vi: "một số", en: "a number" };
    const min = rules.min !== undefined ? ` ≥ ${rules.min}` : "";
    throw new InputError({
      found: `${id}: ${String(raw)}`,
      expected: { vi: `${id} là ${kind.vi}${min}`, en: `${id} to be ${kind.en}${min}` },
    });
  }
  return value;
}

function optionMethod(options: Options): TargetMethod {
  const raw = String(options.method ?? "greedy")
    .trim()
    .toLowerCase();
  if (raw === "greedy" || raw === "optimal") return raw;
  if (raw === "exact") return "optimal";
  throw new InputError({
    found: `method: ${raw}`,
    expected: { vi: 'phương pháp "greedy" hoặc "optimal"', en: 'method "greedy" or "optimal"' },
  });
}

function optionCapUnit(options: Options): CapUnit {
  const raw = String(options["cap-unit"] ?? "indicators")
    .trim()
    .toLowerCase();
  if (raw === "indicators" || raw === "criteria") return raw;
  throw new InputError({
    found: `cap-unit: ${raw}`,
    expected: {
      vi: 'giới hạn tính theo "indicators" (chỉ tiêu) hoặc "criteria" (tiêu chí)',
      en: 'cap-unit "indicators" or "criteria"',
    },
  });
}

/** The named sheet, or the first sheet whose headers fit (preferring ones that fit nothing else). */
export async function findGrid(
  ref: InputRef,
  fits: (grid: Grid) => boolean,
  prefer: (grid: Grid) => boolean,
  what: Bilingual,
  exclude?: string
): Promise<Grid> {
  const found = await findInputSheet(ref.workbook, {
    named: ref.sheet,
    accepts: fits,
    prefer,
    exclude: exclude === undefined ? [] : [exclude],
    what,
  });
  if (!found) {
    throw new InputError({
      expected: { vi: `một trang tính chứa ${what.vi}`, en: `a sheet holding the ${what.en}` },
    });
  }
  return found.grid;
}

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
  warnings: Warning[];
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
  if (read.communes.some((c) => c.indicators !== undefined)) {
    return {
      communes: read.communes,
      catalogue: read.catalogue,
      indicatorLevel: communesGrid.sheet,
      warnings,
    };
  }
  const costsRef = request.inputs.costs;
  if (!costsRef) return { communes: read.communes, warnings };
  const sameBook = costsRef.workbook === communesRef.workbook;
  const costsGrid = await findGrid(
    costsRef,
    looksLikeCosts,
    () => true,
    { vi: "bảng chi phí theo tiêu chí", en: "costs by criterion table" },
    sameBook ? communesGrid.sheet : undefined
  );
  const costs = readCosts(costsGrid, { communes: read.communes, catalogue });
  return {
    communes: read.communes,
    costs: costs.costs,
    warnings: [...warnings, ...costs.warnings],
  };
}

export const targetsJob: PlanningJob = withNumberNotes({
  id: "targets",
  label: { vi: "Chỉ tiêu phấn đấu năm tới", en: "Next year's targets" },
  inputs: [
    {
      id: "communes",
      kind: "communes",
      label: { vi: "Danh sách xã và tiêu chí đạt", en: "Communes and criteria met" },
      required: true,
    },
    {
      id: "costs",
      kind: "costs",
      label: { vi: "Chi phí đạt từng tiêu chí", en: "Cost of meeting each criterion" },
      required: false,
    },
    {
      id: "indicators",
      kind: "indicators",
      label: { vi: "Bảng chỉ tiêu theo nhóm xã (2026-2030)", en: "Indicator policy (2026-2030)" },
      required: false,
    },
  ],
  options: [
    {
      id: "budget",
      label: { vi: "Ngân sách năm (triệu đồng)", en: "Annual budget (million VND)" },
      type: "number",
      help: { vi: "Để trống: không giới hạn", en: "Empty: no limit" },
    },
    {
      id: "max-per-commune",
      label: { vi: "Số tiêu chí tối đa/xã/năm", en: "Most criteria per commune per year" },
      type: "number",
      help: { vi: "Thường 1-3; để trống: không giới hạn", en: "Usually 1-3; empty: no cap" },
    },
    {
      id: "method",
      label: { vi: "Phương pháp", en: "Method" },
      type: "choice",
      choices: [
        { value: "greedy", label: { vi: "Nhanh (tham lam)", en: "Quick (greedy)" } },
        { value: "optimal", label: { vi: "Tối ưu (HiGHS)", en: "Optimal (HiGHS)" } },
      ],
      default: "greedy",
    },
    {
      id: "cap-unit",
      label: { vi: "Giới hạn mỗi xã tính theo", en: "Cap per commune counts" },
      type: "choice",
      choices: [
        { value: "indicators", label: { vi: "Chỉ tiêu", en: "Indicators" } },
        {
          value: "criteria",
          label: { vi: "Tiêu chí thực hiện", en: "Criteria worked on" },
        },
      ],
      default: "indicators",
      help: {
        vi: "Chỉ dùng khi tình trạng theo từng chỉ tiêu (2026-2030)",
        en: "Only when the status is per indicator (2026-2030)",
      },
    },
    {
      id: "default-cost",
      label: {
        vi: "Chi phí mặc định mỗi chỉ tiêu (triệu đồng)",
        en: "Default cost per indicator (million VND)",
      },
      type: "number",
      help: {
        vi: "Cho chỉ tiêu không có dòng trong bảng chi phí (2026-2030); để trống: bắt buộc có chi phí",
        en: "For indicators without a row in the costs table (2026-2030); empty: a cost is required",
      },
    },
    {
      id: "year",
      label: { vi: "Năm kế hoạch", en: "Plan year" },
      type: "number",
      help: {
        vi: "Xã đăng ký đạt chuẩn năm này được ưu tiên",
        en: "Communes registered to reach the standard this year come first",
      },
    },
    {
      id: "period",
      label: { vi: "Giai đoạn", en: "Period" },
      type: "text",
      help: {
        vi: "Để trống: giai đoạn hiện hành của năm kế hoạch (2027 → 2026-2030)",
        en: "Blank: the period in force for the plan year (2027 → 2026-2030)",
      },
    },
    {
      id: "time-limit",
      label: { vi: "Thời gian tối đa mỗi giai đoạn (giây)", en: "Time limit per stage (seconds)" },
      type: "number",
      default: DEFAULT_TIME_LIMIT,
    },
  ],
  async run(request: JobRequest): Promise<JobResult> {
    const { options } = request;
    // The period asked for, else the one in force for the plan year, else what the status sheet shows.
    const choice = await choosePeriod(request, [], request.inputs.communes);
    const catalogue = choice.catalogue;
    const budget = optionNumber(options, "budget", { min: 0 });
    const maxPerCommune = optionNumber(options, "max-per-commune", { integer: true, min: 0 });
    const year = optionNumber(options, "year", { integer: true, min: 1900 });
    const timeLimit = optionNumber(options, "time-limit", { min: 0.1 }) ?? DEFAULT_TIME_LIMIT;
    const method = optionMethod(options);
    const inputs = await readInputs(request, catalogue);
    inputs.warnings.unshift(...choice.warnings);
    if (inputs.indicatorLevel !== undefined) {
      return indicatorTargets(request, inputs.communes, inputs.warnings, {
        catalogue: inputs.catalogue ?? catalogue,
        communesSheet: inputs.indicatorLevel,
        budget,
        maxPerCommune,
        capUnit: optionCapUnit(options),
        defaultCost: optionNumber(options, "default-cost", { min: 0 }),
        year,
        method,
        timeLimit,
      });
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
    const json = {
      year: year ?? null,
      period: catalogue.id,
      criteriaCount: catalogue.criteria.length,
      method: plan.method,
      optimal: plan.optimal,
      gap: plan.gap,
      newlyStandard: plan.newlyStandard,
      criteriaGained: plan.criteriaGained,
      cost: plan.cost,
      budget: plan.budget,
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
      })),
      skipped: plan.skipped.map((i) => inputs.communes[i].name),
      warnings,
    };
    return { json, text: targetsText(plan), sheets: [targetsSheet(plan, year)], warnings };
  },
});
