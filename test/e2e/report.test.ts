// Report-ready output from the pane: charts in the preview, a table copied as HTML + TSV, the .docx downloaded.

import { readFileSync } from "fs";
import path from "path";
import mammoth from "mammoth";
import { ARTIFACTS, ensureDist, open, runChosenJob, screenshot, type Session } from "./browser";
import { CLERK_SETUP } from "./clerk-setup";

jest.setTimeout(600_000);

async function runJob(session: Session, id: string): Promise<void> {
  const { page } = session;
  await page.getByTestId("job-picker").selectOption(id);
  for (const [option, value] of Object.entries(CLERK_SETUP[id]?.options ?? {})) {
    await page.getByTestId(`option-${option}`).fill(value);
  }
  await runChosenJob(page);
  expect(await page.getByTestId("problem").allInnerTexts()).toEqual([]);
}

describe("report-ready output in the task pane (browser mode)", () => {
  let session: Session;
  beforeAll(async () => {
    session = await open(ensureDist());
    await session.context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new URL(session.url).origin,
    });
  });
  afterAll(async () => session && (await session.close()));

  it("shows the charts of each result in the preview", async () => {
    const { page } = session;
    const expected: Record<string, string[]> = {
      summary: ["bands", "criteria"],
      funding: ["funding"],
      counterpart: ["counterpart"],
      roadmap: ["roadmap"],
    };
    for (const [id, charts] of Object.entries(expected)) {
      await runJob(session, id);
      await page.getByTestId("charts").waitFor({ timeout: 30_000 });
      const shown = await page
        .locator('[data-testid="chart"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-chart")));
      expect(shown).toEqual(charts);
      // Every chart draws something: bars, or a line with its points.
      for (const chart of charts) {
        const marks = await page
          .locator(`[data-chart="${chart}"] svg rect, [data-chart="${chart}"] svg circle`)
          .count();
        expect(marks).toBeGreaterThan(0);
      }
      await page
        .getByTestId("charts")
        .screenshot({ path: path.join(ARTIFACTS, `charts-${id}.png`) });
      await screenshot(page, `preview-charts-${id}`);
    }
    const summaryBands = await page.locator("[data-chart]").count();
    expect(summaryBands).toBeGreaterThan(0);
  });

  it("copies a result table as HTML and TSV with Vietnamese number formats", async () => {
    const { page } = session;
    await runJob(session, "funding");
    // The button speaks the pane's language only (it said "Sao chép / Copy" in both).
    expect((await page.getByTestId("copy-table").first().innerText()).trim()).toBe("Sao chép");
    await page.getByTestId("copy-table").first().click();
    await page.getByTestId("copy-status").first().waitFor();
    const clip = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const item = items[0];
      return {
        types: item.types,
        html: await (await item.getType("text/html")).text(),
        text: await (await item.getType("text/plain")).text(),
      };
    });
    expect(clip.types).toEqual(expect.arrayContaining(["text/html", "text/plain"]));
    expect(clip.html).toContain("<table");
    expect(clip.html).toContain('x:num="3602312"');
    expect(clip.html).toContain(">3.602.312<");
    const rows = clip.text.split(/\r?\n/).map((r) => r.split("\t"));
    expect(rows[0][0]).toBe("Nội dung (Item)");
    const central = rows.find((r) => r[0] === "NGÂN SÁCH TRUNG ƯƠNG");
    // The shares as the sheet holds them: rounded so that the six add to exactly 100,00% (6,2053% → 6,20%).
    expect(central).toEqual(expect.arrayContaining(["223.534", "6,20%"]));
    await screenshot(page, "copied-table");
  });

  it("downloads the .docx report of the results run in this session", async () => {
    const { page } = session;
    await expect(page.getByTestId("report-contents").innerText()).resolves.toMatch(/Tổng hợp/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("report-docx").click(),
    ]);
    expect(download.suggestedFilename()).toBe("bao-cao.docx");
    const file = path.join(ARTIFACTS, "bao-cao.docx");
    await download.saveAs(file);
    const text = (await mammoth.extractRawText({ buffer: readFileSync(file) })).value;
    expect(text).toContain(
      "70/80 xã đạt chuẩn nông thôn mới, đạt 87,5%; bình quân đạt 18,63 tiêu chí/xã"
    );
    expect(text).toContain("Kết quả huy động năm 2023: tổng số 3.602.312 triệu đồng");
    expect(text).toContain("tỷ lệ vốn đối ứng đạt 0,243 lần");
    expect(text).toMatch(/Phụ lục I\b/);
  });

  it("lays the report out as an administrative document from the pane's frame fields, at 320 px", async () => {
    const { page } = session;
    await page.setViewportSize({ width: 320, height: 900 });
    await page.locator('[data-testid="report-frame"] > summary').click();
    // Every declared field is in the form, empty fields showing the dotted blank they print as.
    for (const id of ["superior-agency", "agency", "doc-number", "date", "signer", "recipients"]) {
      await expect(page.getByTestId(`option-${id}`).isVisible()).resolves.toBe(true);
    }
    await expect(page.getByTestId("option-agency").getAttribute("placeholder")).resolves.toBe("……");
    await page.getByTestId("option-agency").fill("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH SÓC TRĂNG");
    // Nothing reaches past the pane's width.
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(320);
    await screenshot(page, "report-frame-320");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("report-docx").click(),
    ]);
    const file = path.join(ARTIFACTS, "bao-cao-frame.docx");
    await download.saveAs(file);
    const lines = (await mammoth.extractRawText({ buffer: readFileSync(file) })).value
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "");
    expect(lines.slice(0, 6)).toEqual([
      "……",
      "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH SÓC TRĂNG",
      "Số: ……/……",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "……, ngày …… tháng …… năm ……",
    ]);
    expect(lines).toContain("Nơi nhận:");
  });
});
