// The CLI reads a .csv without ExcelJS (csvWorkbook); it must see exactly the grid the ExcelJS workbook of the same
// file gives (the browser demo's path), for every CSV the tests hold and for the shapes a CSV file can take.

import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { csvWorkbook } from "../../src/workbook/adapters/csv";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import type { WorkbookPort } from "../../src/workbook/port";

const FIXTURES = path.join(__dirname, "..", "fixtures");

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return textFiles(file);
    return /\.(csv|txt)$/i.test(name) ? [file] : [];
  });
}

/** Everything a job can ask of a workbook: names, hidden sheets, each sheet's grid; or the refusal's message. */
async function seen(open: () => WorkbookPort): Promise<unknown> {
  try {
    const book = open();
    const names = await book.sheetNames();
    return {
      names,
      hidden: (await book.hiddenSheets?.()) ?? [],
      grids: await Promise.all(names.map((n) => book.readSheet(n))),
    };
  } catch (e) {
    return { refused: e instanceof Error ? e.message : String(e) };
  }
}

async function expectSameAsExcelJs(bytes: Uint8Array, base: string): Promise<void> {
  const mine = await seen(() => csvWorkbook(bytes, base));
  const excel = await seen(() => ExcelJsWorkbook.fromTextBytes(bytes, base));
  expect(mine).toEqual(excel);
}

describe("csvWorkbook reads a text file as the ExcelJS workbook does", () => {
  const files = textFiles(FIXTURES);

  it("finds the test CSV files", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [path.relative(FIXTURES, f), f]))("%s", async (_name, file) => {
    const ext = path.extname(file);
    await expectSameAsExcelJs(new Uint8Array(readFileSync(file)), path.basename(file, ext));
  });

  const shapes: [string, string, string][] = [
    ["ragged rows and empty trailing columns", "xa", "a,b,,\n1,,,\n,,2,,,\n"],
    ["blank lines above and inside", "xa", "\n\nTitle\n\na;b\n1;2\n\n\n"],
    ["only blank cells", "xa", " , ,\n,\n"],
    ["empty file", "xa", ""],
    ["a name Excel refuses", "History", "a\n1\n"],
    ["a name with brackets and a colon", "xa [2023]: a/b", "a\n1\n"],
    ["a name longer than 31 characters", "danh-sach-xa-dat-chuan-nong-thon-moi-2023", "a\n1\n"],
    ["unbalanced quotes", "xa", 'a,b\n"1,2\n'],
    ["text that looks like formulas, numbers and dates", "xa", "=1+1,0012,2024-01-05,TRUE\n"],
  ];
  it.each(shapes)("%s", async (_name, base, text) => {
    await expectSameAsExcelJs(new TextEncoder().encode(text), base);
  });
});
