// The "summary" job: reads commune status (any shape) and summarises the province as the reports do.

import { prependAll } from "../../engine/arrays";
import { withNumberNotes } from "./number-notes";
import { DEFAULT_BANDS, defaultBandsSpec, summariseCommunes } from "../../engine/criteria";
import { InputError } from "../../engine/errors";
import { shareTarget, shareTargetProgress } from "../../engine/indicators";
import type { Catalogue, CommuneStatus, ShareTargets } from "../../engine/types";
import { PERIOD_TARGETS_SHEET, readPeriodTargets } from "../readers/period-targets";
import { choosePeriod } from "../reading/period";
import { SUMMARY_OPTIONS } from "./summary-options";
import { SUMMARY_SPEC } from "./specs";
import { mergedStatuses, withMerger } from "./merged-communes";
import { mergeMapFor } from "../reading/context";
import type { WorkbookPort } from "../port";
import { CATALOGUE_COLUMNS, looksLikeCatalogue, readCataloguesTable } from "../readers/catalogue";
import { noSheetHolds } from "../readers/no-sheet";
import { noSheetHoldsIn } from "../reading/input-grid";
import type { TableReading } from "../reading/types";
import { looksLikeCommunes, readCommunes, type CommunesReadResult } from "../readers/communes";
import { findInputSheet, findInputSheets, sheetNamed } from "../reading/sheet-finder";
import { summarySheet, summaryText } from "../writers/summary";
import { eachCommuneSheet } from "../writers/each-commune";
import { readingInput, withReading, type InputRef, type JobResult, type PlanningJob } from "./job";
import { yearLine } from "../reading/year";
import type { SummaryJson } from "../results";
import { districtSourceField } from "../output";

/** Catalogues the user added on a sheet (the named one, or every sheet that looks like a catalogue). */
export async function readCatalogueInput(
  ref: InputRef | undefined
): Promise<{ catalogues: Catalogue[]; readings: TableReading[] }> {
  if (!ref) return { catalogues: [], readings: [] };
  const grids = await findInputSheets(ref.workbook, {
    named: ref.sheet,
    accepts: looksLikeCatalogue,
    what: { vi: "bộ tiêu chí", en: "catalogue" },
  });
  const reads = grids.map((grid) => readCataloguesTable(grid));
  const found = reads.flatMap((read) => read.catalogues);
  const readings = reads.map((read) => read.reading);
  if (found.length === 0) {
    const table = {
      what: { vi: "bộ tiêu chí", en: "catalogue" },
      needed: {
        vi: `một trang tính có cột "Giai đoạn", "Số TT", "Tên tiêu chí"`,
        en: `a sheet with the columns "Giai đoạn" (period), "Số TT" (number), "Tên tiêu chí" (name)`,
      },
      layouts: [CATALOGUE_COLUMNS],
    };
    // The sheets read held no criteria (a header alone): those are named; else every sheet looked at.
    throw grids.length > 0
      ? noSheetHolds({ ...table, grids })
      : await noSheetHoldsIn(ref.workbook, table);
  }
  return { catalogues: found, readings };
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
  throw await noSheetHoldsIn(workbook, {
    what: { vi: "danh sách xã", en: "communes list" },
    needed: {
      vi: `một trang tính có cột "Tên xã" và "Tiêu chí đạt" (hoặc TC1…TC${catalogue.criteria.length}, hoặc "Số tiêu chí đạt")`,
      en: `a sheet with "Tên xã" and "Tiêu chí đạt" (or TC1…TC${catalogue.criteria.length}, or "Số tiêu chí đạt")`,
    },
  });
}

/**
 * The end-year share targets of an indicator-level period: the options, else the province's own period-targets
 * sheet (counts of communes, turned into shares of the communes read), else the catalogue's national ones.
 */
async function endTargets(
  request: Parameters<PlanningJob["run"]>[0],
  catalogue: Catalogue
): Promise<{ targets?: ShareTargets; reading?: TableReading }> {
  const national = catalogue.targets;
  if (!national) return {};
  const targets: ShareTargets = { ...national };
  const ref = request.inputs.communes;
  const name = ref ? await sheetNamed(ref.workbook, PERIOD_TARGETS_SHEET) : undefined;
  let reading: TableReading | undefined;
  if (ref && name !== undefined) {
    const own = readPeriodTargets(await ref.workbook.readSheet(name));
    reading = own.reading;
    targets.source = `trang '${name}' (chỉ tiêu của tỉnh / the province's targets)`;
    targets.counts = { standard: own.targets.standard, top: own.modern };
  }
  const o = SUMMARY_OPTIONS.parse(request.options);
  const pct = (id: "target-standard" | "target-modern", what: { vi: string; en: string }) => {
    const value = o[id];
    return value === undefined ? undefined : shareTarget(value, what);
  };
  const standard = pct("target-standard", {
    vi: "mục tiêu tỷ lệ xã đạt chuẩn",
    en: "target share at the standard",
  });
  const top = pct("target-modern", {
    vi: "mục tiêu tỷ lệ xã NTM hiện đại",
    en: "target share of modern communes",
  });
  if (standard !== undefined || top !== undefined) {
    targets.source = "tùy chọn của người dùng / user's options";
    if (standard !== undefined) targets.standard = standard;
    if (top !== undefined) targets.top = top;
    delete targets.counts;
  }
  return { targets, reading };
}

