// The budget's unit carried everywhere (criteria when costs are counts, money when they are money), and a plan with
// no budget saying "không giới hạn / no limit" in its text, JSON, sheet and the task pane's figures.

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CATALOGUE_2026_2030 } from "../../../src/engine/catalogues";
import type { CommuneStatus, IndicatorVerdict } from "../../../src/engine/types";
import { main } from "../../../src/cli/main";
import { keyFigures } from "../../../src/taskpane/key-figures";
import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import type { CellValue } from "../../../src/workbook/grid";
import { JOBS } from "../../../src/workbook/jobs";
import { indicatorTargets } from "../../../src/workbook/jobs/indicator-targets";
import type { JobResult } from "../../../src/workbook/jobs/job";
import { targetsJob } from "../../../src/workbook/jobs/targets";
import { buildReport } from "../../../src/workbook/report/build";
import { POLICY, valuesSheet } from "../../cli/period-2026";

const roadmapJob = JOBS.find((j) => j.id === "roadmap")!;

/** The ten communes of appendix II (real fixture) with their lists, and 70 at the standard. */
function socTrang(): CellValue[][] {
  const file = path.join(__dirname, "../../fixtures/examples/soc-trang-2023-communes.csv");
  const lines = readFileSync(file, "utf8").trim().split(/\r?\n/).slice(1);
  const rows: CellValue[][] = [["Tên xã", "Tiêu chí đạt"]];
  for (const line of lines) {
    const [, name, , , list] = line.match(/("[^"]*"|[^,]+)/g)!.map((v) => v.replace(/"/g, ""));
    rows.push([name, list]);
  }
  const all = Array.from({ length: 19 }, (_, i) => i + 1).join(",");
  for (let i = 1; i <= 70; i++) rows.push([`Xã đạt chuẩn ${i}`, all]);
  return rows;
}

const COSTS: CellValue[][] = [
  ["Tên xã", "Tiêu chí", "Chi phí"],
  ...Array.from({ length: 19 }, (_, i) => [null, i + 1, 500] as CellValue[]),
];

async function targets(options: Record<string, number>, costs = false): Promise<JobResult> {
  const book = new MemoryWorkbook({ Xa: socTrang(), "Chi phí": COSTS });
  return targetsJob.run({
    inputs: {
      communes: { workbook: book, sheet: "Xa" },
      ...(costs ? { costs: { workbook: book, sheet: "Chi phí" } } : {}),
    },
    options: { year: 2024, period: "2021-2025", "max-per-commune": 3, ...options },
  });
}

async function roadmap(options: Record<string, number>, costs = false): Promise<JobResult> {
  const book = new MemoryWorkbook({ Xa: socTrang(), "Chi phí": COSTS });
  return roadmapJob.run({
    inputs: {
      communes: { workbook: book, sheet: "Xa" },
      ...(costs ? { costs: { workbook: book, sheet: "Chi phí" } } : {}),
    },
    options: { from: 2024, to: 2025, "max-per-commune": 3, ...options },
  });
}

const headers = (r: JobResult, table = 0) => r.sheets[0].tables[table].columns.map((c) => c.header);
const summaryRow = (r: JobResult, label: string) =>
  r.sheets[0].tables.at(-1)!.rows.find((row) => String(row[0]).startsWith(label));
/** Every word of the report, appendix tables and unit lines included. */
const reportWords = (jobs: Record<string, unknown>) => JSON.stringify(buildReport(jobs));

