// The modern tier's requirements in the indicator policy sheet: an optional "NTM hiện đại" column beside Nhóm 1-3,
// written as the groups' are; blank means none of its own. Anything the column cannot mean is refused naming its cell.
import { InputError } from "../../../src/engine/errors";
import { gridFromRows } from "../../../src/workbook/grid";
import { MODERN_COLUMN, readIndicatorPolicy } from "../../../src/workbook/readers/indicator-policy";

const HEADER = [
  "Mã chỉ tiêu",
  "Tên chỉ tiêu",
  "Nhóm 1",
  "Nhóm 2",
  "Nhóm 3",
  MODERN_COLUMN.header,
  "Đơn vị",
  "So sánh",
];

function read(...rows: (string | number | null)[][]) {
  return readIndicatorPolicy(gridFromRows("Chỉ tiêu", [HEADER, ...rows]));
}

describe("the modern tier's column in the indicator policy sheet", () => {
  it("reads a threshold, a percentage, a mark, 'không áp dụng' and a blank", () => {
    const [a, b, c, d, e] = read(
      ["2.1", "Tỷ lệ đường", 100, 90, 70, 100, "%", "≥"],
      ["2.2", "Tỷ lệ trường", "80%", "70%", "60%", "≥ 95%", null, null],
      ["2.3", "Có điểm bưu chính", "Đạt", "Đạt", "Đạt", "Đạt", null, "Đạt/Không đạt"],
      ["6.1", "Tỷ lệ hộ nghèo", 1, 2, 4, "không áp dụng", "%", "≤"],
      ["8.1", "Tỷ lệ rác thải", 90, 80, 70, null, "%", "≥"]
    );
    expect(a).toMatchObject({ code: "2.1", modern: 100, comparison: ">=" });
    expect(b).toMatchObject({ code: "2.2", modern: 95, comparison: ">=", unit: "%" });
    expect(c).toMatchObject({ code: "2.3", modern: true, comparison: "pass" });
    expect(d).toMatchObject({ code: "6.1", modern: null });
    expect(e.modern).toBeUndefined();
  });

  it("is optional: a sheet without it has no modern requirement at all", () => {
    const grid = gridFromRows("Chỉ tiêu", [
      ["Mã chỉ tiêu", "Tên chỉ tiêu", "Nhóm 1", "Nhóm 2", "Nhóm 3", "So sánh"],
      ["2.1", "Tỷ lệ đường", 100, 90, 70, "≥"],
    ]);
    expect(readIndicatorPolicy(grid)[0].modern).toBeUndefined();
  });

  it("refuses a modern requirement of another kind or comparison than the indicator's, naming the cell", () => {
    const kind = () => read(["2.1", "Tỷ lệ đường", 100, 90, 70, "Đạt", "%", "≥"]);
    expect(kind).toThrow(InputError);
    expect(kind).toThrow(expect.objectContaining({ sheet: "Chỉ tiêu", cell: "F2" }));
    const comparison = () => read(["2.1", "Tỷ lệ đường", 100, 90, 70, "≤ 100", "%", "≥"]);
    expect(comparison).toThrow(expect.objectContaining({ cell: "F2" }));
    const text = () => read(["2.1", "Tỷ lệ đường", 100, 90, 70, "cao", "%", "≥"]);
    expect(text).toThrow(expect.objectContaining({ cell: "F2" }));
  });
});
