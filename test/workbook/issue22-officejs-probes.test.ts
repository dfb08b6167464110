// The held-out probes of issue #22 that are about the add-in: a commune sheet as Excel holds it (a name pasted from
// Word with U+000B and the characters no file can hold, formula-looking names typed as text, a bracket note with
// U+FFFE) is run through the task pane's own flow (buildRequest, runCancellable, writeResultSheets) on the Office.js
// adapter with the fake Excel, and the outcome is checked as a user sees it: the cells and print headers Excel is
// sent, what the pane is told, the clipboard's plain text, and a note typed into our result sheet on the next run.

import type { Bilingual } from "../../src/engine/errors";
import type { Warning } from "../../src/engine/types";
import { tableClipboard } from "../../src/taskpane/clipboard";
import {
  buildRequest,
  defaultOptions,
  runCancellable,
  writeResultSheets,
} from "../../src/taskpane/run";
import { OfficeJsWorkbook } from "../../src/workbook/adapters/officejs";
import { JOBS } from "../../src/workbook/jobs";
import type { PlanningJob } from "../../src/workbook/jobs/job";
import { FakeExcel, requirementsUpTo } from "../support/fake-excel";

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const PASTED = "Thanh\u000BThới An\u0001\u001B\uFFFE\uFFFF";
const FORMULA_LIKE = [
  '=HYPERLINK("http://x.example","Bấm")',
  "+84 Xã Cộng",
  "@Xã A còng",
  "-Xã Trừ",
];

function job(id: string): PlanningJob {
  return JOBS.find((j) => j.id === id)!;
}

/** A commune sheet as a province keeps it: title, header on row 3, ten communes (row 4 on). */
function communeRows(): (string | number | null)[][] {
  const names = ["Xã Số 1", PASTED, ...FORMULA_LIKE, "Xã Số 7", "Xã Số 8", "Xã Số 9", "Xã Số 10"];
  const criteria = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(",");
  return [
    ["Tình hình thực hiện NTM đến cuối năm 2023", null, null, null, null],
    [null, null, null, null, null],
    ["TT", "Tên xã", "Huyện", "Số tiêu chí đạt", "Tiêu chí đạt"],
    ...names.map((name, i) => {
      const n = i % 3 === 0 ? 19 : 15 + (i % 4);
      return [i + 1, name, "Trần Đề", n, criteria(n)];
    }),
  ];
}

async function run(
  excel: FakeExcel,
  id: string,
  options: Record<string, unknown> = {},
  sheets: Record<string, string> = {}
): Promise<{
  warnings: Warning[];
  notes: Bilingual[];
  sheets: ReturnType<typeof Array.prototype.slice>;
}> {
  const port = new OfficeJsWorkbook(requirementsUpTo("1.12"));
  const spec = job(id);
  const request = buildRequest(spec, port, sheets, {
    ...defaultOptions(spec),
    ...options,
  } as never);
  const result = await runCancellable(spec, request);
  const { notes } = await writeResultSheets(port, result.sheets);
  return { warnings: result.warnings, notes, sheets: result.sheets };
}

/** The strings of a fake sheet's cells. */
function strings(excel: FakeExcel, sheet: string): string[] {
  return excel
    .sheet(sheet)!
    .allCells()
    .map((c) => c.value)
    .filter((v): v is string => typeof v === "string");
}

