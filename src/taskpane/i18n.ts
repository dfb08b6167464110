// The task pane's words in Vietnamese (first) and English, and how the language is chosen.

import type { Bilingual } from "../engine/errors";

export type Lang = "vi" | "en";

/** Vietnamese unless the host (Office or the browser) speaks English; Vietnamese for every other language too. */
export function detectLanguage(tag: string | undefined): Lang {
  return tag && tag.toLowerCase().startsWith("en") ? "en" : "vi";
}

export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}

export const UI = {
  title: { vi: "Lập kế hoạch Nông thôn mới", en: "New Rural Development planner" },
  switchLanguage: { vi: "English", en: "Tiếng Việt" },
  job: { vi: "Việc cần làm", en: "Task" },
  noJobs: {
    vi: "Chưa có chức năng lập kế hoạch nào được cài đặt.",
    en: "No planning task is installed yet.",
  },
  inputs: { vi: "Dữ liệu đầu vào", en: "Input sheets" },
  autoDetect: { vi: "(tự tìm theo tiêu đề cột)", en: "(find by column headers)" },
  required: { vi: "bắt buộc", en: "required" },
  optional: { vi: "không bắt buộc", en: "optional" },
  none: { vi: "(không dùng)", en: "(none)" },
  empty: { vi: "Để trống", en: "Empty" },
  options: { vi: "Tùy chọn", en: "Options" },
  run: { vi: "Chạy", en: "Run" },
  running: { vi: "Đang tính…", en: "Working…" },
  cancel: { vi: "Hủy", en: "Cancel" },
  cancelled: { vi: "Đã hủy; không có gì được ghi.", en: "Cancelled; nothing was written." },
  write: { vi: "Ghi kết quả vào sổ làm việc", en: "Write results to the workbook" },
  written: { vi: "Đã ghi các trang tính", en: "Written to sheets" },
  refresh: { vi: "Làm mới danh sách trang tính", en: "Refresh sheet list" },
  templates: { vi: "Chèn mẫu nhập liệu", en: "Insert input template" },
  templateWritten: { vi: "Đã chèn mẫu", en: "Template inserted" },
  communeForm: {
    vi: "Biểu tự đánh giá của xã (gửi các xã điền)",
    en: "Commune self-assessment form (for the communes to fill in)",
  },
  collect: { vi: "Tổng hợp báo cáo của các xã", en: "Collect the communes' reports" },
  collectPick: {
    vi: "Chọn các tệp báo cáo của xã (.xlsx, .xls, .csv; chọn nhiều tệp cùng lúc)…",
    en: "Pick the communes' report files (.xlsx, .xls, .csv; several at once)…",
  },
  collectProgress: { vi: "Đã đọc", en: "Read" },
  collectFiles: { vi: "tệp", en: "files" },
  collectDone: { vi: "Đã tổng hợp", en: "Collected" },
  collectCommunes: { vi: "xã vào bảng", en: "communes in the table" },
  collectLeftOut: { vi: "xã chưa tổng hợp", en: "communes left out" },
  collectUnreadable: { vi: "tệp không đọc được", en: "files cannot be read" },
  collectCancelled: {
    vi: "Đã dừng tổng hợp, không ghi gì vào sổ",
    en: "Collecting stopped, nothing written",
  },
  results: { vi: "Kết quả", en: "Results" },
  warnings: { vi: "Lưu ý", en: "Warnings" },
  moreWarnings: { vi: "và {more} lưu ý khác", en: "and {more} more" },
  showAllWarnings: { vi: "Xem tất cả {total} lưu ý", en: "Show all {total} warnings" },
  errorTitle: { vi: "Cần sửa dữ liệu", en: "Data to fix" },
  failedTitle: { vi: "Không thực hiện được", en: "Could not complete" },
  sheet: { vi: "Trang tính", en: "Sheet" },
  cell: { vi: "ô", en: "cell" },
  field: { vi: "Mục", en: "Field" },
  found: { vi: "Gặp", en: "Found" },
  expected: { vi: "Cần", en: "Expected" },
  rowsShown: { vi: "Hiển thị {shown}/{total} dòng", en: "Showing {shown} of {total} rows" },
  keyFigures: { vi: "Số liệu chính", en: "Key figures" },
  tables: { vi: "Bảng kết quả", en: "Result tables" },
  dataSheet: { vi: "Dữ liệu lấy từ trang", en: "Data read from sheet" },
  rowDetails: { vi: "Chi tiết dòng {name}", en: "Details of row {name}" },
  showAllRows: { vi: "Xem tất cả {total} dòng", en: "Show all {total} rows" },
  announceDone: {
    vi: "Đã xong: {job}. {figures}{warnings} lưu ý.",
    en: "Done: {job}. {figures}{warnings} warnings.",
  },
  announceFailed: { vi: "Không thực hiện được: {message}", en: "Could not complete: {message}" },
  sheetsLoading: { vi: "Đang đọc sổ làm việc…", en: "Reading the workbook…" },
  upload: { vi: "Mở tệp (.xlsx, .xls, .csv)…", en: "Open a file (.xlsx, .xls, .csv)…" },
  download: { vi: "Tải sổ làm việc kết quả (.xlsx)", en: "Download result workbook (.xlsx)" },
  notInExcel: {
    vi: "Trang này chạy trong Excel; ngoài Excel hãy mở web.html (ứng dụng web)",
    en: "This page runs inside Excel; outside Excel open web.html (the web app)",
  },
  browserMode: {
    vi: "Không cần Excel: mở tệp của bạn, chạy, tải kết quả về. Tệp chỉ được đọc trong trình duyệt này, không gửi đi đâu.",
    en: "No Excel needed: open your file, run, download the results. Your file is read in this browser only and sent nowhere.",
  },
  pageTitle: {
    vi: "Lập kế hoạch Nông thôn mới — ứng dụng web",
    en: "New Rural Development planner — web app",
  },
  sampleFile: {
    vi: "Đang dùng dữ liệu mẫu (Sóc Trăng 2023):",
    en: "Using the sample data (Sóc Trăng 2023):",
  },
  openedFile: { vi: "Tệp đang mở:", en: "Open file:" },
  opening: { vi: "Đang mở tệp", en: "Opening the file" },
  kindXlsx: { vi: "sổ Excel (.xlsx)", en: "Excel workbook (.xlsx)" },
  kindXls: { vi: "sổ Excel 97-2003 (.xls)", en: "Excel 97-2003 workbook (.xls)" },
  kindText: { vi: "tệp văn bản (CSV)", en: "text file (CSV)" },
  xlsReadOnly: {
    vi: "Tệp .xls chỉ được đọc, không bị sửa: tệp tải về là một sổ .xlsx mới gồm các trang đã ghi.",
    en: "The .xls file is only read, never changed: the download is a new .xlsx of the sheets written.",
  },
  writeFirst: {
    vi: "Hãy chạy và ghi kết quả vào sổ trước khi tải về.",
    en: "Run and write the results to the workbook before downloading.",
  },
  file: { vi: "Tệp", en: "File" },
} satisfies Record<string, Bilingual>;

/** Fills {name} placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));
}
