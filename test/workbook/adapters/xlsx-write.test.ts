// The streamed result writer (the CLI's --out, the graft into a user's workbook) and the ExcelJS adapter (the browser
// app, the pane's tests) write the same result sheets: both files read back with ExcelJS hold the same cells (values
// and number formats, the bold titles), the same native tables with the same column names and ranges, the same column
// widths, frozen header row, page setup, print titles and page header, and bookkeeping records that make each sheet
// the add-in's with the hash of what it wrote.

import ExcelJS from "exceljs";
import { contents, load } from "./xlsx-contents";
import { strFromU8, unzipSync } from "fflate";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ExcelJsWorkbook } from "../../../src/workbook/adapters/exceljs";
import { addResultsToWorkbook } from "../../../src/workbook/adapters/xlsx-graft";
import { resultWorkbook } from "../../../src/workbook/adapters/xlsx-write";
import { FORMATS, type OutputSheet } from "../../../src/workbook/output";
import { RESULT } from "../roundtrip";

const LONG = Array.from({ length: 9000 }, (_, i) => `Xã số ${i + 1}`).join(", ");

/** Result sheets with what a writer could get wrong: every kind of value, format, layout and awkward text. */
const SHEETS: OutputSheet[] = [
  RESULT,
  {
    sheet: "KQ_ChiTieu",
    tables: [
      {
        name: "NTM_ChiTieu",
        title: 'Kế hoạch & chỉ tiêu <2025> \u000B "năm"',
        unit: "ĐVT: triệu đồng (million VND)",
        columns: [
          { header: "TT", format: FORMATS.count },
          { header: "Tên xã" },
          { header: "tên XÃ" },
          { header: "Mã", format: FORMATS.text },
          { header: "Vốn", format: "#,##0.000" },
          { header: "Tỷ lệ", format: FORMATS.share, rowFormats: { 1: FORMATS.ratio } },
          { header: "Năm", format: FORMATS.year },
          { header: "Không định dạng" },
        ],
        rows: [
          [1, '=HYPERLINK("http://x")', "Huyện A", "01", 1234.5678, 0.0621, 2025, 3.25],
          [2, "Xã\u0001 B c\r\nd", null, "2.1", -12, 0.243, 2026, 7],
          [3, LONG, "", "x", 0, null, 2027, true],
          [4, "Xã 'D'", 'Huyện "E"', "", 1e21, 1, 2028, new Date(Date.UTC(2025, 0, 15))],
        ],
      },
      {
        name: "NTM_ChiTieu",
        title: "Nhóm",
        columns: [{ header: "Nhóm" }, { header: "Số xã", format: FORMATS.count }],
        rows: [
          ["Nhóm 1", 10],
          ["Nhóm 2", 20],
        ],
      },
      { name: "NTM Trống", columns: [{ header: "Trống (Empty)" }], rows: [] },
    ],
  },
  {
    sheet: "Mau_Xa",
    stacked: true,
    tables: [
      {
        name: "NTM_MauXa",
        title: "Thông tin xã",
        columns: [{ header: "Tên xã" }, { header: "Huyện" }],
        rows: [["Xã A", "Huyện A"]],
        readBack: true,
      },
      {
        name: "NTM_MauTieuChi",
        columns: [{ header: "Tiêu chí" }, { header: "Đạt", format: FORMATS.count }],
        rows: [
          ["1. Quy hoạch", 1],
          ["2. Giao thông", 0],
        ],
        readBack: true,
      },
    ],
  },
];

describe("the streamed result writer", () => {
  let streamed: Uint8Array;
  let viaExcelJs: Uint8Array;
  beforeAll(async () => {
    streamed = resultWorkbook(SHEETS).bytes;
    // Written where the strict check of every written file (openpyxl, LibreOffice) opens it.
    await fs.writeFile(path.join(os.tmpdir(), "streamed.xlsx"), streamed);
    const book = ExcelJsWorkbook.empty();
    await book.writeResults(SHEETS);
    viaExcelJs = await book.toXlsx();
  });

  it("writes the cells, tables, widths, frozen header and page setup the ExcelJS adapter writes", async () => {
    const ours = contents(await load(streamed));
    const theirs = contents(await load(viaExcelJs));
    expect(ours.map((s) => s.name)).toEqual(theirs.map((s) => s.name));
    for (let i = 0; i < ours.length; i++)
      expect([ours[i].name, ours[i]]).toEqual([theirs[i].name, theirs[i]]);
  });

  it("holds what the tables were given: numbers as numbers, texts as texts (never formulas), formats", async () => {
    const sheet = (await load(streamed)).getWorksheet("KQ_ChiTieu")!;
    expect(sheet.getCell("B3").value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getCell("B3").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("D3").value).toBe("01");
    expect(sheet.getCell("D3").numFmt).toBe("@");
    expect(sheet.getCell("E3").value).toBe(1234.5678);
    expect(sheet.getCell("E3").numFmt).toBe("#,##0.000");
    expect(sheet.getCell("F4").numFmt).toBe(FORMATS.ratio);
    expect(sheet.getCell("G3").numFmt).toBe("0");
    // The carriage return kept, the control character removed at the boundary.
    expect(sheet.getCell("B4").value).toBe("Xã B c\r\nd");
    expect(String(sheet.getCell("B5").value).length).toBeLessThanOrEqual(32_767);
    // Column names unique ignoring case.
    const names = (
      sheet.getTable("NTM_ChiTieu") as unknown as { table: { columns: { name: string }[] } }
    ).table.columns.map((c) => c.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it("records every sheet as the add-in's, with the hash of the values it wrote", async () => {
    const ours = await ExcelJsWorkbook.fromXlsx(streamed);
    const theirs = await ExcelJsWorkbook.fromXlsx(viaExcelJs);
    expect(ours.ownedSheetNames()).toEqual(["KQ_TongHop", "KQ_ChiTieu", "Mau_Xa"]);
    expect(ours.ownedRecords()).toEqual(theirs.ownedRecords());
    for (const name of ours.ownedSheetNames())
      expect(await ours.editedSinceWritten(name)).toBe(false);
    // A change the user makes is seen.
    ours.workbook.getWorksheet("KQ_TongHop")!.getCell("B3").value = 81;
    expect(await ours.editedSinceWritten("KQ_TongHop")).toBe(true);
  });

  it("writes a text that looks like Excel's escape so that Excel shows it as typed, and knows it again on a re-run", async () => {
    const sheets: OutputSheet[] = [
      {
        sheet: "KQ",
        tables: [{ name: "T", columns: [{ header: "Tên" }], rows: [["a _x000D_ b"]] }],
      },
    ];
    const { bytes } = resultWorkbook(sheets);
    const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
    expect(xml).toContain("a _x005F_x000D_ b");
    // Not taken for a sheet the user changed: replaced in place, no "(sửa tay)".
    const again = await addResultsToWorkbook(bytes, sheets);
    expect(again.notes).toEqual([]);
    expect((await ExcelJsWorkbook.fromXlsx(again.bytes)).ownedSheetNames()).toEqual(["KQ"]);
  });
});
