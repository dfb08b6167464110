// A write that is refused leaves the workbook as it was, in both adapters: the add-in's earlier results included.

import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { MemoryWorkbook } from "../../src/workbook/adapters/memory";
import type { OutputSheet } from "../../src/workbook/output";

const EARLIER: OutputSheet = {
  sheet: "KQ_TongHop",
  tables: [{ name: "NTM_TongHop", columns: [{ header: "Số xã (Communes)" }], rows: [[80]] }],
};

const NAMELESS: OutputSheet = {
  sheet: "KQ_TongHop",
  tables: [
    {
      name: "NTM_TongHop",
      columns: [{ header: "Số xã (Communes)" }, { header: "" }],
      rows: [[81, 1]],
    },
  ],
};

describe.each([
  ["ExcelJS", () => ExcelJsWorkbook.empty()],
  ["memory", () => new MemoryWorkbook()],
])("%s adapter", (_name, make) => {
  it("refuses a table with a nameless column before touching the earlier result sheet", async () => {
    const book = make();
    await book.writeResults([EARLIER]);
    await expect(book.writeResults([NAMELESS])).rejects.toThrow(/column 2 has no header/);
    expect((await book.readSheet("KQ_TongHop")).rows).toEqual([["Số xã (Communes)"], [80]]);
  });
});
