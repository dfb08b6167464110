// Recognising funding-source labels ("NGÂN SÁCH TRUNG ƯƠNG", "Vốn tín dụng") as canonical groups, by keywords.

import { labelKey } from "../text";
import type { SourceCategory, SourceMappingEntry } from "./types";

/** Vietnamese and English names of the groups, as written in result tables and accepted in a mapping sheet. */
export const SOURCE_CATEGORY_LABELS: Record<SourceCategory, { vi: string; en: string }> = {
  total: { vi: "Tổng số", en: "Total" },
  "state-budget": { vi: "Ngân sách nhà nước", en: "State budget" },
  central: { vi: "Ngân sách trung ương", en: "Central budget" },
  "central-investment": { vi: "NSTW - Đầu tư phát triển", en: "Central - development investment" },
  "central-recurrent": { vi: "NSTW - Sự nghiệp", en: "Central - recurrent" },
  local: { vi: "Ngân sách địa phương", en: "Local budget" },
  "local-province": { vi: "NSĐP - Tỉnh", en: "Local - province" },
  "local-district": { vi: "NSĐP - Huyện", en: "Local - district" },
  "local-commune": { vi: "NSĐP - Xã", en: "Local - commune" },
  integrated: { vi: "Vốn lồng ghép", en: "Integrated from other programmes" },
  credit: { vi: "Vốn tín dụng", en: "Credit" },
  enterprises: { vi: "Vốn doanh nghiệp", en: "Enterprises" },
  people: { vi: "Người dân và cộng đồng", en: "People and community" },
  "people-cash": { vi: "Người dân - Tiền mặt", en: "People - cash" },
  "people-labour": { vi: "Người dân - Ngày công, hiện vật", en: "People - labour and in kind" },
  other: { vi: "Khác", en: "Other" },
};

export const SOURCE_CATEGORIES = Object.keys(SOURCE_CATEGORY_LABELS) as SourceCategory[];

const entry = (category: SourceCategory, ...alternatives: string[][]): SourceMappingEntry[] =>
  alternatives.map((keywords) => ({ keywords, category }));

/**
 * The default mapping, most specific first; the first entry whose keywords all occur wins. A sub-line is matched
 * together with its parents' labels, so "Tỉnh" under "Ngân sách địa phương" reads as the province budget.
 * Users extend it with a mapping sheet (Từ khóa | Nhóm nguồn) whose rows come before these.
 */
export const DEFAULT_SOURCE_MAPPING: SourceMappingEntry[] = [
  ...entry("total", ["tổng số"], ["tổng cộng"], ["tổng nguồn vốn"], ["total"]),
  ...entry(
    "central-investment",
    ["trung ương", "đầu tư"],
    ["nstw", "đầu tư"],
    ["central", "investment"]
  ),
  ...entry(
    "central-recurrent",
    ["trung ương", "sự nghiệp"],
    ["nstw", "sự nghiệp"],
    ["central", "recurrent"]
  ),
  ...entry("central", ["trung ương"], ["nstw"], ["central"]),
  ...entry(
    "local-province",
    ["địa phương", "tỉnh"],
    ["ngân sách tỉnh"],
    ["ngân sách", "cấp tỉnh"],
    ["ns tỉnh"],
    ["ns", "cấp tỉnh"],
    ["nsđp", "tỉnh"],
    ["local", "province"],
    ["provincial budget"]
  ),
  ...entry(
    "local-district",
    ["địa phương", "huyện"],
    ["ngân sách huyện"],
    ["ngân sách", "cấp huyện"],
    ["ns huyện"],
    ["ns", "cấp huyện"],
    ["nsđp", "huyện"],
    ["local", "district"],
    ["district budget"]
  ),
  ...entry(
    "local-commune",
    ["địa phương", "xã"],
    ["ngân sách xã"],
    ["ngân sách", "cấp xã"],
    ["ns xã"],
    ["ns", "cấp xã"],
    ["nsđp", "xã"],
    ["local", "commune"],
    ["commune budget"]
  ),
  ...entry("local", ["địa phương"], ["nsđp"], ["local budget"]),
  ...entry("state-budget", ["ngân sách nhà nước"], ["nsnn"], ["state budget"]),
  ...entry("integrated", ["lồng ghép"], ["integrated"]),
  ...entry("credit", ["tín dụng"], ["credit"]),
  ...entry("enterprises", ["doanh nghiệp"], ["enterprise"], ["enterprises"]),
  ...entry("people-cash", ["người dân", "tiền mặt"], ["cộng đồng", "tiền mặt"], ["people", "cash"]),
  ...entry(
    "people-labour",
    ["người dân", "ngày công"],
    ["người dân", "hiện vật"],
    ["cộng đồng", "ngày công"],
    ["cộng đồng", "hiện vật"],
    ["people", "labour"],
    ["people", "in kind"]
  ),
  ...entry("people", ["người dân"], ["cộng đồng"], ["people"], ["community"]),
];

