import "./custom-functions-mock";
import {
  counterpartGapFunction,
  counterpartRatio,
  minRatio,
  shares,
} from "../../src/functions/money";

/** A range as Excel may pass it: numbers, text and blanks. */
const range = (cells: unknown[][]) => cells as number[][];

const SOURCES_2023 = [[223534], [54351], [1379545], [1429056], [328664], [187162]];

describe("NTM.SHARES", () => {
  it("spills one share per amount as a column, unrounded by default", () => {
    const result = shares(SOURCES_2023);
    expect(result).toHaveLength(6);
    expect(result[0][0]).toBeCloseTo(223534 / 3602312, 15);
  });

  it("rounds to the decimals so that the shares add to exactly 100%", () => {
    const result = shares([SOURCES_2023.map((r) => r[0])], 2);
    expect(result.map((r) => Math.round(r[0] * 10000))).toEqual([620, 151, 3830, 3967, 912, 520]);
  });

  it("reads Vietnamese text numbers and treats blanks as zero", () => {
    expect(shares(range([["3.000,0"], [""], [1000]]))).toEqual([[0.75], [0], [0.25]]);
    expect(shares(range([["1.500.000"], ["500000"]]))).toEqual([[0.75], [0.25]]);
  });

  it("refuses a text that reads two ways, naming both readings (the one number rule)", () => {
    expect(() => shares(range([["3.000"], [1000]]))).toThrow(
      expect.objectContaining({ code: "#VALUE!", message: expect.stringContaining("3000") })
    );
  });

  it("gives #VALUE! with a message for text that is not a number", () => {
    expect(() => shares(range([["abc"], [1]]))).toThrow(
      expect.objectContaining({ code: "#VALUE!", message: expect.stringContaining("abc") })
    );
    expect(() => shares([[1]], -1)).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });

  it("refuses amounts whose sum overflows, naming the value where it did, instead of returning zeros", () => {
    for (const decimals of [undefined, 2]) {
      expect(() => shares([[1e308], [1e308]], decimals)).toThrow(
        expect.objectContaining({ code: "#VALUE!", message: expect.stringMatching(/value 2/) })
      );
    }
    expect(shares([[1e307], [3e307]])).toEqual([[0.25], [0.75]]);
  });
});

describe("NTM.COUNTERPART_RATIO and NTM.COUNTERPART_GAP", () => {
  it("gives 0,243 and a 169.183 gap for Sóc Trăng 2023, no gap for 2024", () => {
    expect(counterpartRatio(54351, 223534).toFixed(3)).toBe("0.243");
    expect(counterpartGapFunction(223534, 54351)).toBe(169183);
    expect(counterpartRatio(210713, 200334).toFixed(3)).toBe("1.052");
    expect(counterpartGapFunction(200334, 210713, 1)).toBe(0);
    expect(counterpartGapFunction(100, 120, 1.5)).toBe(30);
  });

  it("gives #VALUE! for a central budget of zero", () => {
    expect(() => counterpartRatio(10, 0)).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });
});

describe("NTM.MIN_RATIO", () => {
  const brackets = [
    ["Cận dưới (%)", "Cận trên (%)", "Tỷ lệ tối thiểu", "Ghi chú"],
    [0, 50, "1,5", "ví dụ"],
    [50, 100, "1:1", ""],
  ];

  it("looks the minimum ratio up by the support share, skipping the header row", () => {
    expect(minRatio(65, brackets)).toBe(1);
    expect(minRatio(0.3, brackets)).toBe(1.5);
  });

  it("gives #VALUE! when the share is outside every bracket or the table is broken", () => {
    expect(() => minRatio(150, brackets)).toThrow(expect.objectContaining({ code: "#VALUE!" }));
    expect(() =>
      minRatio(65, [
        [0, 60, 1],
        [50, 100, 1],
      ])
    ).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });
});

describe("numbers beyond Excel's range", () => {
  it("gives #NUM! rather than an infinite ratio", () => {
    expect(() => counterpartRatio(20, 5e-324)).toThrow(expect.objectContaining({ code: "#NUM!" }));
  });
});
