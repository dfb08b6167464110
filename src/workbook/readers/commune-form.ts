// Reads a commune's filled report form (the vertical form of templates.ts, or one typed by hand like it): the
// commune's fields (name, Mã xã, group, period, year) as labels with their entries beside them, one row per
// indicator (2026-2030) or criterion (earlier sets) with its value or mark, and optional money lines by source.

import { isMarkMet, MARK_EXPECTED } from "../../engine/criteria/marks";
import { InputError, isInputError, type Bilingual } from "../../engine/errors";
import { GROUP_EXPECTED, leadingIndicatorCode, parseCommuneGroup } from "../../engine/indicators";
import { parseNumberText } from "../../engine/numbers";
import { labelKey } from "../../engine/text";
import type { CommuneGroup, Warning } from "../../engine/types";
import { cellText, gridAddress, isBlank, isCellError, type CellValue, type Grid } from "../grid";
import {
  FORM_AMOUNT_ALIASES,
  FORM_CODE_ALIASES,
  FORM_FIELDS,
  FORM_NAME_ALIASES,
  FORM_NOTE_ALIASES,
  FORM_SOURCE_ALIASES,
  FORM_VALUE_ALIASES,
  type FormField,
} from "../layout/commune-form";
import { hasNoNumbers, isEndRow, markerKind, rowTexts } from "../layout/labels";
import { noteCheck, noteColumn, skipRow, tableReading, useRow } from "../reading/record";
import type { TableReading } from "../reading/types";
import { numberCell, tryLocateTable, type ColumnSpec, type LocatedTable } from "./table";

export const FORM_WHAT: Bilingual = {
  vi: "biểu tự đánh giá của xã",
  en: "commune self-assessment form",
};

export interface FormEntry<T> {
  value: T;
  cell: string;
}

export interface FormItem {
  /** "2.1" for an indicator, "5" for a criterion. */
  key: string;
  /** The value as typed (a number, a mark word, blank): written to the status table as it is. */
  value: CellValue;
  cell: string;
}

export interface MoneyLine {
  source: string;
  amount: number;
  cell: string;
}

export interface CommuneForm {
  sheet: string;
  name: FormEntry<string>;
  code?: FormEntry<string>;
  group?: FormEntry<CommuneGroup>;
  district?: FormEntry<string>;
  /** "2026-2030" as the form states it, else undefined. */
  period?: FormEntry<string>;
  year?: FormEntry<number>;
  /** True for a form by indicator (codes "2.1"), false for one by criterion (1 … 19). */
  byIndicator: boolean;
  items: FormItem[];
  money: MoneyLine[];
  warnings: Warning[];
  reading: TableReading;
}

const ITEM_SPECS: ColumnSpec[] = [
  { key: "code", aliases: FORM_CODE_ALIASES, required: true },
  { key: "value", aliases: FORM_VALUE_ALIASES, required: true },
  { key: "name", aliases: FORM_NAME_ALIASES },
  { key: "unit", aliases: ["Đơn vị", "Đơn vị tính", "ĐVT", "Unit"] },
  { key: "note", aliases: FORM_NOTE_ALIASES },
];

/** Field order matters only for spellings that are prefixes of others; matching is whole-label. */
const FIELD_ORDER: FormField[] = ["code", "group", "district", "period", "year", "name"];

/** The parts of a label cell: "Tên xã / Commune name:" → ["ten xa", "commune name"], without "(1, 2 hoặc 3)". */
function labelParts(text: string): string[] {
  return text
    .split("/")
    .map((p) => labelKey(p.replace(/\([^)]*\)/g, " ")))
    .filter((p) => p !== "");
}

const FIELD_KEYS = new Map(
  FIELD_ORDER.map((f) => [f, new Set(FORM_FIELDS[f].aliases.map((a) => labelKey(a)))])
);

/** The field a label names, or undefined. */
function fieldOf(label: string): FormField | undefined {
  const parts = labelParts(label);
  return FIELD_ORDER.find((f) => parts.some((p) => FIELD_KEYS.get(f)!.has(p)));
}

/**
 * The fields above the results table: a label cell and its entry, the first filled cell to its right, or the text
 * after a colon in the label cell itself ("Tên xã: Tân Hòa"). The first label of a field stands.
 */
