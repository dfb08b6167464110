// The add-in owns a sheet only by identity and name; templates are never owned; the bookkeeping sheet is found by its
// signature. The same cases in the three adapters (Office.js through the fake Excel), then generated scenarios.

import fc from "fast-check";
import { OfficeJsWorkbook } from "../../src/workbook/adapters/officejs";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import type { CellValue } from "../../src/workbook/grid";
import { META_SHEET } from "../../src/workbook/ownership";
import { templateSheet } from "../../src/workbook/templates";
import {
  exceljsBook,
  memoryBook,
  ownershipStepArb,
  runOwnershipCase,
  type OwnershipBook,
} from "../fuzz/ownership";
import { FakeExcel, requirementsUpTo } from "../support/fake-excel";
import { RESULT } from "./roundtrip";

function officeBook(): OwnershipBook & { excel: FakeExcel } {
  const excel = new FakeExcel();
  excel.install();
  // A new workbook in Excel has one sheet; the test's steps never delete the last visible one.
  excel.addSheet("Sheet1", [["x"]]);
  const port = new OfficeJsWorkbook(requirementsUpTo("1.12"));
  const find = (name: string) => excel.sheets.find((s) => s.name === name)!;
  return {
    excel,
    port,
    names: () => port.sheetNames(),
    taken: () => excel.sheets.map((s) => s.name),
    add: (name, rows) => {
      excel.addSheet(
        name,
        rows.map((r) => r.map((v) => (v === null ? "" : (v as string | number))))
      );
    },
    rename: (from, to) => {
      find(from).name = to;
    },
    remove: (name) => {
      const sheet = find(name);
      const visible = excel.sheets.filter((s) => s.visibility === "Visible");
      if (visible.length === 1 && visible[0] === sheet) return false;
      excel.deleteSheet(sheet);
      return true;
    },
    type: (name, row, col, value) => find(name).set(row, col, value as string),
    reopen: async () => undefined,
  };
}

const ADAPTERS: [string, () => OwnershipBook][] = [
  ["Office.js", officeBook],
  ["ExcelJS", exceljsBook],
  ["memory", memoryBook],
];

const NOTE: CellValue[][] = [["ghi chú của tôi / my note", 42]];

async function rows(book: OwnershipBook, name: string) {
  return (await book.port.readSheet(name)).rows;
}

describe.each(ADAPTERS)("%s adapter: ownership by identity", (_name, make) => {
  it("inserting a template twice keeps what the user typed and writes 'Mau_Xa (2)'", async () => {
    const book = make();
    const [first] = await book.port.writeResults([templateSheet("communes")], { owned: false });
    expect(first).toBe("Mau_Xa");
    book.type("Mau_Xa", 2, 1, "Xã của tôi");
    await book.reopen();
    const typed = await rows(book, "Mau_Xa");
    const [second] = await book.port.writeResults([templateSheet("communes")], { owned: false });
    expect(second).toBe("Mau_Xa (2)");
    expect(await rows(book, "Mau_Xa")).toEqual(typed);
    // A result run never takes a template's sheet either.
    await book.port.writeResults([RESULT]);
    expect(await rows(book, "Mau_Xa")).toEqual(typed);
  });

  it("leaves a renamed result sheet alone and writes the result again under its name", async () => {
    const book = make();
    await book.port.writeResults([RESULT]);
    book.rename("KQ_TongHop", "Kết quả tháng 3");
    await book.reopen();
    const kept = await rows(book, "Kết quả tháng 3");
    expect(await book.port.writeResults([RESULT])).toEqual(["KQ_TongHop"]);
    expect(await rows(book, "Kết quả tháng 3")).toEqual(kept);
  });

  it("never deletes the user's own sheet made under a deleted result sheet's name", async () => {
    const book = make();
    await book.port.writeResults([RESULT]);
    await book.reopen();
    book.remove("KQ_TongHop");
    book.add("KQ_TongHop", NOTE);
    await book.reopen();
    expect(await book.port.writeResults([RESULT])).toEqual(["KQ_TongHop (2)"]);
    expect(await rows(book, "KQ_TongHop")).toEqual(NOTE);
  });

  it("never takes a user's sheet renamed to a recorded result name", async () => {
    const book = make();
    book.add("Ghi chú", NOTE);
    await book.port.writeResults([RESULT]);
    book.rename("KQ_TongHop", "Cũ");
    book.rename("Ghi chú", "KQ_TongHop");
    await book.reopen();
    expect(await book.port.writeResults([RESULT])).toEqual(["KQ_TongHop (2)"]);
    expect(await rows(book, "KQ_TongHop")).toEqual(NOTE);
  });

  it("treats a user's visible '_NTM_META' as the user's: listed, read, never emptied or hidden", async () => {
    const book = make();
    book.add(META_SHEET, [["KQ_TongHop"], ["Ghi chú"]]);
    book.add("KQ_TongHop", NOTE);
    await book.reopen();
    expect(await book.names()).toContain(META_SHEET);
    expect(await book.port.writeResults([RESULT])).toEqual(["KQ_TongHop (2)"]);
    expect(await rows(book, "KQ_TongHop")).toEqual(NOTE);
    expect(await rows(book, META_SHEET)).toEqual([["KQ_TongHop"], ["Ghi chú"]]);
    expect(await book.names()).toContain(META_SHEET);
    // Its own bookkeeping went elsewhere, and a re-run still finds it.
    expect(await book.port.writeResults([RESULT])).toEqual(["KQ_TongHop (2)"]);
    expect(await book.names()).not.toContain("_NTM_META (2)");
  });
});

describe("Office.js: the user's visible _NTM_META", () => {
  it("stays visible, and the add-in's very hidden bookkeeping sheet takes another name", async () => {
    const book = officeBook();
    book.add(META_SHEET, [["KQ_TongHop"]]);
    await book.port.writeResults([RESULT]);
    expect(book.excel.sheet(META_SHEET)!.visibility).toBe("Visible");
    expect(book.excel.sheet("_NTM_META (2)")!.visibility).toBe("VeryHidden");
  });
});

describe("ExcelJS: a sheet id given again after a delete", () => {
  it("does not make the user's new sheet the add-in's", async () => {
    const book = ExcelJsWorkbook.empty();
    await book.writeResults([RESULT]);
    const id = book.workbook.getWorksheet("KQ_TongHop")!.id;
    book.workbook.removeWorksheet(id);
    const mine = book.workbook.addWorksheet("KQ_TongHop");
    mine.addRow(["của tôi"]);
    expect(mine.id).toBe(id); // ExcelJS (as Excel) reuses the free id
    expect(await book.writeResults([RESULT])).toEqual(["KQ_TongHop (2)"]);
    expect((await book.readSheet("KQ_TongHop")).rows).toEqual([["của tôi"]]);
  });
});

describe.each(ADAPTERS)("%s adapter: generated ownership scenarios", (_name, make) => {
  jest.setTimeout(120_000);
  it("never changes or loses a cell of the user's sheets", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ownershipStepArb, { minLength: 2, maxLength: 14 }),
        async (steps) => {
          const { changed, problems } = await runOwnershipCase(make(), { steps });
          expect(changed).toEqual([]);
          expect(problems).toEqual([]);
        }
      ),
      { numRuns: Number(process.env.FUZZ_JEST_RUNS ?? 60) }
    );
  });
});
