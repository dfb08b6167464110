// A table collected from the communes' reports states in its title how many communes it leaves out; the communes
// reader reads it from the title wherever the table is (no sheet name is special), so every job says it.

import { CATALOGUE_2021_2025 } from "../../../src/engine/catalogues";
import { gridFromRows, type CellValue } from "../../../src/workbook/grid";
import { readCommunes } from "../../../src/workbook/readers/communes";
import { leftOutNote } from "../../../src/workbook/reading/left-out";

function table(title: string | null): CellValue[][] {
  return [
    [title, null, null],
    ["TT", "Tên xã", "Tiêu chí đạt"],
    [1, "Xã An", "1, 2, 3"],
    [2, "Xã Bình", "1, 2"],
  ].map((r) => r as CellValue[]);
}

const read = (sheet: string, title: string | null) =>
  readCommunes(gridFromRows(sheet, table(title)), { catalogue: CATALOGUE_2021_2025 });

describe("communes left out of a collected table", () => {
  it("are counted from the title, with its cell, under any sheet name", () => {
    const title = `Tình trạng … đến cuối năm 2025 — tổng hợp; ${leftOutNote(7, "Cần xử lý")}`;
    const r = read("Bản sao của tôi", title);
    expect(r.communes).toHaveLength(2);
    expect(r.reading.leftOut).toEqual({ count: 7, cell: "A1" });
    expect(r.warnings[0]).toMatchObject({ sheet: "Bản sao của tôi", cell: "A1" });
    expect(r.warnings[0].vi).toContain("thiếu 7 xã");
    expect(r.warnings[0].vi).toContain("'Cần xử lý'");
    expect(r.warnings[0].en).toContain("leaves out 7 communes");
  });

  it("none left out: the reading says 0 and no warning is given", () => {
    const r = read("Xã (tổng hợp)", `Tổng hợp; ${leftOutNote(0, "Cần xử lý")}`);
    expect(r.reading.leftOut).toEqual({ count: 0, cell: "A1" });
    expect(r.warnings.some((w) => /leaves out/.test(w.en))).toBe(false);
  });

  it("a table whose title says nothing of it (any table the user made) reads as before", () => {
    const r = read("Xã", "Tình hình đạt tiêu chí của các xã đến cuối năm 2023");
    expect(r.reading.leftOut).toBeUndefined();
    expect(r.warnings.some((w) => /leaves out/.test(w.en))).toBe(false);
  });
});
