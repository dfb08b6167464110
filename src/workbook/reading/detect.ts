// Which sheets of a workbook hold which kind of input, recognised by their headers (not by their names).

import type { Grid } from "../grid";
import { isBracketSheet } from "../readers/brackets";
import { budgetLayout } from "../readers/budget";
import { looksLikeCatalogue } from "../readers/catalogue";
import { isPolicySheet } from "../readers/allocation-policy";
import { isCoefficientsSheet } from "../readers/coefficients";
import { looksLikeCommunes } from "../readers/communes";
import { looksLikeCosts } from "../readers/costs";
import { looksLikeIndicatorCosts } from "../readers/indicator-costs";
import { looksLikeIndicatorPolicy } from "../readers/indicator-policy";
import { looksLikeCommuneMoney, looksLikeMergeMap } from "../readers/merge";
import { CATALOGUE_2026_2030 } from "../../engine/catalogues";
import type { WorkbookPort } from "../port";
import { inputSheetNames } from "./sheet-finder";
import type { InputKind, JobInputSpec } from "./inputs";

const DETECTORS: Partial<Record<InputKind, (grid: Grid) => boolean>> = {
  communes: (grid) => looksLikeCommunes(grid) || looksLikeCommunes(grid, CATALOGUE_2026_2030),
  budget: (grid) => budgetLayout(grid) !== null,
  brackets: isBracketSheet,
  coefficients: isCoefficientsSheet,
  catalogue: looksLikeCatalogue,
  indicators: looksLikeIndicatorPolicy,
  "allocation-policy": isPolicySheet,
  merge: looksLikeMergeMap,
  // Costs by criterion or by indicator (the targets and roadmap jobs read either): never the status sheet itself.
  costs: (grid) =>
    (looksLikeCosts(grid) || looksLikeIndicatorCosts(grid)) &&
    !looksLikeCommunes(grid) &&
    !looksLikeCommunes(grid, CATALOGUE_2026_2030),
  // Money by commune: not the mapping itself, not a status sheet (either period), not a funding table (a line "Xã" is
  // no header), not a coefficients or costs table (a coefficient or a criterion column is no amount).
  money: (grid) =>
    looksLikeCommuneMoney(grid) &&
    !looksLikeCommunes(grid) &&
    !looksLikeCommunes(grid, CATALOGUE_2026_2030) &&
    !isCoefficientsSheet(grid) &&
    budgetLayout(grid) === null &&
    !looksLikeMergeMap(grid) &&
    !looksLikeCosts(grid) &&
    !looksLikeIndicatorCosts(grid),
};

/** True when a sheet looks like an input of the kind (by its headers); false for kinds without a detector. */
export function isInputKind(kind: InputKind, grid: Grid): boolean {
  return DETECTORS[kind]?.(grid) ?? false;
}

/**
 * For each kind, the sheets that look like it, in workbook order: visible sheets only (see sheet-finder), the
 * add-in's own result sheets skipped.
 */
export async function detectInputs(
  workbook: WorkbookPort
): Promise<Partial<Record<InputKind, string[]>>> {
  const found: Partial<Record<InputKind, string[]>> = {};
  for (const name of await inputSheetNames(workbook)) {
    const grid = await workbook.readSheet(name);
    for (const [kind, detect] of Object.entries(DETECTORS) as [InputKind, (g: Grid) => boolean][]) {
      if (detect(grid)) (found[kind] ??= []).push(name);
    }
  }
  return found;
}

/** The sheet for each input of a job, or the list of required inputs that no sheet provides. */
export function matchJobInputs(
  job: { inputs: JobInputSpec[] },
  detected: Partial<Record<InputKind, string[]>>
): { sheets: Record<string, string | undefined>; missing: JobInputSpec[] } {
  const sheets: Record<string, string | undefined> = {};
  const missing: JobInputSpec[] = [];
  for (const input of job.inputs) {
    const sheet = detected[input.kind]?.[0];
    sheets[input.id] = sheet;
    if (!sheet && input.required) missing.push(input);
  }
  return { sheets, missing };
}
