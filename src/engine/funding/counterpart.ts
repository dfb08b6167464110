// Counterpart funding: local budget ÷ central budget per column, against a stated or bracketed minimum ratio.

import { maxOf } from "../arrays";
import { InputError } from "../errors";
import { parseNumberText } from "../numbers";
import { categoryFamily } from "./categories";
import type { BudgetTable, SourceCategory } from "./types";

/** One row of the policy table: provinces whose share of central balancing support lies in [lower, upper). */
export interface CounterpartBracket {
  /** Lower bound of the support share, in percent (inclusive). */
  lower: number;
  /** Upper bound in percent (exclusive, except for the last bracket, which includes it). */
  upper: number;
  /** Minimum local ÷ central ratio, e.g. 1 for 1:1. */
  minRatio: number;
  note?: string;
  /** Programme period the row belongs to ("2021-2025", "2026-2030"); rows without one apply to every period. */
  period?: string;
}

const EXAMPLE_NOTE =
  "Ví dụ — kiểm tra theo quyết định hiện hành / example — check against the decision in force";

/**
 * An example policy table (the more a province depends on central balancing support, the lower its minimum).
 * These values are illustrative only: check them against the allocation decision in force for the period.
 */
export const DEFAULT_COUNTERPART_BRACKETS: CounterpartBracket[] = [
  { lower: 0, upper: 30, minRatio: 2, note: EXAMPLE_NOTE },
  { lower: 30, upper: 60, minRatio: 1.5, note: EXAMPLE_NOTE },
  { lower: 60, upper: 100, minRatio: 1, note: EXAMPLE_NOTE },
];

/** A support share in percent: 65 stays 65; a fraction such as 0.65 (a cell formatted 65%) becomes 65. */
export function supportSharePercent(value: number): number {
  return Math.abs(value) <= 1 ? value * 100 : value;
}

/** Problems of a bracket table (overlaps, reversed bounds, negative ratios) as messages; empty when sound. */
export function bracketProblems(
  brackets: readonly CounterpartBracket[]
): { index: number; vi: string; en: string }[] {
  const problems: { index: number; vi: string; en: string }[] = [];
  brackets.forEach((b, i) => {
    if (!(b.lower < b.upper))
      problems.push({
        index: i,
        vi: "cận dưới phải nhỏ hơn cận trên",
        en: "lower bound must be below the upper bound",
      });
    if (!(b.minRatio >= 0))
      problems.push({
        index: i,
        vi: "tỷ lệ tối thiểu không âm",
        en: "minimum ratio must not be negative",
      });
    brackets.forEach((o, j) => {
      // Rows of different periods may overlap; a row without a period applies to every period.
      const samePeriod = !b.period || !o.period || b.period === o.period;
      if (
        j < i &&
        samePeriod &&
        b.lower < b.upper &&
        o.lower < o.upper &&
        b.lower < o.upper &&
        o.lower < b.upper
      ) {
        problems.push({ index: i, vi: `chồng lấn với dòng ${j + 1}`, en: `overlaps row ${j + 1}` });
      }
    });
  });
  return problems;
}

/** The bracket for a province's share of central balancing support (percent, or a fraction ≤ 1). */
export function findBracket(
  supportShare: number,
  brackets: readonly CounterpartBracket[]
): CounterpartBracket {
  const p = supportSharePercent(supportShare);
  const top = maxOf(brackets.map((b) => b.upper));
  const hit = brackets.find(
    (b) => (p >= b.lower && p < b.upper) || (p === b.upper && b.upper === top)
  );
  if (!hit) {
    throw new InputError({
      found: `${p}%`,
      expected: {
        vi: `tỷ lệ hỗ trợ cân đối từ NSTW nằm trong một khoảng của bảng tỷ lệ đối ứng (${brackets.map((b) => `${b.lower}-${b.upper}%`).join(", ")})`,
        en: `a central balancing-support share inside one bracket of the counterpart table (${brackets.map((b) => `${b.lower}-${b.upper}%`).join(", ")})`,
      },
    });
  }
  return hit;
}

/** The minimum counterpart ratio for a support share, looked up in a bracket table. */
export function minimumRatio(
  supportShare: number,
  brackets: readonly CounterpartBracket[] = DEFAULT_COUNTERPART_BRACKETS
): number {
  return findBracket(supportShare, brackets).minRatio;
}

export interface CounterpartColumn {
  column: string;
  central: number;
  local: number;
  /** local ÷ central; null when there is no central budget in the column. */
  ratio: number | null;
  required: number;
  /** max(0, required × central − local), million VND. */
  shortfall: number;
  compliant: boolean;
}

/** Shortfall of local money against required × central; never negative. */
export function counterpartGap(central: number, local: number, required = 1): number {
  return Math.max(0, required * central - local);
}

