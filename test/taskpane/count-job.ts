// A test-only planning job: counts communes and averages the criteria they meet. It exercises the task pane's
// generic flow (inputs, options, progress, cancel, result tables, warnings, input errors) before the real jobs exist.

import type { PlanningJob } from "../../src/workbook/jobs/job";
import { FORMATS } from "../../src/workbook/output";
import {
  locateTable,
  numberCell,
  tryLocateTable,
  type ColumnSpec,
} from "../../src/workbook/readers/table";

const SPECS: ColumnSpec[] = [
  { key: "name", aliases: ["Tên xã", "Commune"], required: true },
  { key: "count", aliases: ["Số tiêu chí đạt", "Criteria met"], required: true },
];

const WHAT = { vi: "danh sách xã", en: "commune list" };

export const countJob: PlanningJob = {
  id: "test-count" as PlanningJob["id"],
  label: { vi: "Đếm xã (kiểm thử)", en: "Count communes (test)" },
  inputs: [
    {
      id: "communes",
      kind: "communes",
      label: { vi: "Danh sách xã", en: "Communes" },
      required: true,
    },
  ],
  options: [
    {
      id: "target",
      label: { vi: "Số tiêu chí chuẩn", en: "Criteria for the standard" },
      type: "number",
      default: 19,
      example: "19",
    },
    {
      id: "delay-ms",
      label: { vi: "Chờ (ms)", en: "Delay (ms)" },
      type: "number",
      default: 0,
      example: "0",
    },
  ],
  async run(request) {
    const ref = request.inputs.communes;
    if (!ref) throw new Error("communes input is required");
    let table;
    if (ref.sheet) {
      table = locateTable(await ref.workbook.readSheet(ref.sheet), SPECS, WHAT);
    } else {
      for (const name of await ref.workbook.sheetNames()) {
        table = tryLocateTable(await ref.workbook.readSheet(name), SPECS);
        if (table) break;
      }
      if (!table)
        table = locateTable({ sheet: "?", rows: [], origin: { row: 0, col: 0 } }, SPECS, WHAT);
    }
    const delay = Number(request.options["delay-ms"] ?? 0);
    for (let step = 1; step <= 4 && delay > 0; step++) {
      await new Promise((resolve) => setTimeout(resolve, delay / 4));
      if (request.signal?.aborted) throw new Error("aborted");
      request.onProgress?.(step / 4, { vi: `Bước ${step}/4`, en: `Step ${step}/4` });
    }
    const target = Number(request.options.target ?? 19);
    const counts = table.dataRows.map(
      (r) =>
        numberCell(table.grid, r, table.columns.count, {
          integer: true,
          min: 0,
          max: 19,
          what: { vi: "số tiêu chí đạt", en: "criteria met" },
        }) ?? 0
    );
    const average = counts.reduce((a, b) => a + b, 0) / Math.max(counts.length, 1);
    const standard = counts.filter((c) => c >= target).length;
    return {
      json: { communes: counts.length, average, standard },
      text: `${counts.length} xã, bình quân ${average.toFixed(2).replace(".", ",")} tiêu chí/xã`,
      sheets: [
        {
          sheet: "KQ_DemXa",
          tables: [
            {
              name: "NTM_DemXa",
              title: "Đếm xã / Commune count",
              columns: [
                { header: "Số xã", format: FORMATS.count },
                { header: "Bình quân tiêu chí/xã", format: FORMATS.average },
                { header: "Số xã đạt chuẩn", format: FORMATS.count },
                { header: "Tỷ lệ đạt chuẩn", format: FORMATS.share },
              ],
              rows: [[counts.length, average, standard, standard / Math.max(counts.length, 1)]],
            },
          ],
        },
      ],
      reading: [],
      warnings:
        counts.length === standard
          ? []
          : [
              {
                vi: `${counts.length - standard} xã chưa đạt chuẩn`,
                en: `${counts.length - standard} communes below the standard`,
                sheet: table.grid.sheet,
              },
            ],
    };
  },
};