describe("the add-in on a commune sheet as Excel holds it (Office.js adapter, fake Excel)", () => {
  it("sends Excel no character a file cannot hold, and names the input cell it came from", async () => {
    const excel = new FakeExcel();
    excel.install();
    excel.addSheet("Xã", communeRows());
    const { warnings } = await run(excel, "summary");
    for (const sheet of ["KQ_TongHop", "KQ_TungXa"]) {
      expect(strings(excel, sheet).filter((t) => NOT_XML.test(t))).toEqual([]);
      for (const [k, v] of Object.entries(excel.sheet(sheet)!.pageLayout))
        if (typeof v === "string") expect([k, NOT_XML.test(v)]).toEqual([k, false]);
    }
    expect(strings(excel, "KQ_TungXa")).toContain("Thanh Thới An");
    // The name's own cell: row 5 (the second commune under the header on row 3), column B.
    const said = warnings.filter((w) => /U\+000B/.test(w.vi));
    expect(said).toHaveLength(1);
    expect(said[0].vi).toMatch(/^Ô Xã!B5 \(ghi vào KQ_TungXa!B\d+\)/);
    expect(said[0].en).toMatch(/^Cell Xã!B5 \(written to KQ_TungXa!B\d+\)/);
  });

  it("writes formula-looking names as the text typed, and the plain-text copy pastes them as text", async () => {
    const excel = new FakeExcel();
    excel.install();
    excel.addSheet("Xã", communeRows());
    const { sheets } = await run(excel, "summary");
    const cells = excel.sheet("KQ_TungXa")!.allCells();
    for (const name of FORMULA_LIKE) {
      const cell = cells.find((c) => c.value === name);
      expect([name, cell?.type]).toEqual([name, "String"]);
    }
    const table = (
      sheets as { sheet: string; tables: Parameters<typeof tableClipboard>[0][] }[]
    ).find((s) => s.sheet === "KQ_TungXa")!.tables[0];
    const { tsv, html } = tableClipboard(table);
    const fields = tsv.split("\r\n").flatMap((l) => l.split("\t"));
    for (const name of FORMULA_LIKE) {
      expect(fields).toContain(`'${name}`);
      expect(fields).not.toContain(name);
    }
    // Nothing in either form a spreadsheet would run, or a file could not hold.
    expect(fields.filter((f) => /^[=+\-@]/.test(f) && !/^-?\d/.test(f))).toEqual([]);
    expect(NOT_XML.test(tsv) || NOT_XML.test(html)).toBe(false);
  });

  it("keeps a note the user typed into our result sheet as '(sửa tay)' on the next run, and says so in both languages", async () => {
    const excel = new FakeExcel();
    excel.install();
    excel.addSheet("Xã", communeRows());
    await run(excel, "summary");
    const ours = excel.sheet("KQ_TongHop")!;
    ours.set(30, 4, "Ghi chú của tôi: xã Số 7 đã đạt");
    const { notes } = await run(excel, "summary");
    expect(notes).toHaveLength(1);
    expect(notes[0].vi).toContain("KQ_TongHop (sửa tay)");
    expect(notes[0].en).toMatch(/changed by hand/);
    expect(strings(excel, "KQ_TongHop (sửa tay)")).toContain("Ghi chú của tôi: xã Số 7 đã đạt");
    expect(strings(excel, "KQ_TongHop")).not.toContain("Ghi chú của tôi: xã Số 7 đã đạt");
    // Untouched on the third run: nothing said, the user's sheet left alone.
    const again = await run(excel, "summary");
    expect(again.notes).toEqual([]);
    expect(strings(excel, "KQ_TongHop (sửa tay)")).toContain("Ghi chú của tôi: xã Số 7 đã đạt");
  });

  it("gives the counterpart sheet a print header without U+FFFE from a bracket note, naming the note's cell", async () => {
    const excel = new FakeExcel();
    excel.install();
    excel.addSheet("Nguồn vốn", [
      ["STT", "Nội dung chỉ tiêu", "Kết quả huy động năm 2023", "Kế hoạch năm 2024"],
      [null, "TỔNG SỐ", 278000, 411047],
      ["I", "NGÂN SÁCH TRUNG ƯƠNG", 223534, 200334],
      ["II", "NGÂN SÁCH ĐỊA PHƯƠNG", 54466, 210713],
    ]);
    excel.addSheet("Tỷ lệ đối ứng", [
      ["Cận dưới (%)", "Cận trên (%)", "Tỷ lệ đối ứng tối thiểu", "Ghi chú"],
      [0, 50, 1.5, "a"],
      [50, 100, 1.2, "Quyết định \uFFFE số 7 & \u000B mới"],
    ]);
    const { warnings } = await run(
      excel,
      "counterpart",
      { "support-share": 65 },
      // As the user picks them in the pane.
      { budget: "Nguồn vốn", brackets: "Tỷ lệ đối ứng" }
    );
    const layout = excel.sheet("KQ_DoiUng")!.pageLayout;
    expect(String(layout.centerHeader)).toMatch(/Quyết định\s+số 7 && \s*mới/);
    expect(NOT_XML.test(String(layout.centerHeader))).toBe(false);
    expect(warnings.some((w) => /^Ô Tỷ lệ đối ứng!D3 \(ghi vào KQ_DoiUng!A1\)/.test(w.vi))).toBe(
      true
    );
  });
});
