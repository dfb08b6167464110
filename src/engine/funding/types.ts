// Budget lines by funding source, as read from a report table or a tidy table, ready for the funding checks.

import type { SourceRef, Warning } from "../types";

/**
 * Canonical funding-source groups. Sub-groups carry the parent's name as a prefix (central-investment under
 * central) so that a family can be recognised by its prefix.
 */
export type SourceCategory =
  | "total"
  | "state-budget"
  | "central"
  | "central-investment"
  | "central-recurrent"
  | "local"
  | "local-province"
  | "local-district"
  | "local-commune"
  | "integrated"
  | "credit"
  | "enterprises"
  | "people"
  | "people-cash"
  | "people-labour"
  | "other";

/** One line of a funding table: a source, a sub-line of a source, or the total row. */
export interface BudgetLine {
  label: string;
  category: SourceCategory;
  /** 0 for the total row, 1 for top-level sources, 2 for their sub-lines, and so on. */
  level: number;
  /** Index in BudgetTable.lines of the parent line; null for top-level lines and the total. */
  parent: number | null;
  /** One amount per column (million VND); null where the cell is blank. */
  amounts: (number | null)[];
  /** A1 addresses of the amount cells, per column, so findings can point at them. */
  cells?: (string | undefined)[];
  /** True when the line was not in the input but built as the sum of its sub-lines (tidy tables). */
  derived?: boolean;
  source?: SourceRef;
}

export interface BudgetTable {
  /** Sheet the table came from, for messages. */
  sheet?: string;
  /** Amount columns, e.g. "Kết quả huy động năm 2023", "Kế hoạch 2024". */
  columns: string[];
  /** The header cell (A1) each column's name was read from, when read from a sheet's header. */
  columnCells?: string[];
  lines: BudgetLine[];
  /** The money unit the sheet states ("tỷ đồng"); million VND when absent. Amounts stay in this unit. */
  unit?: { vi: string; en: string };
  /** Findings of the reader (a second total that disagrees, rows after the table's end), named by cell. */
  notes?: Warning[];
}

/** One entry of the label → group mapping: every keyword must occur in the label (diacritics ignored). */
export interface SourceMappingEntry {
  keywords: string[];
  category: SourceCategory;
}
