// Result of the "counterpart" job: local ÷ central ratio per column against the minimum (KQ_DoiUng).

import type { CounterpartColumn } from "../../engine/funding/counterpart";
import { FORMATS, type OutputSheet, MONEY_UNIT } from "../output";

export const COUNTERPART_SHEET = "KQ_DoiUng";

export function counterpartSheet(columns: CounterpartColumn[], basis: string): OutputSheet {
  return {
    sheet: COUNTERPART_SHEET,
    tables: [
      {
        name: "NTM_DoiUng",
        unit: MONEY_UNIT,
        title: `Tỷ lệ vốn đối ứng ngân sách địa phương / Counterpart ratio — ${basis}`,
        columns: [
          { header: "Năm/Cột" },
          { header: "NS trung ương", format: FORMATS.integer },
          { header: "NS địa phương", format: FORMATS.integer },
          { header: "Tỷ lệ đối ứng", format: FORMATS.decimal3 },
          { header: "Tỷ lệ tối thiểu", format: FORMATS.decimal2 },
          { header: "Thiếu hụt", format: FORMATS.integer },
          { header: "Đạt yêu cầu" },
        ],
        rows: columns.map((c) => [
          c.column,
          c.central,
          c.local,
          c.ratio,
          c.required,
          c.shortfall,
          c.compliant ? "Đạt" : "Chưa đạt",
        ]),
        chart: {
          type: "column",
          title: "Tỷ lệ đối ứng theo năm / Counterpart ratio by year",
          categories: 0,
          series: [3, 4],
        },
      },
    ],
  };
}
