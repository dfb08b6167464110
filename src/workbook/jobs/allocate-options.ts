// The allocate job's options, declared once (by coefficients and by policy read the same declaration).

import {
  choiceOption,
  declareOptions,
  numberOption,
  planYearOption,
  textOption,
} from "../../engine/options";

export const ALLOCATE_OPTIONS = declareOptions({
  total: numberOption({
    label: { vi: "Tổng vốn phân bổ", en: "Envelope" },
    unit: "million-vnd",
    min: 0,
    required: true,
    example: "10000",
  }),
  policy: textOption({
    label: { vi: "Chính sách phân bổ", en: "Allocation policy" },
    absent: { vi: "trang hệ số", en: "a coefficients sheet" },
    help: {
      vi: "qd-07-2022 (các mức theo tỉnh của QĐ 07/2022 áp dụng cho xã), 2026-2030 (theo thông tin về dự thảo, cần đối chiếu văn bản ban hành) hoặc tên trang chính sách",
      en: "qd-07-2022 (Decision 07/2022's province bands applied to communes), 2026-2030 (from reports of the draft, to check against the text issued) or a policy sheet name",
    },
    example: "2026-2030",
  }),
  unit: numberOption({
    label: { vi: "Làm tròn đến", en: "Round to" },
    unit: "million-vnd",
    min: 0,
    exclusiveMin: true,
    default: 1,
    help: { vi: "1, 10 hoặc 100 triệu đồng", en: "1, 10 or 100 million VND" },
    example: "10",
  }),
  min: numberOption({
    label: { vi: "Mức tối thiểu mỗi đơn vị", en: "Minimum per unit" },
    unit: "million-vnd",
    min: 0,
    example: "500",
  }),
  cap: numberOption({
    label: { vi: "Mức tối đa mỗi đơn vị", en: "Cap per unit" },
    unit: "million-vnd",
    min: 0,
    example: "3000",
  }),
  basis: choiceOption({
    label: { vi: "Phân bổ theo", en: "Allocate by" },
    choices: [
      { value: "coefficient", label: { vi: "Hệ số", en: "Coefficient" } },
      { value: "need", label: { vi: "Nhu cầu", en: "Need" } },
    ],
    help: {
      vi: "Chỉ với trang hệ số; để trống: theo cột có trong bảng (Hệ số hoặc Nhu cầu)",
      en: "Coefficients sheet only; empty: by the column the table has (coefficient or need)",
    },
    example: "need",
  }),
  year: planYearOption({
    label: { vi: "Năm phân bổ", en: "Allocation year" },
    help: {
      vi: 'Cho quy tắc "Đăng ký đạt chuẩn" (xã đăng ký trong năm này)',
      en: 'For a "Đăng ký đạt chuẩn" rule (communes registered for this year)',
    },
    example: "2026",
  }),
  "top-up": numberOption({
    label: { vi: "Vốn tỉnh bổ sung", en: "Province top-up" },
    unit: "million-vnd",
    min: 0,
    example: "5000",
  }),
  "top-up-policy": textOption({
    label: { vi: "Chính sách phân bổ vốn tỉnh", en: "Top-up policy" },
    help: {
      vi: "Mẫu hoặc tên trang chính sách cho vốn tỉnh",
      en: "A preset or a policy sheet name for the top-up",
    },
    example: "qd-07-2022",
  }),
});
