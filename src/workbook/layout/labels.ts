// What a label in an office table says about its row: a total or subtotal, a group (district), a note or signature
// line that ends the table, a line marker (I, 1, a, -, +) typed in the STT column or at the start of the label.

import { foldDiacritics, labelKey } from "../../engine/text";
import { isBlank, isCellError, type CellValue } from "../grid";

/** Lower case, composed, single spaces; diacritics kept ("cộng" is a total, "Công" is a commune's name). */
function lowerVi(text: string): string {
  return text.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
}

/** The first word of every total label below, with or without diacritics, any case. */
const TOTAL_START = /^[\s*.:(-]*(?:t[ổôo]ng|c[ộôo]ng|total|grand|sub)/iu;

/**
 * A total or subtotal label: any label starting with "Tổng" or "Cộng", in any case ("Cộng huyện Kế Sách", "TỔNG
 * CỘNG TOÀN TỈNH", "Tổng kinh phí huy động"), or "Total". "Cộng đồng" (community) is a source, not a total. Text
 * typed without diacritics counts only in the usual spellings ("Tong cong", "Cong", "Tong so").
 */
export function isTotalLabel(text: string): boolean {
  const bare = stripMarker(text).rest;
  // Labels are tested by the ten thousand: every total starts with one of these letters (most names do not).
  if (!TOTAL_START.test(composed(bare))) return false;
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

/** Text composed (NFC) only when it holds combining marks: labels are matched per row, by the ten thousand. */
function composed(text: string): string {
  return /[\u0300-\u036f]/.test(text) ? text.normalize("NFC") : text;
}

const ASCII = /^[\x20-\x7e]*$/;

/**
 * A district's name as a district-level row says it, strictly: "Huyện Kế Sách", "Thị xã Ngã Năm", "TP. Sóc Trăng",
 * "Quận 1" with their diacritics ("Quán Toan" is a name), or typed wholly without diacritics ("Huyen Ke Sach").
 * Used for rows that carry figures, where a loose match would drop a commune.
 */
export function isDistrictLabel(text: string): boolean {
  const rest = composed(stripMarker(text).rest);
  if (DISTRICT_STARTS[0].test(rest)) return true;
  if (DISTRICT_STARTS[1].test(rest)) return true;
  return ASCII.test(rest) && DISTRICT_STARTS[2].test(rest);
}

/** The district words isDistrictLabel looks for: with diacritics, abbreviated, typed wholly without diacritics. */
const DISTRICT_STARTS = [
  /^(?:huyện|thị xã|thành phố|quận)\s+\S/iu,
  /^(?:tp|tx)\.\s*\S/i,
  /^(?:huyen|thi xa|thanh pho)\s+\S/i,
] as const;

/** The first word of every statistic label below, with or without diacritics, any case. */
const STATISTIC_START =
  /^(?:s[ốôo]\s|t[ỷỉyi]\s|t[ổôo]ng\s|ti[êe]u\s|trung\s|b[ìi]nh\s|average|mean|rate|percentage|share|number|%)/iu;

/**
 * Statistic rows under a communes table: "Số xã đạt", "Tỷ lệ (%)", "Tỷ lệ đạt", "Bình quân", "Tổng số xã", "Trung
 * bình chung". "Trung Bình" alone is a commune's name (Trần Đề, Sóc Trăng), so "Trung bình" needs more words.
 */
export function isStatisticLabel(text: string): boolean {
  const rest = stripMarker(text).rest;
  // Every statistic label starts with one of these words (or is "%"): most names are rejected without folding.
  if (!STATISTIC_START.test(composed(rest))) return false;
  const key = labelKey(rest);
  if (key === "%") return true;
  return (
    /^(so xa|so don vi|ty le|ti le|binh quan|tong so xa|so tieu chi binh quan|so tc binh quan|tieu chi binh quan|average|mean|rate|percentage|share of|number of communes)(\s|$|\()/.test(
      key
    ) ||
    /^trung binh\s+(chung|cong|cac|tieu chi|so|moi|toan)\b/.test(key) ||
    /^trung binh\s*\(/.test(key)
  );
}

/**
 * The kind of a ward or town listed among communes ("Phường 1", "P. Bến Nghé", "Thị trấn Kế Sách", "TT. Long Phú",
 * "Đặc khu Côn Đảo"), or null for a commune. NTM applies to xã only. Without diacritics only unmistakable forms count
 * ("Phuong Thanh" may be the commune Phương Thạnh typed bare).
 */
export function wardKind(text: string): "phường" | "thị trấn" | "đặc khu" | null {
  const rest = composed(stripMarker(text).rest);
  const [ward, town, townShort, zone, wardBare, townBare, zoneBare] = WARD_STARTS;
  if (ward.test(rest)) return "phường";
  if (town.test(rest) || townShort.test(rest)) return "thị trấn";
  if (zone.test(rest)) return "đặc khu";
  if (!ASCII.test(rest)) return null;
  if (wardBare.test(rest)) return "phường";
  if (townBare.test(rest)) return "thị trấn";
  if (zoneBare.test(rest)) return "đặc khu";
  return null;
}

/** The words wardKind looks for, in the order it tries them. */
const WARD_STARTS = [
  /^(?:phường|p\.)\s*\S/iu,
  /^(?:thị trấn|tt\.)\s*\S/iu,
  /^TT\s+\p{Lu}/u,
  /^đặc khu\s+\S/iu,
  /^phuong\s+\d/i,
  /^thi tran\s+\S/i,
  /^dac khu\s+\S/i,
] as const;

/**
 * Every start a row label of isStatisticLabel, isTotalLabel, isDistrictLabel or wardKind can have, in one pattern
 * made from theirs (case-insensitive: a superset of each). Text that starts otherwise is none of them.
 */
const ANY_ROW_LABEL_START = new RegExp(
  [TOTAL_START, STATISTIC_START, ...DISTRICT_STARTS, ...WARD_STARTS]
    .map((re) => `(?:${re.source})`)
    .join("|"),
  "iu"
);

/**
 * True when a name in the name column says nothing about its row: it is no statistic, total, district or ward label
 * (the words classifyRow asks of a commune row's label and name). Exactly the four tests, answered for most names by
 * one pattern over their starts: a range of 100,000 communes is read in a cell function.
 */
export function isPlainName(text: string): boolean {
  const rest = stripMarker(text).rest;
  if (!/[\u0300-\u036f]/.test(rest) && !ANY_ROW_LABEL_START.test(rest)) return true;
  return !(
    isStatisticLabel(text) ||
    isTotalLabel(text) ||
    isDistrictLabel(text) ||
    wardKind(text) !== null
  );
}

const WARD_EN = { phường: "ward", "thị trấn": "town", "đặc khu": "special zone" } as const;

/**
 * Why a ward, town or special zone listed among communes is set aside, in one wording for every reader:
 * `phường "Phường 1": không phải xã, nông thôn mới chỉ xét xã; <then>`.
 */
export function notACommune(
  kind: "phường" | "thị trấn" | "đặc khu",
  name: string,
  then: { vi: string; en: string }
): { vi: string; en: string } {
  return {
    vi: `${kind} "${name}": không phải xã, nông thôn mới chỉ xét xã; ${then.vi}`,
    en: `${WARD_EN[kind]} "${name}": not a commune, NTM applies to communes (xã) only; ${then.en}`,
  };
}

/** A warning's text for such a row: "Dòng 12 (ô B12): <why>". */
export function rowSaid(
  row: number,
  cell: string,
  why: { vi: string; en: string }
): { vi: string; en: string } {
  return { vi: `Dòng ${row} (ô ${cell}): ${why.vi}`, en: `Row ${row} (cell ${cell}): ${why.en}` };
}

/** The kind a "Loại đơn vị hành chính" cell states: a ward or town kind, "xã", or null when it says neither. */
export function unitKind(text: string): "phường" | "thị trấn" | "đặc khu" | "xã" | null {
  const key = labelKey(text);
  if (/^(phuong|ward)$/.test(key)) return "phường";
  if (/^(thi tran|tt|town|township)$/.test(key)) return "thị trấn";
  if (/^(dac khu|special zone)$/.test(key)) return "đặc khu";
  if (/^(xa|commune)$/.test(key)) return "xã";
  return null;
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
  // Asked of every data row: no array of texts is built. When the first text is not an end text, not every text is.
  let first: string | null = null;
  for (const v of row) {
    if (typeof v === "number" || isCellError(v)) return false;
    if (first === null && typeof v === "string" && v.trim() !== "") first = v.trim();
  }
  return first !== null && isEndText(first);
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
  // Most labels (commune names) start with no marker: one test instead of six.
  if (!/^(?:[IVXLC]+[.)\s]|\d|[a-zđ][).]|[-–—•+*])/.test(text)) return { marker: "", rest: text };
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
