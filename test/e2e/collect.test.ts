// The pane's "Tổng hợp báo cáo của các xã" in Chromium: the commune form inserted from the open workbook's policy
// sheet, many report files picked at once, progress (files done of total), cancel writing nothing, and the result
// sheets written and replaced on a re-run (the add-in's own sheets), with the province figures from the corpus's
// manifest.

import { readFileSync } from "fs";
import path from "path";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import {
  ARTIFACTS,
  ensureDist,
  fresh,
  insertTemplate,
  markEarlier,
  open,
  screenshot,
  type Session,
} from "./browser";

jest.setTimeout(600_000);

const CORPUS = path.resolve(__dirname, "../fixtures/collect");
const REPORTS = path.join(CORPUS, "reports");
const manifest = JSON.parse(readFileSync(path.join(CORPUS, "manifest.json"), "utf8")) as {
  files: Record<string, string>;
  communes: Record<string, { file: string }>;
  missing: string[];
};

/** Every corpus file, then copies of the good forms under other names (identical reports: kept once). */
function picked(copies: number) {
  const names = Object.keys(manifest.files);
  const files = names.map((name) => ({
    name,
    mimeType: "application/octet-stream",
    buffer: readFileSync(path.join(REPORTS, name)),
  }));
  const forms = ["01-tan-hoa.xlsx", "02-long-duc-en.xlsx", "03-my-phuoc-tay.xlsx"];
  for (let i = 0; i < copies; i++) {
    const name = forms[i % forms.length];
    files.push({ ...files[names.indexOf(name)], name: `ban-sao-${i + 1}-${name}` });
  }
  return files;
}

async function download(session: Session, name: string): Promise<ExcelJsWorkbook> {
  const [file] = await Promise.all([
    session.page.waitForEvent("download"),
    session.page.getByTestId("download").click(),
  ]);
  const out = path.join(ARTIFACTS, name);
  await file.saveAs(out);
  return ExcelJsWorkbook.fromXlsx(readFileSync(out));
}

describe("collecting the communes' reports in the pane", () => {
  let session: Session;
  beforeAll(async () => {
    session = await open(ensureDist());
  });
  afterAll(async () => session && (await session.close()));

  it("inserts the commune form from the policy sheet, collects many picked files with progress, and writes the table", async () => {
    const { page } = session;
    await page.getByTestId("upload").setInputFiles(path.join(CORPUS, "inputs", "policy.xlsx"));
    await page.locator('[data-testid="file-name"]', { hasText: "policy.xlsx" }).waitFor();

    // The commune form, its rows from the open workbook's policy sheet.
    const inserted = await insertTemplate(page, "commune");
    const formSheet = inserted.slice(inserted.indexOf(":") + 1).trim();
    expect(formSheet.length).toBeGreaterThan(0);

    // Cancel: stops, writes nothing.
    await page.getByTestId("collect-open").click();
    await page.getByTestId("collect-files").setInputFiles(picked(200));
    await page.getByTestId("collect-progress").waitFor();
    await expect(page.getByTestId("collect-progress").innerText()).resolves.toMatch(/\/216 tệp/);
    await page.getByTestId("collect-cancel").click();
    await page.getByTestId("collect-cancelled").waitFor({ timeout: 120_000 });
    let book = await download(session, "collect-cancelled.xlsx");
    expect(await book.sheetNames()).not.toContain("Xã (tổng hợp)");

    // The whole run: progress of files done of total, then the sheets written.
    await page.getByTestId("collect-files").setInputFiles(picked(40));
    await page.getByTestId("collect-progress").waitFor();
    await expect(page.getByTestId("collect-progress").innerText()).resolves.toMatch(
      /Đã đọc \d+\/56 tệp/
    );
    await page.getByTestId("collect-done").waitFor({ timeout: 300_000 });
    await screenshot(page, "collect-done");
    const done = await page.getByTestId("collect-done").innerText();
    const communes = Object.keys(manifest.communes).length;
    const unreadable = Object.values(manifest.files).filter((o) => o === "unreadable").length;
    // Without a master list, the communes left out are those of the conflict and the other year and period.
    expect(done).toContain(`${communes} xã vào bảng`);
    expect(done).toContain(`${unreadable} tệp không đọc được`);
    const written = (await page.getByTestId("collect-written").innerText()).split(", ");
    expect(written).toEqual(expect.arrayContaining(["Xã (tổng hợp)", "Nguồn", "Cần xử lý"]));
    // The policy read from the open workbook is not written a second time.
    expect(written.some((s) => s.startsWith("Chỉ tiêu theo nhóm xã"))).toBe(false);

    book = await download(session, "collect.xlsx");
    const table = await book.readSheet("Xã (tổng hợp)");
    const names = table.rows.map((r) => r[1]).filter((v) => typeof v === "string");
    for (const name of Object.keys(manifest.communes)) expect(names).toContain(name);
    const problems = await book.readSheet("Cần xử lý");
    const files = problems.rows.map((r) => r[1]);
    for (const [file, outcome] of Object.entries(manifest.files))
      if (outcome !== "collected") expect(files).toContain(file);

    // A re-run replaces the add-in's sheets: the same names, no second copy. Its message says what the first
    // run's did: only a new one ends the wait.
    await markEarlier(page, ['[data-testid="collect-done"]']);
    await page.getByTestId("collect-files").setInputFiles(picked(0));
    await page
      .locator(fresh(['[data-testid="collect-done"]']))
      .filter({ hasText: `${communes} xã` })
      .waitFor({ timeout: 120_000 });
    const again = (await page.getByTestId("collect-written").innerText()).split(", ");
    expect(again).toEqual(written);
    book = await download(session, "collect-again.xlsx");
    const sheets = await book.sheetNames();
    expect(sheets.filter((s) => s.startsWith("Xã (tổng hợp)"))).toEqual(["Xã (tổng hợp)"]);
    expect(sheets).toContain(formSheet);
    const form = await book.readSheet(formSheet);
    // The form's rows are the policy's indicators: its first code is there.
    expect(form.rows.flat()).toContain("1.1");
  });
});
