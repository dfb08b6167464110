// Jobs find the inputs they were not handed by the one sheet finder: visible sheets only, the add-in's result sheets
// never, a hidden sheet only when named (and a hidden one that fits is refused with how to use it, not read).

import { CATALOGUE_2026_2030 } from "../../../src/engine/catalogues";
import { InputError } from "../../../src/engine/errors";
import type { CommuneStatus, IndicatorVerdict } from "../../../src/engine/types";
import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import { indicatorTargets } from "../../../src/workbook/jobs/indicator-targets";
import { findGrid, inputGrid } from "../../../src/workbook/reading/input-grid";
import { findInputSheets } from "../../../src/workbook/reading/sheet-finder";

/** A group-2 commune with code 31001 missing indicator 2.1 only. */
function missing21(): CommuneStatus {
  const indicators: IndicatorVerdict[] = ["1.1", "2.1"].map((code) => ({
    code,
    criterion: Number(code[0]),
    met: code !== "2.1",
    value: code !== "2.1",
    requirement: true,
  }));
  const achieved = [1, 3, 4, 5, 6, 7, 8, 9, 10];
  return { name: "Phú Tân", code: "31001", group: 2, achieved, count: 9, indicators };
}

const COSTS = [
  ["Mã xã", "Chỉ tiêu", "Chi phí"],
  ["31001", "2.1", 300],
];

const settings = {
  catalogue: CATALOGUE_2026_2030,
  capUnit: "indicators" as const,
  method: "greedy" as const,
  timeLimit: 10,
  year: 2027,
  budget: 1000,
};

function run(book: MemoryWorkbook) {
  return indicatorTargets(
    { inputs: { communes: { workbook: book, sheet: "Xã" } }, options: {} },
    [missing21()],
    [],
    settings
  );
}

describe("the costs sheet next to the status, found by the sheet finder", () => {
  it("is read when visible", async () => {
    const result = await run(new MemoryWorkbook({ Xã: [["Tên xã"]], ChiPhi: COSTS }));
    expect(result.json).toMatchObject({ indicatorsGained: 1, cost: 300 });
  });

  it("is refused when hidden, naming the sheet and how to use it", async () => {
    const book = new MemoryWorkbook({ Xã: [["Tên xã"]], ChiPhi: COSTS });
    book.hideSheet("ChiPhi");
    await expect(run(book)).rejects.toThrow(InputError);
    await expect(run(book)).rejects.toThrow(/ChiPhi.*(ẩn|hidden)/);
  });

  it("is never the add-in's own result sheet", async () => {
    const book = new MemoryWorkbook({ Xã: [["Tên xã"]], KQ_ChiPhi: COSTS });
    // No costs sheet and no default cost: the missing cost is refused, the result sheet's figure not taken.
    await expect(run(book)).rejects.toThrow(/default-cost/);
  });
});

describe("findInputSheets", () => {
  const fits = (g: { rows: unknown[][] }) => g.rows[0]?.[0] === "Giai đoạn";

  it("gives every visible sheet that fits, in workbook order, and no result or hidden sheet", async () => {
    const book = new MemoryWorkbook({
      A: [["Giai đoạn"]],
      B: [["Khác"]],
      C: [["Giai đoạn"]],
      KQ_A: [["Giai đoạn"]],
      D: [["Giai đoạn"]],
    });
    book.hideSheet("D");
    const grids = await findInputSheets(book, { accepts: fits, what: { vi: "x", en: "x" } });
    expect(grids.map((g) => g.sheet)).toEqual(["A", "C"]);
  });

  it("refuses a hidden sheet that fits when no visible one does", async () => {
    const book = new MemoryWorkbook({ A: [["Khác"]], D: [["Giai đoạn"]] });
    book.hideSheet("D");
    await expect(
      findInputSheets(book, { accepts: fits, what: { vi: "x", en: "x" } })
    ).rejects.toThrow(/'D'/);
  });
});

describe("an input no visible sheet fits (one rule for every job)", () => {
  const fits = (g: { rows: unknown[][] }) => g.rows[0]?.[0] === "Hệ số";
  const what = { vi: "bảng hệ số", en: "coefficients table" };

  it("hands the only input sheet to the reader, whose error names what it misses", async () => {
    const book = new MemoryWorkbook({ Trang1: [["Khác"]], KQ_TongHop: [["Hệ số"]] });
    const grid = await inputGrid({ inputs: { c: { workbook: book } } }, "c", what, fits);
    expect(grid.sheet).toBe("Trang1");
  });

  it("with several sheets, the refusal names each sheet looked at and the range searched, at the cell of the closest one", async () => {
    const book = new MemoryWorkbook({
      A: [["Khác"]],
      B: [["Tiêu đề"], ["Tên", "Ghi chú"]],
    });
    const run = findGrid({ workbook: book }, fits, () => true, what);
    await expect(run).rejects.toThrow(InputError);
    // B has a header row, A none: B is the closer, named at its header row.
    await expect(run).rejects.toMatchObject({ sheet: "B", cell: "A2" });
    await expect(run).rejects.toThrow(
      /bảng hệ số.*Đã xem trang 'A' \(đã tìm trong A!A1\).*trang 'B' \(đã tìm dòng tiêu đề trong B!A1:B2\): dòng 2 \(Tên, Ghi chú\)/
    );
  });
});
