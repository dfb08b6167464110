// The money unit a table states: "ĐVT: tỷ đồng" above it, or "(triệu đồng)" in a header. Carried to every output.

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
    re: /\b(ty dong|ty vnd|billion vnd|billion|ty)\b/,
    unit: { vi: "tỷ đồng", en: "billion VND", millions: 1000 },
  },
  { re: /\b(trieu dong|trieu vnd|million vnd|million|trd|tr\.?d)\b/, unit: MILLION_VND },
  {
    re: /\b(nghin dong|ngan dong|thousand vnd|1\.?000 dong)\b/,
    unit: { vi: "nghìn đồng", en: "thousand VND", millions: 0.001 },
  },
  { re: /(^|\s)(dong|vnd)$/, unit: { vi: "đồng", en: "VND", millions: 0.000001 } },
];

/** The unit named in a text, or null. "ĐVT: tỷ đồng", "(triệu đồng)", "Đơn vị tính: Triệu đồng". */
export function unitInText(text: string): MoneyUnit | null {
  const key = labelKey(text).replace(/[()]/g, " ").replace(/\s+/g, " ").trim();
  const stated = /(?:^|\s)(?:dvt|don vi tinh|don vi|unit)\s*[:.]?\s*(.+)$/.exec(key);
  const where = stated ? stated[1] : /\(([^)]*)\)/.exec(labelKey(text))?.[1];
  if (!where) return null;
  for (const { re, unit } of UNITS) if (re.test(where.trim())) return unit;
  return null;
}

/** The unit a table states in the rows above its header or in the header itself; null when none. */
export function tableUnit(grid: Grid, headerTop: number, headers: string[]): MoneyUnit | null {
  for (let r = Math.max(0, headerTop - 6); r < headerTop; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c] ?? null);
      if (text === "") continue;
      const unit = unitInText(text);
      if (unit) return { ...unit, cell: { row: r, col: c } };
    }
  }
  for (const h of headers) {
    const unit = h === "" ? null : unitInText(h);
    if (unit) return unit;
  }
  return null;
}
