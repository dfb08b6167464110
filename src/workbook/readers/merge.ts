// Reads the merger mapping (old commune → new commune) and a table of money by commune (one amount per column).

import { InputError, type Bilingual } from "../../engine/errors";
import type { CommuneMoney, MergeEntry } from "../../engine/merge";
import { labelKey } from "../../engine/text";
import { gridAddress, type Grid } from "../grid";
import {
  legacyTextError,
  locateTable,
  noteColumns,
  numberCell,
  textCell,
  tryLocateTable,
  unitReading,
  type ColumnSpec,
} from "./table";
import { noteColumn, skipRow, tableReading } from "../reading/record";
import { noSheetHolds } from "./no-sheet";
import type { TableReading } from "../reading/types";

export const MERGE_COLUMNS: ColumnSpec[] = [
  {
    key: "oldName",
    aliases: ["Xã cũ", "Tên xã cũ", "Xã trước sáp nhập", "Old commune"],
    required: true,
  },
  { key: "oldCode", aliases: ["Mã xã cũ", "Old code", "Old commune code"] },
  { key: "oldDistrict", aliases: ["Huyện cũ", "Huyện", "Old district", "District"] },
  {
    key: "newName",
    aliases: ["Xã mới", "Tên xã mới", "Xã sau sáp nhập", "New commune"],
    required: true,
  },
  { key: "newCode", aliases: ["Mã xã mới", "New code", "New commune code"] },
  { key: "date", aliases: ["Ngày hiệu lực", "Ngày sáp nhập", "Ngày", "Date", "Effective date"] },
];

const WHAT: Bilingual = {
  vi: "bảng sáp nhập xã (xã cũ → xã mới)",
  en: "merger mapping (old commune → new commune)",
};

export function looksLikeMergeMap(grid: Grid): boolean {
  return tryLocateTable(grid, MERGE_COLUMNS) !== null;
}

/** The mapping's columns, said in a refusal: the two it needs, then the ones it reads when present. */
const NEEDED: Bilingual = {
  vi: `cột "Xã cũ" (tên xã trước sáp nhập) và cột "Xã mới" (tên xã sau sáp nhập), mỗi dòng một xã cũ; có thể thêm "Mã xã cũ", "Mã xã mới", "Huyện cũ", "Ngày hiệu lực"`,
  en: `a column "Xã cũ" (old commune, before the merger) and a column "Xã mới" (new commune, after it), one old commune a row; "Mã xã cũ", "Mã xã mới", "Huyện cũ" (old district) and "Ngày hiệu lực" (effective date) are read when present`,
};

/**
 * The refusal when no sheet holds the mapping: the columns it needs, and for each sheet looked at the range its
 * header row was sought in, the row closest to one and what it lacks (see noSheetHolds).
 */
export function mergeColumnsMissing(grids: Grid[]): InputError {
  return noSheetHolds({ grids, what: WHAT, needed: NEEDED, layouts: [MERGE_COLUMNS] });
}

/** A date cell as dd/mm/yyyy; any other cell through the shared text rule (an error value is refused naming it). */
function dateText(grid: Grid, row: number, col: number): string | undefined {
  const value = grid.rows[row]?.[col];
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  return textCell(grid, row, col, { vi: "ngày hiệu lực", en: "effective date" }) ?? undefined;
}

/** The mapping rows, each naming its cell; an empty old or new commune is an error naming the cell. */
export function readMergeMap(grid: Grid): MergeEntry[] {
  return readMergeMapTable(grid).entries;
}

