// Reading and writing a 10,000-row table through the Office.js adapter on the tests' fake Excel
// (test/support/fake-excel.ts, office-addin-mock used ranges): wall time, context.sync() calls and the largest
// request/response per sync.

import { formatBytes, timeRuns } from "../measure";
import { loadModule, MODULES, type OfficeJsAdapter } from "../modules";
import { FakeExcel, requirementsUpTo, type SyncStats } from "../../test/support/fake-excel";
import type { Options } from "../options";
import type { Report } from "../report";
import { communesGrid, generateRegion, type StatusShape } from "../generators";
import { resultSheet, TABLE_ROWS } from "./tables";

const MAX_SYNCS = 2;

/** The newest Excel API the adapter uses (page layout), so that every write it can make is made. */
const EXCEL_API = "1.9";

function syncDetail(stats: SyncStats): string {
  return `${stats.syncs} syncs; largest request ${formatBytes(stats.largestRequest)}, largest response ${formatBytes(stats.largestResponse)}`;
}

export async function benchOfficeJs(report: Report, options: Options): Promise<void> {
  const adapter = loadModule<OfficeJsAdapter>(MODULES.officejs);
  if (!adapter) {
    report.note(
      "the Office.js adapter (src/workbook/adapters/officejs.ts) is not in this build: its rows skipped"
    );
    report.target({
      target: "≤ 2 syncs per table read or write (Office.js)",
      measured: "adapter missing",
      pass: null,
    });
    return;
  }
  const rows = options.quick ? 1000 : TABLE_ROWS;
  const label = rows.toLocaleString("en");
  const worst: { what: string; syncs: number }[] = [];

  const shapes: StatusShape[] = ["list", "marks"];
  for (const shape of shapes) {
    const grid = communesGrid(
      generateRegion({ seed: "tables", communes: rows, profile: "status" }),
      shape
    );
    const excel = new FakeExcel();
    excel.addSheet("Xa", grid as (string | number | boolean | null)[][]);
    excel.install();
    const port = new adapter.OfficeJsWorkbook(requirementsUpTo(EXCEL_API));
    let stats = excel.stats;
    const read = await timeRuns(options.runs, async () => {
      excel.resetStats();
      const result = await port.readSheet("Xa");
      stats = excel.stats;
      return result;
    });
    const cols = grid[2].length;
    if (read.last.rows.length !== grid.length) {
      throw new Error(`Office.js read gave ${read.last.rows.length} rows for ${grid.length}`);
    }
    report.add({
      section: "tables",
      case: `Office.js read ${label} rows × ${cols} cols (${shape} shape)`,
      medianMs: read.timing.medianMs,
      runs: read.timing.runs,
      detail: `${syncDetail(stats)}; time includes the fake Excel`,
    });
    worst.push({ what: `read ${shape} (${cols} cols)`, syncs: stats.syncs });
  }

  const output = resultSheet(rows);
  const excel = new FakeExcel();
  excel.addSheet("Xa", [["Tên xã"], ["An Bình"]]);
  excel.install();
  const port = new adapter.OfficeJsWorkbook(requirementsUpTo(EXCEL_API));
  let stats = excel.stats;
  let written = "";
  const write = await timeRuns(options.runs, async () => {
    excel.resetStats();
    const names = await port.writeResults([output]);
    stats = excel.stats;
    written = names[0];
    return names;
  });
  const cells = excel.cellCount(written);
  const table = output.tables[0];
  const filled = table.rows.reduce((n, r) => n + r.filter((v) => v !== null && v !== "").length, 0);
  const expected = filled + table.columns.length + (table.title ? 1 : 0);
  if (cells < expected)
    throw new Error(`Office.js write left ${cells} cells, expected ${expected}`);
  report.add({
    section: "tables",
    case: `Office.js write ${label} rows × ${output.tables[0].columns.length} cols (writeResults, re-run replaces)`,
    medianMs: write.timing.medianMs,
    runs: write.timing.runs,
    detail: `${syncDetail(stats)}; ${cells.toLocaleString("en")} cells written`,
  });
  worst.push({ what: "write", syncs: stats.syncs });

  const over = worst.filter((w) => w.syncs > MAX_SYNCS);
  report.target({
    target: "≤ 2 syncs per table read or write (Office.js, 10,000 rows)",
    measured:
      worst.map((w) => `${w.what}: ${w.syncs}`).join(", ") +
      (options.quick ? " (BENCH_QUICK: 1,000 rows)" : ""),
    pass: options.quick ? null : over.length === 0,
  });
}
