// A minimal count-only communes reader with the signature of src/workbook/readers/communes.ts, for job tests.

import type { Catalogue, CommuneStatus } from "../../../src/engine/types";
import type { Grid } from "../../../src/workbook/grid";
import { addressAt, locateTable, numberCell, textCell } from "../../../src/workbook/readers/table";

export function readCommuneCounts(grid: Grid, opts: { catalogue: Catalogue }) {
  const table = locateTable(
    grid,
    [
      { key: "name", aliases: ["Tên xã"], required: true },
      { key: "count", aliases: ["Số tiêu chí đạt"], required: true },
    ],
    { vi: "danh sách xã", en: "communes list" }
  );
  const communes: CommuneStatus[] = table.dataRows.map((row) => ({
    name: textCell(grid, row, table.columns.name, { vi: "tên xã", en: "commune" }) ?? "",
    achieved: null,
    count: numberCell(grid, row, table.columns.count, {
      integer: true,
      min: 0,
      max: opts.catalogue.criteria.length,
      what: { vi: "số tiêu chí đạt", en: "criteria met" },
    })!,
    source: { sheet: grid.sheet, cell: addressAt(table, row, "name") },
  }));
  return { communes, warnings: [], sheet: grid.sheet, shape: "count" as const };
}
