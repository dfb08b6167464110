import { promises as fs } from "node:fs";
import * as path from "node:path";
import { ExcelJsWorkbook } from "../../../src/workbook/adapters/exceljs";
import { counterpartJob } from "../../../src/workbook/jobs/counterpart";
import { summaryJob } from "../../../src/workbook/jobs/summary";
import type { OutputTable } from "../../../src/workbook/output";

const SAMPLE = path.join(__dirname, "..", "..", "..", "assets", "ntm-sample.xlsx");

function plotted(table: OutputTable) {
  const chart = table.chart!;
  const rows = chart.rows
    ? table.rows.slice(chart.rows.first, chart.rows.first + chart.rows.count)
    : table.rows;
  return {
    categories: rows.map((r) => r[chart.categories]),
    series: chart.series.map((c) => table.columns[c].header),
    values: rows.map((r) => chart.series.map((c) => r[c])),
  };
}

describe("charts next to result tables", () => {
  it("plots the communes per band from the band rows of the summary", async () => {
    const workbook = await ExcelJsWorkbook.fromXlsx(await fs.readFile(SAMPLE));
    const result = await summaryJob.run({ inputs: { communes: { workbook } }, options: {} });
    const chart = plotted(result.sheets[0].tables[0]);
    expect(chart.categories).toHaveLength(5);
    expect(String(chart.categories[0])).toMatch(/^Nhóm 1: 19 tiêu chí/);
    expect(chart.values.map((v) => v[0])).toEqual([70, 10, 0, 0, 0]);
  });

  it("plots the counterpart ratio against the minimum for each year", async () => {
    const workbook = await ExcelJsWorkbook.fromXlsx(await fs.readFile(SAMPLE));
    const result = await counterpartJob.run({
      inputs: { budget: { workbook } },
      options: { ratio: 1 },
    });
    const chart = plotted(result.sheets[0].tables[0]);
    expect(chart.series).toEqual(["Tỷ lệ đối ứng", "Tỷ lệ tối thiểu"]);
    expect(chart.values.map((v) => Number((v[0] as number).toFixed(3)))).toEqual([0.243, 1.052]);
  });
});
