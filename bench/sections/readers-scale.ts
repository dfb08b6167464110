// Reading at a country's scale (issue #22): a costs table of about 130,000 rows (one row per commune and missing
// criterion, in an office's nine columns: 58 MB of sheet XML, past the 50 MB per part the zip guard once allowed),
// read by `targets --costs` (a file of its own) and by `plan` (a sheet of the province's workbook), each as a user runs
// it (its own Node process, the built CLI), timed, with the process's peak memory; and the zip guard alone on it.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readXlsxParts, XLSX_LIMITS } from "../../src/workbook/adapters/xlsx-guard";
import { generateRegion, officeCostsGrid } from "../generators";
import { formatBytes, formatMs, summarise, timeRuns } from "../measure";
import type { Options } from "../options";
import type { Report } from "../report";
import { writeProvinceBook, writeSheetBook } from "../report-workbook";
import { runCli } from "./cli-scale";
import { buildBenchCli } from "./startup";

/** Communes of the "planning" profile (1-5 missing criteria each) that give about 130,000 cost rows. */
const COMMUNES = 43_400;
/** Runs are capped: each run reads the whole table again. */
const MAX_RUNS = 3;

interface Reading {
  input: string;
  used: { count: number };
}

/** Cost rows the job read, from its reading of the costs table. */
function costRows(json: unknown): number {
  const reading = (json as { reading?: Reading[] }).reading ?? [];
  return reading.find((r) => r.input === "costs")?.used.count ?? 0;
}

export async function benchReadersScale(
  report: Report,
  options: Options,
  root: string
): Promise<void> {
  const bin = buildBenchCli(root);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-bench-readers-"));
  try {
    const communes = options.quick ? 2000 : COMMUNES;
    const seed = "bench-readers";
    const region = generateRegion({ seed, communes, profile: "planning" });
    const rows = region.costs.length;
    const costsFile = path.join(dir, "chi-phi.xlsx");
    const communesFile = path.join(dir, "xa.xlsx");
    const bookFile = path.join(dir, "tinh.xlsx");
    await writeSheetBook(costsFile, "Chi phí", officeCostsGrid(region));
    await writeProvinceBook(communesFile, { communes, seed, profile: "planning", costs: false });
    await writeProvinceBook(bookFile, { communes, seed, profile: "planning", costs: "office" });
    const budget = String(region.annualBudget);
    const label = `${rows.toLocaleString("en")} cost rows, ${communes.toLocaleString("en")} communes`;

    // The zip guard alone: the costs file inflated part by part with its limits, cells counted.
    const bytes = new Uint8Array(fs.readFileSync(costsFile));
    const guard = await timeRuns(options.runs, () => readXlsxParts(bytes));
    const sheetBytes = Object.values(guard.last).reduce((n, p) => Math.max(n, p.length), 0);
    report.add({
      section: "readers",
      case: `zip guard on a costs file of ${label}`,
      medianMs: guard.timing.medianMs,
      runs: guard.timing.runs,
      detail: `${formatBytes(bytes.length)} zipped; sheet part ${formatBytes(sheetBytes)} inflated (limits: any ratio to ${formatBytes(XLSX_LIMITS.freeBytes)}, past that ≤ ${XLSX_LIMITS.ratio}:1 and ≤ ${formatBytes(XLSX_LIMITS.partBytes)})`,
    });

    const cases: { name: string; args: string[] }[] = [
      {
        name: "targets --costs (costs in a file of their own)",
        args: [
          "targets",
          communesFile,
          "--costs",
          costsFile,
          "--year",
          "2024",
          "--budget",
          budget,
          "--json",
        ],
      },
      {
        name: "plan (costs a sheet of the workbook)",
        args: [
          "plan",
          bookFile,
          "--year",
          "2024",
          "--budget",
          budget,
          "--max-per-commune",
          "3",
          "--to",
          "2025",
          "--total",
          "100000",
          "--json",
        ],
      },
    ];
    const runs = Math.min(options.runs, MAX_RUNS);
    for (const c of cases) {
      const times: number[] = [];
      let maxRss = 0;
      let read = 0;
      for (let i = 0; i < runs; i++) {
        const run = runCli(bin, c.args, dir);
        times.push(run.ms);
        maxRss = Math.max(maxRss, run.maxRss);
        read = costRows(JSON.parse(run.stdout));
      }
      const timing = summarise(times);
      report.add({
        section: "readers",
        case: `${c.name}: ${label} (own process)`,
        medianMs: timing.medianMs,
        runs: timing.runs,
        detail: `peak RSS ${formatBytes(maxRss)}; ${read.toLocaleString("en")} cost rows read`,
      });
      report.target({
        target: `${c.name} reads a costs table of ${rows.toLocaleString("en")} rows whole (was refused past 50 MB of sheet XML)`,
        measured: `${read.toLocaleString("en")} rows read, ${formatMs(timing.medianMs)}, peak RSS ${formatBytes(maxRss)}`,
        pass: options.quick ? null : read === rows,
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
