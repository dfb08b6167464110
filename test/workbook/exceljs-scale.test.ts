// The ExcelJS adapter writes results of any height: past 125,000 rows a spread into Math.max overflowed the stack.

import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import type { OutputSheet } from "../../src/workbook/output";

describe("ExcelJS adapter at scale", () => {
  it("writes a result table of 130,000 rows whole", async () => {
    const rows = 130_000;
    const sheet: OutputSheet = {
      sheet: "KQ_Lon",
      tables: [
        {
          name: "NTM_Lon",
          columns: [{ header: "Xã" }, { header: "Số tiêu chí", format: "#,##0" }],
          rows: Array.from({ length: rows }, (_, i) => [`Xã ${i + 1}`, i % 20]),
        },
      ],
    };
    const book = ExcelJsWorkbook.empty();
    const [name] = await book.writeResults([sheet]);
    const written = book.workbook.getWorksheet(name)!;
    expect(written.getCell(`A${rows + 1}`).value).toBe(`Xã ${rows}`);
    expect(written.getCell(`B${rows + 1}`).value).toBe((rows - 1) % 20);
    expect(written.getTables()).toHaveLength(1);
    const bytes = await book.toXlsx();
    expect(bytes.length).toBeGreaterThan(rows * 4);
  }, 60_000);
});
