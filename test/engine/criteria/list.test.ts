import { CATALOGUE_2021_2025 } from "../../../src/engine/catalogues";
import {
  formatCriteriaList,
  missingCriteria,
  parseCriteriaList,
} from "../../../src/engine/criteria";
import { InputError } from "../../../src/engine/errors";
import type { Catalogue } from "../../../src/engine/types";

const CAT = CATALOGUE_2021_2025;

function errorOf(text: string, catalogue: Catalogue = CAT): InputError {
  try {
    parseCriteriaList(text, catalogue);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error(`no error for ${text}`);
}

describe("parseCriteriaList", () => {
  it("reads the lists of appendix II as written", () => {
    expect(parseCriteriaList("1,2,3,4,5,7,8,9,12,13,14,15,16,17,18,19", CAT)).toEqual([
      1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 14, 15, 16, 17, 18, 19,
    ]);
  });

  it("accepts spaces, semicolons, ranges and any order", () => {
    expect(parseCriteriaList(" 1, 2 ;3 4", CAT)).toEqual([1, 2, 3, 4]);
    expect(parseCriteriaList("1-5,7", CAT)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(parseCriteriaList("12 – 14; 9", CAT)).toEqual([9, 12, 13, 14]);
    expect(parseCriteriaList("19,1", CAT)).toEqual([1, 19]);
    expect(parseCriteriaList("1-19", CAT)).toHaveLength(19);
  });

  it("reads a blank list as no criteria and a single number cell as one criterion", () => {
    expect(parseCriteriaList("", CAT)).toEqual([]);
    expect(parseCriteriaList("   ", CAT)).toEqual([]);
    expect(parseCriteriaList(7, CAT)).toEqual([7]);
  });

  it("rejects numbers outside the catalogue, saying which", () => {
    const e20 = errorOf("1,2,20");
    expect(e20.details.found).toBe("1,2,20");
    expect(e20.details.expected.vi).toContain("không có tiêu chí số 20");
    expect(e20.details.expected.en).toContain("there is no criterion 20");
    expect(errorOf("0,1").details.expected.en).toContain("no criterion 0");
    expect(errorOf("18-21").details.expected.en).toContain("no criterion 20");
  });

  it("rejects duplicates, including through overlapping ranges", () => {
    expect(errorOf("1,2,2").details.expected.en).toContain("criterion 2 is listed twice");
    expect(errorOf("1-5,3").details.expected.en).toContain("criterion 3 is listed twice");
  });

  it("rejects reversed ranges and text", () => {
    expect(errorOf("5-1").details.expected.en).toContain('"5-1" is reversed');
    expect(errorOf("1,2,abc").details.expected.en).toContain('"abc" is not a criterion number');
    expect(errorOf("tất cả").details.expected.vi).toContain("không phải số tiêu chí");
    expect(errorOf("1.5").details.found).toBe("1.5");
  });

  it("checks against the catalogue it is given, not a fixed 19", () => {
    const small: Catalogue = {
      id: "nang-cao",
      label: "",
      criteria: [1, 2, 3].map((number) => ({
        number,
        vi: `TC${number}`,
        en: `C${number}`,
        group: "",
      })),
    };
    expect(parseCriteriaList("1-3", small)).toEqual([1, 2, 3]);
    expect(errorOf("4", small).details.expected.en).toContain("1-3");
  });
});

describe("formatCriteriaList and missingCriteria", () => {
  it("writes lists the way reports do and finds what is missing", () => {
    expect(formatCriteriaList([3, 1, 2])).toBe("1,2,3");
    const achieved = parseCriteriaList("1,2,3,4,5,7,8,9,12,13,14,15,16,17,18,19", CAT);
    expect(missingCriteria(achieved, CAT)).toEqual([6, 10, 11]);
    expect(missingCriteria(parseCriteriaList("1-19", CAT), CAT)).toEqual([]);
  });
});
