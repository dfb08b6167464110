// Counterpart funding: local budget ÷ central budget per column, against a stated or bracketed minimum ratio.

import { maxOf } from "../arrays";
import { InputError } from "../errors";
import { parseNumberText } from "../numbers";
import { categoryFamily } from "./categories";
import type { SourceRef } from "../types";
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
  /** The note's cell, where the table was read from a sheet: what a warning about the note's text names. */
  noteCell?: SourceRef;
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

type BracketProblem = { index: number; vi: string; en: string };

/** Indexes of brackets, sorted by lower bound (then sheet order). */
function byLower(brackets: readonly CounterpartBracket[], indexes: number[]): number[] {
  return indexes.sort((a, b) => brackets[a].lower - brackets[b].lower || a - b);
}

/**
 * Overlapping pairs within one set of brackets, in O(n log n): swept by lower bound, each bracket is compared with the
 * one reaching furthest so far. A set with any overlap yields at least one pair, and every bracket that starts inside
 * an earlier one is named once.
 */
function overlapsWithin(
  brackets: readonly CounterpartBracket[],
  indexes: number[]
): [number, number][] {
  const pairs: [number, number][] = [];
  let reach = -1;
  for (const i of byLower(brackets, indexes)) {
    if (reach >= 0 && brackets[i].lower < brackets[reach].upper) pairs.push([i, reach]);
    if (reach < 0 || brackets[i].upper > brackets[reach].upper) reach = i;
  }
  return pairs;
}

/**
 * Problems of a bracket table (overlaps, reversed bounds, negative ratios) as messages, in row order; empty when
 * sound. Checked in O(n log n), never pair by pair: a table of 130,000 rows takes a moment, not minutes.
 */
export function bracketProblems(brackets: readonly CounterpartBracket[]): BracketProblem[] {
  const problems: (BracketProblem & { order: number })[] = [];
  const valid: number[] = [];
  brackets.forEach((b, i) => {
    if (!(b.lower < b.upper))
      problems.push({
        index: i,
        order: 0,
        vi: "cận dưới phải nhỏ hơn cận trên",
        en: "lower bound must be below the upper bound",
      });
    else valid.push(i);
    if (!(b.minRatio >= 0))
      problems.push({
        index: i,
        order: 1,
        vi: "tỷ lệ tối thiểu không âm",
        en: "minimum ratio must not be negative",
      });
  });
  // Rows of different periods may overlap; a row without a period applies to every period.
  const byPeriod = new Map<string, number[]>();
  const everyPeriod: number[] = [];
  for (const i of valid) {
    const period = brackets[i].period;
    if (!period) everyPeriod.push(i);
    else if (byPeriod.has(period)) byPeriod.get(period)!.push(i);
    else byPeriod.set(period, [i]);
  }
  const pairs = overlapsWithin(brackets, everyPeriod.slice());
  for (const rows of byPeriod.values()) {
    for (const pair of overlapsWithin(brackets, rows)) pairs.push(pair);
  }
  // A row of a period against the rows of every period: among those starting below its upper bound, the one
  // reaching furthest (prefix maxima over the rows sorted by lower bound, found by binary search).
  const general = byLower(brackets, everyPeriod.slice());
  const furthest: number[] = [];
  general.forEach((i, k) => {
    furthest.push(
      k > 0 && brackets[furthest[k - 1]].upper >= brackets[i].upper ? furthest[k - 1] : i
    );
  });
  for (const rows of byPeriod.values()) {
    for (const i of rows) {
      let lo = 0;
      let hi = general.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (brackets[general[mid]].lower < brackets[i].upper) lo = mid + 1;
        else hi = mid;
      }
      const j = lo > 0 ? furthest[lo - 1] : -1;
      if (j >= 0 && brackets[j].upper > brackets[i].lower) pairs.push([i, j]);
    }
  }
  for (const [a, b] of pairs) {
    const index = Math.max(a, b);
    const other = Math.min(a, b);
    problems.push({
      index,
      order: 2 + other,
      vi: `chồng lấn với dòng ${other + 1}`,
      en: `overlaps row ${other + 1}`,
    });
  }
  problems.sort((a, b) => a.index - b.index || a.order - b.order);
  return problems.map(({ index, vi, en }) => ({ index, vi, en }));
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
  /** True only when both budgets have figures, neither is negative, and local ≥ required × central. */
  compliant: boolean;
  /** Cells of a budget with no figure at all in the column (blank, "chưa có"): the column is not assessed. */
  missing?: string[];
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
): { amount: number; found: boolean; blank: boolean; cells: string[] } {
  let amount = 0;
  let found = false;
  let blank = true;
  const cells: string[] = [];
  table.lines.forEach((line) => {
    if (categoryFamily(line.category) !== family) return;
    const parent = line.parent === null ? null : table.lines[line.parent];
    if (parent && categoryFamily(parent.category) === family) return;
    found = true;
    const value = line.amounts[column];
    if (value !== null && value !== undefined) blank = false;
    const cell = line.cells?.[column] ?? line.source?.cell;
    if (cell) cells.push(cell);
    amount += value ?? 0;
  });
  return { amount, found, blank: found && blank, cells };
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
    const centralFamily = familyAmount(table, "central", c);
    const localFamily = familyAmount(table, "local", c);
    const central = centralFamily.amount;
    const local = localFamily.amount;
    for (const [family, amount, what] of [
      [centralFamily, central, { vi: "ngân sách trung ương", en: "central budget" }],
      [localFamily, local, { vi: "ngân sách địa phương", en: "local budget" }],
    ] as const) {
      // Reductions may take a source down, never below nothing: no ratio is read from a negative budget.
      if (amount < 0) {
        throw new InputError({
          sheet: table.sheet,
          cell: family.cells[0],
          found: String(amount),
          expected: {
            vi: `${what.vi} (cột ${column}), sau khi trừ các khoản giảm, không âm`,
            en: `the ${what.en} (column ${column}), net of reductions, to be zero or more`,
          },
        });
      }
    }
    // A column with no figure at all for one of the two budgets is not assessed, never called compliant.
    const missing = [
      ...(centralFamily.blank ? centralFamily.cells : []),
      ...(localFamily.blank && localFamily.found ? localFamily.cells : []),
    ];
    const ratio = central > 0 ? local / central : null;
    // A central figure so small that the ratio overflows (a stored 5e-324, a figure typed in the wrong unit): named
    // at its cell rather than leaving an infinite ratio to the result.
    if (ratio !== null && !Number.isFinite(ratio)) {
      throw new InputError({
        sheet: table.sheet,
        cell: centralFamily.cells[0],
        found: String(central),
        expected: {
          vi: `ngân sách trung ương (cột ${column}) là một số tiền thực (triệu đồng): số này quá nhỏ, tỷ lệ đối ứng ${local} ÷ ${central} vượt giới hạn của số`,
          en: `a real central budget amount (column ${column}, million VND): this one is so small that the counterpart ratio ${local} ÷ ${central} overflows`,
        },
      });
    }
    const shortfall = counterpartGap(central, local, required);
    return {
      column,
      central,
      local,
      ratio,
      required,
      shortfall,
      compliant: missing.length === 0 && local >= required * central - 1e-9,
      ...(missing.length > 0 ? { missing } : {}),
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
