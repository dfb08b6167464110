// Parsing numbers written the Vietnamese way ("3.602.312", "6,21%") or the English way ("3,602,312", "6.21%").

import type { Bilingual } from "./errors";

export type NumberStyle = "vi" | "en" | "plain";

export interface ParsedNumber {
  value: number;
  /** Which convention was applied; "plain" when the text had no separators to disagree about. */
  style: NumberStyle;
  /** True when the text could be read both ways (e.g. "1.234") and a preference decided. */
  ambiguous: boolean;
  percent: boolean;
}

const VI_GROUPED = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/;
const EN_GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const VI_DECIMAL = /^-?\d+,\d+$/;
const EN_DECIMAL = /^-?\d+\.\d+$/;
const PLAIN = /^-?\d+$/;
/**
 * Exponent notation, as JavaScript and Excel print numbers in text and CSV ("5e-324", "1.23E+15"; Vietnamese Excel
 * "1,23E+15"): a mantissa of digits with at most one separator, which is its decimal mark either way (a mantissa is
 * never grouped in thousands, so "1.234E5" and "1,234E5" both read 1.234 × 10^5), then e or E and a signed power.
 */
const EXPONENT = /^(-?\d+)(?:([.,])(\d+))?[eE]([+-]?\d+)$/;

/**
 * Reads a number from text, or returns null when the text is not a number or names one no double holds (see
 * numberTextOutOfRange). `prefer` decides the ambiguous cases such as "1.234" or "1,234" (Vietnamese by default).
 */
export function parseNumberText(raw: string, prefer: "vi" | "en" = "vi"): ParsedNumber | null {
  const parsed = parseAnyNumberText(raw, prefer);
  return parsed && Number.isFinite(parsed.value) ? parsed : null;
}

/**
 * True for a text written as a number by the rule above whose value no double holds: too large ("1e400", a run of
 * 400 digits) or a nonzero number too small to be told from 0 ("1e-400"). It is a number, just not one we can read
 * exactly: readers say so rather than "not a number".
 */
export function numberTextOutOfRange(raw: string): boolean {
  const parsed = parseAnyNumberText(raw, "vi");
  return parsed !== null && !Number.isFinite(parsed.value);
}

/** parseNumberText with values out of range kept as NaN (too small) or ±Infinity (too large). */
function parseAnyNumberText(raw: string, prefer: "vi" | "en"): ParsedNumber | null {
  let text = raw.replace(/[\s\u00a0]/g, "");
  let percent = false;
  if (text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1);
  }
  if (text.startsWith("(") && text.endsWith(")")) text = "-" + text.slice(1, -1);
  // A minus typed as the minus sign or a dash ("−540", "–540", as word processors write it) is a minus.
  text = text.replace(/^[\u2212\u2013\u2014\u2012]/, "-");
  if (text === "" || text === "-") return null;
  const scale = percent ? 0.01 : 1;
  // A number whose digits are not all 0 that comes out 0 ("1e-400", a percent of 5e-324) is one too small for a
  // double, not 0: NaN, refused as out of range.
  const make = (
    value: number,
    style: NumberStyle,
    ambiguous: boolean,
    digits = text
  ): ParsedNumber => {
    const scaled = value * scale;
    const tiny = scaled === 0 && /[1-9]/.test(digits);
    return { value: tiny ? NaN : scaled, style, ambiguous, percent };
  };
  const asVi = (t: string) => Number(t.replace(/\./g, "").replace(",", "."));
  const asEn = (t: string) => Number(t.replace(/,/g, ""));

  if (PLAIN.test(text)) return make(Number(text), "plain", false);
  const exponent = EXPONENT.exec(text);
  if (exponent) {
    const [, whole, mark, fraction, power] = exponent;
    const value = Number(`${whole}${fraction ? `.${fraction}` : ""}e${power}`);
    const style = mark === "," ? "vi" : mark === "." ? "en" : "plain";
    return make(value, style, false, whole + (fraction ?? ""));
  }
  const viGrouped = VI_GROUPED.test(text);
  const enGrouped = EN_GROUPED.test(text);
  const viDecimal = VI_DECIMAL.test(text);
  const enDecimal = EN_DECIMAL.test(text);
  // "1.234" is both a Vietnamese thousand and an English decimal; "1,234" the other way round.
  if (viGrouped && enDecimal) return make(prefer === "vi" ? asVi(text) : asEn(text), prefer, true);
  if (enGrouped && viDecimal) return make(prefer === "en" ? asEn(text) : asVi(text), prefer, true);
  if (viGrouped || viDecimal) return make(asVi(text), "vi", false);
  if (enGrouped || enDecimal) return make(asEn(text), "en", false);
  return null;
}

