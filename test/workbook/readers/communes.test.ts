import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CATALOGUE_2011_2015, CATALOGUE_2021_2025 } from "../../../src/engine/catalogues";
import { summariseCommunes } from "../../../src/engine/criteria";
import { InputError } from "../../../src/engine/errors";
import { parseCsv } from "../../../src/workbook/adapters/exceljs";
import { gridFromRows, type CellValue, type Grid } from "../../../src/workbook/grid";
import { looksLikeCommunes, readCommunes } from "../../../src/workbook/readers/communes";

const CAT = CATALOGUE_2021_2025;
const ALL = Array.from({ length: 19 }, (_, i) => i + 1);

/** The 10 communes of appendix II (name, district, count, list) plus the 70 meeting all 19 criteria. */
function socTrang(): { name: string; district: string | null; count: number; list: number[] }[] {
  const csv = readFileSync(
    path.resolve(__dirname, "../../fixtures/examples/soc-trang-2023-communes.csv"),
    "utf8"
  );
  const rows = parseCsv(csv, "communes").slice(1);
  const listed = rows.map(([, name, district, count, list]) => ({
    name: String(name),
    district: district === null ? null : String(district),
    count: Number(count),
    list: String(list).split(",").map(Number),
  }));
  const standard = Array.from({ length: 70 }, (_, i) => ({
    name: `Xã đạt chuẩn ${i + 1}`,
    district: null,
    count: 19,
    list: ALL,
  }));
  return [...listed, ...standard];
}

function listGrid(): Grid {
  return gridFromRows("Xã", [
    ["Tình hình đạt tiêu chí của các xã đến cuối năm 2023", null, null, null],
    [null, null, null, null],
    ["TT", "Tên xã", "Huyện", "Tiêu chí đạt"],
    ...socTrang().map((c, i) => [i + 1, c.name, c.district, c.list.join(", ")]),
  ]);
}

function marksGrid(mark: (i: number) => CellValue = () => "x", blank: CellValue = null): Grid {
  return gridFromRows("TC", [
    ["Tên xã", ...ALL.map((n) => `TC${n}`)],
    ...socTrang().map((c, i) => [
      c.name,
      ...ALL.map((n) => (c.list.includes(n) ? mark(i + n) : blank)),
    ]),
  ]);
}

function countGrid(): Grid {
  return gridFromRows("SoTC", [["Xã", "Số TC đạt"], ...socTrang().map((c) => [c.name, c.count])]);
}

