// A result sheet the user changed by hand (a note typed into it) is never replaced: on the next run it is kept under
// "KQ_TongHop (sửa tay)" with the user's cells, the new result goes to "KQ_TongHop", and the user is told. An
// untouched result sheet is replaced quietly (its values still hash to what was recorded). Memory, ExcelJS (through a
// saved and reopened file) and Office.js (through the fake Excel) behave the same.

import type { Bilingual } from "../../src/engine/errors";
import { OfficeJsWorkbook } from "../../src/workbook/adapters/officejs";
import type { Grid } from "../../src/workbook/grid";
import { outputHash, valuesHash } from "../../src/workbook/ownership";
import { exceljsBook, memoryBook, type OwnershipBook } from "../fuzz/ownership";
import { FakeExcel, requirementsUpTo } from "../support/fake-excel";
import { RESULT } from "./roundtrip";

function officeBook(): OwnershipBook {
  const excel = new FakeExcel();
  excel.install();
  excel.addSheet("Xã", [["x"]]);
  const port = new OfficeJsWorkbook(requirementsUpTo("1.12"));
  const find = (name: string) => excel.sheets.find((s) => s.name === name)!;
  return {
    port,
    names: () => port.sheetNames(),
    taken: () => excel.sheets.map((s) => s.name),
    add: (name) => void excel.addSheet(name),
    rename: (from, to) => void (find(from).name = to),
    remove: () => false,
    type: (name, row, col, value) => find(name).set(row, col, value as string),
    reopen: async () => undefined,
  };
}

const ADAPTERS: [string, () => OwnershipBook][] = [
  ["memory", memoryBook],
  ["ExcelJS", exceljsBook],
  ["Office.js", officeBook],
];

const NOTE = "ghi chú: xã An Mỹ đã đạt / note: An My is at the standard";

/** The cells of a sheet that hold something, as "row,col=value" (where they are and what they hold). */
function filled(grid: Grid): string[] {
  const out: string[] = [];
  grid.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== "")
        out.push(`${grid.origin.row + r},${grid.origin.col + c}=${String(v)}`);
    })
  );
  return out.sort();
}

describe.each(ADAPTERS)("a user's edit to a result sheet (%s)", (_name, make) => {
  it("replaces an untouched result sheet without a note", async () => {
    const book = make();
    const notes: Bilingual[] = [];
    await book.port.writeResults([RESULT], { onNote: (n) => notes.push(n) });
    await book.reopen();
    expect(await book.port.writeResults([RESULT], { onNote: (n) => notes.push(n) })).toEqual([
      "KQ_TongHop",
    ]);
    await book.reopen();
    expect(notes).toEqual([]);
    expect((await book.names()).filter((n) => n.startsWith("KQ"))).toEqual(["KQ_TongHop"]);
  });

  it("keeps a result sheet with a typed note as 'KQ_TongHop (sửa tay)' and says so", async () => {
    const book = make();
    await book.port.writeResults([RESULT]);
    await book.reopen();
    // Row 5 (0-based 4): below the two body rows of the table; column B.
    book.type("KQ_TongHop", 4, 1, NOTE);
    await book.reopen();
    const edited = filled(await book.port.readSheet("KQ_TongHop"));
    const notes: Bilingual[] = [];
    expect(await book.port.writeResults([RESULT], { onNote: (n) => notes.push(n) })).toEqual([
      "KQ_TongHop",
    ]);
    await book.reopen();
    expect(notes).toHaveLength(1);
    expect(notes[0].vi).toContain("KQ_TongHop (sửa tay)");
    expect(notes[0].en).toContain("changed by hand");
    // The user's sheet, with their note, under its new name; a fresh result under the old one.
    expect(filled(await book.port.readSheet("KQ_TongHop (sửa tay)"))).toEqual(edited);
    expect(edited).toContain(`4,1=${NOTE}`);
    const fresh = filled(await book.port.readSheet("KQ_TongHop"));
    expect(fresh).not.toContain(`4,1=${NOTE}`);
    expect(fresh).toContain("2,1=80");
    // The kept sheet is the user's now: a third run replaces only the fresh result and leaves it alone.
    const again: Bilingual[] = [];
    await book.port.writeResults([RESULT], { onNote: (n) => again.push(n) });
    await book.reopen();
    expect(again).toEqual([]);
    expect(filled(await book.port.readSheet("KQ_TongHop (sửa tay)"))).toEqual(edited);
  });

  it("keeps an edit to a result written beside the user's own 'KQ_TongHop' (as 'KQ_TongHop (2)')", async () => {
    const book = make();
    // The user's sheet holding the name, as large as our result (Office.js measured this one instead of ours).
    book.add("KQ_TongHop", [
      ["của tôi", null, null],
      [null, null, null],
      [null, null, null],
      [null, null, 1],
    ]);
    expect(await book.port.writeResults([RESULT])).toEqual(["KQ_TongHop (2)"]);
    await book.reopen();
    book.type("KQ_TongHop (2)", 5, 1, NOTE);
    await book.reopen();
    const edited = filled(await book.port.readSheet("KQ_TongHop (2)"));
    const notes: Bilingual[] = [];
    await book.port.writeResults([RESULT], { onNote: (n) => notes.push(n) });
    await book.reopen();
    expect(notes).toHaveLength(1);
    expect(filled(await book.port.readSheet("KQ_TongHop (2) (sửa tay)"))).toEqual(edited);
    expect(filled(await book.port.readSheet("KQ_TongHop (2)"))).not.toContain(`5,1=${NOTE}`);
  });

  it("counts a changed figure as an edit, not only a note", async () => {
    const book = make();
    await book.port.writeResults([RESULT]);
    await book.reopen();
    book.type("KQ_TongHop", 2, 1, 81); // "Số xã" 80 → 81
    await book.reopen();
    const notes: Bilingual[] = [];
    await book.port.writeResults([RESULT], { onNote: (n) => notes.push(n) });
    expect(notes).toHaveLength(1);
    expect((await book.port.readSheet("KQ_TongHop (sửa tay)")).rows[2][1]).toBe(81);
  });
});

describe("values hash", () => {
  it("is the same for a result laid out and read back, whatever the order of cells", () => {
    const grid: Grid = {
      sheet: "KQ_TongHop",
      origin: { row: 0, col: 0 },
      rows: [
        ["Tổng hợp / Summary"],
        ["Chỉ tiêu (Target)", "Giá trị (Value)", "Tỷ lệ (Share)"],
        ["Số xã", 80, 1],
        ["Bình quân tiêu chí/xã", 18.625, null],
      ],
    };
    expect(valuesHash(grid)).toBe(outputHash(RESULT));
    const moved = { ...grid, rows: grid.rows.map((r) => [...r]) };
    moved.rows[3][1] = 18.626;
    expect(valuesHash(moved)).not.toBe(outputHash(RESULT));
  });
});
