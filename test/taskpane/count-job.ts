// A test-only planning job: counts communes and averages the criteria they meet. It exercises the task pane's
// generic flow (inputs, options, progress, cancel, result tables, warnings, input errors) before the real jobs exist.
// It says what it read, as every job does: total and district rows set aside, a total row checked against the sum.

import { cellText } from "../../src/workbook/grid";
import type { PlanningJob } from "../../src/workbook/jobs/job";
import {
  noteCheck,
  noteColumn,
  recordCell,
  skipRow,
  tableReading,
} from "../../src/workbook/reading/record";
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
    const located = table;
    const name = (r: number) =>
      cellText(located.grid.rows[r]?.[located.columns.name] ?? null).trim();
    const totals = table.dataRows.filter((r) => /^(tổng cộng|tổng số|cộng)\b/i.test(name(r)));
    for (const r of totals)
      skipRow(table, r, "total", {
        vi: "dòng tổng cộng, không phải xã",
        en: "a total, not a commune",
      });
    const districts = table.dataRows.filter(
      (r) => /^huyện\b/i.test(name(r)) && !totals.includes(r)
    );
    for (const r of districts)
      skipRow(table, r, "district", {
        vi: "tên huyện, không phải xã",
        en: "a district, not a commune",
      });
    const communes = table.dataRows.filter((r) => !totals.includes(r) && !districts.includes(r));
    noteColumn(table, table.columns.name, "name");
    noteColumn(table, table.columns.count, "count");
    for (const u of table.unmatched)
      noteColumn(table, u.col, "other", {
        used: false,
        why: { vi: "việc này không cần", en: "not needed by this task" },
      });
    const counts = communes.map(
      (r) =>
        numberCell(table.grid, r, table.columns.count, {
          integer: true,
          min: 0,
          max: 19,
          what: { vi: "số tiêu chí đạt", en: "criteria met" },
        }) ?? 0
    );
    const sum = counts.reduce((a, b) => a + b, 0);
    for (const r of totals) {
      const stated = located.grid.rows[r]?.[located.columns.count];
      if (typeof stated !== "number") continue;
      const cell = recordCell(located.grid, r, located.columns.count);
      noteCheck(table, {
        kind: "total",
        cell,
        ok: stated === sum,
        vi: `Tổng cộng ô ${cell}: ${stated}, cộng các xã ${sum}`,
        en: `Total in ${cell}: ${stated}, sum of the communes ${sum}`,
      });
    }
    const average = sum / Math.max(counts.length, 1);
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
      reading: [tableReading(table, "communes", WHAT)],
    };
  },
};
