import { readFileSync } from "node:fs";
import * as path from "node:path";
import { InputError } from "../../../src/engine/errors";
import type { CellValue } from "../../../src/workbook/grid";
import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import { JOBS } from "../../../src/workbook/jobs";
import { targetsJob } from "../../../src/workbook/jobs/targets";

function socTrangRows(): CellValue[][] {
  const file = path.join(__dirname, "../../fixtures/examples/soc-trang-2023-communes.csv");
  return readFileSync(file, "utf8")
    .trim()
    .split(/\r?\n/)
    .map((line) => (line.match(/("[^"]*"|[^,]+)/g) ?? []).map((v) => v.replace(/"/g, "")))
    .map((row, i) => (i === 0 ? row : row.map((v, c) => (c === 0 || c === 3 ? Number(v) : v))));
}

describe("the targets job", () => {
  it("is registered", () => {
    expect(JOBS.map((j) => j.id)).toContain("targets");
  });

  it("writes appendix II and a summary for the Sóc Trăng sample (cost 1 each, cap 3, budget 16)", async () => {
    const book = new MemoryWorkbook({ Xa: socTrangRows() });
    const result = await targetsJob.run({
      inputs: { communes: { workbook: book } },
      options: { budget: 16, "max-per-commune": 3, method: "optimal", year: 2024 },
    });
    expect(result.json).toMatchObject({
      method: "optimal",
      optimal: true,
      newlyStandard: 5,
      criteriaGained: 16,
      cost: 16,
    });
    const [sheet] = result.sheets;
    expect(sheet.sheet).toBe("KQ_ChiTieu");
    const [table, summary] = sheet.tables;
    expect(table.columns.map((c) => c.header)).toEqual([
      "TT",
      "Tên xã",
      "Huyện",
      "Số tiêu chí đạt",
      "Tên tiêu chí đạt",
      "Số TC phấn đấu",
      "Tiêu chí phấn đấu đạt",
      "Lũy kế",
      "Chi phí (tiêu chí)", // no costs table: each criterion costs 1, so the budget counts criteria
    ]);
    expect(table.rows[0]).toEqual([
      1,
      "Thanh Thới An",
      "Trần Đề",
      16,
      "1,2,3,4,5,7,8,9,12,13,14,15,16,17,18,19",
      3,
      "6,10,11",
      19,
      3,
    ]);
    expect(table.rows).toHaveLength(10);
    expect(summary.rows.find((r) => String(r[0]).startsWith("Số xã đạt chuẩn mới"))![1]).toBe(5);
    expect(
      summary.rows.find((r) => String(r[0]).startsWith("Bình quân tiêu chí/xã dự kiến"))![1]
    ).toBe(17.6);
  });

  it("reads costs from another sheet and plans within them", async () => {
    const book = new MemoryWorkbook({
      Xa: socTrangRows(),
      ChiPhi: [
        ["Tên xã", "Tiêu chí", "Chi phí (triệu đồng)"],
        [null, 2, 5000],
        [null, 5, 8000],
        [null, 6, 3000],
        [null, 10, 500],
        [null, 11, 700],
        [null, 17, 2000],
        ["Mỹ Phước", 10, 100],
      ],
    });
    const result = await targetsJob.run({
      inputs: { communes: { workbook: book }, costs: { workbook: book } },
      options: { budget: "2000", "max-per-commune": 2, method: "greedy" },
    });
    const json = result.json as { communes: { name: string; targets: number[] }[]; cost: number };
    expect(json.cost).toBeLessThanOrEqual(2000);
    expect(json.communes.find((c) => c.name === "Mỹ Phước")!.targets).toEqual([10]);
    expect(json.communes.find((c) => c.name === "Tài Văn")!.targets).toEqual([10, 11]);
  });

  it("rejects bad options with an input error", async () => {
    const book = new MemoryWorkbook({ Xa: socTrangRows() });
    await expect(
      targetsJob.run({
        inputs: { communes: { workbook: book } },
        options: { "max-per-commune": "1.5" },
      })
    ).rejects.toThrow(InputError);
    await expect(
      targetsJob.run({ inputs: { communes: { workbook: book } }, options: { method: "best" } })
    ).rejects.toThrow(InputError);
  });
});
