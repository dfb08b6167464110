// The targets job's options, declared once; also read by the NTM.NEXT custom function (so kept free of readers).

import { choiceOption, declareOptions, numberOption, planYearOption } from "../../engine/options";
import { PERIOD_OPTION } from "../reading/period-option";

export const NO_LIMIT = { vi: "không giới hạn", en: "no limit" };

/** Seconds the exact method may spend per stage before returning its best plan with the gap. */
export const DEFAULT_TIME_LIMIT = 60;

export const TARGETS_OPTIONS = declareOptions({
  budget: numberOption({
    label: { vi: "Ngân sách năm", en: "Annual budget" },
    unit: "million-vnd",
    min: 0,
    absent: NO_LIMIT,
    help: {
      vi: "Triệu đồng khi có bảng chi phí; không có bảng chi phí thì tính bằng số tiêu chí. Để trống: không giới hạn",
      en: "Million VND with a costs table; without one it counts criteria. Empty: no limit",
    },
    example: "16",
  }),
  "max-per-commune": numberOption({
    label: { vi: "Số tiêu chí tối đa/xã/năm", en: "Most criteria per commune per year" },
    unit: "criteria",
    integer: true,
    min: 0,
    absent: NO_LIMIT,
    help: { vi: "Thường 1-3; để trống: không giới hạn", en: "Usually 1-3; empty: no cap" },
    example: "3",
  }),
  method: choiceOption({
    label: { vi: "Phương pháp", en: "Method" },
    choices: [
      { value: "greedy", label: { vi: "Nhanh (tham lam)", en: "Quick (greedy)" } },
      { value: "optimal", label: { vi: "Tối ưu (HiGHS)", en: "Optimal (HiGHS)" } },
    ],
    aliases: { exact: "optimal" },
    default: "greedy",
    example: "optimal",
  }),
  "cap-unit": choiceOption({
    label: { vi: "Giới hạn mỗi xã tính theo", en: "Cap per commune counts" },
    choices: [
      { value: "indicators", label: { vi: "Chỉ tiêu", en: "Indicators" } },
      { value: "criteria", label: { vi: "Tiêu chí thực hiện", en: "Criteria worked on" } },
    ],
    default: "indicators",
    help: {
      vi: "Chỉ dùng khi tình trạng theo từng chỉ tiêu (2026-2030)",
      en: "Only when the status is per indicator (2026-2030)",
    },
    example: "criteria",
  }),
  "default-cost": numberOption({
    label: { vi: "Chi phí mặc định mỗi chỉ tiêu", en: "Default cost per indicator" },
    unit: "million-vnd",
    min: 0,
    absent: { vi: "bắt buộc có chi phí", en: "a cost is required" },
    help: {
      vi: "Cho chỉ tiêu không có dòng trong bảng chi phí (2026-2030)",
      en: "For indicators without a row in the costs table (2026-2030)",
    },
    example: "500",
  }),
  year: planYearOption({
    help: {
      vi: "Xã đăng ký đạt chuẩn năm này được ưu tiên",
      en: "Communes registered to reach the standard this year come first",
    },
    example: "2024",
  }),
  period: PERIOD_OPTION,
  "time-limit": numberOption({
    label: { vi: "Thời gian tối đa mỗi giai đoạn", en: "Time limit per stage" },
    unit: "seconds",
    min: 0,
    exclusiveMin: true,
    default: DEFAULT_TIME_LIMIT,
    example: "60",
  }),
});
