// The web app opens a file by what its bytes are, not its name: an .xls (OLE2) through the CLI's .xls reader, a zip
// through ExcelJS, anything else as CSV text. An .xls is never written back: what the session writes is the download,
// a new .xlsx. Refusals name the file.

import { unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { InputError } from "../../src/engine/errors";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { XLS_LIMITS, XlsWorkbook } from "../../src/workbook/adapters/xls";
import type { OutputSheet } from "../../src/workbook/output";
import { XLSX_LIMITS, MEMORY_BYTES } from "../../src/workbook/adapters/xlsx-guard";
import { openBytes, resultFileName } from "../../src/taskpane/open-file";

const FIXTURES = path.resolve(__dirname, "..", "fixtures");
const XLS = path.join(FIXTURES, "xls", "h-hidden-commune-rows.xls");
const XLSX = path.join(FIXTURES, "office", "h-hidden-commune-rows.xlsx");
const bytes = (file: string) => new Uint8Array(readFileSync(file));

/** The parts that list parts, which the graft changes (each of their entries kept): all else is the user's, untouched. */
const LISTS =
  /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml)$/;

const TEMPLATE: OutputSheet = {
  sheet: "Mau_Thu",
  tables: [{ name: "NTM_MauThu", columns: [{ header: "Xã" }, { header: "Ghi chú" }], rows: [] }],
};

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

  it("downloads, for an .xlsx, every part of the user's byte for byte, our sheets grafted in as the CLI's --out does", async () => {
    const original = bytes(XLSX);
    const opened = await openBytes(original, "h.xlsx");
    // Nothing written: the user's file as it was.
    expect(await opened.toXlsx()).toEqual(original);
    await opened.workbook.writeResults([RESULT]);
    const before = unzipSync(original);
    const after = unzipSync(await opened.toXlsx());
    for (const [part, data] of Object.entries(before))
      if (!LISTS.test(part))
        expect([part, Buffer.from(after[part])]).toEqual([part, Buffer.from(data)]);
    // Our sheet is an inline-string worksheet of our writer (ExcelJS would have moved the user's texts to shared strings).
    const added = Object.keys(after).filter(
      (p) => !(p in before) && /^xl\/worksheets\/[^/]+\.xml$/.test(p)
    );
    expect(
      added.some((p) => Buffer.from(after[p]).toString("utf8").includes('t="inlineStr"'))
    ).toBe(true);
  });

  it("downloads what the page shows: a re-run replaces its sheet, a template is there but not the add-in's", async () => {
    const opened = await openBytes(bytes(XLSX), "h.xlsx");
    const users = await opened.workbook.sheetNames();
    await opened.workbook.writeResults([RESULT]);
    const [template] = await opened.workbook.writeResults([TEMPLATE], { owned: false });
    const again: OutputSheet = {
      ...RESULT,
      tables: [{ ...RESULT.tables[0], rows: [["Tân Hòa", 18]] }],
    };
    await opened.workbook.writeResults([again]);
    const out = await ExcelJsWorkbook.fromXlsx(await opened.toXlsx());
    expect(await out.sheetNames()).toEqual([...users, "KQ_Thu", template]);
    expect(out.ownedSheetNames()).toEqual(["KQ_Thu"]);
    expect((await out.readSheet("KQ_Thu")).rows.slice(-1)).toEqual([["Tân Hòa", 18]]);
    expect(await out.editedSinceWritten("KQ_Thu")).toBe(false);
    // Downloaded, filled in and opened again: the template is the user's, a second one goes beside it.
    const reopened = await openBytes(await opened.toXlsx(), "h-ket-qua.xlsx");
    const [second] = await reopened.workbook.writeResults([TEMPLATE], { owned: false });
    expect(second).not.toBe(template);
    const twice = await ExcelJsWorkbook.fromXlsx(await reopened.toXlsx());
    expect(await twice.sheetNames()).toEqual([...users, "KQ_Thu", template, second]);
  });

  it("downloads, for a CSV, its sheet as read with the results beside it", async () => {
    const csv = await openBytes(new TextEncoder().encode("Xã;Số tiêu chí\nTân Hòa;17\n"), "xa.csv");
    await csv.workbook.writeResults([RESULT]);
    const out = await ExcelJsWorkbook.fromXlsx(await csv.toXlsx());
    expect(await out.sheetNames()).toEqual(["xa", "KQ_Thu"]);
    expect((await out.readSheet("xa")).rows).toEqual([
      ["Xã", "Số tiêu chí"],
      ["Tân Hòa", "17"],
    ]);
    expect(out.ownedSheetNames()).toEqual(["KQ_Thu"]);
  });

  describe("the reading's memory bound", () => {
    const stated = (limit: number | undefined) =>
      Object.defineProperty(performance, "memory", {
        value: limit === undefined ? undefined : { jsHeapSizeLimit: limit },
        configurable: true,
      });
    afterEach(() => {
      delete (performance as { memory?: unknown }).memory;
      XLSX_LIMITS.memoryBytes = MEMORY_BYTES;
    });

    it("is three quarters of the heap Chromium states, and a workbook past it is refused in words", async () => {
      stated(2 * 1024 ** 3);
      await openBytes(bytes(XLSX), "h.xlsx");
      expect(XLSX_LIMITS.memoryBytes).toBe(1.5 * 1024 ** 3);
      // A heap too small for this workbook's estimate: refused naming the file, before ExcelJS sees it.
      stated(64 * 1024);
      const error = await openBytes(bytes(XLSX), "h.xlsx").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).details.file).toBe("h.xlsx");
      expect((error as InputError).message).toMatch(/bộ nhớ.*memory/s);
    });

    it("is the fixed 3 GB where the browser states no heap", async () => {
      stated(undefined);
      XLSX_LIMITS.memoryBytes = 1;
      await openBytes(bytes(XLSX), "h.xlsx");
      expect(XLSX_LIMITS.memoryBytes).toBe(3 * 1024 ** 3);
    });
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
