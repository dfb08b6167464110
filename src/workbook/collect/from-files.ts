// Collecting from files the user picked in the pane (browser File objects, or anything with a name and its bytes):
// each opened read-only, the open workbook's policy sheet used for 2026-2030 indicator values, the result sheets
// made. Loaded as a chunk of its own (ExcelJS is not in the pane's first bundle).

import { CATALOGUE_2026_2030 } from "../../engine/catalogues";
import { withIndicators } from "../../engine/indicators";
import type { Catalogue, Indicator, Warning } from "../../engine/types";
import { ExcelJsWorkbook } from "../adapters/exceljs";
import { baseName, fileKind } from "../adapters/file-kind";
import type { OutputSheet } from "../output";
import { safeOutputSheets } from "../output-text";
import type { WorkbookPort } from "../port";
import { looksLikeIndicatorPolicy, readIndicatorPolicy } from "../readers/indicator-policy";
import { findInputSheet } from "../reading/sheet-finder";
import { collectReports, type Collection } from "./collect";
import { collectionSheets } from "./sheets";

export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface CollectedFiles {
  collection: Collection;
  sheets: OutputSheet[];
  /**
   * The open workbook's policy sheet's warnings, then what writing the sheets changes (a control character pasted
   * into a report): one per report cell, naming its file, sheet and cell and where it goes.
   */
  warnings: Warning[];
}

/** The province's indicator policy in the open workbook, when it has one (2026-2030 values are read with it). */
async function policyOf(
  workbook: WorkbookPort
): Promise<{ catalogue: Catalogue; indicators: Indicator[]; warnings: Warning[] } | null> {
  const found = await findInputSheet(workbook, {
    accepts: looksLikeIndicatorPolicy,
    what: { vi: "bảng chỉ tiêu theo nhóm xã", en: "indicator policy sheet" },
    optional: true,
  });
  if (!found) return null;
  const made = withIndicators(CATALOGUE_2026_2030, readIndicatorPolicy(found.grid));
  return {
    catalogue: made.catalogue,
    indicators: made.catalogue.indicators ?? [],
    warnings: [...found.warnings, ...made.warnings.map((w) => ({ ...w, sheet: found.grid.sheet }))],
  };
}

/** A picked file opened read-only as what its bytes are (.xlsx, .xls or text), not what its name says. */
async function openPicked(file: PickedFile): Promise<WorkbookPort> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = fileKind(bytes, file.name);
  if (kind === "xls") {
    const { XlsWorkbook } = await import(/* webpackChunkName: "xls" */ "../adapters/xls");
    return XlsWorkbook.fromXls(bytes);
  }
  if (kind === "text") return ExcelJsWorkbook.fromTextBytes(bytes, baseName(file.name));
  return ExcelJsWorkbook.fromXlsx(bytes, { readOnly: true });
}

export async function collectPickedFiles(
  files: PickedFile[],
  workbook: WorkbookPort,
  options: {
    onProgress?: (done: number, total: number, file: string) => void;
    signal?: AbortSignal;
  }
): Promise<CollectedFiles> {
  const policy = await policyOf(workbook);
  const collection = await collectReports(
    files.map((f) => ({ file: f.name, open: () => openPicked(f) })),
    { ...(policy ? { policy: policy.catalogue } : {}), ...options }
  );
  // The policy is the open workbook's own sheet: not written again beside the table.
  const sheets = collectionSheets(collection, {
    indicators: policy?.indicators,
    policySheet: false,
  });
  return {
    collection,
    sheets,
    warnings: [...(policy?.warnings ?? []), ...safeOutputSheets(sheets).warnings],
  };
}
