// Finding and reading the inputs of the money jobs (funding table, source mapping, counterpart brackets): the named sheet, or the first sheet that looks
// like one; the user's source mapping sheet, when there is one, extends the default groups.

import { InputError } from "../../engine/errors";
import { DEFAULT_SOURCE_MAPPING } from "../../engine/funding/categories";
import type { CounterpartBracket } from "../../engine/funding/counterpart";
import type { BudgetTable, SourceMappingEntry } from "../../engine/funding/types";
import type { SourceRef } from "../../engine/types";
import type { WorkbookPort } from "../port";
import { findInputSheet } from "../reading/sheet-finder";
import { noSheetHoldsIn } from "../reading/input-grid";
import { BRACKET_SPECS, isBracketSheet, readBracketsTable } from "../readers/brackets";
import {
  budgetLayout,
  readBudget,
  REPORT_BUDGET_SPECS,
  TIDY_BUDGET_SPECS,
  type BudgetReading,
} from "../readers/budget";
import { isSourceMappingSheet, readSourceMappingTable } from "../readers/source-mapping";
import type { TableReading } from "../reading/types";
import type { InputRef } from "./job";

/** The mapping to use: rows of the named (or detected) mapping sheet first, then the defaults. */
export async function loadSourceMapping(
  workbook: WorkbookPort,
  sheet?: string
): Promise<{ entries: SourceMappingEntry[]; reading?: TableReading }> {
  const found = await findInputSheet(workbook, {
    named: sheet,
    accepts: isSourceMappingSheet,
    what: { vi: "bảng phân nhóm nguồn", en: "source mapping" },
  });
  if (!found) return { entries: DEFAULT_SOURCE_MAPPING };
  const read = readSourceMappingTable(found.grid);
  return { entries: [...read.entries, ...DEFAULT_SOURCE_MAPPING], reading: read.reading };
}

/** Reads the funding table of an input; without a sheet name, the first sheet in either funding layout. */
export async function loadBudget(
  input: InputRef | undefined,
  mappingSheet?: string
): Promise<BudgetReading & { readings: TableReading[] }> {
  if (!input) {
    throw new InputError({
      expected: {
        vi: 'một bảng nguồn vốn (đầu vào "budget")',
        en: 'a funding table (input "budget")',
      },
    });
  }
  const found = await findInputSheet(input.workbook, {
    named: input.sheet,
    accepts: (g) => budgetLayout(g) !== null,
    what: { vi: "bảng nguồn vốn", en: "funding table" },
  });
  if (!found) {
    // No sheet holds the table: each sheet looked at and what it lacks, rather than blame the first one.
    throw await noSheetHoldsIn(input.workbook, {
      what: { vi: "bảng nguồn vốn", en: "funding table" },
      needed: {
        vi: 'cột "Nội dung chỉ tiêu" và các cột số tiền, hoặc "Năm", "Nguồn vốn", "Số tiền"',
        en: '"Nội dung chỉ tiêu" and amount columns, or "Năm", "Nguồn vốn", "Số tiền"',
      },
      layouts: [REPORT_BUDGET_SPECS, TIDY_BUDGET_SPECS],
    });
  }
  const mapping = await loadSourceMapping(input.workbook, mappingSheet);
  const table = readBudget(found.grid, { mapping: mapping.entries });
  return { ...table, readings: [table.reading, ...(mapping.reading ? [mapping.reading] : [])] };
}

/** Reads a counterpart bracket table: the named sheet, or the first sheet with bracket headers. */
export async function loadBrackets(
  input: InputRef
): Promise<{ brackets: CounterpartBracket[]; reading: TableReading }> {
  const found = await findInputSheet(input.workbook, {
    named: input.sheet,
    accepts: isBracketSheet,
    what: { vi: "bảng tỷ lệ đối ứng", en: "counterpart brackets" },
  });
  if (!found) {
    // No sheet holds the table: each sheet looked at and what it lacks, rather than blame the first one.
    throw await noSheetHoldsIn(input.workbook, {
      what: { vi: "bảng tỷ lệ đối ứng", en: "counterpart bracket table" },
      needed: {
        vi: 'các cột "Cận dưới (%)", "Cận trên (%)", "Tỷ lệ đối ứng tối thiểu"',
        en: '"Cận dưới (%)" (lower), "Cận trên (%)" (upper), "Tỷ lệ đối ứng tối thiểu" (minimum ratio)',
      },
      layouts: [BRACKET_SPECS],
    });
  }
  return readBracketsTable(found.grid);
}

/**
 * The cell each amount column of a funding table was named in (its header cell), else where it starts (its first
 * line's amount, for a table pivoted from rows): what a result row or heading made of that column rests on (the
 * counterpart check's rows, the funding mix's headings, the report's paragraphs on each column).
 */
export function columnSources(table: BudgetTable): (SourceRef | undefined)[] {
  return table.columns.map((_, c) => {
    const cell =
      table.columnCells?.[c] ?? table.lines.find((l) => l.cells?.[c] !== undefined)?.cells?.[c];
    return cell !== undefined && table.sheet !== undefined
      ? { sheet: table.sheet, cell }
      : undefined;
  });
}
