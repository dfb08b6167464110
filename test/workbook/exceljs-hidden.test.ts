// The ExcelJS adapter gives a sheet's hidden rows and columns (0-based sheet coordinates): hidden by hand, filtered
// out by an autofilter (saved as hidden rows), in a collapsed outline group, or of width 0. (A row Excel shrinks
// to height 0 is saved hidden; ExcelJS does not keep a height of 0 apart from no height.)

import { readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";

const DIR = path.resolve(__dirname, "..", "fixtures", "hidden");
const open = (file: string) => ExcelJsWorkbook.fromXlsx(readFileSync(path.join(DIR, file)));

describe("ExcelJsWorkbook hidden rows and columns", () => {
  it("reads rows an autofilter hid as hidden rows (LibreOffice-saved file)", async () => {
    const grid = await (await open("filtered-one-district.xlsx")).readSheet("Tình hình xã");
    // The header is on sheet row 3; the Trần Đề and Mỹ Tú communes (sheet rows 4, 5 and 9) are filtered out.
    expect(grid.hiddenRows).toEqual([3, 4, 8]);
    expect(grid.hiddenCols).toBeUndefined();
  });

  it("reads a hidden column and a column hidden in a collapsed outline group", async () => {
    const plain = await (await open("hidden-last-year-count.xlsx")).readSheet("Tình hình xã");
    expect(plain.hiddenCols).toEqual([3]);
    const outline = await (await open("hidden-last-year-outline.xlsx")).readSheet("Tình hình xã");
    expect(outline.hiddenCols).toEqual([4]);
    expect(outline.hiddenRows).toBeUndefined();
  });

  it("takes a column of width 0 (as some tools save it, without the hidden flag) for a hidden one", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Xa");
    sheet.addRow(["Tên xã", "Số tiêu chí đạt", "Số tiêu chí đạt"]);
    sheet.addRow(["A", 15, 17]);
    sheet.addRow(["B", 12, 14]);
    sheet.getColumn(2).width = 7;
    // ExcelJS does not write a width of 0: set 7, then make it 0 in the sheet's XML.
    const parts = unzipSync(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    const xml = strFromU8(parts["xl/worksheets/sheet1.xml"]);
    expect(xml).toMatch(/width="7"/);
    parts["xl/worksheets/sheet1.xml"] = strToU8(xml.replace(/width="7"/, 'width="0"'));
    const grid = await (await ExcelJsWorkbook.fromXlsx(zipSync(parts))).readSheet("Xa");
    expect(grid.hiddenCols).toEqual([1]);
  });

  it("adds no column definitions by reading; a CSV sheet has nothing hidden", async () => {
    const book = await open("hidden-draft-plan.xlsx");
    const before = book.workbook.getWorksheet("Nguồn vốn")!.columns?.length ?? 0;
    const grid = await book.readSheet("Nguồn vốn");
    expect(grid.hiddenCols).toEqual([3]);
    expect(book.workbook.getWorksheet("Nguồn vốn")!.columns?.length ?? 0).toBe(before);
    const csv = ExcelJsWorkbook.fromCsv("Tên xã,Số tiêu chí đạt\nA,15\n", "xa.csv");
    const plain = await csv.readSheet((await csv.sheetNames())[0]);
    expect(plain.hiddenRows).toBeUndefined();
    expect(plain.hiddenCols).toBeUndefined();
  });
});
