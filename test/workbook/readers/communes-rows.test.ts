// Rows of a communes table that are not communes (issue #21, class 5): district rows carrying the district's own
// figures, subtotals and totals (208, 1490), statistic rows under the table, and wards and towns set aside; each
// recorded in the reading, those with figures checked against the communes they cover.

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CATALOGUE_2021_2025 } from "../../../src/engine/catalogues";
import { InputError } from "../../../src/engine/errors";
import { parseCsv } from "../../../src/workbook/adapters/exceljs";
import { gridFromRows, type CellValue, type Grid } from "../../../src/workbook/grid";
import { readCommunes } from "../../../src/workbook/readers/communes";

const CAT = CATALOGUE_2021_2025;
const N19 = Array.from({ length: 19 }, (_, i) => i + 1);

interface Commune {
  name: string;
  district: string;
  met: number[];
}

/** The 10 communes of appendix II, then the province's 70 others meeting all 19, by district (80 in all). */
const APPENDIX: Commune[] = parseCsv(
  readFileSync(
    path.resolve(__dirname, "../../fixtures/examples/soc-trang-2023-communes.csv"),
    "utf8"
  ),
  "x"
)
  .slice(1)
  .map(([, name, district, , list]) => ({
    name: String(name),
    district: String(district),
    met: String(list).split(",").map(Number),
  }));
const OTHERS: [string, number][] = [
  ["Trần Đề", 8],
  ["Kế Sách", 7],
  ["Mỹ Tú", 9],
  ["Long Phú", 8],
  ["Châu Thành", 8],
  ["Cù Lao Dung", 7],
  ["Mỹ Xuyên", 9],
  ["Thạnh Trị", 8],
  ["Ngã Năm", 6],
];
const PROVINCE: Commune[] = OTHERS.flatMap(([district, n]) => [
  ...APPENDIX.filter((c) => c.district === district),
  ...Array.from({ length: n }, (_, i) => ({ name: `${district} ${i + 1}`, district, met: N19 })),
]);
const DISTRICTS = OTHERS.map(([d]) => d);
const of = (d: string) => PROVINCE.filter((c) => c.district === d);
const sum = (cs: Commune[]) => cs.reduce((s, c) => s + c.met.length, 0);
const meeting = (cs: Commune[], n: number) => cs.filter((c) => c.met.includes(n)).length;

interface Layout {
  /** District rows above their communes: "Huyện X" with the district's counts per criterion and its sum. */
  districtRows?: "figures" | "label";
  /** Figures the district row states, by district (default: the true ones). */
  districtSum?: (d: string) => number;
  /** Rows under the table. */
  below?: CellValue[][];
  /** Extra rows after a district's communes. */
  extra?: (d: string) => CellValue[][];
}

/** STT | Tên xã | Huyện | TC1 … TC19 | Số tiêu chí đạt (columns A, B, C, D…V, W). */
function provinceGrid(layout: Layout = {}): Grid {
  const rows: CellValue[][] = [
    ["STT", "Tên xã", "Huyện", ...N19.map((n) => `TC${n}`), "Số tiêu chí đạt"],
  ];
  const roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
  let tt = 0;
  DISTRICTS.forEach((d, i) => {
    const members = of(d);
    const kind = d === "Ngã Năm" ? "Thị xã" : "Huyện";
    if (layout.districtRows === "figures") {
      rows.push([
        roman[i],
        `${kind} ${d}`,
        null,
        ...N19.map((n) => meeting(members, n)),
        layout.districtSum ? layout.districtSum(d) : sum(members),
      ]);
    } else if (layout.districtRows === "label") {
      rows.push([roman[i], `${kind} ${d}`, ...Array(21).fill(null)]);
    }
    for (const c of members) {
      tt++;
      rows.push([tt, c.name, d, ...N19.map((n) => (c.met.includes(n) ? "x" : null)), c.met.length]);
    }
    rows.push(...(layout.extra?.(d) ?? []));
  });
  rows.push(...(layout.below ?? []));
  return gridFromRows("Xã", rows);
}

