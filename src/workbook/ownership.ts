// Which sheets belong to the add-in, so that a re-run replaces only what it wrote before.

import { InputError, type Bilingual } from "../engine/errors";
import { foldDiacritics } from "../engine/text";
import type { CellValue, Grid } from "./grid";
import { layoutSheet, type OutputSheet } from "./output";

/** The name the add-in gives its very hidden bookkeeping sheet when that name is free (it is not how it finds it). */
export const META_SHEET = "_NTM_META";

/**
 * First cell of the bookkeeping sheet: the sheet is recognised by this signature (and by being very hidden), never
 * by its name, so a user's sheet that happens to be called "_NTM_META" is just a user's sheet.
 */
export const META_SIGNATURE =
  "NTM Planner: trang kết quả của add-in / the add-in's result sheets (id, name)";

const MAX_SHEET_NAME = 31;

/**
 * A sheet state the bookkeeping sheet may have in a file: very hidden as we write it, or hidden, which is how
 * LibreOffice saves a very hidden sheet (it has no such state). The signature in its first cell decides. One rule for
 * every adapter: ExcelJS and the file's XML spell the states "veryHidden"/"hidden", Office.js "VeryHidden"/"Hidden".
 */
export function mayBeBookkeeping(state: string | undefined): boolean {
  const s = state?.toLowerCase();
  return s === "veryhidden" || s === "hidden";
}

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

/**
 * What the bookkeeping sheet records for each result sheet: its identity, the name the add-in gave it and a hash of
 * the values it wrote there (valuesHash), to tell whether the user changed the sheet since. Records written before
 * the hash was kept have none: such a sheet cannot be told edited and is replaced as before.
 */
export interface OwnedSheet extends SheetRef {
  hash?: string;
}

/** A sheet is the add-in's only when one record holds both its identity and its present name. */
export function isOwned(sheet: SheetRef, owned: OwnedSheet[]): boolean {
  return owned.some((o) => o.id === sheet.id && sameName(o.name, sheet.name));
}

/** The bookkeeping sheet's cells: the signature, then one row per owned sheet (identity, name, values hash). */
export function metaRows(owned: OwnedSheet[]): string[][] {
  return [[META_SIGNATURE, "", ""], ...owned.map((o) => [o.id, o.name, o.hash ?? ""])];
}

/** The owned sheets a bookkeeping sheet lists, or null when its first cell is not the signature. */
export function parseMeta(rows: unknown[][]): OwnedSheet[] | null {
  if (rows[0]?.[0] !== META_SIGNATURE) return null;
  const owned: OwnedSheet[] = [];
  for (const [id, name, hash] of rows.slice(1)) {
    if (typeof id === "string" && id !== "" && typeof name === "string" && name !== "")
      owned.push({ id, name, ...(typeof hash === "string" && hash !== "" ? { hash } : {}) });
  }
  return owned;
}

/**
 * One cell's value in the form both adapters read it back, whatever wrote it: numbers to 15 significant digits
 * (what Excel keeps) by way of 16 (what openpyxl saves), dates by day, texts with Excel's _xHHHH_ escapes decoded and control characters and runs of
 * spaces made one space (each writer treats those its own way). Empty cells have no form.
 */
function canonical(value: CellValue): string | null {
  if (value === null || value === undefined || value === "") return null;
  // Through 16 digits first: a writer that saves 16 significant digits (openpyxl) moves a value across a 15-digit
  // rounding boundary about once in 30, and an untouched sheet would look changed by hand.
  if (typeof value === "number") return `n${Number(Number(value.toPrecision(16)).toPrecision(15))}`;
  if (typeof value === "boolean") return `b${value}`;
  if (value instanceof Date) return `d${value.toISOString().slice(0, 10)}`;
  if (typeof value === "object") return `e${value.error}`;
  // Decoded until nothing is left to decode: a text that looked like an escape is stored escaped ("_x005F_x000D_"),
  // which a reader that decodes gives back as typed and one that does not gives back raw; both come to one form.
  let decoded = value;
  for (let i = 0; i < 3 && /_x[0-9A-Fa-f]{4}_/.test(decoded); i++)
    decoded = decoded.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16))
    );
  const text = decoded
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\s]+/g, " ")
    .trim();
  return text === "" ? null : `s${text}`;
}

