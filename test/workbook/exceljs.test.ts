import ExcelJS from "exceljs";
import { ExcelJsWorkbook, parseCsv } from "../../src/workbook/adapters/exceljs";
import { RESULT, writeAndReadBack } from "./roundtrip";

async function reopen(book: ExcelJsWorkbook): Promise<ExcelJsWorkbook> {
  return ExcelJsWorkbook.fromXlsx(await book.toXlsx());
}

describe("ExcelJsWorkbook", () => {
  it("writes native tables with formats and reads them back after saving to .xlsx", async () => {
    const book = ExcelJsWorkbook.empty();
    await book.writeResults([RESULT]);
    const saved = await reopen(book);
    const grid = await saved.readSheet("KQ_TongHop");
    expect(grid.rows[1]).toEqual(["Chỉ tiêu (Target)", "Giá trị (Value)", "Tỷ lệ (Share)"]);
    expect(grid.rows[2]).toEqual(["Số xã", 80, 1]);
    expect(grid.rows[3]).toEqual(["Bình quân tiêu chí/xã", 18.625, null]);
    const sheet = saved.workbook.getWorksheet("KQ_TongHop")!;
    expect(sheet.getCell("B4").numFmt).toBe("#,##0.00");
    expect(sheet.getCell("C3").numFmt).toBe("0.00%");
    const table = sheet.getTable("NTM_TongHop");
    expect(table).toBeDefined();
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
  });

  it("keeps the owned-sheet list across saves, so a re-run replaces only its own sheet", async () => {
    const book = ExcelJsWorkbook.empty();
    book.workbook.addWorksheet("Xã").addRow(["Tên xã"]);
    await book.writeResults([RESULT]);
    const again = await reopen(book);
    const names = await again.writeResults([RESULT]);
    expect(names).toEqual(["KQ_TongHop"]);
    expect(await again.sheetNames()).toEqual(["Xã", "KQ_TongHop"]);
    const reread = await reopen(again);
    expect((await reread.readSheet("Xã")).rows).toEqual([["Tên xã"]]);
  });

  it("does not touch a user's sheet that happens to have the result's name", async () => {
    const book = ExcelJsWorkbook.empty();
    book.workbook.addWorksheet("KQ_TongHop").addRow(["ghi chú của tôi"]);
    const { names } = await writeAndReadBack(book);
    expect(names).toEqual(["KQ_TongHop (2)"]);
    expect((await book.readSheet("KQ_TongHop")).rows).toEqual([["ghi chú của tôi"]]);
  });

  it("reads formula results, errors, rich text and dates as plain values", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = { formula: "1+1", result: 2 };
    ws.getCell("B1").value = { error: "#REF!" };
    ws.getCell("C1").value = { richText: [{ text: "Tài " }, { text: "Văn" }] };
    ws.getCell("D1").value = new Date(Date.UTC(2024, 0, 2));
    const book = await reopen(new ExcelJsWorkbook(wb));
    const row = (await book.readSheet("S")).rows[0];
    expect(row.slice(0, 3)).toEqual([2, { error: "#REF!" }, "Tài Văn"]);
    expect(row[3]).toBeInstanceOf(Date);
  });

  it("reads CSV with and without a BOM, with semicolons, keeping Vietnamese text", async () => {
    const plain = ExcelJsWorkbook.fromCsv('Tên xã,Tiêu chí đạt\nTài Văn,"1,2,3"\n', "xa");
    const bom = ExcelJsWorkbook.fromCsv("\ufeffTên xã;Tiêu chí đạt\r\nTài Văn;1,2,3\r\n", "xa");
    for (const book of [plain, bom]) {
      const grid = await book.readSheet("xa");
      expect(grid.rows).toEqual([
        ["Tên xã", "Tiêu chí đạt"],
        ["Tài Văn", "1,2,3"],
      ]);
    }
  });

  it("turns empty CSV cells into blanks and drops trailing empty lines", () => {
    expect(parseCsv("a,,c\n\n\n", "x")).toEqual([["a", null, "c"]]);
  });
});

describe("a user's sheet named like the add-in's bookkeeping sheet", () => {
  it("is listed, kept as it is and visible: the bookkeeping goes to a very hidden sheet of another name", async () => {
    const book = ExcelJsWorkbook.empty();
    book.workbook.addWorksheet("_NTM_META").addRow(["ghi chú của tôi"]);
    expect(await book.sheetNames()).toEqual(["_NTM_META"]);
    expect(await book.writeResults([RESULT])).toEqual(["KQ_TongHop"]);
    const again = await reopen(book);
    expect((await again.readSheet("_NTM_META")).rows).toEqual([["ghi chú của tôi"]]);
    expect(again.workbook.getWorksheet("_NTM_META")!.state).toBe("visible");
    expect(await again.sheetNames()).toEqual(["_NTM_META", "KQ_TongHop"]);
    expect(again.bookkeepingSheet()).toBe("_NTM_META (2)");
    expect(await again.writeResults([RESULT])).toEqual(["KQ_TongHop"]);
  });
});
