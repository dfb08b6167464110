// Result of the "targets" job at indicator level (2026-2030): appendix II with the indicators each commune aims to
// meet next year, one row per target indicator, and the summary (KQ_ChiTieu).

import type { SourceRef } from "../../engine/types";
import { formatVi } from "../../engine/numbers";
import type { IndicatorTargetPlan } from "../../engine/targets";
import { budgetLine, NO_LIMIT_WORDS, UNIT_WORDS, type BudgetUnit } from "../budget-unit";
import { FORMATS, moneyFormatFor, keyFigures, type OutputSheet } from "../output";
import { noLimitTitle, TARGETS_SHEET } from "./targets";

const codes = (list: { code: string }[]) => list.map((i) => i.code).join(", ");

function capText(plan: IndicatorTargetPlan): string {
  if (plan.cap === null) return "Không giới hạn (no cap)";
  return plan.cap.unit === "indicators"
    ? `${plan.cap.max} chỉ tiêu/xã/năm (indicators per commune per year)`
    : `${plan.cap.max} tiêu chí thực hiện/xã/năm (criteria worked on per commune per year)`;
}

export function indicatorTargetsSheet(
  plan: IndicatorTargetPlan,
  year: number | undefined,
  period: string,
  unit: BudgetUnit = "million-vnd",
  /** Each input commune's row (by its index in the input), what a row about it rests on. */
  communeSources: readonly (SourceRef | undefined)[] = []
): OutputSheet {
  const u = UNIT_WORDS[unit];
  // Money in the decimals the costs have (a cost of 12,5 stays 12,5); criteria and indicators are counts.
  const spent =
    unit === "million-vnd"
      ? moneyFormatFor([
          plan.budget,
          plan.cost,
          ...plan.communes.flatMap((c) => [c.cost, ...c.targets.map((t) => t.cost)]),
        ])
      : FORMATS.count;
  const planned = plan.communes.filter((c) => c.missing.length > 0);
  const rows = planned.map((c, i) => [
    i + 1,
    c.name,
    c.code ?? "",
    c.group ?? "",
    c.criteriaBefore,
    c.missing.length,
    codes(c.missing),
    c.targets.length,
    codes(c.targets),
    c.criteriaCompleted.join(", "),
    c.criteriaAfter,
    c.cost,
  ]);
  const details = planned.flatMap((c) =>
    c.targets.map((t) => [
      c.name,
      c.code ?? "",
      t.criterion,
      t.code,
      t.cost,
      c.criteriaCompleted.includes(t.criterion) ? "Có (yes)" : "Không (no)",
    ])
  );
  const yes = (b: boolean) => (b ? "Có (yes)" : "Không (no)");
  const summary = keyFigures([
    ["Giai đoạn (period)", period],
    ["Số xã đạt chuẩn mới (communes newly standard)", plan.newlyStandard, FORMATS.count],
    ["Số tiêu chí đạt thêm (criteria completed)", plan.criteriaGained, FORMATS.count],
    ["Số chỉ tiêu đạt thêm (indicators met)", plan.indicatorsGained, FORMATS.count],
    ["Bình quân tiêu chí/xã hiện nay (current average)", plan.currentAverage, FORMATS.average],
    ["Bình quân tiêu chí/xã dự kiến (projected average)", plan.projectedAverage, FORMATS.average],
    ["Giới hạn mỗi xã (cap)", capText(plan)],
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
        title: `Kế hoạch phấn đấu${until} theo chỉ tiêu (targets for next year, by indicator)${noLimitTitle(plan.budget)}`,
        columns: [
          { header: "TT", format: FORMATS.count },
          { header: "Tên xã" },
          { header: "Mã xã", format: FORMATS.text },
          { header: "Nhóm xã", format: FORMATS.count },
          { header: "Số tiêu chí đạt", format: FORMATS.count },
          { header: "Số chỉ tiêu chưa đạt", format: FORMATS.count },
          { header: "Chỉ tiêu chưa đạt", format: FORMATS.text },
          { header: "Số chỉ tiêu phấn đấu", format: FORMATS.count },
          { header: "Chỉ tiêu phấn đấu đạt", format: FORMATS.text },
          { header: "Tiêu chí đạt thêm", format: FORMATS.text },
          { header: "Lũy kế tiêu chí", format: FORMATS.count },
          { header: `Chi phí (${u.vi})`, format: spent },
        ],
        rows,
        sources: planned.map((c) => communeSources[c.index]),
      },
      {
        name: "NTM_ChiTieu_ChiTiet",
        title: "Chi tiết chỉ tiêu phấn đấu (target indicators)",
        columns: [
          { header: "Tên xã" },
          { header: "Mã xã", format: FORMATS.text },
          { header: "Tiêu chí", format: FORMATS.count },
          { header: "Chỉ tiêu", format: FORMATS.text },
          { header: `Chi phí (${u.vi})`, format: spent },
          { header: "Hoàn thành tiêu chí (completes the criterion)" },
        ],
        rows: details,
        sources: planned.flatMap((c) => c.targets.map(() => communeSources[c.index])),
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

export function indicatorTargetsText(
  plan: IndicatorTargetPlan,
  period: string,
  unit: BudgetUnit = "million-vnd"
): string {
  const u = UNIT_WORDS[unit];
  const lines = [
    budgetLine(plan.budget, unit),
    `Giai đoạn / period: ${period}`,
    `Phương pháp / method: ${plan.method}${plan.method === "optimal" ? (plan.optimal ? " (đã chứng minh tối ưu / proven optimal)" : ` (chưa chứng minh, gap ${plan.gap}) / not proven`) : ""}`,
    `Xã đạt chuẩn mới / newly standard: ${plan.newlyStandard}`,
    `Tiêu chí đạt thêm / criteria completed: ${plan.criteriaGained}`,
    `Chỉ tiêu đạt thêm / indicators met: ${plan.indicatorsGained}`,
    `Bình quân tiêu chí/xã / average: ${formatVi(plan.currentAverage, 2)} → ${formatVi(plan.projectedAverage, 2)}`,
    `Kinh phí / cost: ${formatVi(plan.cost)} ${u.vi}${plan.budget === null ? "" : ` / ${formatVi(plan.budget)} (còn lại / left ${formatVi(plan.budgetLeft ?? 0)})`}`,
    "",
  ];
  for (const c of plan.communes.filter((c) => c.missing.length > 0)) {
    const targets = c.targets.length > 0 ? codes(c.targets) : "-";
    lines.push(
      `  ${c.name}: ${c.criteriaBefore} + [${targets}] → ${c.criteriaAfter}${c.completes ? " ✓" : ""}`
    );
  }
  return lines.join("\n");
}
