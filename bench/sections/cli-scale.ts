// The CLI at a country's scale (issue #22): `report` on 10,000 and 50,000 communes and `targets --out` on 10,000 and
// 130,000, each run as a user runs it (its own Node process, the built CLI), timed, with the process's peak memory
// (maximum resident set size, read by a preload script at exit: process.resourceUsage().maxRSS).

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { formatBytes, formatMs, summarise } from "../measure";
import type { Options } from "../options";
import type { Report } from "../report";
import { writeProvinceBook } from "../report-workbook";
import { buildBenchCli } from "./startup";

const MB = 1024 * 1024;
/** Peak memory the report may take at 10,000 communes, and at 50,000. */
export const REPORT_LIMITS: Record<number, number> = { 10000: 500 * MB, 50000: 1536 * MB };
/** Peak memory `targets --out` may take at 130,000 communes (10,000 is reported, with no target). */
export const TARGETS_LIMITS: Record<number, number> = { 130000: 1536 * MB };
/** Runs are capped: a 50,000-commune report takes most of a minute, and its peak memory does not vary. */
const MAX_RUNS = 3;

interface ProcessRun {
  ms: number;
  maxRss: number;
  stdout: string;
}

/** One CLI run in its own process: wall time from spawn to exit and the process's peak RSS. */
export function runCli(bin: string, args: string[], dir: string): ProcessRun {
  const rssFile = path.join(dir, "max-rss.txt");
  const preload = path.join(dir, "max-rss.js");
  fs.writeFileSync(
    preload,
    'process.on("exit", () => require("fs").writeFileSync(process.env.NTM_BENCH_RSS, ' +
      "String(process.resourceUsage().maxRSS * 1024)));\n"
  );
  fs.rmSync(rssFile, { force: true });
  const start = performance.now();
  const run = spawnSync(process.execPath, ["--require", preload, bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, NTM_BENCH_RSS: rssFile },
    maxBuffer: 256 * MB,
  });
  const ms = performance.now() - start;
  if (run.status !== 0) {
    throw new Error(
      `ntm-plan ${args[0]} exited ${run.status ?? run.signal}: ${run.stderr.slice(0, 500)}`
    );
  }
  return { ms, maxRss: Number(fs.readFileSync(rssFile, "utf8")), stdout: run.stdout };
}

/** One row of the scale section: the CLI run `runs` times in its own process, fresh output each time. */
interface CliCase {
  section: string;
  /** "report on 10,000 communes": the row's name and, with the limit, the target's. */
  label: string;
  argv: string[];
  /** The file the run writes, removed before each run. */
  out: string;
  runs: number;
  /** Peak memory the case may take, when it has a target. */
  limit?: number;
  /** The row's detail after its peak RSS, from the last run's standard output. */
  detail: (stdout: string) => string;
}

/**
 * Measures one case and reports it: the median time, the highest peak memory of the runs, and a PASS/FAIL target
 * when the case has a memory limit. The report rows and the targets --out rows are measured alike.
 */
function measureCli(report: Report, bin: string, dir: string, c: CliCase): void {
  const times: number[] = [];
  let maxRss = 0;
  let last = "";
  for (let i = 0; i < c.runs; i++) {
    fs.rmSync(c.out, { force: true });
    const r = runCli(bin, c.argv, dir);
    times.push(r.ms);
    maxRss = Math.max(maxRss, r.maxRss);
    last = r.stdout;
  }
  const timing = summarise(times);
  report.add({
    section: c.section,
    case: `${c.label} (own process)`,
    medianMs: timing.medianMs,
    runs: timing.runs,
    detail: `peak RSS ${formatBytes(maxRss)}; ${c.detail(last)}`,
  });
  if (c.limit !== undefined) {
    report.target({
      target: `${c.label}: peak memory ≤ ${formatBytes(c.limit)}`,
      measured: `${formatBytes(maxRss)}, ${formatMs(timing.medianMs)}`,
      pass: maxRss <= c.limit,
    });
  }
}

function sizesOf(options: Options, all: number[], quick: number[]): number[] {
  if (options.sizes) return all.filter((n) => options.sizes!.includes(n));
  return options.quick ? quick : all;
}

export async function benchReportScale(
  report: Report,
  options: Options,
  root: string
): Promise<void> {
  const bin = buildBenchCli(root);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-bench-report-"));
  try {
    for (const communes of sizesOf(options, [10000, 50000], [2000])) {
      const input = path.join(dir, `tinh-${communes}.xlsx`);
      const book = await writeProvinceBook(input, { communes, seed: "bench-report" });
      const open = book.region.communes.filter((c) => c.achieved.length < 19).length;
      const out = path.join(dir, "bao-cao.docx");
      measureCli(report, bin, dir, {
        section: "report",
        label: `report on ${communes.toLocaleString("en")} communes`,
        argv: [
          "report",
          input,
          "--year",
          "2024",
          "--budget",
          "1600",
          "--max-per-commune",
          "3",
          "--to",
          "2025",
          "--total",
          "100000",
          "--json",
          "--out",
          out,
        ],
        out,
        runs: Math.min(options.runs, communes >= 50000 ? 1 : MAX_RUNS),
        limit: REPORT_LIMITS[communes],
        detail: (stdout) => {
          const json = JSON.parse(stdout) as { appendices: { title: string }[] };
          return `${open.toLocaleString("en")} communes not yet standard listed; .docx ${formatBytes(fs.statSync(out).size)}, ${json.appendices.length} appendices`;
        },
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchTargetsOut(
  report: Report,
  options: Options,
  root: string
): Promise<void> {
  const bin = buildBenchCli(root);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-bench-targets-"));
  try {
    for (const communes of sizesOf(options, [10000, 130000], [2000])) {
      // Every commune short of the standard: the results table has one row per commune.
      const input = path.join(dir, `tinh-${communes}.xlsx`);
      await writeProvinceBook(input, {
        communes,
        seed: "bench-targets",
        profile: "planning",
        // The communes sheet alone: the job reads nothing else (a costs sheet of 390,000 rows would be refused
        // by the reader's 50 MB-per-part guard before the communes were read).
        costs: false,
        funding: false,
        coefficients: false,
      });
      const out = path.join(dir, "ket-qua.xlsx");
      measureCli(report, bin, dir, {
        section: "targets --out",
        label: `targets --out on ${communes.toLocaleString("en")} communes`,
        argv: [
          "targets",
          input,
          "--year",
          "2024",
          "--max-per-commune",
          "3",
          "--json",
          "--out",
          out,
        ],
        out,
        runs: Math.min(options.runs, communes >= 100000 ? 1 : MAX_RUNS),
        limit: TARGETS_LIMITS[communes],
        detail: (stdout) => {
          const json = JSON.parse(stdout) as { newlyStandard: number; outSheets: string[] };
          return `${json.newlyStandard.toLocaleString("en")} newly standard; wrote ${json.outSheets.join(", ")} (${formatBytes(fs.statSync(out).size)})`;
        },
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