/**
 * FNV-1a over lines joined by "\n", twice with different offsets: 64 bits as 16 hex digits (not a secret, a
 * fingerprint). The lines are taken one by one, never joined: a 130,000-row sheet's would be one string of 60 MB.
 */
class Fingerprint {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;
  private lines = 0;

  line(text: string): void {
    if (this.lines++ > 0) this.char(10);
    for (let i = 0; i < text.length; i++) this.char(text.charCodeAt(i));
  }

  private char(c: number): void {
    this.a = Math.imul(this.a ^ c, 0x01000193);
    this.b = Math.imul(this.b ^ c, 0x01000193) ^ (this.b >>> 15);
  }

  digest(): string {
    return (
      (this.a >>> 0).toString(16).padStart(8, "0") + (this.b >>> 0).toString(16).padStart(8, "0")
    );
  }
}

/** Hash of cells given as (0-based sheet row, column, value): the order of the cells does not matter. */
export function cellsHash(cells: Iterable<[number, number, CellValue]>): string {
  const lines: string[] = [];
  for (const [row, col, value] of cells) {
    const form = canonical(value);
    if (form !== null) lines.push(`${row},${col}:${form}`);
  }
  lines.sort();
  const print = new Fingerprint();
  for (const line of lines) print.line(line);
  return print.digest();
}

/** The values hash of a sheet as read (a grid at its origin). */
export function valuesHash(grid: Grid): string {
  return cellsHash(
    (function* () {
      for (let r = 0; r < grid.rows.length; r++) {
        const row = grid.rows[r];
        for (let c = 0; c < row.length; c++)
          yield [grid.origin.row + r, grid.origin.col + c, row[c]] as [number, number, CellValue];
      }
    })()
  );
}

/**
 * The values hash of a result sheet as the adapters lay it out (title, header, body of each table): equal to
 * valuesHash of the sheet read back while nobody changed it, and to cellsHash of its cells. It is computed a row at a
 * time, in the order cellsHash's sorted lines take ("12,…" before "120,…" before "13,…": a row's lines share their
 * prefix), so that only one row's lines are held, not a line per cell of the whole sheet.
 */
export function outputHash(sheet: OutputSheet): string {
  const placed = layoutSheet(sheet);
  let last = 0;
  for (const { headerRow, table } of placed) last = Math.max(last, headerRow + table.rows.length);
  const keys: string[] = [];
  for (let r = 0; r <= last; r++) keys.push(`${r},`);
  keys.sort();
  const print = new Fingerprint();
  const lines: string[] = [];
  const add = (row: number, col: number, value: CellValue) => {
    const form = canonical(value);
    if (form !== null) lines.push(`${row},${col}:${form}`);
  };
  for (const key of keys) {
    const row = Number(key.slice(0, -1));
    lines.length = 0;
    for (const { table, titleRow, headerRow, col } of placed) {
      if (row === titleRow) add(row, col, table.title ?? null);
      if (row === headerRow)
        for (let c = 0; c < table.columns.length; c++) add(row, col + c, table.columns[c].header);
      const body = table.rows[row - headerRow - 1];
      if (row > headerRow && body) for (let c = 0; c < body.length; c++) add(row, col + c, body[c]);
    }
    lines.sort();
    for (const line of lines) print.line(line);
  }
  return print.digest();
}

/** The name a user's edited result sheet is kept under: "KQ_TongHop (sửa tay)", else "(sửa tay 2)"… */
export function editedSheetName(name: string, taken: string[]): string {
  const suffix = " (sửa tay)";
  const base = safeSheetName(name).slice(0, MAX_SHEET_NAME - suffix.length);
  let candidate = base + suffix;
  for (let n = 2; taken.some((t) => sameName(t, candidate)); n++) {
    const numbered = ` (sửa tay ${n})`;
    candidate = base.slice(0, MAX_SHEET_NAME - numbered.length) + numbered;
  }
  return candidate;
}

/** What to tell the user when a result sheet they changed was kept under another name. */
export function editedNote(name: string, keptAs: string): Bilingual {
  return {
    vi: `Trang kết quả '${name}' đã được sửa tay sau lần ghi trước: bản của bạn được giữ thành '${keptAs}', kết quả mới ghi vào '${name}'.`,
    en: `The result sheet '${name}' was changed by hand since it was written: your version is kept as '${keptAs}', the new result went to '${name}'.`,
  };
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
