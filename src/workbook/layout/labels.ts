// What a label in an office table says about its row: a total or subtotal, a group (district), a note or signature
// line that ends the table, a line marker (I, 1, a, -, +) typed in the STT column or at the start of the label.

import { foldDiacritics, labelKey } from "../../engine/text";
import { isBlank, isCellError, type CellValue } from "../grid";

/** Lower case, composed, single spaces; diacritics kept ("cộng" is a total, "Công" is a commune's name). */
function lowerVi(text: string): string {
  return text.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
}

/**
 * A total or subtotal label: any label starting with "Tổng" or "Cộng", in any case ("Cộng huyện Kế Sách", "TỔNG
 * CỘNG TOÀN TỈNH", "Tổng kinh phí huy động"), or "Total". "Cộng đồng" (community) is a source, not a total. Text
 * typed without diacritics counts only in the usual spellings ("Tong cong", "Cong", "Tong so").
 */
export function isTotalLabel(text: string): boolean {
  const bare = stripMarker(text).rest;
  const lower = lowerVi(bare).replace(/^[\s*.:(-]+/, "");
  if (/^(tổng|cộng)(?!\p{L})/u.test(lower)) return !/^cộng (đồng|hòa|hoà)/.test(lower);
  if (foldDiacritics(lower) !== lower) return false; // "Công Hải", "Tống Trân": names, not totals
  return /^(tong cong|tong so|tong|cong|cong (huyen|toan|xa|thi xa|thanh pho|tp)|total|grand total|sub ?total)(\s|$|:)/.test(
    lower
  );
}

/** A grand total rather than a subtotal: "Tổng cộng", "Tổng số", "Cộng toàn tỉnh", "Total", plain "Cộng". */
export function isGrandTotalLabel(text: string): boolean {
  const key = labelKey(stripMarker(text).rest);
  return /^(tong cong|tong so|tong|cong|total|grand total|tong nguon von|tong von|tong kinh phi)(\s|$)/.test(
    key
  )
    ? !/^cong (huyen|xa|thi xa|thanh pho|tp|quan|nhom|muc|phan)\b/.test(key) &&
        !/^tong (huyen|xa)\b/.test(key)
    : /toan tinh|toan huyen/.test(key);
}

/** Words that name a district-level unit at the start of a group row: "Huyện Kế Sách", "Thị xã Ngã Năm". */
const GROUP_WORDS = /^(huyen|thi xa|thanh pho|tp|quan|district|town|city)\b/;

/** A label that names a district or similar group ("Huyện Kế Sách", "TX. Ngã Năm"). */
export function isGroupLabel(text: string): boolean {
  const key = labelKey(stripMarker(text).rest).replace(/^tx\b\.?/, "thi xa");
  return GROUP_WORDS.test(key);
}

/** The group's name as a district: "Huyện Kế Sách" → "Kế Sách". */
export function groupName(text: string): string {
  const rest = stripMarker(text).rest.trim();
  const m = /^(huyện|thị xã|thành phố|tp\.?|tx\.?|quận|thị trấn)\s+(.+)$/iu.exec(rest);
  return (m ? m[2] : rest).trim();
}

/** Rows that end a table: notes, signature blocks, the place-and-date line. */
const END_PATTERNS: RegExp[] = [
  /^(ghi chu|chu thich|chu y|luu y|nguon|nguon so lieu|note|notes|source)\b/,
  /^(nguoi lap|nguoi lap bieu|nguoi ky|thu truong|ke toan|giam doc|pho giam doc|chu tich|pho chu tich|truong phong|xac nhan|kiem tra|tm|kt|tl|q|prepared by|approved by)\b/,
  /\bngay\s*(\d+|\.{2,}|…)\s*thang\s*(\d+|\.{2,}|…)\s*nam\b/,
  /^\(?ky,? (ghi ro )?ho ten/,
  /^noi nhan\b/,
];

/** True for a text that is a note, a signature line or a date line ("Sóc Trăng, ngày 15 tháng 01 năm 2024"). */
export function isEndText(text: string): boolean {
  const key = labelKey(text);
  if (key === "") return false;
  if (/^\(?\*+\)?/.test(text.trim())) return true;
  return END_PATTERNS.some((p) => p.test(key));
}

/** The non-blank texts of a row, with their columns. */
export function rowTexts(row: readonly CellValue[]): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  row.forEach((v, col) => {
    if (typeof v === "string" && v.trim() !== "") out.push({ col, text: v.trim() });
  });
  return out;
}

/** True when a row holds no number (and no formula error): headers, notes and signatures. */
export function hasNoNumbers(row: readonly CellValue[]): boolean {
  return row.every(
    (v) => isBlank(v) || (typeof v === "string" && !/^[-+(]?\d[\d.,]*\)?%?$/.test(v.trim()))
  );
}

/** A row that ends the table: its first text is a note or a signature line, or every text is one. */
export function isEndRow(row: readonly CellValue[]): boolean {
  const texts = rowTexts(row);
  if (texts.length === 0) return false;
  if (row.some((v) => typeof v === "number" || isCellError(v))) return false;
  return isEndText(texts[0].text) || texts.every((t) => isEndText(t.text));
}

export type MarkerKind = "roman" | "arabic" | "dotted" | "letter" | "dash" | "plus" | "star";

export function markerKind(marker: string): MarkerKind | null {
  const m = marker.trim();
  if (m === "") return null;
  if (/^[IVXLC]+[.)]?$/.test(m)) return "roman";
  if (/^\d+[.)]?$/.test(m)) return "arabic";
  if (/^\d+(\.\d+)+\.?$/.test(m)) return "dotted";
  if (/^[a-zđ][).]?$/i.test(m)) return "letter";
  if (/^[-–—•]$/.test(m)) return "dash";
  if (m === "+") return "plus";
  if (m === "*") return "star";
  return null;
}

/**
 * A line marker typed at the start of a label: "I. Ngân sách…", "1. Vốn…", "1.2 …", "a) …", "- …", "+ …".
 * Only markers followed by a separator count ("I." or "I " before a capital), so "Ia Grai" stays a name.
 */
export function stripMarker(label: string): { marker: string; rest: string } {
  const text = label.trim();
  const patterns: RegExp[] = [
    /^([IVXLC]+)[.)]\s*(.+)$/,
    /^([IVXLC]+)\s+[-–—:]\s*(.+)$/,
    /^(\d+(?:\.\d+)*)[.)]\s*(.+)$/,
    /^(\d+(?:\.\d+)+)\s+(.+)$/,
    /^([a-zđ])[).]\s+(.+)$/,
    /^([-–—•+*])\s*(.+)$/,
  ];
  for (const p of patterns) {
    const m = p.exec(text);
    if (m && /\p{L}/u.test(m[2])) return { marker: m[1], rest: m[2].trim() };
  }
  return { marker: "", rest: text };
}
