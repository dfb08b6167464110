import * as path from "node:path";
import { main } from "../../src/cli/main";

const FIXTURES = path.join(__dirname, "..", "fixtures", "allocation");

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, out: out.join("\n"), err };
}

describe("ntm-plan allocate", () => {
  it("prints one JSON object whose amounts add up to the envelope", async () => {
    const file = path.join(FIXTURES, "districts.csv");
    const { code, out } = await run([
      "allocate",
      file,
      "--total",
      "1000",
      "--unit",
      "10",
      "--json",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.total).toBe(1000);
    // 375/250/250/125 to tens: floors 370, 250, 250, 120 = 990; the remainders .5 (first) and .5 (last) tie → first.
    expect(json.allocations.map((a: { amount: number }) => a.amount)).toEqual([380, 250, 250, 120]);
    expect(json.allocations[0]).toMatchObject({ unit: "Huyện Kế Sách", coefficient: 1.5 });
  });

  it("exits 2 with one line naming the file, sheet and cell of a bad coefficient", async () => {
    const file = path.join(FIXTURES, "bad-ref.csv");
    const { code, err } = await run(["allocate", file, "--total", "100"]);
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain("bad-ref.csv");
    expect(err[0]).toContain("sheet 'bad-ref'");
    expect(err[0]).toContain("C3");
  });

  it("exits 2 when the minimums exceed the envelope", async () => {
    const file = path.join(FIXTURES, "districts.csv");
    const { code, err } = await run(["allocate", file, "--total", "100", "--min", "30"]);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/Cần:.*Expected:.*minimums/);
  });
});

describe("ntm-plan allocate --out", () => {
  it("writes KQ_PhanBo to an .xlsx file", async () => {
    const os = await import("node:os");
    const fs = await import("node:fs/promises");
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-alloc-"));
    const out = path.join(dir, "phan-bo.xlsx");
    const file = path.join(FIXTURES, "districts.csv");
    const { code } = await run(["allocate", file, "--total", "1000", "--out", out, "--json"]);
    expect(code).toBe(0);
    const { ExcelJsWorkbook } = await import("../../src/workbook/adapters/exceljs");
    const book = await ExcelJsWorkbook.fromXlsx(await fs.readFile(out));
    const grid = await book.readSheet("KQ_PhanBo");
    const totalRow = grid.rows.find((r) => r.includes("Tổng cộng"));
    expect(totalRow?.[totalRow.length - 1]).toBe(1000);
  });

  it("allocates to the communes of a 2021-2025 sheet by the QĐ 07/2022 preset, with each rule in words", async () => {
    const file = path.join(FIXTURES, "communes-2021-2025.csv");
    const { code, out } = await run([
      "allocate",
      file,
      "--total",
      "1000",
      "--policy",
      "qd-07-2022",
      "--json",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    // Σ = 3+3+1+5+5+5+1+1 = 24; 1000 × 5/24 = 208,33.
    expect(json.allocations[3]).toMatchObject({
      unit: "Phong Nẫm",
      coefficient: 5,
      amount: 208,
      rule: "Dưới 15 tiêu chí → 5",
      explanation: "5 ÷ 24 × 1.000 = 208,33 → 208",
    });
    expect(json.allocations[5]).toMatchObject({
      unit: "Xuân Hòa",
      rule: "ATK và chưa đạt chuẩn → 5",
    });
    expect(json.allocations.reduce((s: number, a: { amount: number }) => s + a.amount, 0)).toBe(
      1000
    );
    expect(json.policy.rules[0].source).toContain("07/2022");
    expect(json.warnings[0].vi).toContain("mẫu qd-07-2022");
  });

  it("allocates to the communes of a 2026-2030 sheet by the 2026-2030 preset (reported draft), summarised by group and type", async () => {
    const file = path.join(FIXTURES, "communes-2026-2030.csv");
    const { code, out } = await run([
      "allocate",
      file,
      "--total",
      "10000",
      "--unit",
      "10",
      "--policy",
      "2026-2030",
      "--json",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.allocations.map((a: { rule: string }) => a.rule)).toEqual([
      "Các xã còn lại → 25",
      "Khu vực I → 30 + Mỗi thôn ĐBKK: 1 × 1 → 1 = 31",
      "Khu vực II → 40",
      "Khu vực III → 50 + Mỗi thôn ĐBKK: 3 × 1 → 3 = 53",
      "ATK → 50 + Mỗi thôn ĐBKK: 2 × 1 → 2 = 52",
      "Biên giới → 50",
      "Đặc khu → 50",
    ]);
    expect(json.summaries.byGroup.map((g: { label: string }) => g.label)).toEqual([
      "Nhóm 2",
      "Nhóm 3",
      "Nhóm 1",
    ]);
    expect(
      json.summaries.byGroup.reduce((s: number, g: { amount: number }) => s + g.amount, 0)
    ).toBe(10000);
  });
});
