// Numbers and text that used to be read wrong without a word: "5%" where an amount is expected, figures so large that
// totals overflow, and names that differ only by invisible characters.

import { CATALOGUE_2021_2025 } from "../../../src/engine/catalogues";
import { InputError } from "../../../src/engine/errors";
import type { CommuneStatus } from "../../../src/engine/types";
import { gridFromRows, type CellValue } from "../../../src/workbook/grid";
import { readCommunes } from "../../../src/workbook/readers/communes";
import { readCosts } from "../../../src/workbook/readers/costs";
import { invisibleCharacterWarnings } from "../../../src/workbook/readers/table";

const communes: CommuneStatus[] = [{ name: "Tài Văn", achieved: [1], count: 1 }];
const context = { communes, catalogue: CATALOGUE_2021_2025 };

function errorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("no error");
}

const costs = (rows: CellValue[][]) =>
  readCosts(gridFromRows("ChiPhi", [["Tên xã", "Tiêu chí", "Chi phí"], ...rows]), context);

describe("numbers where an amount is expected", () => {
  it('refuses "5%" as a cost, naming the cell, instead of reading 0.05', () => {
    const e = errorOf(() => costs([["Tài Văn", 2, "5%"]]));
    expect(e.cell).toBe("C2");
    expect(e.message).toMatch(/không phải tỷ lệ phần trăm.*not a percentage/);
  });

  it("refuses a figure so large that a total of two would overflow (1e308), naming the cell", () => {
    const e = errorOf(() =>
      costs([
        [null, 2, 1e308],
        [null, 3, 1e308],
      ])
    );
    expect(e.cell).toBe("C2");
    expect(e.message).toMatch(/10\^15/);
  });

  it("still reads ordinary costs", () => {
    expect(costs([["Tài Văn", 2, "1.200"]]).costs.perCommune.get("tài văn")).toEqual(
      new Map([[2, 1200]])
    );
  });
});

describe("invisible characters in names", () => {
  const header = ["TT", "Tên xã", "Huyện", "Số tiêu chí đạt"];

  it("are removed with a warning naming the cell, so a duplicate is seen", () => {
    const grid = gridFromRows("Xa", [
      header,
      [1, "Tân Thạnh", "Long Phú", 15],
      [2, "Tân\u200b Thạnh\u202e", "Long Phú", 17],
      [3, "\ufeffAn Mỹ", "Long Phú", 12],
    ]);
    const read = readCommunes(grid, { catalogue: CATALOGUE_2021_2025 });
    expect(read.communes.map((c) => c.name)).toEqual(["Tân Thạnh", "Tân Thạnh", "An Mỹ"]);
    const invisible = invisibleCharacterWarnings(grid);
    expect(invisible.map((w) => w.cell)).toEqual(["B3", "B4"]);
    expect(invisible[0].en).toMatch(/invisible characters.*"Tân Thạnh"/);
    expect(read.warnings.some((w) => /appears twice/.test(w.en))).toBe(true);
  });
});
