// The roadmap's first year and the next-year targets on the same inputs: the same figures, or the difference said
// with its reason and both figures; and the unit (criteria or money) carried by both.

import * as fc from "fast-check";
import * as path from "node:path";
import { main } from "../../../src/cli/main";
import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import type { CellValue } from "../../../src/workbook/grid";
import { JOBS } from "../../../src/workbook/jobs";
import type { JobRequest, JobResult } from "../../../src/workbook/jobs/job";
import { targetsJob } from "../../../src/workbook/jobs/targets";
import { buildReport } from "../../../src/workbook/report/build";

const SAMPLE = path.join(__dirname, "..", "..", "..", "assets", "ntm-sample.xlsx");
const roadmapJob = JOBS.find((j) => j.id === "roadmap")!;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

interface Figures {
  newlyStandard: number;
  criteriaGained: number;
  cost: number;
}

interface FirstYear {
  basis: "targets" | "pace";
  agrees: boolean;
  targets: Figures;
  roadmap: Figures;
  reasons: { vi: string; en: string }[];
}

const targetsFigures = (json: Record<string, unknown>): Figures => ({
  newlyStandard: json.newlyStandard as number,
  criteriaGained: json.criteriaGained as number,
  cost: json.cost as number,
});

function roadmapFigures(json: Record<string, unknown>): Figures {
  const first = (json.years as { newlyStandard: string[]; gained: number; cost: number }[])[0];
  return {
    newlyStandard: first.newlyStandard.length,
    criteriaGained: first.gained,
    cost: Math.round(first.cost * 1e6) / 1e6,
  };
}

describe("roadmap and targets on the sample", () => {
  it("project the same 2024 in one plan run: 5 newly standard, 16 criteria, 16 criteria spent", async () => {
    const r = await cli([
      "plan",
      SAMPLE,
      "--year",
      "2024",
      "--budget",
      "16",
      "--max-per-commune",
      "3",
      "--method",
      "optimal",
      "--to",
      "2025",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const jobs = JSON.parse(r.out).jobs as { id: string; result: Record<string, unknown> }[];
    const targets = jobs.find((j) => j.id === "targets")!.result;
    const roadmap = jobs.find((j) => j.id === "roadmap")!.result;
    expect(targetsFigures(targets)).toEqual({ newlyStandard: 5, criteriaGained: 16, cost: 16 });
    expect(roadmapFigures(roadmap)).toEqual({ newlyStandard: 5, criteriaGained: 16, cost: 16 });
    expect(roadmap.firstYear).toMatchObject({ basis: "targets", agrees: true, reasons: [] });
    expect(targets.unit).toBe("criteria");
    expect(roadmap.unit).toBe("criteria");

    const text = await cli([
      "plan",
      SAMPLE,
      "--year",
      "2024",
      "--budget",
      "16",
      "--max-per-commune",
      "3",
      "--method",
      "optimal",
      "--to",
      "2025",
    ]);
    expect(text.out).toContain(
      "2024: 75/80 xã đạt chuẩn (+5), 18,83 tiêu chí/xã, kinh phí 16 tiêu chí"
    );
    expect(text.out).toContain(
      "Năm 2024 theo kế hoạch chỉ tiêu năm tới (optimal, tối đa 3 tiêu chí/xã)"
    );
    // The roadmap's part (up to the run's "Đã đọc / Read" block, where the funding table's unit is named).
    const roadmapPart = text.out.split("Đã đọc / Read:")[0];
    expect(roadmapPart).toMatch(/Lộ trình/);
    expect(roadmapPart).not.toMatch(/Lộ trình[\s\S]*triệu đồng/);
  });
});

/** A communes sheet with lists of criteria (and a status column when asked). */
function communesSheet(
  communes: { missing: number[]; recognised: boolean; registered: boolean }[],
  opts: { tiers: boolean; countOnly: boolean }
): CellValue[][] {
  const all = Array.from({ length: 19 }, (_, i) => i + 1);
  if (opts.countOnly) {
    return [
      ["Tên xã", "Số tiêu chí đạt"],
      ...communes.map((c, i) => [`Xã ${i + 1}`, 19 - c.missing.length]),
    ];
  }
  const header = ["Tên xã", "Tiêu chí đạt", "Năm đăng ký đạt chuẩn"];
  if (opts.tiers) header.push("Trạng thái");
  return [
    header,
    ...communes.map((c, i) => {
      const row: CellValue[] = [
        `Xã ${i + 1}`,
        all.filter((n) => !c.missing.includes(n)).join(","),
        c.registered ? 2024 : null,
      ];
      if (opts.tiers) row.push(c.recognised ? "đạt chuẩn" : "chưa đạt");
      return row;
    }),
  ];
}

const instance = fc.record({
  communes: fc.array(
    fc.record({
      missing: fc.uniqueArray(fc.integer({ min: 1, max: 19 }), { minLength: 0, maxLength: 6 }),
      recognised: fc.boolean(),
      registered: fc.boolean(),
    }),
    { minLength: 1, maxLength: 10 }
  ),
  budget: fc.integer({ min: 0, max: 30 }),
  cap: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  method: fc.constantFrom("greedy", "greedy", "greedy", "optimal"),
  costs: fc.constantFrom("none", "table", "uniform"),
  costValues: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 19, maxLength: 19 }),
  tiers: fc.boolean(),
  countOnly: fc.constantFrom(false, false, false, true),
});

