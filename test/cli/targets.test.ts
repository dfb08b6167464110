import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { main } from "../../src/cli/main";

const SAMPLE = path.join(__dirname, "../fixtures/examples/soc-trang-2023-communes.csv");

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("ntm-plan targets", () => {
  for (const method of ["greedy", "optimal"]) {
    it(`prints one JSON object with the plan in input order (${method})`, async () => {
      const r = await run([
        "targets",
        SAMPLE,
        "--budget",
        "16",
        "--max-per-commune",
        "3",
        "--method",
        method,
        "--json",
      ]);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out);
      expect(json).toMatchObject({ method, newlyStandard: 5, criteriaGained: 16, cost: 16 });
      expect(typeof json.optimal).toBe("boolean");
      expect(json.communes.map((c: { name: string }) => c.name)[0]).toBe("Thanh Thới An");
      for (const c of json.communes)
        expect(c.cumulative).toBe(c.achieved.length + c.targets.length);
    });
  }

  it("reads a costs file and names its cell when a commune is unknown", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ntm-targets-"));
    const costs = path.join(dir, "costs.csv");
    writeFileSync(costs, "Tên xã,Tiêu chí,Chi phí\n,10,2\nXã Không Có,2,5\n");
    const r = await run(["targets", SAMPLE, "--costs", costs, "--json"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/costs\.csv/);
    expect(r.err).toMatch(/A3/);
    expect(r.err.split("\n")).toHaveLength(1);
  });

  it("refuses a bad option value with exit code 2", async () => {
    const r = await run(["targets", SAMPLE, "--budget", "abc"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--budget/);
  });

  it("prints a readable summary without --json", async () => {
    const r = await run(["targets", SAMPLE, "--budget", "16", "--max-per-commune", "3"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Thanh Thới An: 16 \+ \[6,10,11\] → 19/);
  });

  it("writes appendix II as an Excel table with --out", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "ntm-targets-")), "plan.xlsx");
    const r = await run([
      "targets",
      SAMPLE,
      "--budget",
      "16",
      "--max-per-commune",
      "3",
      "--out",
      out,
    ]);
    expect(r.code).toBe(0);
    const book = await ExcelJsWorkbook.fromXlsx(readFileSync(out));
    expect(await book.sheetNames()).toContain("KQ_ChiTieu");
    const grid = await book.readSheet("KQ_ChiTieu");
    const header = grid.rows.findIndex((row) =>
      row.includes("Tiêu chí phấn đấu đạt (Criteria to meet)")
    );
    expect(grid.rows[header + 1].slice(0, 9)).toEqual([
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
  });
});
