import { readingText } from "../../../src/workbook/reading/text";
import type { TableReading } from "../../../src/workbook/reading/types";

function reading(extra: Partial<TableReading> = {}): TableReading {
  return {
    input: "communes",
    what: { vi: "danh sách xã", en: "communes" },
    sheet: "Xã",
    headerRows: [5, 6],
    columns: [
      { col: "B", header: "Tên xã", role: "name", used: true },
      { col: "D", header: "TC1", role: "marks", criterion: "1", used: true },
      {
        col: "E",
        header: "So sánh",
        role: "comparison",
        used: false,
        why: { vi: "cột so sánh", en: "comparison column" },
      },
    ],
    used: { count: 80, rows: "8-87", role: "commune" },
    skipped: [
      { row: 7, role: "group", label: "Huyện A", why: { vi: "nhóm", en: "group" } },
      { row: 88, role: "total", label: "Tổng cộng", why: { vi: "tổng", en: "total" } },
    ],
    hidden: { rows: 0, columns: [] },
    checks: [],
    ...extra,
  };
}

describe("readingText", () => {
  it("is empty when no table was read", () => {
    expect(readingText([])).toEqual([]);
  });

  it("gives per table the sheet, header rows, rows used, columns used and rows skipped by role", () => {
    const text = readingText([reading()]).join("\n");
    expect(text).toContain("Đã đọc / Read:");
    expect(text).toContain("trang 'Xã', tiêu đề dòng 5-6; 80 dòng dữ liệu (8-87)");
    expect(text).toContain("Cột / columns: B name, D marks 1");
    expect(text).toContain('Cột không dùng / columns not used: E "So sánh" (cột so sánh)');
    expect(text).toContain("dòng nhóm (1: dòng 7)");
    expect(text).toContain("tổng cộng (1: dòng 88)");
  });

  it("says the unit and whether it was assumed, hidden rows counted, and checks that failed", () => {
    const text = readingText([
      reading({
        unit: { vi: "tỷ đồng", en: "billion VND", millions: 1000, cell: "A3" },
        hidden: { rows: 2, columns: [] },
        checks: [{ kind: "total", ok: false, vi: "dòng tổng lệch", en: "total differs" }],
      }),
      reading({ sheet: "Nguồn vốn", unit: { vi: "triệu đồng", en: "million VND", assumed: true } }),
    ]).join("\n");
    expect(text).toContain("ĐVT tỷ đồng (ô A3)");
    expect(text).toContain("ĐVT triệu đồng (giả định / assumed)");
    expect(text).toContain("Ẩn / hidden: 2 dòng ẩn");
    expect(text).toContain("Kiểm tra / check: dòng tổng lệch");
  });
});
