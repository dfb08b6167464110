import { CATALOGUE_2026_2030 } from "../../src/engine/catalogues";
import { withIndicators } from "../../src/engine/indicators";
import { gridFromRows, type CellValue } from "../../src/workbook/grid";
import { readCommunes } from "../../src/workbook/readers/communes";
import { MODERN_COLUMN, readIndicatorPolicy } from "../../src/workbook/readers/indicator-policy";
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

  it("policy sheet: the modern tier's column sits beside Nhóm 1-3, says blank is the group's, and is read filled in", () => {
    const sheet = templateSheet("indicators");
    const headers = sheet.tables[0].columns.map((c) => c.header);
    expect(headers.slice(headers.indexOf("Nhóm 1"), headers.indexOf("Nhóm 1") + 4)).toEqual([
      "Nhóm 1",
      "Nhóm 2",
      "Nhóm 3",
      MODERN_COLUMN.header,
    ]);
    const at = headers.indexOf(MODERN_COLUMN.header);
    const example = sheet.tables[0].rows[0];
    expect(String(example[at])).toMatch(/NTM hiện đại.*để trống: như nhóm/);
    // Filled in as a province would: 80 / 70 / n.a. for the groups, 95 for a modern commune.
    const filled = [...example];
    filled.splice(headers.indexOf("Nhóm 1"), 4, 80, 70, "không áp dụng", 95);
    const grid = gridFromRows("Mau_ChiTieu_NhomXa", [headers, filled]);
    expect(readIndicatorPolicy(grid)[0]).toMatchObject({
      code: "2.1",
      requirements: { 1: 80, 2: 70, 3: null },
      modern: 95,
    });
  });

  it("policy sheet: recognised by its headers, and its example row must be filled in before use", () => {
    const grid = gridFromRows("Mau_ChiTieu_NhomXa", asGrid(templateSheet("indicators")));
    expect(() => readIndicatorPolicy(grid)).toThrow(/ô\/cell E3.*requirement/);
  });
});
