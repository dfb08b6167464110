// The roadmap's first year planned as the targets job plans it (same planner, method, cap per commune, costs and
// plan year), so that its first row is the targets result; and the check the roadmap prints of the two, naming the
// reason and both figures whenever they still differ.

import type { TableReading } from "../reading/types";
import type { Bilingual } from "../../engine/errors";
import { formatVi } from "../../engine/numbers";
import type { PlannedYear, RoadmapYear } from "../../engine/roadmap";
import {
  DEFAULT_FREE_CRITERIA,
  criterionCost,
  planTargets,
  type CostTable,
  type TargetMethod,
  type TargetPlan,
} from "../../engine/targets";
import type { MixedSolver } from "../../engine/targets/solver";
import type { Catalogue, CommuneStatus, Warning } from "../../engine/types";
import { UNIT_WORDS, type BudgetUnit } from "../budget-unit";
import { COST_COLUMNS, COSTS_BY_CRITERION, looksLikeCosts, readCosts } from "../readers/costs";
import type { JobRequest } from "./job";
import { findGrid, lacking } from "../reading/input-grid";
import type { MergeMap, MergerRollUp } from "../../engine/merge";
import type { FirstYearCheck, YearFigures } from "../results";

export type { FirstYearCheck, YearFigures } from "../results";

/** The costs table given to the roadmap (same reader and sheet finding as the targets job), if any. */
export async function roadmapCosts(
  request: JobRequest,
  communes: CommuneStatus[],
  catalogue: Catalogue,
  communesSheet: string,
  merge?: MergeMap | null
): Promise<
  | { costs: CostTable; warnings: Warning[]; rollUp?: MergerRollUp; reading: TableReading }
  | undefined
> {
  const ref = request.inputs.costs;
  if (!ref) return undefined;
  const sameBook = ref.workbook === request.inputs.communes?.workbook;
  const grid = await findGrid(
    ref,
    looksLikeCosts,
    () => true,
    COSTS_BY_CRITERION,
    sameBook ? communesSheet : undefined,
    lacking(COSTS_BY_CRITERION, [COST_COLUMNS])
  );
  // A costs sheet by old commune is summed into the merged communes, as the targets job does.
  const read = readCosts(grid, { communes, catalogue, merge });
  return { costs: read.costs, warnings: read.warnings, rollUp: read.rollUp, reading: read.reading };
}

/** Every criterion at the same cost: the roadmap's --cost given without a costs table. */
export function uniformCosts(catalogue: Catalogue, cost: number): CostTable {
  return {
    perCommune: new Map(),
    perCriterion: new Map(catalogue.criteria.map((c) => [c.number, cost])),
  };
}

/**
 * The roadmap's cost per criterion for the years its pace rule projects, when a costs table is given and --cost is
 * not: the average cost of the criteria the communes still miss after the first year, else (communes known only by
 * a count) the average of the table's costs; null when the table gives no positive cost.
 */
export function averageTableCost(
  communes: CommuneStatus[],
  plan: TargetPlan | null,
  costs: CostTable
): { cost: number; basis: Bilingual } | null {
  let sum = 0;
  let count = 0;
  for (const c of plan?.communes ?? []) {
    const taken = new Set(c.targets);
    for (const criterion of c.missing) {
      if (taken.has(criterion)) continue;
      sum += criterionCost(communes[c.index], criterion, costs, DEFAULT_FREE_CRITERIA);
      count++;
    }
  }
  if (count > 0 && sum > 0) {
    return {
      cost: sum / count,
      basis: {
        vi: "bình quân các tiêu chí còn thiếu trong bảng chi phí",
        en: "the average of the missing criteria in the costs table",
      },
    };
  }
  const all = [
    ...costs.perCriterion.values(),
    ...[...costs.perCommune.values()].flatMap((m) => [...m.values()]),
  ];
  const total = all.reduce((a, v) => a + v, 0);
  if (all.length === 0 || total <= 0) return null;
  return {
    cost: total / all.length,
    basis: { vi: "bình quân các chi phí trong bảng chi phí", en: "the average of the costs table" },
  };
}

