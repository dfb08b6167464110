// The plan year comes from the data (a year column, the status sheet's title, a status date) and every output says
// where it came from; without one, the CLI asks for --year instead of taking the calendar year.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "./helpers";

const ASSETS = path.join(__dirname, "..", "..", "assets");
const SAMPLE = path.join(ASSETS, "ntm-sample.xlsx");
const SAMPLE_2026 = path.join(ASSETS, "ntm-sample-2026.xlsx");
const PLAN = ["--budget", "16", "--max-per-commune", "3", "--method", "optimal", "--to", "2025"];

const ROWS = [
  "TT,Tên xã,Số tiêu chí đạt,Tiêu chí đạt",
  '1,An Mỹ,17,"1,2,3,4,5,6,7,8,9,12,13,14,15,16,17,18,19"',
  '2,Tài Văn,16,"1,2,3,4,5,7,8,9,12,13,14,15,16,17,18,19"',
];

async function csv(name: string, lines: string[]): Promise<string> {
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "ntm-year-")), name);
  await fs.writeFile(file, lines.join("\n"), "utf8");
  return file;
}

/** A job result without the year's own record, to compare runs whose years came from different places. */
function withoutYear(jobs: { id: string; result?: Record<string, unknown> }[]) {
  return jobs.map((j) => {
    if (!j.result) return j;
    const { planYear: _ignored, ...rest } = j.result;
    return { ...j, result: rest };
  });
}

