// The harness must be able to fail: a job that writes into a user's sheet, throws a TypeError or loses the cell of
// an error is caught; the generators produce the mutations they promise.

import fc from "fast-check";
import { InputError } from "../../src/engine/errors";
import type { PlanningJob } from "../../src/workbook/jobs/job";
import type { MemoryWorkbook } from "../../src/workbook/adapters/memory";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import {
  applyMutation,
  communesSheet,
  enNumberText,
  messyWorkbook,
  mutate,
  viNumberText,
  type SheetModel,
} from "./generators";
import { parseNumberText } from "../../src/engine/numbers";
import {
  ambiguousText,
  changedCells,
  errorProblems,
  excelSnapshot,
  isClean,
  judgeJob,
  resultProblems,
  toExcelJs,
  toXlsxBytes,
  type JobCase,
} from "./harness";

const EXPECTED = { vi: "một số", en: "a number" };

function fakeJob(run: PlanningJob["run"]): PlanningJob {
  return {
    id: "summary",
    label: { vi: "thử", en: "test" },
    inputs: [
      { id: "communes", kind: "communes", label: { vi: "xã", en: "communes" }, required: true },
    ],
    options: [],
    run,
  };
}

function sampleCase(adapter: JobCase["adapter"] = "memory"): JobCase {
  const model = fc.sample(messyWorkbook([{ id: "communes", kind: "communes" }], 0), {
    numRuns: 1,
    seed: 7,
  })[0];
  return { model, adapter, aborted: false, sheetRefs: {}, options: {} };
}

const OK_RESULT = { json: {}, text: "", sheets: [], warnings: [], reading: [] };

describe("fuzz harness", () => {
  it("sees a job that overwrites a cell of the user's sheet, in memory and through ExcelJS", async () => {
    for (const adapter of ["memory", "exceljs"] as const) {
      const c = sampleCase(adapter);
      const sheet = c.model.sheets[0].name;
      const v = await judgeJob(
        fakeJob(async (req) => {
          const port = req.inputs.communes!.workbook;
          if (port instanceof ExcelJsWorkbook)
            port.workbook.getWorksheet(sheet)!.getCell("B2").value = "đã sửa";
          else (port as MemoryWorkbook).setSheet(sheet, [["đã sửa"]]);
          return OK_RESULT;
        }),
        c
      );
      expect(v.changed.length).toBeGreaterThan(0);
      expect(isClean(v)).toBe(false);
    }
  });

  it("lets a re-run replace the add-in's own result sheet, in memory and through ExcelJS", async () => {
    let n = 0;
    const writing = fakeJob(async () => ({
      ...OK_RESULT,
      sheets: [
        { sheet: "KQ_Thu", tables: [{ name: "T", columns: [{ header: "Lần" }], rows: [[++n]] }] },
      ],
    }));
    for (const adapter of ["memory", "exceljs", "xlsx"] as const) {
      const v = await judgeJob(writing, { ...sampleCase(adapter), rerun: true });
      expect(v.changed).toEqual([]);
      expect(isClean(v)).toBe(true);
    }
  });

  it("counts anything but InputError as a crash, and an abort as a cancel", async () => {
    const crash = await judgeJob(
      fakeJob(async () => {
        throw new TypeError("x is undefined");
      }),
      sampleCase()
    );
    expect(crash.outcome).toBe("crash");
    const cancelled = await judgeJob(
      fakeJob(async (req) => {
        req.signal?.throwIfAborted();
        return OK_RESULT;
      }),
      { ...sampleCase(), aborted: true }
    );
    expect(cancelled.outcome).toBe("cancelled");
    expect(isClean(cancelled)).toBe(true);
  });

  it("flags an error from an existing sheet that names no cell, and a message on two lines", () => {
    const noCell = new InputError({ sheet: "Xa", expected: EXPECTED });
    expect(errorProblems(noCell, ["XA"])).toContain("error from sheet 'Xa' without a cell");
    // A missing sheet has no cell to name.
    expect(errorProblems(new InputError({ sheet: "Khác", expected: EXPECTED }), ["Xa"])).toEqual(
      []
    );
    const twoLines = new InputError({ sheet: "Xa", cell: "B3", expected: EXPECTED });
    Object.defineProperty(twoLines, "message", {
      value: "Xa B3:\nCần: một số / Expected: a number",
    });
    expect(errorProblems(twoLines, ["Xa"])).toEqual(["message spans several lines"]);
  });

  it("keeps an InputError on one line when the cell holds line breaks (Alt+Enter)", () => {
    const e = new InputError({
      sheet: "Xa",
      cell: "B3",
      found: "Tài\nVăn\r\n2024",
      expected: EXPECTED,
    });
    expect(e.message).toContain('"Tài Văn 2024"');
    expect(errorProblems(e, ["Xa"])).toEqual([]);
  });

  it("sees a chart that points outside its table", () => {
    const problems = resultProblems({
      ...OK_RESULT,
      sheets: [
        {
          sheet: "KQ",
          tables: [
            {
              name: "T",
              columns: [{ header: "Nhóm" }, { header: "Số xã" }],
              rows: [["19", 70]],
              chart: {
                type: "column",
                title: "x",
                categories: 0,
                series: [2],
                rows: { first: 0, count: 2 },
              },
            },
          ],
        },
      ],
    });
    expect(problems).toEqual([
      "table T: chart columns outside the table",
      "table T: chart rows outside the table",
    ]);
  });

  it("sees a NaN in a result table", async () => {
    const v = await judgeJob(
      fakeJob(async () => ({
        ...OK_RESULT,
        sheets: [
          { sheet: "KQ", tables: [{ name: "T", columns: [{ header: "a" }], rows: [[NaN]] }] },
        ],
      })),
      sampleCase()
    );
    expect(v.problems).toContain("table T holds NaN");
  });
});

