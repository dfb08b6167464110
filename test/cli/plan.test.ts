import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { runCli } from "./helpers";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "ntm-sample.xlsx");

describe("ntm-plan plan", () => {
  it("runs every job the sample has data for and writes one sheet per result", async () => {
    const out = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "ntm-")), "plan.xlsx");
    const argv = ["plan", SAMPLE, "--year", "2024", "--budget", "16", "--max-per-commune", "3"];
    const run = await runCli([...argv, "--to", "2025", "--json", "--out", out]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    const byId = Object.fromEntries(json.jobs.map((j: { id: string }) => [j.id, j]));
    expect(byId.summary.result).toMatchObject({
      communes: 80,
      averageCriteria: 18.625,
      standard: 70,
    });
    expect(
      byId.counterpart.result.columns.map((c: { ratio: number }) => c.ratio.toFixed(3))
    ).toEqual(["0.243", "1.052"]);
    expect(byId.allocate).toMatchObject({ status: "skipped" });
    const book = await ExcelJsWorkbook.fromXlsx(await fs.readFile(out));
    expect(await book.sheetNames()).toEqual(json.outSheets);
    expect(json.outSheets).toEqual(
      expect.arrayContaining(["KQ_TongHop", "KQ_NguonVon", "KQ_DoiUng"])
    );
  });

  it("prints a readable Vietnamese summary", async () => {
    const run = await runCli(["plan", SAMPLE, "--year", "2024", "--budget", "16", "--to", "2025"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Số tiêu chí bình quân/xã: 18,63");
    expect(run.stdout).toContain("0,243");
    expect(run.stdout).toMatch(/bỏ qua \/ skipped: .*Hệ số/);
  });

  it("exits 2 with one line when a number option is not a number", async () => {
    const run = await runCli(["plan", SAMPLE, "--budget", "nhiều"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/--budget/);
  });
});
