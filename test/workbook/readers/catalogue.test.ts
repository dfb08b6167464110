import { findCatalogue } from "../../../src/engine/catalogue-lookup";
import { parseCriteriaList } from "../../../src/engine/criteria";
import { InputError } from "../../../src/engine/errors";
import { gridFromRows } from "../../../src/workbook/grid";
import { looksLikeCatalogue, readCatalogues } from "../../../src/workbook/readers/catalogue";
import { TEMPLATES } from "../../../src/workbook/templates";

const HEADER = TEMPLATES.find((t) => t.id === "catalogue")!.columns.map((c) => c.header);

describe("readCatalogues", () => {
  it("reads the template's columns, several periods on one sheet, in any row order", () => {
    const grid = gridFromRows("DanhMuc", [
      ["Bộ tiêu chí do tỉnh ban hành"],
      HEADER,
      ["2026-2030", 2, "Giao thông", "Transport", "II"],
      ["2026 – 2030", 1, "Quy hoạch", "Planning", "I"],
      ["Nâng cao 2021-2025", 1, "Quy hoạch", null, null],
      [null, 2, "Giao thông", null, null],
      [null, 3, "Thủy lợi", null, null],
    ]);
    const cats = readCatalogues(grid);
    expect(cats.map((c) => [c.id, c.criteria.length])).toEqual([
      ["2026-2030", 2],
      ["Nâng cao 2021-2025", 3],
    ]);
    expect(cats[0].criteria[0]).toEqual({ number: 1, vi: "Quy hoạch", en: "Planning", group: "I" });
    expect(cats[1].criteria[2]).toEqual({ number: 3, vi: "Thủy lợi", en: "Thủy lợi", group: "" });
    // A catalogue read from a sheet is found by period and bounds the criteria lists.
    const found = findCatalogue("Nâng cao 2021-2025", cats);
    expect(parseCriteriaList("1-3", found)).toEqual([1, 2, 3]);
    expect(() => parseCriteriaList("4", found)).toThrow(/no criterion 4/);
  });

  it("accepts headers without diacritics", () => {
    const grid = gridFromRows("S", [
      ["giai doan", "so tt", "ten tieu chi"],
      ["2030", 1, "A"],
    ]);
    expect(looksLikeCatalogue(grid)).toBe(true);
    expect(readCatalogues(grid)[0].criteria).toHaveLength(1);
  });

  it("names the cell of a repeated number, a missing name, a bad number and a missing first period", () => {
    const cases: [unknown[][], string][] = [
      [[HEADER, ["X", 1, "A"], ["X", 1, "B"]], "B3"],
      [[HEADER, ["X", 1, null]], "C2"],
      [[HEADER, ["X", "một", "A"]], "B2"],
      [[HEADER, ["X", 0, "A"]], "B2"],
      [[HEADER, [null, 1, "A"]], "A2"],
    ];
    for (const [rows, cell] of cases) {
      const grid = gridFromRows("DM", rows as never);
      try {
        readCatalogues(grid);
        throw new Error("no error");
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        expect((e as InputError).cell).toBe(cell);
        expect((e as InputError).sheet).toBe("DM");
      }
    }
  });

  it("says which headers it needs", () => {
    expect(looksLikeCatalogue(gridFromRows("S", [["Tên xã"]]))).toBe(false);
    expect(() => readCatalogues(gridFromRows("S", [["Tên xã"]]))).toThrow(/Giai đoạn/);
  });
});
