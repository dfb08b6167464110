// The web app as a product, in Vietnamese, as an office without Excel uses it: dist/ served from a folder of a static
// site (/some/dir/), no network but that folder. A file is opened through our own button (the 2026-2030 sample, then
// an .xls twin of an office layout, then the same .xls under a name that says .xlsx), jobs are run, the results .xlsx
// and the .docx report are downloaded and opened: the result sheets hold the CLI's figures for the same file.

import { copyFileSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import mammoth from "mammoth";
import { formatVi } from "../../src/engine/numbers";
import { runCli } from "../cli/helpers";
import { contents, load } from "../workbook/adapters/xlsx-contents";
import { ARTIFACTS, ensureDist, open, runChosenJob, screenshot, type Session } from "./browser";

jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE_2026 = path.join(ROOT, "assets/ntm-sample-2026.xlsx");
const XLS = path.join(ROOT, "test/fixtures/xls/h-hidden-commune-rows.xls");
const PREFIX = "/some/dir/";

interface Summary {
  communes: number;
  standard: number;
  averageCriteria: number;
}

/** The CLI's --json for the same file and options. */
async function cli(command: string, file: string, ...flags: string[]): Promise<Summary> {
  const run = await runCli([command, file, ...flags, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Summary;
}

/** Saves the download the click starts, under test-artifacts/. */
async function download(session: Session, testId: string, name: string) {
  const [file] = await Promise.all([
    session.page.waitForEvent("download"),
    session.page.getByTestId(testId).click(),
  ]);
  const out = path.join(ARTIFACTS, name);
  await file.saveAs(out);
  return { out, suggested: file.suggestedFilename() };
}

/** The sheets of a downloaded .xlsx, opened with ExcelJS as Excel would: sheet name → rows of values (from A1). */
async function workbookRows(file: string): Promise<Map<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheets = new Map<string, unknown[][]>();
  for (const sheet of book.worksheets) {
    if (sheet.state === "veryHidden") continue;
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      const values = (row.values as unknown[]).slice(1);
      rows[n - 1] = values.map((v) =>
        v && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v
      );
    });
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

/** Runs the CLI with --out FILE, expecting it to succeed saying nothing on stderr. */
async function cliOut(argv: string[], file: string): Promise<void> {
  const run = await runCli([...argv, "--out", file]);
  expect({ argv, code: run.code, stderr: run.stderr }).toEqual({ argv, code: 0, stderr: "" });
}

/** A copy of `file` in a fresh folder, to write onto as the user would with --out. */
function copyOf(file: string): string {
  const copy = path.join(mkdtempSync(path.join(tmpdir(), "web-cli-")), path.basename(file));
  copyFileSync(file, copy);
  return copy;
}

/** The worksheet XML of the sheet named `name` in an .xlsx (found through the workbook's relationships). */
function sheetPart(file: string, name: string): string {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  const text = (part: string) => strFromU8(parts[part]);
  const entry = [...text("xl/workbook.xml").matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => tag.includes(`name="${name}"`));
  const rid = entry && /\br:id="([^"]+)"/.exec(entry)?.[1];
  const rel = [...text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => tag.includes(`Id="${rid}"`));
  const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
  if (!target) throw new Error(`${file}: no sheet "${name}"`);
  return text(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
}

/** What a user sees of each visible sheet of an .xlsx (cells, formats, tables, layout), by sheet name. */
async function visibleContents(file: string): Promise<Map<string, unknown>> {
  const sheets = contents(await load(new Uint8Array(readFileSync(file))));
  return new Map(sheets.filter((s) => s.state !== "veryHidden").map((s) => [s.name, s]));
}

/** The figure beside the label that starts with `label` in a key-figures table. */
function figure(rows: unknown[][], label: string): unknown {
  const row = rows.find((r) => typeof r?.[0] === "string" && (r[0] as string).startsWith(label));
  if (!row) throw new Error(`no row "${label}"`);
  return row[1];
}

/** The summary's key figures as the sheet KQ_TongHop holds them, against the CLI's JSON. */
function expectSummarySheet(rows: unknown[][] | undefined, json: Summary): void {
  expect(rows).toBeDefined();
  expect(figure(rows!, "Số xã (Communes)")).toBe(json.communes);
  expect(figure(rows!, "Số tiêu chí bình quân/xã")).toBe(json.averageCriteria);
  expect(figure(rows!, "Số xã đạt chuẩn NTM - đạt")).toBe(json.standard);
}

async function tile(session: Session, id: string): Promise<string> {
  return session.page
    .locator(`[data-testid="key-figure"][data-figure="${id}"]`)
    .locator("span")
    .nth(1)
    .innerText();
}

async function openInApp(session: Session, file: { name: string; buffer: Buffer }) {
  const { page } = session;
  await page.getByTestId("upload").setInputFiles({
    name: file.name,
    mimeType: "application/octet-stream",
    buffer: file.buffer,
  });
  await page.locator('[data-testid="file-name"]', { hasText: file.name }).waitFor();
  expect(await page.getByTestId("problem").allInnerTexts()).toEqual([]);
}

async function runSummary(session: Session, year?: string): Promise<void> {
  const { page } = session;
  await page.getByTestId("job-picker").selectOption("summary");
  if (year) await page.getByTestId("option-year").fill(year);
  await runChosenJob(page);
  expect(await page.getByTestId("problem").allInnerTexts()).toEqual([]);
}

describe("the web app from a static folder, offline, in Vietnamese", () => {
  let session: Session;
  beforeAll(async () => {
    session = await open(ensureDist(), { prefix: PREFIX, offline: true });
  });
  afterAll(async () => session && (await session.close()));

  it("starts from a sub-path in Vietnamese, its file picker in our words", async () => {
    const { page } = session;
    expect(session.url).toMatch(/\/some\/dir\/$/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
    expect(await page.title()).toBe("Lập kế hoạch Nông thôn mới — ứng dụng web");
    await expect(page.getByTestId("upload-button").innerText()).resolves.toBe(
      "Mở tệp (.xlsx, .xls, .csv)…"
    );
    // The browser's own file input ("Chọn tệp", "Không có tệp nào được chọn") is not shown.
    await expect(page.getByTestId("upload").isHidden()).resolves.toBe(true);
    expect(await page.locator("input[type=file]:visible").count()).toBe(0);
    await expect(page.getByTestId("web-toolbar").innerText()).resolves.toContain(
      "Đang dùng dữ liệu mẫu (Sóc Trăng 2023): ntm-sample.xlsx — sổ Excel (.xlsx)"
    );
    await screenshot(page, "web-app-start");
  });

  it("opens the 2026-2030 sample, runs, downloads the .xlsx and the .docx with the CLI's figures", async () => {
    const { page } = session;
    await openInApp(session, { name: "ntm-sample-2026.xlsx", buffer: readFileSync(SAMPLE_2026) });
    await expect(page.getByTestId("web-toolbar").innerText()).resolves.toContain(
      "Tệp đang mở: ntm-sample-2026.xlsx"
    );
    const json = await cli("summary", SAMPLE_2026, "--year", "2027");
    await runSummary(session, "2027");
    expect(await tile(session, "standard")).toBe(
      `${formatVi(json.standard)}/${formatVi(json.communes)}`
    );
    await page.getByTestId("write").click();
    await page.getByTestId("written").waitFor();
    // Targets by the exact optimiser: HiGHS in a worker, its .wasm fetched from the same folder.
    const plan = (await cli(
      "targets",
      SAMPLE_2026,
      ...["--year", "2027", "--budget", "20000", "--method", "optimal"]
    )) as unknown as { newlyStandard: number; optimal: boolean };
    expect(plan.optimal).toBe(true);
    await page.getByTestId("job-picker").selectOption("targets");
    await page.getByTestId("option-year").fill("2027");
    await page.getByTestId("option-budget").fill("20000");
    await page.getByTestId("option-method").selectOption("optimal");
    await runChosenJob(page);
    expect(await page.getByTestId("problem").allInnerTexts()).toEqual([]);
    expect(await tile(session, "newly-standard")).toBe(formatVi(plan.newlyStandard));
    await page.getByTestId("write").click();
    await page.getByTestId("written").waitFor();
    await screenshot(page, "web-app-2026-written");

    const xlsx = await download(session, "download", "web-app-2026.xlsx");
    expect(xlsx.suggested).toBe("ntm-sample-2026-ket-qua.xlsx");
    const sheets = await workbookRows(xlsx.out);
    // The user's sheets are there, and the results beside them.
    expect([...sheets.keys()]).toEqual(expect.arrayContaining(["Xã", "KQ_TongHop", "KQ_ChiTieu"]));
    expectSummarySheet(sheets.get("KQ_TongHop"), json);

    // The CLI's writer made it: every part of the user's file byte for byte (only the parts that list parts gain
    // entries), as `--out` onto the same file keeps them.
    const original = unzipSync(new Uint8Array(readFileSync(SAMPLE_2026)));
    const downloaded = unzipSync(new Uint8Array(readFileSync(xlsx.out)));
    const lists =
      /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml)$/;
    for (const [part, bytes] of Object.entries(original))
      if (!lists.test(part))
        expect([part, Buffer.from(downloaded[part] ?? [])]).toEqual([part, Buffer.from(bytes)]);
    // The same two runs of the CLI, each with --out onto a copy of the file: sheet for sheet, cell for cell the same
    // (values, number formats, tables, widths, page setup), the user's sheets and ours.
    const flags = ["--year", "2027"];
    const both = copyOf(SAMPLE_2026);
    await cliOut(["summary", SAMPLE_2026, ...flags], both);
    await cliOut(
      ["targets", SAMPLE_2026, ...flags, "--budget", "20000", "--method", "optimal"],
      both
    );
    const ours = await visibleContents(xlsx.out);
    const viaCli = await visibleContents(both);
    // (The CLI's targets run also writes KQ_GiaDinh, its assumptions sheet; the page's run wrote none.)
    expect([...ours.keys()]).toEqual([...viaCli.keys()].filter((name) => ours.has(name)));
    expect([...ours.keys()]).toEqual(
      expect.arrayContaining(["KQ_TongHop", "KQ_TungXa", "KQ_ChiTieu"])
    );
    for (const [name, sheet] of ours) expect([name, sheet]).toEqual([name, viaCli.get(name)]);
    // The summary's sheet as the CLI writes it into the same file, byte for byte.
    const summaryOnly = copyOf(SAMPLE_2026);
    await cliOut(["summary", SAMPLE_2026, ...flags], summaryOnly);
    expect(sheetPart(xlsx.out, "KQ_TongHop")).toBe(sheetPart(summaryOnly, "KQ_TongHop"));

    const docx = await download(session, "report-docx", "web-app-2026.docx");
    expect(docx.suggested).toMatch(/\.docx$/);
    const text = (await mammoth.extractRawText({ buffer: readFileSync(docx.out) })).value;
    expect(text).toContain(`${formatVi(json.standard)}/${formatVi(json.communes)} xã`);
  });

  it("opens an .xls twin through the .xls reader and downloads a new .xlsx of the results", async () => {
    const { page } = session;
    await openInApp(session, { name: path.basename(XLS), buffer: readFileSync(XLS) });
    await expect(page.getByTestId("file-kind").innerText()).resolves.toBe(
      "sổ Excel 97-2003 (.xls)"
    );
    await page.getByTestId("xls-note").waitFor();
    // Nothing written yet: nothing to download, and the pane says why.
    await expect(page.getByTestId("download").getAttribute("aria-disabled")).resolves.toBe("true");
    await page.getByTestId("download-note").waitFor();

    const json = await cli("summary", XLS);
    await runSummary(session);
    expect(await tile(session, "standard")).toBe(
      `${formatVi(json.standard)}/${formatVi(json.communes)}`
    );
    await page.getByTestId("write").click();
    await page.getByTestId("written").waitFor();
    await screenshot(page, "web-app-xls-written");
    const xlsx = await download(session, "download", "web-app-xls.xlsx");
    expect(xlsx.suggested).toBe("h-hidden-commune-rows-ket-qua.xlsx");
    const sheets = await workbookRows(xlsx.out);
    // Only what was written: the .xls itself is not converted.
    expect([...sheets.keys()]).toContain("KQ_TongHop");
    for (const name of sheets.keys()) expect(name).toMatch(/^KQ_/);
    expectSummarySheet(sheets.get("KQ_TongHop"), json);
    // The CLI's --out of the same run, a new file of results: its sheets' XML byte for byte.
    const cliFile = path.join(mkdtempSync(path.join(tmpdir(), "web-cli-")), "xls-ket-qua.xlsx");
    await cliOut(["summary", XLS], cliFile);
    for (const name of sheets.keys())
      expect([name, sheetPart(xlsx.out, name)]).toEqual([name, sheetPart(cliFile, name)]);

    const docx = await download(session, "report-docx", "web-app-xls.docx");
    const text = (await mammoth.extractRawText({ buffer: readFileSync(docx.out) })).value;
    expect(text).toContain(`${formatVi(json.standard)}/${formatVi(json.communes)} xã`);
  });

  it("tells the .xls by its content under a name that says .xlsx", async () => {
    const { page } = session;
    await openInApp(session, { name: "bao-cao-cu.xlsx", buffer: readFileSync(XLS) });
    await expect(page.getByTestId("file-kind").innerText()).resolves.toBe(
      "sổ Excel 97-2003 (.xls)"
    );
    const json = await cli("summary", XLS);
    await runSummary(session);
    expect(await tile(session, "standard")).toBe(
      `${formatVi(json.standard)}/${formatVi(json.communes)}`
    );
  });

  it("refuses a bad .xls as the CLI does: the cell named, or the file", async () => {
    const { page } = session;
    // VNI-encoded commune names: the CLI refuses them naming sheet 'Phụ lục II', cell B7.
    const vni = path.join(ROOT, "test/fixtures/xls/ds-vni-names.xls");
    const run = await runCli(["summary", vni]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("sheet 'Phụ lục II', ô/cell B7");
    await openInApp(session, { name: "ds-vni-names.xls", buffer: readFileSync(vni) });
    await page.getByTestId("job-picker").selectOption("summary");
    await runChosenJob(page);
    const problem = await page.getByTestId("problem").innerText();
    expect(problem).toContain("Trang tính 'Phụ lục II', ô B7");
    expect(problem).toContain("VNI");
    // A page saved as .xls (an HTML export): refused naming the file, and the open file stays open.
    await page.getByTestId("upload").setInputFiles({
      name: "xuat-tu-web.xls",
      mimeType: "application/vnd.ms-excel",
      buffer: Buffer.from("<html><table><tr><td>Xã</td></tr></table></html>"),
    });
    const refused = page.getByTestId("web-toolbar").getByTestId("problem");
    await refused.waitFor();
    expect(await refused.innerText()).toContain("Tệp 'xuat-tu-web.xls'");
    expect(await refused.innerText()).toContain("Excel 97-2003 (.xls)");
    await expect(page.getByTestId("file-name").innerText()).resolves.toBe("ds-vni-names.xls");
    await screenshot(page, "web-app-xls-refused");
  });

  it("speaks English when switched, and keeps it for the next file", async () => {
    const { page } = session;
    await page.getByTestId("language").click();
    await expect(page.getByTestId("upload-button").innerText()).resolves.toBe(
      "Open a file (.xlsx, .xls, .csv)…"
    );
    expect(await page.title()).toBe("New Rural Development planner — web app");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    const toolbar = await page.getByTestId("web-toolbar").innerText();
    expect(toolbar).toContain("Open file: ds-vni-names.xls — Excel 97-2003 workbook (.xls)");
    expect(toolbar).toContain("The .xls file is only read, never changed");
    await openInApp(session, { name: "ntm-sample-2026.xlsx", buffer: readFileSync(SAMPLE_2026) });
    await expect(page.getByTestId("upload-button").innerText()).resolves.toBe(
      "Open a file (.xlsx, .xls, .csv)…"
    );
    await page.getByTestId("language").click();
  });

  it("made no request outside its folder: every file it asked for is there", () => {
    expect(session.outside).toEqual([]);
    expect(session.served.length).toBeGreaterThan(0);
    for (const asked of session.served) expect(asked.startsWith(PREFIX)).toBe(true);
    // The lazily loaded pieces came from the same folder: the .xls reader and the optimiser's WebAssembly.
    expect(session.served.some((u) => /\/xls\.[0-9a-f]+\.js$|\/xls\.js$/.test(u))).toBe(true);
    expect(session.served).toContain(`${PREFIX}highs.wasm`);
  });
});