function expectProvince(read: ReturnType<typeof readCommunes>, communes = PROVINCE): void {
  expect(read.communes.map((c) => c.name)).toEqual(communes.map((c) => c.name));
  expect(read.communes.reduce((s, c) => s + c.count, 0)).toBe(sum(communes));
  for (const n of N19) {
    expect(read.communes.filter((c) => c.achieved?.includes(n)).length).toBe(meeting(communes, n));
  }
  expect(read.reading.used.count).toBe(communes.length);
}

const skippedAs = (read: ReturnType<typeof readCommunes>, role: string) =>
  read.reading.skipped.filter((s) => s.role === role);

describe("district rows with the district's own figures", () => {
  it("skips them, keeps their communes under them, and checks their figures against those communes", () => {
    const read = readCommunes(provinceGrid({ districtRows: "figures" }), { catalogue: CAT });
    expectProvince(read);
    expect(read.warnings).toEqual([]);
    const rows = skippedAs(read, "district");
    expect(rows.map((s) => s.label)).toEqual(
      DISTRICTS.map((d, i) => ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][i])
    );
    expect(read.communes.find((c) => c.name === "Xuân Hòa")?.district).toBe("Kế Sách");
    const checks = read.reading.checks.filter((c) => c.kind === "subtotal");
    expect(checks).toHaveLength(DISTRICTS.length);
    expect(checks.every((c) => c.ok)).toBe(true);
    // Kế Sách: 5 communes of the appendix (75 criteria) and 7 at 19 = 208, the figure the issue names.
    expect(sum(of("Kế Sách"))).toBe(208);
  });

  it("names the cell of a district figure that disagrees with its communes, and still reads no commune from it", () => {
    const read = readCommunes(
      provinceGrid({
        districtRows: "figures",
        districtSum: (d) => (d === "Kế Sách" ? 207 : sum(of(d))),
      }),
      { catalogue: CAT }
    );
    expectProvince(read);
    // Kế Sách's row: header, Trần Đề's row and its 10 communes, then the row itself (sheet row 13), column W.
    const bad = read.reading.checks.filter((c) => !c.ok);
    expect(bad.map((c) => c.cell)).toEqual(["W13"]);
    expect(read.warnings.map((w) => w.cell)).toEqual(["W13"]);
    expect(read.warnings[0].vi).toContain("ghi 207");
    expect(read.warnings[0].vi).toContain("cộng lại 208");
  });

  it("skips a group row without figures as a group", () => {
    const read = readCommunes(provinceGrid({ districtRows: "label" }), { catalogue: CAT });
    expectProvince(read);
    expect(skippedAs(read, "group")).toHaveLength(DISTRICTS.length);
    expect(read.reading.checks.filter((c) => c.kind !== "count-vs-marks")).toEqual([]);
  });

  it("reads a row with only its district in the district column as that district's row", () => {
    // STT | Huyện | Tên xã | Số TC đạt | Tiêu chí đạt: "Kế Sách" and its sum 208, no commune name.
    const rows: CellValue[][] = [["STT", "Huyện", "Tên xã", "Số TC đạt", "Tiêu chí đạt"]];
    let tt = 0;
    for (const d of DISTRICTS) {
      rows.push([null, d, null, sum(of(d)), null]);
      for (const c of of(d)) rows.push([++tt, null, c.name, c.met.length, c.met.join(",")]);
    }
    const read = readCommunes(gridFromRows("Xã", rows), { catalogue: CAT });
    expect(read.shape).toBe("list");
    expectProvince(read);
    expect(read.communes.every((c, i) => c.district === PROVINCE[i].district)).toBe(true);
    expect(skippedAs(read, "district").map((s) => s.label)).toEqual(DISTRICTS);
    expect(read.reading.checks.filter((c) => c.kind === "subtotal" && c.ok)).toHaveLength(
      DISTRICTS.length
    );
  });
});

