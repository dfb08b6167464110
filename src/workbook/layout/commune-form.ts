// The commune report form ("Biểu tự đánh giá kết quả thực hiện tiêu chí xã nông thôn mới"): its field labels, its
// headers and its money lines, shared by the template that writes it and the reader that reads it back filled in.

import type { Bilingual } from "../../engine/errors";
import { SOURCE_CATEGORY_LABELS } from "../../engine/funding/categories";
import type { SourceCategory } from "../../engine/funding/types";

export const COMMUNE_FORM_TITLE: Bilingual = {
  vi: "Biểu tự đánh giá kết quả thực hiện tiêu chí xã nông thôn mới",
  en: "Commune self-assessment of the new rural development criteria",
};

export type FormField = "name" | "code" | "group" | "district" | "period" | "year";

/** Each field: the label the template writes, then every other spelling a commune may have typed instead. */
export const FORM_FIELDS: Record<FormField, { label: Bilingual; aliases: string[] }> = {
  name: {
    label: { vi: "Tên xã", en: "Commune name" },
    aliases: ["Tên xã", "Xã", "Tên đơn vị", "Đơn vị", "Commune", "Commune name", "Name"],
  },
  code: {
    label: { vi: "Mã xã", en: "Commune code" },
    aliases: ["Mã xã", "Mã đơn vị hành chính", "Mã ĐVHC", "Mã", "Commune code", "Code"],
  },
  group: {
    label: { vi: "Nhóm xã (1, 2 hoặc 3)", en: "Commune group (1, 2 or 3)" },
    aliases: ["Nhóm xã", "Phân nhóm xã", "Nhóm", "Commune group", "Group"],
  },
  district: {
    label: { vi: "Huyện (cũ, nếu có)", en: "Former district (if any)" },
    aliases: ["Huyện", "Huyện cũ", "Huyện (cũ)", "Former district", "District"],
  },
  period: {
    label: { vi: "Giai đoạn", en: "Period" },
    aliases: ["Giai đoạn", "Bộ tiêu chí", "Period", "Criteria set"],
  },
  year: {
    label: { vi: "Năm đánh giá", en: "Year assessed" },
    aliases: ["Năm đánh giá", "Năm báo cáo", "Năm", "Year", "Year assessed", "Reporting year"],
  },
};

/** Column headers of the results table: code, name, value (or mark), unit, note. */
export const FORM_COLUMNS = {
  indicatorCode: { vi: "Mã chỉ tiêu", en: "Code" },
  criterionNumber: { vi: "Tiêu chí số", en: "Criterion no." },
  indicatorName: { vi: "Tên chỉ tiêu", en: "Indicator" },
  criterionName: { vi: "Tên tiêu chí", en: "Criterion" },
  value: { vi: "Kết quả (số hoặc Đạt/Không đạt)", en: "Value (a number or Đạt/Không đạt)" },
  mark: { vi: "Kết quả (Đạt/Không đạt)", en: "Result (Đạt/Không đạt)" },
  unit: { vi: "Đơn vị", en: "Unit" },
  note: { vi: "Ghi chú", en: "Note" },
  source: { vi: "Nguồn vốn", en: "Source" },
  amount: { vi: "Số tiền (triệu đồng)", en: "Amount (million VND)" },
} as const satisfies Record<string, Bilingual>;

/** Spellings of the results table's code and value columns in forms filled by hand. */
export const FORM_CODE_ALIASES = [
  "Mã chỉ tiêu",
  "Mã CT",
  "Chỉ tiêu số",
  "Tiêu chí số",
  "Số TT tiêu chí",
  "Mã tiêu chí",
  "Code",
  "Indicator code",
  "Criterion no",
  "Criterion number",
  "Criterion",
];
export const FORM_VALUE_ALIASES = [
  "Kết quả",
  "Kết quả thực hiện",
  "Kết quả tự đánh giá",
  "Tự đánh giá",
  "Giá trị",
  "Đạt/Không đạt",
  "Đánh giá",
  "Value",
  "Result",
  "Self-assessment",
];
export const FORM_NAME_ALIASES = [
  "Tên chỉ tiêu",
  "Tên tiêu chí",
  "Nội dung",
  "Chỉ tiêu",
  "Indicator",
  "Indicator name",
  "Criterion name",
];
export const FORM_NOTE_ALIASES = ["Ghi chú", "Note", "Notes"];
export const FORM_SOURCE_ALIASES = ["Nguồn vốn", "Nguồn", "Source", "Funding source"];
export const FORM_AMOUNT_ALIASES = ["Số tiền", "Kinh phí", "Giá trị", "Amount"];

/** The money lines the template offers (optional): the funding groups a commune raises money from. */
export const FORM_MONEY_SOURCES: SourceCategory[] = [
  "central",
  "local",
  "integrated",
  "credit",
  "enterprises",
  "people",
  "other",
];

export const sourceLabel = (c: SourceCategory): Bilingual => SOURCE_CATEGORY_LABELS[c];

/** "Tên xã / Commune name": the template's two-language header. */
export const both = (b: Bilingual): string => `${b.vi} / ${b.en}`;