describe("the plan year taken from the data", () => {
  it("plan on the sample without --year reads 2023 from the title of 'Xã', plans 2024 and says so", async () => {
    const run = await runCli(["plan", SAMPLE, ...PLAN]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe(
      `Năm hiện trạng 2023, năm kế hoạch 2024 (lấy từ tiêu đề trang 'Xã', ô A1: "…đến cuối năm 2023") / ` +
        "status year 2023, plan year 2024 (from the title of sheet 'Xã', cell A1)"
    );
    expect(run.stdout).toContain(
      "Bộ tiêu chí 2021-2025 (giai đoạn hiện hành của năm kế hoạch 2024)"
    );
    expect(run.stdout).toContain("Hiện trạng 2023: 70/80 xã đạt chuẩn");
  });

  it("gives the same figures as --year 2024, and the JSON carries the year and its source", async () => {
    const found = JSON.parse((await runCli(["plan", SAMPLE, ...PLAN, "--json"])).stdout);
    const given = JSON.parse(
      (await runCli(["plan", SAMPLE, ...PLAN, "--year", "2024", "--json"])).stdout
    );
    expect(found.year).toMatchObject({
      value: 2024,
      status: 2023,
      source: "title",
      sheet: "Xã",
      cell: "A1",
      text: "…đến cuối năm 2023",
    });
    expect(given.year).toMatchObject({ value: 2024, status: 2023, source: "option" });
    expect(withoutYear(found.jobs)).toEqual(withoutYear(given.jobs));
    const targets = found.jobs.find((j: { id: string }) => j.id === "targets");
    expect(targets.result).toMatchObject({ year: 2024, period: "2021-2025", newlyStandard: 5 });
    expect(targets.result.planYear).toMatchObject({ value: 2024, source: "title" });
    const roadmap = found.jobs.find((j: { id: string }) => j.id === "roadmap");
    expect(roadmap.result.years.map((y: { year: number }) => y.year)).toEqual([2024, 2025]);
  });

  it("an explicit --year wins over the data, with a warning naming the cell that said otherwise", async () => {
    const run = await runCli(["plan", SAMPLE, ...PLAN, "--year", "2025"]);
    expect(run.code).toBe(0);
    const [first, second] = run.stdout.split("\n");
    expect(first).toContain("Năm kế hoạch 2025 (theo --year), năm hiện trạng 2024");
    expect(second).toMatch(
      /^! Năm kế hoạch: tiêu đề trang 'Xã', ô A1: .*năm kế hoạch 2024, khác với --year 2025; dùng 2025/
    );
  });

  it("a single job says the year too: targets, roadmap (from = plan year) and counterpart (the funding title)", async () => {
    const targets = await runCli(["targets", SAMPLE, "--budget", "16"]);
    expect(targets.code).toBe(0);
    expect(targets.stdout).toMatch(
      /\nNăm hiện trạng 2023, năm kế hoạch 2024 \(lấy từ tiêu đề trang 'Xã', ô A1/
    );
    const roadmap = JSON.parse(
      (await runCli(["roadmap", SAMPLE, "--budget", "16", "--to", "2025", "--json"])).stdout
    );
    expect(roadmap.start.year).toBe(2023);
    expect(roadmap.planYear).toMatchObject({ value: 2024, source: "title" });
    const counterpart = JSON.parse(
      (await runCli(["counterpart", SAMPLE, "--ratio", "1", "--json"])).stdout
    );
    expect(counterpart.planYear).toMatchObject({
      value: 2024,
      status: 2023,
      sheet: "Nguồn vốn",
      cell: "A1",
    });
  });

  it("the 2026-2030 sample reads 'cuối năm 2026' and plans 2027 in the 2026-2030 period", async () => {
    const run = await runCli(["summary", SAMPLE_2026, "--json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.period).toBe("2026-2030");
    expect(json.planYear).toMatchObject({
      value: 2027,
      status: 2026,
      source: "title",
      sheet: "Xã",
    });
    const targets = JSON.parse(
      (await runCli(["targets", SAMPLE_2026, "--budget", "5000", "--json"])).stdout
    );
    expect(targets).toMatchObject({ year: 2027, period: "2026-2030" });
    const plan = await runCli(["plan", SAMPLE_2026, "--budget", "5000", "--to", "2028", "--json"]);
    expect(plan.code).toBe(0);
    const jobs = JSON.parse(plan.stdout).jobs;
    const roadmap = jobs.find((j: { id: string }) => j.id === "roadmap");
    expect(roadmap.status).toBe("done");
    expect(roadmap.result.planYear).toMatchObject({ value: 2027, source: "title" });
  }, 120_000);

  it("the report's heading names the plan year the data give", async () => {
    const run = await runCli(["report", SAMPLE, ...PLAN]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\. Kế hoạch phấn đấu năm 2024$/m);
    expect(run.stdout).not.toMatch(/Kế hoạch phấn đấu năm\s*$/m);
  }, 60_000);

  it("a year column gives the year (one value for all rows)", async () => {
    const file = await csv("xa-nam.csv", [
      "TT,Tên xã,Năm,Số tiêu chí đạt,Tiêu chí đạt",
      '1,An Mỹ,2024,17,"1,2,3,4,5,6,7,8,9,12,13,14,15,16,17,18,19"',
      '2,Tài Văn,2024,16,"1,2,3,4,5,7,8,9,12,13,14,15,16,17,18,19"',
    ]);
    const json = JSON.parse((await runCli(["targets", file, "--budget", "3", "--json"])).stdout);
    expect(json.year).toBe(2025);
    expect(json.planYear).toMatchObject({ source: "column", cell: "C2", text: "Năm" });
  });

  it("a year column whose rows disagree is refused naming the cell", async () => {
    const file = await csv("xa-hai-nam.csv", [
      "TT,Tên xã,Năm,Số tiêu chí đạt,Tiêu chí đạt",
      '1,An Mỹ,2023,17,"1,2,3,4,5,6,7,8,9,12,13,14,15,16,17,18,19"',
      '2,Tài Văn,2024,16,"1,2,3,4,5,7,8,9,12,13,14,15,16,17,18,19"',
    ]);
    const run = await runCli(["plan", file, "--budget", "3"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("sheet 'xa-hai-nam', ô/cell C3");
    expect(run.stderr).toContain("--year");
  });

  it("a CSV that says no year: plan and roadmap ask for the year, naming the sheet; --year makes them run", async () => {
    const file = await csv("xa.csv", ROWS);
    const plan = await runCli(["plan", file, "--budget", "3"]);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toBe("");
    expect(plan.stderr).toContain("sheet 'xa'");
    expect(plan.stderr).toContain("Cần: năm kế hoạch: số liệu không ghi năm");
    expect(plan.stderr).toContain("--year");
    expect(plan.stderr).toContain("Expected: the plan year");
    const roadmap = await runCli(["roadmap", file, "--budget", "3", "--to", "2025"]);
    expect(roadmap.code).toBe(2);
    expect(roadmap.stderr).toContain("--from");
    expect((await runCli(["plan", file, "--budget", "3", "--year", "2024"])).code).toBe(0);
  });

  it("targets asks for the year when a commune is registered for one, naming its cell", async () => {
    const file = await csv("xa-dk.csv", [
      "TT,Tên xã,Số tiêu chí đạt,Tiêu chí đạt,Đăng ký đạt chuẩn",
      '1,An Mỹ,17,"1,2,3,4,5,6,7,8,9,12,13,14,15,16,17,18,19",2024',
      '2,Tài Văn,16,"1,2,3,4,5,7,8,9,12,13,14,15,16,17,18,19",',
    ]);
    const run = await runCli(["targets", file, "--budget", "3"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sheet 'xa-dk', ô\/cell [A-Z]+2/);
    expect(run.stderr).toContain("An Mỹ đăng ký đạt chuẩn năm 2024");
    expect(run.stderr).toContain("--year");
    expect((await runCli(["targets", file, "--budget", "3", "--year", "2024"])).code).toBe(0);
  });

  it("targets without any year still plans (the year changes nothing) and says the year is not known", async () => {
    const file = await csv("xa.csv", ROWS);
    const json = JSON.parse((await runCli(["targets", file, "--budget", "3", "--json"])).stdout);
    expect(json).toMatchObject({ year: null, planYear: null, newlyStandard: 1 });
  });
});