function errorOf(grid: Grid, catalogue = CAT): InputError {
  try {
    readCommunes(grid, { catalogue });
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("no error");
}

describe("readCommunes: Sóc Trăng 2023 in all three shapes", () => {
  it.each([
    ["list", listGrid],
    ["marks", () => marksGrid()],
    ["count", countGrid],
  ])(
    "gives 80 communes, average 18.625 and 70 at the standard from the %s shape",
    (shape, build) => {
      const read = readCommunes(build(), { catalogue: CAT });
      expect(read.shape).toBe(shape);
      expect(read.warnings).toEqual([]);
      const s = summariseCommunes(read.communes, { catalogue: CAT });
      expect(s.communes).toBe(80);
      expect(s.averageCriteria).toBe(18.625);
      expect(s.standard).toBe(70);
      expect(s.bands.map((b) => b.count)).toEqual([70, 10, 0, 0, 0]);
      if (shape === "count") expect(s.criterionCounts).toBeUndefined();
      else expect(s.criterionCounts?.[6]).toBe(77);
    }
  );

  it("finds the header under a title and keeps where each commune came from", () => {
    const read = readCommunes(listGrid(), { catalogue: CAT });
    expect(read.sheet).toBe("Xã");
    expect(read.communes[0]).toEqual({
      name: "Thanh Thới An",
      district: "Trần Đề",
      // The "Huyện" column (C) of the first commune's row (4).
      districtSource: { sheet: "Xã", cell: "C4" },
      achieved: [1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 14, 15, 16, 17, 18, 19],
      count: 16,
      source: { sheet: "Xã", cell: "B4" },
    });
  });

  it("reads marks in every spelling, with mixed marks across the sheet", () => {
    const met: CellValue[] = ["x", "X", "✓", 1, "1", "Đạt", "đạt", "TRUE", true];
    const read = readCommunes(
      marksGrid((i) => met[i % met.length]),
      { catalogue: CAT }
    );
    expect(summariseCommunes(read.communes, { catalogue: CAT }).averageCriteria).toBe(18.625);
    for (const blank of [0, "0", "-", "Chưa đạt", "FALSE", false, ""] as CellValue[]) {
      const again = readCommunes(
        marksGrid(() => "x", blank),
        { catalogue: CAT }
      );
      expect(again.communes[0].achieved).toEqual([
        1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 14, 15, 16, 17, 18, 19,
      ]);
    }
  });
});

describe("readCommunes: headers", () => {
  it("recognises mark columns by 'Tiêu chí n' and by the catalogue's criterion names", () => {
    const byNumber = gridFromRows("S", [
      ["Commune", ...ALL.map((n) => `Tiêu chí ${n}`)],
      ["A", ...ALL.map((n) => (n === 3 ? null : "x"))],
    ]);
    expect(readCommunes(byNumber, { catalogue: CAT }).communes[0].count).toBe(18);
    const byName = gridFromRows("S", [
      ["Tên xã", ...CAT.criteria.map((c) => c.vi)],
      ["A", ...ALL.map((n) => (n > 10 ? "-" : "Đạt"))],
    ]);
    const read = readCommunes(byName, { catalogue: CAT });
    expect(read.shape).toBe("marks");
    expect(read.communes[0].achieved).toEqual(ALL.slice(0, 10));
  });

  it("uses the names of the catalogue it is given", () => {
    const grid = gridFromRows("S", [
      ["Tên xã", ...CATALOGUE_2011_2015.criteria.map((c) => c.vi)],
      ["A", ...ALL.map(() => "x")],
    ]);
    expect(readCommunes(grid, { catalogue: CATALOGUE_2011_2015 }).communes[0].count).toBe(19);
    expect(looksLikeCommunes(grid, CATALOGUE_2011_2015)).toBe(true);
  });

  it("reads the optional columns: district, code, tier, registration year, especially difficult", () => {
    const grid = gridFromRows("S", [
      [
        "Mã xã",
        "Tên xa",
        "District",
        "Số tiêu chí đạt",
        "Trang thai",
        "Đăng ký đạt chuẩn",
        "Xã ĐBKK",
      ],
      ["31", "A", "Kế Sách", 19, "Đạt chuẩn", null, null],
      [32, "B", null, 19, "NTM nâng cao", null, "x"],
      [33, "C", null, 19, "Kiểu mẫu", null, "có"],
      [34, "D", null, 16, "chưa đạt", 2024, "TRUE"],
      [35, "E", null, 15, null, "2025", 1],
    ]);
    const read = readCommunes(grid, { catalogue: CAT });
    expect(read.shape).toBe("count");
    expect(read.communes.map((c) => c.tier)).toEqual([
      "standard",
      "advanced",
      "model",
      "none",
      undefined,
    ]);
    expect(read.communes.map((c) => c.especiallyDifficult ?? false)).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
    expect(read.communes.map((c) => c.registeredYear)).toEqual([
      undefined,
      undefined,
      undefined,
      2024,
      2025,
    ]);
    expect(read.communes[0]).toMatchObject({
      code: "31",
      district: "Kế Sách",
      achieved: null,
      count: 19,
    });
    expect(read.communes[1].code).toBe("32");
    expect(summariseCommunes(read.communes, { catalogue: CAT }).tiers).toEqual({
      standard: 3,
      advanced: 2,
      model: 1,
    });
  });

  it("skips a total row under the table", () => {
    const grid = gridFromRows("S", [
      ["Tên xã", "Số tiêu chí đạt"],
      ["A", 19],
      ["Tổng cộng", 19],
    ]);
    expect(readCommunes(grid, { catalogue: CAT }).communes).toHaveLength(1);
  });

  it("tells whether a sheet looks like a communes list", () => {
    expect(looksLikeCommunes(listGrid())).toBe(true);
    expect(looksLikeCommunes(countGrid())).toBe(true);
    expect(
      looksLikeCommunes(
        gridFromRows("S", [
          ["Tên xã", "Ghi chú"],
          ["A", "b"],
        ])
      )
    ).toBe(false);
    expect(looksLikeCommunes(gridFromRows("S", [["Nguồn vốn", "Số tiền"]]))).toBe(false);
  });
});

describe("readCommunes: list and count disagree", () => {
  it("uses the list and warns naming the commune, both numbers and the count's cell", () => {
    const grid = gridFromRows("Xã", [
      ["Tên xã", "Số tiêu chí đạt", "Tiêu chí đạt"],
      ["Thanh Thới An", 17, "1,2,3,4,5,7,8,9,12,13,14,15,16,17,18,19"],
      ["Tài Văn", 19, "1-19"],
    ]);
    const read = readCommunes(grid, { catalogue: CAT });
    expect(read.communes[0].count).toBe(16);
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings[0]).toMatchObject({ sheet: "Xã", cell: "B2" });
    expect(read.warnings[0].vi).toContain("Thanh Thới An");
    expect(read.warnings[0].vi).toMatch(/17.*16/);
    expect(read.warnings[0].en).toMatch(/states 17 .* has 16; using the list/);
  });

  it("warns the same way for marks", () => {
    const grid = gridFromRows("S", [
      ["Tên xã", "Số TC đạt", ...ALL.map((n) => `TC${n}`)],
      ["A", 19, ...ALL.map((n) => (n === 1 ? null : "x"))],
    ]);
    const read = readCommunes(grid, { catalogue: CAT });
    expect(read.communes[0].count).toBe(18);
    expect(read.warnings[0].cell).toBe("B2");
  });

  it("takes the count where a list cell is left blank", () => {
    const grid = gridFromRows("S", [
      ["Tên xã", "Số tiêu chí đạt", "Tiêu chí đạt"],
      ["A", 15, null],
      ["B", null, null],
    ]);
    const read = readCommunes(grid, { catalogue: CAT });
    expect(read.communes.map((c) => [c.achieved, c.count])).toEqual([
      [null, 15],
      [[], 0],
    ]);
  });
});

