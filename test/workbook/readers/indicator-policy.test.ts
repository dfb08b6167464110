import { gridFromRows } from "../../../src/workbook/grid";
import { readIndicatorPolicy } from "../../../src/workbook/readers/indicator-policy";

const HEADER = [
  "Mã chỉ tiêu",
  "Tiêu chí",
  "Tên chỉ tiêu",
  "Nhóm 1",
  "Nhóm 2",
  "Nhóm 3",
  "Đơn vị",
  "So sánh",
  "Nguồn",
];

function read(...rows: (string | number | null)[][]) {
  return readIndicatorPolicy(gridFromRows("Chỉ tiêu", [HEADER, ...rows]));
}

describe("readIndicatorPolicy", () => {
  it("reads code, criterion, name, one requirement per group, unit, comparison and source", () => {
    const [a, b] = read(
      // A heading row of the criterion, without a code or requirements, is skipped.
      [null, 2, "Hạ tầng kinh tế - xã hội", null, null, null, null, null, null],
      [
        "2.1",
        2,
        "Tỷ lệ đường giao thông được cứng hóa",
        "100%",
        "90%",
        "70%",
        null,
        "≥",
        "QĐ tỉnh",
      ],
      [
        "2.2",
        2,
        "Có điểm phục vụ bưu chính",
        "Đạt",
        "Đạt",
        "không áp dụng",
        null,
        "Đạt/Không đạt",
        null,
      ]
    );
    expect(a).toEqual({
      code: "2.1",
      criterion: 2,
      vi: "Tỷ lệ đường giao thông được cứng hóa",
      en: "Tỷ lệ đường giao thông được cứng hóa",
      requirements: { 1: 100, 2: 90, 3: 70 },
      comparison: ">=",
      unit: "%",
      source: "QĐ tỉnh",
    });
    expect(b.requirements).toEqual({ 1: true, 2: true, 3: null });
    expect(b.comparison).toBe("pass");
  });

  it("takes the comparison from a symbol in the requirement cells when there is no comparison", () => {
    const [a] = read(["6.1", 6, "Tỷ lệ hộ nghèo", "≤ 1", "≤ 2", "≤ 4", "%", null, null]);
    expect(a.comparison).toBe("<=");
    expect(a.requirements).toEqual({ 1: 1, 2: 2, 3: 4 });
  });

  it("refuses a blank requirement, naming its cell", () => {
    expect(() => read(["3.1", 3, "Thu nhập", 80, null, 60, "triệu đồng", "≥", null])).toThrow(
      /sheet 'Chỉ tiêu', ô\/cell E2/
    );
  });

  it("refuses a criterion that contradicts the code and a code outside any criterion", () => {
    expect(() => read(["3.1", 4, "Thu nhập", 80, 70, 60, null, "≥", null])).toThrow(
      /ô\/cell B2.*criterion 3/
    );
    expect(() => read(["3", 3, "Thu nhập", 80, 70, 60, null, "≥", null])).toThrow(/ô\/cell A2/);
  });

  it("refuses a threshold comparison with a Đạt requirement, and a comparison it does not know", () => {
    expect(() => read(["3.1", 3, "Thu nhập", 80, "Đạt", 60, null, "≥", null])).toThrow(
      /ô\/cell E2/
    );
    expect(() => read(["3.1", 3, "Thu nhập", 80, 70, 60, null, "gần bằng", null])).toThrow(
      /ô\/cell H2/
    );
  });

  it("refuses codes typed as numbers where 2.1 and 2.10 cannot be told apart", () => {
    const rows = Array.from({ length: 10 }, (_, k) => [
      `2.${k + 1}`,
      2,
      `CT ${k + 1}`,
      1,
      1,
      1,
      null,
      "≥",
      null,
    ]);
    rows[0][0] = 2.1 as unknown as string;
    expect(() => read(...rows)).toThrow(/ô\/cell A2.*as text/);
  });
});
