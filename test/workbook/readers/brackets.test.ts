import { InputError } from "../../../src/engine/errors";
import { minimumRatio } from "../../../src/engine/funding";
import { gridFromRows } from "../../../src/workbook/grid";
import { readBrackets } from "../../../src/workbook/readers/brackets";

const HEADER = ["Cận dưới (%)", "Cận trên (%)", "Tỷ lệ đối ứng tối thiểu", "Ghi chú"];

describe("readBrackets", () => {
  it("reads brackets under a title, with ratios written 1,5 or 1:1", () => {
    const grid = gridFromRows("Mau_DoiUng", [
      ["Bảng tỷ lệ vốn đối ứng", null, null, null],
      HEADER,
      [0, 60, "1,5", "ví dụ"],
      [60, "100", "1:1", null],
    ]);
    const brackets = readBrackets(grid);
    expect(brackets).toEqual([
      // The note keeps its cell (row 3, column D): a warning about its text names it.
      {
        lower: 0,
        upper: 60,
        minRatio: 1.5,
        note: "ví dụ",
        noteCell: { sheet: "Mau_DoiUng", cell: "D3" },
      },
      { lower: 60, upper: 100, minRatio: 1 },
    ]);
    expect(minimumRatio(70, brackets)).toBe(1);
  });

  it("scales bounds written as fractions (cells formatted as %) to percent", () => {
    const grid = gridFromRows("B", [HEADER, [0, 0.6, 1.5, null], [0.6, 1, 1, null]]);
    expect(readBrackets(grid).map((b) => [b.lower, b.upper])).toEqual([
      [0, 60],
      [60, 100],
    ]);
  });

  it.each([
    [
      "an overlap",
      [
        [0, 60, 1],
        [50, 100, 1],
      ],
      "A3",
    ],
    ["a formula error", [[0, { error: "#REF!" }, 1]], "B2"],
    ["a missing ratio", [[0, 60, null]], "C2"],
    ["a bad ratio", [[0, 60, "1:0"]], "C2"],
  ])("rejects %s naming the cell", (_what, rows, cell) => {
    try {
      readBrackets(gridFromRows("B", [HEADER, ...(rows as never[])]));
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).cell).toBe(cell);
    }
  });
});
