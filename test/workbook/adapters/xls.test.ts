// The .xls adapter gives, sheet by sheet, the grid the ExcelJS adapter gives for the .xlsx twin (values, cached
// formula results, merges, hidden rows and columns, hidden sheets), and refuses damaged, oversized or foreign files
// in both languages.

import { readdirSync, readFileSync, existsSync } from "node:fs";
import * as path from "node:path";
import { InputError } from "../../../src/engine/errors";
import { ExcelJsWorkbook } from "../../../src/workbook/adapters/exceljs";
import { XLS_LIMITS, XlsWorkbook } from "../../../src/workbook/adapters/xls";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures");
const TWINS = readdirSync(path.join(FIXTURES, "xls")).filter((f) => f.endsWith(".xls"));

function twin(xls: string): string {
  for (const dir of ["layouts", "office"]) {
    const file = path.join(FIXTURES, dir, xls.replace(/\.xls$/, ".xlsx"));
    if (existsSync(file)) return file;
  }
  throw new Error(xls);
}

describe("XlsWorkbook", () => {
  it.each(TWINS)("reads %s as the ExcelJS adapter reads its .xlsx twin", async (name) => {
    const xls = XlsWorkbook.fromXls(readFileSync(path.join(FIXTURES, "xls", name)));
    const xlsx = await ExcelJsWorkbook.fromXlsx(readFileSync(twin(name)));
    const names = await xlsx.sheetNames();
    expect(await xls.sheetNames()).toEqual(names);
    expect(await xls.hiddenSheets()).toEqual(await xlsx.hiddenSheets());
    for (const sheet of names) {
      const a = await xlsx.readSheet(sheet);
      const b = await xls.readSheet(sheet);
      expect(b.rows).toEqual(a.rows);
      const sorted = (m: typeof a.merges) =>
        [...(m ?? [])].sort((x, y) => x.top - y.top || x.left - y.left);
      expect(sorted(b.merges)).toEqual(sorted(a.merges));
      expect(b.hiddenRows ?? []).toEqual(a.hiddenRows ?? []);
      expect(b.hiddenCols ?? []).toEqual(a.hiddenCols ?? []);
    }
  });

  it("keeps the corpus honest: some twins have merges, hidden rows and hidden columns", async () => {
    const seen = { merges: 0, hiddenRows: 0, hiddenCols: 0 };
    for (const name of TWINS) {
      const book = XlsWorkbook.fromXls(readFileSync(path.join(FIXTURES, "xls", name)));
      for (const sheet of await book.sheetNames()) {
        const grid = await book.readSheet(sheet);
        if (grid.merges?.length) seen.merges += 1;
        if (grid.hiddenRows?.length) seen.hiddenRows += 1;
        if (grid.hiddenCols?.length) seen.hiddenCols += 1;
      }
    }
    expect(seen.merges).toBeGreaterThan(0);
    expect(seen.hiddenRows).toBeGreaterThan(0);
    expect(seen.hiddenCols).toBeGreaterThan(0);
  });

  it("refuses a damaged .xls in both languages, without the library's words", () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.fill(0x41, 8);
    let caught: unknown;
    try {
      XlsWorkbook.fromXls(bytes);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect(String((caught as Error).message)).toMatch(/Excel 97-2003 \(\.xls\)/);
  });

  it("refuses a file larger than the limit before parsing it", () => {
    const bytes = new Uint8Array(XLS_LIMITS.bytes + 1);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(() => XlsWorkbook.fromXls(bytes)).toThrow(/at most 40 MB/);
  });

  it("refuses bytes that are not an OLE2 file", () => {
    expect(() => XlsWorkbook.fromXls(new TextEncoder().encode("a,b\n1,2\n"))).toThrow(
      /not the OLE2 file/
    );
  });
});
