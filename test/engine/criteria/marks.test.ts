import { isMarkMet } from "../../../src/engine/criteria";
import { InputError } from "../../../src/engine/errors";

describe("isMarkMet", () => {
  it.each(["x", "X", " x ", "✓", "✔", "1", "Đạt", "đạt", "ĐẠT", "dat", "TRUE", "true"])(
    "reads %p as met",
    (mark) => expect(isMarkMet(mark)).toBe(true)
  );

  it.each(["", "  ", "0", "-", "–", "Chưa đạt", "chưa đạt", "chua dat", "FALSE", "false"])(
    "reads %p as not met",
    (mark) => expect(isMarkMet(mark)).toBe(false)
  );

  it("reads cell values: booleans, 1 and 0, blank", () => {
    expect(isMarkMet(true)).toBe(true);
    expect(isMarkMet(false)).toBe(false);
    expect(isMarkMet(1)).toBe(true);
    expect(isMarkMet(0)).toBe(false);
    expect(isMarkMet(null)).toBe(false);
  });

  it.each(["?", "y tế", "2", "xx", "đạt một phần"])("rejects %p, saying what it found", (mark) => {
    expect(() => isMarkMet(mark)).toThrow(InputError);
    try {
      isMarkMet(mark);
    } catch (e) {
      expect((e as InputError).details.found).toBe(mark);
      expect((e as InputError).message).toContain("Chưa đạt");
    }
  });

  it("rejects numbers other than 0 and 1", () => {
    expect(() => isMarkMet(2)).toThrow(/found "2"/);
    expect(() => isMarkMet(0.5)).toThrow(InputError);
  });
});