describe("readCommunes: errors name the sheet and cell", () => {
  const listWith = (list: CellValue) =>
    gridFromRows("Xã", [
      ["Báo cáo", null],
      ["Tên xã", "Tiêu chí đạt"],
      ["A", "1-19"],
      ["B", list],
    ]);

  it.each([
    ["1,2,20", /không có tiêu chí số 20.*there is no criterion 20/],
    ["0,1,2", /there is no criterion 0/],
    ["1,2,2", /criterion 2 is listed twice/],
    ["1,2,ba", /"ba" is not a criterion number/],
    ["9-3", /reversed/],
  ])("rejects the list %p", (list, message) => {
    const e = errorOf(listWith(list));
    expect(e.sheet).toBe("Xã");
    expect(e.cell).toBe("B4");
    expect(e.details.found).toBe(list);
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(/^sheet 'Xã', ô\/cell B4:/);
  });

  it("rejects formula errors and dates in a list cell", () => {
    expect(errorOf(listWith({ error: "#REF!" })).cell).toBe("B4");
    expect(errorOf(listWith(new Date(2024, 0, 2))).cell).toBe("B4");
  });

  it("rejects an unknown mark, naming the cell", () => {
    const grid = gridFromRows("TC", [
      ["Tên xã", ...ALL.map((n) => `TC${n}`)],
      ["A", ...ALL.map((n) => (n === 4 ? "có lẽ" : "x"))],
    ]);
    const e = errorOf(grid);
    expect(e.cell).toBe("E2");
    expect(e.details.found).toBe("có lẽ");
    expect(e.message).toContain("Chưa đạt");
  });

  it("rejects mark columns that miss a criterion or name one the catalogue lacks", () => {
    const missing = gridFromRows("TC", [
      ["Tên xã", ...ALL.slice(0, 18).map((n) => `TC${n}`)],
      ["A", ...ALL.slice(0, 18).map(() => "x")],
    ]);
    expect(errorOf(missing).message).toMatch(/missing TC19/);
    const extra = gridFromRows("TC", [
      ["Tên xã", ...ALL.map((n) => `TC${n}`), "TC20"],
      ["A", ...ALL.map(() => "x"), "x"],
    ]);
    const e = errorOf(extra);
    expect(e.cell).toBe("U1");
    expect(e.details.found).toBe("TC20");
  });

  it("rejects a count that is not a whole number of criteria", () => {
    for (const bad of [20, -1, 15.5, "mười", { error: "#DIV/0!" }] as CellValue[]) {
      const grid = gridFromRows("S", [
        ["Tên xã", "Số tiêu chí đạt"],
        ["A", bad],
      ]);
      const e = errorOf(grid);
      expect(e.cell).toBe("B2");
      expect(e.message).toContain("number of criteria met");
    }
  });

  it("accepts a count written as text", () => {
    const grid = gridFromRows("S", [
      ["Tên xã", "Số tiêu chí đạt"],
      ["A", "17"],
    ]);
    expect(readCommunes(grid, { catalogue: CAT }).communes[0].count).toBe(17);
  });

  it("requires a count in the count shape and a name on every row", () => {
    expect(
      errorOf(
        gridFromRows("S", [
          ["Tên xã", "Số tiêu chí đạt"],
          ["A", null],
          ["B", 3],
        ])
      ).cell
    ).toBe("B2");
    expect(
      errorOf(
        gridFromRows("S", [
          ["Tên xã", "Số tiêu chí đạt"],
          [null, 3],
        ])
      ).cell
    ).toBe("A2");
  });

  it("rejects an unknown status and an impossible registration year", () => {
    const status = gridFromRows("S", [
      ["Tên xã", "Số tiêu chí đạt", "Trạng thái"],
      ["A", 19, "tốt"],
    ]);
    expect(errorOf(status).cell).toBe("C2");
    const year = gridFromRows("S", [
      ["Tên xã", "Số tiêu chí đạt", "Đăng ký đạt chuẩn"],
      ["A", 19, 24],
    ]);
    expect(errorOf(year).cell).toBe("C2");
  });

  it("says what headers it needs when the sheet has no communes table", () => {
    const e = errorOf(
      gridFromRows("S", [
        ["Tên xã", "Ghi chú"],
        ["A", "b"],
      ])
    );
    expect(e.sheet).toBe("S");
    expect(e.message).toContain("Tiêu chí đạt");
    expect(e.message).toContain("Số tiêu chí đạt");
  });
});