function readFields(
  grid: Grid,
  before: number
): Partial<Record<FormField, FormEntry<CellValue> & { label: string }>> {
  const found: Partial<Record<FormField, FormEntry<CellValue> & { label: string }>> = {};
  for (let r = 0; r < before; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || v.trim() === "") continue;
      const colon = v.indexOf(":");
      const label = colon >= 0 ? v.slice(0, colon) : v;
      const field = fieldOf(label);
      if (!field) break; // the row's first text is not a label: a title or a note
      if (found[field]) break;
      const inline = colon >= 0 ? v.slice(colon + 1).trim() : "";
      if (inline !== "") {
        found[field] = { value: inline, cell: gridAddress(grid, r, c), label: v.trim() };
        break;
      }
      let entry: FormEntry<CellValue> & { label: string } = {
        value: null,
        cell: gridAddress(grid, r, c + 1),
        label: v.trim(),
      };
      for (let k = c + 1; k < row.length; k++) {
        if (!isBlank(row[k] ?? null)) {
          entry = { value: row[k], cell: gridAddress(grid, r, k), label: v.trim() };
          break;
        }
      }
      found[field] = entry;
      break;
    }
  }
  return found;
}

/**
 * The located results table of a form: a header row with a code column and a result column, below at least a
 * commune name label. Null for anything else (a status table has no result column beside its codes).
 */
function locateForm(grid: Grid): LocatedTable | null {
  const table = tryLocateTable(grid, ITEM_SPECS);
  if (!table) return null;
  const fields = readFields(grid, table.headerTop);
  return fields.name || fields.code ? table : null;
}

const forms = new WeakMap<Grid, LocatedTable | null>();
function locate(grid: Grid): LocatedTable | null {
  if (!forms.has(grid)) forms.set(grid, locateForm(grid));
  return forms.get(grid)!;
}

/** True when a sheet holds a commune report form. */
export function looksLikeCommuneForm(grid: Grid): boolean {
  return locate(grid) !== null;
}

/** "5", 5, "TC5", "Tiêu chí 5", "5." → 5; else null. */
function criterionNumber(value: CellValue): number | null {
  if (typeof value === "number")
    return Number.isInteger(value) && value >= 1 && value <= 99 ? value : null;
  if (typeof value !== "string") return null;
  const m = /^(?:tc|tieu chi(?: so)?|criterion(?: no)?)?\s*0*(\d{1,2})$/.exec(labelKey(value));
  return m ? Number(m[1]) : null;
}

function isMoneyHeader(row: readonly CellValue[]): { source: number; amount: number } | null {
  if (!hasNoNumbers(row)) return null;
  const matchesAny = (v: CellValue, aliases: string[]) =>
    typeof v === "string" &&
    labelParts(v).some((p) =>
      aliases.some((a) => p === labelKey(a) || p.startsWith(labelKey(a) + " "))
    );
  const source = row.findIndex((v) => matchesAny(v ?? null, FORM_SOURCE_ALIASES));
  if (source < 0) return null;
  const amount = row.findIndex(
    (v, c) => c !== source && matchesAny(v ?? null, FORM_AMOUNT_ALIASES)
  );
  return amount < 0 ? null : { source, amount };
}

/** A value cell of an indicator: a number, a number as text ("85%", "85,5"), a mark word, or blank. */
function checkIndicatorValue(grid: Grid, r: number, c: number, code: string): void {
  const value = grid.rows[r]?.[c] ?? null;
  const expected = {
    vi: `giá trị của chỉ tiêu ${code}: một số (85, "85%") hoặc "Đạt"/"Không đạt"`,
    en: `a value for indicator ${code}: a number (85, "85%") or "Đạt"/"Không đạt" (met / not met)`,
  };
  const fail = () =>
    new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, r, c),
      found: cellText(value),
      expected,
    });
  if (isCellError(value) || value instanceof Date) throw fail();
  if (isBlank(value) || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw fail();
    return;
  }
  if (parseNumberText(String(value)) !== null) return;
  try {
    isMarkMet(String(value));
  } catch {
    throw fail();
  }
}

function checkMark(grid: Grid, r: number, c: number, n: number): void {
  const value = grid.rows[r]?.[c] ?? null;
  const fail = () =>
    new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, r, c),
      found: cellText(value),
      expected: {
        vi: `tiêu chí ${n}: ${MARK_EXPECTED.vi}`,
        en: `criterion ${n}: ${MARK_EXPECTED.en}`,
      },
    });
  if (isCellError(value) || value instanceof Date) throw fail();
  try {
    isMarkMet(value as string | number | boolean | null);
  } catch (e) {
    if (isInputError(e)) throw fail();
    throw e;
  }
}

function fieldText(value: CellValue): string {
  return typeof value === "number" ? String(value) : cellText(value).trim();
}