describe("the budget's unit", () => {
  it("is criteria without a costs table: targets text, JSON, sheet and report", async () => {
    const r = await targets({ budget: 16 });
    expect(r.json).toMatchObject({ unit: "criteria", budgetLimit: "16 tiêu chí / 16 criteria" });
    expect(r.text).toContain("Kinh phí / cost: 16 tiêu chí / 16");
    expect(headers(r)).toContain("Chi phí (tiêu chí)");
    expect(summaryRow(r, "Ngân sách")).toEqual(["Ngân sách, tiêu chí (budget, criteria)", 16]);
    const words = reportWords({ targets: r.json });
    expect(words).toContain("Kinh phí dự kiến 16 tiêu chí trên tổng số 16 tiêu chí được bố trí");
    expect(words).toContain("kinh phí tính bằng số tiêu chí");
    expect(words).not.toContain("triệu đồng");
  });

  it("is money with a costs table: targets text, JSON, sheet and report", async () => {
    const r = await targets({ budget: 8000 }, true);
    expect(r.json).toMatchObject({ unit: "million-vnd", cost: 8000 });
    expect(r.text).toContain("Ngân sách / budget: 8.000 triệu đồng / million VND");
    expect(headers(r)).toContain("Chi phí (triệu đồng)");
    expect(reportWords({ targets: r.json })).toContain(
      "Kinh phí dự kiến 8.000 triệu đồng trên tổng số 8.000 triệu đồng được bố trí"
    );
  });

  it("is criteria in the roadmap without costs, money with a costs table or --cost", async () => {
    const counts = await roadmap({ budget: 16 });
    expect(counts.json.unit).toBe("criteria");
    expect(counts.text).toContain(
      "2024: 75/80 xã đạt chuẩn (+5), 18,83 tiêu chí/xã, kinh phí 16 tiêu chí"
    );
    expect(counts.text).not.toContain("triệu đồng");
    expect(headers(counts)).toContain("Kinh phí (tiêu chí)");
    expect(counts.sheets[0].tables[0].unit).toBe("ĐVT: tiêu chí (criteria)");
    const words = reportWords({ roadmap: { ...counts.json, sheet: "Xa" } });
    expect(words).toContain("Với kinh phí 16 tiêu chí/năm");
    expect(words).toContain(
      "Năm 2024 lấy theo kế hoạch phấn đấu năm; các năm sau dự kiến theo tốc độ 1,50 tiêu chí/xã/năm."
    );
    expect(words).toContain("ĐVT: tiêu chí");
    expect(words).not.toContain("triệu đồng");

    const table = await roadmap({ budget: 8000 }, true);
    expect(table.json.unit).toBe("million-vnd");
    expect(table.text).toContain("kinh phí 8.000 triệu đồng");
    expect(headers(table)).toContain("Kinh phí (triệu đồng)");
    // The costs table's average of what is still missing after 2024 costs the later years, said in a warning.
    expect(table.warnings.map((w) => w.en).join()).toContain(
      "costed at 500,00 million VND (the average of the missing criteria in the costs table)"
    );

    // Communes known only by a count: the pace rule costs each criterion at the table's average, from 2024.
    const counts2 = new MemoryWorkbook({
      Xa: [
        ["Tên xã", "Số tiêu chí đạt"],
        ["Phú Tân", 17],
        ["Tài Văn", 18],
      ],
      "Chi phí": [
        ["Tên xã", "Tiêu chí", "Chi phí"],
        [null, 2, 300],
        [null, 5, 500],
      ],
    });
    const paced = await roadmapJob.run({
      inputs: {
        communes: { workbook: counts2, sheet: "Xa" },
        costs: { workbook: counts2, sheet: "Chi phí" },
      },
      options: { budget: 800, from: 2024, to: 2025 },
    });
    expect(paced.json.costPerCriterion).toBe(400);
    expect(paced.warnings.map((w) => w.vi).join()).toContain(
      "Từ năm 2024, mỗi tiêu chí tính chi phí 400,00 triệu đồng (bình quân các chi phí trong bảng chi phí)"
    );

    // 3 criteria at 1.000 each: Mỹ Phước (1 missing) and the first commune at 17 (2 missing) finish.
    const perCriterion = await roadmap({ budget: 3000, cost: 1000 });
    expect(perCriterion.json.unit).toBe("million-vnd");
    expect(perCriterion.text).toContain(
      "2024: 72/80 xã đạt chuẩn (+2), 18,66 tiêu chí/xã, kinh phí 3.000 triệu đồng"
    );
  });

  it("is indicators at indicator level (2026-2030) when each indicator counts 1, money with a costs table", async () => {
    const all = ["1.1", "2.1", "2.2", "3.1"];
    const commune = (name: string, missing: string[]): CommuneStatus => {
      const indicators: IndicatorVerdict[] = all.map((c) => ({
        code: c,
        criterion: Number(c.split(".")[0]),
        met: !missing.includes(c),
        value: !missing.includes(c),
        requirement: true,
      }));
      const achieved = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter(
        (n) => !missing.some((c) => Number(c.split(".")[0]) === n)
      );
      return { name, group: 2, achieved, count: achieved.length, indicators };
    };
    const communes = [commune("Phú Tân", ["2.1", "2.2"]), commune("Tài Văn", ["3.1"])];
    const settings = {
      catalogue: CATALOGUE_2026_2030,
      capUnit: "indicators" as const,
      method: "greedy" as const,
      timeLimit: 10,
      year: 2027,
    };
    const counted = await indicatorTargets(
      { inputs: { communes: { workbook: new MemoryWorkbook({}) } }, options: {} },
      communes,
      [],
      { ...settings, budget: 2, defaultCost: 1 }
    );
    expect(counted.json).toMatchObject({
      unit: "indicators",
      budgetLimit: "2 chỉ tiêu / 2 indicators",
    });
    expect(counted.text.split("\n")[0]).toBe("Ngân sách / budget: 2 chỉ tiêu / indicators");
    expect(headers(counted)).toContain("Chi phí (chỉ tiêu)");
    expect(reportWords({ targets: counted.json })).toContain("ĐVT: chỉ tiêu");

    const money = await indicatorTargets(
      { inputs: { communes: { workbook: new MemoryWorkbook({}) } }, options: {} },
      communes,
      [],
      { ...settings, budget: 1000, defaultCost: 400 }
    );
    expect(money.json.unit).toBe("million-vnd");
    expect(headers(money)).toContain("Chi phí (triệu đồng)");
  });
});

