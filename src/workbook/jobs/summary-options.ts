// The summary job's options, declared once (kept free of readers: the task pane's form loads them at start).

import { DEFAULT_BANDS } from "../../engine/criteria/bands";
import { declareOptions, numberOption, PLAN_YEAR_OPTION, textOption } from "../../engine/options";
import { PERIOD_OPTION } from "../reading/period-option";

export const SUMMARY_OPTIONS = declareOptions({
  period: PERIOD_OPTION,
  year: PLAN_YEAR_OPTION,
  bands: textOption({
    label: { vi: "Nhóm số tiêu chí", en: "Bands of criteria met" },
    default: DEFAULT_BANDS,
    help: {
      vi: "Ví dụ 19,15-18,10-14,5-9,0-4; bộ 10 tiêu chí: 10,8-9,5-7,0-4",
      en: "For example 19,15-18,10-14,5-9,0-4; 10-criteria set: 10,8-9,5-7,0-4",
    },
    example: "10,8-9,5-7,0-4",
  }),
  "target-standard": numberOption({
    label: { vi: "Mục tiêu tỷ lệ xã đạt chuẩn", en: "Target share at the standard" },
    unit: "percent",
    min: 0,
    max: 100,
    percent: true,
    help: {
      vi: '2026-2030: mặc định khoảng 65% đến 2030 (NQ 257/2025/QH15), hoặc trang "Chỉ tiêu giai đoạn" của tỉnh',
      en: '2026-2030: about 65% by 2030 by default (Res. 257/2025/QH15), or the province\'s "Chỉ tiêu giai đoạn" sheet',
    },
    example: "65",
  }),
  "target-modern": numberOption({
    label: { vi: "Mục tiêu tỷ lệ xã NTM hiện đại", en: "Target share of modern NTM communes" },
    unit: "percent",
    min: 0,
    max: 100,
    percent: true,
    help: {
      vi: "2026-2030: mặc định khoảng 10% đến 2030",
      en: "2026-2030: about 10% by 2030 by default",
    },
    example: "10",
  }),
});
