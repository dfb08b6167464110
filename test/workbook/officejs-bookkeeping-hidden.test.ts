// A result workbook saved once by LibreOffice comes back with its very hidden bookkeeping sheet merely hidden
// (LibreOffice has no "very hidden"). Opened in Excel, the add-in still knows it by the signature inside, replaces
// only its own results, and makes the sheet very hidden again; a hidden sheet of that name without the signature is
// the user's.

import { OfficeJsWorkbook } from "../../src/workbook/adapters/officejs";
import { META_SHEET, META_SIGNATURE, mayBeBookkeeping } from "../../src/workbook/ownership";
import { FakeExcel, requirementsUpTo } from "../support/fake-excel";
import { RESULT } from "./roundtrip";

function setup(): { excel: FakeExcel; port: OfficeJsWorkbook } {
  const excel = new FakeExcel();
  excel.install();
  return { excel, port: new OfficeJsWorkbook(requirementsUpTo("1.12")) };
}

/** A workbook with the user's sheet and our result, then saved by LibreOffice: our bookkeeping now "Hidden". */
async function savedByLibreOffice() {
  const { excel, port } = setup();
  excel.addSheet("Xã", [["Tên xã"], ["Tài Văn"]]);
  await port.writeResults([RESULT]);
  const meta = excel.sheet(META_SHEET)!;
  expect(meta.visibility).toBe("VeryHidden");
  meta.visibility = "Hidden";
  // Excel opened afresh: a new adapter that has not seen the bookkeeping sheet yet.
  return { excel, port: new OfficeJsWorkbook(requirementsUpTo("1.12")) };
}

describe("Office.js adapter: a bookkeeping sheet saved hidden rather than very hidden", () => {
  it("is recognised by its signature: not listed among the user's sheets, not readable as one", async () => {
    const { port } = await savedByLibreOffice();
    expect(await port.sheetNames()).toEqual(["Xã", "KQ_TongHop"]);
    await expect(port.readSheet(META_SHEET)).rejects.toThrow(/KQ_TongHop/);
  });

  it("replaces only our result on the next write, and makes the bookkeeping very hidden again", async () => {
    const { excel, port } = await savedByLibreOffice();
    expect(await port.writeResults([RESULT])).toEqual(["KQ_TongHop"]);
    expect(excel.sheets.map((s) => s.name).sort()).toEqual([META_SHEET, "KQ_TongHop", "Xã"].sort());
    expect(excel.sheet(META_SHEET)!.visibility).toBe("VeryHidden");
    expect(excel.sheet("Xã")!.valuesInUse()).toEqual([["Tên xã"], ["Tài Văn"]]);
  });

  it("is recognised with its first read too (a fresh adapter reading it by name)", async () => {
    const { port } = await savedByLibreOffice();
    await expect(port.readSheet(META_SHEET)).rejects.toThrow(/Xã/);
  });

  it("a hidden sheet of that name without our signature is the user's: listed, and its neighbour kept", async () => {
    const { excel, port } = setup();
    excel.addSheet("KQ_TongHop", [["Bảng của tôi"], [1]]);
    excel.addSheet(META_SHEET, [["KQ_TongHop"], ["Ghi chú"]]).visibility = "Hidden";
    expect(await port.sheetNames()).toEqual(["KQ_TongHop", META_SHEET]);
    expect((await port.readSheet(META_SHEET)).rows).toEqual([["KQ_TongHop"], ["Ghi chú"]]);
    // The user's KQ_TongHop is not ours: the result goes beside it, the user's hidden sheet stays as it was.
    expect(await port.writeResults([RESULT])).toEqual(["KQ_TongHop (2)"]);
    expect(excel.sheet("KQ_TongHop")!.valuesInUse()).toEqual([["Bảng của tôi"], [1]]);
    expect(excel.sheet(META_SHEET)!.visibility).toBe("Hidden");
    expect(excel.sheet(META_SHEET)!.valuesInUse()).toEqual([["KQ_TongHop"], ["Ghi chú"]]);
    expect(excel.sheet(`${META_SHEET} (2)`)!.visibility).toBe("VeryHidden");
    expect(excel.sheet(`${META_SHEET} (2)`)!.valuesInUse()[0][0]).toBe(META_SIGNATURE);
  });

  it("a visible sheet holding our signature is not taken for bookkeeping", async () => {
    const { excel, port } = setup();
    excel.addSheet("Xã", [["x"]]);
    excel.addSheet("Dán lại", [[META_SIGNATURE]]);
    expect(await port.sheetNames()).toEqual(["Xã", "Dán lại"]);
  });
});

describe("one visibility rule for every adapter", () => {
  it.each([
    ["veryHidden", true], // ExcelJS and the file's XML
    ["hidden", true],
    ["visible", false],
    ["VeryHidden", true], // Office.js
    ["Hidden", true],
    ["Visible", false],
    [undefined, false],
  ])("%s → %s", (state, expected) => {
    expect(mayBeBookkeeping(state)).toBe(expected);
  });
});