export interface FirstYearSettings {
  catalogue: Catalogue;
  budget: number;
  maxPerCommune?: number;
  year: number;
  method: TargetMethod;
  costs?: CostTable;
  timeLimit: number;
  solver?: MixedSolver;
}

/** The targets plan for the roadmap's first year, and that plan as the roadmap applies it (null: the pace rule). */
export async function planFirstYear(
  request: JobRequest,
  communes: CommuneStatus[],
  s: FirstYearSettings
): Promise<{ plan: TargetPlan; planned: PlannedYear | null }> {
  const plan = await planTargets(
    communes,
    {
      catalogue: s.catalogue,
      budget: s.budget,
      maxPerCommune: s.maxPerCommune,
      year: s.year,
      costs: s.costs,
      method: s.method,
      solver: s.solver,
    },
    { signal: request.signal, onProgress: request.onProgress, timeLimitSeconds: s.timeLimit }
  );
  // A commune known only by its count cannot be planned criterion by criterion: the pace rule projects all of them.
  if (plan.skipped.length > 0) return { plan, planned: null };
  const gained = communes.map(() => 0);
  for (const c of plan.communes) gained[c.index] = c.targets.length;
  return { plan, planned: { gained, cost: plan.cost } };
}

const money = (x: number) => Math.round(x * 1e6) / 1e6;

/** Compares the roadmap's first year with the targets plan and says why they differ, if they do. */
export function checkFirstYear(
  communes: CommuneStatus[],
  plan: TargetPlan,
  first: RoadmapYear,
  s: { basis: "targets" | "pace"; pace: number; criteriaCount: number; maxPerCommune?: number }
): FirstYearCheck {
  const targets: YearFigures = {
    newlyStandard: plan.newlyStandard,
    criteriaGained: plan.criteriaGained,
    cost: plan.cost,
  };
  const roadmap: YearFigures = {
    newlyStandard: first.newlyStandard.length,
    criteriaGained: first.gained,
    cost: money(first.cost),
  };
  const agrees =
    targets.newlyStandard === roadmap.newlyStandard &&
    targets.criteriaGained === roadmap.criteriaGained &&
    Math.abs(targets.cost - roadmap.cost) <= 1e-6 * Math.max(1, Math.abs(targets.cost));
  const reasons: Bilingual[] = [];
  if (!agrees) {
    if (s.basis === "pace") {
      const countOnly = plan.skipped.length;
      reasons.push({
        vi:
          `${countOnly} xã chỉ có số tiêu chí đạt (không có danh sách tiêu chí): chỉ tiêu năm tới bỏ qua các xã này, ` +
          `lộ trình tính mọi xã theo tốc độ ${formatVi(s.pace, 2)} tiêu chí/xã/năm`,
        en:
          `${countOnly} communes have only a count of criteria met (no list): the targets plan leaves them out, ` +
          `the roadmap projects every commune at ${s.pace} criteria per commune per year`,
      });
    }
    // A commune recognised at the standard but missing criteria: the targets plan may complete it ("newly
    // standard"), while the roadmap counts it at the standard already.
    const recognised = plan.communes
      .filter((c) => c.completes && isRecognised(communes[c.index], s.criteriaCount))
      .map((c) => c.name);
    if (recognised.length > 0) {
      reasons.push({
        vi: `Xã đã được công nhận đạt chuẩn nhưng còn thiếu tiêu chí (${recognised.join(", ")}): chỉ tiêu năm tới tính là đạt chuẩn mới, lộ trình tính là đã đạt chuẩn`,
        en: `Communes recognised at the standard but missing criteria (${recognised.join(", ")}): the targets plan counts them as newly standard, the roadmap as standard already`,
      });
    }
    if (reasons.length === 0) {
      // Not expected: every known cause is named above. Said rather than hidden (no figure silently different).
      reasons.push({
        vi: "Không xác định được nguyên nhân; hãy kiểm tra số liệu",
        en: "The cause could not be determined; please check the data",
      });
    }
  }
  return {
    year: first.year,
    basis: s.basis,
    method: plan.method,
    maxPerCommune: s.maxPerCommune ?? null,
    targets,
    roadmap,
    agrees,
    reasons,
  };
}

