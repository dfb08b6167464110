import { promises as fs } from "node:fs";
import { buildSample, SAMPLE_PATH } from "../../scripts/build-sample";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";

describe("the embedded sample workbook", () => {
  it("is what scripts/build-sample.ts makes from the report's tables (run `npm run sample` after changing either)", async () => {
    const committed = await ExcelJsWorkbook.fromXlsx(await fs.readFile(SAMPLE_PATH));
    const rebuilt = new ExcelJsWorkbook(await buildSample());
    expect(await committed.sheetNames()).toEqual(await rebuilt.sheetNames());
    for (const name of await rebuilt.sheetNames()) {
      expect((await committed.readSheet(name)).rows).toEqual((await rebuilt.readSheet(name)).rows);
    }
  });

  it("holds the 80 communes of Sóc Trăng at the end of 2023: 10 listed in appendix II and 70 at all 19", async () => {
    const book = await ExcelJsWorkbook.fromXlsx(await fs.readFile(SAMPLE_PATH));
    const rows = (await book.readSheet("Xã")).rows.slice(2);
    expect(rows).toHaveLength(80);
    expect(rows.filter((r) => r[3] === 19)).toHaveLength(70);
    expect(rows.slice(0, 10).map((r) => r[3])).toEqual([16, 17, 15, 15, 15, 15, 15, 18, 17, 17]);
  });
});
