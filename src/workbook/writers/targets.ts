// Result of the "targets" job: appendix II (criteria to reach next year per commune) and its summary (KQ_ChiTieu).

import { formatVi } from "../../engine/numbers";
import type { TargetPlan } from "../../engine/targets";
import type { SourceRef } from "../../engine/types";
import { budgetLine, NO_LIMIT_WORDS, UNIT_WORDS, type BudgetUnit } from "../budget-unit";
import { FORMATS, moneyFormatFor, keyFigures, type OutputSheet } from "../output";

export const TARGETS_SHEET = "KQ_ChiTieu";

const list = (numbers: number[]) => numbers.join(",");

export type { BudgetUnit } from "../budget-unit";
export { NO_LIMIT_WORDS } from "../budget-unit";

export function targetsSheet(
  plan: TargetPlan,
  year: number | undefined,
  unit: BudgetUnit = "million-vnd",
  /** The name cell of the commune at an index of the plan's input, where it was read from a sheet. */
  sourceOf?: (index: number) => SourceRef | undefined
): OutputSheet {
  const u = UNIT_WORDS[unit];
  const planned = plan.communes.filter((c) => c.missing.length > 0);
  const rows = planned.map((c, i) => [
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
  // Money in the decimals the costs have (a cost of 12,5 stays 12,5); criteria and indicators are counts.
  const spent =
    unit === "million-vnd"
      ? moneyFormatFor([plan.budget, plan.cost, ...plan.communes.map((c) => c.cost)])
      : FORMATS.count;
  const summary = keyFigures([
    ["Số xã đạt chuẩn mới (communes newly standard)", plan.newlyStandard, FORMATS.count],
    ["Số tiêu chí tăng thêm (criteria gained)", plan.criteriaGained, FORMATS.count],
    ["Bình quân tiêu chí/xã hiện nay (current average)", plan.currentAverage, FORMATS.average],
    ["Bình quân tiêu chí/xã dự kiến (projected average)", plan.projectedAverage, FORMATS.average],
    [`Ngân sách, ${u.vi} (budget, ${u.en})`, plan.budget ?? NO_LIMIT_WORDS, spent],
    [`Kinh phí sử dụng, ${u.vi} (budget used, ${u.en})`, plan.cost, spent],
    [`Kinh phí còn lại, ${u.vi} (budget left, ${u.en})`, plan.budgetLeft ?? "-", spent],
    ["Phương pháp (method)", plan.method === "optimal" ? "Tối ưu (optimal)" : "Tham lam (greedy)"],
    ["Đã chứng minh tối ưu (proven optimal)", yes(plan.optimal)],
    ["Khoảng cách tối ưu (gap)", plan.gap === null ? "-" : plan.gap, FORMATS.share],
  ]);
  const until = year === undefined ? "" : ` đến cuối năm ${year}`;
  return {
    sheet: TARGETS_SHEET,
    tables: [
      {
        name: "NTM_ChiTieu",
        ...(sourceOf ? { sources: planned.map((c) => sourceOf(c.index)) } : {}),
        title: `Kế hoạch phấn đấu${until} (targets for next year)${noLimitTitle(plan.budget)}`,
        columns: [
          { header: "TT", format: FORMATS.count },
          { header: "Tên xã" },
          { header: "Huyện" },
          { header: "Số tiêu chí đạt", format: FORMATS.count },
          { header: "Tên tiêu chí đạt", format: FORMATS.text },
          { header: "Số TC phấn đấu", format: FORMATS.count },
          { header: "Tiêu chí phấn đấu đạt", format: FORMATS.text },
          { header: "Lũy kế", format: FORMATS.count },
          { header: `Chi phí (${u.vi})`, format: spent },
        ],
        rows,
      },
      {
        name: "NTM_ChiTieu_TongHop",
        title: "Tổng hợp (summary)",
        columns: [
          { header: "Chỉ tiêu (indicator)" },
          { header: "Giá trị (value)", rowFormats: summary.formats },
        ],
        rows: summary.rows,
      },
    ],
  };
}

/** A plan without a budget says so in its table's title, not only in the summary below it. */
export function noLimitTitle(budget: number | null): string {
  return budget === null ? " — NGÂN SÁCH KHÔNG GIỚI HẠN / NO BUDGET LIMIT" : "";
}

export function targetsText(plan: TargetPlan, unit: BudgetUnit = "million-vnd"): string {
  const u = UNIT_WORDS[unit];
  const lines = [
    budgetLine(plan.budget, unit),
    `Phương pháp / method: ${plan.method}${plan.method === "optimal" ? (plan.optimal ? " (đã chứng minh tối ưu / proven optimal)" : ` (chưa chứng minh, gap ${plan.gap}) / not proven`) : ""}`,
    `Xã đạt chuẩn mới / newly standard: ${plan.newlyStandard}`,
    `Tiêu chí tăng thêm / criteria gained: ${plan.criteriaGained}`,
    `Bình quân tiêu chí/xã / average: ${formatVi(plan.currentAverage, 2)} → ${formatVi(plan.projectedAverage, 2)}`,
    `Kinh phí / cost: ${formatVi(plan.cost)} ${u.vi}${plan.budget === null ? "" : ` / ${formatVi(plan.budget)} (còn lại / left ${formatVi(plan.budgetLeft ?? 0)})`}`,
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