describe("readCommunes: other warnings", () => {
  it("warns when a commune said to be at the standard misses criteria", () => {
    const grid = gridFromRows("S", [
      ["Tên xã", "Số tiêu chí đạt", "Trạng thái"],
      ["A", 18, "đạt chuẩn"],
      ["B", 18, "chưa đạt"],
      ["C", 19, "nâng cao"],
    ]);
    const read = readCommunes(grid, { catalogue: CAT });
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings[0]).toMatchObject({ cell: "C2" });
    expect(read.warnings[0].en).toContain("18/19");
  });

  it("warns when the same commune of the same district appears twice, but not across districts", () => {
    const grid = gridFromRows("S", [
      ["Tên xã", "Huyện", "Số tiêu chí đạt"],
      ["An Mỹ", "Kế Sách", 15],
      ["An Mỹ", "Cù Lao Dung", 19],
      ["An My", "Ke Sach", 15],
    ]);
    const read = readCommunes(grid, { catalogue: CAT });
    expect(read.communes).toHaveLength(3);
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings[0].vi).toContain("A2 và A4");
  });
});

describe("readCommunes: where a commune's district was read", () => {
  it("from its column, from the top of a district merged down, and from a district's own row", () => {
    // "Kế Sách" merged down over both communes (sheet rows 2-3, 0-based 1-2).
    const merged = {
      ...gridFromRows("Xã", [
        ["TT", "Tên xã", "Huyện", "Số tiêu chí đạt"],
        [1, "An Lạc", "Kế Sách", 12],
        [2, "An Mỹ", null, 15],
      ]),
      merges: [{ top: 1, left: 2, bottom: 2, right: 2 }],
    };
    expect(
      readCommunes(merged, { catalogue: CAT }).communes.map((c) => [c.district, c.districtSource])
    ).toEqual([
      ["Kế Sách", { sheet: "Xã", cell: "C2" }],
      ["Kế Sách", { sheet: "Xã", cell: "C2" }],
    ]);
    const rows = gridFromRows("Xã", [
      ["TT", "Tên xã", "Số tiêu chí đạt"],
      ["I", "Huyện Long Phú", null],
      [1, "Tân Hưng", 12],
    ]);
    expect(
      readCommunes(rows, { catalogue: CAT }).communes.map((c) => [c.district, c.districtSource])
    ).toEqual([["Long Phú", { sheet: "Xã", cell: "B2" }]]);
  });
});