function isRecognised(c: CommuneStatus, n: number): boolean {
  return (c.tier === "standard" || c.tier === "advanced" || c.tier === "model") && c.count < n;
}

/** "5 xã đạt chuẩn mới, 16 tiêu chí tăng thêm, kinh phí 16 tiêu chí". */
function figuresVi(f: YearFigures, unit: BudgetUnit): string {
  return `${formatVi(f.newlyStandard)} xã đạt chuẩn mới, ${formatVi(f.criteriaGained)} tiêu chí tăng thêm, kinh phí ${formatVi(f.cost)} ${UNIT_WORDS[unit].vi}`;
}

function figuresEn(f: YearFigures, unit: BudgetUnit): string {
  return `${f.newlyStandard} newly standard, ${f.criteriaGained} criteria gained, cost ${f.cost} ${UNIT_WORDS[unit].en}`;
}

/** "tối ưu, tối đa 3 tiêu chí/xã" — the planner's settings, as the targets job states them. */
function settingsText(check: FirstYearCheck): Bilingual {
  const method = check.method === "optimal" ? "optimal" : "greedy";
  return check.maxPerCommune === null
    ? { vi: `${method}, không giới hạn tiêu chí/xã`, en: `${method}, no cap per commune` }
    : {
        vi: `${method}, tối đa ${check.maxPerCommune} tiêu chí/xã`,
        en: `${method}, at most ${check.maxPerCommune} criteria per commune`,
      };
}

/** The line the roadmap prints on its first year: the same as the targets plan, or why not, with both figures. */
export function firstYearText(check: FirstYearCheck, unit: BudgetUnit, pace: number): string {
  const how = settingsText(check);
  const later = `các năm sau theo tốc độ ${formatVi(pace, 2)} tiêu chí/xã/năm / later years at ${pace} criteria per commune per year`;
  if (check.agrees) {
    const basis =
      check.basis === "targets"
        ? `Năm ${check.year} theo kế hoạch chỉ tiêu năm tới (${how.vi}) / ${check.year} as the next-year targets plan (${how.en})`
        : `Năm ${check.year} theo tốc độ, trùng chỉ tiêu năm tới / ${check.year} by the pace, equal to the targets plan`;
    return `${basis}: ${figuresVi(check.roadmap, unit)} / ${figuresEn(check.roadmap, unit)}; ${later}`;
  }
  const why = check.reasons.map((r) => `${r.vi} / ${r.en}`).join("; ");
  return (
    `! Năm ${check.year} KHÁC chỉ tiêu năm tới / ${check.year} DIFFERS from the next-year targets plan: ` +
    `lộ trình / roadmap ${figuresVi(check.roadmap, unit)} (${figuresEn(check.roadmap, unit)}); ` +
    `chỉ tiêu / targets ${figuresVi(check.targets, unit)} (${figuresEn(check.targets, unit)}). ` +
    `Lý do / reason: ${why}`
  );
}

/** The difference as a warning (shown with the other warnings in the CLI and the task pane). */
export function firstYearWarning(check: FirstYearCheck, unit: BudgetUnit): Warning | null {
  if (check.agrees) return null;
  const vi = check.reasons.map((r) => r.vi).join("; ");
  const en = check.reasons.map((r) => r.en).join("; ");
  return {
    vi: `Lộ trình năm ${check.year} khác chỉ tiêu năm tới: lộ trình ${figuresVi(check.roadmap, unit)}; chỉ tiêu ${figuresVi(check.targets, unit)}. Lý do: ${vi}`,
    en: `The roadmap's ${check.year} differs from the next-year targets: roadmap ${figuresEn(check.roadmap, unit)}; targets ${figuresEn(check.targets, unit)}. Reason: ${en}`,
  };
}
