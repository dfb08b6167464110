import "./custom-functions-mock";
import { MockCustomFunctionsError } from "./custom-functions-mock";

import {
  average,
  band,
  count,
  criterion,
  distribution,
  missing,
} from "../../src/functions/criteria";

const ALL = Array.from({ length: 19 }, (_, i) => i + 1);
const THANH_THOI_AN = "1,2,3,4,5,7,8,9,12,13,14,15,16,17,18,19";

function valueError(run: () => unknown): MockCustomFunctionsError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(MockCustomFunctionsError);
    expect((e as MockCustomFunctionsError).code).toBe("#VALUE!");
    return e as MockCustomFunctionsError;
  }
  throw new Error("no error");
}

describe("NTM.CRITERION", () => {
  it("still names criteria by number and period", () => {
    expect(criterion(3, undefined, undefined)).toBe("Thủy lợi và phòng, chống thiên tai");
    expect(criterion(7, "2011-2015", "en")).toBe("Rural market");
  });
});

describe("NTM.COUNT", () => {
  it("counts a list cell, with ranges", () => {
    expect(count([[THANH_THOI_AN]])).toBe(16);
    expect(count([["1-5,7"]])).toBe(6);
    expect(count([[""]])).toBe(0);
    expect(count([[null]])).toBe(0);
    expect(count([[12]])).toBe(1);
  });

  it("counts a row or a column of marks in every spelling", () => {
    const marks = [
      "x",
      "X",
      "✓",
      1,
      "Đạt",
      "đạt",
      "TRUE",
      true,
      "x",
      "x",
      "",
      0,
      "-",
      "Chưa đạt",
      "FALSE",
      false,
      null,
      "x",
      "x",
    ];
    expect(count([marks])).toBe(12);
    expect(count(marks.map((m) => [m]))).toBe(12);
  });

  it("names the position of a bad mark and rejects ranges of the wrong size", () => {
    const marks: unknown[] = ALL.map(() => "x");
    marks[4] = "?";
    expect(valueError(() => count([marks])).message).toContain("column 5");
    expect(valueError(() => count([["x", "x"]])).message).toContain("19 marks");
  });

  it("rejects malformed lists", () => {
    expect(valueError(() => count([["1,2,20"]])).message).toContain("there is no criterion 20");
    expect(valueError(() => count([["0"]])).message).toContain("no criterion 0");
    expect(valueError(() => count([["1,1"]])).message).toContain("listed twice");
    expect(valueError(() => count([["một, hai"]])).message).toContain("not a criterion number");
  });
});

describe("NTM.MISSING", () => {
  it("lists what a commune still lacks", () => {
    expect(missing([[THANH_THOI_AN]])).toBe("6,10,11");
    expect(missing([["1-19"]])).toBe("");
    expect(missing([ALL.map((n) => (n === 2 ? null : "x"))])).toBe("2");
  });

  it("follows the period's catalogue and rejects unknown periods", () => {
    expect(missing([["1-18"]], "2011-2015")).toBe("19");
    expect(valueError(() => missing([["1"]], "1990-1995")).message).toContain("2021-2025");
  });
});

describe("NTM.BAND", () => {
  it("gives the report's band labels by default", () => {
    expect(band(19)).toBe("19");
    expect(band(16)).toBe("15-18");
    expect(band(3)).toBe("0-4");
  });

  it("takes custom bands and returns empty when no band holds the count", () => {
    expect(band(3, "19,15-18,dưới 5")).toBe("Dưới 5");
    expect(band(12, "19,15-18")).toBe("");
  });

  it("rejects counts out of range and malformed bands", () => {
    expect(valueError(() => band(20)).message).toContain("0 to 19");
    expect(valueError(() => band(15.5)).message).toContain("whole number");
    expect(valueError(() => band(5, "19,9-5")).message).toContain("reversed");
  });
});

describe("NTM.AVERAGE and NTM.DISTRIBUTION over Sóc Trăng 2023", () => {
  const counts = [16, 17, 15, 15, 15, 15, 15, 18, 17, 17, ...Array(70).fill(19)];

  it("averages counts to 18.625", () => {
    expect(average(counts.map((n) => [n]))).toBe(18.625);
  });

  it("averages list cells and mixed ranges, skipping blanks", () => {
    expect(average([[THANH_THOI_AN], ["1-19"], [null], [""]])).toBe(17.5);
    expect(average([[THANH_THOI_AN, 19]])).toBe(17.5);
  });

  it("rejects bad cells and empty ranges", () => {
    expect(valueError(() => average([[19], [20]])).message).toContain("row 2, column 1");
    expect(valueError(() => average([[null]])).message).toContain("at least one cell");
    expect(valueError(() => average([[true]])).message).toContain("list of criterion numbers");
  });

  it("spills the band table", () => {
    expect(distribution(counts.map((n) => [n]))).toEqual([
      ["19", 70],
      ["15-18", 10],
      ["10-14", 0],
      ["5-9", 0],
      ["0-4", 0],
    ]);
    expect(distribution([[THANH_THOI_AN], [19]], "19,<19")).toEqual([
      ["19", 1],
      ["Dưới 19", 1],
    ]);
  });
});
