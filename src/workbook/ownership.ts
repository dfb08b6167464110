// Which sheets belong to the add-in, so that a re-run replaces only what it wrote before.

import { InputError } from "../engine/errors";
import { foldDiacritics } from "../engine/text";

/** Very hidden sheet listing, one per row in column A, the sheets the add-in created. */
export const META_SHEET = "_NTM_META";

const MAX_SHEET_NAME = 31;

/** Excel's rules: at most 31 characters, none of : \ / ? * [ ], not blank. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (cleaned || "KQ").slice(0, MAX_SHEET_NAME);
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("vi") === b.toLocaleLowerCase("vi");
}

export interface SheetPlan {
  requested: string;
  /** Name to write to. */
  name: string;
  /** True when a sheet of that name exists and is the add-in's own: clear it and write again. */
  replace: boolean;
}

/**
 * Decides the sheet each result goes to: the requested name if free or already the add-in's,
 * otherwise "name (2)", "name (3)"… so a user's sheet is never overwritten. Excel compares names case-insensitively.
 */
export function planSheets(requested: string[], existing: string[], owned: string[]): SheetPlan[] {
  const taken = [...existing];
  const plans: SheetPlan[] = [];
  for (const raw of requested) {
    const base = safeSheetName(raw);
    let candidate = base;
    for (let n = 2; ; n++) {
      const clash = taken.find((t) => sameName(t, candidate));
      const alreadyPlanned = plans.some((p) => sameName(p.name, candidate));
      if (!alreadyPlanned && (!clash || owned.some((o) => sameName(o, clash)))) {
        plans.push({ requested: raw, name: clash ?? candidate, replace: Boolean(clash) });
        break;
      }
      const suffix = ` (${n})`;
      candidate = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
      if (n > 999) {
        throw new InputError({
          sheet: raw,
          expected: { vi: "một tên trang tính còn trống", en: "a free sheet name" },
        });
      }
    }
  }
  return plans;
}

/** The owned-sheet list after a write: the old list plus the new names, without duplicates. */
export function mergeOwned(owned: string[], written: string[]): string[] {
  const result = [...owned];
  for (const name of written) if (!result.some((o) => sameName(o, name))) result.push(name);
  return result;
}

/** Finds a sheet by name the way Excel does (case-insensitive). */
export function findSheetName(names: string[], wanted: string): string | undefined {
  return names.find((n) => n === wanted) ?? names.find((n) => sameName(n, wanted));
}

export function missingSheetError(name: string, available: string[]): InputError {
  return new InputError({
    sheet: name,
    found: available.join(", "),
    expected: {
      vi: `một trang tính tên '${name}' trong sổ làm việc`,
      en: `a sheet named '${name}' in the workbook`,
    },
  });
}

/** Table names are workbook-wide in Excel: "NTM_TongHop", then "NTM_TongHop_2"… when a user's table has it. */
export function uniqueTableName(wanted: string, taken: string[]): string {
  const base = foldDiacritics(wanted)
    .replace(/[^A-Za-z0-9_]/g, "_")
    .replace(/^([^A-Za-z_])/, "_$1")
    .slice(0, 240);
  let name = base;
  for (let n = 2; taken.some((t) => t.toLowerCase() === name.toLowerCase()); n++)
    name = `${base}_${n}`;
  return name;
}
