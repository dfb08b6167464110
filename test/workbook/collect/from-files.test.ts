// Files picked in the pane's "Tổng hợp báo cáo của các xã" are opened as what their bytes are: a commune's report kept
// as Excel 97-2003 (.xls, written by LibreOffice from its .xlsx twin) gives its twin's commune and values, whatever
// its name says.

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { ExcelJsWorkbook } from "../../../src/workbook/adapters/exceljs";
import { collectPickedFiles, type PickedFile } from "../../../src/workbook/collect/from-files";

const COLLECT = path.resolve(__dirname, "..", "..", "fixtures", "collect");

function picked(file: string, name = path.basename(file)): PickedFile {
  const bytes = readFileSync(file);
  return {
    name,
    arrayBuffer: async () =>
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}

async function collect(file: PickedFile) {
  const policy = await ExcelJsWorkbook.fromXlsx(
    readFileSync(path.join(COLLECT, "inputs", "policy.xlsx"))
  );
  const { collection } = await collectPickedFiles([file], policy, {});
  return collection;
}

/** The communes collected, without the file each came from. */
const communes = (c: Awaited<ReturnType<typeof collect>>) =>
  JSON.parse(JSON.stringify(c.communes).replace(/"[^"]*\.(xlsx?|dat)"/g, '"FILE"'));

describe("collecting files picked in the pane", () => {
  const xlsx = path.join(COLLECT, "reports", "01-tan-hoa.xlsx");
  const xls = path.join(COLLECT, "xls", "01-tan-hoa.xls");

  it("reads a picked .xls as its .xlsx twin", async () => {
    const a = await collect(picked(xlsx));
    const b = await collect(picked(xls));
    expect(b.files.map((f) => f.outcome)).toEqual(["collected"]);
    expect(b.communes.length).toBe(1);
    expect(communes(b)).toEqual(communes(a));
  });

  it("tells an .xls by its content, not its name", async () => {
    const a = await collect(picked(xlsx));
    const b = await collect(picked(xls, "bao-cao-tan-hoa.dat"));
    expect(b.files.map((f) => f.outcome)).toEqual(["collected"]);
    expect(communes(b)).toEqual(communes(a));
  });

  it("names a text file that claims to be an .xls unreadable", async () => {
    const text = Buffer.from("Tên xã;Tiêu chí\nTân Hòa;19\n", "utf8");
    const c = await collect({
      name: "gia-mao.xls",
      arrayBuffer: async () => text.buffer.slice(text.byteOffset, text.byteOffset + text.length),
    });
    expect(c.files.map((f) => f.outcome)).toEqual(["unreadable"]);
    expect(JSON.stringify(c.files[0].reason)).toContain("OLE2");
  });

  it("says once what writing drops from a picked report's text, naming the file, sheet and cell", async () => {
    const text = Buffer.from(
      "TT;Tên xã;Mã xã;Số tiêu chí đạt\n1;Xã Tân\u0001Hòa;31000;19\n2;Xã Bình Lợi;31001;15\n",
      "utf8"
    );
    const policy = await ExcelJsWorkbook.fromXlsx(
      readFileSync(path.join(COLLECT, "inputs", "policy.xlsx"))
    );
    const { collection, warnings } = await collectPickedFiles(
      [
        {
          name: "huyen-cu.csv",
          arrayBuffer: async () =>
            text.buffer.slice(text.byteOffset, text.byteOffset + text.length) as ArrayBuffer,
        },
      ],
      policy,
      {}
    );
    expect(collection.communes.map((c) => c.name)).toEqual(["Xã Tân\u0001Hòa", "Xã Bình Lợi"]);
    const said = warnings.filter((w) => /U\+0001/.test(w.en));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ file: "huyen-cu.csv", cell: "B2" });
    expect(said[0].vi).toMatch(
      /^Tệp huyen-cu\.csv, Ô huyen-cu!B2 \(ghi vào \d+ ô: Xã \(tổng hợp\)!B\d+/
    );
  });
});
