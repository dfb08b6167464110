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
import { setLanguage } from "./fit";

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

/** The open workbook's policy sheet (its warnings are placed on it). */
const POLICY_SHEET = "Chỉ tiêu theo nhóm xã";

/** A commune report saved as CSV (semicolons, as Vietnamese Excel saves it). */
function csvReport(name: string, communes: [string, string, number][]) {
  const lines = ["TT;Tên xã;Mã xã;Số tiêu chí đạt"];
  communes.forEach(([commune, code, met], i) => lines.push(`${i + 1};${commune};${code};${met}`));
  return { name, mimeType: "text/csv", buffer: Buffer.from(lines.join("\n") + "\n", "utf8") };
}

/** A CSV's sheet is its base name, within Excel's 31 characters for a sheet name. */
const csvSheet = (file: string) => file.replace(/\.csv$/, "").slice(0, 31);

/** The warnings the collect panel shows, one text each. */
async function collectWarnings(session: Session): Promise<string[]> {
  await session.page.getByTestId("collect-warnings").waitFor();
  return session.page.getByTestId("collect-warnings").getByTestId("warning").allInnerTexts();
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
    // The policy sheet's warning (fewer indicators than the decision lists), placed on its sheet.
    const warned = await collectWarnings(session);
    expect(warned.filter((w) => w.startsWith(`${POLICY_SHEET}: `))).toHaveLength(1);

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

  it("shows collect's warnings after the run, each naming the report's file, sheet and cell, in Vietnamese and English, within 320 px", async () => {
    const { page } = session;
    await setLanguage(page, "vi");
    await page.setViewportSize({ width: 320, height: 900 });
    // A file name wider than the pane, with no space to break at.
    const long = "bao-cao-ket-qua-thuc-hien-bo-tieu-chi-nong-thon-moi-nam-2025-cua-xa-binh-loi.csv";
    const files = [
      csvReport("huyen-cu.csv", [
        ["Xã Tân\u0001Hòa", "31900", 19],
        ["Xã Mỹ Phước", "31902", 17],
      ]),
      csvReport(long, [
        ["Xã Long Đức", "31903", 18],
        ["Xã Bình\u000bLợi", "31901", 15],
      ]),
    ];
    const bad = [
      { file: "huyen-cu.csv", place: `${csvSheet("huyen-cu.csv")}!B2`, char: "U+0001" },
      { file: long, place: `${csvSheet(long)}!B3`, char: "U+000B" },
    ];
    if ((await page.getByTestId("collect-files").count()) === 0)
      await page.getByTestId("collect-open").click();
    await markEarlier(page, ['[data-testid="collect-done"]']);
    await page.getByTestId("collect-files").setInputFiles(files);
    await page
      .locator(fresh(['[data-testid="collect-done"]']))
      .filter({ hasText: "4 xã vào bảng" })
      .waitFor({ timeout: 120_000 });

    let warned = await collectWarnings(session);
    for (const b of bad) {
      const about = warned.filter((w) => w.includes(b.place));
      expect(about).toHaveLength(1);
      expect(about[0]).toContain(`Tệp ${b.file}`);
      expect(about[0]).toContain(b.char);
    }
    expect(warned.filter((w) => w.startsWith(`${POLICY_SHEET}: `))).toHaveLength(1);
    expect(warned).toHaveLength(bad.length + 1);
    await expect(page.getByTestId("collect-warnings").innerText()).resolves.toContain("Lưu ý");

    // Within the pane: the long names wrap, nothing reaches past its edge.
    const fit = await page.evaluate(() => {
      const box = document
        .querySelector('[data-testid="collect-warnings"]')!
        .getBoundingClientRect();
      return {
        viewport: document.documentElement.clientWidth,
        scroll: document.documentElement.scrollWidth,
        right: box.right,
        left: box.left,
      };
    });
    expect(fit.viewport).toBe(320);
    expect(fit.scroll).toBeLessThanOrEqual(fit.viewport);
    expect(fit.left).toBeGreaterThanOrEqual(0);
    expect(fit.right).toBeLessThanOrEqual(fit.viewport + 0.5);
    await screenshot(page, "collect-warnings-vi-320");

    // The pane's language switch: the same warnings in English.
    await setLanguage(page, "en");
    warned = await collectWarnings(session);
    for (const b of bad) {
      const about = warned.filter((w) => w.includes(b.place));
      expect(about).toHaveLength(1);
      expect(about[0]).toContain(`File ${b.file}`);
      expect(about[0]).toContain(`cell ${b.place}`);
      expect(about[0]).toContain(b.char);
    }
    expect(warned.join("\n")).not.toMatch(/Tệp |ghi vào|đã bỏ/);
    await expect(page.getByTestId("collect-warnings").innerText()).resolves.toContain("Warnings");
    await screenshot(page, "collect-warnings-en-320");
    await setLanguage(page, "vi");

    // Many names with a control character: the cells the output boundary names, then its count of the rest (as
    // the CLI prints them); each name is written to 4 cells (the table's and 3 in "Nguồn").
    const many = 67;
    await markEarlier(page, ['[data-testid="collect-done"]']);
    await page.getByTestId("collect-files").setInputFiles([
      csvReport(
        "ca-tinh.csv",
        Array.from({ length: many }, (_, i) => [`Xã Số\u0001${i + 1}`, String(40000 + i), 19])
      ),
    ]);
    await page
      .locator(fresh(['[data-testid="collect-done"]']))
      .filter({ hasText: `${many} xã vào bảng` })
      .waitFor({ timeout: 120_000 });
    warned = await collectWarnings(session);
    const named = warned.filter((w) => w.startsWith("Tệp ca-tinh.csv, "));
    expect(named.length).toBeGreaterThan(0);
    expect(named.length).toBeLessThan(many);
    named.forEach((w, i) => expect(w).toContain(`ca-tinh!B${i + 2} `));
    expect(warned).toContain(`… và ${4 * (many - named.length)} ô khác được sửa như trên khi ghi`);
    await page.setViewportSize({ width: 480, height: 1000 });
  });
});
