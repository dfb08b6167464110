// Result tables' titles, headers and fixed words in the pane's language. The workbook keeps the writers' text
// ("Chỉ tiêu (Indicator)", "… / Funding mix"); the preview shows only the chosen half of such pairs, and English
// for the Vietnamese-only words the writers use (a glossary), leaving names and data as typed.

import type { Bilingual } from "../engine/errors";
import { SOURCE_CATEGORY_LABELS } from "../engine/funding/categories";
import type { Lang } from "./i18n";

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** Text written in English: words, no Vietnamese letters ("budget, triệu đồng" counts, "triệu đồng" alone not). */
function englishPart(text: string): string | undefined {
  const t = text.replace(/triệu đồng/gi, "million VND").trim();
  const words = t.replace(/million VND/g, "");
  return /[a-z]/i.test(words) && !VIETNAMESE.test(t) ? t : undefined;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The two halves of a writer's bilingual text: "Tiếng Việt / English" or "Tiếng Việt (English)";
 * undefined when the text is not such a pair ("Tổng số / các nguồn" is Vietnamese on both sides).
 */
export function splitBilingual(text: string): Bilingual | undefined {
  const slash = text.lastIndexOf(" / ");
  if (slash > 0) {
    const en = englishPart(text.slice(slash + 3));
    if (en) return { vi: text.slice(0, slash).trim(), en: capitalise(en) };
  }
  const bracket = /^(.*\S)\s*\(([^()]+)\)$/.exec(text.trim());
  if (bracket) {
    const en = englishPart(bracket[2]);
    if (en) return { vi: bracket[1], en: capitalise(en) };
  }
  return undefined;
}

/** English for the Vietnamese-only words of result tables (headers and fixed cell values). */
const GLOSSARY: Record<string, string> = {
  TT: "No.",
  "Tiêu chí": "Criterion",
  "Tên tiếng Anh": "English name",
  "Số xã đạt": "Communes meeting it",
  "Tỷ lệ": "Share",
  "Tên xã": "Commune",
  Huyện: "District",
  "Số tiêu chí đạt": "Criteria met",
  "Tên tiêu chí đạt": "Criteria met (numbers)",
  "Số TC phấn đấu": "Criteria targeted",
  "Tiêu chí phấn đấu đạt": "Criteria to meet",
  "Lũy kế": "Cumulative",
  "Chi phí": "Cost",
  "Nội dung": "Item",
  "Nhóm nguồn": "Source group",
  Cột: "Column",
  "Loại kiểm tra": "Check",
  "Kết quả": "Result",
  Ô: "Cell",
  "So sánh": "Comparison",
  "Từ cột": "From column",
  "Đến cột": "To column",
  "Chênh lệch": "Difference",
  "Tỷ lệ đến/từ": "Ratio to/from",
  "Năm/Cột": "Year/column",
  "NS trung ương": "Central budget",
  "NS địa phương": "Local budget",
  "Tỷ lệ đối ứng": "Counterpart ratio",
  "Tỷ lệ tối thiểu": "Minimum ratio",
  "Thiếu hụt": "Shortfall",
  "Đạt yêu cầu": "Compliant",
  "Đơn vị": "Unit",
  "Hệ số": "Coefficient",
  "Nhu cầu": "Need",
  "Tỷ trọng": "Share",
  "Số vốn phân bổ": "Allocated",
  Năm: "Year",
  "Số xã đạt chuẩn": "Standard communes",
  "Số tiêu chí bình quân/xã": "Average criteria per commune",
  "Kinh phí": "Budget",
  "Số tiêu chí tăng thêm": "Criteria gained",
  "Số xã nâng cao": "Advanced communes",
  "Số xã kiểu mẫu": "Model communes",
  "Xã đạt chuẩn mới": "Newly standard communes",
  "Chỉ tiêu": "Target",
  "Mục tiêu": "Goal",
  "Đạt/Không đạt": "Reached",
  "Năm đạt": "Year reached",
  "Kinh phí đến năm đạt": "Cost up to that year",
  "Còn thiếu": "Short by",
  "Kinh phí bổ sung ước tính": "Estimated extra cost",
  "Năm đạt nếu giữ tốc độ": "Year reached at this pace",
  "Xã mới": "New commune",
  "Mã xã mới": "New commune code",
  "Ngày hiệu lực": "Effective date",
  "Số xã cũ": "Old communes",
  "Các xã cũ": "Old communes (names)",
  "Mã các xã cũ": "Old commune codes",
  "Các xã cũ (số tiêu chí đạt)": "Old communes (criteria met)",
  "Số xã cũ đạt chuẩn": "Old communes at the standard",
  "Tiêu chí các xã cũ đều đạt": "Criteria met by all old communes",
  "Mã xã": "Commune code",
  Đạt: "Met",
  "Chưa đạt": "Not met",
  "Không đạt": "Not reached",
  "Chưa dự báo": "Not projected",
  Khớp: "Agree",
  Lệch: "Mismatch",
  "Tổng cộng": "Total",
  "Tổng số / các nguồn": "Total / sources",
  "Dòng mẹ / dòng con": "Parent / sub-lines",
  "Thực hiện / kế hoạch": "Actual / plan",
  "Thay đổi": "Change",
  "Tổng số (cộng các nguồn)": "Total (sum of sources)",
  ...Object.fromEntries(Object.values(SOURCE_CATEGORY_LABELS).map((l) => [l.vi, l.en])),
};

/** Headers built around a name or a year: "Tỷ lệ - <column>", "<header> (triệu đồng)", "Dự kiến năm 2025". */
const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(.+) \(triệu đồng\)$/, (m) => `${toEnglish(m[1])} (million VND)`],
  [/^(.+) \(tiêu chí\)$/, (m) => `${toEnglish(m[1])} (criteria)`],
  [/^(.+) \(chỉ tiêu\)$/, (m) => `${toEnglish(m[1])} (indicators)`],
  [/^Tỷ lệ - (.+)$/, (m) => `Share - ${m[1]}`],
  [/^Dự kiến năm (\d{4})$/, (m) => `Projected ${m[1]}`],
  [/^Số xã dưới (\d+) tiêu chí$/, (m) => `Communes under ${m[1]} criteria`],
  [/^(\d{4}) \(hiện trạng\)$/, (m) => `${m[1]} (now)`],
];

function toEnglish(text: string): string {
  const known = GLOSSARY[text];
  if (known) return known;
  for (const [pattern, english] of PATTERNS) {
    const m = pattern.exec(text);
    if (m) return english(m);
  }
  return text;
}

/** A title, header or fixed word of a result table in the chosen language; names and data stay as they are. */
export function localText(text: string, lang: Lang): string {
  // "Title / English — basis / English": each part on its own.
  if (text.includes(" — "))
    return text
      .split(" — ")
      .map((part) => localText(part, lang))
      .join(" — ");
  const pair = splitBilingual(text);
  if (pair) return pair[lang];
  return lang === "en" ? toEnglish(text) : text;
}

/**
 * A text cell: the writers' fixed words are translated, and in a column whose own header is bilingual the
 * "Tiếng Việt (English)" pairs are split; anything else (a commune's name) is shown as written.
 */
export function localCell(text: string, lang: Lang, bilingualColumn: boolean): string {
  if (bilingualColumn) {
    const pair = splitBilingual(text);
    if (pair) return pair[lang];
  }
  return lang === "en" ? toEnglish(text) : text;
}
