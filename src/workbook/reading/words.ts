// The words for what a row was read as, declared once for every place that names skipped rows: the CLI's
// "Đã đọc / Read" block (reading/text.ts), the report's source lines (report/words.ts) and the pane's
// "Dữ liệu đã đọc" panel (taskpane/reading-view.ts).

import type { Bilingual } from "../../engine/errors";
import type { RowRole } from "./types";

export const ROW_ROLE_WORDS: Record<RowRole, Bilingual> = {
  commune: { vi: "xã", en: "communes" },
  line: { vi: "dòng số liệu", en: "lines" },
  ward: {
    vi: "phường, thị trấn, đặc khu (không xét NTM)",
    en: "wards, towns and special zones (not NTM)",
  },
  district: { vi: "dòng huyện", en: "district rows" },
  group: { vi: "dòng nhóm", en: "group rows" },
  subtotal: { vi: "cộng nhóm", en: "subtotals" },
  total: { vi: "tổng cộng", en: "totals" },
  statistic: { vi: "dòng thống kê", en: "statistic rows" },
  note: { vi: "ghi chú", en: "notes" },
  signature: { vi: "sau cuối bảng (ghi chú, chữ ký)", en: "after the table (notes, signatures)" },
  "column-numbers": { vi: "số thứ tự cột", en: "column-number rows" },
  "repeated-header": { vi: "tiêu đề lặp", en: "repeated headers" },
  title: { vi: "tiêu đề", en: "titles" },
};
