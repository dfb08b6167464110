// The roadmap at indicator level (2026-2030) on the illustrative merged province: its first year is the targets
// job's plan with the same inputs, its start is the summary's count, and the period targets come from the
// province's sheet, the options or the national shares.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { buildSample2026 } from "../../../scripts/build-sample-2026";
import { ExcelJsWorkbook } from "../../../src/workbook/adapters/exceljs";
import { JOBS } from "../../../src/workbook/jobs";
import type { JobRequest, PlanningJob } from "../../../src/workbook/jobs/job";

const SAMPLE = path.join(__dirname, "../../../assets/ntm-sample-2026.xlsx");

function job(id: PlanningJob["id"]): PlanningJob {
  return JOBS.find((j) => j.id === id)!;
}

let loaded: Promise<ExcelJsWorkbook> | undefined;

/** The sample, read once: the jobs only read it. */
function sample(): Promise<ExcelJsWorkbook> {
  loaded ??= fs.readFile(SAMPLE).then((b) => ExcelJsWorkbook.fromXlsx(b));
  return loaded;
}

async function run(
  id: PlanningJob["id"],
  options: JobRequest["options"],
  workbook?: ExcelJsWorkbook
) {
  const book = workbook ?? (await sample());
  return job(id).run({ inputs: { communes: { workbook: book } }, options });
}

interface Year {
  year: number;
  standard: number;
  modern: number | null;
  newlyStandard: string[];
  gained: number;
  indicatorsGained: number;
  indicatorsMissing: number;
  cost: number;
  cumulativeCost: number;
}

jest.setTimeout(120_000);

