import path from "path";
import { ensureDist, open, runChosenJob, screenshot, type Session } from "./browser";

jest.setTimeout(600_000);

const SAMPLE_2026 = path.resolve(__dirname, "../../assets/ntm-sample-2026.xlsx");

describe("browser mode with a 2026-2030 workbook", () => {
  let session: Session;
  beforeAll(async () => {
    session = await open(ensureDist());
  });
  afterAll(async () => session && (await session.close()));

  it("summarises the illustrative merged province for plan year 2027: 10 criteria, indicators, groups", async () => {
    const { page } = session;
    await page.getByTestId("upload").setInputFiles(SAMPLE_2026);
    await page.locator('[data-testid="file-name"]', { hasText: "ntm-sample-2026.xlsx" }).waitFor();
    await page.getByTestId("job-picker").selectOption("summary");
    await expect(page.getByTestId("input-communes").inputValue()).resolves.toBe("Xã");
    await expect(page.getByTestId("input-indicators").inputValue()).resolves.toBe(
      "Chỉ tiêu theo nhóm xã"
    );
    await page.getByTestId("option-year").fill("2027");
    await runChosenJob(page);
    await screenshot(page, "summary-2026");
    expect(await page.getByTestId("problem").allInnerTexts()).toEqual([]);
    const results = await page.getByTestId("results").innerText();
    // The period used is shown, with why.
    expect(results).toContain("2026-2030");
    expect(results).toContain("năm kế hoạch 2027");
    const tables = await page
      .getByTestId("result-table")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-table")));
    expect(tables).toEqual(
      expect.arrayContaining(["NTM_TongHop", "NTM_TheoTieuChi", "NTM_TheoChiTieu"])
    );
    const byCriterion = await page
      .locator('[data-testid="result-table"][data-table="NTM_TheoTieuChi"]')
      .innerText();
    expect(byCriterion).toContain("Hạ tầng kinh tế - xã hội");
    expect(byCriterion).toContain("Tiếp cận pháp luật và an ninh, quốc phòng");
    const summary = await page
      .locator('[data-testid="result-table"][data-table="NTM_TongHop"]')
      .innerText();
    expect(summary).toMatch(/\b100\b/);
    expect(summary).toContain("8-9");
  });
});