type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never;

/** The same inputs as both jobs take them: a costs table for targets is --cost for the roadmap when uniform. */
async function runBoth(x: Instance): Promise<{ targets: JobResult; roadmap: JobResult }> {
  const uniform = x.costValues[0];
  const costRows: CellValue[][] = [
    ["Tên xã", "Tiêu chí", "Chi phí"],
    ...x.costValues.map((v, i) => [null, i + 1, x.costs === "uniform" ? uniform : v]),
  ];
  const book = new MemoryWorkbook({
    Xa: communesSheet(x.communes, x),
    "Chi phí": costRows,
  });
  const communes = { workbook: book, sheet: "Xa" };
  const costs = { workbook: book, sheet: "Chi phí" };
  const common: JobRequest["options"] = {
    budget: x.budget,
    "max-per-commune": x.cap,
    method: x.method,
  };
  const targets = await targetsJob.run({
    inputs: { communes, ...(x.costs === "none" ? {} : { costs }) },
    options: { ...common, year: 2024, period: "2021-2025" },
  });
  const roadmap = await roadmapJob.run({
    inputs: { communes, ...(x.costs === "table" ? { costs } : {}) },
    options: {
      ...common,
      from: 2024,
      to: 2026,
      ...(x.costs === "uniform" ? { cost: uniform } : {}),
    },
  });
  return { targets, roadmap };
}

