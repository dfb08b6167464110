// The roadmap job's options, declared once (the task pane's form loads them at start, before any job code).

import {
  declareOptions,
  numberOption,
  PLAN_YEAR_OPTION,
  textOption,
  yearOption,
} from "../../engine/options";
import { PERIOD_OPTION, PERIOD_TARGETS_SHEET } from "../reading/period-option";
import { TARGETS_OPTIONS } from "./targets-options";

const communes = (vi: string, en: string, example: string, integer = true) =>
  numberOption({ label: { vi, en }, unit: "communes", integer, min: 0, example });

export const ROADMAP_OPTIONS = declareOptions({
  budget: numberOption({
    label: { vi: "Kinh phí mỗi năm", en: "Budget per year" },
    unit: "million-vnd",
    min: 0,
    required: true,
    help: {
      vi: "Triệu đồng khi có bảng chi phí hoặc --cost; không có thì tính bằng số tiêu chí",
      en: "Million VND with a costs table or --cost; without them it counts criteria",
    },
    example: "16",
  }),
  to: yearOption({
    label: { vi: "Đến năm", en: "Up to year" },
    required: true,
    example: "2025",
  }),
  from: yearOption({
    label: { vi: "Từ năm", en: "From year" },
    absent: {
      vi: 'năm kế hoạch (--year, hoặc theo số liệu: tiêu đề "đến cuối năm 2023" → 2024)',
      en: 'the plan year (--year, or the data\'s: title "đến cuối năm 2023" → 2024)',
    },
    help: { vi: "Năm đầu tiên dự kiến", en: "First year projected" },
    example: "2024",
  }),
  pace: numberOption({
    label: { vi: "Tốc độ", en: "Pace" },
    unit: "criteria-per-year",
    min: 0,
    exclusiveMin: true,
    default: 1.5,
    example: "1.5",
  }),
  cost: numberOption({
    label: { vi: "Chi phí bình quân một tiêu chí", en: "Average cost per criterion" },
    unit: "million-vnd",
    min: 0,
    exclusiveMin: true,
    absent: {
      vi: "bình quân bảng chi phí, không có thì 1 (kinh phí tính bằng số tiêu chí)",
      en: "the costs table's average, else 1 (the budget counts criteria)",
    },
    help: {
      vi: "Cho thì kinh phí tính bằng triệu đồng; không có bảng chi phí và không cho thì tính bằng số tiêu chí",
      en: "Given, the budget is money; with neither it nor a costs table the budget counts criteria",
    },
    example: "1500",
  }),
  // The first year is planned as the targets job plans it: the same declarations, so the same rules.
  "max-per-commune": TARGETS_OPTIONS.fields["max-per-commune"],
  method: TARGETS_OPTIONS.fields.method,
  "time-limit": TARGETS_OPTIONS.fields["time-limit"],
  // Per indicator (2026-2030) each year is planned as the targets job plans it, with these too.
  "cap-unit": TARGETS_OPTIONS.fields["cap-unit"],
  "default-cost": TARGETS_OPTIONS.fields["default-cost"],
  below: numberOption({
    label: {
      vi: "Ngưỡng N (số xã dưới N tiêu chí)",
      en: "Threshold N (communes under N criteria)",
    },
    unit: "criteria",
    integer: true,
    min: 1,
    absent: {
      vi: "theo trang chỉ tiêu giai đoạn, không thì 15",
      en: "from the period targets sheet, else 15",
    },
    example: "15",
  }),
  period: PERIOD_OPTION,
  year: PLAN_YEAR_OPTION,
  "target-modern": communes(
    "Mục tiêu số xã NTM hiện đại (2026-2030)",
    "Target: modern NTM communes (2026-2030)",
    "10"
  ),
  "target-standard": communes("Mục tiêu số xã đạt chuẩn", "Target: standard communes", "75"),
  "target-advanced": communes("Mục tiêu số xã nâng cao", "Target: advanced communes", "25"),
  "target-model": communes("Mục tiêu số xã kiểu mẫu", "Target: model communes", "5"),
  "target-average": numberOption({
    label: { vi: "Mục tiêu số tiêu chí bình quân/xã", en: "Target: average criteria per commune" },
    unit: "criteria",
    min: 0,
    example: "18.5",
  }),
  "max-below": communes(
    "Tối đa số xã dưới N tiêu chí",
    "At most this many communes under N criteria",
    "0"
  ),
  "advanced-now": communes("Hiện trạng số xã nâng cao", "Advanced communes now", "20"),
  "model-now": communes("Hiện trạng số xã kiểu mẫu", "Model communes now", "2"),
  "advanced-per-year": numberOption({
    label: { vi: "Số xã nâng cao tăng mỗi năm", en: "New advanced communes per year" },
    unit: "communes-per-year",
    min: 0,
    example: "3",
  }),
  "model-per-year": numberOption({
    label: { vi: "Số xã kiểu mẫu tăng mỗi năm", en: "New model communes per year" },
    unit: "communes-per-year",
    min: 0,
    example: "1",
  }),
  "targets-sheet": textOption({
    label: { vi: "Trang chỉ tiêu giai đoạn", en: "Period targets sheet" },
    unit: "sheet",
    default: PERIOD_TARGETS_SHEET,
    example: PERIOD_TARGETS_SHEET,
  }),
});
