// Result tables' titles, headers and fixed words in the pane's language. The workbook keeps the writers' text
// ("Chỉ tiêu (Indicator)", "… / Funding mix"); the preview shows only the chosen half of such pairs, and English
// for the Vietnamese-only words the writers use (the sheets' glossary, headers.ts), leaving names and data as typed.

import type { Bilingual } from "../engine/errors";
import { SOURCE_CATEGORY_LABELS } from "../engine/funding/categories";
import {
  capitalise,
  HEADER_ENGLISH,
  HEADER_UNITS,
  headerEnglish,
  VIETNAMESE,
} from "../workbook/headers";
import type { Lang } from "./i18n";

/** Text written in English: words, no Vietnamese letters ("budget, triệu đồng" counts, "triệu đồng" alone not). */
function englishPart(text: string): string | undefined {
  const t = text.replace(/triệu đồng/gi, "million VND").trim();
  const words = t.replace(/million VND/g, "");
  return /[a-z]/i.test(words) && !VIETNAMESE.test(t) ? t : undefined;
}

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

/**
 * English for the fixed cell values of result tables ("Đạt", "Tổng cộng", the source groups). The headers' English
 * is not here: it is the sheets' own glossary (HEADER_ENGLISH in src/workbook/headers.ts), so the pane and the
 * result workbook say the same thing.
 */
const CELL_WORDS: Readonly<Record<string, string>> = {
  Đạt: "Met",
  "Chưa đạt": "Not met",
  "Không đạt": "Not reached",
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

/**
 * The pane's own ways with a header around a unit or a name (the sheets', in headers.ts, come after): the unit in
 * brackets ("Kinh phí (triệu đồng)" → "Cost (million VND)"), a user's column name kept as typed ("Tỷ lệ - <column>"
 * → "Share - <column>"; the sheet keeps it in the Vietnamese half), and the current year's column.
 */
const PATTERNS: [RegExp, (m: RegExpExecArray) => string | undefined][] = [
  [
    /^(.+) \(([^()]+)\)$/,
    (m) => (HEADER_UNITS[m[2]] ? `${toEnglish(m[1])} (${HEADER_UNITS[m[2]]})` : undefined),
  ],
  [/^Tỷ lệ - (.+)$/, (m) => `Share - ${m[1]}`],
  [/^(\d{4}) \(hiện trạng\)$/, (m) => `${m[1]} (now)`],
];

function toEnglish(text: string): string {
  const known = CELL_WORDS[text] ?? HEADER_ENGLISH[text];
  if (known) return known;
  for (const [pattern, english] of PATTERNS) {
    const m = pattern.exec(text);
    const en = m && english(m);
    if (en) return en;
  }
  return headerEnglish(text) ?? text;
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
