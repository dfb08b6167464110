// Hidden data is never used silently (issue #21, class 2): a hidden column is set aside where a visible one plays
// the same role, used with a warning where it is the only one; hidden (filtered-out) rows are data and counted; a
// hidden sheet is read only when named. Built in memory here; the same layouts as real .xlsx files are in
// test/cli/hidden-and-formulas.test.ts.

import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import type { CellValue } from "../../../src/workbook/grid";
import { fundingJob } from "../../../src/workbook/jobs/funding";
import { summaryJob } from "../../../src/workbook/jobs/summary";
import { tryLocateTable } from "../../../src/workbook/readers/table";
import { tableReading } from "../../../src/workbook/reading/record";

// name, district, criteria met now, a year ago
const COMMUNES: [string, string, number, number][] = [
  ["Thanh Thới An", "Trần Đề", 16, 14],
  ["Tài Văn", "Trần Đề", 17, 15],
  ["Xuân Hòa", "Kế Sách", 19, 15],
  ["Thới An Hội", "Kế Sách", 15, 12],
];
const now = COMMUNES.map((c) => c[2]);
const average = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

async function summary(wb: MemoryWorkbook) {
  return summaryJob.run({ inputs: { communes: { workbook: wb } }, options: {} });
}

describe("hidden columns", () => {
  it("reads the visible count, not last year's count in a hidden column beside it, and names the hidden one", async () => {
    const wb = new MemoryWorkbook({
      Xa: [
        ["Tên xã", "Huyện", "Số tiêu chí đạt", "Số tiêu chí đạt"],
        ...COMMUNES.map(([n, d, cur, before]) => [n, d, before, cur]),
      ],
    });
    wb.hideColumns("Xa", [2]);
    const result = await summary(wb);
    expect(result.json.averageCriteria).toBeCloseTo(average(now), 9);
    expect(result.json.standard).toBe(now.filter((n) => n === 19).length);
    const notes = result.warnings.filter((w) => /C \(/.test(w.en));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ sheet: "Xa", cell: "C1" });
    expect(notes[0].en).toContain("not used");
    expect(notes[0].en).toContain('D ("Số tiêu chí đạt")');
    expect(notes[0].vi).toContain("không được dùng");
  });

  it("without the hidden flag the same sheet reads the first column (the test can fail)", async () => {
    const wb = new MemoryWorkbook({
      Xa: [
        ["Tên xã", "Huyện", "Số tiêu chí đạt", "Số tiêu chí đạt"],
        ...COMMUNES.map(([n, d, cur, before]) => [n, d, before, cur]),
      ],
    });
    const result = await summary(wb);
    expect(result.json.averageCriteria).toBeCloseTo(average(COMMUNES.map((c) => c[3])), 9);
  });

  it("uses the only count column though it is hidden, with a warning naming sheet, column and header", async () => {
    const wb = new MemoryWorkbook({
      Xa: [
        ["Danh sách xã"],
        ["Tên xã", "Huyện", "Số tiêu chí đạt", "Ghi chú"],
        ...COMMUNES.map(([n, d, cur]) => [n, d, cur, null]),
      ],
    });
    wb.hideColumns("Xa", [2]);
    const result = await summary(wb);
    expect(result.json.averageCriteria).toBeCloseTo(average(now), 9);
    const notes = result.warnings.filter((w) => w.cell === "C2");
    expect(notes).toHaveLength(1);
    expect(notes[0].en).toMatch(/Column C \("Số tiêu chí đạt"\) on sheet 'Xa' is hidden/);
    expect(notes[0].vi).toMatch(/Cột C \("Số tiêu chí đạt"\) trên trang 'Xa' đang bị ẩn/);
  });

  it("sets aside a hidden first draft of the plan beside the visible plan in a funding report", async () => {
    const lines: [string, string, number, number, number][] = [
      ["I", "NGÂN SÁCH TRUNG ƯƠNG", 223534, 200334, 150000],
      ["II", "NGÂN SÁCH ĐỊA PHƯƠNG", 54351, 210713, 120000],
    ];
    const wb = new MemoryWorkbook({
      "Nguồn vốn": [
        [
          "STT",
          "Nội dung",
          "Thực hiện năm 2023",
          "Kế hoạch năm 2024 (dự thảo)",
          "Kế hoạch năm 2024",
        ],
        ...lines.map(([m, l, done, plan, draft]) => [m, l, done, draft, plan]),
      ],
    });
    wb.hideColumns("Nguồn vốn", [3]);
    const result = await fundingJob.run({ inputs: { budget: { workbook: wb } }, options: {} });
    const totals = (result.json.columns as { total: number }[]).map((c) => c.total);
    expect(totals).toEqual([223534 + 54351, 200334 + 210713]);
    const note = result.warnings.find((w) => w.cell === "D1");
    expect(note?.en).toContain('Hidden column D ("Kế hoạch năm 2024 (dự thảo)")');
    expect(note?.en).toContain('E ("Kế hoạch năm 2024")');
  });

  it("sets aside last year's figures in a hidden column beside this year's, though headed in fewer words", async () => {
    const wb = new MemoryWorkbook({
      "Nguồn vốn": [
        ["STT", "Nội dung", "Kết quả huy động năm 2023", "Kế hoạch năm 2024", "Kết quả năm 2022"],
        ["I", "NGÂN SÁCH TRUNG ƯƠNG", 223534, 200334, 180000],
        ["II", "NGÂN SÁCH ĐỊA PHƯƠNG", 54351, 210713, 40000],
      ],
    });
    wb.hideColumns("Nguồn vốn", [4]);
    const result = await fundingJob.run({ inputs: { budget: { workbook: wb } }, options: {} });
    const totals = (result.json.columns as { total: number }[]).map((c) => c.total);
    expect(totals).toEqual([223534 + 54351, 200334 + 210713]);
    expect(result.warnings.find((w) => w.cell === "E1")?.en).toContain("was not used");
  });

  it("records each hidden column in the table's reading with what was done with it", () => {
    const grid = {
      sheet: "Xa",
      rows: [
        ["Tên xã", "Số tiêu chí đạt", "Số tiêu chí đạt", "Mã xã"],
        ["A", 17, 15, "X01"],
      ] as CellValue[][],
      origin: { row: 0, col: 0 },
      hiddenCols: [2, 3],
    };
    const table = tryLocateTable(grid, [
      { key: "code", aliases: ["Mã xã"] },
      { key: "count", aliases: ["Số tiêu chí đạt"] },
      { key: "name", aliases: ["Tên xã"], required: true },
    ])!;
    expect(table.columns).toEqual({ name: 0, count: 1, code: 3 });
    const reading = tableReading(table, "communes", { vi: "xã", en: "communes" });
    expect(reading.hidden.columns).toEqual([
      expect.objectContaining({ col: "C", used: false }),
      expect.objectContaining({ col: "D", used: true }),
    ]);
    expect(reading.hidden.columns[0].why.en).toContain("B");
  });
});

