// A user's workbook with a line break from Word in a cell (Excel stores it as "_x000B_") opened by the ExcelJS adapter
// (the browser app, the CLI's reading) and saved again is a file every office program opens, holding what they typed.

import ExcelJS from "exceljs";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { excelStoredText } from "../../src/workbook/xml-text";
import { strictProblems } from "../support/strict-files";
import { RESULT } from "./roundtrip";

async function usersWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Xã");
  // As Excel writes these texts into the file.
  ws.getCell("A1").value = "Xã An_x000B_Bình";
  ws.getCell("A2").value = "mã_x0001__xFFFE_";
  ws.getCell("A4").value = {
    richText: [{ text: "Ghi_x000B_" }, { text: "chú", font: { bold: true } }],
  };
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("a user's control characters saved by the ExcelJS adapter", () => {
  it("writes them as Excel stores them: the file is well-formed and reads back as the user typed", async () => {
    const book = await ExcelJsWorkbook.fromXlsx(await usersWorkbook());
    const typed = (await book.readSheet("Xã")).rows.map((r) => r[0]);
    expect(typed.slice(0, 2)).toEqual(["Xã An\u000BBình", "mã\u0001\uFFFE"]);
    await book.writeResults([RESULT]);
    const bytes = await book.toXlsx();
    expect(strictProblems(bytes)).toEqual([]);
    // The workbook in hand is as it was (the escapes only went into the file).
    expect((await book.readSheet("Xã")).rows.map((r) => r[0])).toEqual(typed);
    const again = await ExcelJsWorkbook.fromXlsx(bytes);
    expect((await again.readSheet("Xã")).rows.map((r) => r[0])).toEqual(typed);
    expect(again.workbook.getWorksheet("Xã")!.getCell("A4").value).toEqual({
      richText: [{ text: "Ghi\u000B" }, { text: "chú", font: { bold: true } }],
    });
  });

  it("escapes as Excel does: controls and U+FFFE/U+FFFF as _xHHHH_, lone surrogates as U+FFFD", () => {
    expect(excelStoredText("Xã An")).toBeNull();
    expect(excelStoredText("a\u000Bb\u0000\uFFFF")).toBe("a_x000B_b_x0000__xFFFF_");
    // An escape our writers put in a cell on purpose stays one.
    expect(excelStoredText("_x000D_=1+2")).toBeNull();
    expect(excelStoredText("a\uD800b\uDC00")).toBe("a\uFFFDb\uFFFD");
    expect(excelStoredText("😀\u0001")).toBe("😀_x0001_");
  });
});