/** The mapping rows and what was read (see readMergeMap). */
export function readMergeMapTable(grid: Grid): { entries: MergeEntry[]; reading: TableReading } {
  const table = tryLocateTable(grid, MERGE_COLUMNS);
  if (!table) throw legacyTextError(grid, WHAT) ?? mergeColumnsMissing([grid]);
  const { columns } = table;
  const text = (row: number, key: string, what: Bilingual) =>
    columns[key] === undefined ? null : textCell(grid, row, columns[key], what);
  const entries = table.dataRows.map((row): MergeEntry => {
    const oldName = text(row, "oldName", { vi: "tên xã cũ", en: "old commune name" });
    const newName = text(row, "newName", { vi: "tên xã mới", en: "new commune name" });
    for (const [key, value, what] of [
      ["oldName", oldName, { vi: "tên xã cũ", en: "the old commune's name" }],
      ["newName", newName, { vi: "tên xã mới", en: "the new commune's name" }],
    ] as const) {
      if (!value) {
        throw new InputError({
          sheet: grid.sheet,
          cell: gridAddress(grid, row, columns[key]),
          found: "",
          expected: what,
        });
      }
    }
    return {
      oldName: oldName!,
      oldCode: text(row, "oldCode", { vi: "mã xã cũ", en: "old commune code" }) ?? undefined,
      oldDistrict: text(row, "oldDistrict", { vi: "huyện cũ", en: "old district" }) ?? undefined,
      newName: newName!,
      newCode: text(row, "newCode", { vi: "mã xã mới", en: "new commune code" }) ?? undefined,
      date: columns.date === undefined ? undefined : dateText(grid, row, columns.date),
      source: { sheet: grid.sheet, cell: gridAddress(grid, row, columns.oldName) },
    };
  });
  noteColumns(table, {
    oldName: "name",
    oldCode: "code",
    oldDistrict: "district",
    newName: "name",
    newCode: "code",
    date: "other",
  });
  return { entries, reading: tableReading(table, "merge", WHAT, { role: "line" }) };
}

export const MONEY_COLUMNS: ColumnSpec[] = [
  { key: "commune", aliases: ["Tên xã", "Xã", "Commune", "Commune name"], required: true },
  { key: "code", aliases: ["Mã xã", "Commune code"] },
];

/** Headers that are not amounts in a money-by-commune table. */
const NOT_AMOUNTS = [
  "tt",
  "stt",
  "so tt",
  "huyen",
  "district",
  "ghi chu",
  "note",
  "notes",
  "don vi",
];

export function looksLikeCommuneMoney(grid: Grid): boolean {
  const table = tryLocateTable(grid, MONEY_COLUMNS);
  return table !== null && table.unmatched.some((h) => !NOT_AMOUNTS.includes(labelKey(h.header)));
}

/**
 * Money by old commune: "Tên xã" (and "Mã xã"), then one amount column per year or source (million VND). Every
 * other header is an amount column; blank cells stay blank, text in an amount cell is an error naming it.
 */
export function readCommuneMoney(grid: Grid): {
  columns: string[];
  rows: CommuneMoney[];
  reading: TableReading;
} {
  const what = {
    vi: "bảng kinh phí theo xã (Tên xã, các cột số tiền)",
    en: "money by commune (commune name, amount columns)",
  };
  const table = locateTable(grid, MONEY_COLUMNS, what);
  const amountColumns = table.unmatched.filter((h) => !NOT_AMOUNTS.includes(labelKey(h.header)));
  if (amountColumns.length === 0) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, table.headerRow, table.columns.commune),
      expected: {
        vi: "ít nhất một cột số tiền (triệu đồng) cạnh cột Tên xã",
        en: "at least one amount column (million VND) next to the commune name",
      },
    });
  }
  const rows: CommuneMoney[] = [];
  for (const row of table.dataRows) {
    const name = textCell(grid, row, table.columns.commune, { vi: "tên xã", en: "commune name" });
    if (!name) {
      skipRow(table, row, "note", { vi: "không có tên xã", en: "no commune name" });
      continue;
    }
    // A total row sums the communes: it is not a commune.
    if (/^(tong|tong cong|cong|total)\b/.test(labelKey(name))) {
      skipRow(table, row, "total", {
        vi: "dòng tổng, không phải xã",
        en: "total row, not a commune",
      });
      continue;
    }
    rows.push({
      name,
      code:
        table.columns.code === undefined
          ? undefined
          : (textCell(grid, row, table.columns.code, { vi: "mã xã", en: "commune code" }) ??
            undefined),
      amounts: amountColumns.map((h) =>
        numberCell(grid, row, h.col, {
          what: { vi: `số tiền "${h.header}"`, en: `amount "${h.header}"` },
        })
      ),
      source: { sheet: grid.sheet, cell: gridAddress(grid, row, table.columns.commune) },
    });
  }
  const unit = unitReading(table);
  noteColumns(table, { commune: "name", code: "code" });
  for (const h of amountColumns) noteColumn(table, h.col, "amount", { unit });
  return {
    columns: amountColumns.map((h) => h.header),
    rows,
    reading: tableReading(table, "money", what, { unit }),
  };
}
