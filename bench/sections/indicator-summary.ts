// The 2026-2030 summary as it grows: the `summary` job on a province of 10,000 and of 40,000 communes with raw
// indicator values (47 indicators, thresholds per commune group), read from the indicator policy sheet. The job runs
// in process on a MemoryWorkbook (the reading, the evaluation of every indicator, the summary and its sheets; not
// ExcelJS), so the growth is the job's own: linear work grows 4× from 10,000 to 40,000 communes; target ≤ 4.5×.

import { MemoryWorkbook } from "../../src/workbook/adapters/memory";
import { summaryJob } from "../../src/workbook/jobs/summary";
import type { SummaryJson } from "../../src/workbook/results";
import {
  indicatorPolicyRows,
  indicatorStatusRows,
  type IndicatorBook,
} from "../indicator-workbook";
import { formatMs, summarise } from "../measure";
import type { Options } from "../options";
import type { Report } from "../report";

/** The two sizes whose times are compared, and the growth allowed between them (linear work grows 4×). */
export const INDICATOR_SUMMARY_SIZES = [10000, 40000];
export const INDICATOR_SUMMARY_GROWTH = 4.5;

/** Runs the job on a workbook of these sheets: wall and CPU time, and the JSON of the last run. */
async function runJob(
  sheets: Record<string, unknown[][]>,
  runs: number
): Promise<{ wall: number[]; cpu: number[]; json: SummaryJson }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let json: SummaryJson | undefined;
  // One untimed warm-up run, as timeRuns does; each run reads a fresh workbook (a job may keep what it read).
  for (let i = 0; i <= runs; i++) {
    const workbook = new MemoryWorkbook(sheets as never);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await summaryJob.run({ inputs: { communes: { workbook } }, options: {} });
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    json = result.json as SummaryJson;
    if (i > 0) {
      wall.push(ms);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  return { wall, cpu, json: json! };
}

/** Whether the job's figures are the generator's: communes, communes at the standard, communes per indicator. */
function checked(json: SummaryJson, book: IndicatorBook): boolean {
  if (json.communes !== book.communes || json.standard !== book.complete) return false;
  const counts = (json as { indicatorCounts?: Record<string, number> }).indicatorCounts ?? {};
  for (const [code, met] of book.met) if (counts[code] !== met) return false;
  return true;
}

export async function benchIndicatorSummary(report: Report, options: Options): Promise<void> {
  const sizes = options.quick ? [1000, 4000] : INDICATOR_SUMMARY_SIZES;
  const runs = Math.min(options.runs, 3);
  const medians: { wall: number; cpu: number }[] = [];
  for (const communes of sizes) {
    const { rows, book } = indicatorStatusRows(communes);
    const sheets = { "Chỉ tiêu theo nhóm xã": indicatorPolicyRows(), Xã: rows };
    const run = await runJob(sheets, runs);
    const wall = summarise(run.wall);
    const cpu = summarise(run.cpu);
    medians.push({ wall: wall.medianMs, cpu: cpu.medianMs });
    report.add({
      section: "indicator summary",
      case: `summary job, 2026-2030, ${communes.toLocaleString("en")} communes × 47 indicators (in process)`,
      medianMs: wall.medianMs,
      runs: wall.runs,
      detail: `CPU ${formatMs(cpu.medianMs)} (${formatMs(cpu.minMs)}-${formatMs(cpu.maxMs)}); wall ${formatMs(wall.minMs)}-${formatMs(wall.maxMs)}; ${run.json.standard.toLocaleString("en")} standard${checked(run.json, book) ? " (checked)" : " — DIFFERS from the generator"}`,
    });
  }
  if (options.quick) return;
  const [small, large] = medians;
  const growth = large.wall / small.wall;
  const growthCpu = large.cpu / small.cpu;
  // Judged on the process's CPU time: on the shared 2 cores the wall time also counts the other processes' turns.
  report.target({
    target: `2026-2030 summary job, ${sizes[0].toLocaleString("en")} → ${sizes[1].toLocaleString("en")} communes: CPU time grows ≤ ${INDICATOR_SUMMARY_GROWTH}×`,
    measured: `${growthCpu.toFixed(2)}× CPU (${formatMs(small.cpu)} → ${formatMs(large.cpu)}), ${growth.toFixed(2)}× wall`,
    pass: growthCpu <= INDICATOR_SUMMARY_GROWTH,
  });
}