/** Reads a filled commune report form; anything unreadable is an InputError naming its cell. */
export function readCommuneForm(grid: Grid): CommuneForm {
  const table = locate(grid);
  if (!table) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, 0, 0),
      expected: {
        vi: `${FORM_WHAT.vi}: nhãn "Tên xã" với tên xã bên cạnh, và bảng có cột "Mã chỉ tiêu" (hoặc "Tiêu chí số") và "Kết quả"`,
        en: `a ${FORM_WHAT.en}: a "Tên xã" label with the commune's name beside it, and a table with "Mã chỉ tiêu" (or "Tiêu chí số") and "Kết quả" columns`,
      },
    });
  }
  const warnings: Warning[] = [];
  const raw = readFields(grid, table.headerTop);
  const labelCell = (f: FormField) => raw[f]?.cell ?? gridAddress(grid, 0, 0);

  const nameText = raw.name ? fieldText(raw.name.value) : "";
  if (nameText === "") {
    throw new InputError({
      sheet: grid.sheet,
      cell: labelCell("name"),
      expected: {
        vi: 'tên xã bên cạnh nhãn "Tên xã"',
        en: `the commune's name beside the "Tên xã" label`,
      },
    });
  }
  const form: Omit<CommuneForm, "reading"> = {
    sheet: grid.sheet,
    name: { value: nameText.replace(/\s+/g, " "), cell: raw.name!.cell },
    byIndicator: false,
    items: [],
    money: [],
    warnings,
  };
  const code = raw.code && fieldText(raw.code.value);
  if (code) {
    if (!/^\d{1,6}$/.test(code)) {
      throw new InputError({
        sheet: grid.sheet,
        cell: raw.code!.cell,
        found: code,
        expected: {
          vi: "mã xã: các chữ số (ví dụ 31525)",
          en: "a commune code: digits (e.g. 31525)",
        },
      });
    }
    form.code = { value: code, cell: raw.code!.cell };
  }
  if (raw.group && !isBlank(raw.group.value)) {
    const g =
      typeof raw.group.value === "number" || typeof raw.group.value === "string"
        ? parseCommuneGroup(raw.group.value)
        : null;
    if (g === null) {
      throw new InputError({
        sheet: grid.sheet,
        cell: raw.group.cell,
        found: cellText(raw.group.value),
        expected: GROUP_EXPECTED,
      });
    }
    form.group = { value: g, cell: raw.group.cell };
  }
  const district = raw.district && fieldText(raw.district.value);
  if (district) form.district = { value: district, cell: raw.district!.cell };
  if (raw.period && !isBlank(raw.period.value)) {
    const m = /((?:19|20)\d\d)\s*[-–—/]\s*((?:19|20)\d\d)/.exec(fieldText(raw.period.value));
    if (!m) {
      throw new InputError({
        sheet: grid.sheet,
        cell: raw.period.cell,
        found: cellText(raw.period.value),
        expected: { vi: "giai đoạn, ví dụ 2026-2030", en: "a period, e.g. 2026-2030" },
      });
    }
    form.period = { value: `${m[1]}-${m[2]}`, cell: raw.period.cell };
  }
  if (raw.year && !isBlank(raw.year.value)) {
    const m = /\b((?:19|20)\d\d)\b/.exec(fieldText(raw.year.value));
    if (!m || (typeof raw.year.value === "number" && !Number.isInteger(raw.year.value))) {
      throw new InputError({
        sheet: grid.sheet,
        cell: raw.year.cell,
        found: cellText(raw.year.value),
        expected: { vi: "năm đánh giá, ví dụ 2026", en: "the year assessed, e.g. 2026" },
      });
    }
    form.year = { value: Number(m[1]), cell: raw.year.cell };
  }
  for (const f of ["name", "code", "group", "district", "period", "year"] as FormField[]) {
    const entry = raw[f];
    if (!entry || isBlank(entry.value)) continue;
    noteCheck(table, {
      kind: "other",
      cell: entry.cell,
      ok: true,
      vi: `${FORM_FIELDS[f].label.vi}: ${fieldText(entry.value)} (ô ${entry.cell})`,
      en: `${FORM_FIELDS[f].label.en}: ${fieldText(entry.value)} (cell ${entry.cell})`,
    });
  }

  const { columns } = table;
  noteColumn(table, columns.code, "code");
  if (columns.name !== undefined) noteColumn(table, columns.name, "label");
  if (columns.note !== undefined) noteColumn(table, columns.note, "note", { used: false });
  if (columns.unit !== undefined) noteColumn(table, columns.unit, "other", { used: false });
  // The form's kind: by indicator when any row's code is one ("2.1"), else by criterion.
  form.byIndicator = table.dataRows.some(
    (r) => leadingIndicatorCode(grid.rows[r]?.[columns.code] ?? null) !== null
  );
  noteColumn(table, columns.value, form.byIndicator ? "indicator" : "marks");

  const seen = new Map<string, string>();
  // The money table sits below the results (the table's end row is its title): found by its own header.
  let moneyHeader = -1;
  let money: { source: number; amount: number } | null = null;
  for (let r = table.headerRow + 1; r < grid.rows.length && money === null; r++) {
    money = isMoneyHeader(grid.rows[r] ?? []);
    if (money) moneyHeader = r;
  }
  if (money !== null) {
    skipRow(table, moneyHeader, "repeated-header", {
      vi: "tiêu đề bảng kinh phí",
      en: "header of the money table",
    });
    for (let r = moneyHeader + 1; r < grid.rows.length; r++) {
      const row = grid.rows[r] ?? [];
      const source = cellText(row[money.source] ?? null).trim();
      if (source === "" || isBlank(row[money.amount] ?? null)) continue;
      if (isEndRow(row)) break;
      const amount = numberCell(grid, r, money.amount, {
        what: { vi: `số tiền của nguồn "${source}"`, en: `the amount of source "${source}"` },
      })!;
      form.money.push({ source, amount, cell: gridAddress(grid, r, money.amount) });
      useRow(table, r);
    }
  }
  for (const r of table.dataRows) {
    if (moneyHeader >= 0 && r >= moneyHeader) break;
    const row = grid.rows[r] ?? [];
    const codeValue = row[columns.code] ?? null;
    const key = form.byIndicator
      ? leadingIndicatorCode(codeValue)
      : String(criterionNumber(codeValue) ?? "");
    if (!key) {
      const texts = rowTexts(row);
      if (isEndRow(row)) break;
      const heading =
        (form.byIndicator && criterionNumber(codeValue) !== null) ||
        (texts.length > 0 && markerKind(texts[0].text.split(/\s/)[0]) === "roman");
      if (heading && !isBlank(row[columns.value] ?? null)) {
        warnings.push({
          sheet: grid.sheet,
          cell: gridAddress(grid, r, columns.value),
          vi: `Dòng ${r + grid.origin.row + 1} ("${cellText(codeValue)}") là dòng tiêu chí, không phải chỉ tiêu: giá trị ở ô ${gridAddress(grid, r, columns.value)} không được đọc`,
          en: `Row ${r + grid.origin.row + 1} ("${cellText(codeValue)}") is a criterion heading, not an indicator: the value in ${gridAddress(grid, r, columns.value)} is not read`,
        });
      }
      skipRow(
        table,
        r,
        heading ? "group" : "note",
        heading
          ? { vi: "dòng tiêu đề nhóm", en: "a heading row" }
          : {
              vi: "không có mã chỉ tiêu hay số tiêu chí",
              en: "no indicator code or criterion number",
            }
      );
      continue;
    }
    const cell = gridAddress(grid, r, columns.value);
    const earlier = seen.get(key);
    if (earlier) {
      throw new InputError({
        sheet: grid.sheet,
        cell: gridAddress(grid, r, columns.code),
        found: cellText(codeValue),
        expected: {
          vi: `mỗi ${form.byIndicator ? "chỉ tiêu" : "tiêu chí"} một dòng; ${key} đã có ở dòng của ô ${earlier}`,
          en: `one row per ${form.byIndicator ? "indicator" : "criterion"}; ${key} is already on the row of ${earlier}`,
        },
      });
    }
    seen.set(key, cell);
    if (form.byIndicator) checkIndicatorValue(grid, r, columns.value, key);
    else checkMark(grid, r, columns.value, Number(key));
    form.items.push({ key, value: row[columns.value] ?? null, cell });
    useRow(table, r);
  }
  if (form.items.length === 0) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, table.headerRow, columns.code),
      expected: {
        vi: "ít nhất một dòng chỉ tiêu (mã 2.1) hoặc tiêu chí (số 1 … 19) dưới dòng tiêu đề",
        en: "at least one indicator (code 2.1) or criterion (number 1 … 19) row below the header",
      },
    });
  }
  const reading = tableReading(table, "commune-form", FORM_WHAT, { role: "line" });
  return { ...form, reading };
}