const FORMATS = new Map<string, Intl.NumberFormat>();

/**
 * One Intl.NumberFormat per locale and digits, made once: toLocaleString builds a new one on every call, which made
 * the explanation of 100,000 amounts take seconds.
 */
export function numberFormat(
  locale: "vi-VN" | "en-GB",
  minimumFractionDigits: number,
  maximumFractionDigits: number
): Intl.NumberFormat {
  const key = `${locale} ${minimumFractionDigits} ${maximumFractionDigits}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits, maximumFractionDigits });
    FORMATS.set(key, format);
  }
  return format;
}

/** A number the Vietnamese way with a fixed number of decimals: 3602312 → "3.602.312", 0.2431 (3) → "0,243". */
export function formatVi(value: number, digits = 0): string {
  return numberFormat("vi-VN", digits, digits).format(value);
}

/**
 * The same figure as formatVi, the English way: the same rounding and digits, English separators
 * (3602312 → "3,602,312", 0.2431 (3) → "0.243"). English text never prints a raw, unrounded number.
 */
export function formatEn(value: number, digits = 0): string {
  return numberFormat("en-GB", digits, digits).format(value);
}

/** A number read by the one number rule; `ambiguity` holds the words naming both readings when there are two. */
export interface NumberReading {
  value: number;
  percent: boolean;
  ambiguity: Bilingual | null;
}

/** The words every front end uses for a text that reads two ways ("1.000": a thousand or one), naming both readings. */
export function ambiguousNumberWords(text: string): Bilingual {
  const vi = parseNumberText(text, "vi");
  const en = parseNumberText(text, "en");
  const show = (n: number | undefined) => (n === undefined ? "?" : String(n));
  return {
    vi: `"${text}" đọc được hai cách: ${show(vi?.value)} (cách viết Việt Nam) hoặc ${show(en?.value)} (cách viết tiếng Anh)`,
    en: `"${text}" reads two ways: ${show(vi?.value)} (Vietnamese style) or ${show(en?.value)} (English style)`,
  };
}

/**
 * The one number rule for typed text, in every front end (CLI options, task-pane fields, sheet cells, custom
 * functions): "16,5", "1.000,5" and "1,000.5" each fit one convention and are read by it; a text that fits both
 * ("1.000", "16,000") comes back read the Vietnamese way with `ambiguity` set. Options and custom functions refuse
 * it (ambiguousNumberRefusal); sheet cells keep the Vietnamese reading and warn with the same words. Null: not a number.
 */
export function readNumber(text: string): NumberReading | null {
  const parsed = parseNumberText(text, "vi");
  if (!parsed) return null;
  return {
    value: parsed.value,
    percent: parsed.percent,
    ambiguity: parsed.ambiguous ? ambiguousNumberWords(text.trim()) : null,
  };
}

/** What a refused ambiguous text is told: both readings and how to write the number unambiguously. */
export function ambiguousNumberRefusal(text: string): Bilingual {
  const words = ambiguousNumberWords(text.trim());
  const vi = parseNumberText(text, "vi")?.value;
  const en = parseNumberText(text, "en")?.value;
  return {
    vi: `${words.vi}; hãy viết không có dấu ngăn nghìn, ví dụ ${vi} hoặc ${en}`,
    en: `${words.en}; write it without a thousands separator, e.g. ${vi} or ${en}`,
  };
}

/**
 * An amount of money as typed: whole, or with up to three decimals where it has them (3.602,312 tỷ đồng), so that a
 * table in tỷ đồng is never printed rounded to whole billions.
 */
export function formatMoneyVi(value: number): string {
  return numberFormat("vi-VN", 0, 3).format(value);
}

/** formatMoneyVi the English way. */
export function formatMoneyEn(value: number): string {
  return numberFormat("en-GB", 0, 3).format(value);
}
