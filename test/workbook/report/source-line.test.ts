import { sourceLine } from "../../../src/workbook/report/words";
import type { TableReading } from "../../../src/workbook/reading/types";

const why = { vi: "x", en: "x" };

/** The reading of a communes sheet: communes on rows 6-85, a column-number row, two groups and a total. */
const READING: TableReading = {
  input: "communes",
  what: { vi: "danh sách xã", en: "communes" },
  sheet: "Xã",
  headerRows: [4, 4],
  columns: [],
  used: { count: 80, rows: "6-85", role: "commune" },
  skipped: [
    { row: 5, role: "column-numbers", label: "(1)", why },
    { row: 86, role: "total", label: "Tổng cộng", why },
  ],
  hidden: { rows: 0, columns: [] },
  checks: [],
};

describe("sourceLine", () => {
  it("names the sheet, the rows used with the communes counted and the rows set aside", () => {
    expect(sourceLine("Xã", "vi", [READING])).toBe(
      "Nguồn: số liệu trang tính “Xã”, dòng 6-85 (80 xã); bỏ qua dòng 86 (tổng cộng); tổng hợp và tính toán bằng NTM Planner."
    );
    expect(sourceLine("Xã", "en", [READING])).toBe(
      "Source: sheet “Xã”, rows 6-85 (80 communes); set aside row 86 (totals); summarised and computed with NTM Planner."
    );
  });

  it("says how many communes a collected table left out, naming the cell that states it", () => {
    const collected = { ...READING, leftOut: { count: 3, cell: "A1" } };
    expect(sourceLine("Xã", "vi", [collected])).toContain(
      "chưa tính 3 xã chưa tổng hợp được (ghi ở ô A1, xem trang “Cần xử lý”)"
    );
    expect(sourceLine("Xã", "en", [collected])).toContain("3 communes left out, not counted");
    expect(
      sourceLine("Xã", "vi", [{ ...READING, leftOut: { count: 0, cell: "A1" } }])
    ).not.toContain("chưa tính");
  });

  it("names the table's sheet first, then every other sheet the job read, and only the sheet without a reading", () => {
    const other = {
      ...READING,
      sheet: "Nguồn vốn",
      used: { count: 12, rows: "7-18", role: "line" as const },
    };
    expect(sourceLine("Nguồn vốn", "vi", [READING, other])).toBe(
      "Nguồn: số liệu trang tính “Nguồn vốn”, dòng 7-18 (12 dòng); bỏ qua dòng 86 (tổng cộng); " +
        "trang tính “Xã”, dòng 6-85 (80 xã); bỏ qua dòng 86 (tổng cộng); tổng hợp và tính toán bằng NTM Planner."
    );
    expect(sourceLine("Xã", "en", [READING, other])).toContain(
      "Source: sheet “Xã”, rows 6-85 (80 communes); set aside row 86 (totals); sheet “Nguồn vốn”, rows 7-18"
    );
    expect(sourceLine("Khác", "vi", [])).toBe(
      "Nguồn: số liệu trang tính “Khác”, tổng hợp và tính toán bằng NTM Planner."
    );
  });
});
