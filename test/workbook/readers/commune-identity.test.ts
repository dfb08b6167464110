// Costs are joined to communes by code, else name and district, else name; a name that fits two communes is an error
// naming both rows (it used to give both communes one commune's costs).

import { CATALOGUE_2021_2025 } from "../../../src/engine/catalogues";
import { communeKey, findCommune } from "../../../src/engine/commune-identity";
import { InputError } from "../../../src/engine/errors";
import { criterionCost } from "../../../src/engine/targets/prepare";
import type { CommuneStatus } from "../../../src/engine/types";
import { gridFromRows, type CellValue } from "../../../src/workbook/grid";
import { readCosts } from "../../../src/workbook/readers/costs";

const communes: CommuneStatus[] = [
  {
    name: "Tân Thạnh",
    district: "Long Phú",
    code: "31960",
    achieved: [1],
    count: 1,
    source: { sheet: "Xa", cell: "B3" },
  },
  {
    name: "Tân Thạnh",
    district: "Châu Thành",
    code: "31507",
    achieved: [1],
    count: 1,
    source: { sheet: "Xa", cell: "B4" },
  },
  { name: "An Mỹ", district: "Kế Sách", achieved: [1], count: 1 },
];
const context = { communes, catalogue: CATALOGUE_2021_2025 };
const read = (rows: CellValue[][]) => readCosts(gridFromRows("ChiPhi", rows), context).costs;

describe("commune identity for costs", () => {
  it("refuses a name that fits two communes, naming both rows", () => {
    let error: unknown;
    try {
      read([
        ["Tên xã", "Tiêu chí", "Chi phí"],
        ["Tân Thạnh", 2, 500],
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.cell).toBe("A2");
    expect(e.message).toMatch(/Long Phú.*Xa!B3.*Châu Thành.*Xa!B4/);
    expect(e.message).toMatch(/Huyện.*Mã xã/);
  });

  it("tells them apart by district, each commune taking only its own costs", () => {
    const costs = read([
      ["Tên xã", "Huyện", "Tiêu chí", "Chi phí"],
      ["Tân Thạnh", "Huyện Long Phú", 2, 500],
      ["Tân Thạnh", "Châu Thành", 2, 900],
      ["An Mỹ", null, 2, 100],
    ]);
    expect(criterionCost(communes[0], 2, costs, [])).toBe(500);
    expect(criterionCost(communes[1], 2, costs, [])).toBe(900);
    expect(criterionCost(communes[2], 2, costs, [])).toBe(100);
  });

  it("tells them apart by code (Mã xã), leading zeros or not", () => {
    const costs = read([
      ["Mã xã", "Tên xã", "Tiêu chí", "Chi phí"],
      ["31507", "Tân Thạnh", 3, 700],
      [31960, null, 3, 300],
    ]);
    expect(criterionCost(communes[0], 3, costs, [])).toBe(300);
    expect(criterionCost(communes[1], 3, costs, [])).toBe(700);
    expect(findCommune(communes, { name: "", code: "031507" })).toMatchObject({ kind: "found" });
  });

  it("keys a commune by code, else name and district, else name", () => {
    expect(communeKey(communes[0])).toBe("code:31960");
    expect(communeKey({ name: "An  Mỹ", district: "Huyện Kế Sách" })).toBe(communeKey(communes[2]));
    expect(communeKey({ name: "Tài Văn" })).toBe("tài văn");
  });
});