/**
 * Amount of a family in one column: the outermost lines of that family, so a parent and its sub-lines are not
 * counted twice, and sub-lines count when the parent line is missing.
 */
function familyAmount(
  table: BudgetTable,
  family: SourceCategory,
  column: number
): { amount: number; found: boolean } {
  let amount = 0;
  let found = false;
  table.lines.forEach((line) => {
    if (categoryFamily(line.category) !== family) return;
    const parent = line.parent === null ? null : table.lines[line.parent];
    if (parent && categoryFamily(parent.category) === family) return;
    found = true;
    amount += line.amounts[column] ?? 0;
  });
  return { amount, found };
}

/**
 * Counterpart check per amount column: central = central-budget lines; local = province, district and commune
 * budget lines only (not integrated programmes, credit, enterprises or people).
 */
export function counterpartCheck(table: BudgetTable, required: number): CounterpartColumn[] {
  if (!(required >= 0) || !Number.isFinite(required)) {
    throw new InputError({
      found: String(required),
      expected: {
        vi: "tỷ lệ đối ứng tối thiểu là một số không âm",
        en: "the minimum counterpart ratio to be a non-negative number",
      },
    });
  }
  const probe = familyAmount(table, "central", 0);
  if (!probe.found) {
    // The line is missing, so point at the table's first line: where the user will add it.
    const first = table.lines.find((l) => l.source)?.source;
    throw new InputError({
      sheet: table.sheet,
      cell: first?.cell ?? table.lines[0]?.cells?.find((c) => c !== undefined),
      expected: {
        vi: 'một dòng ngân sách trung ương ("Ngân sách trung ương") trong bảng nguồn vốn',
        en: 'a central budget line ("Ngân sách trung ương" / central budget) in the funding table',
      },
    });
  }
  return table.columns.map((column, c) => {
    const central = familyAmount(table, "central", c).amount;
    const local = familyAmount(table, "local", c).amount;
    const shortfall = counterpartGap(central, local, required);
    return {
      column,
      central,
      local,
      ratio: central === 0 ? null : local / central,
      required,
      shortfall,
      compliant: local >= required * central - 1e-9,
    };
  });
}

/** A number from a cell-like value: numbers as they are, text in Vietnamese or English format; else null. */
function loose(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return parseNumberText(value)?.value ?? null;
  return null;
}

/**
 * Brackets from a plain range (lower %, upper %, minimum ratio, optional note), e.g. a custom function's
 * argument. A first row without a number in its first cell is a header and skipped; blank rows are skipped;
 * ratios may be written "1:1"; bounds all ≤ 1 are fractions and become percent.
 */
export function bracketsFromRows(rows: readonly (readonly unknown[])[]): CounterpartBracket[] {
  const blank = (v: unknown) =>
    v === null || v === undefined || (typeof v === "string" && v.trim() === "");
  const brackets: CounterpartBracket[] = [];
  rows.forEach((row, i) => {
    if (row.every(blank)) return;
    if (i === 0 && loose(row[0]) === null && !blank(row[0])) return;
    const ratioText = typeof row[2] === "string" && row[2].includes(":") ? row[2].split(":") : null;
    const ratio = ratioText
      ? (() => {
          const [a, b] = ratioText.map((t) => loose(t.trim()));
          return a !== null && b !== null && b > 0 ? a / b : null;
        })()
      : loose(row[2]);
    const lower = loose(row[0]);
    const upper = loose(row[1]);
    if (lower === null || upper === null || ratio === null) {
      throw new InputError({
        found: row
          .slice(0, 3)
          .map((v) => String(v ?? ""))
          .join(" | "),
        expected: {
          vi: `dòng ${i + 1} của bảng tỷ lệ: cận dưới (%), cận trên (%), tỷ lệ tối thiểu`,
          en: `row ${i + 1} of the brackets: lower %, upper %, minimum ratio`,
        },
      });
    }
    const note = typeof row[3] === "string" && row[3].trim() !== "" ? row[3].trim() : undefined;
    brackets.push({ lower, upper, minRatio: ratio, ...(note ? { note } : {}) });
  });
  if (brackets.length === 0) {
    throw new InputError({
      expected: { vi: "bảng tỷ lệ đối ứng có ít nhất một dòng", en: "at least one bracket row" },
    });
  }
  if (brackets.every((b) => b.upper <= 1)) {
    for (const b of brackets) {
      b.lower *= 100;
      b.upper *= 100;
    }
  }
  const problem = bracketProblems(brackets)[0];
  if (problem) {
    throw new InputError({
      found: `${brackets[problem.index].lower}-${brackets[problem.index].upper}`,
      expected: { vi: `khoảng hợp lệ: ${problem.vi}`, en: `a valid bracket: ${problem.en}` },
    });
  }
  return brackets;
}
