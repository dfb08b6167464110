import { MemoryWorkbook } from "../../src/workbook/adapters/memory";
import type { Grid } from "../../src/workbook/grid";
import type { TableReading } from "../../src/workbook/reading/types";
import {
  columnAddress,
  parseRowRanges,
  previewTable,
  readingSections,
  rowsAddress,
  MAX_AREAS,
  type ReadingItem,
  type ReadingSection,
} from "../../src/taskpane/reading-view";
import { countJob } from "./count-job";

/**
 * A commune sheet as a district office keeps it: a title, the header on row 3, a column-number row, a district row,
 * communes, a total row that disagrees with the communes (15 + 17 + 19 + 16 = 67, stated 66) and a signature.
 */
const ROWS = [
  ["Tình hình đạt tiêu chí NTM đến cuối năm 2023", null, null, null],
  [null, null, null, null],
  ["TT", "Tên xã", "Số tiêu chí đạt", "Ghi chú"],
  [1, 2, 3, 4],
  [null, "Huyện Kế Sách", null, null],
  [1, "Xuân Hòa", 15, null],
  [2, "Phong Nẫm", 17, "mới"],
  [null, "Huyện Trần Đề", null, null],
  [3, "Tài Văn", 19, null],
  [4, "Thạnh Thới An", 16, null],
  [null, "Tổng cộng", 66, null],
  [null, null, null, null],
  ["Người lập biểu", null, null, null],
];

async function readingOf(rows: unknown[][] = ROWS): Promise<{ reading: TableReading; grid: Grid }> {
  const workbook = new MemoryWorkbook({ Xã: rows as Grid["rows"] });
  const result = await countJob.run({
    inputs: { communes: { workbook, sheet: "Xã" } },
    options: { target: 19 },
  });
  expect(result.reading).toHaveLength(1);
  return { reading: result.reading![0], grid: await workbook.readSheet("Xã") };
}

function item(section: ReadingSection, key: string): ReadingItem {
  const found = section.groups.flatMap((g) => g.items).find((i) => i.key === key);
  if (!found) throw new Error(`no item ${key}`);
  return found;
}

describe("the reading panel's items", () => {
  it("lists the header, the communes used and each kind of skipped row with its sheet rows and labels", async () => {
    const { reading } = await readingOf();
    const [section] = readingSections([reading]);
    expect(section.title).toEqual({ vi: "Danh sách xã", en: "Commune list" });
    expect(section.summary).toEqual({ vi: "Trang 'Xã': 4 xã", en: "Sheet 'Xã': 4 communes" });
    expect(item(section, "header").target).toMatchObject({ address: "3:3", rows: [3] });
    const used = item(section, "used");
    expect(used.text.vi).toBe("Đã dùng 4 xã: dòng 6-7, 9-10");
    expect(used.text.en).toBe("Used 4 communes: rows 6-7, 9-10");
    expect(used.target).toMatchObject({ sheet: "Xã", address: "6:7, 9:10", rows: [6, 7, 9, 10] });
    const districts = item(section, "skipped-district");
    expect(districts.text.vi).toBe("Bỏ qua 2 dòng huyện: dòng 5, 8");
    expect(districts.detail!.vi).toContain("“Huyện Kế Sách”, “Huyện Trần Đề”");
    expect(districts.target!.address).toBe("5:5, 8:8");
    expect(item(section, "skipped-total").target!.rows).toEqual([11]);
    expect(item(section, "skipped-column-numbers").target!.rows).toEqual([4]);
    expect(item(section, "skipped-note").detail!.en).toContain("“Người lập biểu”");
  });

  it("lists each column with its role, a column set aside with why, and selects the column over the data rows", async () => {
    const { reading } = await readingOf();
    const [section] = readingSections([reading]);
    const count = item(section, "column-C");
    expect(count.text).toEqual({ vi: "Cột C · Số tiêu chí đạt", en: "Column C · Số tiêu chí đạt" });
    expect(count.detail).toEqual({ vi: "số tiêu chí đạt", en: "criteria met (count)" });
    expect(count.target).toMatchObject({ address: "C6:C10", rows: [6, 7, 9, 10], cols: ["C"] });
    const note = item(section, "column-D");
    expect(note.detail!.vi).toContain("không dùng");
    expect(note.detail!.en).toContain("not needed by this task");
  });

  it("shows a failed cross-check as a warning that selects its cell, and counts the checks that agree", async () => {
    const { reading } = await readingOf();
    const [section] = readingSections([reading]);
    expect(section.attention).toBe(true);
    const check = item(section, "check-0");
    expect(check.warning).toBe(true);
    expect(check.text.vi).toBe("Tổng cộng ô C11: 66, cộng các xã 67");
    expect(check.target).toMatchObject({ address: "C11", rows: [11], cols: ["C"] });

    const agreeing = ROWS.map((r) => (r[1] === "Tổng cộng" ? [null, "Tổng cộng", 67, null] : r));
    const [fine] = readingSections([(await readingOf(agreeing)).reading]);
    expect(fine.attention).toBe(false);
    const checks = fine.groups.find((g) => g.key === "checks")!;
    expect(checks.items).toEqual([]);
    expect(checks.notes).toEqual([{ vi: "1 phép kiểm tra khớp", en: "1 checks agree" }]);
  });

  it("says how many hidden rows were counted, names a hidden column used and an assumed unit", () => {
    const reading: TableReading = {
      input: "budget",
      what: { vi: "nguồn vốn", en: "funding" },
      sheet: "Nguồn vốn",
      headerRows: [4, 5],
      columns: [
        { col: "A", header: "Nội dung", role: "label", used: true },
        {
          col: "C",
          header: "Năm 2023",
          role: "amount",
          used: true,
          hidden: true,
          unit: { vi: "tỷ đồng", en: "billion VND", millions: 1000, cell: "C5" },
        },
      ],
      used: { count: 3, rows: "6-8", role: "line" },
      skipped: [],
      hidden: {
        rows: 2,
        columns: [
          {
            col: "C",
            header: "Năm 2023",
            used: true,
            why: { vi: "cột ẩn duy nhất", en: "only one" },
          },
          { col: "E", header: "Dự thảo", used: false, why: { vi: "bản nháp", en: "a draft" } },
        ],
      },
      checks: [],
      unit: { vi: "triệu đồng", en: "million VND", millions: 1, assumed: true },
    };
    const [section] = readingSections([reading]);
    expect(section.summary.en).toBe("Sheet 'Nguồn vốn': 3 lines");
    expect(section.groups[0].notes[0].vi).toMatch(/^2 dòng ẩn hoặc bị lọc vẫn được tính/);
    expect(item(section, "column-C").detail!.vi).toBe("số tiền; tỷ đồng; cột ẩn");
    expect(item(section, "column-C").warning).toBe(true);
    // E is not among the columns read: listed once, from the hidden parts.
    expect(item(section, "hidden-E").detail!.en).toBe("hidden column, not used; a draft");
    expect(item(section, "unit").text.vi).toBe(
      "Đơn vị tính: triệu đồng (giả định: không ô nào ghi đơn vị)"
    );
    expect(item(section, "unit").warning).toBe(true);
    expect(item(section, "unit").target).toBeUndefined();
    expect(section.attention).toBe(true);
  });
});

