// A run's context is settled once from the options and the workbook: the inputs the one finder sees (visible sheets,
// never the add-in's results), the plan year with the cell it came from, the merger mapping; jobs take it from there.

import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import { mergeMapFor, settleRunContext } from "../../../src/workbook/reading/context";
import { choosePeriod } from "../../../src/workbook/reading/period";

const COMMUNES = [
  ["Danh sách xã, số liệu đến cuối năm 2023"],
  ["TT", "Tên xã", "Số tiêu chí đạt"],
  [1, "Xã An", 15],
  [2, "Xã Bình", 17],
];
const MAPPING = [
  ["Xã cũ", "Mã xã cũ", "Xã mới", "Mã xã mới"],
  ["Xã Bình", "", "Xã An", ""],
];

function book(): MemoryWorkbook {
  return new MemoryWorkbook({
    KQ_TongHop: COMMUNES,
    Xã: COMMUNES,
    "Xã cũ": COMMUNES,
    SapNhap: MAPPING,
  });
}

describe("the run context", () => {
  it("finds the inputs on visible sheets only, never the add-in's result sheets", async () => {
    const workbook = book();
    workbook.hideSheet("Xã cũ");
    const context = await settleRunContext(workbook);
    expect(context.inputs.communes).toEqual(["Xã"]);
    expect(context.inputs.merge).toEqual(["SapNhap"]);
  });

  it("settles the plan year from the status sheet's title, naming the cell", async () => {
    const context = await settleRunContext(book());
    expect(context.year).toMatchObject({ value: 2024, status: 2023, sheet: "Xã", cell: "A1" });
  });

  it("lets the year given win, with a warning naming the cell that says otherwise", async () => {
    const context = await settleRunContext(book(), { year: 2026 });
    expect(context.year).toMatchObject({ value: 2026, source: "option" });
    expect(context.warnings.map((w) => w.sheet)).toContain("Xã");
  });

  it("has no year when neither the option nor the data says it, and says where it would be", async () => {
    const workbook = new MemoryWorkbook({ Xã: COMMUNES.slice(1) });
    const context = await settleRunContext(workbook);
    expect(context.year).toBeUndefined();
    expect(context.yearAt).toEqual({ sheet: "Xã", cell: "A1" });
  });

  it("holds the merger mapping, which the jobs of the run take rather than finding it again", async () => {
    const workbook = book();
    const context = await settleRunContext(workbook);
    expect(context.merge?.sheet).toBe("SapNhap");
    expect(context.merge?.olds.map((c) => c.name)).toEqual(["Xã Bình"]);
    // The run's mapping is the one used for its workbook (even one the run settled as none) ...
    expect(await mergeMapFor({ context: { ...context, merge: null } }, workbook)).toBeNull();
    // ... and a job run alone finds it itself.
    expect((await mergeMapFor({}, workbook))?.sheet).toBe("SapNhap");
  });

  it("chooses the period once, for the plan year, and the jobs of the run take that choice", async () => {
    const workbook = book();
    const context = await settleRunContext(workbook, { year: 2027 });
    expect(context.period?.status).toBe("Xã");
    expect(context.period?.choice).toMatchObject({
      reason: "year",
      catalogue: { id: "2026-2030" },
    });
    const status = { workbook, sheet: "Xã" };
    const request = { inputs: { communes: status }, options: {}, year: context.year, context };
    expect(await choosePeriod(request, [], status, undefined, false)).toBe(context.period?.choice);
    // A job refuses it, though: 'Xã' is a 19-criteria list, and the refusal says first that the year chose the set.
    await expect(choosePeriod(request, [], status)).rejects.toThrow(
      /^Năm kế hoạch 2027 đã nhập \(--year\) thuộc giai đoạn 2026-2030/
    );
    // A job's own period option, or another status sheet, is chosen for anew.
    const asked = { ...request, options: { period: "2021-2025" } };
    expect((await choosePeriod(asked, [], status)).catalogue.id).toBe("2021-2025");
    const other = { workbook, sheet: "Xã cũ" };
    expect(await choosePeriod(request, [], other, undefined, false)).not.toBe(
      context.period?.choice
    );
  });
});
