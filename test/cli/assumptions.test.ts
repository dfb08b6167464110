// Values neither the user nor the data gave are said as assumed where they are used: plan's 1:1 counterpart check
// without --ratio (text, JSON, sheet, report), a declared default (allocation's rounding unit), and plan's --help
// promises only what plan does.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { runCli } from "./helpers";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "ntm-sample.xlsx");
const SAMPLE_2026 = path.join(__dirname, "..", "..", "assets", "ntm-sample-2026.xlsx");
const ASSUMED_11 = "giả định 1:1 (chưa nhập tỷ lệ tối thiểu)";

interface Job {
  id: string;
  status: string;
  result?: {
    basis?: string;
    assumptions?: { what: { vi: string }; value: unknown; why: { vi: string }; option?: string }[];
  };
}

async function cellTexts(file: string): Promise<Map<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, string[]>();
  wb.eachSheet((ws) => {
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.text ?? ""))));
    out.set(ws.name, texts);
  });
  return out;
}

describe("assumed values", () => {
  it("plan without --ratio checks 1:1 labelled as assumed in the text, JSON and sheets, never as stated", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-assumed-"));
    const out = path.join(dir, "kq.xlsx");
    const json = await runCli(["plan", SAMPLE, "--json"]);
    expect(json.code).toBe(0);
    const jobs = (JSON.parse(json.stdout) as { jobs: Job[] }).jobs;
    const counterpart = jobs.find((j) => j.id === "counterpart")!;
    expect(counterpart.status).toBe("done");
    expect(counterpart.result!.basis).toContain(ASSUMED_11);
    expect(counterpart.result!.basis).not.toContain("stated ratio");
    expect(counterpart.result!.assumptions).toContainEqual(
      expect.objectContaining({
        option: "ratio",
        value: 1,
        why: expect.objectContaining({ vi: ASSUMED_11 }),
      })
    );
    const text = await runCli(["plan", SAMPLE, "--out", out]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(ASSUMED_11);
    expect(text.stdout).not.toContain("tỷ lệ nêu trực tiếp");
    const sheets = await cellTexts(out);
    expect([...sheets.values()].flat().some((t) => t.includes(ASSUMED_11))).toBe(true);
    expect(sheets.get("KQ_GiaDinh")?.join("\n")).toContain(ASSUMED_11);
    await fs.rm(dir, { recursive: true, force: true });
  }, 120_000);

  it("plan --ratio 1 states the ratio and assumes nothing about it", async () => {
    const run = await runCli(["plan", SAMPLE, "--ratio", "1", "--json"]);
    const counterpart = (JSON.parse(run.stdout) as { jobs: Job[] }).jobs.find(
      (j) => j.id === "counterpart"
    )!;
    expect(counterpart.result!.basis).toContain("stated ratio");
    expect(counterpart.result!.assumptions!.some((a) => a.option === "ratio")).toBe(false);
  }, 120_000);

  it("the report says the 1:1 check was assumed", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-assumed-report-"));
    const out = path.join(dir, "bao-cao.docx");
    const run = await runCli(["report", SAMPLE, "--out", out]);
    expect(run.code).toBe(0);
    const text = (await mammoth.extractRawText({ buffer: await fs.readFile(out) })).value;
    expect(text).toContain(ASSUMED_11);
    await fs.rm(dir, { recursive: true, force: true });
  }, 120_000);

  it("a declared default the user left out is listed as assumed (allocation's rounding unit)", async () => {
    const run = await runCli([
      "allocate",
      SAMPLE,
      "--total",
      "10000",
      "--policy",
      "qd-07-2022",
      "--json",
    ]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { assumptions: { option?: string; value: unknown }[] };
    expect(json.assumptions).toContainEqual(expect.objectContaining({ option: "unit", value: 1 }));
    const given = await runCli([
      "allocate",
      SAMPLE,
      "--total",
      "10000",
      "--policy",
      "qd-07-2022",
      "--unit",
      "10",
      "--json",
    ]);
    const g = JSON.parse(given.stdout) as { assumptions: { option?: string }[] };
    expect(g.assumptions.some((a) => a.option === "unit")).toBe(false);
    const text = await runCli(["allocate", SAMPLE, "--total", "10000", "--policy", "qd-07-2022"]);
    expect(text.stdout).toMatch(/giả định \/ assumed: Làm tròn đến \/ Round to = 1/);
  }, 60_000);

  it("the bands assumed are the ones used: the 10-criteria set's own, never the declared 19-criteria default", async () => {
    const bandsOf = async (file: string, extra: string[] = []) => {
      const run = await runCli(["summary", file, ...extra, "--json"]);
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout) as {
        bands: { label: string }[];
        assumptions: { option?: string; value: unknown }[];
        warnings: { vi: string }[];
      };
    };
    const json2026 = await bandsOf(SAMPLE_2026);
    const used = json2026.bands.map((b) => b.label).join(",");
    expect(used).toBe("10,8-9,5-7,0-4");
    expect(json2026.assumptions).toContainEqual(
      expect.objectContaining({ option: "bands", value: used })
    );
    const json2023 = await bandsOf(SAMPLE, ["--year", "2024"]);
    expect(json2023.assumptions).toContainEqual(
      expect.objectContaining({ option: "bands", value: "19,15-18,10-14,5-9,0-4" })
    );
    // The 19-criteria bands typed for a 2026 file: the set's own are used, and a warning says so.
    const typed = await bandsOf(SAMPLE_2026, ["--bands", "19,15-18,10-14,5-9,0-4"]);
    expect(typed.bands.map((b) => b.label).join(",")).toBe(used);
    expect(typed.warnings.map((w) => w.vi).join("\n")).toContain("là của bộ 19 tiêu chí");
  }, 60_000);

  it("plan --help promises no default from an option plan does not have, and says what plan assumes", async () => {
    const help = await runCli(["plan", "--help"]);
    expect(help.stdout).not.toContain("--support-share");
    expect(help.stdout).toContain(ASSUMED_11);
    // Allocation and the roadmap are skipped without their figure: the help says so.
    expect(help.stdout).toMatch(/--total N\n.*bỏ qua/);
  });
});
