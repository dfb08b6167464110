// Collecting 150 commune reports (issue #25): `collect` over 150 filled forms against ExcelJS alone loading the same
// 150 files, in the same run; our reading may add at most half. Peak memory of the collect run reported.

import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { CATALOGUE_2026_2030 } from "../../src/engine/catalogues";
import { withIndicators } from "../../src/engine/indicators";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { collectReports } from "../../src/workbook/collect/collect";
import { cellText, columnIndex } from "../../src/workbook/grid";
import { readCommuneForm } from "../../src/workbook/readers/commune-form";
import { readIndicatorPolicy } from "../../src/workbook/readers/indicator-policy";
import { formatBytes, formatMs, timeRuns } from "../measure";
import type { Options } from "../options";
import type { Report } from "../report";

export const COLLECT_FILES = 150;
/** Collect may take at most this many times ExcelJS's load of the same files. */
export const COLLECT_LIMIT = 1.5;

/** The corpus forms the 150 files are made from (vi headers, en headers, filled by hand in odd ways). */
const FORMS = ["01-tan-hoa.xlsx", "02-long-duc-en.xlsx", "03-my-phuoc-tay.xlsx"];

/** 150 forms, each its own commune: a corpus form with its name and Mã xã cells rewritten. */
async function communeFiles(corpus: string, count: number): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  const bases = await Promise.all(FORMS.map((f) => fs.readFile(path.join(corpus, "reports", f))));
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length];
    const port = await ExcelJsWorkbook.fromXlsx(base);
    const [sheet] = await port.sheetNames();
    const grid = await port.readSheet(sheet);
    const form = readCommuneForm(grid);
    // A name typed after its label in one cell ("Tên xã: Xã Mỹ Phước") keeps its label.
    const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(form.name.cell)!;
    const typed = cellText(
      grid.rows[Number(row) - 1 - grid.origin.row]?.[columnIndex(letters) - grid.origin.col] ?? null
    );
    const label = /^[^:]*:\s*/.exec(typed.includes(":") ? typed : "");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(base as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(sheet)!;
    ws.getCell(form.name.cell).value = `${label ? label[0] : ""}Xã Thử ${i + 1}`;
    if (form.code) ws.getCell(form.code.cell).value = String(90000 + i);
    out.push(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  }
  return out;
}

export async function benchCollect(report: Report, options: Options, root: string): Promise<void> {
  const corpus = path.join(root, "test", "fixtures", "collect");
  const count = options.quick ? 30 : COLLECT_FILES;
  const files = await communeFiles(corpus, count);
  const policyPort = await ExcelJsWorkbook.fromXlsx(
    await fs.readFile(path.join(corpus, "inputs", "policy.xlsx"))
  );
  const [policySheet] = await policyPort.sheetNames();
  const policy = withIndicators(
    CATALOGUE_2026_2030,
    readIndicatorPolicy(await policyPort.readSheet(policySheet))
  ).catalogue;
  const bytes = files.reduce((n, f) => n + f.length, 0);

  const load = await timeRuns(options.runs, async () => {
    let sheets = 0;
    for (const f of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(f as unknown as ArrayBuffer);
      sheets += wb.worksheets.length;
    }
    return sheets;
  });
  report.add({
    section: "collect",
    case: `ExcelJS alone loads ${count} commune forms`,
    medianMs: load.timing.medianMs,
    runs: load.timing.runs,
    detail: `${count} files, ${formatBytes(bytes)} in all; ${load.last} sheets`,
  });

  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const rssBefore = process.memoryUsage().rss;
  const run = await timeRuns(options.runs, () =>
    collectReports(
      files.map((f, i) => ({
        file: `xa-${i + 1}.xlsx`,
        open: () => ExcelJsWorkbook.fromXlsx(f, { readOnly: true }),
      })),
      { policy, onProgress: sample }
    )
  );
  const collected = run.last.communes.length;
  const ratio = run.timing.medianMs / load.timing.medianMs;
  report.add({
    section: "collect",
    case: `collect ${count} commune forms (open + read + combine)`,
    medianMs: run.timing.medianMs,
    runs: run.timing.runs,
    detail: `${collected} communes collected, ${run.last.problems.length} to resolve; ${ratio.toFixed(2)}× the ExcelJS load; peak RSS ${formatBytes(peakRss)} (${formatBytes(rssBefore)} before), peak heap ${formatBytes(peakHeap)}`,
  });
  if (collected !== count) report.note(`collect: ${collected} of ${count} communes collected`);
  report.target({
    target: `collect ${COLLECT_FILES} commune files ≤ ${COLLECT_LIMIT}× ExcelJS alone loading them (same run), peak memory reported`,
    measured: `${formatMs(run.timing.medianMs)} against ${formatMs(load.timing.medianMs)}: ${ratio.toFixed(2)}×; peak RSS ${formatBytes(peakRss)}`,
    pass: options.quick ? null : collected === count && ratio <= COLLECT_LIMIT,
  });
}
