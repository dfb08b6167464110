// Formulas whose saved result is empty text (=IF(…;"";…) saved by Excel or LibreOffice) are blank cells, not
// formulas saved without results (issue #21, class 7). Real files: test/fixtures/hidden/ (scripts/build-hidden-
// fixtures.py, calculated and saved by LibreOffice Calc), and Excel's own form of such a cell.

import { readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { emptyTextCells } from "../../src/workbook/adapters/xlsx-formulas";
import { UNCALCULATED } from "../../src/workbook/grid";

const DIR = path.resolve(__dirname, "..", "fixtures", "hidden");
const open = (file: string) => ExcelJsWorkbook.fromXlsx(readFileSync(path.join(DIR, file)));

describe("emptyTextCells", () => {
  it("finds string-typed formula cells with an empty or absent value, and only those", () => {
    const xml = [
      '<row r="2"><c r="A2" s="1"/>',
      '<c r="B2" t="str"><f>IF(A2&gt;1,"","x")</f><v></v></c>', // Excel, LibreOffice
      '<c r="C2" s="3" t="str"><f aca="false">IF(A2&gt;1,"","x")</f><v/></c>',
      '<c r="D2" t="str"><f t="shared" si="0"/></c>', // no <v> at all
      '<c r="E2" t="str"><f>IF(A2&gt;1,"","x")</f><v>x</v></c>', // a text result
      '<c r="F2"><f>SUM(A2:A3)</f><v></v></c>', // openpyxl: no result, not a string
      '<c r="G2" t="str"><v></v></c>', // no formula: a plain empty string cell, left to ExcelJS
      '<c r="H2" t="n"><f>A2</f></c></row>',
    ].join("");
    expect([...emptyTextCells(xml)]).toEqual(["B2", "C2", "D2"]);
  });
});

describe("ExcelJsWorkbook: formulas with an empty text result", () => {
  it("reads them as blank in a LibreOffice-calculated file, text results as text", async () => {
    const grid = await (await open("formula-empty-text-marks.xlsx")).readSheet("Tình hình xã");
    // Thanh Thới An meets criteria 1-16: TC1..TC16 (D..S) hold "x", TC17..TC19 (T..V) are empty text results.
    expect(grid.rows[1].slice(3, 19)).toEqual(new Array(16).fill("x"));
    expect(grid.rows[1].slice(19, 22)).toEqual([null, null, null]);
  });

  it("reads them as blank when saved without any <v>", async () => {
    const grid = await (await open("formula-empty-text-no-v.xlsx")).readSheet("Tình hình xã");
    expect(grid.rows[1].slice(19, 22)).toEqual([null, null, null]);
    expect(grid.rows[1][3]).toBe("x");
  });

  it("still marks formulas saved without results (openpyxl) as uncalculated", async () => {
    const grid = await (await open("formula-no-results.xlsx")).readSheet("Tình hình xã");
    expect(grid.rows[1][3]).toEqual({
      error: UNCALCULATED,
      formula: expect.stringContaining("=IF("),
    });
    expect(grid.rows[1][21]).toMatchObject({ error: UNCALCULATED });
  });

  it('reads Excel\'s form of the cell (t="str", <v></v>) as blank, on a sheet whose name needs escaping', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Xã & TC");
    sheet.addRow(["Tên xã", "Số tiêu chí đạt", "Ghi chú"]);
    sheet.addRow(["A", 19, "PLACEHOLDER"]);
    const parts = unzipSync(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    const name = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
    const xml = strFromU8(parts[name]);
    const excel = xml.replace(
      /<c r="C2"[^>]*>[\s\S]*?<\/c>/,
      '<c r="C2" t="str"><f>IF(B2=19,"","chưa đạt")</f><v></v></c>'
    );
    expect(excel).not.toBe(xml);
    parts[name] = strToU8(excel);
    const grid = await (await ExcelJsWorkbook.fromXlsx(zipSync(parts))).readSheet("Xã & TC");
    expect(grid.rows[1]).toEqual(["A", 19, null]);
  });
});
