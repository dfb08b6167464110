import { gridFromRows } from "../../../src/workbook/grid";
import { noteColumn, noteCheck, skipRow, tableReading } from "../../../src/workbook/reading/record";
import { rowRanges } from "../../../src/workbook/reading/types";
import { locateTable } from "../../../src/workbook/readers/table";

const SPECS = [
  { key: "name", aliases: ["Tên xã"], required: true },
  { key: "count", aliases: ["Số tiêu chí đạt"] },
  { key: "old", aliases: ["Năm trước"] },
];
const WHAT = { vi: "danh sách xã", en: "communes" };

/** A title, a header on sheet row 3, a column-number row, communes, a total and a signature after a note. */
function sheet() {
  return gridFromRows("Xã", [
    ["BÁO CÁO KẾT QUẢ", null, null],
    [null, null, null],
    ["Tên xã", "Số tiêu chí đạt", "Năm trước"],
    ["(1)", "(2)", "(3)"],
    ["Xã An", 19, 18],
    ["Xã Bình", 15, 15],
    ["Xã Cư", 12, 11],
    ["Tổng cộng", 46, 44],
    ["Ghi chú: số liệu đến 31/12/2023", null, null],
    ["Người lập biểu", null, null],
  ]);
}

describe("tableReading", () => {
  it("names the sheet, the header row and the rows used, and the rows a reader set aside with their label", () => {
    const table = locateTable(sheet(), SPECS, WHAT);
    skipRow(table, 7, "total", { vi: "tổng cộng", en: "total" });
    const r = tableReading(table, "communes", WHAT);
    expect(r.sheet).toBe("Xã");
    expect(r.headerRows).toEqual([3, 3]);
    expect(r.used).toEqual({ count: 3, rows: "5-7", role: "commune" });
    const byRow = Object.fromEntries(r.skipped.map((s) => [s.row, [s.role, s.label]]));
    expect(byRow[4]).toEqual(["column-numbers", "(1)"]);
    expect(byRow[8]).toEqual(["total", "Tổng cộng"]);
    expect(byRow[9]?.[0]).toBe("note");
    expect(byRow[10]?.[0]).toBe("signature");
  });

  it("gives each noted column its letter, header, role and whether it was used", () => {
    const table = locateTable(sheet(), SPECS, WHAT);
    noteColumn(table, table.columns.name, "name");
    noteColumn(table, table.columns.count, "count");
    noteColumn(table, table.columns.old, "count", {
      used: false,
      why: { vi: "năm trước", en: "last year" },
    });
    const r = tableReading(table, "communes", WHAT);
    expect(r.columns.map((c) => [c.col, c.header, c.role, c.used])).toEqual([
      ["A", "Tên xã", "name", true],
      ["B", "Số tiêu chí đạt", "count", true],
      ["C", "Năm trước", "count", false],
    ]);
  });

  it("counts hidden rows among the rows used and says what was done with a hidden column", () => {
    const grid = { ...sheet(), hiddenRows: [5], hiddenCols: [2] };
    const table = locateTable(grid, SPECS, WHAT);
    noteColumn(table, table.columns.old, "count", {
      used: false,
      why: { vi: "cột ẩn", en: "hidden column" },
    });
    const r = tableReading(table, "communes", WHAT);
    expect(r.hidden.rows).toBe(1);
    expect(r.hidden.columns).toEqual([
      { col: "C", header: "Năm trước", used: false, why: { vi: "cột ẩn", en: "hidden column" } },
    ]);
    expect(r.columns.find((c) => c.col === "C")?.hidden).toBe(true);
  });

  it("keeps the checks made, and a row the reader sets aside leaves the rows used", () => {
    const table = locateTable(sheet(), SPECS, WHAT);
    noteCheck(table, { kind: "total", cell: "B8", ok: true, vi: "khớp", en: "agrees" });
    skipRow(table, 6, "note", { vi: "x", en: "x" });
    const r = tableReading(table, "communes", WHAT, { role: "line" });
    expect(r.used).toEqual({ count: 3, rows: "5-6, 8", role: "line" });
    expect(r.checks).toEqual([{ kind: "total", cell: "B8", ok: true, vi: "khớp", en: "agrees" }]);
  });
});

describe("rowRanges", () => {
  it("joins runs of rows into ranges, in order", () => {
    expect(rowRanges([10, 6, 7, 8, 12])).toBe("6-8, 10, 12");
    expect(rowRanges([])).toBe("");
  });
});
