// Result of the "summary" job: the province's summary and per-criterion tables (KQ_TongHop) and the text a report quotes.

import { bandCaption, formatAverageVi, type CommuneSummary } from "../../engine/criteria";
import type { shareTargetProgress } from "../../engine/indicators";
import { displayedSharesOf } from "../../engine/rounding";
import type { Catalogue } from "../../engine/types";
import { placedWarning } from "../../engine/errors";
import { FORMATS, type OutputSheet } from "../output";
import type { CommunesReadResult } from "../readers/communes";

export const SUMMARY_SHEET = "KQ_TongHop";

/** Where the province stands against the end-year targets (2026-2030). */
export type TargetProgress = ReturnType<typeof shareTargetProgress>;

const GROUP_KEYS = ["1", "2", "3"] as const;

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The summary and per-criterion tables, worded as in the provincial reports. */
export function summarySheet(
  summary: CommuneSummary,
  catalogue: Catalogue,
  progress?: TargetProgress
): OutputSheet {
  const n = summary.communes;
  const total = catalogue.criteria.length;
  // The average is the second row: the value column's one row with two decimals (see its rowFormats).
  const rows: (string | number | null)[][] = [
    ["Số xã (Communes)", n, null],
    ["Số tiêu chí bình quân/xã (Average criteria per commune)", summary.averageCriteria, null],
    [
      `Số xã đạt chuẩn NTM - đạt ${total}/${total} tiêu chí (Communes meeting the standard)`,
      summary.standard,
      share(summary.standard, n),
    ],
  ];
  if (summary.tiers?.modern !== undefined) {
    rows.push(
      [
        "Số xã được công nhận đạt chuẩn NTM (Recognised standard)",
        summary.tiers.standard,
        share(summary.tiers.standard, n),
      ],
      [
        "Số xã NTM hiện đại (Modern NTM communes)",
        summary.tiers.modern,
        share(summary.tiers.modern, n),
      ]
    );
  } else if (summary.tiers) {
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
  if (progress) {
    rows.push([
      `Mục tiêu ${progress.year}: số xã đạt chuẩn (Target: communes at the standard; ${progress.source})`,
      progress.standard.targetCount,
      progress.standard.target,
    ]);
    rows.push([
      `Còn thiếu so với mục tiêu ${progress.year} (Communes still needed)`,
      progress.standard.gap,
      null,
    ]);
    if (progress.top) {
      rows.push([
        `Mục tiêu ${progress.year}: số xã NTM hiện đại (Target: modern NTM communes)`,
        progress.top.targetCount,
        progress.top.target,
      ]);
    }
  }
  if (summary.groups) {
    // The groups' shares of the communes are shown rounded to add to exactly 100%, as the bands' below.
    const present = GROUP_KEYS.filter((g) => summary.groups?.[g] !== undefined);
    const groupShares = displayedSharesOf(
      present.map((g) => summary.groups?.[g]?.communes ?? 0),
      n
    );
    for (const g of GROUP_KEYS) {
      const own = summary.groups[g];
      if (!own) continue;
      rows.push([
        `Nhóm xã ${g}: số xã (Commune group ${g}: communes)`,
        own.communes,
        groupShares[present.indexOf(g)],
      ]);
      rows.push([
        `Nhóm xã ${g}: số xã đạt chuẩn (Group ${g}: at the standard)`,
        own.standard,
        share(own.standard, own.communes),
      ]);
    }
  }
  let group = 0;
  const bandShares = displayedSharesOf(
    summary.bands.map((b) => b.count),
    n
  );
  summary.bands.forEach((band, i) => {
    const caption = bandCaption(band);
    const label =
      band.min === 0 && band.max > 0 ? `${caption.vi}` : `Nhóm ${++group}: ${caption.vi}`;
    rows.push([`${label} (${caption.en})`, band.count, bandShares[i]]);
  });
  const tables: OutputSheet["tables"] = [
    {
      name: "NTM_TongHop",
      title:
        `Tổng hợp tiêu chí nông thôn mới (bộ ${catalogue.id}); tỷ lệ theo nhóm làm tròn, cộng đúng 100% / ` +
        "Criteria summary; shares by band and group rounded to add to exactly 100%",
      columns: [
        { header: "Chỉ tiêu (Indicator)" },
        // Counts of communes, but for the average criteria per commune (the second row).
        { header: "Giá trị (Value)", format: FORMATS.count, rowFormats: { 1: FORMATS.average } },
        { header: "Tỷ lệ (Share)", format: FORMATS.share },
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
  const groups = summary.groups ? GROUP_KEYS.filter((g) => summary.groups?.[g] !== undefined) : [];
  if (summary.criterionCounts) {
    const counts = summary.criterionCounts;
    tables.push({
      name: "NTM_TheoTieuChi",
      title: "Số xã đạt từng tiêu chí / Communes meeting each criterion",
      columns: [
        { header: "TT", format: FORMATS.count },
        { header: "Tiêu chí" },
        { header: "Tên tiếng Anh" },
        { header: "Số xã đạt", format: FORMATS.count },
        { header: "Tỷ lệ", format: FORMATS.share },
        ...groups.map((g) => ({ header: `Nhóm xã ${g} (group ${g})`, format: FORMATS.count })),
      ],
      rows: catalogue.criteria.map((c) => [
        c.number,
        c.vi,
        c.en,
        counts[c.number] ?? 0,
        share(counts[c.number] ?? 0, n),
        ...groups.map((g) => summary.groups?.[g]?.criterionCounts?.[c.number] ?? null),
      ]),
      chart: {
        type: "column",
        title: "Số xã đạt từng tiêu chí / Communes meeting each criterion",
        categories: 0,
        series: [3],
      },
    });
  }
  if (summary.indicatorCounts) {
    const counts = summary.indicatorCounts;
    tables.push({
      name: "NTM_TheoChiTieu",
      title: "Số xã đạt từng chỉ tiêu / Communes meeting each indicator",
      columns: [
        { header: "Mã chỉ tiêu (Code)" },
        { header: "Tiêu chí (Criterion)", format: FORMATS.count },
        { header: "Chỉ tiêu" },
        { header: "Tên tiếng Anh" },
        { header: "Số xã đạt", format: FORMATS.count },
        { header: "Tỷ lệ", format: FORMATS.share },
        ...groups.map((g) => ({ header: `Nhóm xã ${g} (group ${g})`, format: FORMATS.count })),
      ],
      rows: (catalogue.indicators ?? []).map((i) => [
        i.code,
        i.criterion,
        i.vi,
        i.en,
        counts[i.code] ?? 0,
        share(counts[i.code] ?? 0, n),
        ...groups.map((g) => summary.groups?.[g]?.indicatorCounts?.[i.code] ?? null),
      ]),
    });
  }
  return { sheet: SUMMARY_SHEET, tables };
}

/** Vietnamese first, a line each: the figures a report quotes. */
export function summaryText(
  summary: CommuneSummary,
  catalogue: Catalogue,
  read: CommunesReadResult,
  progress?: TargetProgress
): string {
  const total = catalogue.criteria.length;
  const lines = [
    `Bộ tiêu chí ${catalogue.id}; trang '${read.sheet}' (${read.shape === "list" ? "danh sách tiêu chí" : read.shape === "marks" ? "cột TC" : read.shape === "indicators" ? "cột chỉ tiêu" : "số tiêu chí"})`,
    `Số xã: ${summary.communes}`,
    `Số tiêu chí bình quân/xã: ${formatAverageVi(summary.averageCriteria)} tiêu chí`,
    `Số xã đạt chuẩn NTM (${total}/${total} tiêu chí): ${summary.standard}/${summary.communes}`,
  ];
  if (summary.tiers?.modern !== undefined) {
    lines.push(
      `Xã được công nhận: đạt chuẩn ${summary.tiers.standard}, NTM hiện đại ${summary.tiers.modern}`
    );
  } else if (summary.tiers) {
    lines.push(
      `Xã được công nhận: đạt chuẩn ${summary.tiers.standard}, nâng cao ${summary.tiers.advanced}, kiểu mẫu ${summary.tiers.model}`
    );
  }
  if (progress) {
    const p = progress.standard;
    lines.push(
      `Mục tiêu ${progress.year} (${progress.source}): ${p.targetCount} xã đạt chuẩn, hiện ${p.count}, còn thiếu ${p.gap}`
    );
    if (progress.top) {
      lines.push(
        `Mục tiêu ${progress.year}: ${progress.top.targetCount} xã NTM hiện đại, hiện ${progress.top.count}, còn thiếu ${progress.top.gap}`
      );
    }
  }
  for (const g of GROUP_KEYS) {
    const own = summary.groups?.[g];
    if (own) lines.push(`Nhóm xã ${g}: ${own.communes} xã, ${own.standard} xã đạt chuẩn`);
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
  if (summary.indicatorCounts) {
    lines.push("Số xã đạt từng chỉ tiêu:");
    for (const i of catalogue.indicators ?? []) {
      lines.push(
        `  ${i.code} ${i.vi}: ${summary.indicatorCounts[i.code] ?? 0}/${summary.communes}`
      );
    }
  }
  for (const w of read.warnings) lines.push(`Cảnh báo / Warning: ${placedWarning(w).vi}`);
  return lines.join("\n");
}
