// The "Dữ liệu đã đọc / What was read" panel in browser mode at 320 px, in Vietnamese and English: it shows what
// the job read, its items are reached and opened with the keyboard, an item opens a read-only preview of exactly its
// rows, and nothing reaches past the pane. The test-only count job reads a district office's commune sheet.

import path from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import {
  ARTIFACTS,
  buildWithTestJob,
  ensureDist,
  open,
  runChosenJob,
  screenshot,
  type Session,
} from "./browser";
import { axeViolations, measure, setLanguage } from "./fit";

jest.setTimeout(600_000);

/** Rows 5 and 8 are districts, 6-7 and 9-10 communes, 11 a total that disagrees with them (15+17+19+16 = 67). */
const ROWS = [
  ["Tình hình đạt tiêu chí NTM đến cuối năm 2023"],
  [],
  ["TT", "Tên xã", "Số tiêu chí đạt", "Ghi chú"],
  [1, 2, 3, 4],
  [null, "Huyện Kế Sách"],
  [1, "Xuân Hòa", 15],
  [2, "Phong Nẫm", 17, "xã mới sáp nhập từ hai xã Phong Nẫm và Nhơn Mỹ năm 2020"],
  [null, "Huyện Trần Đề"],
  [3, "Tài Văn", 19],
  [4, "Thạnh Thới An", 16],
  [null, "Tổng cộng", 66],
  [],
  ["Người lập biểu"],
];

/** Keeps the pane at 320 px and reports anything reaching past it, also at 304 px (a classic scroll bar). */
async function fitProblems(page: Page, label: string): Promise<unknown[]> {
  const problems: unknown[] = [];
  for (const width of [320, 304]) {
    await page.setViewportSize({ width, height: 900 });
    const fit = await measure(page);
    await screenshot(page, `reading-${label}-${width}`);
    if (fit.documentScroll > fit.viewport || fit.outside.length > 0)
      problems.push({ label, width, fit });
  }
  await page.setViewportSize({ width: 320, height: 900 });
  return problems;
}

/** The preview's rows: the first cell of each body row ("5. Huyện Kế Sách"), without its row expander. */
async function previewRowNames(page: Page): Promise<string[]> {
  const preview = page.getByTestId("reading-preview");
  await preview.locator("tbody tr").first().waitFor();
  return (await preview.locator("tbody tr td:first-child").allInnerTexts()).map((t) =>
    t.replace(/^›\s*/, "").trim()
  );
}

const activeItem = (page: Page) =>
  page.evaluate(() => ({
    testid: document.activeElement?.getAttribute("data-testid"),
    item: document.activeElement?.getAttribute("data-item"),
  }));

