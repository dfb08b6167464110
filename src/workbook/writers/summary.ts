// Result of the "summary" job: the province's summary and per-criterion tables (KQ_TongHop) and the text a report quotes.

import { bandCaption, formatAverageVi, type CommuneSummary } from "../../engine/criteria";
import type { Catalogue } from "../../engine/types";
import { FORMATS, type OutputSheet } from "../output";
import type { CommunesReadResult } from "../readers/communes";

export const SUMMARY_SHEET = "KQ_TongHop";

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The summary and per-criterion tables, worded as in the provincial reports. */
export function summarySheet(summary: CommuneSummary, catalogue: Catalogue): OutputSheet {
  const n = summary.communes;
  const total = catalogue.criteria.length;
  const rows: (string | number | null)[][] = [
    ["Số xã (Communes)", n, null],
    ["Số tiêu chí bình quân/xã (Average criteria per commune)", summary.averageCriteria, null],
    [
      `Số xã đạt chuẩn NTM - đạt ${total}/${total} tiêu chí (Communes meeting the standard)`,
      summary.standard,
      share(summary.standard, n),
    ],
  ];
  if (summary.tiers) {
    rows.push(
      [
        "Số xã được công nhận đạt chuẩn NTM (Recognised standard)",
        summary.tiers.standard,
        share(summary.tiers.standard, n),
      ],
      [
        "Số xã đạt chuẩn NTM nâng cao (Advanced)",
        summary.tiers.advanced,
        share(summary.tiers.advanced, n),
      ],
      ["Số xã đạt chuẩn NTM kiểu mẫu (Model)", summary.tiers.model, share(summary.tiers.model, n)]
    );
  }
  let group = 0;
  for (const band of summary.bands) {
    const caption = bandCaption(band);
    const label =
      band.min === 0 && band.max > 0 ? `${caption.vi}` : `Nhóm ${++group}: ${caption.vi}`;
    rows.push([`${label} (${caption.en})`, band.count, share(band.count, n)]);
  }
  const tables: OutputSheet["tables"] = [
    {
      name: "NTM_TongHop",
      title: `Tổng hợp tiêu chí nông thôn mới (bộ ${catalogue.id}) / Criteria summary`,
      columns: [
        { header: "Chỉ tiêu (Indicator)" },
        // General format: counts stay whole and the average keeps its decimals.
        { header: "Giá trị (Value)" },
        { header: "Tỷ lệ (Share)", format: FORMATS.percent },
      ],
      rows,
      // The band rows close the table: a chart of communes per band, as reports show it.
      chart: {
        type: "column",
        title: "Số xã theo nhóm tiêu chí / Communes per band",
        categories: 0,
        series: [1],
        rows: { first: rows.length - summary.bands.length, count: summary.bands.length },
      },
    },
  ];
  if (summary.criterionCounts) {
    const counts = summary.criterionCounts;
    tables.push({
      name: "NTM_TheoTieuChi",
      title: "Số xã đạt từng tiêu chí / Communes meeting each criterion",
      columns: [
        { header: "TT" },
        { header: "Tiêu chí" },
        { header: "Criterion" },
        { header: "Số xã đạt", format: FORMATS.integer },
        { header: "Tỷ lệ", format: FORMATS.percent },
      ],
      rows: catalogue.criteria.map((c) => [
        c.number,
        c.vi,
        c.en,
        counts[c.number] ?? 0,
        share(counts[c.number] ?? 0, n),
      ]),
      chart: {
        type: "column",
        title: "Số xã đạt từng tiêu chí / Communes meeting each criterion",
        categories: 0,
        series: [3],
      },
    });
  }
  return { sheet: SUMMARY_SHEET, tables };
}

/** Vietnamese first, a line each: the figures a report quotes. */
export function summaryText(
  summary: CommuneSummary,
  catalogue: Catalogue,
  read: CommunesReadResult
): string {
  const total = catalogue.criteria.length;
  const lines = [
    `Bộ tiêu chí ${catalogue.id}; trang '${read.sheet}' (${read.shape === "list" ? "danh sách tiêu chí" : read.shape === "marks" ? "cột TC" : "số tiêu chí"})`,
    `Số xã: ${summary.communes}`,
    `Số tiêu chí bình quân/xã: ${formatAverageVi(summary.averageCriteria)} tiêu chí`,
    `Số xã đạt chuẩn NTM (${total}/${total} tiêu chí): ${summary.standard}/${summary.communes}`,
  ];
  if (summary.tiers) {
    lines.push(
      `Xã được công nhận: đạt chuẩn ${summary.tiers.standard}, nâng cao ${summary.tiers.advanced}, kiểu mẫu ${summary.tiers.model}`
    );
  }
  for (const band of summary.bands) lines.push(`  ${bandCaption(band).vi}: ${band.count} xã`);
  if (summary.criterionCounts) {
    lines.push("Số xã đạt từng tiêu chí:");
    for (const c of catalogue.criteria) {
      lines.push(
        `  ${c.number}. ${c.vi}: ${summary.criterionCounts[c.number] ?? 0}/${summary.communes}`
      );
    }
  }
  for (const w of read.warnings) lines.push(`Cảnh báo / Warning: ${w.vi}`);
  return lines.join("\n");
}
