// The held-out probes of issue #22 about cell functions, as a user would type them: sums that overflow, a negative
// amount, a range far over what a cell function takes. Each answers at once, an Excel error with a message that says
// what to do, never a wrong figure.

import "./custom-functions-mock";
import { MockCustomFunctionsError } from "./custom-functions-mock";
import { allocate } from "../../src/functions/allocation";
import { minRatio, shares } from "../../src/functions/money";
import { startCpuClock } from "../support/cpu-clock";

function answer(body: () => unknown): {
  value?: unknown;
  code?: string;
  message?: string;
  /** CPU time (test/support/cpu-clock.ts). */
  ms: number;
} {
  const clock = startCpuClock();
  try {
    const value = body();
    return { value, ms: clock.ms() };
  } catch (e) {
    if (!(e instanceof MockCustomFunctionsError)) throw e;
    return { code: e.code, message: e.message, ms: clock.ms() };
  }
}

describe("cell functions on what a user types", () => {
  it("SHARES([[1e308;1e308]]) is an error, not zeros", () => {
    const a = answer(() => shares([[1e308, 1e308]]));
    expect(a.value).toBeUndefined();
    expect(a.code).toMatch(/^#(NUM|VALUE)!$/);
  });

  it("SHARES with a negative amount and decimals is refused naming the amount as typed and its place, in both languages", () => {
    const a = answer(() => shares([[5], ["-2"], [3]] as unknown as number[][], 2));
    expect(a.code).toBe("#VALUE!");
    // The amount as typed and its place in the range, not the share (-0,333) the rounding would have been given.
    expect(a.message).toContain('"-2"');
    expect(a.message).toMatch(/số tiền thứ 2 .*\/ .*amount 2 of the range/);
    expect(a.message!.length).toBeLessThanOrEqual(255);
    // Without decimals: the shares of the net total, as the funding job reads a reduction line.
    expect(answer(() => shares([[5], [-2], [3]])).value).toEqual([[5 / 6], [-2 / 6], [3 / 6]]);
  });

  it("ALLOCATE on 100,000 × 20 coefficients answers #NUM! at once", () => {
    const row = Array.from({ length: 20 }, () => 1);
    const a = answer(() =>
      allocate(
        1000,
        Array.from({ length: 100_000 }, () => row)
      )
    );
    expect(a.code).toBe("#NUM!");
    expect(a.ms).toBeLessThan(1000);
  });

  it("MIN_RATIO over 100,000 bracket rows answers the bracket's ratio at once, and a larger range #NUM!", () => {
    // Brackets of 0,001 percentage point: 65 % falls in the one from 65 to 65,001, whose ratio is 1 + 65,000 / 100,000.
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => [(i * 100) / n, ((i + 1) * 100) / n, 1 + i / n, ""]);
    const a = answer(() => minRatio(65, rows(100_000)));
    expect(a.value).toBeCloseTo(1.65, 10);
    expect(a.ms).toBeLessThan(5000);
    // With the header a user may select above them, the same.
    const header = ["Cận dưới (%)", "Cận trên (%)", "Tỷ lệ tối thiểu", "Ghi chú"];
    expect(answer(() => minRatio(65, [header, ...rows(100_000)])).value).toBeCloseTo(1.65, 10);
    // One row more, without a header, is counted as the rows selected: 100,001, over the limit.
    const over = answer(() => minRatio(65, rows(100_001)));
    expect(over.code).toBe("#NUM!");
    expect(over.message).toMatch(
      /^100\.001 dòng tỷ lệ, quá 100\.000 .*\/ 100,001 bracket rows, over the 100,000/
    );
  });
});
