// Which sheet to suggest for each input of a job, from the sheet names (the job can still find a table by headers).

import { labelKey } from "../engine/text";
import type { InputKind, JobInputSpec } from "../workbook/jobs/job";
import { isResultSheet } from "../workbook/reading/sheet-finder";
import { TEMPLATES } from "../workbook/templates";

/** Words that name a sheet of each kind, compared without diacritics. */
const NAME_HINTS: Record<InputKind, string[]> = {
  communes: ["xa", "danh sach xa", "tinh hinh dat tieu chi", "communes", "commune"],
  costs: ["chi phi", "costs", "cost"],
  budget: ["nguon von", "von", "funding", "budget"],
  brackets: ["doi ung", "ty le doi ung", "brackets", "counterpart"],
  coefficients: ["he so", "phan bo", "coefficients", "allocation"],
  catalogue: ["danh muc", "bo tieu chi", "catalogue", "criteria"],
  indicators: [
    "chi tieu theo nhom xa",
    "bang chi tieu",
    "chi tieu",
    "indicators",
    "indicator policy",
  ],
  "allocation-policy": [
    "chinh sach phan bo",
    "allocation policy",
    "mau cs qd16 2026",
    "mau cs qd07 2022",
  ],
  merge: ["sap nhap", "xa cu xa moi", "merge", "merger"],
  money: ["kinh phi theo xa", "von theo xa", "money by commune"],
};

/** The sheet that best fits an input: the template's own sheet, then a sheet named for the kind; undefined if none. */
export function guessInputSheet(kind: InputKind, sheets: string[]): string | undefined {
  const template = TEMPLATES.find((t) => t.id === kind)?.sheet;
  const keyed = sheets.map((name) => ({ name, key: labelKey(name) }));
  if (template) {
    const own = keyed.find((s) => s.key === labelKey(template));
    if (own) return own.name;
  }
  for (const hint of NAME_HINTS[kind]) {
    const exact = keyed.find((s) => s.key === hint);
    if (exact) return exact.name;
  }
  for (const hint of NAME_HINTS[kind]) {
    const partial = keyed.find(
      (s) => s.key.split(" ").length > 1 && s.key.includes(hint) && hint.length > 3
    );
    if (partial) return partial.name;
  }
  return undefined;
}

/** A starting choice for every input of a job. Results sheets the add-in wrote ("KQ_…") are never suggested. */
export function defaultSheetChoices(
  inputs: JobInputSpec[],
  sheets: string[]
): Record<string, string | undefined> {
  const candidates = sheets.filter((s) => !isResultSheet(s));
  const choices: Record<string, string | undefined> = {};
  for (const input of inputs) choices[input.id] = guessInputSheet(input.kind, candidates);
  return choices;
}

/** After the sheet list changed: keep the user's choices that still exist, suggest the rest again. */
export function keepSheetChoices(
  inputs: JobInputSpec[],
  sheets: string[],
  current: Record<string, string | undefined>,
  none: string
): Record<string, string | undefined> {
  const suggested = defaultSheetChoices(inputs, sheets);
  const kept: Record<string, string | undefined> = {};
  for (const input of inputs) {
    const choice = current[input.id];
    kept[input.id] =
      choice !== undefined && (choice === none || sheets.includes(choice))
        ? choice
        : suggested[input.id];
  }
  return kept;
}
