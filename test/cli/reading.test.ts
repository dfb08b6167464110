// Every job's --json names what it read (`reading`): the sheet, the rows used and the rows set aside. Run on the
// sample workbooks and on every file of test/fixtures/layouts/ that a command reads; the counts and the skipped
// total rows are taken from the files themselves (the manifest's figures, the sheet's own cells), never from a run.

import { readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { TableReading } from "../../src/workbook/reading/types";

const ROOT = path.resolve(__dirname, "..", "..");
const LAYOUTS = path.join(ROOT, "test", "fixtures", "layouts");

async function run(argv: string[]): Promise<{ code: number; json: any; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, json: code === 0 ? JSON.parse(out.join("\n")) : null, err: err.join("\n") };
}

/** The rows a compact range list names: "6-8, 10" → [6, 7, 8, 10]. */
function rowsOf(ranges: string): number[] {
  if (ranges === "") return [];
  return ranges.split(", ").flatMap((part) => {
    const [a, b] = part.split("-").map(Number);
    return Array.from({ length: (b ?? a) - a + 1 }, (_, i) => a + i);
  });
}

const books = new Map<string, Promise<ExcelJS.Workbook>>();
function book(file: string): Promise<ExcelJS.Workbook> {
  if (!books.has(file)) {
    const wb = new ExcelJS.Workbook();
    books.set(
      file,
      wb.xlsx.readFile(file).then(() => wb)
    );
  }
  return books.get(file)!;
}

/** The first text of each row of a sheet, as typed (1-based sheet rows). */
async function firstTexts(file: string, sheet: string): Promise<Map<number, string>> {
  const ws = (await book(file)).getWorksheet(sheet);
  const texts = new Map<number, string>();
  ws?.eachRow({ includeEmpty: false }, (row, r) => {
    for (let c = 1; c <= row.cellCount; c++) {
      const v = row.getCell(c).value;
      if (typeof v === "string" && v.trim() !== "") {
        texts.set(r, v.trim().normalize("NFC"));
        return;
      }
    }
  });
  return texts;
}

const TOTAL_LABEL = /^(tổng cộng|tổng số|tổng|cộng)(\s|$)/iu;

/** Rows below the header whose first text is a total or subtotal label ("Tổng cộng", "Cộng huyện …", "Cộng"). */
async function totalRows(file: string, reading: TableReading): Promise<number[]> {
  const texts = await firstTexts(file, reading.sheet);
  return [...texts.entries()]
    .filter(([r, t]) => r > reading.headerRows[1] && TOTAL_LABEL.test(t))
    .map(([r]) => r);
}

/** What every reading must say, whatever the table. */
async function checkShape(file: string, readings: TableReading[]): Promise<void> {
  expect(readings.length).toBeGreaterThan(0);
  const sheets = (await book(file)).worksheets.map((w) => w.name);
  for (const r of readings) {
    expect(sheets).toContain(r.sheet);
    expect(r.headerRows[0]).toBeLessThanOrEqual(r.headerRows[1]);
    const used = rowsOf(r.used.rows);
    expect(used.length).toBe(r.used.count);
    expect(Math.min(...used)).toBeGreaterThan(r.headerRows[1]);
    // A row is used or set aside, never both.
    for (const s of r.skipped) expect(used).not.toContain(s.row);
  }
}

/** The reading of the table read as `input`; one per job. */
function readingOf(readings: TableReading[], input: string): TableReading {
  const found = readings.filter((r) => r.input === input);
  expect(found).toHaveLength(1);
  return found[0];
}

/** A communes (or coefficients) table: the rows used are the communes counted, every total row is set aside. */
async function checkRows(
  file: string,
  r: TableReading,
  sheet: string,
  count: number
): Promise<number> {
  expect(r.sheet).toBe(sheet);
  expect(r.used.count).toBe(count);
  const skipped = new Map(r.skipped.map((s) => [s.row, s.role]));
  const totals = await totalRows(file, r);
  for (const row of totals) {
    expect([row, skipped.get(row)]).toEqual([row, expect.stringMatching(/^(sub)?total$/)]);
  }
  return totals.length;
}