describe("rows whose count is a sum", () => {
  /** Tên xã | Số tiêu chí đạt, the district's name and its sum after its communes, the province's sum last. */
  function countGrid(overrides: Record<string, number> = {}): Grid {
    const rows: CellValue[][] = [["Tên xã", "Số tiêu chí đạt"]];
    for (const d of DISTRICTS) {
      for (const c of of(d)) rows.push([c.name, overrides[c.name] ?? c.met.length]);
      rows.push([d, sum(of(d))]);
    }
    rows.push([null, sum(PROVINCE)]);
    return gridFromRows("Xã", rows);
  }

  it("skips 208 under Kế Sách's communes as a subtotal and 1490 at the bottom as the total, both checked", () => {
    const read = readCommunes(countGrid(), { catalogue: CAT });
    expect(read.shape).toBe("count");
    expect(read.communes).toHaveLength(80);
    expect(read.communes.reduce((s, c) => s + c.count, 0)).toBe(1490);
    expect(sum(PROVINCE)).toBe(1490);
    expect(skippedAs(read, "subtotal")).toHaveLength(DISTRICTS.length);
    expect(skippedAs(read, "total")).toHaveLength(1);
    expect(read.reading.checks.every((c) => c.ok)).toBe(true);
    expect(read.warnings).toEqual([]);
  });

  it("refuses a commune's count above 19 that adds up to nothing, naming the cell", () => {
    try {
      readCommunes(countGrid({ "Xuân Hòa": 150 }), { catalogue: CAT });
      throw new Error("read");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      // The header, the communes before it and Trần Đề's subtotal row come first.
      const row = PROVINCE.findIndex((c) => c.name === "Xuân Hòa") + 3;
      expect((e as InputError).details.cell).toBe(`B${row}`);
    }
  });
});

describe("statistic and total rows under the table", () => {
  const all = PROVINCE;
  const below: CellValue[][] = [
    [null, "Cộng", null, ...N19.map((n) => meeting(all, n)), sum(all)],
    [null, "Số xã đạt", null, ...N19.map((n) => meeting(all, n)), 70],
    [
      null,
      "Tỷ lệ (%)",
      null,
      ...N19.map((n) => Math.round((meeting(all, n) / 80) * 10000) / 100),
      87.5,
    ],
    ["Tỷ lệ đạt", null, null, ...N19.map(() => null), "87,5%"],
    [null, "Bình quân", null, ...N19.map(() => null), 18.63],
    [null, "Tổng số xã", null, ...N19.map(() => null), 80],
  ];

  it("skips and records them, and checks 'Cộng' and 'Số xã đạt' against every commune", () => {
    const read = readCommunes(provinceGrid({ below }), { catalogue: CAT });
    expectProvince(read);
    expect(read.warnings).toEqual([]);
    expect(skippedAs(read, "total").map((s) => s.label)).toEqual(["Cộng"]);
    expect(skippedAs(read, "statistic").map((s) => s.label)).toEqual([
      "Số xã đạt",
      "Tỷ lệ (%)",
      "Tỷ lệ đạt",
      "Bình quân",
      "Tổng số xã",
    ]);
    const checks = read.reading.checks.filter((c) => c.kind === "total");
    expect(checks).toHaveLength(2);
    expect(checks.every((c) => c.ok)).toBe(true);
  });

  it("names the cell where 'Số xã đạt' disagrees with the marks", () => {
    const wrong = below.map((r) => [...r]);
    wrong[1][3 + 5] = 80; // criterion 6 is met by 77
    const read = readCommunes(provinceGrid({ below: wrong }), { catalogue: CAT });
    expectProvince(read);
    const bad = read.reading.checks.filter((c) => !c.ok);
    expect(bad).toHaveLength(1);
    expect(bad[0].cell).toBe(`I${1 + PROVINCE.length + 2}`);
    expect(bad[0].vi).toContain("ghi 80 xã đạt tiêu chí 6");
    expect(read.warnings.map((w) => w.cell)).toEqual([bad[0].cell]);
  });

  it("keeps the commune Trung Bình (Trần Đề) a commune", () => {
    const read = readCommunes(
      gridFromRows("Xã", [
        ["Tên xã", "Số tiêu chí đạt"],
        ["Trung Bình", 17],
        ["Tài Văn", 16],
        ["Trung bình chung", 16.5],
      ]),
      { catalogue: CAT }
    );
    expect(read.communes.map((c) => c.name)).toEqual(["Trung Bình", "Tài Văn"]);
    expect(skippedAs(read, "statistic").map((s) => s.label)).toEqual(["Trung bình chung"]);
  });
});

