// Every job over every sheet of the bad and hostile corpora: an error raised by a reader or the engine names the
// sheet and the cell, in Vietnamese and English, and every warning names the input cell it rests on.

import { readdirSync } from "node:fs";
import * as path from "node:path";
import { isInputError, type InputError } from "../../../src/engine/errors";
import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import type { CellValue } from "../../../src/workbook/grid";
import type { OutputSheet } from "../../../src/workbook/output";
import { refuseNonFiniteCells, safeOutputSheets } from "../../../src/workbook/output-text";
import { JOBS } from "../../../src/workbook/jobs";
import type { PlanningJob } from "../../../src/workbook/jobs/job";
import type { WorkbookPort } from "../../../src/workbook/port";
import type { RunOptions } from "../../../src/workbook/reading/inputs";
import { openCorpusWorkbook } from "./corpus-workbook";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures");
const CORPORA = ["bad", "hostile"];

/** Options that settle every option a job requires, so that what fails is the data. */
const OPTIONS: Record<string, RunOptions> = {
  targets: { budget: 1000 },
  counterpart: { ratio: 1 },
  allocate: { total: 1000 },
  roadmap: { budget: 10, to: 2030, from: 2026 },
};

/** One bilingual line naming "sheet 'X', ô/cell D7". */
const NAMES_CELL = /sheet '[^']+', ô\/cell \$?[A-Z]{1,3}\$?[1-9]\d*\b/;
/** A value that came from no cell is placed by its options: "tùy chọn/option --ratio, --support-share". */
const NAMES_OPTIONS = /tùy chọn\/option ((?:--[a-z][a-z0-9-]*(?:, )?)+)/;

/** The options an error names, each of them declared by the job (a flag the CLI takes, a field of the pane). */
function namedOptions(job: PlanningJob, message: string): string[] | null {
  const m = NAMES_OPTIONS.exec(message);
  if (!m) return null;
  const ids = m[1].split(", ").map((f) => f.replace(/^--/, ""));
  return ids.every((id) => job.options.some((o) => o.id === id)) ? ids : null;
}

function files(): string[] {
  return CORPORA.flatMap((c) =>
    readdirSync(path.join(FIXTURES, c))
      .filter((f) => /\.(xlsx|csv)$/.test(f))
      .map((f) => path.join(c, f))
  );
}

/**
 * The job run with each of its required inputs on the one sheet (a sheet that is not that table names itself), or,
 * with no sheet, found by the sheet finder (no sheet holding the table names each sheet looked at).
 */
async function runOn(
  job: PlanningJob,
  book: WorkbookPort,
  sheet: string | undefined
): Promise<{ error?: unknown; warnings: { sheet?: string; cell?: string; vi: string }[] }> {
  const inputs = Object.fromEntries(
    job.inputs
      .filter((i) => i.required)
      .map((i) => [i.id, sheet === undefined ? { workbook: book } : { workbook: book, sheet }])
  );
  try {
    const result = await job.run({ inputs, options: OPTIONS[job.id] ?? {} });
    return { warnings: result.warnings };
  } catch (error) {
    return { error, warnings: [] };
  }
}

jest.setTimeout(300_000);

