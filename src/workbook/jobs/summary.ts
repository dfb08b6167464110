// The "summary" job: reads commune status (any shape) and summarises the province as the reports do.

import { withNumberNotes } from "./number-notes";
import { BUILT_IN_CATALOGUES, DEFAULT_PERIOD } from "../../engine/catalogues";
import { findCatalogue } from "../../engine/catalogue-lookup";
import {
  bandCaption,
  DEFAULT_BANDS,
  formatAverageVi,
  summariseCommunes,
  type CommuneSummary,
} from "../../engine/criteria";
import { InputError } from "../../engine/errors";
import type { Catalogue } from "../../engine/types";
import { FORMATS, type OutputSheet } from "../output";
import type { WorkbookPort } from "../port";
import { looksLikeCatalogue, readCatalogues } from "../readers/catalogue";
import { looksLikeCommunes, readCommunes, type CommunesReadResult } from "../readers/communes";
import { findInputSheet, inputSheetNames } from "../sheet-finder";
import type { InputRef, JobResult, PlanningJob } from "./job";

export const SUMMARY_SHEET = "KQ_TongHop";

/** Catalogues the user added on a sheet (the named one, or every sheet that looks like a catalogue). */
export async function readCatalogueInput(ref: InputRef | undefined): Promise<Catalogue[]> {
  if (!ref) return [];
  if (ref.sheet) return readCatalogues(await ref.workbook.readSheet(ref.sheet));
  const found: Catalogue[] = [];
  for (const name of await inputSheetNames(ref.workbook)) {
    const grid = await ref.workbook.readSheet(name);
    if (looksLikeCatalogue(grid)) found.push(...readCatalogues(grid));
  }
  if (found.length === 0) {
    throw new InputError({
      expected: {
        vi: `một trang tính bộ tiêu chí có cột "Giai đoạn", "Số TT", "Tên tiêu chí"`,
        en: `a catalogue sheet with the columns "Giai đoạn" (period), "Số TT" (number), "Tên tiêu chí" (name)`,
      },
    });
  }
  return found;
}

/** The communes sheet (see sheet-finder): the named one, else the visible sheet whose headers look like a communes list. */
export async function readCommunesInput(
  workbook: WorkbookPort,
  sheet: string | undefined,
  catalogue: Catalogue
): Promise<CommunesReadResult> {
  const found = await findInputSheet(workbook, {
    named: sheet,
    accepts: (g) => looksLikeCommunes(g, catalogue),
    what: { vi: "danh sách xã", en: "communes list" },
  });
  if (found) return readCommunes(found.grid, { catalogue });
  const names = await inputSheetNames(workbook);
  throw new InputError({
    found: names.join(", "),
    expected: {
      vi: `một trang tính danh sách xã có cột "Tên xã" và "Tiêu chí đạt" (hoặc TC1…TC${catalogue.criteria.length}, hoặc "Số tiêu chí đạt")`,
      en: `a communes sheet with "Tên xã" and "Tiêu chí đạt" (or TC1…TC${catalogue.criteria.length}, or "Số tiêu chí đạt")`,
    },
  });
}

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

export const summaryJob: PlanningJob = withNumberNotes({
  id: "summary",
  label: { vi: "Tổng hợp tiêu chí các xã", en: "Summarise communes' criteria" },
  inputs: [
    {
      id: "communes",
      kind: "communes",
      label: { vi: "Danh sách xã", en: "Communes" },
      required: true,
    },
    {
      id: "catalogue",
      kind: "catalogue",
      label: { vi: "Bộ tiêu chí (thêm)", en: "Criteria catalogue (extra)" },
      required: false,
    },
  ],
  options: [
    {
      id: "period",
      label: { vi: "Giai đoạn", en: "Period" },
      type: "text",
      default: DEFAULT_PERIOD,
      help: {
        vi: `Bộ tiêu chí: ${BUILT_IN_CATALOGUES.map((c) => c.id).join(", ")} hoặc một bộ đã thêm`,
        en: `Criteria set: ${BUILT_IN_CATALOGUES.map((c) => c.id).join(", ")} or one added from a sheet`,
      },
    },
    {
      id: "bands",
      label: { vi: "Nhóm số tiêu chí", en: "Bands of criteria met" },
      type: "text",
      default: DEFAULT_BANDS,
      help: { vi: "Ví dụ 19,15-18,10-14,5-9,0-4", en: "For example 19,15-18,10-14,5-9,0-4" },
    },
  ],
  async run(request): Promise<JobResult> {
    const communesRef = request.inputs.communes;
    if (!communesRef) {
      throw new InputError({ expected: { vi: "trang tính danh sách xã", en: "a communes sheet" } });
    }
    const extra = await readCatalogueInput(request.inputs.catalogue);
    const period = request.options.period;
    const catalogue = findCatalogue(
      typeof period === "string" && period.trim() ? period : DEFAULT_PERIOD,
      extra
    );
    const read = await readCommunesInput(communesRef.workbook, communesRef.sheet, catalogue);
    const bandsOption = request.options.bands;
    // The default spec is written for 19 criteria; for other catalogues "default" means their own default.
    const bands =
      typeof bandsOption === "string" &&
      bandsOption.trim() &&
      !(bandsOption === DEFAULT_BANDS && catalogue.criteria.length !== 19)
        ? bandsOption
        : undefined;
    const summary = summariseCommunes(read.communes, { catalogue, bands });
    const json: Record<string, unknown> = {
      period: catalogue.id,
      sheet: read.sheet,
      shape: read.shape,
      communes: summary.communes,
      averageCriteria: summary.averageCriteria,
      standard: summary.standard,
      bands: summary.bands.map((b) => ({ label: b.label, min: b.min, max: b.max, count: b.count })),
      warnings: read.warnings,
    };
    if (summary.criterionCounts) {
      json.criterionCounts = Object.fromEntries(
        Object.entries(summary.criterionCounts).map(([k, v]) => [String(k), v])
      );
    }
    if (summary.tiers) json.tiers = summary.tiers;
    return {
      json,
      text: summaryText(summary, catalogue, read),
      sheets: [summarySheet(summary, catalogue)],
      warnings: read.warnings,
    };
  },
});