describe("ambiguous number texts for the probe", () => {
  it("read as the number the Vietnamese way, and are flagged ambiguous", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 1000, max: 999_999 }),
          fc.integer({ min: -999_999, max: 999_999 }).map((n) => n / 1000)
        ),
        (n) => {
          const text = ambiguousText(n);
          if (text === null) return true;
          const parsed = parseNumberText(text, "vi");
          return parsed !== null && parsed.ambiguous && Math.abs(parsed.value - n) < 1e-9;
        }
      ),
      { numRuns: 1000 }
    );
    expect(ambiguousText(3500)).toBe("3.500");
    expect(ambiguousText(16)).toBe("16,000");
    expect(ambiguousText(1.5)).toBe("1,500");
  });
});

describe("generators", () => {
  const base = (): SheetModel => fc.sample(communesSheet, { numRuns: 1, seed: 3 })[0];

  it("writes numbers the Vietnamese and the English way", () => {
    expect(viNumberText(3602312)).toBe("3.602.312");
    expect(viNumberText(18.625)).toBe("18,63");
    expect(enNumberText(3602312)).toBe("3,602,312");
    expect(enNumberText(-6.21)).toBe("-6.21");
  });

  it("puts merged title rows above the header and keeps the header index", () => {
    const sheet = mutate(base(), [{ kind: "mergedTitle", lines: 2 }]);
    expect(sheet.headerRow).toBe(2);
    expect(sheet.rows[2][1]).toBe("Tên xã");
    expect(sheet.merges).toHaveLength(2);
  });

  it("hides a junk column and moves formula cells with it", () => {
    const sheet = base();
    sheet.formulaCells = ["1,3"];
    applyMutation(sheet, { kind: "hiddenJunkColumn", at: 1, value: "#" });
    expect(sheet.hiddenColumns).toEqual([1]);
    expect(sheet.formulaCells).toEqual(["1,4"]);
    expect(sheet.rows[0][1]).toBe("Ghi chú ẩn");
  });

  it("writes formula errors, merges and hidden columns to .xlsx so that ExcelJS reads them back", async () => {
    const sheet = mutate(base(), [
      { kind: "mergedTitle", lines: 1 },
      { kind: "formulaError", at: 0, error: "#REF!" },
      { kind: "hiddenJunkColumn", at: 0, value: 1 },
      { kind: "emptyFormattedRows", count: 50 },
    ]);
    const book = await ExcelJsWorkbook.fromXlsx(await toXlsxBytes({ sheets: [sheet] }));
    const grid = await book.readSheet(sheet.name);
    expect(grid.rows.flat()).toContainEqual({ error: "#REF!" });
    expect(book.workbook.worksheets[0].getColumn(1).hidden).toBe(true);
    expect(grid.rows.length).toBe(sheet.rows.length);
  });

  it("compares snapshots cell by cell", () => {
    const wb = toExcelJs({ sheets: [base()] });
    const before = excelSnapshot(wb);
    wb.worksheets[0].getCell("A2").value = 99;
    expect(changedCells(before, excelSnapshot(wb))).toEqual(["Xa!A2"]);
  });
});