describe("wards and towns among communes", () => {
  const names = [
    "Thị trấn Kế Sách",
    "TT. An Lạc Thôn",
    "Phường 1",
    "P. Vĩnh Phước",
    "Đặc khu Côn Đảo",
    "TT Long Phú",
  ];
  const wards: CellValue[][] = names.map((name) => [
    null,
    name,
    "Thạnh Trị",
    ...N19.map(() => "x"),
    19,
  ]);

  it("sets each aside with a note naming its row, and counts only the communes", () => {
    const read = readCommunes(provinceGrid({ extra: (d) => (d === "Thạnh Trị" ? wards : []) }), {
      catalogue: CAT,
    });
    expectProvince(read);
    const set = skippedAs(read, "ward");
    expect(set.map((s) => s.label)).toEqual(wards.map((w) => w[1]));
    const noted = read.warnings.map((w) => w.cell);
    expect(noted).toEqual(set.map((s) => `B${s.row}`));
    expect(read.warnings[0].vi).toContain("nông thôn mới chỉ xét xã");
  });

  it("reads the kind of unit from a 'Loại đơn vị hành chính' column", () => {
    const read = readCommunes(
      gridFromRows("Xã", [
        ["Tên đơn vị", "Loại đơn vị hành chính", "Số tiêu chí đạt"],
        ["An Lạc Thôn", "Thị trấn", 19],
        ["Xuân Hòa", "Xã", 15],
        ["Vĩnh Phước", "Phường", 19],
        ["Phương Thạnh", "xã", 18],
        ["Côn Đảo", "Đặc khu", 12],
      ]),
      { catalogue: CAT }
    );
    expect(read.communes.map((c) => [c.name, c.count])).toEqual([
      ["Xuân Hòa", 15],
      ["Phương Thạnh", 18],
    ]);
    expect(skippedAs(read, "ward").map((s) => s.row)).toEqual([2, 4, 6]);
    expect(read.reading.columns.find((c) => c.col === "B")?.role).toBe("other");
  });

  it("does not take a commune whose name merely starts like one for a ward", () => {
    const read = readCommunes(
      gridFromRows("Xã", [
        ["Tên xã", "Số tiêu chí đạt"],
        ["Phương Thạnh", 18],
        ["Phuong Thanh", 18],
        ["Thị Trấn Mới", 12],
      ]),
      { catalogue: CAT }
    );
    expect(read.communes.map((c) => c.name)).toEqual(["Phương Thạnh", "Phuong Thanh"]);
    expect(skippedAs(read, "ward").map((s) => s.label)).toEqual(["Thị Trấn Mới"]);
  });
});

describe("the communes table's reading", () => {
  it("records every data row as a commune or a skipped row with its role, and every column read", () => {
    const grid = provinceGrid({
      districtRows: "figures",
      below: [[null, "Tổng số xã", ...Array(20).fill(null), 80]],
    });
    const read = readCommunes(grid, { catalogue: CAT });
    const r = read.reading;
    expect(r.input).toBe("communes");
    expect(r.what).toEqual({ vi: "Danh sách xã", en: "Communes" });
    expect(r.sheet).toBe("Xã");
    expect(r.headerRows).toEqual([1, 1]);
    expect(r.used.count + r.skipped.length).toBe(grid.rows.length - 1);
    expect(r.columns.map((c) => [c.col, c.role])).toEqual([
      ["B", "name"],
      ["C", "district"],
      ...N19.map((n) => [String.fromCharCode(67 + n), "marks"]),
      ["W", "count"],
    ]);
  });

  it("gives the same reading when the same grid is read twice", () => {
    const grid = provinceGrid({ districtRows: "figures" });
    const first = readCommunes(grid, { catalogue: CAT }).reading;
    const second = readCommunes(grid, { catalogue: CAT }).reading;
    expect(second).toEqual(first);
    expect(second.checks).toHaveLength(DISTRICTS.length + 1);
  });
});
