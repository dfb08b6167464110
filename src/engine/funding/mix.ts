// Funding mix per amount column: total, each line's amount and share, and the sums that should agree.

import { roundToTotal, shareUnit } from "./rounding";
import type { BudgetLine, BudgetTable, SourceCategory } from "./types";

export interface MixLine {
  label: string;
  category: SourceCategory;
  level: number;
  amount: number;
  /** Share of the column total as a fraction (0.0621 = 6.21%), unrounded. */
  share: number;
  /** The share rounded to the requested decimals of a percentage, adding up exactly (only with `decimals`). */
  roundedShare?: number;
}

/** A sum that should hold: a parent line against its sub-lines, or the total row against the top-level lines. */
export interface SumCheck {
  column: string;
  label: string;
  kind: "parent" | "total";
  stated: number;
  computed: number;
  /** stated − computed. */
  difference: number;
  ok: boolean;
  /** A1 address of the stated amount, when known. */
  cell?: string;
}

export interface ColumnMix {
  column: string;
  /** Sum of the top-level lines: the denominator of every share. */
  total: number;
  /** The total row as printed, or null when the table has none. */
  statedTotal: number | null;
  /** Every line except the total row, in table order. */
  lines: MixLine[];
  checks: SumCheck[];
}

export interface MixOptions {
  /** Round shares to this many decimals of a percentage so that they add to exactly 100%. */
  decimals?: number;
}

/**
 * Sums must agree to the unit: only floating-point noise is forgiven (a billionth of the amount, far below one
 * unit of any table), never a relative margin that lets a 1-3 million slip through on a large total.
 */
const NOISE = 1e-9;

export function childrenOf(table: BudgetTable, index: number | null): number[] {
  const found: number[] = [];
  table.lines.forEach((line, i) => {
    if (line.category !== "total" && line.parent === index && i !== index) found.push(i);
  });
  return found;
}

const amountIn = (line: BudgetLine, column: number): number => line.amounts[column] ?? 0;
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** Parent-versus-sub-lines and total-versus-top-level checks for one column, in table order. */
export function sumChecks(table: BudgetTable, column: number): SumCheck[] {
  const name = table.columns[column];
  const checks: SumCheck[] = [];
  const make = (line: BudgetLine, kind: SumCheck["kind"], parts: number[]): void => {
    const stated = line.amounts[column];
    if (stated === null || stated === undefined || line.derived) return;
    const computed = sum(parts.map((i) => amountIn(table.lines[i], column)));
    const difference = stated - computed;
    const ok = Math.abs(difference) <= NOISE * Math.max(1, Math.abs(stated), Math.abs(computed));
    checks.push({
      column: name,
      label: line.label,
      kind,
      stated,
      computed,
      difference,
      ok,
      cell: line.cells?.[column],
    });
  };
  table.lines.forEach((line, i) => {
    if (line.category === "total") make(line, "total", childrenOf(table, null));
    else {
      const parts = childrenOf(table, i);
      if (parts.length > 0) make(line, "parent", parts);
    }
  });
  return checks;
}

/** A value rounded to the unit, half away from zero. */
function roundHalf(value: number, unit: number): number {
  const units = Math.sign(value) * Math.round(Math.abs(value) / unit + 1e-9);
  return units === 0 ? 0 : Number((units * unit).toFixed(12));
}

/**
 * Shares rounded to the unit so that they add up to `goal`. Reductions (negative lines, "Thu hồi") have negative
 * shares: each is rounded on its own and the others are rounded by largest remainder to the goal less the rounded
 * reductions, so the shares shown still add up. When that cannot hold (the lines add up to less than nothing),
 * each share is rounded on its own.
 */
function roundSigned(shares: readonly number[], goal: number, unit: number): number[] {
  if (shares.every((v) => v >= 0) && goal >= 0) return roundToTotal(shares, goal, unit);
  const reductions = shares.map((v) => (v < 0 ? roundHalf(v, unit) : 0));
  const rest = goal - reductions.reduce((a, b) => a + b, 0);
  const positive = shares.filter((v) => v >= 0);
  if (rest < 0 || positive.length === 0 || positive.every((v) => v === 0)) {
    return shares.map((v) => roundHalf(v, unit));
  }
  const rounded = roundToTotal(positive, roundHalf(rest, unit), unit);
  let k = 0;
  return shares.map((v, i) => (v < 0 ? reductions[i] : rounded[k++]));
}

/** Shares of `children` rounded to add up to `target` (a rounded share), or to their own rounded sum. */
function roundChildren(
  table: BudgetTable,
  column: number,
  parent: number | null,
  target: number | null,
  total: number,
  unit: number,
  out: Map<number, number>
): void {
  const kids = childrenOf(table, parent);
  if (kids.length === 0) return;
  const shares = kids.map((i) => (total === 0 ? 0 : amountIn(table.lines[i], column) / total));
  const raw = sum(shares);
  const parentShare =
    parent === null ? 1 : total === 0 ? 0 : amountIn(table.lines[parent], column) / total;
  // Sub-lines that add up to their parent share its rounded value; otherwise they are rounded on their own.
  const consistent = target !== null && Math.abs(raw - parentShare) <= 1e-12;
  const goal = consistent ? target : roundHalf(raw, unit);
  const rounded = roundSigned(shares, total === 0 ? 0 : goal, unit);
  kids.forEach((i, k) => {
    out.set(i, rounded[k]);
    roundChildren(table, column, i, rounded[k], total, unit, out);
  });
}

/** The funding mix of every amount column of a table. */
export function fundingMix(table: BudgetTable, options: MixOptions = {}): ColumnMix[] {
  const top = childrenOf(table, null);
  const totalLine = table.lines.find((l) => l.category === "total");
  return table.columns.map((column, c) => {
    const total = sum(top.map((i) => amountIn(table.lines[i], c)));
    let rounded: Map<number, number> | null = null;
    if (options.decimals !== undefined) {
      rounded = new Map();
      roundChildren(table, c, null, 1, total, shareUnit(options.decimals), rounded);
    }
    const lines: MixLine[] = [];
    table.lines.forEach((line, i) => {
      if (line.category === "total") return;
      const amount = amountIn(line, c);
      const mixLine: MixLine = {
        label: line.label,
        category: line.category,
        level: line.level,
        amount,
        share: total === 0 ? 0 : amount / total,
      };
      if (rounded) mixLine.roundedShare = rounded.get(i) ?? 0;
      lines.push(mixLine);
    });
    return {
      column,
      total,
      statedTotal: totalLine ? (totalLine.amounts[c] ?? null) : null,
      lines,
      checks: sumChecks(table, c),
    };
  });
}