describe("the reading panel in browser mode at 320 px", () => {
  let session: Session;
  beforeAll(async () => {
    session = await open(buildWithTestJob());
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Xã");
    for (const row of ROWS) sheet.addRow(row);
    const file = path.join(ARTIFACTS, "reading-communes.xlsx");
    await book.xlsx.writeFile(file);
    const { page } = session;
    await page.setViewportSize({ width: 320, height: 900 });
    await page.getByTestId("upload").setInputFiles(file);
    await page.locator('[data-testid="file-name"]', { hasText: "reading-communes.xlsx" }).waitFor();
    await page.getByTestId("job-picker").selectOption("test-count");
    await runChosenJob(page);
  });
  afterAll(async () => session && (await session.close()));

  it("Vietnamese: lists what was read, opens an item's rows from the keyboard and gives the focus back", async () => {
    const { page } = session;
    await setLanguage(page, "vi");
    const panel = page.getByTestId("reading-panel");
    await expect(panel.locator("h3").first().innerText()).resolves.toBe("Dữ liệu đã đọc");
    const section = panel.getByTestId("reading-input");
    const header = section.getByTestId("reading-toggle");
    await expect(header.innerText()).resolves.toMatch(/Danh sách xã/);
    await expect(header.innerText()).resolves.toMatch(/Trang 'Xã': 4 xã/);
    await expect(header.innerText()).resolves.toContain("cần xem");
    // Collapsed until asked: compact under the results.
    await expect(panel.getByTestId("reading-item").first().isVisible()).resolves.toBe(false);
    await header.focus();
    await page.keyboard.press("Enter");
    await expect(section.getAttribute("open")).resolves.toBe("");
    await expect(panel.getByTestId("reading-item").first().isVisible()).resolves.toBe(true);
    // Tab goes from the section's header to its first item.
    await page.keyboard.press("Tab");
    await expect(activeItem(page)).resolves.toEqual({ testid: "reading-item", item: "header" });
    const text = await panel.innerText();
    expect(text).toContain("Đã dùng 4 xã: dòng 6-7, 9-10");
    expect(text).toContain("Bỏ qua 2 dòng huyện: dòng 5, 8");
    expect(text).toContain("“Huyện Kế Sách”, “Huyện Trần Đề”");
    expect(text).toContain("Bỏ qua 1 tổng cộng: dòng 11");
    expect(text).toContain("Cột C · Số tiêu chí đạt");
    expect(text).toContain("Tổng cộng ô C11: 66, cộng các xã 67");

    // Keyboard: the district rows' item opens a preview of rows 5 and 8 only, and the preview takes the focus.
    await panel.locator('[data-item="skipped-district"]').focus();
    await page.keyboard.press("Enter");
    await expect(previewRowNames(page)).resolves.toEqual(["5. Huyện Kế Sách", "8. Huyện Trần Đề"]);
    await expect(activeItem(page)).resolves.toMatchObject({ testid: "reading-preview" });
    await expect(page.getByTestId("reading-preview").getAttribute("aria-label")).resolves.toBe(
      "Xem trước (chỉ đọc): trang 'Xã', dòng 5, 8"
    );
    const problems = await fitProblems(page, "vi-districts");
    await page.getByTestId("reading-preview-close").focus();
    await page.keyboard.press("Enter");
    expect(await page.getByTestId("reading-preview").count()).toBe(0);
    await expect(activeItem(page)).resolves.toEqual({
      testid: "reading-item",
      item: "skipped-district",
    });

    // A click on the communes used shows exactly rows 6, 7, 9 and 10, with their figures as typed.
    await panel.locator('[data-item="used"]').click();
    await expect(previewRowNames(page)).resolves.toEqual([
      "6. Xuân Hòa",
      "7. Phong Nẫm",
      "9. Tài Văn",
      "10. Thạnh Thới An",
    ]);
    const preview = await page.getByTestId("reading-preview").innerText();
    expect(preview).toMatch(/Xuân Hòa\s+15\b/);
    problems.push(...(await fitProblems(page, "vi-communes")));
    // The failed check's item shows the total row, the cell it names.
    await panel.locator('[data-item="check-0"]').click();
    await expect(previewRowNames(page)).resolves.toEqual(["11. Tổng cộng"]);
    expect(problems).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("English: the same panel in English, the preview of a column beside each commune, within 320 px", async () => {
    const { page } = session;
    await setLanguage(page, "en");
    const panel = page.getByTestId("reading-panel");
    await expect(panel.locator("h3").first().innerText()).resolves.toBe("What was read");
    const section = panel.getByTestId("reading-input");
    const header = section.getByTestId("reading-toggle");
    await expect(header.innerText()).resolves.toMatch(/Commune list/);
    await expect(header.innerText()).resolves.toMatch(/Sheet 'Xã': 4 communes/);
    if ((await section.getAttribute("open")) === null) await header.click();
    const text = await panel.innerText();
    expect(text).toContain("Used 4 communes: rows 6-7, 9-10");
    expect(text).toContain("Skipped 2 district rows: rows 5, 8");
    expect(text).toContain("Total in C11: 66, sum of the communes 67");
    expect(text).toContain("criteria met (count)");
    await panel.locator('[data-item="column-C"]').focus();
    await page.keyboard.press("Space");
    await expect(previewRowNames(page)).resolves.toEqual([
      "6. Xuân Hòa",
      "7. Phong Nẫm",
      "9. Tài Văn",
      "10. Thạnh Thới An",
    ]);
    const preview = page.getByTestId("reading-preview");
    await expect(preview.getAttribute("aria-label")).resolves.toBe(
      "Preview (read-only): sheet 'Xã', column C"
    );
    // Names as typed, never translated; figures in the column.
    expect(await preview.locator("th").allInnerTexts()).toEqual(["Row", "C: Số tiêu chí đạt"]);
    expect(await preview.innerText()).toMatch(/Phong Nẫm\s+17/);
    expect(await fitProblems(page, "en-column")).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await setLanguage(page, "vi");
  });
});

describe("the reading panel with a real job on the sample workbook (dist/)", () => {
  let session: Session;
  beforeAll(async () => {
    session = await open(ensureDist());
    await session.page.setViewportSize({ width: 320, height: 900 });
  });
  afterAll(async () => session && (await session.close()));

  it("summary: says it read the 80 communes of sheet 'Xã' (rows 3-82) and previews their criteria counts", async () => {
    const { page } = session;
    await setLanguage(page, "vi");
    await page.getByTestId("job-picker").selectOption("summary");
    await runChosenJob(page);
    const panel = page.getByTestId("reading-panel");
    const section = panel.getByTestId("reading-input").filter({ hasText: "'Xã':" });
    await expect(section.getByTestId("reading-toggle").innerText()).resolves.toContain(
      "Trang 'Xã': 80 xã"
    );
    await section.getByTestId("reading-toggle").click();
    await expect(section.innerText()).resolves.toContain("Đã dùng 80 xã: dòng 3-82");
    await section.locator('[data-item="used"]').click();
    const names = await previewRowNames(page);
    // The first rows of the sheet as typed: Thanh Thới An on row 3, Tài Văn on row 4.
    expect(names.slice(0, 2)).toEqual(["3. Thanh Thới An", "4. Tài Văn"]);
    // The count column: each commune beside its count (16 and 17 in the sheet).
    await section
      .getByTestId("reading-item")
      .filter({ hasText: /· Số tiêu chí đạt$/ })
      .click();
    const preview = page.getByTestId("reading-preview");
    await expect(preview.getAttribute("aria-label")).resolves.toMatch(/trang 'Xã', cột [A-Z]+$/);
    // The item's preview is a new one, its rows read from the sheet after it opens.
    await preview.locator("tbody tr").first().waitFor();
    const rows = await preview.locator("tbody tr").allInnerTexts();
    expect(rows[0]).toMatch(/3\. Thanh Thới An\s+16$/);
    expect(rows[1]).toMatch(/4\. Tài Văn\s+17$/);
    expect(await fitProblems(page, "summary-sample")).toEqual([]);
    await setLanguage(page, "en");
    await expect(section.getByTestId("reading-toggle").innerText()).resolves.toContain(
      "Sheet 'Xã': 80 communes"
    );
    expect(await axeViolations(page)).toEqual([]);
  });
});
