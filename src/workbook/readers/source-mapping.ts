// Reads a user's source mapping sheet (Từ khóa | Nhóm nguồn) that extends the default label → group mapping.

import { InputError } from "../../engine/errors";
import { parseSourceCategory, SOURCE_CATEGORIES } from "../../engine/funding/categories";
import type { SourceMappingEntry } from "../../engine/funding/types";
import type { Grid } from "../grid";
import { gridAddress } from "../grid";
import {
  cellAt,
  locateTable,
  noteColumns,
  textCell,
  tryLocateTable,
  type ColumnSpec,
} from "./table";
import { skipRow, tableReading } from "../reading/record";
import type { TableReading } from "../reading/types";

export const SOURCE_MAPPING_SPECS: ColumnSpec[] = [
  { key: "keywords", aliases: ["Từ khóa", "Từ khoá", "Keywords", "Keyword"], required: true },
  { key: "category", aliases: ["Nhóm nguồn", "Nhóm", "Category", "Source group"], required: true },
];

const WHAT = { vi: "bảng phân nhóm nguồn vốn", en: "source mapping table" };

/** True when a sheet looks like a mapping sheet. */
export function isSourceMappingSheet(grid: Grid): boolean {
  return tryLocateTable(grid, SOURCE_MAPPING_SPECS) !== null;
}

/**
 * Mapping rows in sheet order. "trung ương + đầu tư" means both words must occur; the group is a canonical id
 * ("central") or its Vietnamese or English name ("Ngân sách trung ương").
 */
export function readSourceMapping(grid: Grid): SourceMappingEntry[] {
  return readSourceMappingTable(grid).entries;
}

/** The mapping rows and what was read (see readSourceMapping). */
export function readSourceMappingTable(grid: Grid): {
  entries: SourceMappingEntry[];
  reading: TableReading;
} {
  const table = locateTable(grid, SOURCE_MAPPING_SPECS, WHAT);
  const entries: SourceMappingEntry[] = [];
  for (const r of table.dataRows) {
    const keywordCol = table.columns.keywords;
    const categoryCol = table.columns.category;
    const text = textCell(grid, r, keywordCol, { vi: "từ khóa", en: "keywords" });
    const group = textCell(grid, r, categoryCol, { vi: "nhóm nguồn", en: "source group" });
    if (text === null && group === null) {
      skipRow(table, r, "note", { vi: "không có từ khóa và nhóm", en: "no keywords and no group" });
      continue;
    }
    if (text === null || group === null) {
      const col = text === null ? keywordCol : categoryCol;
      throw new InputError({
        sheet: grid.sheet,
        cell: gridAddress(grid, r, col),
        found: String(cellAt(table, r, text === null ? "category" : "keywords") ?? ""),
        expected: {
          vi: "cả từ khóa và nhóm nguồn trên mỗi dòng",
          en: "both keywords and a source group on each row",
        },
      });
    }
    const category = parseSourceCategory(group);
    if (!category) {
      throw new InputError({
        sheet: grid.sheet,
        cell: gridAddress(grid, r, categoryCol),
        found: group,
        expected: {
          vi: `nhóm nguồn là một trong: ${SOURCE_CATEGORIES.join(", ")} (hoặc tên tiếng Việt)`,
          en: `a source group, one of: ${SOURCE_CATEGORIES.join(", ")} (or its Vietnamese name)`,
        },
      });
    }
    const keywords = text
      .split("+")
      .map((k) => k.trim())
      .filter((k) => k !== "");
    entries.push({ keywords, category });
  }
  noteColumns(table, { keywords: "label", category: "group" });
  return { entries, reading: tableReading(table, "source-mapping", WHAT, { role: "line" }) };
}
