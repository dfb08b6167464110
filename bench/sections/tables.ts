// Reading and writing a 10,000-row table through the workbook adapters (ExcelJS here; Office.js in officejs.ts).

import ExcelJS from "exceljs";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import type { CellValue } from "../../src/workbook/grid";
import { FORMATS, type OutputSheet } from "../../src/workbook/output";
import { communesGrid, COUNTRY_SIZE, generateRegion } from "../generators";
import { formatBytes, timeRuns } from "../measure";
import type { Report } from "../report";
import type { Options } from "../options";

export const TABLE_ROWS = COUNTRY_SIZE;

/** A result table of the size the planner writes for the whole country: one row per commune. */
export function resultSheet(rows: number): OutputSheet {
  const region = generateRegion({ seed: "tables", communes: rows, profile: "planning" });
  return {
    sheet: "KQ_ChiTieu",
    tables: [
      {
        name: "NTM_ChiTieu",
        title: "Chỉ tiêu năm tới / Next year's targets",
        columns: [
          { header: "TT" },
          { header: "Tên xã" },
          { header: "Huyện" },
          { header: "Số tiêu chí đạt", format: FORMATS.integer },
          { header: "Tiêu chí phấn đấu" },
          { header: "Lũy kế", format: FORMATS.integer },
          { header: "Kinh phí (triệu đồng)", format: FORMATS.integer },
          { header: "Đạt chuẩn" },
        ],
        rows: region.communes.map((c, i) => {
          const target = Array.from({ length: 19 }, (_, k) => k + 1)
            .filter((k) => !c.achieved.includes(k))
            .slice(0, 3);
          const reached = c.achieved.length + target.length;
          return [
            i + 1,
            c.name,
            c.district,
            c.achieved.length,
            target.join(", "),
            reached,
            target.length * 2500,
            reached === 19 ? "x" : null,
          ] as CellValue[];
        }),
      },
    ],
  };
}

/** The input grid the adapters read: the communes sheet in the TC1..TC19 shape (widest of the three). */
export function inputRows(rows: number): CellValue[][] {
  return communesGrid(
    generateRegion({ seed: "tables", communes: rows, profile: "status" }),
    "marks"
  );
}

async function xlsxOf(rows: CellValue[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Xa");
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function benchExcelJs(report: Report, options: Options): Promise<void> {
  const rows = options.quick ? 1000 : TABLE_ROWS;
  const input = inputRows(rows);
  const bytes = await xlsxOf(input);
  const read = await timeRuns(options.runs, async () => {
    const wb = await ExcelJsWorkbook.fromXlsx(bytes);
    return wb.readSheet("Xa");
  });
  const cells = read.last.rows.length * (read.last.rows[0]?.length ?? 0);
  report.add({
    section: "tables",
    case: `ExcelJS read ${rows.toLocaleString("en")} rows (load .xlsx + readSheet)`,
    medianMs: read.timing.medianMs,
    runs: read.timing.runs,
    detail: `${read.last.rows.length} rows × ${read.last.rows[0]?.length ?? 0} cols = ${cells.toLocaleString("en")} cells; file ${formatBytes(bytes.length)}; syncs n/a (file)`,
  });
  const output = resultSheet(rows);
  const write = await timeRuns(options.runs, async () => {
    const wb = ExcelJsWorkbook.empty();
    await wb.writeResults([output]);
    return wb.toXlsx();
  });
  report.add({
    section: "tables",
    case: `ExcelJS write ${rows.toLocaleString("en")} rows (writeResults + .xlsx)`,
    medianMs: write.timing.medianMs,
    runs: write.timing.runs,
    detail: `${output.tables[0].rows.length} rows × ${output.tables[0].columns.length} cols; file ${formatBytes(write.last.length)}; syncs n/a (file)`,
  });
}
