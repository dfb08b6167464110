// Reading and writing a 10,000-row table through the workbook adapters (ExcelJS here; Office.js in officejs.ts).

import ExcelJS from "exceljs";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import type { CellValue, Grid } from "../../src/workbook/grid";
import { FORMATS, type OutputSheet } from "../../src/workbook/output";
import { communesGrid, COUNTRY_SIZE, generateRegion } from "../generators";
import { formatBytes, formatMs, timeRuns } from "../measure";
import { loadModule, MODULES, type CommunesReader, type CommunesSummariser } from "../modules";
import { CATALOGUE_2021_2025 } from "../../src/engine/catalogues";
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
  await benchReadingShare(report, options, read.last, read.timing.medianMs);
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

/** The share of the load a run adds by reading what it loaded: at most 15% of ExcelJS's load of the same file. */
export const READING_SHARE_LIMIT = 0.15;

/**
 * Our reading of the communes table (locating it, each row's and column's role, the reading shown to the user) and
 * the summary over it, against ExcelJS's load of the same workbook in the same run. Each run reads a fresh grid
 * object, so the located-table cache of an earlier run is not reused.
 */
async function benchReadingShare(
  report: Report,
  options: Options,
  grid: Grid,
  loadMs: number
): Promise<void> {
  const reader = loadModule<CommunesReader>(MODULES.communes);
  const summary = loadModule<CommunesSummariser>(MODULES.summary);
  if (!reader || !summary) {
    report.note(
      "the communes reader or summary engine is not in this build: reading share skipped"
    );
    return;
  }
  const catalogue = CATALOGUE_2021_2025;
  const run = await timeRuns(options.runs, () => {
    const read = reader.readCommunes({ ...grid }, { catalogue });
    return summary.summariseCommunes(read.communes, { catalogue });
  });
  const share = run.timing.medianMs / loadMs;
  report.add({
    section: "tables",
    case: `reading + summary of the same ${grid.rows.length.toLocaleString("en")} rows (marks shape)`,
    medianMs: run.timing.medianMs,
    runs: run.timing.runs,
    detail: `${(share * 100).toFixed(1)}% of the ExcelJS load above; ${run.last.communes.toLocaleString("en")} communes`,
  });
  report.target({
    target: `reading + summary of 10,000 communes ≤ ${READING_SHARE_LIMIT * 100}% of ExcelJS loading the same workbook (same run)`,
    measured: `${formatMs(run.timing.medianMs)} against ${formatMs(loadMs)}: ${(share * 100).toFixed(1)}%`,
    pass: options.quick ? null : share <= READING_SHARE_LIMIT,
  });
}