describe("hidden rows", () => {
  it("counts every commune of a filtered table, and the reading says how many rows were hidden", async () => {
    const wb = new MemoryWorkbook({
      Xa: [["Tên xã", "Huyện", "Số tiêu chí đạt"], ...COMMUNES.map(([n, d, cur]) => [n, d, cur])],
    });
    // A filter showing Kế Sách only: the Trần Đề rows (sheet rows 2 and 3) are hidden.
    wb.hideRows("Xa", [1, 2]);
    const result = await summary(wb);
    expect(result.json.communes).toBe(COMMUNES.length);
    expect(result.json.averageCriteria).toBeCloseTo(average(now), 9);

    const grid = await wb.readSheet("Xa");
    expect(grid.hiddenRows).toEqual([1, 2]);
    const table = tryLocateTable(grid, [
      { key: "count", aliases: ["Số tiêu chí đạt"] },
      { key: "name", aliases: ["Tên xã"], required: true },
    ])!;
    const reading = tableReading(table, "communes", { vi: "xã", en: "communes" });
    expect(reading.used.count).toBe(COMMUNES.length);
    expect(reading.hidden.rows).toBe(2);
  });
});

describe("hidden sheets", () => {
  it("are not read unless named", async () => {
    const rows = (counts: number[]) => [
      ["Tên xã", "Số tiêu chí đạt"],
      ...COMMUNES.map(([n], i) => [n, counts[i]]),
    ];
    const wb = new MemoryWorkbook({
      "Xã 2024": rows(COMMUNES.map((c) => c[3])),
      "Xã 2025": rows(now),
    });
    wb.hideSheet("Xã 2024");
    const found = await summary(wb);
    expect(found.json.sheet).toBe("Xã 2025");
    expect(found.json.averageCriteria).toBeCloseTo(average(now), 9);
    const named = await summaryJob.run({
      inputs: { communes: { workbook: wb, sheet: "Xã 2024" } },
      options: {},
    });
    expect(named.json.sheet).toBe("Xã 2024");
    expect(named.json.averageCriteria).toBeCloseTo(average(COMMUNES.map((c) => c[3])), 9);
  });
});
