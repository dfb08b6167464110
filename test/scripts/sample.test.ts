import { promises as fs } from "node:fs";
import { buildSample, SAMPLE_PATH } from "../../scripts/build-sample";
import { buildSample2026, SAMPLE_2026_PATH } from "../../scripts/build-sample-2026";
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

describe("the illustrative 2026-2030 sample", () => {
  it("is what scripts/build-sample-2026.ts makes (run `npm run sample` after changing it)", async () => {
    const committed = await ExcelJsWorkbook.fromXlsx(await fs.readFile(SAMPLE_2026_PATH));
    const rebuilt = new ExcelJsWorkbook(await buildSample2026());
    expect(await committed.sheetNames()).toEqual(await rebuilt.sheetNames());
    for (const name of await rebuilt.sheetNames()) {
      expect((await committed.readSheet(name)).rows).toEqual((await rebuilt.readSheet(name)).rows);
    }
  });

  it("says on every sheet that it is illustrative, and holds 100 communes in three groups and 47 indicators", async () => {
    const book = await ExcelJsWorkbook.fromXlsx(await fs.readFile(SAMPLE_2026_PATH));
    for (const name of await book.sheetNames()) {
      const rows = (await book.readSheet(name)).rows;
      expect([name, rows.slice(0, 2).flat().join(" ")]).toEqual([
        name,
        expect.stringMatching(/MINH HỌA/),
      ]);
    }
    const communes = (await book.readSheet("Xã")).rows.slice(3);
    expect(communes).toHaveLength(100);
    expect(new Set(communes.map((r) => r[3]))).toEqual(new Set([1, 2, 3]));
    expect((await book.readSheet("Chỉ tiêu theo nhóm xã")).rows.slice(3)).toHaveLength(47);
  });
});
