// What readBudget says it read: each column's role (label, amounts with their unit, comparison and share columns set
// aside with why), the rows skipped (total, "Trong đó", notes after the table) and the sums it checked, with cells.

import { gridFromRows, type CellValue } from "../../../src/workbook/grid";
import { readBudget } from "../../../src/workbook/readers/budget";

const ROWS: CellValue[][] = [
  ["KẾT QUẢ HUY ĐỘNG NGUỒN LỰC NĂM 2023", null, null, null, null, null],
  ["ĐVT: triệu đồng", null, null, null, null, null],
  [
    "STT",
    "Nội dung chỉ tiêu",
    "Năm 2023",
    "Kế hoạch 2024 (tỷ đồng)",
    "Tăng (+), giảm (-) so với năm 2023",
    "Cơ cấu (%)",
  ],
  [null, "TỔNG SỐ", 1000, 1.2, 200, 100],
  ["I", "NGÂN SÁCH TRUNG ƯƠNG", 600, 0.7, 100, 60],
  [null, "Trong đó:", null, null, null, null],
  [1, "Đầu tư phát triển", 500, 0.5, 0, 50],
  [2, "Sự nghiệp", 100, 0.3, 200, 10],
  ["II", "NGÂN SÁCH ĐỊA PHƯƠNG", 400, 0.5, 100, 40],
  [null, null, null, null, null, null],
  [
    "Ghi chú: số liệu năm 2024 là kế hoạch, sẽ cập nhật khi có quyết định giao vốn chính thức",
    null,
    null,
    null,
    null,
    null,
  ],
];

describe("readBudget: the reading", () => {
  const table = readBudget(gridFromRows("Nguồn vốn", ROWS));
  const { reading } = table;

  it("names the table, its sheet, header row and the rows read as lines", () => {
    expect(reading).toMatchObject({
      input: "budget",
      what: { vi: "Bảng nguồn vốn", en: "Funding table" },
      sheet: "Nguồn vốn",
      headerRows: [3, 3],
      used: { count: 4, rows: "5, 7-9", role: "line" },
    });
  });

  it("gives each column its role; each amount its own unit; comparison and share columns unused, with why", () => {
    const byCol = Object.fromEntries(reading.columns.map((c) => [c.col, c]));
    expect(byCol.B).toMatchObject({ role: "label", used: true });
    expect(byCol.C).toMatchObject({
      role: "amount",
      used: true,
      unit: { vi: "triệu đồng", cell: "A2" },
    });
    expect(byCol.D).toMatchObject({
      role: "amount",
      used: true,
      unit: { vi: "tỷ đồng", millions: 1000, cell: "D3" },
    });
    expect(byCol.E).toMatchObject({ role: "comparison", used: false });
    expect(byCol.E.why?.en).toMatch(/not another year of money/);
    expect(byCol.F).toMatchObject({ role: "share", used: false });
    // The columns differ, so the table's figures are in million VND.
    expect(reading.unit).toMatchObject({ vi: "triệu đồng", millions: 1 });
    expect(table.columns).toEqual(["Năm 2023", "Kế hoạch 2024"]);
    expect(table.lines.find((l) => l.label === "Sự nghiệp")?.amounts).toEqual([100, 300]);
  });

  it("lists the rows skipped with their labels: the total, the 'Trong đó' row and the note under the table", () => {
    expect(reading.skipped.map((s) => [s.row, s.role, s.label])).toEqual([
      [4, "total", "TỔNG SỐ"],
      [6, "group", "Trong đó:"],
      [11, "note", expect.stringContaining("Ghi chú")],
    ]);
  });

  it("records each sum checked, sub-lines against their parent and sources against the total, with cells", () => {
    const checks = reading.checks.map((c) => [c.kind, c.cell, c.ok]);
    expect(checks).toEqual(
      expect.arrayContaining([
        ["total", "C4", true],
        ["sum-of-lines", "C5", true],
        ["total", "D4", true],
        ["sum-of-lines", "D5", false],
      ])
    );
    const off = reading.checks.find((c) => c.cell === "D5");
    expect(off?.vi).toContain("lệch");
  });
});

describe("readBudget: units in a header row of their own", () => {
  it("reads 'Tỷ đồng' under each caption as that column's unit and converts to million VND", () => {
    const table = readBudget(
      gridFromRows("Nguồn vốn", [
        ["STT", "Nội dung chỉ tiêu", "Kết quả năm 2023", "Kế hoạch năm 2024"],
        [null, null, "Tỷ đồng", "Tỷ đồng"],
        ["I", "NGÂN SÁCH TRUNG ƯƠNG", 223.534, 200.334],
        ["II", "NGÂN SÁCH ĐỊA PHƯƠNG", 54.351, 210.713],
      ])
    );
    expect(table.columns).toEqual(["Kết quả năm 2023", "Kế hoạch năm 2024"]);
    expect(table.unit).toMatchObject({ vi: "triệu đồng", millions: 1 });
    expect(table.lines.map((l) => l.amounts)).toEqual([
      [223534, 200334],
      [54351, 210713],
    ]);
    expect(table.reading.columns.find((c) => c.col === "C")?.unit).toMatchObject({
      vi: "tỷ đồng",
      millions: 1000,
    });
  });
});
