// Every string the add-in writes (cells, headers, titles) stays text in both adapters: never a formula, never a number.

import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { OfficeJsWorkbook } from "../../src/workbook/adapters/officejs";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import type { OutputSheet } from "../../src/workbook/output";
import { FakeExcel, requirementsUpTo } from "../support/fake-excel";

/** Starts Excel (or a program reading a copied cell) takes as a formula or alters: = + - @ tab CR, and more. */
const HOSTILE = [
  "=1+1",
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1)",
  "\t=1+2",
  "\r=1+2",
  "'quoted",
  "5%",
  "00123",
];

function hostileResult(): OutputSheet {
  return {
    sheet: "KQ_Test",
    tables: [
      {
        name: "NTM_Test",
        title: '=HYPERLINK("http://x")',
        columns: [{ header: "=Tên xã" }, { header: "+Huyện" }, { header: "@Ghi chú" }],
        rows: HOSTILE.map((text, i) => [text, `-${i}+1`, `@x${i}`]),
      },
    ],
  };
}

describe("formula-safe writes", () => {
  it("Office.js: every string is written as text (title, headers, cells)", async () => {
    const excel = new FakeExcel();
    excel.install();
    const port = new OfficeJsWorkbook(requirementsUpTo("1.12"));
    await port.writeResults([hostileResult()]);
    const sheet = excel.sheet("KQ_Test")!;
    const cells = sheet.allCells();
    expect(cells.filter((c) => c.type === "Formula")).toEqual([]);
    expect(cells.filter((c) => typeof c.value !== "string")).toEqual([]);
    expect(sheet.get(0, 0)!.value).toBe('=HYPERLINK("http://x")');
    expect([0, 1, 2].map((c) => sheet.get(1, c)!.value)).toEqual(["=Tên xã", "+Huyện", "@Ghi chú"]);
    expect(HOSTILE.map((_, r) => sheet.get(2 + r, 0)!.value)).toEqual(HOSTILE);
    expect(sheet.get(3, 1)!.value).toBe("-1+1");
  });

  it("ExcelJS: every string is a string cell in the saved .xlsx, with no formula element", async () => {
    const book = ExcelJsWorkbook.empty();
    await book.writeResults([hostileResult()]);
    const bytes = await book.toXlsx();
    const files = unzipSync(bytes);
    const sheetXml = Object.keys(files)
      .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
      .map((f) => strFromU8(files[f]))
      .join("");
    expect(sheetXml).not.toMatch(/<f[ >]/);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = reread.getWorksheet("KQ_Test")!;
    const texts: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        texts.push(String(cell.value));
      })
    );
    expect(texts.slice(0, 4)).toEqual(['=HYPERLINK("http://x")', "=Tên xã", "+Huyện", "@Ghi chú"]);
    // Leading tab and carriage return survive the XML round trip.
    expect(texts).toContain("\t=1+2");
    expect(texts).toContain("\r=1+2");
    expect(texts).toContain("'quoted");
  });
});
