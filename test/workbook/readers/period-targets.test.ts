import { InputError } from "../../../src/engine/errors";
import { gridFromRows } from "../../../src/workbook/grid";
import { readPeriodTargets } from "../../../src/workbook/readers/period-targets";

describe("readPeriodTargets", () => {
  it("reads the Sóc Trăng 2021-2025 targets, with current values and a pace for the tiers", () => {
    const t = readPeriodTargets(
      gridFromRows("Chỉ tiêu giai đoạn", [
        ["Chỉ tiêu giai đoạn 2021-2025"],
        ["chi tieu", "muc tieu", "hien trang", "tang moi nam"],
        ["Số xã đạt chuẩn nông thôn mới", 72, 70, null],
        ["Số xã đạt chuẩn NTM nâng cao", "24", 20, "1,5"],
        ["Xã NTM kiểu mẫu", 8, 2, null],
        ["Số tiêu chí bình quân/xã", "18,8", null, null],
        ["Số xã dưới 15 tiêu chí", 0, null, null],
      ])
    );
    expect(t.targets).toEqual({
      standard: 72,
      advanced: 24,
      model: 8,
      averageCriteria: 18.8,
      maxBelow: 0,
    });
    expect(t.current).toEqual({ advanced: 20, model: 2 });
    expect(t.tierPace).toEqual({ advanced: 1.5 });
    expect(t.below).toBe(15);
  });

  it("reads English labels", () => {
    const t = readPeriodTargets(
      gridFromRows("Targets", [
        ["Target", "Goal"],
        ["Standard communes", 72],
        ["Advanced communes", 24],
      ])
    );
    expect(t.targets).toEqual({ standard: 72, advanced: 24 });
  });

  it.each([
    [["Số hộ nghèo", 3], "A2"],
    [["Số xã đạt chuẩn", "nhiều"], "B2"],
    [["Số xã đạt chuẩn", 72.5], "B2"],
    [["Số xã đạt chuẩn", null], "B2"],
  ])("names the cell of a bad row %o", (row, cell) => {
    try {
      readPeriodTargets(gridFromRows("CT", [["Chỉ tiêu", "Mục tiêu"], row]));
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).cell).toBe(cell);
    }
  });
});