/** Folded, lower-case words separated by single spaces, with spaces at both ends for whole-word search. */
function words(text: string): string {
  return ` ${labelKey(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

/**
 * A line's own subject: what it is, not what it is for. Bracketed words and what follows "đối ứng" (counterpart
 * for) or "hỗ trợ" (support for) qualify the line: "Ngân sách tỉnh (đối ứng NSTW)" is the province's budget.
 */
function subject(label: string): string {
  const bare = label
    .replace(/\([^)]*\)?|\[[^\]]*\]?/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const cut = bare
    .split(/\s+(?:đối ứng|doi ung|hỗ trợ cho|ho tro cho|cho|for|matching)\s+/i)[0]
    .trim();
  return cut === "" ? bare : cut;
}

function classifyText(
  label: string,
  context: readonly string[],
  mapping: readonly SourceMappingEntry[]
): SourceCategory {
  const own = words(label);
  // The label read with its parents' labels first (a sub-line belongs to its parent's family); the total row only by its own label.
  const texts = context.length > 0 ? [words([...context, label].join(" ")), own] : [own];
  for (const text of texts) {
    const hit = mapping.find(
      (m) => m.keywords.length > 0 && m.keywords.every((k) => text.includes(words(k)))
    );
    if (hit && !(hit.category === "total" && text !== own)) return hit.category;
  }
  return "other";
}

/**
 * The group of a label (with its parents' labels as context, outermost first); "other" when nothing matches.
 * The line's own subject decides the family; the full label may only make it more specific within that family.
 */
export function classifySource(
  label: string,
  context: readonly string[] = [],
  mapping: readonly SourceMappingEntry[] = DEFAULT_SOURCE_MAPPING
): SourceCategory {
  const ctx = context.map(subject);
  const bySubject = classifyText(subject(label), ctx, mapping);
  if (bySubject === "other") {
    // "Vốn đối ứng của ngân sách tỉnh": the budget named after "đối ứng" is the source, unless it is the central
    // budget being matched ("đối ứng NSTW"), which says what the money is for, not where it comes from.
    const whole = classifyText(label.replace(/\([^)]*\)?/g, " "), ctx, mapping);
    return categoryFamily(whole) === "central" || whole === "total" ? "other" : whole;
  }
  const whole = classifyText(label, ctx, mapping);
  return categoryFamily(whole) === categoryFamily(bySubject) ? whole : bySubject;
}

/** A group from a mapping sheet's cell: its id ("credit"), Vietnamese or English name, any case or diacritics. */
export function parseSourceCategory(text: string): SourceCategory | null {
  const key = labelKey(text);
  for (const category of SOURCE_CATEGORIES) {
    const names = SOURCE_CATEGORY_LABELS[category];
    if ([category, names.vi, names.en].some((n) => labelKey(n) === key)) return category;
  }
  return null;
}

/** The family of a group: central-investment → central, people-cash → people. */
export function categoryFamily(category: SourceCategory): SourceCategory {
  const dash = category.indexOf("-");
  if (category === "state-budget" || dash < 0) return category;
  return category.slice(0, dash) as SourceCategory;
}
