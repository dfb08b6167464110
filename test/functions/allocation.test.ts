import "./custom-functions-mock";
import { MockCustomFunctionsError } from "./custom-functions-mock";

import { allocate } from "../../src/functions/allocation";

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
