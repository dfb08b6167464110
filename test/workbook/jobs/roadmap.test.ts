import { promises as fs } from "node:fs";
import * as path from "node:path";
import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import type { CellValue } from "../../../src/workbook/grid";
import { createRoadmapJob } from "../../../src/workbook/jobs/roadmap";
import { readCommuneCounts } from "./communes-reader-for-tests";

/** The ten communes of appendix II (real fixture) and 70 communes at the standard. */
async function socTrangRows(): Promise<CellValue[][]> {
  const csv = await fs.readFile(
    path.join(__dirname, "../../fixtures/examples/soc-trang-2023-communes.csv"),
    "utf8"
  );
  const rows: CellValue[][] = [["Tên xã", "Số tiêu chí đạt"]];
  for (const line of csv.trim().split("\n").slice(1)) {
    const [, name, , count] = line.split(",");
    rows.push([name, Number(count)]);
  }
  for (let i = 1; i <= 70; i++) rows.push([`Xã đạt chuẩn ${i}`, 19]);
  return rows;
}

const job = createRoadmapJob(readCommuneCounts);

describe("roadmap job", () => {
  it("projects Sóc Trăng to 2025 and reads the period targets sheet", async () => {
    const book = new MemoryWorkbook({
      "Danh sách xã": await socTrangRows(),
      "Chỉ tiêu giai đoạn": [
        ["Chỉ tiêu giai đoạn 2021-2025 (Nghị quyết tỉnh)"],
        ["Chỉ tiêu", "Mục tiêu", "Hiện trạng", "Tăng mỗi năm"],
        ["Số xã đạt chuẩn nông thôn mới", 72, 70, null],
        ["Số xã đạt chuẩn nông thôn mới nâng cao", 24, 20, 2],
        ["Số xã đạt chuẩn nông thôn mới kiểu mẫu", 8, 2, null],
      ],
    });
    const result = await job.run({
      inputs: { communes: { workbook: book } },
      options: { budget: 16, to: 2025, from: 2024 },
    });
    const years = result.json.years as { year: number; standard: number; cost: number }[];
    expect(years.map((y) => [y.year, y.standard, y.cost])).toEqual([
      [2024, 74, 13],
      [2025, 75, 12],
    ]);
    const targets = result.json.targets as {
      name: string;
      reachable: boolean | null;
      year: number | null;
    }[];
    expect(targets.map((t) => [t.name, t.reachable, t.year])).toEqual([
      ["standard", true, 2024],
      ["advanced", true, 2025],
      ["model", null, null],
    ]);
    const sheet = result.sheets[0];
    expect(sheet.sheet).toBe("KQ_LoTrinh");
    expect(sheet.tables[0].columns.slice(0, 5).map((c) => c.header)).toEqual([
      "Năm",
      "Số xã đạt chuẩn",
      "Số tiêu chí bình quân/xã",
      "Số xã dưới 15 tiêu chí",
      "Kinh phí (tiêu chí)",
    ]);
    expect(sheet.tables[0].rows[0].slice(0, 4)).toEqual([2023, 70, 18.625, 0]);
    expect(sheet.tables[1].rows.map((r) => r[3])).toEqual([
      "Đạt (met)",
      "Đạt (met)",
      "Chưa dự kiến (not projected)",
    ]);
    expect(await book.writeResults(result.sheets)).toEqual(["KQ_LoTrinh", "KQ_GiaDinh"]);
  });

  it("lets options override the sheet's targets", async () => {
    const book = new MemoryWorkbook({ Xa: await socTrangRows() });
    const result = await job.run({
      inputs: { communes: { workbook: book } },
      options: { budget: "16", to: "2025", from: "2024", "target-standard": "80" },
    });
    expect(result.json.targets).toMatchObject([
      { name: "standard", projected: 75, reachable: false, shortfall: 5 },
    ]);
    expect(result.text).toContain("không đạt đến năm 2025");
  });

  it("names the cell of an unknown target", async () => {
    const book = new MemoryWorkbook({
      Xa: await socTrangRows(),
      "Chỉ tiêu giai đoạn": [
        ["Chỉ tiêu", "Mục tiêu"],
        ["Số hộ nghèo", 3],
      ],
    });
    await expect(
      job.run({
        inputs: { communes: { workbook: book } },
        options: { budget: 16, to: 2025, from: 2024 },
      })
    ).rejects.toMatchObject({ sheet: "Chỉ tiêu giai đoạn", cell: "A2" });
  });

  it("refuses an end year before the first year", async () => {
    const book = new MemoryWorkbook({ Xa: await socTrangRows() });
    await expect(
      job.run({
        inputs: { communes: { workbook: book } },
        options: { budget: 16, to: 2023, from: 2024 },
      })
    ).rejects.toThrow(/end year/);
  });
});