describe("ranges of the reading", () => {
  it("reads compact row ranges back and writes them as whole-row areas", () => {
    expect(parseRowRanges("6-8, 10, 12-13")).toEqual([6, 7, 8, 10, 12, 13]);
    expect(rowsAddress([12, 6, 7, 8, 10])).toBe("6:8, 10:10, 12:12");
    expect(columnAddress("C", [9, 6, 7])).toBe("C6:C9");
    expect(columnAddress("C", [7])).toBe("C7");
  });

  it("gives Excel at most MAX_AREAS areas for a scatter of rows", () => {
    const scattered = Array.from({ length: 100 }, (_, i) => 10 + 2 * i);
    expect(rowsAddress(scattered).split(", ")).toHaveLength(MAX_AREAS);
    expect(rowsAddress(scattered).startsWith("10:10, 12:12")).toBe(true);
  });
});

describe("the read-only preview of an item's rows", () => {
  it("shows the skipped rows as typed, each with its sheet row number, and the columns the reading names, used first", async () => {
    const { reading, grid } = await readingOf();
    const [section] = readingSections([reading]);
    const table = previewTable(grid, reading, item(section, "skipped-district").target!, "vi");
    expect(table.columns.map((c) => c.header)).toEqual([
      "Dòng",
      "C: Số tiêu chí đạt",
      "A: TT",
      "D: Ghi chú",
    ]);
    expect(table.rows).toEqual([
      ["5. Huyện Kế Sách", null, null, null],
      ["8. Huyện Trần Đề", null, null, null],
    ]);
    const communes = previewTable(grid, reading, item(section, "used").target!, "vi");
    expect(communes.rows[1]).toEqual(["7. Phong Nẫm", 17, 2, "mới"]);
    expect(table.title).toBe("Xem trước (chỉ đọc): trang 'Xã', dòng 5, 8");
  });

  it("shows one column's values beside each commune's name for a column item, in English too", async () => {
    const { reading, grid } = await readingOf();
    const [section] = readingSections([reading]);
    const table = previewTable(grid, reading, item(section, "column-C").target!, "en");
    expect(table.columns.map((c) => c.header)).toEqual(["Row", "C: Số tiêu chí đạt"]);
    expect(table.rows).toEqual([
      ["6. Xuân Hòa", 15],
      ["7. Phong Nẫm", 17],
      ["9. Tài Văn", 19],
      ["10. Thạnh Thới An", 16],
    ]);
    expect(table.title).toBe("Preview (read-only): sheet 'Xã', column C");
  });

  it("places the rows right on a sheet whose used range starts below and right of A1", async () => {
    const { reading } = await readingOf();
    // The same table read from a grid that starts at B3 (origin row 2, column 1): sheet rows and letters shift.
    const shifted: Grid = {
      sheet: "Xã",
      origin: { row: 2, col: 1 },
      rows: [
        ["TT", "Tên xã", "Số tiêu chí đạt"],
        [1, "Xuân Hòa", 15],
      ],
    };
    const moved: TableReading = {
      ...reading,
      headerRows: [3, 3],
      columns: [
        { col: "C", header: "Tên xã", role: "name", used: true },
        { col: "D", header: "Số tiêu chí đạt", role: "count", used: true },
      ],
    };
    const table = previewTable(
      shifted,
      moved,
      {
        sheet: "Xã",
        address: "4:4",
        rows: [4],
        what: { vi: "dòng 4", en: "row 4" },
      },
      "vi"
    );
    expect(table.rows).toEqual([["4. Xuân Hòa", 15]]);
  });
});