/** Files whose names say they hold total or subtotal rows: the check above must have found some there. */
const HAS_TOTALS = /subtotal|total|cong/;

interface Entry {
  file: string;
  kind: string;
  expect: Record<string, any>;
}
const MANIFEST: Entry[] = JSON.parse(readFileSync(path.join(LAYOUTS, "manifest.json"), "utf8"));
const reads = (e: Entry, command: string) =>
  e.expect[command] !== undefined && !("refuse" in e.expect[command]);

const ARGS: Record<string, string[]> = {
  summary: [],
  targets: ["--budget", "16", "--max-per-commune", "3"],
  roadmap: ["--budget", "1000", "--from", "2024", "--to", "2025"],
  funding: [],
  counterpart: ["--ratio", "1"],
  allocate: ["--total", "1000"],
};

describe("reading in every job's --json, on the layouts corpus", () => {
  const communes = MANIFEST.filter((e) => e.file.endsWith(".xlsx") && reads(e, "summary"));
  it.each(communes.map((e) => [e.file, e] as const))(
    "%s: every communes job names the sheet, the communes counted and the total rows set aside",
    async (_name, e) => {
      const file = path.join(LAYOUTS, e.file);
      const { sheet, communes: count } = e.expect.summary;
      for (const command of ["summary", "targets", "roadmap"].filter((c) => reads(e, c))) {
        const { code, json, err } = await run([command, file, ...ARGS[command], "--json"]);
        expect([command, code, err]).toEqual([command, 0, ""]);
        await checkShape(file, json.reading);
        const totals = await checkRows(file, readingOf(json.reading, "communes"), sheet, count);
        if (HAS_TOTALS.test(e.file)) expect(totals).toBeGreaterThan(0);
      }
    }
  );

  const money = MANIFEST.filter((e) => e.file.endsWith(".xlsx") && reads(e, "funding"));
  it.each(money.map((e) => [e.file, e] as const))(
    "%s: funding and counterpart name the funding table's sheet and its lines",
    async (_name, e) => {
      const file = path.join(LAYOUTS, e.file);
      for (const command of ["funding", "counterpart"].filter((c) => reads(e, c))) {
        const { code, json } = await run([command, file, ...ARGS[command], "--json"]);
        expect(code).toBe(0);
        await checkShape(file, json.reading);
        const budget = readingOf(json.reading, "budget");
        expect(budget.sheet).toBe(e.expect[command].sheet);
        expect(budget.used.role).toBe("line");
      }
    }
  );

  const coefficients = MANIFEST.filter((e) => reads(e, "allocate"));
  it.each(coefficients.map((e) => [e.file, e] as const))(
    "%s: allocate names the coefficients sheet, one row per unit, the total rows set aside",
    async (_name, e) => {
      const file = path.join(LAYOUTS, e.file);
      const { code, json } = await run(["allocate", file, ...ARGS.allocate, "--json"]);
      expect(code).toBe(0);
      await checkShape(file, json.reading);
      const { sheet, units } = e.expect.allocate;
      const totals = await checkRows(
        file,
        readingOf(json.reading, "coefficients"),
        sheet,
        units.length
      );
      if (HAS_TOTALS.test(e.file)) expect(totals).toBeGreaterThan(0);
    }
  );
});

/** Communes of a sample's sheet: rows whose TT cell (column A) is a number, counted from the file. */
async function numberedRows(file: string, sheet: string): Promise<number> {
  const ws = (await book(file)).getWorksheet(sheet)!;
  let n = 0;
  ws.eachRow((row) => {
    if (typeof row.getCell(1).value === "number") n++;
  });
  return n;
}

