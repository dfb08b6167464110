// The counterpart job's options, declared once (kept free of readers).

import { declareOptions, numberOption, PLAN_YEAR_OPTION, textOption } from "../../engine/options";
import { MAPPING_OPTION } from "./funding-options";

export const COUNTERPART_OPTIONS = declareOptions({
  ratio: numberOption({
    label: { vi: "Tỷ lệ đối ứng tối thiểu", en: "Minimum counterpart ratio" },
    unit: "ratio",
    min: 0,
    absent: { vi: "tra bảng theo --support-share", en: "looked up from --support-share" },
    help: { vi: "1 nghĩa là 1:1 (NSĐP bằng NSTW)", en: "1 means 1:1 (local equals central)" },
    example: "1",
  }),
  "support-share": numberOption({
    label: { vi: "Tỷ lệ hỗ trợ cân đối từ NSTW", en: "Share of central balancing support" },
    unit: "percent",
    min: 0,
    percent: true,
    help: {
      vi: "Tra bảng tỷ lệ đối ứng (65, 65% hoặc 0,65)",
      en: "Looks up the bracket table (65, 65% or 0.65)",
    },
    example: "65",
  }),
  period: textOption({
    label: { vi: "Giai đoạn", en: "Period" },
    absent: { vi: "giai đoạn của năm kế hoạch", en: "the plan year's period" },
    help: {
      vi: "2021-2025 hoặc 2026-2030: chọn các dòng của bảng tỷ lệ theo giai đoạn; 2026-2030 cho biết tỉnh có được hỗ trợ, ưu tiên (≥ 70%)",
      en: "2021-2025 or 2026-2030: picks the bracket rows of the period; 2026-2030 shows eligibility and priority (≥ 70%)",
    },
    example: "2026-2030",
  }),
  year: PLAN_YEAR_OPTION,
  mapping: MAPPING_OPTION,
});
