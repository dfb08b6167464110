// The period targets check both roadmaps write beside their projection (KQ_LoTrinh): one table, one set of headers,
// whether the roadmap is projected per criterion (2021-2025) or per indicator (2026-2030).

import type { Bilingual } from "../../engine/errors";
import type { TargetCheck } from "../../engine/roadmap";
import { withUnit, type BudgetUnit } from "../budget-unit";
import { FORMATS, type OutputTable } from "../output";

/** The roadmap's check of the period targets (named for its content, never after the targets job's table). */
export const PERIOD_TARGETS_TABLE = "NTM_LoTrinh_MucTieu";

/**
 * The table's headers in Vietnamese, each a word of the header glossary (headers.ts), which gives the sheet its
 * English: "Mục tiêu (Goal)", "Dự kiến năm 2030 (Projected 2030)", "Kinh phí đến năm đạt, triệu đồng (Cost up to
 * that year, million VND)".
 */
export function periodTargetsHeaders(toYear: number, unit: BudgetUnit): string[] {
  return [
    "Chỉ tiêu",
    "Mục tiêu",
    `Dự kiến năm ${toYear}`,
    "Đánh giá",
    "Năm đạt",
    withUnit("Kinh phí đến năm đạt", unit),
    "Còn thiếu",
    withUnit("Kinh phí bổ sung ước tính", unit),
    "Năm đạt nếu giữ tốc độ",
    "Ghi chú",
  ];
}

/** A period target as either roadmap checks it; `note` says why one is not projected. */
export type PeriodTargetCheck = Omit<TargetCheck, "name"> & { name: string; note?: Bilingual };

function verdict(reachable: boolean | null): string {
  return reachable === null
    ? "Chưa dự kiến (not projected)"
    : reachable
      ? "Đạt (met)"
      : "Không đạt (not met)";
}

/**
 * The period targets table: a row per target with its goal, the projection at the end year, whether and when it is
 * met, at what cost, what is short and what closing it would cost. Targets are counts of communes, except the
 * average criteria per commune; money is in the roadmap's unit and format (`spent`).
 */
export function periodTargetsTable(
  targets: readonly PeriodTargetCheck[],
  toYear: number,
  money: { unit: BudgetUnit; spent: string },
  /** Where the targets come from (the period-targets sheet, the options, the national shares), for the title. */
  source?: Bilingual
): OutputTable {
  const byTarget = Object.fromEntries(
    targets.map((t, i) => [i, t.name === "averageCriteria" ? FORMATS.average : FORMATS.count])
  );
  const [name, goal, projected, assessment, year, cost, short, extra, atPace, note] =
    periodTargetsHeaders(toYear, money.unit);
  return {
    name: PERIOD_TARGETS_TABLE,
    title:
      `Khả năng đạt chỉ tiêu giai đoạn đến năm ${toYear}` +
      (source ? `: ${source.vi}` : "") +
      " / Period targets",
    columns: [
      { header: name },
      { header: goal, format: FORMATS.count, rowFormats: byTarget },
      { header: projected, format: FORMATS.count, rowFormats: byTarget },
      { header: assessment },
      { header: year, format: FORMATS.year },
      { header: cost, format: money.spent },
      { header: short, format: FORMATS.count, rowFormats: byTarget },
      { header: extra, format: money.spent },
      { header: atPace, format: FORMATS.year },
      { header: note },
    ],
    rows: targets.map((t) => [
      `${t.label.vi} (${t.label.en})`,
      t.target,
      t.projected,
      verdict(t.reachable),
      t.year,
      t.cost,
      t.shortfall,
      t.extraCost,
      t.yearAtThisPace,
      t.note ? `${t.note.vi} / ${t.note.en}` : "",
    ]),
  };
}
