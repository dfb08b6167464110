import "./custom-functions-mock";
import { MockCustomFunctionsError } from "./custom-functions-mock";

import {
  allocate,
  allocateCoefficient,
  allocatePolicy,
  allocateRule,
} from "../../src/functions/allocation";

describe("NTM.ALLOCATE", () => {
  it("spills one amount per coefficient, adding up to the envelope", () => {
    expect(allocate(100, [[1], [2], [4]], 10)).toEqual([[10], [30], [60]]);
    expect(allocate(1000, [[1.5, 1, 1, 0.5]])).toEqual([[375], [250], [250], [125]]);
  });

  it("takes omitted optional arguments as null and applies min and cap", () => {
    expect(allocate(100, [[1], [3], [6]], null as any, 20)).toEqual([[20], [27], [53]]);
    expect(allocate(100, [[5], [3], [2]], 1, null as any, 35)).toEqual([[35], [35], [30]]);
  });

  it("reads Vietnamese text numbers among the coefficients", () => {
    expect(allocate(100, [["1,5"], ["0,5"]])).toEqual([[75], [25]]);
  });

  it("answers #VALUE! with a message the user can act on", () => {
    expect(() => allocate(100, [[1], [""]])).toThrow(/coefficient 2 to be a number/);
    try {
      allocate(100, [[1], [1]], 1, 60);
      throw new Error("no error");
    } catch (e) {
      expect((e as MockCustomFunctionsError).code).toBe("#VALUE!");
      expect((e as Error).message).toMatch(/tối thiểu.*minimums/);
    }
  });
});

const COMMUNES_2021 = [
  ["Tên xã", "Số tiêu chí đạt", "Trạng thái", "ATK"],
  ["Thanh Thới An", 16, "chưa đạt", ""],
  ["Phong Nẫm", 12, "chưa đạt", "x"],
  ["Xuân Hòa", 16, "chưa đạt", "x"],
  ["An Mỹ", 19, "nâng cao", ""],
];

const COMMUNES_2026 = [
  [
    "Tên xã",
    "Nhóm xã",
    "Số tiêu chí đạt",
    "Khu vực",
    "ATK",
    "Biên giới",
    "Hải đảo",
    "Đặc khu",
    "Số thôn ĐBKK",
  ],
  ["Kế Sách", 2, 8, "", "", "", "", "", ""],
  ["Đại Hải", 2, 6, "I", "", "", "", "", 1],
  ["Cù Lao Dung", 3, 5, "III", "", "", "", "", 3],
  ["Côn Đảo", 1, 10, "", "", "", "", "x", ""],
];

describe("NTM.ALLOCATE_COEFFICIENT, ALLOCATE_RULE, ALLOCATE_POLICY", () => {
  it("gives a 2021-2025 range its coefficients and rules by the QĐ 07/2022 preset, and the amounts", () => {
    expect(allocateCoefficient([["qd-07-2022"]], COMMUNES_2021)).toEqual([[3], [5], [5], [1]]);
    expect(allocateRule([["qd-07-2022"]], COMMUNES_2021)[1][0]).toBe(
      "Dưới 15 tiêu chí → 5 [qd-07-2022, cần đối chiếu văn bản hiện hành]"
    );
    // Σ = 14: 214,29 / 357,14 / 357,14 / 71,43 → 214 / 357 / 357 / 72.
    expect(allocatePolicy(1000, [["qd-07-2022"]], COMMUNES_2021)).toEqual([
      [214],
      [357],
      [357],
      [72],
    ]);
  });

  it("gives a 2026-2030 range its coefficients by the 2026-2030 preset and by a range of rules", () => {
    expect(allocateCoefficient([["2026-2030"]], COMMUNES_2026)).toEqual([[25], [31], [53], [50]]);
    const rules = [
      ["Điều kiện", "Hệ số", "Cách tính"],
      ["Các xã còn lại", 1, "Cao nhất"],
      ["Nhóm 3", 2, "Cao nhất"],
    ];
    expect(allocateRule(rules, COMMUNES_2026)).toEqual([
      ["Các xã còn lại → 1"],
      ["Các xã còn lại → 1"],
      ["Nhóm 3 → 2"],
      ["Các xã còn lại → 1"],
    ]);
    expect(allocatePolicy(100, rules, COMMUNES_2026, 10)).toEqual([[20], [20], [40], [20]]);
  });

  it("refuses a range without the columns the policy reads, naming them", () => {
    const narrow = COMMUNES_2026.map((r) => r.slice(0, 5));
    expect(() => allocateCoefficient([["2026-2030"]], narrow)).toThrow(/Biên giới|biên giới/);
    expect(() => allocateCoefficient([["qd-99"]], COMMUNES_2026)).toThrow(/qd-07-2022/);
  });
});
