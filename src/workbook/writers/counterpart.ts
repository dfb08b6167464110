// Result of the "counterpart" job: local ÷ central ratio per column against the minimum (KQ_DoiUng).

import type { CounterpartColumn } from "../../engine/funding/counterpart";
import type { SourceRef } from "../../engine/types";
import { FORMATS, moneyFormatFor, moneyUnitLine, type OutputSheet } from "../output";

export const COUNTERPART_SHEET = "KQ_DoiUng";

export function counterpartSheet(
  columns: CounterpartColumn[],
  basis: string,
  unit: { vi: string; en: string } = { vi: "triệu đồng", en: "million VND" },
  /** The cell of a text the basis quotes (the bracket's note), named by a warning about the title. */
  basisSource?: SourceRef,
  /** The funding table's cell each column starts at, by column: what each row rests on. */
  sources?: readonly (SourceRef | undefined)[]
): OutputSheet {
  const money = moneyFormatFor(columns.flatMap((c) => [c.central, c.local]));
  return {
    sheet: COUNTERPART_SHEET,
    tables: [
      {
        name: "NTM_DoiUng",
        unit: moneyUnitLine(unit),
        ...(basisSource ? { titleSource: basisSource } : {}),
        title: `Tỷ lệ vốn đối ứng ngân sách địa phương / Counterpart ratio — ${basis}`,
        columns: [
          { header: "Năm/Cột" },
          { header: "NS trung ương", format: money },
          { header: "NS địa phương", format: money },
          { header: "Tỷ lệ đối ứng", format: FORMATS.ratio },
          { header: "Tỷ lệ tối thiểu", format: FORMATS.ratio },
          { header: "Thiếu hụt", format: money },
          { header: "Đạt yêu cầu" },
        ],
        rows: columns.map((c) => [
          c.column,
          c.central,
          c.local,
          c.ratio,
          c.required,
          c.shortfall,
          c.missing ? "Chưa đánh giá (thiếu số liệu)" : c.compliant ? "Đạt" : "Chưa đạt",
        ]),
        ...(sources ? { sources } : {}),
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