/** Errors checked over the corpora: the check must have had errors to look at. */
let checked = 0;
/** Of those, refusals saying no sheet holds a table, each sheet looked at named with the range searched. */
let lookedAt = 0;
const LOOKED_AT =
  /Đã xem trang '[^']+' \(đã tìm[^)]* [^!]+![A-Z]+\d+(:[A-Z]+\d+)?\).*Looked at sheet '[^']+' \([^)]*sought in [^!]+![A-Z]+\d+/;

describe("errors and warnings over the bad and hostile corpora name their sheet and cell", () => {
  it.each(files())("%s", async (rel) => {
    const book = await openCorpusWorkbook(path.join(FIXTURES, rel));
    if (!book) return;
    const sheets = await book.sheetNames();
    const problems: string[] = [];
    for (const job of JOBS) {
      for (const sheet of [undefined, ...sheets]) {
        const { error, warnings } = await runOn(job, book, sheet);
        const where =
          sheet === undefined ? `${job.id} finding its sheets` : `${job.id} on '${sheet}'`;
        if (error !== undefined) {
          if (!isInputError(error)) {
            problems.push(`${where}: not an InputError: ${String(error)}`);
            continue;
          }
          checked++;
          const m = error.message;
          if (LOOKED_AT.test(m)) lookedAt++;
          if (!NAMES_CELL.test(m) && !namedOptions(job, m))
            problems.push(`${where}: names no sheet and cell, nor the job's options: ${m}`);
          if (!m.includes("Cần:") || !m.includes("Expected:"))
            problems.push(`${where}: not in both languages: ${m}`);
        }
        for (const w of warnings) {
          // A warning with a cell names a cell of the user's sheets, never one of the results we write.
          if (w.cell !== undefined && (w.sheet === undefined || !sheets.includes(w.sheet)))
            problems.push(`${where}: warning names ${w.sheet ?? "no sheet"}!${w.cell}: ${w.vi}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("looked at the errors of every job on every sheet (well over a hundred)", () => {
    expect(checked).toBeGreaterThan(100);
  });

  it("among them, refusals that no sheet holds a table, each naming every sheet looked at and the range searched", () => {
    expect(lookedAt).toBeGreaterThan(50);
  });
});

/** A job on in-memory sheets: the error it raises, or null. */
async function errorOf(
  jobId: string,
  sheets: Record<string, CellValue[][]>,
  inputs: Record<string, string>,
  options: RunOptions
): Promise<InputError> {
  const job = JOBS.find((j) => j.id === jobId)!;
  const book = new MemoryWorkbook(sheets);
  const refs = Object.fromEntries(
    Object.entries(inputs).map(([id, sheet]) => [id, { workbook: book, sheet }])
  );
  try {
    await job.run({ inputs: refs, options });
  } catch (e) {
    if (isInputError(e)) return e;
    throw e;
  }
  throw new Error(`${jobId} ran without an error`);
}

describe("the engine's errors about a sheet's figures name that sheet and cell (the engine cannot: the job places them)", () => {
  const COEFFICIENTS = "Hệ số";
  const allocate = (rows: CellValue[][], options: RunOptions) =>
    errorOf("allocate", { [COEFFICIENTS]: rows }, { coefficients: COEFFICIENTS }, options);

  it("a unit's minimum above its cap names the minimum's cell", async () => {
    const e = await allocate(
      [
        ["Đơn vị", "Hệ số", "Tối thiểu", "Tối đa"],
        ["A", 1, 0, 1000],
        ["B", 1, 50, 10],
      ],
      { total: 1000 }
    );
    expect([e.sheet, e.cell]).toEqual([COEFFICIENTS, "C3"]);
    expect(e.message).toMatch(
      /mức tối thiểu không lớn hơn mức tối đa.*minimum no larger than the cap/
    );
  });

  it("a unit's minimum that is not a multiple of the rounding unit names its cell", async () => {
    const e = await allocate(
      [
        ["Đơn vị", "Hệ số", "Tối thiểu"],
        ["A", 1, 0],
        ["B", 1, 15],
      ],
      { total: 1000, unit: 10 }
    );
    expect([e.sheet, e.cell]).toEqual([COEFFICIENTS, "C3"]);
  });

  it("minimums or caps of the sheet that cannot meet the envelope name their column's header", async () => {
    const mins = await allocate(
      [
        ["Đơn vị", "Hệ số", "Tối thiểu"],
        ["A", 1, 600],
        ["B", 1, 600],
      ],
      { total: 1000 }
    );
    expect([mins.sheet, mins.cell]).toEqual([COEFFICIENTS, "C1"]);
    expect(mins.message).toContain("1200 > 1000");
    const caps = await allocate(
      [
        ["Đơn vị", "Tối đa", "Hệ số"],
        ["A", 10, 1],
        ["B", 10, 1],
      ],
      { total: 1000 }
    );
    expect([caps.sheet, caps.cell]).toEqual([COEFFICIENTS, "B1"]);
  });

  it("coefficients adding up to 0 name the coefficient column, or the policy's first rule", async () => {
    const zero = await allocate(
      [
        ["Đơn vị", "Hệ số"],
        ["A", 0],
        ["B", 0],
      ],
      { total: 1000 }
    );
    expect([zero.sheet, zero.cell]).toEqual([COEFFICIENTS, "B1"]);
    const policy = await errorOf(
      "allocate",
      {
        Xã: [
          ["Tên xã", "Số tiêu chí đạt"],
          ["An", 12],
          ["Bình", 15],
        ],
        "Chính sách": [
          ["Điều kiện", "Hệ số", "Cách tính"],
          ["Dưới 5 tiêu chí", 5, "cao nhất"],
        ],
      },
      { communes: "Xã", policy: "Chính sách" },
      { total: 1000, policy: "Chính sách" }
    );
    expect(policy.sheet).toBe("Chính sách");
    expect(policy.cell).toMatch(/^[A-C]2$/);
  });

  it("a support share no bracket of the user's table covers names that table", async () => {
    const e = await errorOf(
      "counterpart",
      {
        "Nguồn vốn": [
          ["STT", "Nội dung chỉ tiêu", "Kế hoạch năm 2026"],
          ["I", "Ngân sách trung ương", 100],
          ["II", "Ngân sách địa phương", 80],
        ],
        "Tỷ lệ": [
          ["Cận dưới (%)", "Cận trên (%)", "Tỷ lệ đối ứng tối thiểu"],
          [0, 30, 1.5],
          [60, 100, 1],
        ],
      },
      { budget: "Nguồn vốn", brackets: "Tỷ lệ" },
      { "support-share": 45 }
    );
    expect(e.sheet).toBe("Tỷ lệ");
    expect(e.cell).toMatch(/^[A-C]1$/);
    expect(e.message).toMatch(/Cần:.*Expected:/);
  });
});

describe("what the output boundary says about a written cell names the input cell it came from", () => {
  it("a control character in a funding line's label: the warning names the label's cell on the user's sheet", async () => {
    const book = new MemoryWorkbook({
      "Nguồn vốn": [
        ["STT", "Nội dung chỉ tiêu", "Kế hoạch năm 2026"],
        ["I", "Ngân sách trung ương", 100],
        ["II", "Vốn lồng\u000bghép", 80],
      ],
    });
    const job = JOBS.find((j) => j.id === "funding")!;
    const result = await job.run({
      inputs: { budget: { workbook: book, sheet: "Nguồn vốn" } },
      options: {},
    });
    const { warnings } = safeOutputSheets(result.sheets);
    expect(warnings).toHaveLength(1);
    expect([warnings[0].sheet, warnings[0].cell]).toEqual(["Nguồn vốn", "B3"]);
    expect(warnings[0].vi).toMatch(/^Ô Nguồn vốn!B3 \(ghi vào KQ_\w+![A-Z]+\d+\)/);
    expect(warnings[0].en).toMatch(/^Cell Nguồn vốn!B3 \(written to KQ_\w+![A-Z]+\d+\)/);
  });

  it("a control character in a commune's name: the targets sheet's warning names the name's cell", async () => {
    const book = new MemoryWorkbook({
      Xã: [
        ["Tên xã", "Tiêu chí đạt"],
        ["An Bình", "1-17"],
        ["Phú\u0001 Mỹ", "1-16"],
      ],
    });
    const job = JOBS.find((j) => j.id === "targets")!;
    const result = await job.run({
      inputs: { communes: { workbook: book, sheet: "Xã" } },
      options: { budget: 10 },
    });
    const { warnings } = safeOutputSheets(result.sheets);
    expect(warnings.map((w) => [w.sheet, w.cell])).toEqual([["Xã", "A3"]]);
  });

  it("a figure that is not finite is refused naming the input row it was computed from", () => {
    const sheets: OutputSheet[] = [
      {
        sheet: "KQ_PhanBo",
        tables: [
          {
            name: "NTM_PhanBo",
            columns: [{ header: "Đơn vị" }, { header: "Số vốn" }],
            rows: [
              ["A", 1],
              ["B", Infinity],
            ],
            sources: [
              { sheet: "Hệ số", cell: "A2" },
              { sheet: "Hệ số", cell: "A3" },
            ],
          },
        ],
      },
    ];
    expect(() => refuseNonFiniteCells(sheets)).toThrow(
      expect.objectContaining({ sheet: "Hệ số", cell: "A3" })
    );
  });
});

describe("no sheet holds a job's table: the refusal names each sheet looked at, where it looked and what it lacked", () => {
  const sheets: Record<string, CellValue[][]> = {
    "Ghi chú": [["Ghi chú của tỉnh"]],
    "Danh mục": [
      ["Danh mục dự án"],
      ["STT", "Tên dự án", "Địa điểm"],
      [1, "Đường liên xã", "Phú Tâm"],
    ],
  };

  it.each(JOBS.map((j) => [j.id, j] as const))("%s", async (_id, job) => {
    const book = new MemoryWorkbook(sheets);
    const inputs = Object.fromEntries(
      job.inputs.filter((i) => i.required).map((i) => [i.id, { workbook: book }])
    );
    const error = await job.run({ inputs, options: OPTIONS[job.id] ?? {} }).then(
      () => null,
      (e: unknown) => e
    );
    expect(isInputError(error)).toBe(true);
    const e = error as InputError;
    // The sheet closest to a table: the one with a header row, at that row's first cell.
    expect([e.sheet, e.cell]).toEqual(["Danh mục", "A2"]);
    const { vi, en } = e.details.expected;
    expect(vi).toContain("Đã xem trang 'Ghi chú' (đã tìm trong Ghi chú!A1): không có dòng tiêu đề");
    expect(vi).toContain(
      "trang 'Danh mục' (đã tìm dòng tiêu đề trong Danh mục!A1:C3): dòng 2 (STT, Tên dự án, Địa điểm)"
    );
    expect(en).toContain("Looked at sheet 'Ghi chú' (sought in Ghi chú!A1): no header row");
    expect(en).toContain(
      "sheet 'Danh mục' (header row sought in Danh mục!A1:C3): row 2 (STT, Tên dự án, Địa điểm)"
    );
  });
});

describe("a value refused that came from no cell names its option (the CLI flag, the pane's field) in both languages", () => {
  const book = () =>
    new MemoryWorkbook({
      Xã: [
        ["Tên xã", "Tiêu chí đạt"],
        ["An Bình", "1-17"],
        ["Phú Mỹ", "1-16"],
      ],
      "Nguồn vốn": [
        ["STT", "Nội dung chỉ tiêu", "Kế hoạch năm 2026"],
        ["I", "Ngân sách trung ương", 100],
        ["II", "Ngân sách địa phương", 80],
      ],
      "Hệ số": [
        ["Đơn vị", "Hệ số"],
        ["A", 1],
        ["B", 2],
      ],
    });
  const inputs = (job: PlanningJob, b: MemoryWorkbook) =>
    Object.fromEntries(job.inputs.filter((i) => i.required).map((i) => [i.id, { workbook: b }]));

  /** Each number option of each job given a word: refused naming that option. */
  const NUMBER_OPTIONS = JOBS.flatMap((job) =>
    job.options.filter((o) => o.type === "number").map((o) => [job.id, o.id, job] as const)
  );

  it.each(NUMBER_OPTIONS)("%s --%s given a word", async (_job, id, job) => {
    const error = await job
      .run({ inputs: inputs(job, book()), options: { ...OPTIONS[job.id], [id]: "mười" } })
      .then(
        () => null,
        (e: unknown) => e
      );
    expect(isInputError(error)).toBe(true);
    const e = error as InputError;
    expect(e.details.options).toEqual([id]);
    expect(e.message).toContain(`tùy chọn/option --${id}:`);
    expect(e.message).toMatch(/Cần:.*Expected:/);
  });

  const COMBINATIONS: [string, RunOptions, string[]][] = [
    ["counterpart", { ratio: 1, "support-share": 40 }, ["ratio", "support-share"]],
    ["counterpart", {}, ["ratio", "support-share"]],
    ["roadmap", { budget: 10, from: 2028, to: 2027 }, ["from", "to"]],
    ["allocate", { total: 1000, "top-up": 50 }, ["top-up"]],
    ["allocate", { total: 1000, policy: "Không có trang này" }, ["policy"]],
  ];

  it.each(COMBINATIONS)("%s with %j names %j", async (jobId, options, named) => {
    const job = JOBS.find((j) => j.id === jobId)!;
    const error = await job.run({ inputs: inputs(job, book()), options }).then(
      () => null,
      (e: unknown) => e
    );
    expect(isInputError(error)).toBe(true);
    const e = error as InputError;
    expect(e.details.options).toEqual(named);
    expect(namedOptions(job, e.message)).toEqual(named);
    expect(e.message).toMatch(/Cần:.*Expected:/);
  });
});
