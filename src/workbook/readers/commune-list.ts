// Reads a master list of the province's communes (names, optionally Mã xã and former district): what `collect`
// checks the reports received against.

import { InputError } from "../../engine/errors";
import type { CommuneRef } from "../../engine/commune-identity";
import { gridAddress, type Grid } from "../grid";
import { isGroupLabel, isTotalLabel } from "../layout/labels";
import { textCell, tryLocateTable, type ColumnSpec } from "./table";

const SPECS: ColumnSpec[] = [
  { key: "code", aliases: ["Mã xã", "Mã đơn vị hành chính", "Mã ĐVHC", "Commune code", "Code"] },
  { key: "district", aliases: ["Huyện", "Huyện (cũ)", "Tên huyện", "District"] },
  {
    key: "name",
    aliases: ["Tên xã", "Xã", "Tên đơn vị", "Commune", "Commune name"],
    required: true,
  },
];

export interface ListedCommune extends CommuneRef {
  sheet: string;
  cell: string;
}

export function looksLikeCommuneList(grid: Grid): boolean {
  return tryLocateTable(grid, SPECS) !== null;
}

/** The communes listed on a sheet, each with its name cell; totals and district headings are not communes. */
export function readCommuneList(grid: Grid): ListedCommune[] {
  const table = tryLocateTable(grid, SPECS);
  if (!table) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, 0, 0),
      expected: {
        vi: `danh sách xã có cột "Tên xã"`,
        en: `a communes list with a "Tên xã" column`,
      },
    });
  }
  const out: ListedCommune[] = [];
  for (const r of table.dataRows) {
    const name = textCell(grid, r, table.columns.name, { vi: "tên xã", en: "commune name" });
    if (!name || isTotalLabel(name) || isGroupLabel(name)) continue;
    const at = (key: string) =>
      table.columns[key] === undefined
        ? undefined
        : (textCell(grid, r, table.columns[key], { vi: key, en: key }) ?? undefined);
    out.push({
      name,
      ...(at("code") ? { code: at("code") } : {}),
      ...(at("district") ? { district: at("district") } : {}),
      sheet: grid.sheet,
      cell: gridAddress(grid, r, table.columns.name),
    });
  }
  return out;
}
