// Words the report repeats, in Vietnamese and English, and the small helpers that choose between them.

import type { ReportLang } from "./format";
import { rowRanges, type RowRole, type TableReading } from "../reading/types";
import { ROW_ROLE_WORDS } from "../reading/words";

export interface Words {
  vi: string;
  en: string;
}

export function say(words: Words, lang: ReportLang): string {
  return words[lang];
}

export const W = {
  title: { vi: "BÁO CÁO", en: "REPORT" },
  subtitle: {
    vi: "Kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    en: "Results of the National Target Programme on New Rural Development",
  },
  appendix: { vi: "Phụ lục", en: "Appendix" },
  unitMillion: { vi: "ĐVT: triệu đồng", en: "Unit: million VND" },
  details: { vi: "chi tiết tại", en: "details in" },
  no: { vi: "TT", en: "No." },
  commune: { vi: "Tên xã", en: "Commune" },
  district: { vi: "Tên huyện, thị xã", en: "District" },
  total: { vi: "Tổng số", en: "Total" },
  totalCaps: { vi: "TỔNG SỐ", en: "TOTAL" },
  met: { vi: "Đạt", en: "Met" },
  notMet: { vi: "Chưa đạt", en: "Not met" },
} as const;

/** The heading of the targets section, whichever targets (criteria or indicators) the report shows. */
export function targetsHeading(year: number | undefined, lang: ReportLang): string {
  return lang === "vi"
    ? `Kế hoạch phấn đấu năm ${year ?? ""}`.trim()
    : `Targets for ${year ?? "next year"}`;
}

/** The heading of the roadmap section, whichever roadmap (criteria or indicators) the report shows. */
export function roadmapHeading(lastYear: number, lang: ReportLang): string {
  return lang === "vi"
    ? `Lộ trình thực hiện mục tiêu đến năm ${lastYear}`
    : `Roadmap to ${lastYear}`;
}

/** A money unit's words, as the figures carry it ("tỷ đồng" / "billion VND"); million VND when a result has none. */
export function unitWords(unit: Words | undefined, lang: ReportLang): string {
  return unit ? unit[lang] : lang === "vi" ? "triệu đồng" : "million VND";
}

/** The unit line above a table of figures in that unit ("ĐVT: tỷ đồng" / "Unit: billion VND"). */
export function unitLineOf(unit: Words | undefined, lang: ReportLang): string {
  return lang === "vi" ? `ĐVT: ${unitWords(unit, "vi")}` : `Unit: ${unitWords(unit, "en")}`;
}

/** Rows set aside as a source line names them (structural rows such as column numbers are not named). */
const SET_ASIDE = new Set<RowRole>([
  "ward",
  "district",
  "group",
  "subtotal",
  "total",
  "statistic",
  "note",
]);

/** ", dòng 3-82 (80 xã); bỏ qua dòng 83 (tổng cộng)": the rows of a sheet's reading, or "" without one. */
function rowsRead(reading: TableReading, lang: ReportLang): string {
  const vi = lang === "vi";
  const many = (rows: string) => /[-,]/.test(rows);
  const rows = (list: string) => (vi ? `dòng ${list}` : `${many(list) ? "rows" : "row"} ${list}`);
  const { count, role } = reading.used;
  const noun = vi
    ? role === "commune"
      ? "xã"
      : "dòng"
    : role === "commune"
      ? "communes"
      : "lines";
  let text = `, ${rows(reading.used.rows)} (${count} ${noun})`;
  const byRole = new Map<RowRole, number[]>();
  for (const s of reading.skipped) {
    if (!SET_ASIDE.has(s.role)) continue;
    const list = byRole.get(s.role) ?? [];
    list.push(s.row);
    byRole.set(s.role, list);
  }
  const parts = [...byRole.entries()].map(
    ([r, list]) => `${rows(rowRanges(list))} (${ROW_ROLE_WORDS[r][lang]})`
  );
  if (parts.length > 0) text += `; ${vi ? "bỏ qua" : "set aside"} ${parts.join(", ")}`;
  // A collected table that left communes out says so where its figures are cited, as every job does.
  const left = reading.leftOut;
  if (left && left.count > 0) {
    text += vi
      ? `; chưa tính ${left.count} xã chưa tổng hợp được (ghi ở ô ${left.cell}, xem trang “Cần xử lý”)`
      : `; ${left.count} communes left out, not counted (stated in cell ${left.cell}, see sheet “Cần xử lý”)`;
  }
  return text;
}

/**
 * "Nguồn: …" under a table: the sheet the table's figures come from first, then every other sheet the job's reading
 * used, each with the rows used and set aside (from the job's reading, when given), and the tool that computed them.
 * A table is never credited to one sheet when its job read several: the reading says which, and the line names them.
 */
export function sourceLine(
  sheet: string,
  lang: ReportLang,
  readings: readonly TableReading[] = []
): string {
  const vi = lang === "vi";
  const first = readings.find((r) => r.sheet === sheet);
  const named = (name: string, reading: TableReading | undefined) =>
    `${vi ? "trang tính" : "sheet"} “${name}”${reading ? rowsRead(reading, lang) : ""}`;
  const seen = new Set([sheet]);
  const others: string[] = [];
  for (const r of readings) {
    if (seen.has(r.sheet)) continue;
    seen.add(r.sheet);
    others.push(named(r.sheet, r));
  }
  const all = [named(sheet, first), ...others].join("; ");
  const end = first || others.length > 0 ? ";" : ",";
  return vi
    ? `Nguồn: số liệu ${all}${end} tổng hợp và tính toán bằng NTM Planner.`
    : `Source: ${all}${end} summarised and computed with NTM Planner.`;
}

/** The sheet a job read for one of its inputs ("period-targets"), else the sheet given. */
export function sheetOf(
  readings: readonly TableReading[] | undefined,
  input: string,
  otherwise: string
): string {
  return readings?.find((r) => r.input === input)?.sheet ?? otherwise;
}

/** A label typed in capitals on a sheet ("NGÂN SÁCH TRUNG ƯƠNG") as a sentence writes it ("Ngân sách trung ương"). */
export function sentenceCase(label: string): string {
  const trimmed = label.trim();
  if (trimmed !== trimmed.toLocaleUpperCase("vi") || trimmed === trimmed.toLocaleLowerCase("vi")) {
    return trimmed;
  }
  const lower = trimmed.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}

/** A sentence-case label inside a sentence: the first letter lowered unless the label is an acronym. */
export function inSentence(label: string): string {
  const s = sentenceCase(label);
  if (/^\p{Lu}{2,}/u.test(s)) return s;
  return s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
}
