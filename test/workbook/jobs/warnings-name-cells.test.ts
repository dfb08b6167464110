// Every job over the samples and the layouts, bad, hostile and example corpora: a warning that rests on rows of the
// user's sheets names its sheet and cell, and says them in both languages wherever it is shown (placedWarning: the
// CLI's lines, the pane, the result sheets). What the output boundary changes in a written cell (a control
// character) is said at the input cell that text came from, for every job's tables.

import { readdirSync } from "node:fs";
import * as path from "node:path";
import { cellRef, placedWarning } from "../../../src/engine/errors";
import type { Warning } from "../../../src/engine/types";
import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import type { CellValue } from "../../../src/workbook/grid";
import { safeOutputSheets } from "../../../src/workbook/output-text";
import { buildReport } from "../../../src/workbook/report/build";
import { safeReport } from "../../../src/workbook/report/docx";
import { JOBS } from "../../../src/workbook/jobs";
import type { PlanningJob } from "../../../src/workbook/jobs/job";
import type { WorkbookPort } from "../../../src/workbook/port";
import type { RunOptions } from "../../../src/workbook/reading/inputs";
import { openCorpusWorkbook } from "./corpus-workbook";
import { CATALOGUE_2026_2030 } from "../../../src/engine/catalogues";
import { withIndicators } from "../../../src/engine/indicators";
import { collectReports } from "../../../src/workbook/collect/collect";
import { readIndicatorPolicy } from "../../../src/workbook/readers/indicator-policy";
import { CODES, GROUPS, POLICY, rawValues } from "../../cli/period-2026";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const FIXTURES = path.join(ROOT, "test", "fixtures");
const SAMPLES = ["ntm-sample.xlsx", "ntm-sample-2026.xlsx"].map((f) =>
  path.join(ROOT, "assets", f)
);

/** Options that settle what each job requires, so that what it says is about the data. */
const OPTIONS: Record<string, RunOptions> = {
  targets: { budget: 1000 },
  counterpart: { ratio: 1 },
  allocate: { total: 1000 },
  roadmap: { budget: 1000, to: 2030 },
};

function files(): string[] {
  return [
    ...SAMPLES,
    ...["layouts", "bad", "hostile", "examples"].flatMap((c) =>
      readdirSync(path.join(FIXTURES, c))
        .filter((f) => /\.(xlsx|csv)$/.test(f))
        .map((f) => path.join(FIXTURES, c, f))
    ),
  ];
}

/** Runs a job with its required inputs on one sheet, or found by the sheet finder: its warnings and sheets. */
async function run(job: PlanningJob, book: WorkbookPort, sheet?: string) {
  const inputs = Object.fromEntries(
    job.inputs
      .filter((i) => i.required)
      .map((i) => [i.id, sheet === undefined ? { workbook: book } : { workbook: book, sheet }])
  );
  try {
    return await job.run({ inputs, options: OPTIONS[job.id] ?? {} });
  } catch (e) {
    if (process.env.DEBUG_RUN) console.log(job.id, sheet, String(e).slice(0, 300));
    return null;
  }
}

/** What is wrong with one warning: a sheet without a cell, a sheet not the user's, words not naming the place. */
function problemsOf(w: Warning, sheets: string[]): string[] {
  if (w.sheet === undefined) return w.cell === undefined ? [] : [`a cell without a sheet: ${w.vi}`];
  const out: string[] = [];
  if (!sheets.includes(w.sheet)) out.push(`names ${w.sheet}, not a sheet of the user's: ${w.vi}`);
  if (w.cell === undefined) out.push(`names sheet '${w.sheet}' but no cell: ${w.vi}`);
  else {
    const placed = placedWarning(w);
    for (const text of [placed.vi, placed.en]) {
      const named =
        text.includes(cellRef(w.sheet, w.cell)) ||
        (text.includes(w.sheet) && text.includes(w.cell));
      if (!named) out.push(`does not say ${cellRef(w.sheet, w.cell)}: ${text}`);
    }
  }
  return out;
}

jest.setTimeout(600_000);

let seen = 0;

