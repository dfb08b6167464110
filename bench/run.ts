// `npm run bench`: deterministic synthetic provinces and the whole country, timed; medians, then PASS/FAIL per target.

import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { readOptions } from "./options";
import { Report } from "./report";
import { benchBundle } from "./sections/bundle";
import { benchReportScale, benchTargetsOut } from "./sections/cli-scale";
import { benchCollect } from "./sections/collect";
import { benchFunctions } from "./sections/functions";
import { benchIndicatorSummary } from "./sections/indicator-summary";
import { benchIndicatorTargets } from "./sections/indicator-targets";
import { benchOfficeJs } from "./sections/officejs";
import { benchReadersScale } from "./sections/readers-scale";
import { benchStartup } from "./sections/startup";
import { benchSummary } from "./sections/summary";
import { benchExcelJs } from "./sections/tables";
import { benchTargets } from "./sections/targets";

/** The repository root: dist-bench/bench/run.js → two levels up. */
const ROOT = path.resolve(__dirname, "..", "..");

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** Other processes share the machine: the load average says how far the figures can be trusted. */
function load(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");
}

async function main(): Promise<void> {
  const options = readOptions();
  const report = new Report();
  const started = new Date();
  const startLoad = load();
  process.stdout.write(
    `NTM Planner benchmark — ${started.toISOString()}\n${machine()}\nload average (1/5/15 min) at start: ${startLoad}\nruns per case: ${options.runs}${options.quick ? " (BENCH_QUICK)" : ""}; solver bound ${options.solverBound} s\n\n`
  );
  const sections: [string, () => Promise<void> | void][] = [
    ["summary", () => benchSummary(report, options)],
    ["indicator summary", () => benchIndicatorSummary(report, options)],
    ["targets", () => benchTargets(report, options)],
    ["indicator targets", () => benchIndicatorTargets(report, options)],
    ["functions", () => benchFunctions(report, options)],
    ["tables: ExcelJS", () => benchExcelJs(report, options)],
    ["tables: Office.js", () => benchOfficeJs(report, options)],
    ["collect", () => benchCollect(report, options, ROOT)],
    ["bundle", () => benchBundle(report, ROOT)],
    ["startup", () => benchStartup(report, options, ROOT)],
    ["report", () => benchReportScale(report, options, ROOT)],
    ["targets --out", () => benchTargetsOut(report, options, ROOT)],
    ["readers", () => benchReadersScale(report, options, ROOT)],
  ];
  for (const [name, section] of sections) {
    if (options.sections && !options.sections.includes(name)) continue;
    process.stdout.write(`[${name}]\n`);
    try {
      await section();
    } catch (e) {
      report.note(`section ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  report.note(
    `load average (1/5/15 min) at the end: ${load()}; run took ${((Date.now() - started.getTime()) / 60000).toFixed(1)} min`
  );
  const table = report.render();
  process.stdout.write(`\n${table}\n`);
  const out = path.join(ROOT, "dist-bench", "last-run.md");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    `Run ${started.toISOString()} on ${machine()}; runs per case ${options.runs}; load average at start ${startLoad}\n\n${table}\n`
  );
  process.stdout.write(`\n(written to ${path.relative(ROOT, out)})\n`);
}

void main();
