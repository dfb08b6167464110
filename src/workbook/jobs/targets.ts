// The "targets" job: next year's criteria per commune within the budget, written as appendix II of the reports.

import { withNumberNotes } from "./number-notes";
import { formatVi } from "../../engine/numbers";
import { findCatalogue } from "../../engine/catalogue-lookup";
import { DEFAULT_PERIOD } from "../../engine/catalogues";
import { InputError, type Bilingual } from "../../engine/errors";
import { parseNumberText } from "../../engine/numbers";
import {
  planTargets,
  type CostTable,
  type TargetMethod,
  type TargetPlan,
} from "../../engine/targets";
import type { Catalogue, CommuneStatus, Warning } from "../../engine/types";
import type { Grid } from "../grid";
import { FORMATS, type OutputSheet } from "../output";
import { looksLikeCommunes, readCommunes } from "../readers/communes";
import { looksLikeCosts, readCosts } from "../readers/costs";
import { findInputSheet } from "../sheet-finder";
import type { InputRef, JobRequest, JobResult, PlanningJob } from "./job";

export const TARGETS_SHEET = "KQ_ChiTieu";

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

/** The named sheet, or the first sheet whose headers fit (preferring ones that fit nothing else). */
async function findGrid(
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
): Promise<{ communes: CommuneStatus[]; costs?: CostTable; warnings: Warning[] }> {
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
    (g) => looksLikeCommunes(g),
    (g) => !looksLikeCosts(g),
    { vi: "danh sách xã và tiêu chí đạt", en: "communes and criteria met" }
  );
  const read = readCommunes(communesGrid, { catalogue });
  const warnings = [...read.warnings];
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

const list = (numbers: number[]) => numbers.join(",");

function resultSheet(plan: TargetPlan, year: number | undefined): OutputSheet {
  const rows = plan.communes
    .filter((c) => c.missing.length > 0)
    .map((c, i) => [
      i + 1,
      c.name,
      c.district ?? "",
      c.achieved.length,
      list(c.achieved),
      c.targets.length,
      list(c.targets),
      c.cumulative,
      c.cost,
    ]);
  const yes = (b: boolean) => (b ? "Có (yes)" : "Không (no)");
  const summary: (string | number)[][] = [
    ["Số xã đạt chuẩn mới (communes newly standard)", plan.newlyStandard],
    ["Số tiêu chí tăng thêm (criteria gained)", plan.criteriaGained],
    ["Bình quân tiêu chí/xã hiện nay (current average)", round2(plan.currentAverage)],
    ["Bình quân tiêu chí/xã dự kiến (projected average)", round2(plan.projectedAverage)],
    ["Ngân sách (budget, triệu đồng)", plan.budget ?? "Không giới hạn (no limit)"],
    ["Kinh phí sử dụng (budget used, triệu đồng)", plan.cost],
    ["Kinh phí còn lại (budget left, triệu đồng)", plan.budgetLeft ?? "-"],
    ["Phương pháp (method)", plan.method === "optimal" ? "Tối ưu (optimal)" : "Tham lam (greedy)"],
    ["Đã chứng minh tối ưu (proven optimal)", yes(plan.optimal)],
    ["Khoảng cách tối ưu (gap)", plan.gap === null ? "-" : plan.gap],
  ];
  const until = year === undefined ? "" : ` đến cuối năm ${year}`;
  return {
    sheet: TARGETS_SHEET,
    tables: [
      {
        name: "NTM_ChiTieu",
        title: `Kế hoạch phấn đấu${until} (targets for next year)`,
        columns: [
          { header: "TT", format: FORMATS.integer },
          { header: "Tên xã" },
          { header: "Huyện" },
          { header: "Số tiêu chí đạt", format: FORMATS.integer },
          { header: "Tên tiêu chí đạt", format: FORMATS.text },
          { header: "Số TC phấn đấu", format: FORMATS.integer },
          { header: "Tiêu chí phấn đấu đạt", format: FORMATS.text },
          { header: "Lũy kế", format: FORMATS.integer },
          { header: "Chi phí", format: FORMATS.integer },
        ],
        rows,
      },
      {
        name: "NTM_ChiTieu_TongHop",
        title: "Tổng hợp (summary)",
        columns: [{ header: "Chỉ tiêu (indicator)" }, { header: "Giá trị (value)" }],
        rows: summary,
      },
    ],
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function describe(plan: TargetPlan): string {
  const lines = [
    `Phương pháp / method: ${plan.method}${plan.method === "optimal" ? (plan.optimal ? " (đã chứng minh tối ưu / proven optimal)" : ` (chưa chứng minh, gap ${plan.gap}) / not proven`) : ""}`,
    `Xã đạt chuẩn mới / newly standard: ${plan.newlyStandard}`,
    `Tiêu chí tăng thêm / criteria gained: ${plan.criteriaGained}`,
    `Bình quân tiêu chí/xã / average: ${formatVi(plan.currentAverage, 2)} → ${formatVi(plan.projectedAverage, 2)}`,
    `Kinh phí / cost: ${formatVi(plan.cost)}${plan.budget === null ? "" : ` / ${formatVi(plan.budget)} (còn lại / left ${formatVi(plan.budgetLeft ?? 0)})`}`,
    "",
  ];
  for (const c of plan.communes.filter((c) => c.missing.length > 0)) {
    const targets = c.targets.length > 0 ? list(c.targets) : "-";
    lines.push(
      `  ${c.name}: ${c.achieved.length} + [${targets}] → ${c.cumulative}${c.completes ? " ✓" : ""}`
    );
  }
  return lines.join("\n");
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
      default: DEFAULT_PERIOD,
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
    const catalogue = findCatalogue(
      typeof options.period === "string" ? options.period : undefined
    );
    const budget = optionNumber(options, "budget", { min: 0 });
    const maxPerCommune = optionNumber(options, "max-per-commune", { integer: true, min: 0 });
    const year = optionNumber(options, "year", { integer: true, min: 1900 });
    const timeLimit = optionNumber(options, "time-limit", { min: 0.1 }) ?? DEFAULT_TIME_LIMIT;
    const method = optionMethod(options);
    const inputs = await readInputs(request, catalogue);
    const plan = await planTargets(
      inputs.communes,
      { catalogue, budget, maxPerCommune, year, costs: inputs.costs, method },
      { signal: request.signal, onProgress: request.onProgress, timeLimitSeconds: timeLimit }
    );
    const warnings = [...inputs.warnings, ...plan.warnings];
    const json = {
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
    return { json, text: describe(plan), sheets: [resultSheet(plan, year)], warnings };
  },
});
