// Criterion numbers as a second header row (issue #21, class 3): a caption such as "Kết quả thực hiện các tiêu chí"
// merged over a row of bare numbers 1 … 19 (or 1 … 10) names one mark column per criterion; a column-number row
// numbers every column, the name column included, and names none.

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CATALOGUE_2021_2025, CATALOGUE_2026_2030 } from "../../../src/engine/catalogues";
import { InputError } from "../../../src/engine/errors";
import { parseCsv } from "../../../src/workbook/adapters/exceljs";
import {
  a1,
  gridFromRows,
  type CellValue,
  type Grid,
  type MergedRange,
} from "../../../src/workbook/grid";
import { criterionNumberRow, isColumnNumberRow } from "../../../src/workbook/layout/header";
import { readCommunes } from "../../../src/workbook/readers/communes";

const CAT = CATALOGUE_2021_2025;
const N19 = Array.from({ length: 19 }, (_, i) => i + 1);

/** The 10 communes of appendix II: name, district, criteria met. */
const APPENDIX = parseCsv(
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

/** Communes per criterion, from the inputs. */
const perCriterion = (n: number) => APPENDIX.filter((c) => c.met.includes(n)).length;

interface Layout {
  caption?: string;
  merges?: boolean;
  numbersAsText?: boolean;
  /** A column-number row "(1) … (23)" under the criterion numbers. */
  colnum?: boolean;
  /** The count typed per commune (default: the true count). */
  stated?: (i: number, met: number[]) => CellValue;
  mark?: CellValue;
}

/**
 * Title, then "STT | Tên xã | Huyện | <caption> merged over D:V | Số tiêu chí đạt" over a row of 1 … 19, marks per
 * commune. Columns: A STT, B name, C district, D…V criteria 1…19, W count.
 */
function captionGrid(layout: Layout = {}): Grid {
  const { caption = "Kết quả thực hiện các tiêu chí", mark = "x" } = layout;
  const width = 23;
  const blank = (n: number) => Array<CellValue>(n).fill(null);
  const rows: CellValue[][] = [
    ["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI", ...blank(width - 1)],
    ["STT", "Tên xã", "Huyện", caption, ...blank(18), "Số tiêu chí đạt"],
    [null, null, null, ...N19.map((n) => (layout.numbersAsText ? String(n) : n)), null],
  ];
  if (layout.colnum) rows.push(Array.from({ length: width }, (_, c) => `(${c + 1})`));
  APPENDIX.forEach((c, i) => {
    rows.push([
      i + 1,
      c.name,
      c.district,
      ...N19.map((n) => (c.met.includes(n) ? mark : null)),
      layout.stated ? layout.stated(i, c.met) : c.met.length,
    ]);
  });
  const grid = gridFromRows("Bộ tiêu chí", rows);
  if (layout.merges !== false) {
    const m = (top: number, left: number, bottom: number, right: number): MergedRange => ({
      top,
      left,
      bottom,
      right,
    });
    grid.merges = [
      m(0, 0, 0, 22),
      m(1, 0, 2, 0),
      m(1, 1, 2, 1),
      m(1, 2, 2, 2),
      m(1, 3, 1, 21),
      m(1, 22, 2, 22),
    ];
  }
  return grid;
}

function expectAppendixMarks(grid: Grid): ReturnType<typeof readCommunes> {
  const read = readCommunes(grid, { catalogue: CAT });
  expect(read.shape).toBe("marks");
  expect(read.communes.map((c) => c.name)).toEqual(APPENDIX.map((c) => c.name));
  expect(read.communes.map((c) => c.achieved)).toEqual(APPENDIX.map((c) => c.met));
  for (const n of N19) {
    expect(read.communes.filter((c) => c.achieved?.includes(n)).length).toBe(perCriterion(n));
  }
  return read;
}

describe("criterion numbers under a caption are mark columns", () => {
  it("reads 1 … 19 under a merged 'Kết quả thực hiện các tiêu chí' as the marks of criteria 1 … 19", () => {
    const read = expectAppendixMarks(captionGrid());
    expect(read.warnings).toEqual([]);
    const marks = read.reading.columns.filter((c) => c.role === "marks");
    expect(marks.map((c) => c.criterion)).toEqual(N19.map(String));
    expect(marks.map((c) => c.col)).toEqual(N19.map((n) => a1(0, 2 + n).replace(/\d+$/, "")));
    expect(read.reading.headerRows).toEqual([2, 3]);
    expect(read.reading.skipped).toEqual([]);
  });

  it("reads them without merge information (the caption in its first cell only) and as text", () => {
    expectAppendixMarks(captionGrid({ merges: false }));
    expectAppendixMarks(captionGrid({ numbersAsText: true, mark: "X" }));
  });

  it.each(["Tiêu chí đạt", "Các tiêu chí", "TC đạt chuẩn"])(
    "reads them under the caption '%s' ('Tiêu chí đạt' alone would name a list column)",
    (caption) => {
      expectAppendixMarks(captionGrid({ caption }));
    }
  );

  it("uses the marks where the count column disagrees, naming the count cell, and records the check", () => {
    // The first commune states 19 (all met) though its marks show 16; the others agree.
    const read = expectAppendixMarks(
      captionGrid({ stated: (i, met) => (i === 0 ? 19 : met.length) })
    );
    expect(read.communes[0].count).toBe(APPENDIX[0].met.length);
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings[0].cell).toBe("W4");
    expect(read.warnings[0].vi).toContain(
      `ghi 19 tiêu chí đạt nhưng các cột TC có ${APPENDIX[0].met.length}`
    );
    const checks = read.reading.checks.filter((c) => c.kind === "count-vs-marks");
    expect(checks.filter((c) => !c.ok).map((c) => c.cell)).toEqual(["W4"]);
    expect(checks.find((c) => c.ok)?.vi).toContain(`${APPENDIX.length - 1} xã`);
    expect(read.reading.columns.find((c) => c.col === "W")?.role).toBe("count");
  });

  it("skips a column-number row under the criterion numbers", () => {
    const read = expectAppendixMarks(captionGrid({ colnum: true }));
    expect(read.reading.skipped.map((s) => [s.row, s.role])).toEqual([[4, "column-numbers"]]);
    expect(read.communes[0].source?.cell).toBe("B5");
  });

  it("reads 1 … 10 as the ten criteria of 2026-2030, with the commune group", () => {
    const groups = [1, 2, 3, 1];
    const met = [[1, 2, 3], N19.slice(0, 10), [], [10]];
    const grid = gridFromRows("2026", [
      [
        "STT",
        "Tên xã",
        "Nhóm xã",
        "Các tiêu chí đạt chuẩn",
        ...Array(9).fill(null),
        "Số tiêu chí đạt",
      ],
      [null, null, null, ...N19.slice(0, 10), null],
      ...met.map((m, i) => [
        i + 1,
        `Xã ${i + 1}`,
        groups[i],
        ...N19.slice(0, 10).map((n) => (m.includes(n) ? "đạt" : null)),
        m.length,
      ]),
    ]);
    const read = readCommunes(grid, { catalogue: CATALOGUE_2026_2030 });
    expect(read.shape).toBe("marks");
    expect(read.communes.map((c) => c.achieved)).toEqual(met);
    expect(read.communes.map((c) => c.group)).toEqual(groups);
  });

  it("refuses numbers beyond the set's criteria, naming the header cell", () => {
    const grid = gridFromRows("2026", [
      ["Tên xã", "Nhóm xã", "Kết quả thực hiện các tiêu chí", ...Array(18).fill(null)],
      [null, null, ...N19],
      ["Xã A", 1, ...N19.map(() => "x")],
    ]);
    try {
      readCommunes(grid, { catalogue: CATALOGUE_2026_2030 });
      throw new Error("read");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).details.cell).toBe("M2"); // criterion 11
    }
  });
});