describe("the budget's unit in the roadmap per indicator (2026-2030)", () => {
  const book = (costs: boolean) =>
    new MemoryWorkbook({
      "Chỉ tiêu theo nhóm": POLICY,
      "Tình trạng xã": valuesSheet(),
      ...(costs
        ? {
            "Chi phí": [
              ["Mã xã", "Chỉ tiêu", "Chi phí"],
              ["", "2.2", 40],
            ],
          }
        : {}),
    });

  it("counts indicators when each costs 1 and there is no costs table, as the targets job does", async () => {
    const workbook = book(false);
    const options = { year: 2027, budget: 2, "default-cost": 1, method: "greedy" };
    const targetsResult = await targetsJob.run({ inputs: { communes: { workbook } }, options });
    const r = await roadmapJob.run({
      inputs: { communes: { workbook } },
      options: { ...options, to: 2028 },
    });
    expect(targetsResult.json.unit).toBe("indicators");
    expect(r.json).toMatchObject({ level: "indicators", unit: "indicators" });
    expect(r.text).toContain("2 chỉ tiêu/năm");
    expect(r.text).not.toContain("triệu đồng");
    expect(r.sheets[0].tables[0].unit).toBe("ĐVT: chỉ tiêu (indicators)");
    expect(headers(r)).toContain("Kinh phí (cost, chỉ tiêu)");
    const words = reportWords({ roadmap: r.json });
    expect(words).toContain(
      "với kinh phí 2 chỉ tiêu/năm (không có bảng chi phí, mỗi chỉ tiêu tính 1"
    );
    expect(words).toContain("ĐVT: chỉ tiêu");
    expect(words).not.toContain("triệu đồng");
  });

  it("is money with a costs table", async () => {
    const r = await roadmapJob.run({
      inputs: { communes: { workbook: book(true) } },
      options: { year: 2027, budget: 300, "default-cost": 100, to: 2028 },
    });
    expect(r.json.unit).toBe("million-vnd");
    expect(headers(r)).toContain("Kinh phí (cost, triệu đồng)");
  });
});

describe("no budget: không giới hạn / no limit", () => {
  it("is said first in the text, in the JSON, the sheet's title and summary, the report and the task pane", async () => {
    const r = await targets({});
    expect(r.text.split("\n")[0]).toContain("KHÔNG GIỚI HẠN / NO LIMIT");
    expect(r.json).toMatchObject({ budget: null, budgetLimit: "Không giới hạn / No limit" });
    expect(r.warnings[0].en).toBe("No budget given (--budget): the plan has NO LIMIT on spending");
    expect(r.sheets[0].tables[0].title).toContain("NGÂN SÁCH KHÔNG GIỚI HẠN / NO BUDGET LIMIT");
    expect(summaryRow(r, "Ngân sách")).toEqual([
      "Ngân sách, tiêu chí (budget, criteria)",
      "Không giới hạn / No limit",
    ]);
    expect(reportWords({ targets: r.json })).toContain("ngân sách không giới hạn");
    const first = keyFigures("targets", r).figures[0];
    expect(first).toMatchObject({
      id: "no-limit",
      value: "Không giới hạn / No limit",
      tone: "warning",
    });
    // It did plan without a limit: all 30 missing criteria but one for each of the five communes at 15 (cap 3).
    expect(r.json).toMatchObject({ criteriaGained: 25, cost: 25, newlyStandard: 5 });
  });

  it("is said at indicator level too", async () => {
    const indicators: IndicatorVerdict[] = [
      { code: "2.1", criterion: 2, met: false, value: false, requirement: true },
    ];
    const r = await indicatorTargets(
      { inputs: { communes: { workbook: new MemoryWorkbook({}) } }, options: {} },
      [{ name: "Phú Tân", group: 2, achieved: [1], count: 1, indicators }],
      [],
      {
        catalogue: CATALOGUE_2026_2030,
        capUnit: "indicators",
        method: "greedy",
        timeLimit: 10,
        defaultCost: 300,
      }
    );
    expect(r.text.split("\n")[0]).toContain("KHÔNG GIỚI HẠN / NO LIMIT");
    expect(r.json.budgetLimit).toBe("Không giới hạn / No limit");
    expect(r.warnings[0].en).toContain("NO LIMIT");
    expect(r.sheets[0].tables[0].title).toContain("NO BUDGET LIMIT");
  });

  it("the roadmap refuses a missing budget naming --budget (it needs a yearly figure)", async () => {
    await expect(roadmap({})).rejects.toThrow(/--budget/);
    // `plan` without --budget runs the targets with no limit and skips the roadmap, naming --budget.
    const out: string[] = [];
    const SAMPLE = path.join(__dirname, "..", "..", "..", "assets", "ntm-sample.xlsx");
    const code = await main(["plan", SAMPLE, "--year", "2024", "--json"], {
      stdout: (t) => out.push(t),
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    const jobs = JSON.parse(out.join("\n")).jobs as {
      id: string;
      status: string;
      reason?: string;
      result?: Record<string, unknown>;
    }[];
    expect(jobs.find((j) => j.id === "roadmap")).toMatchObject({
      status: "skipped",
      reason: "cần --budget / needs --budget",
    });
    expect(jobs.find((j) => j.id === "targets")?.result?.budgetLimit).toBe(
      "Không giới hạn / No limit"
    );
  });
});
