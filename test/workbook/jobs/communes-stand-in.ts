// Until the communes reader (src/workbook/readers/communes.ts, another branch) is merged, the targets job's tests
// use this minimal list-shape parser in its place. Once the real reader exists, it is used instead.

import { existsSync } from "node:fs";
import * as path from "node:path";
import type { Grid } from "../../../src/workbook/grid";
import { tryLocateTable } from "../../../src/workbook/readers/table";

const READER = path.join(__dirname, "../../../src/workbook/readers/communes.ts");
const SPECS = [
  { key: "name", aliases: ["Tên xã"], required: true },
  { key: "district", aliases: ["Huyện"] },
  { key: "list", aliases: ["Tiêu chí đạt"], required: true, prefix: false },
];

function readCommunes(grid: Grid) {
  const table = tryLocateTable(grid, SPECS)!;
  const communes = table.dataRows.map((r) => {
    const row = grid.rows[r];
    const achieved = String(row[table.columns.list] ?? "")
      .split(",")
      .filter((s) => s.trim() !== "")
      .map(Number);
    return {
      name: String(row[table.columns.name]),
      district:
        table.columns.district === undefined ? undefined : String(row[table.columns.district]),
      achieved,
      count: achieved.length,
      source: { sheet: grid.sheet, cell: `A${r + 1}` },
    };
  });
  return { communes, shape: "list", warnings: [], sheet: grid.sheet };
}

/** Call before importing the job or the CLI. */
export function useCommunesReader(): void {
  if (existsSync(READER)) return;
  jest.doMock(
    READER.replace(/\.ts$/, ""),
    () => ({ readCommunes, looksLikeCommunes: (g: Grid) => tryLocateTable(g, SPECS) !== null }),
    { virtual: true }
  );
}
