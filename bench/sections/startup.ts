// CLI start-up: `ntm-plan summary` on an 80-commune CSV as a user runs it (bin/ntm-plan.js and the bundle that
// `npm run build:cli` makes), against `node -e 0`, the floor of any Node command. Batch runs over a hundred district
// files pay the start-up a hundred times.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { formatMs, summarise } from "../measure";
import type { Options } from "../options";
import type { Report } from "../report";

const RATIO_LIMIT = 2;
const CASE = "CLI start-up: summary on 80-commune CSV vs node -e 0";
const TARGET = "CLI start-up: summary on an 80-commune CSV ≤ 2× node -e 0";

/** Milliseconds of one whole process, from spawn to exit; its output is checked by `check`. */
function timeProcess(args: string[], check: (stdout: string) => void): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: "utf8" });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  check(run.stdout);
  return ms;
}

let built: string | null = null;

/**
 * The CLI built as `npm run build:cli` builds it, into a folder of the bench's own (its code cache included), once
 * per bench run; returns the path of its bin/ntm-plan.js.
 */
export function buildBenchCli(root: string): string {
  const dir = path.join(root, "dist-bench", "cli");
  const bin = path.join(dir, "bin", "ntm-plan.js");
  if (built === bin) return bin;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "bin"), { recursive: true });
  const run = spawnSync(
    process.execPath,
    [path.join(root, "scripts", "build-cli.mjs"), path.join(dir, "dist-cli")],
    { encoding: "utf8" }
  );
  if (run.status !== 0) throw new Error(`the CLI did not build: ${run.stderr}`);
  fs.copyFileSync(path.join(root, "bin", "ntm-plan.js"), bin);
  built = bin;
  return bin;
}

export function benchStartup(report: Report, options: Options, root: string): void {
  const bin = buildBenchCli(root);
  const dir = path.dirname(path.dirname(bin));
  const csv = path.join(root, "test", "fixtures", "startup", "communes-80.csv");
  const cli = [path.join(dir, "bin", "ntm-plan.js"), "summary", csv];
  const floor = ["-e", "0"];
  const summaryRan = (out: string) => {
    if (!out.includes("Số xã: 80")) throw new Error(`summary printed no 80 communes: ${out}`);
  };
  const none = () => undefined;

  // One untimed run of each (the first CLI run writes the code cache), then A B A B … so that both see the same load.
  timeProcess(cli, summaryRan);
  timeProcess(floor, none);
  const pairs = options.quick ? 3 : Math.max(15, options.runs);
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    a.push(timeProcess(cli, summaryRan));
    b.push(timeProcess(floor, none));
    ratios.push(a[i] / b[i]);
  }
  const cliTime = summarise(a);
  const nodeTime = summarise(b);
  const ratio = summarise(ratios);
  const excelJsLoaded = fs.existsSync(path.join(dir, "dist-cli", "vendor", "exceljs.js"))
    ? "ExcelJS and docx in dist-cli/vendor/, not loaded for a CSV"
    : "no separate ExcelJS bundle";
  report.add({
    section: "startup",
    case: CASE,
    medianMs: cliTime.medianMs,
    runs: cliTime.runs,
    detail: `ntm-plan ${formatMs(cliTime.medianMs)} (${formatMs(cliTime.minMs)}-${formatMs(cliTime.maxMs)}), node -e 0 ${formatMs(nodeTime.medianMs)} (${formatMs(nodeTime.minMs)}-${formatMs(nodeTime.maxMs)}); ratio pair by pair: median ${ratio.medianMs.toFixed(2)}× (${ratio.minMs.toFixed(2)}-${ratio.maxMs.toFixed(2)}); code cache warm; ${excelJsLoaded}`,
  });
  report.target({
    target: TARGET,
    measured: `${ratio.medianMs.toFixed(2)}× (median of ${pairs} pairs; ${formatMs(cliTime.medianMs)} vs ${formatMs(nodeTime.medianMs)})${options.quick ? " (BENCH_QUICK: 3 pairs)" : ""}`,
    pass: options.quick ? null : ratio.medianMs <= RATIO_LIMIT,
  });
}