/** Communes and those at the standard per district, in sheet order; undefined when no commune names one. */
function districtCounts(
  communes: readonly CommuneStatus[],
  total: number
): SummaryJson["districts"] {
  if (!communes.some((c) => c.district)) return undefined;
  type Row = NonNullable<SummaryJson["districts"]>[number];
  const byName = new Map<string, Row>();
  for (const c of communes) {
    const name = c.district ?? "";
    let row = byName.get(name);
    if (!row) {
      // The district's name as its first commune's row gives it.
      const source = districtSourceField(c).districtSource;
      byName.set(name, (row = { name, communes: 0, standard: 0, ...(source ? { source } : {}) }));
    }
    row.communes += 1;
    if (c.count >= total) row.standard += 1;
  }
  return [...byName.values()];
}

export const summaryJob: PlanningJob = withNumberNotes({
  ...SUMMARY_SPEC,
  async run(request): Promise<JobResult> {
    SUMMARY_OPTIONS.parse(request.options); // checked at the boundary, before any sheet is read
    const communesRef = request.inputs.communes;
    if (!communesRef) {
      throw new InputError({ expected: { vi: "trang tính danh sách xã", en: "a communes sheet" } });
    }
    const catalogueRef = request.inputs.catalogue;
    const extra = await readingInput(catalogueRef, () => readCatalogueInput(catalogueRef));
    const choice = await choosePeriod(request, extra.catalogues, communesRef);
    const read = await readCommunesInput(communesRef.workbook, communesRef.sheet, choice.catalogue);
    // A status sheet of old communes: carried to the merged communes where it can be, else refused.
    const mergeMap = await mergeMapFor(request, communesRef.workbook);
    const merged = mergedStatuses(mergeMap, read.communes, read.sheet);
    read.communes = merged.communes;
    // The indicators evaluated: the policy's, or the status sheet's headers when no policy was given.
    const catalogue = read.catalogue ?? choice.catalogue;
    prependAll(read.warnings, choice.warnings);
    const bandsOption = SUMMARY_OPTIONS.parse(request.options).bands;
    // The default spec is written for 19 criteria; for other catalogues "default" means their own default, and the
    // assumption says the bands used (jobs/assumed.ts). The 19-criteria bands typed for another set are replaced with a warning.
    const total = catalogue.criteria.length;
    const given = typeof bandsOption === "string" ? bandsOption.trim() : "";
    const typed = request.options.bands;
    const wrongSet = given === DEFAULT_BANDS && total !== 19;
    const bands = given !== "" && !wrongSet ? given : undefined;
    if (wrongSet && typeof typed === "string" && typed.trim() !== "") {
      read.warnings.push({
        vi: `Nhóm số tiêu chí "${DEFAULT_BANDS}" là của bộ 19 tiêu chí; bộ ${total} tiêu chí dùng "${defaultBandsSpec(total)}"`,
        en: `Bands "${DEFAULT_BANDS}" are for the 19-criteria set; the ${total}-criteria set uses "${defaultBandsSpec(total)}"`,
      });
    }
    const summary = summariseCommunes(read.communes, { catalogue, bands });
    const json: SummaryJson = {
      period: catalogue.id,
      periodNote: choice.note,
      planYear: choice.year ?? null,
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
    if (summary.indicatorCounts) json.indicatorCounts = summary.indicatorCounts;
    if (summary.groups) json.groups = summary.groups;
    const districts = districtCounts(read.communes, catalogue.criteria.length);
    if (districts) json.districts = districts;
    const { targets, reading: targetsReading } = await endTargets(request, catalogue);
    const progress = targets
      ? shareTargetProgress(
          { communes: summary.communes, standard: summary.standard, top: summary.tiers?.modern },
          targets
        )
      : undefined;
    if (progress) json.targets = progress;
    const result: JobResult = {
      reading: [],
      json,
      text: [
        ...(choice.year === request.year ? [] : yearLine(choice.year)),
        choice.note.vi,
        summaryText(summary, catalogue, read, progress),
      ].join("\n"),
      // The full table of each commune: the report names this sheet for the communes it only counts.
      sheets: [
        summarySheet(summary, catalogue, progress),
        eachCommuneSheet(read.communes, catalogue),
      ],
      warnings: read.warnings,
    };
    return withMerger(
      withReading(result, [
        read.reading,
        ...extra.readings,
        ...choice.readings,
        mergeMap?.reading,
        targetsReading,
      ]),
      [merged.rollUp],
      "NTM_TongHop_SapNhap"
    );
  },
});
