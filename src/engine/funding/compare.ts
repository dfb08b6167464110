// Plan against actual (% achieved) and the change from one amount column to the next.

import { labelKey } from "../text";
import type { SourceRef } from "../types";
import type { BudgetTable, SourceCategory } from "./types";

export type ColumnKind = "plan" | "actual";

/** What a column header says: plan or actual, and the year ("Kế hoạch năm 2024" → plan, 2024). */
export function describeColumn(header: string): { kind: ColumnKind | null; year: number | null } {
  const key = ` ${labelKey(header).replace(/[^a-z0-9]+/g, " ")} `;
  const yearMatch = key.match(/ (19|20)\d\d /);
  const year = yearMatch ? Number(yearMatch[0].trim()) : null;
  let kind: ColumnKind | null = null;
  if (/ (ke hoach|kh|plan|planned|du toan|budgeted|target) /.test(key)) kind = "plan";
  else if (/ (thuc hien|th|ket qua|actual|result|uoc thuc hien|huy dong|giai ngan) /.test(key))
    kind = "actual";
  return { kind, year };
}

export interface ComparisonLine {
  label: string;
  category: SourceCategory;
  from: number | null;
  to: number | null;
  /** to − from. */
  difference: number | null;
  /** to ÷ from (for "achieved": the share of the plan carried out); null when from is 0 or blank, or the quotient overflows. */
  ratio: number | null;
  /** The amount cell the difference and ratio rest on (the base, "from"), where the table was read from a sheet. */
  source?: SourceRef;
}

export interface ColumnComparison {
  /** "achieved": actual against the plan of the same year; "change": a column against the one before it. */
  kind: "achieved" | "change";
  from: string;
  to: string;
  lines: ComparisonLine[];
}

function compareColumns(
  table: BudgetTable,
  from: number,
  to: number,
  kind: ColumnComparison["kind"]
): ColumnComparison {
  return {
    kind,
    from: table.columns[from],
    to: table.columns[to],
    lines: table.lines.map((line) => {
      const a = line.amounts[from] ?? null;
      const b = line.amounts[to] ?? null;
      // A base so small that the quotient overflows (a stored 5e-324) has no ratio, as a base of 0 has none.
      const quotient = a === null || b === null || a === 0 ? null : b / a;
      const cell = line.cells?.[from];
      return {
        ...(table.sheet !== undefined && cell !== undefined
          ? { source: { sheet: table.sheet, cell } }
          : {}),
        label: line.label,
        category: line.category,
        from: a,
        to: b,
        difference: a === null || b === null ? null : b - a,
        ratio: quotient !== null && Number.isFinite(quotient) ? quotient : null,
      };
    }),
  };
}

/** For each year with a plan and an actual column, % achieved; then the change between neighbouring columns. */
export function compareFundingColumns(table: BudgetTable): ColumnComparison[] {
  const described = table.columns.map(describeColumn);
  const result: ColumnComparison[] = [];
  described.forEach((d, planCol) => {
    if (d.kind !== "plan" || d.year === null) return;
    const actualCol = described.findIndex((x) => x.kind === "actual" && x.year === d.year);
    if (actualCol >= 0) result.push(compareColumns(table, planCol, actualCol, "achieved"));
  });
  for (let c = 1; c < table.columns.length; c++)
    result.push(compareColumns(table, c - 1, c, "change"));
  return result;
}
