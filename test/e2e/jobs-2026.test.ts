import path from "path";
import { formatVi } from "../../src/engine/numbers";
import { runCli } from "../cli/helpers";
import { ensureDist, open, runChosenJob, screenshot, type Session } from "./browser";

jest.setTimeout(600_000);

const SAMPLE_2026 = path.resolve(__dirname, "../../assets/ntm-sample-2026.xlsx");

/** The CLI's --json for the same file and options. */
async function cli(command: string, ...flags: string[]): Promise<Record<string, unknown>> {
  const run = await runCli([command, SAMPLE_2026, ...flags, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/**
 * A planning officer in browser mode takes the illustrative 2026-2030 merged province through summary, targets,
 * roadmap and allocation; each job's key figures are the CLI's for the same file and options.
 */
describe("a 2026-2030 workbook through the jobs in the task pane (browser mode)", () => {
  let session: Session;
  beforeAll(async () => {
    session = await open(ensureDist());
    const { page } = session;
    await page.getByTestId("upload").setInputFiles(SAMPLE_2026);
    await page.locator('[data-testid="file-name"]', { hasText: "ntm-sample-2026.xlsx" }).waitFor();
  });
  afterAll(async () => session && (await session.close()));

  /** The value shown on a key-figure tile. */
  async function tile(id: string): Promise<string> {
    const figure = session.page.locator(`[data-testid="key-figure"][data-figure="${id}"]`);
    return figure.locator("span").nth(1).innerText();
  }

  async function run(job: string, options: Record<string, string>): Promise<void> {
    const { page } = session;
    await page.getByTestId("job-picker").selectOption(job);
    for (const [id, value] of Object.entries(options)) {
      const field = page.getByTestId(`option-${id}`);
      await field.fill(value);
      await expect(field.inputValue()).resolves.toBe(value);
    }
    await runChosenJob(page);
    await screenshot(page, `jobs-2026-${job}`);
    expect(await page.getByTestId("problem").allInnerTexts()).toEqual([]);
  }

  it("summary: communes at the standard, average, modern communes", async () => {
    const json = (await cli("summary", "--year", "2027")) as {
      communes: number;
      standard: number;
      averageCriteria: number;
      tiers: { modern: number };
    };
    await run("summary", { year: "2027" });
    expect(await tile("standard")).toBe(`${formatVi(json.standard)}/${formatVi(json.communes)}`);
    expect(await tile("average")).toBe(formatVi(json.averageCriteria, 2));
    expect(await tile("modern")).toBe(formatVi(json.tiers.modern));
  });

  it("targets per indicator: newly standard, criteria gained, cost within the budget", async () => {
    const json = (await cli("targets", "--year", "2027", "--budget", "20000")) as {
      level: string;
      newlyStandard: number;
      criteriaGained: number;
      cost: number;
      budget: number;
      currentAverage: number;
      projectedAverage: number;
      communes: { name: string }[];
    };
    expect(json.level).toBe("indicators");
    await run("targets", { year: "2027", budget: "20000" });
    expect(await tile("newly-standard")).toBe(formatVi(json.newlyStandard));
    expect(await tile("criteria-gained")).toBe(formatVi(json.criteriaGained));
    expect(await tile("cost")).toBe(`${formatVi(json.cost)} / ${formatVi(json.budget)}`);
    expect(await tile("average")).toBe(
      `${formatVi(json.currentAverage, 2)} → ${formatVi(json.projectedAverage, 2)}`
    );
    const table = await session.page
      .locator('[data-testid="result-table"][data-table="NTM_ChiTieu"]')
      .innerText();
    expect(table).toContain("Kế hoạch phấn đấu đến cuối năm 2027 theo chỉ tiêu");
    expect(table).toContain(json.communes[0].name);
  });

  it("roadmap per indicator to 2030: standard communes each year, the province's targets, modern not projected", async () => {
    const json = (await cli("roadmap", "--year", "2027", "--budget", "20000", "--to", "2030")) as {
      level: string;
      communes: number;
      years: { year: number; standard: number }[];
      targets: { name: string; target: number; projected: number | null }[];
    };
    expect(json.level).toBe("indicators");
    await run("roadmap", { year: "2027", budget: "20000", to: "2030" });
    const last = json.years[json.years.length - 1];
    expect(last.year).toBe(2030);
    expect(await tile("standard-end")).toBe(
      `${formatVi(last.standard)}/${formatVi(json.communes)}`
    );
    const standard = json.targets.find((t) => t.name === "standard")!;
    expect(await tile("target-standard")).toBe(
      `${formatVi(standard.projected!)} / ${formatVi(standard.target)}`
    );
    const modern = session.page.locator('[data-testid="key-figure"][data-figure="target-modern"]');
    expect(await modern.innerText()).toMatch(
      /chưa có yêu cầu của mức xã NTM hiện đại|no requirements given/
    );
    expect(await tile("target-modern")).toBe(`— / ${formatVi(10)}`);
    const years = await session.page
      .locator('[data-testid="result-table"][data-table="NTM_LoTrinh"]')
      .innerText();
    expect(years).toContain("2030");
    expect(years).toContain(`\t${last.standard}\t`);
  });

  it("allocation by the 2026-2030 preset (reported draft) from the commune types, and by the coefficients sheet keyed by Mã xã", async () => {
    const byPolicy = (await cli("allocate", "--total", "100000", "--policy", "2026-2030")) as {
      total: number;
      allocations: { unit: string; amount: number }[];
    };
    await run("allocate", { total: "100000", policy: "2026-2030" });
    expect(await tile("envelope")).toBe(formatVi(byPolicy.total));
    expect(await tile("units")).toBe(formatVi(byPolicy.allocations.length));
    const largest = [...byPolicy.allocations].sort((a, b) => b.amount - a.amount)[0];
    expect(await tile("largest")).toBe(formatVi(largest.amount));

    const bySheet = (await cli("allocate", "--total", "100000")) as {
      sheet: string;
      allocations: { unit: string; code: string; amount: number }[];
    };
    expect(bySheet.sheet).toBe("Hệ số phân bổ");
    await run("allocate", { total: "100000", policy: "" });
    const top = [...bySheet.allocations].sort((a, b) => b.amount - a.amount)[0];
    expect(await tile("largest")).toBe(formatVi(top.amount));
    const table = session.page.locator('[data-testid="result-table"][data-table="NTM_PhanBo"]');
    const first = bySheet.allocations[0];
    expect(await table.innerText()).toContain(`${first.unit}\n\t`);
    expect(await table.innerText()).toContain(formatVi(first.amount));
    // The columns the pane width leaves out, behind the row's expander: the commune's code.
    await table.getByTestId("row-expander").first().click();
    expect(await table.getByTestId("row-details").last().innerText()).toContain(first.code);
  });
});
