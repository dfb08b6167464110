import { readFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import type { Locator } from "playwright-core";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import {
  ARTIFACTS,
  ensureDist,
  insertTemplate,
  open,
  runChosenJob,
  screenshot,
  type Session,
} from "./browser";

jest.setTimeout(600_000);

/** The details behind a result row's expander (the columns the pane width leaves out). */
async function rowDetails(table: Locator, row: number): Promise<string> {
  await table.getByTestId("row-expander").nth(row).click();
  return table.getByTestId("row-details").last().innerText();
}

/**
 * A clerk allocates to communes by policy in browser mode: the sample's 2021-2025 commune sheet by the QĐ 07/2022
 * preset named in the form, then an uploaded 2026-2030 commune sheet by the 2026-2030 policy inserted from the
 * templates menu (a copy in the workbook, found as the policy input).
 */
describe("allocation by policy in the task pane (browser mode)", () => {
  let session: Session;
  beforeAll(async () => {
    session = await open(ensureDist());
  });
  afterAll(async () => session && (await session.close()));

  it("allocates the sample's communes by the QĐ 07/2022 preset and shows each commune's rule", async () => {
    const { page } = session;
    await page.getByTestId("job-picker").selectOption("allocate");
    await page.getByTestId("option-total").fill("1000");
    await page.getByTestId("option-policy").fill("qd-07-2022");
    await runChosenJob(page);
    await screenshot(page, "allocate-qd-07-2022");
    expect(await page.getByTestId("problem").allInnerTexts()).toEqual([]);
    const table = page.locator('[data-testid="result-table"][data-table="NTM_PhanBo"]');
    expect(await table.innerText()).toContain("Thanh Thới An");
    // Thanh Thới An (16 criteria, not yet standard): the rule and the arithmetic behind the row.
    // Σ = 10 × 3 + 70 × 1 = 100: 1.000 × 3 ÷ 100 = 30.
    const details = await rowDetails(table, 0);
    expect(details).toContain("Từ 15 tiêu chí trở lên và chưa đạt chuẩn → 3");
    expect(details).toContain("3 ÷ 100 × 1.000 = 30,00 → 30");
    expect(await page.getByTestId("warnings").innerText()).toContain("qd-07-2022");
  });

  it("allocates an uploaded 2026-2030 sheet by the inserted 2026-2030 policy sheet, with reasons", async () => {
    const { page } = session;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Xã");
    sheet.addRow(["Danh sách xã 2026-2030 (ví dụ)"]);
    sheet.addRow([
      "TT",
      "Tên xã",
      "Nhóm xã",
      "Số tiêu chí đạt",
      "Khu vực",
      "ATK",
      "Biên giới",
      "Hải đảo",
      "Đặc khu",
      "Số thôn ĐBKK",
    ]);
    sheet.addRow([1, "Kế Sách", 2, 8, null, null, null, null, null, null]);
    sheet.addRow([2, "Đại Hải", 2, 6, "I", null, null, null, null, 1]);
    sheet.addRow([3, "Cù Lao Dung", 3, 5, "III", null, null, null, null, 3]);
    sheet.addRow([4, "Côn Đảo", 1, 10, null, null, null, null, "x", null]);
    const file = path.join(ARTIFACTS, "communes-2026-2030.xlsx");
    await book.xlsx.writeFile(file);
    await page.getByTestId("upload").setInputFiles(file);
    await page
      .locator('[data-testid="file-name"]', { hasText: "communes-2026-2030.xlsx" })
      .waitFor();
    expect(await insertTemplate(page, "allocation-policy")).toContain("Mau_CS_2026_2030");
    await page.getByTestId("job-picker").selectOption("allocate");
    await expect(page.getByTestId("input-policy").inputValue()).resolves.toBe("Mau_CS_2026_2030");
    await page.getByTestId("option-policy").fill("");
    await page.getByTestId("option-total").fill("10000");
    await runChosenJob(page);
    await screenshot(page, "allocate-2026-2030-sheet");
    expect(await page.getByTestId("problem").allInnerTexts()).toEqual([]);
    const table = page.locator('[data-testid="result-table"][data-table="NTM_PhanBo"]');
    expect(await rowDetails(table, 0)).toContain("Các xã còn lại → 25");
    expect(await rowDetails(table, 2)).toContain(
      "Khu vực III → 50 + Mỗi thôn ĐBKK: 3 × 1 → 3 = 53"
    );
    expect(await rowDetails(table, 3)).toContain("Đặc khu → 50");
    await page.getByTestId("write").click();
    await expect(page.getByTestId("written").innerText()).resolves.toContain("KQ_PhanBo");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download").click(),
    ]);
    const out = path.join(ARTIFACTS, "allocate-2026.xlsx");
    await download.saveAs(out);
    const result = await (await ExcelJsWorkbook.fromXlsx(readFileSync(out))).readSheet("KQ_PhanBo");
    const amounts = result.rows.slice(2, 6).map((r) => r[8] as number);
    // Σ = 25 + 31 + 53 + 50 = 159: 1.572,33 / 1.949,69 / 3.333,33 / 3.144,65 → 1.572 / 1.950 / 3.333 / 3.145.
    expect(amounts).toEqual([1572, 1950, 3333, 3145]);
    expect(result.rows[6][8]).toBe(10000);
    // The written table carries each commune's rule and the arithmetic of its amount.
    expect(result.rows[4][6]).toBe("Khu vực III → 50 + Mỗi thôn ĐBKK: 3 × 1 → 3 = 53");
    expect(result.rows[4][9]).toBe("53 ÷ 159 × 10.000 = 3.333,33 → 3.333");
  });
});
