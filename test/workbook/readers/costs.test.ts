import { CATALOGUE_2021_2025 } from "../../../src/engine/catalogues";
import { InputError } from "../../../src/engine/errors";
import type { CommuneStatus } from "../../../src/engine/types";
import { gridFromRows, type CellValue } from "../../../src/workbook/grid";
import { looksLikeCosts, readCosts } from "../../../src/workbook/readers/costs";

const communes: CommuneStatus[] = [
  { name: "Thanh Thới An", achieved: [1, 2], count: 2 },
  { name: "Tài Văn", achieved: [1], count: 1 },
];
const context = { communes, catalogue: CATALOGUE_2021_2025 };
const grid = (rows: CellValue[][]) => gridFromRows("ChiPhi", rows);

function errorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("readCosts", () => {
  it("reads per-commune costs and defaults (empty commune name), without diacritics, below a title", () => {
    const { costs } = readCosts(
      grid([
        ["Chi phí dự kiến năm 2024", null, null],
        ["Chi phi (trieu dong)", "tieu chi", "TEN XA"],
        ["5.000", 2, null],
        [1200, "TC 10", "thanh thoi an"],
        ["2,5", "Thu nhập", "Tài Văn"],
      ]),
      context
    );
    expect(costs.perCriterion).toEqual(new Map([[2, 5000]]));
    expect(costs.perCommune.get("thanh thới an")).toEqual(new Map([[10, 1200]]));
    expect(costs.perCommune.get("tài văn")).toEqual(new Map([[10, 2.5]]));
  });

  it("names the cell of a commune that is not in the communes list", () => {
    const e = errorOf(() =>
      readCosts(
        grid([
          ["Tên xã", "Tiêu chí", "Chi phí"],
          ["Tài Văn", 6, 10],
          ["Xã Lạ", 6, 10],
        ]),
        context
      )
    );
    expect(e.sheet).toBe("ChiPhi");
    expect(e.cell).toBe("A3");
    expect(e.message).toMatch(/Xã Lạ/);
  });

  it("names the cell of a bad criterion, a negative or missing cost, a formula error and a repeated row", () => {
    const header: CellValue[] = ["Tên xã", "Tiêu chí", "Chi phí"];
    expect(errorOf(() => readCosts(grid([header, [null, 20, 1]]), context)).cell).toBe("B2");
    expect(errorOf(() => readCosts(grid([header, [null, "abc", 1]]), context)).cell).toBe("B2");
    expect(errorOf(() => readCosts(grid([header, [null, 2, -1]]), context)).cell).toBe("C2");
    expect(errorOf(() => readCosts(grid([header, [null, 2, null]]), context)).cell).toBe("C2");
    expect(
      errorOf(() => readCosts(grid([header, [null, 2, { error: "#REF!" }]]), context)).cell
    ).toBe("C2");
    expect(
      errorOf(() => readCosts(grid([header, [null, 2, new Date(2024, 0, 1)]]), context)).cell
    ).toBe("C2");
    expect(
      errorOf(() => readCosts(grid([header, ["Tài Văn", 2, 1], ["tai van", 2, 3]]), context)).cell
    ).toBe("B3");
  });

  it("says which headers it needs, and recognises a costs sheet by them", () => {
    expect(errorOf(() => readCosts(grid([["Tên xã", "Số tiền"]]), context)).message).toMatch(
      /Chi phí/
    );
    expect(looksLikeCosts(grid([["Tiêu chí", "Chi phí"]]))).toBe(true);
    expect(looksLikeCosts(grid([["Tên xã", "Số tiêu chí đạt", "Tiêu chí đạt"]]))).toBe(false);
  });
});

describe("readCosts and names that differ only by their diacritics", () => {
  const catalogue = CATALOGUE_2021_2025;
  const communes = ["Hưng Thạnh", "Hưng Thành", "Tài Văn"].map((name) => ({
    name,
    achieved: [1],
    count: 1,
  }));
  const sheet = (rows: (string | number | null)[][]) =>
    gridFromRows("ChiPhi", [["Tên xã", "Tiêu chí", "Chi phí"], ...rows]);

  it("keeps Hưng Thạnh and Hưng Thành apart", () => {
    const { costs } = readCosts(
      sheet([
        ["Hưng Thạnh", 2, 100],
        ["Hưng Thành", 2, 200],
      ]),
      { communes, catalogue }
    );
    expect(costs.perCommune.get("hưng thạnh")).toEqual(new Map([[2, 100]]));
    expect(costs.perCommune.get("hưng thành")).toEqual(new Map([[2, 200]]));
  });

  it("accepts a name typed without diacritics only when it fits one commune", () => {
    expect(
      readCosts(sheet([["tai van", 2, 5]]), { communes, catalogue }).costs.perCommune.get("tài văn")
    ).toEqual(new Map([[2, 5]]));
    expect(() => readCosts(sheet([["hung thanh", 2, 5]]), { communes, catalogue })).toThrow(
      /A2.*Hưng Thạnh, Hưng Thành/
    );
  });
});
