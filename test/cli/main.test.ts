import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { runCli } from "./helpers";
import { notOurFile } from "../support/strict-files";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "ntm-sample.xlsx");

describe("ntm-plan", () => {
  it("lists the sample workbook's sheets as one JSON object", async () => {
    const run = await runCli(["sheets", SAMPLE, "--json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.sheets.map((s: { name: string }) => s.name)).toEqual([
      "Xã",
      "Nguồn vốn",
      "Chỉ tiêu giai đoạn",
    ]);
    expect(json.sheets[0].rows).toBe(82);
  });

  it("reads CSV files with a BOM", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-"));
    const file = path.join(dir, "xa.csv");
    await fs.writeFile(file, "\ufeffTên xã,Huyện\nAn Mỹ,Kế Sách\n");
    const run = await runCli(["sheets", file, "--json"]);
    expect(JSON.parse(run.stdout).sheets).toEqual([{ name: "xa", rows: 2, columns: 2 }]);
  });

  it("exits 2 with one bilingual line for a missing file, without a stack trace", async () => {
    const run = await runCli(["sheets", "/nonexistent/x.xlsx"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/x\.xlsx.*Cần:.*Expected:/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("exits 2 for a file that is not a workbook", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-"));
    const file = path.join(dir, "broken.xlsx");
    await fs.writeFile(file, "not a zip");
    notOurFile(file);
    const run = await runCli(["sheets", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/broken\.xlsx.*\.xlsx/);
  });

  it("exits 2 on an unknown command or option, naming the usage", async () => {
    expect((await runCli(["nope"])).code).toBe(2);
    const bad = await runCli(["sheets", SAMPLE, "--bogus"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Usage: ntm-plan sheets/);
  });

  it("writes --out as an .xlsx the ExcelJS adapter can read back", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-"));
    const out = path.join(dir, "kq.xlsx");
    const run = await runCli(["sheets", SAMPLE, "--out", out, "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).out).toBe(out);
    const book = await ExcelJsWorkbook.fromXlsx(await fs.readFile(out));
    expect(await book.sheetNames()).toEqual([]);
  });
});