describe("roadmap per indicator on the 2026-2030 sample", () => {
  it.each([
    ["greedy, no cap", { method: "greedy" }],
    ["greedy, 3 indicators per commune", { method: "greedy", "max-per-commune": 3 }],
    [
      "optimal, 2 criteria per commune",
      { method: "optimal", "max-per-commune": 2, "cap-unit": "criteria" },
    ],
  ])("its first year is the targets job's plan with the same inputs (%s)", async (_, extra) => {
    const common = { year: 2027, budget: 20000, ...extra };
    const targets = (await run("targets", common)).json as Record<string, unknown> & {
      communes: { name: string; completes: boolean }[];
    };
    const roadmap = (await run("roadmap", { ...common, to: 2030 })).json as {
      level: string;
      start: Year;
      years: Year[];
    };
    expect(roadmap.level).toBe("indicators");
    const first = roadmap.years[0];
    expect(first.year).toBe(2027);
    expect({
      newlyStandard: first.newlyStandard.length,
      criteriaGained: first.gained,
      indicatorsGained: first.indicatorsGained,
      cost: first.cost,
      names: first.newlyStandard,
    }).toEqual({
      newlyStandard: targets.newlyStandard,
      criteriaGained: targets.criteriaGained,
      indicatorsGained: targets.indicatorsGained,
      cost: targets.cost,
      names: targets.communes.filter((c) => c.completes).map((c) => c.name),
    });
    expect(first.standard).toBe(roadmap.start.standard + (targets.newlyStandard as number));
  });

  it("starts from the summary's count, applies each year's plan within the budget, and goes to 2030", async () => {
    const summary = (await run("summary", { year: 2027 })).json as {
      standard: number;
      averageCriteria: number;
      tiers: { modern: number };
    };
    const result = await run("roadmap", { year: 2027, budget: 20000, to: 2030 });
    const json = result.json as {
      start: Year & { averageCriteria: number };
      years: Year[];
      communes: number;
      modern: { now: number; note: { en: string } };
    };
    expect(json.communes).toBe(100);
    expect(json.start.year).toBe(2026);
    expect(json.start.standard).toBe(summary.standard);
    expect(json.start.averageCriteria).toBeCloseTo(summary.averageCriteria, 10);
    expect(json.start.modern).toBe(summary.tiers.modern);
    expect(json.modern.note.en).toBe("not projected: no requirements given");
    expect(json.years.map((y) => y.year)).toEqual([2027, 2028, 2029, 2030]);
    let before: Year = json.start;
    let cumulative = 0;
    for (const y of json.years) {
      expect(y.cost).toBeLessThanOrEqual(20000);
      expect(y.standard).toBe(before.standard + y.newlyStandard.length);
      expect(y.indicatorsMissing).toBe(before.indicatorsMissing - y.indicatorsGained);
      expect(y.modern).toBeNull();
      cumulative += y.cost;
      expect(y.cumulativeCost).toBe(cumulative);
      // A commune reaches the standard once.
      for (const name of y.newlyStandard) {
        expect(json.years.filter((z) => z.newlyStandard.includes(name))).toHaveLength(1);
      }
      before = y;
    }
    expect(result.text).toContain("2026-2030");
    expect(result.text).toContain("not projected: no requirements given");
    expect(result.sheets[0].sheet).toBe("KQ_LoTrinh");
    expect(result.sheets[0].tables.map((t) => t.name)).toEqual(["NTM_LoTrinh", "NTM_LoTrinh_MucTieu"]);
  });

  it("checks the province's own targets from its period-targets sheet; the modern tier is not projected", async () => {
    const json = (await run("roadmap", { year: 2027, budget: 5000, to: 2030 })).json as {
      targetsSheet: string;
      years: Year[];
      targets: {
        name: string;
        target: number;
        projected: number | null;
        reachable: boolean | null;
        year: number | null;
        shortfall: number | null;
        note?: { en: string };
      }[];
    };
    expect(json.targetsSheet).toBe("Chỉ tiêu giai đoạn");
    const [standard, modern] = json.targets;
    expect(standard).toMatchObject({ name: "standard", target: 65 });
    const end = json.years[json.years.length - 1].standard;
    expect(standard.projected).toBe(end);
    expect(standard.reachable).toBe(end >= 65);
    expect(standard.shortfall).toBe(Math.max(0, 65 - end));
    const firstYear = json.years.find((y) => y.standard >= 65)?.year ?? null;
    expect(standard.year).toBe(firstYear);
    expect(modern).toMatchObject({
      name: "modern",
      target: 10,
      projected: null,
      reachable: null,
      note: { en: "not projected: no requirements given" },
    });
  });

  it("takes targets from the options over the sheet, and the national shares (65%, 10%) without a sheet", async () => {
    const options = (
      await run("roadmap", {
        year: 2027,
        budget: 20000,
        to: 2030,
        "target-standard": 90,
        "target-modern": 20,
      })
    ).json as { targets: { name: string; target: number; extraCost: number | null }[] };
    expect(options.targets.map((t) => [t.name, t.target])).toEqual([
      ["standard", 90],
      ["modern", 20],
    ]);
    const book = await buildSample2026();
    book.removeWorksheet(book.getWorksheet("Chỉ tiêu giai đoạn")!.id);
    const bare = await ExcelJsWorkbook.fromXlsx(Buffer.from(await book.xlsx.writeBuffer()));
    const national = (await run("roadmap", { year: 2027, budget: 20000, to: 2030 }, bare)).json as {
      targetsSheet: string | null;
      targetsSource: { en: string };
      targets: { name: string; target: number }[];
    };
    expect(national.targetsSheet).toBeNull();
    expect(national.targetsSource.en).toContain("national targets for 2030");
    expect(national.targets.map((t) => [t.name, t.target])).toEqual([
      ["standard", 65],
      ["modern", 10],
    ]);
  });

  it("estimates the extra money of a missed standard target and the year it would be met at this pace", async () => {
    const json = (
      await run("roadmap", {
        year: 2027,
        budget: 20000,
        to: 2030,
        "target-standard": 90,
      })
    ).json as {
      years: Year[];
      targets: {
        name: string;
        reachable: boolean;
        shortfall: number;
        extraCost: number;
        yearAtThisPace: number | null;
      }[];
    };
    const standard = json.targets[0];
    expect(standard.reachable).toBe(false);
    expect(standard.shortfall).toBe(90 - json.years[3].standard);
    expect(standard.extraCost).toBeGreaterThan(0);
    expect(standard.yearAtThisPace).toBeGreaterThan(2030);
  });

  it("refuses the per-criterion options (pace, cost, advanced and model tiers) on a status per indicator", async () => {
    for (const [id, value] of [
      ["pace", 2],
      ["cost", 1500],
      ["target-advanced", 3],
    ] as const) {
      await expect(
        run("roadmap", { year: 2027, budget: 20000, to: 2030, [id]: value })
      ).rejects.toThrow(new RegExp(`takes no ${id} option`));
    }
    // The task pane fills the pace field with its default: that is not a pace the user gave.
    const pane = await run("roadmap", { year: 2027, budget: 20000, to: 2030, pace: "1.5" });
    expect((pane.json as { level: string }).level).toBe("indicators");
  });
});