describe("every warning resting on the user's rows names its sheet and cell", () => {
  it.each(files().map((f) => [path.relative(ROOT, f), f]))("%s", async (_rel, file) => {
    const book = await openCorpusWorkbook(file);
    if (!book) return;
    const sheets = await book.sheetNames();
    const problems: string[] = [];
    for (const job of JOBS) {
      for (const sheet of [undefined, ...sheets]) {
        const result = await run(job, book, sheet);
        if (!result) continue;
        const boundary = safeOutputSheets(result.sheets).warnings;
        for (const w of [...result.warnings, ...boundary]) {
          if (w.sheet !== undefined) seen++;
          for (const p of problemsOf(w, sheets))
            problems.push(`${job.id} on ${sheet ?? "(found)"}: ${p}`);
        }
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it("looked at hundreds of warnings that rest on a sheet", () => {
    expect(seen).toBeGreaterThan(300);
  });
});

/** A name (a commune's, a line's): words with a space, no figures, no mark ("Đạt/Không đạt"). */
const isName = (v: string) => /\p{L}{2,} \p{L}/u.test(v) && !/[\d/]|đạt/i.test(v);
/** A money column's heading ("Kế hoạch năm 2026"): what the counterpart check writes on each of its rows. */
const isYearHeading = (v: string) => /\bnăm \d{4}$/.test(v);

/**
 * The workbook with a control character (U+0001) at the end of every name below each sheet's header row (its
 * first row of two texts or more) and of every money column's heading.
 */
async function withControlCharacters(book: WorkbookPort): Promise<MemoryWorkbook> {
  const sheets: Record<string, CellValue[][]> = {};
  for (const name of await book.sheetNames()) {
    const grid = await book.readSheet(name);
    // The indicator policy's words ("không áp dụng") are read as rules, not names.
    const names = !/chỉ tiêu theo nhóm/i.test(name);
    const header = grid.rows.findIndex(
      (row) => row.filter((v) => typeof v === "string").length >= 2
    );
    const pad = (row: CellValue[]) => [...new Array<CellValue>(grid.origin.col).fill(null), ...row];
    sheets[name] = [
      ...new Array<CellValue[]>(grid.origin.row).fill([]),
      ...grid.rows.map((row, r) =>
        pad(
          row.map((v) =>
            typeof v === "string" && (isYearHeading(v) || (r > header && names && isName(v)))
              ? `${v}\u0001`
              : v
          )
        )
      ),
    ];
  }
  return new MemoryWorkbook(sheets);
}

/** The jobs each sample runs with the options above, all of which write some of the user's texts. */
const EXPECTED: Record<string, string[]> = {
  "ntm-sample.xlsx": ["summary", "targets", "funding", "counterpart", "roadmap"],
  "ntm-sample-2026.xlsx": [
    "summary",
    "targets",
    "funding",
    "counterpart",
    "allocate",
    "roadmap",
    "merge",
  ],
};

describe("a control character in an input row: what the output boundary says names that input cell, for every job", () => {
  it.each(SAMPLES.map((f) => [path.basename(f), f]))("%s", async (_name, file) => {
    const book = await withControlCharacters((await openCorpusWorkbook(file))!);
    const sheets = await book.sheetNames();
    const said: Record<string, number> = {};
    const problems: string[] = [];
    for (const job of JOBS) {
      const result = await run(job, book);
      if (!result) continue;
      // Each table on its own, so that every table's first cells are said (the boundary lists 20 a run).
      const boundary = result.sheets
        .flatMap((sheet) => sheet.tables.map((table) => ({ ...sheet, tables: [table] })))
        .flatMap((one) => safeOutputSheets([one]).warnings)
        .filter((w) => !w.vi.startsWith("…"));
      said[job.id] = boundary.length;
      for (const w of boundary) {
        if (w.sheet === undefined || /^KQ_/.test(w.sheet))
          problems.push(`${job.id}: names no input cell: ${w.vi}`);
        for (const p of problemsOf(w, sheets)) problems.push(`${job.id}: ${p}`);
        // The result cell is said too, in words (the cells, or their count and the first ones, where one input cell's
        // text was written to several: one warning for them all).
        if (!/\(ghi vào (KQ_\w+![A-Z]+\d+\)|\d+ ô: KQ_\w+![A-Z]+\d+)/.test(w.vi))
          problems.push(`${job.id}: ${w.vi}`);
      }
    }
    expect(problems).toEqual([]);
    console.log(path.basename(file), said);
    // Every job that writes the user's texts had some to say: the check above was not empty.
    for (const id of EXPECTED[path.basename(file)])
      expect([id, (said[id] ?? 0) > 0]).toEqual([id, true]);
  });
});

describe("a control character in a name of an input row: the report's warning names that cell on the user's sheet", () => {
  /** The report's table of each job's rows. */
  const TABLE: Record<string, string> = {
    targets: "targets",
    funding: "funding",
    allocate: "allocation",
    counterpart: "counterpart",
  };
  const CASES = [
    ...SAMPLES.flatMap((f) =>
      ["targets", "funding", "counterpart"].map((job) => [path.basename(f), job, f] as const)
    ),
    ["ntm-sample-2026.xlsx", "allocate", SAMPLES[1]] as const,
  ];
  it.each(CASES)("%s, %s", async (_name, jobId, file) => {
    const book = await withControlCharacters((await openCorpusWorkbook(file))!);
    const sheets = await book.sheetNames();
    const result = await run(
      JOBS.find((j) => j.id === jobId)!,
      book
    );
    const report = buildReport({ [jobId]: result!.json }, { lang: "vi" });
    // The appendix tables' rows (a paragraph listing several communes names its place in the report only).
    const rowOf = new RegExp(` bảng ${TABLE[jobId]}, hàng `);
    const warnings = safeReport(report).warnings.filter((w) => rowOf.test(w.vi));
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) {
      expect(problemsOf(w, sheets)).toEqual([]);
      // Its place in the appendix's table, alone or among the places the same name went (the paragraph listing it).
      expect(w.vi).toMatch(
        /^Ô [^!]+![A-Z]+\d+ \(ghi vào báo cáo(, | ở \d+ chỗ: (.*; )?)[^,;]+, bảng \w+, hàng \d+, cột \d+[;)]/
      );
      expect(w.en).toMatch(
        /^Cell [^!]+![A-Z]+\d+ \(written to the report(, | in \d+ places: (.*; )?)[^,;]+, table \w+, row \d+, column \d+[;)]/
      );
    }
  });
});

describe("two commune reports disagreeing on one indicator: the conflict names each report's file, sheet and cell", () => {
  type Row = CellValue[];
  /** Commune B's 2026-2030 form, its value of 1.2 as given, below `lead` rows (a report's own heading). */
  const form = (value: string, lead: Row[] = []): Row[] => [
    ...lead,
    ["Biểu tự đánh giá kết quả thực hiện tiêu chí xã nông thôn mới"],
    ["Tên xã / Commune name", "Xã B"],
    ["Mã xã / Commune code", "31001"],
    ["Nhóm xã (1, 2 hoặc 3) / Commune group", GROUPS.B],
    ["Giai đoạn / Period", "2026-2030"],
    ["Năm đánh giá / Year assessed", 2025],
    [],
    ["Mã chỉ tiêu / Code", "Tên chỉ tiêu / Indicator", "Kết quả / Value", "Ghi chú / Note"],
    ...CODES.map((c): Row => [c, `Chỉ tiêu ${c}`, c === "1.2" ? value : rawValues().B[c], null]),
  ];
  /** Where a form's value of 1.2 is: column C of the row whose first cell is "1.2". */
  const valueCell = (rows: Row[]) => `C${rows.findIndex((r) => r[0] === "1.2") + 1}`;

  /** Report a.xlsx (sheet "Báo cáo") and b.xlsx (sheet "Biểu xã", two rows lower) collected: the conflicts. */
  async function conflict(first: string, second: string) {
    const a = form(first);
    const b = form(second, [["UBND xã B"], []]);
    const policy = new MemoryWorkbook({ "Chỉ tiêu": POLICY });
    const catalogue = withIndicators(
      CATALOGUE_2026_2030,
      readIndicatorPolicy(await policy.readSheet("Chỉ tiêu"))
    ).catalogue;
    const collection = await collectReports(
      [
        { file: "a.xlsx", open: async () => new MemoryWorkbook({ "Báo cáo": a }) },
        { file: "b.xlsx", open: async () => new MemoryWorkbook({ "Biểu xã": b }) },
      ],
      { policy: catalogue }
    );
    return {
      at: { a: valueCell(a), b: valueCell(b) },
      problems: collection.problems.filter((p) => p.kind === "conflict"),
    };
  }

  it("names the first report's value at its cell and the second's at its own, in both languages", async () => {
    const { at, problems } = await conflict("Đạt", "Không đạt");
    // The two reports put 1.2 on different rows of differently named sheets.
    expect(at.a).not.toBe(at.b);
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p.values).toEqual([
      { value: "Đạt", file: "a.xlsx", sheet: "Báo cáo", cell: at.a },
      { value: "Không đạt", file: "b.xlsx", sheet: "Biểu xã", cell: at.b },
    ]);
    expect(p.vi).toContain(`Đạt ở Tệp a.xlsx, Ô ${cellRef("Báo cáo", at.a)}`);
    expect(p.vi).toContain(`Không đạt ở Tệp b.xlsx, Ô ${cellRef("Biểu xã", at.b)}`);
    expect(p.en).toContain(`Đạt in File a.xlsx, cell ${cellRef("Báo cáo", at.a)}`);
    expect(p.en).toContain(`Không đạt in File b.xlsx, cell ${cellRef("Biểu xã", at.b)}`);
  });
});

/** The value of a cell ("B7") of a sheet, as the workbook holds it. */
async function valueAt(book: WorkbookPort, sheet: string, cell: string): Promise<CellValue> {
  const grid = await book.readSheet(sheet);
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(cell)!;
  const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return grid.rows[Number(digits) - 1 - grid.origin.row]?.[col - grid.origin.col] ?? null;
}

describe("a control character in every name and heading of the input rows: each report part's warnings name the input cells", () => {
  /** Each job whose report part quotes the user's texts: names of communes and units, lines' labels, headings. */
  const CASES = SAMPLES.flatMap((f) =>
    ["summary", "targets", "funding", "counterpart", "allocate"].flatMap((job) =>
      (["vi", "en"] as const).map((lang) => [path.basename(f), job, lang, f] as const)
    )
  );
  /** Warnings said at a paragraph of the report (its body, not an appendix's table), by sample. */
  const inParagraphs: Record<string, number> = {};

  it.each(CASES)("%s, %s, %s", async (name, jobId, lang, file) => {
    const book = await withControlCharacters((await openCorpusWorkbook(file))!);
    const sheets = await book.sheetNames();
    const result = await run(
      JOBS.find((j) => j.id === jobId)!,
      book
    );
    // The 2021-2025 sample has no allocation inputs.
    if (jobId === "allocate" && name === "ntm-sample.xlsx") return expect(result).toBeNull();
    const report = buildReport({ [jobId]: result!.json }, { lang });
    const warnings = safeReport(report).warnings.filter((w) => !w.vi.startsWith("…"));
    // The 2026-2030 summary counts communes by group (Nhóm 1, 2, 3: the report's own words), not by district.
    if (jobId === "summary" && name === "ntm-sample-2026.xlsx") return expect(warnings).toEqual([]);
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) {
      expect(problemsOf(w, sheets)).toEqual([]);
      // The cell named is the one holding the character removed (not another cell of its row).
      expect([w.vi, await valueAt(book, w.sheet!, w.cell!)]).toEqual([
        w.vi,
        expect.stringContaining("\u0001"),
      ]);
      // The input cell first, then the report's places it went to (one, or their count and the first ones).
      expect(w.vi).toMatch(
        /^Ô [^!]+![A-Z]+\d+ \(ghi vào báo cáo(, | ở \d+ chỗ: )(mục|Phụ lục|Appendix)/
      );
      expect(w.en).toMatch(
        /^Cell [^!]+![A-Z]+\d+ \(written to the report(, | in \d+ places: )(section|Phụ lục|Appendix)/
      );
      if (/\(ghi vào báo cáo(, | ở \d+ chỗ: .*)mục/.test(w.vi))
        inParagraphs[name] = (inParagraphs[name] ?? 0) + 1;
    }
  });

  it("looked at warnings about paragraphs in both samples", () => {
    expect(inParagraphs["ntm-sample.xlsx"]).toBeGreaterThan(0);
    expect(inParagraphs["ntm-sample-2026.xlsx"]).toBeGreaterThan(0);
  });
});
