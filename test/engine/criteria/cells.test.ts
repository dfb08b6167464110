import { CATALOGUE_2021_2025 } from "../../../src/engine/catalogues";
import { achievedFromCells, countsFromRange } from "../../../src/engine/criteria";
import { InputError } from "../../../src/engine/errors";

const CAT = CATALOGUE_2021_2025;

describe("achievedFromCells", () => {
  it("reads one cell as a list and a row or column of 19 as marks", () => {
    expect(achievedFromCells([["1-3, 19"]], CAT)).toEqual([1, 2, 3, 19]);
    const row = Array.from({ length: 19 }, (_, i) => (i % 2 === 0 ? "x" : null));
    expect(achievedFromCells([row], CAT)).toHaveLength(10);
    expect(
      achievedFromCells(
        row.map((m) => [m]),
        CAT
      )
    ).toHaveLength(10);
  });

  it("rejects a block of marks that is not one row or column", () => {
    const block = Array.from({ length: 19 }, () => ["x", "x"]);
    expect(() => achievedFromCells(block, CAT)).toThrow(InputError);
  });
});

describe("countsFromRange", () => {
  it("takes numbers as counts and text as lists, skipping blanks", () => {
    expect(countsFromRange([[19, "1-5", null, "", "7"]], CAT)).toEqual([19, 5, 1]);
  });

  it("names the position of a bad cell", () => {
    expect(() => countsFromRange([[19], [19.5]], CAT)).toThrow(/row 2, column 1/);
    expect(() => countsFromRange([[19, "1,1"]], CAT)).toThrow(/row 1, column 2.*listed twice/);
  });
});
