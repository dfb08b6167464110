import "./custom-functions-mock";
import { MockCustomFunctionsError } from "./custom-functions-mock";

import { average, band, count, distribution, missing } from "../../src/functions/criteria";
import {
  criteriaList,
  criteriaMet,
  indicatorMet,
  indicatorReason,
} from "../../src/functions/indicators";
import {
  CODES,
  GROUPS,
  indicatorMet as metByHand,
  MET,
  POLICY,
  rawValues,
} from "../cli/period-2026";

const policy = POLICY.map((r) => r.map((v) => (v === null ? "" : v)));

function valueError(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(MockCustomFunctionsError);
    expect((e as MockCustomFunctionsError).code).toBe("#VALUE!");
    return (e as MockCustomFunctionsError).message;
  }
  throw new Error("no error");
}

describe("NTM.INDICATOR_MET and NTM.INDICATOR_REASON", () => {
  it("compares a value with the requirement of the commune's group from the policy table", () => {
    expect(indicatorMet(85, "1.1", 2, policy)).toBe(true);
    expect(indicatorMet(75, "1.1", 2, policy)).toBe(false);
    expect(indicatorMet("85%", "3.1", 1, policy)).toBe(false);
    expect(indicatorMet("", "4.2", 1, policy)).toBe(true);
    expect(indicatorMet("", "4.2", "Nhóm 3", policy)).toBe(false);
    expect(indicatorReason(75, "1.1", 2, policy)).toBe("75 %, cần ≥ 80 % (nhóm 2)");
    expect(indicatorReason(75, "1.1", 2, policy, "en")).toBe("75 %, needs ≥ 80 % (group 2)");
    expect(indicatorReason("x", "1.2", 2, policy)).toBe("đạt");
  });

  it("answers #VALUE! naming what is wrong: an unknown code, a group 4, a word for a value", () => {
    expect(valueError(() => indicatorMet(85, "11.1", 2, policy))).toMatch(/1\.1, 1\.2/);
    expect(valueError(() => indicatorMet(85, "1.1", 4, policy))).toMatch(/group 1, 2 or 3/);
    expect(valueError(() => indicatorMet("nhiều", "1.1", 1, policy))).toMatch(
      /indicator 1\.1 \(%\)/
    );
  });
});

describe("NTM.CRITERIA_MET and NTM.CRITERIA_LIST", () => {
  it("counts criteria met from a row of raw values with the group, as the summary does", () => {
    const values = rawValues();
    for (const name of Object.keys(values)) {
      const row = [CODES.map((c) => values[name][c] ?? "")];
      expect(criteriaMet(row, [CODES], GROUPS[name], policy)).toBe(MET[name].length);
      expect(criteriaList(row, [CODES], GROUPS[name], policy)).toBe(MET[name].join(","));
    }
  });

  it("counts from marks without a policy table: every indicator must be marked", () => {
    // D left 4.2 blank: it does not apply to group 1.
    const marks = [CODES.map((c) => (c !== "4.2" && metByHand("D", c) ? "x" : ""))];
    // Without the policy, 4.2 (not required for group 1) is just a blank mark: criterion 4 is not met.
    expect(criteriaMet(marks, [CODES], 1)).toBe(8);
    expect(criteriaMet(marks, [CODES], 1, policy)).toBe(9);
  });

  it("refuses a row with an indicator of the policy missing", () => {
    expect(valueError(() => criteriaMet([[95]], [["1.1"]], 1, policy))).toMatch(/missing 1\.2/);
  });
});

describe("criteria functions with the 2026-2030 period", () => {
  it("count, list and band 10 criteria when asked for 2026-2030, and keep 2021-2025 without a period", () => {
    expect(count([["1-3,5-10"]], "2026-2030")).toBe(9);
    expect(missing([["1-3,5-10"]], "2026-2030")).toBe("4");
    expect(band(9, undefined, "2026-2030")).toBe("8-9");
    expect(band(9)).toBe("5-9");
    expect(average([[10], [8]], "2026-2030")).toBe(9);
    expect(distribution([[10], [8], [3]], undefined, "2026-2030")).toEqual([
      ["10", 1],
      ["8-9", 1],
      ["5-7", 0],
      ["0-4", 1],
    ]);
  });
});