describe("the roadmap's first year never differs silently from the targets", () => {
  it("agrees, or names the reason and both figures (random provinces)", async () => {
    await fc.assert(
      fc.asyncProperty(instance, async (x) => {
        const { targets, roadmap } = await runBoth(x);
        const t = targetsFigures(targets.json);
        const r = roadmapFigures(roadmap.json);
        const first = roadmap.json.firstYear as FirstYear;
        // The check reports the figures both jobs print, not figures of its own.
        expect(first.targets).toEqual(t);
        expect(first.roadmap).toEqual(r);
        expect(roadmap.json.unit).toBe(x.costs === "none" ? "criteria" : "million-vnd");
        expect(targets.json.unit).toBe(roadmap.json.unit);
        const same =
          t.newlyStandard === r.newlyStandard &&
          t.criteriaGained === r.criteriaGained &&
          Math.abs(t.cost - r.cost) < 1e-6;
        expect(first.agrees).toBe(same);
        if (same) return;
        // A difference only where the meaning differs, and then said in the text and the warnings.
        expect(x.countOnly || x.tiers).toBe(true);
        expect(first.reasons.length).toBeGreaterThan(0);
        expect(first.reasons.map((reason) => reason.en).join()).not.toContain(
          "could not be determined"
        );
        expect(roadmap.text).toContain("KHÁC chỉ tiêu năm tới");
        expect(roadmap.text).toContain(`lộ trình / roadmap ${r.newlyStandard} xã đạt chuẩn mới`);
        expect(roadmap.text).toContain(`chỉ tiêu / targets ${t.newlyStandard} xã đạt chuẩn mới`);
        expect(roadmap.warnings[0].en).toContain("differs from the next-year targets");
      }),
      { numRuns: 60, seed: 13 }
    );
  }, 120_000);

  it("with lists of criteria and no status column, always equals the targets plan", async () => {
    await fc.assert(
      fc.asyncProperty(instance, async (y) => {
        const x = { ...y, tiers: false, countOnly: false };
        const { targets, roadmap } = await runBoth(x);
        expect(roadmapFigures(roadmap.json)).toEqual(targetsFigures(targets.json));
        expect(roadmap.json.firstYear).toMatchObject({ basis: "targets", agrees: true });
      }),
      { numRuns: 40, seed: 2024 }
    );
  }, 120_000);

  it("explains a commune known only by its count (the targets job leaves it out)", async () => {
    const { roadmap } = await runBoth({
      communes: [
        { missing: [2, 5], recognised: false, registered: false },
        { missing: [1], recognised: false, registered: false },
      ],
      budget: 10,
      cap: 3,
      method: "greedy",
      costs: "none",
      costValues: Array(19).fill(1),
      tiers: false,
      countOnly: true,
    });
    const first = roadmap.json.firstYear as FirstYear;
    expect(first).toMatchObject({ basis: "pace", agrees: false });
    expect(first.targets).toEqual({ newlyStandard: 0, criteriaGained: 0, cost: 0 });
    expect(first.roadmap).toEqual({ newlyStandard: 2, criteriaGained: 3, cost: 3 });
    expect(roadmap.text).toContain("2 xã chỉ có số tiêu chí đạt");
    // The report says it too, beside the targets part it would otherwise contradict.
    expect(JSON.stringify(buildReport({ roadmap: roadmap.json }))).toContain(
      "Năm 2024, lộ trình dự kiến 2 xã đạt chuẩn mới, kế hoạch phấn đấu năm 0 xã; chênh lệch do: 2 xã chỉ có số tiêu chí đạt"
    );
    expect(roadmap.text).toContain(
      "lộ trình / roadmap 2 xã đạt chuẩn mới, 3 tiêu chí tăng thêm, kinh phí 3 tiêu chí"
    );
    expect(roadmap.text).toContain(
      "chỉ tiêu / targets 0 xã đạt chuẩn mới, 0 tiêu chí tăng thêm, kinh phí 0 tiêu chí"
    );
  });

  it("explains a commune recognised at the standard that still misses a criterion", async () => {
    const { targets, roadmap } = await runBoth({
      communes: [
        { missing: [2], recognised: true, registered: false },
        { missing: [5], recognised: false, registered: false },
      ],
      budget: 10,
      cap: undefined,
      method: "greedy",
      costs: "none",
      costValues: Array(19).fill(1),
      tiers: true,
      countOnly: false,
    });
    expect(targets.json.newlyStandard).toBe(2);
    const first = roadmap.json.firstYear as FirstYear;
    expect(first).toMatchObject({ basis: "targets", agrees: false });
    expect(first.roadmap.newlyStandard).toBe(1);
    expect(first.reasons[0].vi).toContain("Xã 1");
    expect(roadmap.sheets[0].tables[0].rows[1].at(-1)).toBe(
      "Khác chỉ tiêu năm tới (differs from the targets plan)"
    );
  });
});
