import { CATALOGUE_2026_2030 } from "../../src/engine/catalogues";
import { withIndicators } from "../../src/engine/indicators";
import { gridFromRows, type CellValue } from "../../src/workbook/grid";
import { readCommunes } from "../../src/workbook/readers/communes";
import { readIndicatorPolicy } from "../../src/workbook/readers/indicator-policy";
import { templateSheet, TEMPLATES } from "../../src/workbook/templates";
import { CODES, POLICY } from "../cli/period-2026";

/** The template as the add-in writes it: title row, header row, example row. */
function asGrid(sheet: ReturnType<typeof templateSheet>): CellValue[][] {
  const table = sheet.tables[0];
  return [[table.title ?? null], table.columns.map((c) => c.header), ...table.rows];
}

describe("the 2026-2030 templates", () => {
  it("are listed for insertion with Vietnamese headers", () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(
      expect.arrayContaining(["status2026", "indicators"])
    );
  });

  it("status sheet: read as marks per indicator with the commune group and code", () => {
    const grid = gridFromRows("Mau_Xa_2026", asGrid(templateSheet("status2026")));
    const read = readCommunes(grid, { catalogue: CATALOGUE_2026_2030 });
    expect(read.shape).toBe("indicators");
    expect(read.communes[0]).toMatchObject({
      name: "Xã Ví Dụ",
      code: "31000",
      group: 2,
      count: 10,
    });
  });

  it("status sheet: takes the codes of the user's policy, one column each", () => {
    const sheet = templateSheet("status2026", { indicatorCodes: CODES });
    const headers = sheet.tables[0].columns.map((c) => c.header);
    expect(headers.slice(6)).toEqual(CODES);
    const policy = readIndicatorPolicy(gridFromRows("Chỉ tiêu", POLICY));
    const catalogue = withIndicators(CATALOGUE_2026_2030, policy).catalogue;
    const read = readCommunes(gridFromRows("Mau_Xa_2026", asGrid(sheet)), { catalogue });
    expect(read.communes[0].indicatorsMet).toEqual(CODES);
  });

  it("policy sheet: recognised by its headers, and its example row must be filled in before use", () => {
    const grid = gridFromRows("Mau_ChiTieu_NhomXa", asGrid(templateSheet("indicators")));
    expect(() => readIndicatorPolicy(grid)).toThrow(/ô\/cell E3.*requirement/);
  });
});
