import { InputError } from "../../src/engine/errors";
import { gridFromRows } from "../../src/workbook/grid";
import {
  ambiguousNumberWarnings,
  locateTable,
  numberCell,
  textCell,
} from "../../src/workbook/readers/table";

const SPECS = [
  { key: "name", aliases: ["Tên xã", "Commune"], required: true },
  { key: "count", aliases: ["Số tiêu chí đạt", "Criteria met"] },
];
const WHAT = { vi: "danh sách xã", en: "communes list" };

describe("locateTable", () => {
  it("finds the header below a title row, without diacritics and in any order", () => {
    const grid = gridFromRows("Xa", [
      ["Báo cáo tình hình", null],
      [null, null],
      ["so tieu chi dat", "TEN XA"],
      [16, "Thanh Thới An"],
      [null, null],
      ["17", "Tài Văn"],
    ]);
    const t = locateTable(grid, SPECS, WHAT);
    expect(t.headerRow).toBe(2);
    expect(t.columns).toEqual({ count: 0, name: 1 });
    expect(t.dataRows).toEqual([3, 5]);
  });

  it("says which headers it looked for when they are missing", () => {
    const grid = gridFromRows("Xa", [["foo", "bar"]]);
    expect(() => locateTable(grid, SPECS, WHAT)).toThrow(/"Tên xã".*Expected/);
  });
});

describe("numberCell", () => {
  const grid = gridFromRows("S", [
    ["3.602.312", "6,21%", { error: "#REF!" }, new Date(), "abc", 2.5],
  ]);
  const rules = { what: { vi: "số tiền", en: "amount" } };

  it("reads Vietnamese text numbers and percentages", () => {
    expect(numberCell(grid, 0, 0, rules)).toBe(3602312);
    expect(numberCell(grid, 0, 1, rules)).toBeCloseTo(0.0621);
  });

  it.each([
    [2, "C1", "#REF!"],
    [3, "D1", ""],
    [4, "E1", "abc"],
  ])("rejects column %i naming cell %s", (col, cell, found) => {
    try {
      numberCell(grid, 0, col, rules);
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).cell).toBe(cell);
      expect((e as InputError).details.found).toContain(found);
    }
  });

  it("enforces whole numbers and bounds", () => {
    expect(() => numberCell(grid, 0, 5, { ...rules, integer: true })).toThrow(/F1/);
    expect(() => numberCell(grid, 0, 5, { ...rules, max: 2 })).toThrow(/≤|from|F1/);
  });

  it("reports a formula error where text was expected", () => {
    expect(() => textCell(grid, 0, 2, WHAT)).toThrow(/C1/);
  });
});

describe("ambiguous number texts", () => {
  it("reads '16,000' the Vietnamese way and notes the cell, in both languages", () => {
    const grid = gridFromRows("Xã", [["Số tiêu chí đạt"], ["16,000"], ["3.602.312"]]);
    const rules = { what: { vi: "số", en: "number" } };
    expect(numberCell(grid, 1, 0, rules)).toBe(16);
    expect(numberCell(grid, 2, 0, rules)).toBe(3602312);
    const notes = ambiguousNumberWarnings(grid);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ sheet: "Xã", cell: "A2" });
    expect(notes[0].vi).toMatch(/"16,000".*16.*Việt Nam/);
    expect(notes[0].en).toMatch(/read as 16 the Vietnamese way/);
  });

  it("lists the first five and counts the rest", () => {
    const grid = gridFromRows(
      "S",
      Array.from({ length: 8 }, () => ["1.500"])
    );
    for (let r = 0; r < 8; r++) numberCell(grid, r, 0, { what: { vi: "số", en: "number" } });
    const notes = ambiguousNumberWarnings(grid);
    expect(notes).toHaveLength(6);
    expect(notes[5].en).toMatch(/^3 more cells/);
  });
});