describe("reading in every job's --json, on the sample workbooks", () => {
  const SAMPLE = path.join(ROOT, "assets", "ntm-sample.xlsx");
  const SAMPLE_2026 = path.join(ROOT, "assets", "ntm-sample-2026.xlsx");

  it.each([
    [SAMPLE, ["summary"], ["targets"], ["roadmap", "--budget", "5000", "--to", "2025"]],
    [SAMPLE_2026, ["summary"], ["targets"], ["roadmap", "--budget", "20000", "--to", "2030"]],
  ] as const)(
    "%s: the communes jobs read every numbered commune row",
    async (file, ...commands) => {
      const count = await numberedRows(file, "Xã");
      for (const [command, ...args] of commands) {
        const { code, json, err } = await run([command, file, ...args, "--json"]);
        expect([command, code, err]).toEqual([command, 0, ""]);
        await checkShape(file, json.reading);
        await checkRows(file, readingOf(json.reading, "communes"), "Xã", count);
      }
    }
  );

  it("2026: the period targets and the indicator policy are read beside the communes", async () => {
    const { json } = await run(["summary", SAMPLE_2026, "--json"]);
    const sheets = Object.fromEntries(json.reading.map((r: TableReading) => [r.input, r.sheet]));
    // The sample's merger mapping is read too: every job matches its communes against it.
    expect(sheets).toEqual({
      communes: "Xã",
      indicators: "Chỉ tiêu theo nhóm xã",
      "period-targets": "Chỉ tiêu giai đoạn",
      merge: "Sáp nhập",
    });
    const policy = readingOf(json.reading, "indicators");
    expect(policy.used.count).toBe(await numberedRowsOrCodes(SAMPLE_2026, "Chỉ tiêu theo nhóm xã"));
  });

  it("2026: allocate reads the coefficients sheet, one row per commune", async () => {
    const { code, json } = await run(["allocate", SAMPLE_2026, "--total", "100000", "--json"]);
    expect(code).toBe(0);
    await checkShape(SAMPLE_2026, json.reading);
    const count = await numberedRows(SAMPLE_2026, "Hệ số phân bổ");
    await checkRows(SAMPLE_2026, readingOf(json.reading, "coefficients"), "Hệ số phân bổ", count);
  });

  it("funding and counterpart read the sample's funding sheet", async () => {
    for (const command of [["funding"], ["counterpart", "--ratio", "1"]]) {
      const { code, json } = await run([command[0], SAMPLE, ...command.slice(1), "--json"]);
      expect(code).toBe(0);
      await checkShape(SAMPLE, json.reading);
      expect(readingOf(json.reading, "budget").sheet).toBe("Nguồn vốn");
    }
  });

  it("plan gives each job's reading in its result and one reading per table for the run", async () => {
    const { code, json } = await run([
      "plan",
      SAMPLE,
      "--budget",
      "5000",
      "--to",
      "2025",
      "--json",
    ]);
    expect(code).toBe(0);
    const done = json.jobs.filter((j: any) => j.status === "done");
    expect(done.length).toBeGreaterThan(2);
    for (const j of done) await checkShape(SAMPLE, j.result.reading);
    const keys = json.reading.map((r: TableReading) => `${r.input}|${r.sheet}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain("communes|Xã");
    expect(keys).toContain("budget|Nguồn vốn");
  });

  it("report carries each job's reading in its JSON", async () => {
    const { code, json } = await run([
      "report",
      SAMPLE,
      "--budget",
      "5000",
      "--to",
      "2025",
      "--json",
    ]);
    expect(code).toBe(0);
    const summary = json.jobs.find((j: any) => j.id === "summary");
    const communes = readingOf(summary.result.reading, "communes");
    expect(communes.used.count).toBe(await numberedRows(SAMPLE, "Xã"));
    expect(json.reading.map((r: TableReading) => r.sheet)).toContain("Xã");
  });
});

/** Indicator rows of a policy sheet: rows whose first cell is an indicator code such as "2.1". */
async function numberedRowsOrCodes(file: string, sheet: string): Promise<number> {
  const ws = (await book(file)).getWorksheet(sheet)!;
  let n = 0;
  ws.eachRow((row) => {
    if (/^\d{1,2}\.\d{1,2}$/.test(String(row.getCell(1).value ?? "").trim())) n++;
  });
  return n;
}
