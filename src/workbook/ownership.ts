// Which sheets belong to the add-in, so that a re-run replaces only what it wrote before.

import { InputError, type Bilingual } from "../engine/errors";
import { foldDiacritics } from "../engine/text";

/** The name the add-in gives its very hidden bookkeeping sheet when that name is free (it is not how it finds it). */
export const META_SHEET = "_NTM_META";

/**
 * First cell of the bookkeeping sheet: the sheet is recognised by this signature (and by being very hidden), never
 * by its name, so a user's sheet that happens to be called "_NTM_META" is just a user's sheet.
 */
export const META_SIGNATURE =
  "NTM Planner: trang kết quả của add-in / the add-in's result sheets (id, name)";

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

/**
 * A sheet as an adapter sees it: its name and a stable identity that survives renames and is not given again to a
 * sheet made later (Office.js: Worksheet.id; ExcelJS: the sheet id with the names of its tables).
 */
export interface SheetRef {
  id: string;
  name: string;
}

/** What the bookkeeping sheet records for each result sheet: its identity and the name the add-in gave it. */
export type OwnedSheet = SheetRef;

/** A sheet is the add-in's only when one record holds both its identity and its present name. */
export function isOwned(sheet: SheetRef, owned: OwnedSheet[]): boolean {
  return owned.some((o) => o.id === sheet.id && sameName(o.name, sheet.name));
}

/** The bookkeeping sheet's cells: the signature, then one row per owned sheet (identity, name). */
export function metaRows(owned: OwnedSheet[]): string[][] {
  return [[META_SIGNATURE, ""], ...owned.map((o) => [o.id, o.name])];
}

/** The owned sheets a bookkeeping sheet lists, or null when its first cell is not the signature. */
export function parseMeta(rows: unknown[][]): OwnedSheet[] | null {
  if (rows[0]?.[0] !== META_SIGNATURE) return null;
  const owned: OwnedSheet[] = [];
  for (const [id, name] of rows.slice(1)) {
    if (typeof id === "string" && id !== "" && typeof name === "string" && name !== "")
      owned.push({ id, name });
  }
  return owned;
}

/** The records still true after a write (their sheet exists with that identity and name) plus the new sheets. */
export function nextOwned(
  owned: OwnedSheet[],
  existing: SheetRef[],
  written: OwnedSheet[]
): OwnedSheet[] {
  const kept = owned.filter(
    (o) =>
      existing.some((e) => e.id === o.id && sameName(e.name, o.name)) &&
      !written.some((w) => w.id === o.id)
  );
  return [...kept, ...written];
}

/** `base`, else "base (2)", "base (3)"… : the first name no sheet has (Excel compares names case-insensitively). */
export function freeSheetName(base: string, taken: string[]): string {
  const safe = safeSheetName(base);
  let candidate = safe;
  for (let n = 2; taken.some((t) => sameName(t, candidate)); n++) {
    if (n > 999) {
      throw new InputError({
        sheet: base,
        expected: { vi: "một tên trang tính còn trống", en: "a free sheet name" },
      });
    }
    const suffix = ` (${n})`;
    candidate = safe.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
  }
  return candidate;
}

export interface SheetPlan {
  requested: string;
  /** Name to write to. */
  name: string;
  /** True when a sheet of that name exists and is the add-in's own: clear it and write again. */
  replace: boolean;
}

/**
 * Decides the sheet each result goes to: the requested name if free or the add-in's own sheet (by identity and
 * name), otherwise "name (2)", "name (3)"… so a user's sheet is never overwritten. With no owned records (a
 * template) nothing is ever replaced.
 */
export function planSheets(
  requested: string[],
  existing: SheetRef[],
  owned: OwnedSheet[]
): SheetPlan[] {
  const plans: SheetPlan[] = [];
  for (const raw of requested) {
    const base = safeSheetName(raw);
    let candidate = base;
    for (let n = 2; ; n++) {
      const clash = existing.find((e) => sameName(e.name, candidate));
      const planned = plans.some((p) => sameName(p.name, candidate));
      if (!planned && (!clash || isOwned(clash, owned))) {
        plans.push({ requested: raw, name: clash?.name ?? candidate, replace: Boolean(clash) });
        break;
      }
      if (n > 999) {
        throw new InputError({
          sheet: raw,
          expected: { vi: "một tên trang tính còn trống", en: "a free sheet name" },
        });
      }
      const suffix = ` (${n})`;
      candidate = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    }
  }
  return plans;
}

/**
 * Results written under another name than asked, because a sheet the add-in does not own has that name: what to
 * tell the user (their sheet was left as it is).
 */
export function redirectNotes(requested: string[], written: string[]): Bilingual[] {
  return requested.flatMap((raw, i) => {
    const asked = safeSheetName(raw);
    const went = written[i];
    if (went === undefined || sameName(asked, went)) return [];
    return [
      {
        vi: `Trang '${asked}' không phải của add-in nên được giữ nguyên; kết quả ghi vào '${went}'.`,
        en: `The sheet '${asked}' is not the add-in's and was left as it is; the result went to '${went}'.`,
      },
    ];
  });
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
