// Browser mode reads office layouts as the CLI does: a few files of test/fixtures/layouts/ uploaded into the task
// pane, run, and their figures (and the warnings that go with them) shown without a problem.

import path from "path";
import { ensureDist, open, runChosenJob, screenshot, type Session } from "./browser";

jest.setTimeout(600_000);

const LAYOUTS = path.resolve(__dirname, "..", "fixtures", "layouts");

async function runOn(session: Session, file: string, job: string): Promise<string> {
  const { page } = session;
  await page.getByTestId("upload").setInputFiles(path.join(LAYOUTS, file));
  await page.locator('[data-testid="file-name"]', { hasText: file }).waitFor();
  await page.getByTestId("job-picker").selectOption(job);
  await runChosenJob(page);
  await screenshot(page, `layouts-${job}-${file.replace(/\.\w+$/, "")}`);
  expect({ file, problem: await page.getByTestId("problem").allInnerTexts() }).toEqual({
    file,
    problem: [],
  });
  return page.getByTestId("results").innerText();
}

describe("browser mode on office layouts", () => {
  let session: Session;
  beforeAll(async () => {
    session = await open(ensureDist());
  });
  afterAll(async () => session && (await session.close()));

  it("summarises the province's 80 communes under district groups, subtotals and a signature block", async () => {
    const text = await runOn(session, "soc-trang-80-groups-subtotals.xlsx", "summary");
    expect(text).toMatch(/\b80\b/);
    expect(text).toContain("18,63");
  });

  it("reads the 207-commune Lạng Sơn-style sheet with merged 'Tiêu chí' headers", async () => {
    const text = await runOn(session, "lang-son-207-marks-groups-subtotals.xlsx", "summary");
    expect(text).toMatch(/\b207\b/);
    expect(text).toMatch(/\b53\b/);
  });

  it("reads appendix III as printed and names the report's own mismatch in the warnings", async () => {
    const text = await runOn(session, "nv-appendix-iii-as-printed.xlsx", "funding");
    expect(text).toContain("3.602.312");
    expect(text).toContain("3.951.450");
    const warnings = await session.page.getByTestId("warnings").innerText();
    expect(warnings).toContain("205.878");
    expect(warnings).toContain("205.879");
  });

  it("reads a UTF-16 'Unicode text' export and ignores a hidden older copy of the sheet", async () => {
    const utf16 = await runOn(session, "ds-unicode-text-utf16.txt", "summary");
    expect(utf16).toMatch(/\b10\b/);
    expect(utf16).toMatch(/\b16\b/);
    // The hidden copy "Xã (bản cũ)" has one criterion less per commune (average 15,00): it must not be read.
    const hidden = await runOn(session, "hidden-old-communes-first.xlsx", "summary");
    expect(hidden).toContain("Phụ lục II");
    expect(hidden).toContain("16,00");
    expect(hidden).not.toContain("bản cũ");
  });
});
