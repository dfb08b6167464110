// The Office.js adapter learns a sheet's hidden and filtered-out rows and its hidden columns from the address of the
// used range's visible cells (ExcelApi 1.9), loaded with the values: no sync of its own.

import { hiddenFromVisible, OfficeJsWorkbook } from "../../src/workbook/adapters/officejs";
import { FakeExcel, requirementsUpTo } from "../support/fake-excel";

function setup(api = "1.12") {
  const excel = new FakeExcel();
  excel.install();
  return { excel, port: new OfficeJsWorkbook(requirementsUpTo(api)) };
}

/** A communes table below a title (used range B2:E7), like the ones province offices filter by district. */
function communes(excel: FakeExcel) {
  const sheet = excel.addSheet("Tình hình xã", [], { row: 0, col: 0 });
  const rows = [
    ["Tên xã", "Huyện", "Số tiêu chí đạt", "Số tiêu chí đạt"],
    ["Thanh Thới An", "Trần Đề", 14, 16],
    ["Tài Văn", "Trần Đề", 15, 17],
    ["Xuân Hòa", "Kế Sách", 15, 19],
    ["Thới An Hội", "Kế Sách", 12, 15],
    ["Mỹ Phước", "Mỹ Tú", 16, 18],
  ];
  rows.forEach((row, r) => row.forEach((v, c) => sheet.set(1 + r, 1 + c, v)));
  return sheet;
}

describe("Office.js adapter: hidden rows and columns", () => {
  it("reads the hidden rows and columns in the same two syncs as the values", async () => {
    const { excel, port } = setup();
    const sheet = communes(excel);
    // Filtered to Kế Sách (sheet rows 3, 4 and 7 hidden), last year's count (column D) hidden.
    [2, 3, 6].forEach((r) => sheet.hiddenRows.add(r));
    sheet.hiddenCols.add(3);
    const grid = await port.readSheet("Tình hình xã");
    expect(grid.origin).toEqual({ row: 1, col: 1 });
    expect(grid.hiddenRows).toEqual([2, 3, 6]);
    expect(grid.hiddenCols).toEqual([3]);
    expect(grid.rows[0]).toEqual(["Tên xã", "Huyện", "Số tiêu chí đạt", "Số tiêu chí đạt"]);
    expect(excel.syncs).toBe(2);
  });

  it("reports nothing hidden for a sheet with every cell shown", async () => {
    const { excel, port } = setup();
    communes(excel);
    const grid = await port.readSheet("Tình hình xã");
    expect(grid.hiddenRows).toBeUndefined();
    expect(grid.hiddenCols).toBeUndefined();
    expect(excel.syncs).toBe(2);
  });

  it("takes every row and column for hidden when no cell is visible", async () => {
    const { excel, port } = setup();
    const sheet = communes(excel);
    for (let c = 1; c <= 4; c++) sheet.hiddenCols.add(c);
    const grid = await port.readSheet("Tình hình xã");
    expect(grid.hiddenCols).toEqual([1, 2, 3, 4]);
    expect(grid.hiddenRows).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("on Excel older than ExcelApi 1.9 reads the values as before, with nothing said hidden", async () => {
    const { excel, port } = setup("1.8");
    const sheet = communes(excel);
    sheet.hiddenCols.add(3);
    const grid = await port.readSheet("Tình hình xã");
    expect(grid.hiddenCols).toBeUndefined();
    expect(grid.rows).toHaveLength(6);
    expect(excel.syncs).toBe(2);
  });

  it("parses visible-cell addresses with quoted sheet names, single cells and spaces after commas", () => {
    const origin = { row: 1, col: 1 };
    expect(
      hiddenFromVisible("'Xã, 2025''s'!B2:C3, 'Xã, 2025''s'!E2:E3,'Xã, 2025''s'!B6", origin, 5, 4)
    ).toEqual({ rows: [3, 4], cols: [3] });
    expect(hiddenFromVisible("Sheet1!$B$2:$E$6", origin, 5, 4)).toEqual({ rows: [], cols: [] });
    expect(hiddenFromVisible(null, origin, 2, 2)).toEqual({ rows: [1, 2], cols: [1, 2] });
  });
});
