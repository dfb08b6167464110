// Reads criteria catalogues from a sheet (Giai đoạn | Số TT | Tên tiêu chí | Tên tiếng Anh | Nhóm), one or more periods.

import { InputError } from "../../engine/errors";
import type { Catalogue, Criterion } from "../../engine/types";
import type { Grid } from "../grid";
import {
  addressAt,
  locateTable,
  noteColumns,
  numberCell,
  textCell,
  tryLocateTable,
  type ColumnSpec,
} from "./table";

import { tableReading } from "../reading/record";
import type { TableReading } from "../reading/types";

export const CATALOGUE_COLUMNS: ColumnSpec[] = [
  { key: "period", aliases: ["Giai đoạn", "Bộ tiêu chí", "Period", "Catalogue"], required: true },
  {
    key: "number",
    aliases: ["Số TT", "STT", "Số tiêu chí", "TT", "Number", "No"],
    required: true,
    prefix: false,
  },
  { key: "vi", aliases: ["Tên tiêu chí", "Tiêu chí", "Criterion (vi)", "Name"], required: true },
  { key: "en", aliases: ["Tên tiếng Anh", "English", "Criterion (en)", "English name"] },
  { key: "group", aliases: ["Nhóm", "Group"] },
];

const WHAT = { vi: "bộ tiêu chí", en: "criteria catalogue" };

/** Same spelling as findCatalogue expects: "2026 – 2030" → "2026-2030". */
function periodId(text: string): string {
  return text.trim().replace(/\s*[–—-]\s*/, "-");
}

export function looksLikeCatalogue(grid: Grid): boolean {
  return tryLocateTable(grid, CATALOGUE_COLUMNS) !== null;
}

/**
 * The catalogues on a sheet, one per period, criteria by number. A blank period continues the one above
 * (merged cells); numbers must be whole, positive and unique within a period.
 */
export function readCatalogues(grid: Grid): Catalogue[] {
  return readCataloguesTable(grid).catalogues;
}

/** The catalogues and what was read (see readCatalogues). */
export function readCataloguesTable(grid: Grid): {
  catalogues: Catalogue[];
  reading: TableReading;
} {
  const table = locateTable(grid, CATALOGUE_COLUMNS, WHAT);
  const byPeriod = new Map<string, { criteria: Criterion[]; cells: Map<number, string> }>();
  let period: string | null = null;
  for (const r of table.dataRows) {
    const periodText = textCell(grid, r, table.columns.period, { vi: "giai đoạn", en: "period" });
    if (periodText) period = periodId(periodText);
    if (!period) {
      throw new InputError({
        sheet: grid.sheet,
        cell: addressAt(table, r, "period"),
        expected: {
          vi: "giai đoạn của bộ tiêu chí, như 2026-2030",
          en: "the catalogue's period, such as 2026-2030",
        },
      });
    }
    const number = numberCell(grid, r, table.columns.number, {
      integer: true,
      min: 1,
      what: { vi: "số thứ tự tiêu chí", en: "criterion number" },
    });
    const vi = textCell(grid, r, table.columns.vi, { vi: "tên tiêu chí", en: "criterion name" });
    if (number === null || !vi) {
      const key = number === null ? "number" : "vi";
      throw new InputError({
        sheet: grid.sheet,
        cell: addressAt(table, r, key),
        expected:
          key === "number"
            ? {
                vi: "số thứ tự tiêu chí (số nguyên ≥ 1)",
                en: "the criterion number (a whole number ≥ 1)",
              }
            : { vi: "tên tiêu chí", en: "the criterion's name" },
      });
    }
    const en =
      table.columns.en === undefined
        ? null
        : textCell(grid, r, table.columns.en, { vi: "tên tiếng Anh", en: "English name" });
    const group =
      table.columns.group === undefined
        ? null
        : textCell(grid, r, table.columns.group, { vi: "nhóm", en: "group" });
    const entry = byPeriod.get(period) ?? { criteria: [], cells: new Map<number, string>() };
    byPeriod.set(period, entry);
    const cell = addressAt(table, r, "number");
    const earlier = entry.cells.get(number);
    if (earlier) {
      throw new InputError({
        sheet: grid.sheet,
        cell,
        found: String(number),
        expected: {
          vi: `số tiêu chí chưa dùng trong giai đoạn ${period} (đã có ở ô ${earlier})`,
          en: `a criterion number not yet used in period ${period} (already in cell ${earlier})`,
        },
      });
    }
    entry.cells.set(number, cell);
    entry.criteria.push({ number, vi, en: en ?? vi, group: group ?? "" });
  }
  if (byPeriod.size === 0) {
    throw new InputError({
      sheet: grid.sheet,
      cell: addressAt(table, table.headerRow, "period"),
      expected: {
        vi: "ít nhất một tiêu chí dưới dòng tiêu đề",
        en: "at least one criterion below the header row",
      },
    });
  }
  noteColumns(table, {
    period: "label",
    number: "marks",
    vi: "label",
    en: "label",
    group: "group",
  });
  const catalogues = [...byPeriod.entries()].map(([id, { criteria }]) => ({
    id,
    label: `Bộ tiêu chí ${id}`,
    criteria: [...criteria].sort((a, b) => a.number - b.number),
  }));
  return { catalogues, reading: tableReading(table, "catalogue", WHAT, { role: "line" }) };
}
