// The one formatter of the report: every figure in a paragraph or a table cell is written by these functions.

export type ReportLang = "vi" | "en";

/** How a figure is written; a table column and a sentence that show the same figure use the same kind. */
export type FigureKind =
  | "count" // 70; in Vietnamese prose a count under 10 is written with two digits (06 xã), as the reports do
  | "integer" // 3.602.312
  | "money" // million VND, whole: 3.602.312
  | "amount" // money as the table gives it, in its own unit: 3.602.312 triệu, or 3.602,312 tỷ (up to three decimals)
  | "average" // 18,63 (two decimals)
  | "ratio" // 0,243 (three decimals)
  | "coefficient" // 1,5 (up to three decimals, as typed)
  | "percent" // a share 0..1: 87,5% or 6,21% (two decimals, shorter when exact)
  | "share"; // one of shares that add to 100%, as displayed (rounded by roundedShares): always 6,20%, 38,30%

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: ReportLang, min: number, max: number): Intl.NumberFormat {
  const key = `${lang}:${min}:${max}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
    });
    cache.set(key, f);
  }
  return f;
}

/** Decimals of a percentage: exact values keep only the decimals they need (87,5%), others two (38,30%). */
function percentDecimals(percent: number): number {
  for (const d of [0, 1]) {
    const scaled = percent * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9) return d;
  }
  return 2;
}

/** Half away from zero on the decimal figure people see (18,625 → 18,63), as formatAverageVi rounds. */
function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * scale + 1e-9)) / scale;
}

function fixed(value: number, min: number, max: number, lang: ReportLang): string {
  return numberFormat(lang, min, max).format(roundTo(value, max));
}

/** A figure as the report writes it in a table cell. */
export function figure(value: number, kind: FigureKind, lang: ReportLang): string {
  switch (kind) {
    case "count":
    case "integer":
    case "money":
      return fixed(value, 0, 0, lang);
    case "amount":
      return fixed(value, 0, 3, lang);
    case "average":
      return fixed(value, 2, 2, lang);
    case "ratio":
      return fixed(value, 3, 3, lang);
    case "coefficient":
      return fixed(value, 0, 3, lang);
    case "share":
      return fixed(value * 100, 2, 2, lang) + "%";
    case "percent": {
      const percent = value * 100;
      const d = percentDecimals(percent);
      return fixed(percent, d, d, lang) + "%";
    }
  }
}

/** A figure as the report writes it in a sentence: Vietnamese counts under 10 take a leading zero (02 xã). */
export function prose(value: number, kind: FigureKind, lang: ReportLang): string {
  if (kind === "count" && lang === "vi" && Number.isInteger(value) && value >= 0 && value < 10) {
    return `0${value}`;
  }
  return figure(value, kind, lang);
}

/** A list of names or numbers joined the way a sentence does: "a, b và c" / "a, b and c". */
export function joinList(items: string[], lang: ReportLang): string {
  if (items.length <= 1) return items.join("");
  const and = lang === "vi" ? " và " : " and ";
  return items.slice(0, -1).join(", ") + and + items[items.length - 1];
}

/** The most names a sentence lists; a longer list is left to the appendix's table (never a wall of inline text). */
export const INLINE_LIST_LIMIT = 5;

/** The items joined for a sentence when there are few enough, else null: the sentence points to the table. */
export function inlineList(items: string[], lang: ReportLang): string | null {
  return items.length <= INLINE_LIST_LIMIT ? joinList(items, lang) : null;
}

/** Roman numerals for the sections of a money table (I, II, … as appendix III numbers them). */
export function roman(n: number): string {
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  let rest = n;
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}
