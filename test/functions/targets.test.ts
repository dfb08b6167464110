import "./custom-functions-mock";
import { next } from "../../src/functions/targets";

// guard() builds CustomFunctions.Error at call time; Excel provides the global, tests a stand-in.

const THANH_THOI_AN = "1,2,3,4,5,7,8,9,12,13,14,15,16,17,18,19";

describe("NTM.NEXT", () => {
  it("lists the cheapest missing criteria, three a year by default", () => {
    expect(next([[THANH_THOI_AN]])).toBe("6,10,11");
    expect(next([["1-5,7-9,12-19"]], 2)).toBe("6,10");
    expect(next([["1-19"]])).toBe("");
  });

  it("takes the criteria met as a row of 19 marks, like NTM.COUNT", () => {
    const marks = [...Array(17).fill("x"), null, "Chưa đạt"];
    expect(next([marks], 5)).toBe("18,19");
  });

  it("follows the costs given as (criterion, cost) rows or 19 cells", () => {
    expect(
      next([[THANH_THOI_AN]], 2, [
        [6, 900],
        [10, 5],
        [11, 7],
      ])
    ).toBe("10,11");
    const row = Array.from({ length: 19 }, (_, i) => (i + 1 === 11 ? 100 : 1));
    expect(next([[THANH_THOI_AN]], 2, [row])).toBe("6,10");
  });

  it("returns #VALUE! with a bilingual message for a bad list or cap", () => {
    expect(() => next([["1,2,abc"]])).toThrow(expect.objectContaining({ code: "#VALUE!" }));
    expect(() => next([["1,25"]])).toThrow(/no criterion 25/);
    expect(() => next([[THANH_THOI_AN]], -1)).toThrow(expect.objectContaining({ code: "#VALUE!" }));
    expect(() => next([[THANH_THOI_AN]], 2, [[6, -5]])).toThrow(
      expect.objectContaining({ code: "#VALUE!" })
    );
  });
});
