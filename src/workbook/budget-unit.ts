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
