// The "summary" job: reads commune status (any shape) and summarises the province as the reports do.

import { withNumberNotes } from "./number-notes";
import { BUILT_IN_CATALOGUES, DEFAULT_PERIOD } from "../../engine/catalogues";
import { findCatalogue } from "../../engine/catalogue-lookup";
import { DEFAULT_BANDS, summariseCommunes } from "../../engine/criteria";
import { InputError } from "../../engine/errors";
import type { Catalogue } from "../../engine/types";
import type { WorkbookPort } from "../port";
import { looksLikeCatalogue, readCatalogues } from "../readers/catalogue";
import { looksLikeCommunes, readCommunes, type CommunesReadResult } from "../readers/communes";
import { findInputSheet, inputSheetNames } from "../sheet-finder";
import { summarySheet, summaryText } from "../writers/summary";
import type { InputRef, JobResult, PlanningJob } from "./job";

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
