// What a plan's budget and costs are counted in, and the words every output (text, JSON, sheets, report) uses for it.

import type { Bilingual } from "../engine/errors";

/**
 * Money (million VND) when costs are money: a costs table, or a cost per criterion given by the user. Without them
 * each criterion (or indicator, 2026-2030) counts 1, so the budget is a number of criteria (indicators).
 */
export type BudgetUnit = "million-vnd" | "criteria" | "indicators";

export const UNIT_WORDS: Record<BudgetUnit, Bilingual> = {
  "million-vnd": { vi: "triệu đồng", en: "million VND" },
  criteria: { vi: "tiêu chí", en: "criteria" },
  indicators: { vi: "chỉ tiêu", en: "indicators" },
};

/** "Kinh phí (triệu đồng)" / "Kinh phí (tiêu chí)": a header or label with its unit. */
export function withUnit(label: string, unit: BudgetUnit, lang: "vi" | "en" = "vi"): string {
  return `${label} (${UNIT_WORDS[unit][lang]})`;
}

/** The unit line above a table of the plan's figures ("ĐVT: tiêu chí (criteria)"). */
export function unitLine(unit: BudgetUnit): string {
  return `ĐVT: ${UNIT_WORDS[unit].vi} (${UNIT_WORDS[unit].en})`;
}

/** What a plan without a budget says, in text, JSON, sheets and the task pane. */
export const NO_LIMIT_WORDS = "Không giới hạn / No limit";

/** The warning every plan without a budget carries (CLI, task pane, JSON). */
export const NO_LIMIT_WARNING = {
  vi: "Không có ngân sách (--budget): kế hoạch KHÔNG GIỚI HẠN kinh phí",
  en: "No budget given (--budget): the plan has NO LIMIT on spending",
};

/** The budget as the JSON and the summary tables state it: "16 tiêu chí / 16 criteria" or "Không giới hạn / No limit". */
export function budgetLimit(budget: number | null, unit: BudgetUnit): string {
  if (budget === null) return NO_LIMIT_WORDS;
  const u = UNIT_WORDS[unit];
  return `${budget.toLocaleString("vi-VN")} ${u.vi} / ${budget} ${u.en}`;
}

/** The first line of a plan's text: the budget with its unit, or NO LIMIT in capitals. */
export function budgetLine(budget: number | null, unit: BudgetUnit): string {
  const u = UNIT_WORDS[unit];
  return budget === null
    ? `Ngân sách / budget: ${NO_LIMIT_WORDS.toUpperCase()} (không có --budget / no --budget given)`
    : `Ngân sách / budget: ${budget.toLocaleString("vi-VN")} ${u.vi} / ${u.en}`;
}

/**
 * The 2026-2030 plan's unit: money with a costs table; without one every indicator costs the default cost, so a
 * default of 1 makes the budget a number of indicators.
 */
export function indicatorUnit(hasCostsTable: boolean, defaultCost: number | undefined): BudgetUnit {
  return !hasCostsTable && defaultCost === 1 ? "indicators" : "million-vnd";
}

/** Why a budget is not money, said once where the figures are read (report sentences); null for money. */
export function unitNote(unit: BudgetUnit): Bilingual | null {
  if (unit === "criteria") {
    return {
      vi: "không có bảng chi phí: kinh phí tính bằng số tiêu chí",
      en: "no costs table: the budget counts criteria",
    };
  }
  if (unit === "indicators") {
    return {
      vi: "không có bảng chi phí, mỗi chỉ tiêu tính 1: kinh phí tính bằng số chỉ tiêu",
      en: "no costs table, each indicator counts 1: the budget counts indicators",
    };
  }
  return null;
}

/** The unit line above a report table ("ĐVT: tiêu chí" / "Unit: criteria"). */
export function reportUnitLine(unit: BudgetUnit, lang: "vi" | "en"): string {
  return lang === "vi" ? `ĐVT: ${UNIT_WORDS[unit].vi}` : `Unit: ${UNIT_WORDS[unit].en}`;
}