describe("a column-number row is not a row of criterion numbers", () => {
  it("reads 1, 2, 3 … across every column, the name column included, as column numbers", () => {
    const grid = gridFromRows("S", [
      ["STT", "Tên xã", "Huyện", ...N19.map((n) => `TC${n}`), "Số tiêu chí đạt"],
      Array.from({ length: 23 }, (_, c) => c + 1),
      ...APPENDIX.map((c, i) => [
        i + 1,
        c.name,
        c.district,
        ...N19.map((n) => (c.met.includes(n) ? "x" : null)),
        c.met.length,
      ]),
    ]);
    const read = expectAppendixMarks(grid);
    expect(read.reading.headerRows).toEqual([1, 1]);
    expect(read.reading.skipped.map((s) => [s.row, s.role])).toEqual([[2, "column-numbers"]]);
  });

  it("under a caption, a row numbering every column stays a column-number row: the count is read", () => {
    const grid = captionGrid();
    grid.rows[2] = Array.from({ length: 23 }, (_, c) => c + 1);
    const read = readCommunes(grid, { catalogue: CAT });
    expect(read.shape).toBe("count");
    expect(read.communes.map((c) => c.count)).toEqual(APPENDIX.map((c) => c.met.length));
    expect(read.reading.skipped.map((s) => [s.row, s.role])).toEqual([[3, "column-numbers"]]);
  });

  it("tells the two apart row by row", () => {
    const grid = captionGrid();
    expect(criterionNumberRow(grid, 2, [1])?.map((c) => c.n)).toEqual(N19);
    expect(isColumnNumberRow(grid.rows[2])).toBe(true); // why the old reading skipped it
    const numbered = Array.from({ length: 23 }, (_, c) => c + 1);
    grid.rows[2] = numbered;
    expect(criterionNumberRow(grid, 2, [1])).toBeNull();
    // Numbers under a caption that names no criteria ("Năm") are not criteria either.
    const months = captionGrid({ caption: "Tháng" });
    expect(criterionNumberRow(months, 2, [1])).toBeNull();
    // Numbers out of order are not criterion numbers.
    const shuffled = captionGrid();
    shuffled.rows[2][5] = 7;
    expect(criterionNumberRow(shuffled, 2, [1])).toBeNull();
  });
});
