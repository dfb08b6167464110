// The money unit a table states: "ĐVT: tỷ đồng" above it, or "(triệu đồng)" in a header. A column's own unit
// ("Kế hoạch 2024 (tỷ đồng)") wins over the sheet's. Carried to every output with the figures it belongs to.

import { labelKey } from "../../engine/text";
import { cellText, type Grid } from "../grid";

export interface MoneyUnit {
  /** As Vietnamese outputs print it: "triệu đồng", "tỷ đồng", "nghìn đồng", "đồng". */
  vi: string;
  en: string;
  /** How many million VND one unit is: tỷ đồng → 1000. */
  millions: number;
  /** Where the unit was read, when it came from a cell. */
  cell?: { row: number; col: number };
}

export const MILLION_VND: MoneyUnit = { vi: "triệu đồng", en: "million VND", millions: 1 };

const UNITS: { re: RegExp; unit: MoneyUnit }[] = [
  {
    // "tỷ" alone, but not "tỷ lệ" (a share) nor "tỷ trọng".
    re: /\b(ty dong|ty vnd|billion vnd|billion|ty(?! le\b)(?! trong\b))\b/,
    unit: { vi: "tỷ đồng", en: "billion VND", millions: 1000 },
  },
  { re: /\b(trieu dong|trieu vnd|million vnd|million|trd|tr\.?d|trieu)\b/, unit: MILLION_VND },
  {
    re: /\b(nghin dong|ngan dong|thousand vnd|1\.?000 dong)\b/,
    unit: { vi: "nghìn đồng", en: "thousand VND", millions: 0.001 },
  },
  { re: /(^|\s)(dong|vnd)$/, unit: { vi: "đồng", en: "VND", millions: 0.000001 } },
];

function unitOf(words: string): MoneyUnit | null {
  const w = words.trim();
  for (const { re, unit } of UNITS) if (re.test(w)) return unit;
  return null;
}

/**
 * The unit named in a text, or null. "ĐVT: tỷ đồng", "(triệu đồng)", "Đơn vị tính: Triệu đồng", and any of several
 * brackets: "Kế hoạch 2024 (vốn NSTW) (tỷ đồng)".
 */
export function unitInText(text: string): MoneyUnit | null {
  const key = labelKey(text).replace(/[()]/g, " ").replace(/\s+/g, " ").trim();
  const stated = /(?:^|\s)(?:dvt|don vi tinh|don vi|unit)\s*[:.]?\s*(.+)$/.exec(key);
  if (stated) {
    const unit = unitOf(stated[1]);
    if (unit) return unit;
  }
  // Brackets of the text as typed (labelKey trims a closing bracket at the end).
  for (const m of String(text).matchAll(/\(([^)]*)\)?/g)) {
    const unit = unitOf(labelKey(m[1]));
    if (unit) return unit;
  }
  return null;
}

/** The unit a sheet states in the rows above a table's header ("ĐVT: tỷ đồng"), with its cell; null when none. */
export function unitAbove(grid: Grid, headerTop: number): MoneyUnit | null {
  for (let r = Math.max(0, headerTop - 6); r < headerTop; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c] ?? null);
      if (text === "") continue;
      const unit = unitInText(text);
      if (unit) return { ...unit, cell: { row: r, col: c } };
    }
  }
  return null;
}

/** The unit a table states in the rows above its header or in the header itself; null when none. */
export function tableUnit(grid: Grid, headerTop: number, headers: string[]): MoneyUnit | null {
  const above = unitAbove(grid, headerTop);
  if (above) return above;
  for (const h of headers) {
    const unit = h === "" ? null : unitInText(h);
    if (unit) return unit;
  }
  return null;
}

/**
 * A column's own unit, from its (composed) header: "Kế hoạch 2024 (tỷ đồng)" → tỷ đồng, and a header row of units
 * under the captions ("Kết quả năm 2023 / Tỷ đồng") → tỷ đồng; null when it names none.
 */
export function columnUnit(header: string): MoneyUnit | null {
  if (header === "") return null;
  const inText = unitInText(header);
  if (inText) return inText;
  for (const part of header.split(" / ")) {
    const unit = bareUnit(part);
    if (unit) return unit;
  }
  return null;
}

/** A header part that is only a unit ("Tỷ đồng", "triệu đồng", "(Triệu đồng)"), or null. */
function bareUnit(part: string): MoneyUnit | null {
  const key = labelKey(part).replace(/[()]/g, " ").replace(/\s+/g, " ").trim();
  if (
    !/^(ty|trieu|nghin|ngan)? ?(dong|vnd)$|^(billion|million|thousand) vnd$|^(ty|trieu)$/.test(key)
  )
    return null;
  return unitOf(key);
}

/** True when two units are the same money unit. */
export function sameUnit(a: MoneyUnit, b: MoneyUnit): boolean {
  return a.millions === b.millions;
}

/**
 * An amount in one unit converted to million VND without binary noise: 613 000 000 đồng → 613, 3,602312 tỷ → 3 602,312
 * (the result rounded to 9 significant decimals, far below a đồng).
 */
export function toMillions(value: number, unit: MoneyUnit): number {
  if (unit.millions === 1) return value;
  const converted =
    unit.millions >= 1 ? value * unit.millions : value / Math.round(1 / unit.millions);
  return Number(converted.toFixed(9));
}

/** A unit typed alone in a cell ("Triệu đồng", "tỷ đồng", "Đồng"), as a unit column holds it; null for anything else. */
export function unitWords(text: string): MoneyUnit | null {
  const key = labelKey(text).replace(/[()]/g, " ").replace(/\s+/g, " ").trim();
  return key === "" ? null : (unitInText(text) ?? unitOf(key));
}

/**
 * A header without the bracket that names its unit: "Kế hoạch 2024 (tỷ đồng)" → "Kế hoạch 2024". The unit travels
 * with the figures, so a column's name never states a unit its converted figures are no longer in.
 */
export function withoutUnit(header: string): string {
  return header
    .split(" / ")
    .filter((part) => bareUnit(part) === null)
    .join(" / ")
    .replace(/\s*\(([^)]*)\)?/g, (whole, inner: string) => (unitOf(labelKey(inner)) ? "" : whole))
    .replace(/\s+/g, " ")
    .trim();
}
