// The web app opens a file by what its bytes are, not its name: an .xls (OLE2) through the CLI's .xls reader, a zip
// through ExcelJS, anything else as CSV text. An .xls is never written back: what the session writes is the download,
// a new .xlsx. Refusals name the file.

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { InputError } from "../../src/engine/errors";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { XLS_LIMITS, XlsWorkbook } from "../../src/workbook/adapters/xls";
import type { OutputSheet } from "../../src/workbook/output";
import { openBytes, resultFileName } from "../../src/taskpane/open-file";

const FIXTURES = path.resolve(__dirname, "..", "fixtures");
const XLS = path.join(FIXTURES, "xls", "h-hidden-commune-rows.xls");
const XLSX = path.join(FIXTURES, "office", "h-hidden-commune-rows.xlsx");
const bytes = (file: string) => new Uint8Array(readFileSync(file));

const RESULT: OutputSheet = {
  sheet: "KQ_Thu",
  tables: [
    {
      name: "NTM_Thu",
      columns: [{ header: "Xã" }, { header: "Số tiêu chí" }],
      rows: [
        ["Tân Hòa", 17],
        ["Long Đức", 19],
      ],
    },
  ],
};

describe("opening a file in the web app", () => {
  it("reads an .xls named .xlsx as the .xls it is, through the .xls reader", async () => {
    const opened = await openBytes(bytes(XLS), "bao-cao.xlsx");
    expect(opened.kind).toBe("xls");
    const direct = XlsWorkbook.fromXls(bytes(XLS));
    const names = await direct.sheetNames();
    expect(await opened.workbook.sheetNames()).toEqual(names);
    expect(await opened.workbook.readSheet(names[0])).toEqual(await direct.readSheet(names[0]));
  });

  it("reads an .xlsx named .csv as a workbook, and text as CSV", async () => {
    const xlsx = await openBytes(bytes(XLSX), "bang.csv");
    expect(xlsx.kind).toBe("xlsx");
    const csv = await openBytes(new TextEncoder().encode("Xã;Số tiêu chí\nTân Hòa;17\n"), "xa.txt");
    expect(csv.kind).toBe("text");
    expect(await csv.workbook.sheetNames()).toEqual(["xa"]);
    expect((await csv.workbook.readSheet("xa")).rows[1]).toEqual(["Tân Hòa", "17"]);
  });

  it("downloads, for an .xls, a new .xlsx of what the session wrote, and nothing before", async () => {
    const opened = await openBytes(bytes(XLS), "h.xls");
    expect(opened.hasDownload()).toBe(false);
    const written = await opened.workbook.writeResults([RESULT]);
    expect(written).toEqual(["KQ_Thu"]);
    expect(opened.hasDownload()).toBe(true);
    // Later jobs read the written sheet from the session, as in Excel.
    expect((await opened.workbook.sheetNames()).slice(-1)).toEqual(["KQ_Thu"]);
    const out = await ExcelJsWorkbook.fromXlsx(await opened.toXlsx());
    expect(await out.sheetNames()).toEqual(["KQ_Thu"]);
    const grid = await out.readSheet("KQ_Thu");
    expect(grid.rows.slice(-2)).toEqual([
      ["Tân Hòa", 17],
      ["Long Đức", 19],
    ]);
    // Written again: replaced, not added.
    await opened.workbook.writeResults([RESULT]);
    expect(await (await ExcelJsWorkbook.fromXlsx(await opened.toXlsx())).sheetNames()).toEqual([
      "KQ_Thu",
    ]);
  });

  it("downloads, for an .xlsx, the user's workbook with the results added", async () => {
    const opened = await openBytes(bytes(XLSX), "h.xlsx");
    const before = await opened.workbook.sheetNames();
    await opened.workbook.writeResults([RESULT]);
    const out = await ExcelJsWorkbook.fromXlsx(await opened.toXlsx());
    expect(await out.sheetNames()).toEqual([...before, "KQ_Thu"]);
  });

  it("refuses an .xls over the size limit, naming the file", async () => {
    const big = new Uint8Array(XLS_LIMITS.bytes + 1);
    big.set(bytes(XLS).subarray(0, 8));
    const error = await openBytes(big, "qua-lon.xls").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).details.file).toBe("qua-lon.xls");
    expect((error as InputError).message).toMatch(/tối đa 40 MB.*at most 40 MB/);
  });

  it("refuses a text file that claims to be an .xls, naming the file", async () => {
    const error = await openBytes(new TextEncoder().encode("<html>"), "xuat.xls").catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain("xuat.xls");
    expect((error as InputError).message).toContain("OLE2");
  });

  it("names the results after the opened file", () => {
    expect(resultFileName("bao-cao 2026.xls")).toBe("bao-cao 2026-ket-qua.xlsx");
    expect(resultFileName("ntm-sample.xlsx")).toBe("ntm-sample-ket-qua.xlsx");
  });
});
