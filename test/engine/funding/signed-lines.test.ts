// The funding engine with reductions (negative lines) and blank budgets: shares of net totals still add up, no
// ratio is read from a negative budget, and a column without a budget figure is never compliant.

import { InputError } from "../../../src/engine/errors";
import { counterpartCheck, fundingMix } from "../../../src/engine/funding";
import type { BudgetTable } from "../../../src/engine/funding/types";

function table(central: (number | null)[], local: (number | null)[]): BudgetTable {
  const line = (
    label: string,
    category: BudgetTable["lines"][number]["category"],
    level: number,
    parent: number | null,
    amount: number | null,
    cell: string
  ) => ({ label, category, level, parent, amounts: [amount], cells: [cell] });
  const sum = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
  return {
    sheet: "Nguồn vốn",
    columns: ["2024"],
    lines: [
      line("NGÂN SÁCH TRUNG ƯƠNG", "central", 1, null, sum(central), "C5"),
      ...central.map((v, i) => line(`TW ${i}`, "central-investment", 2, 0, v, `C${6 + i}`)),
      line(
        "NGÂN SÁCH ĐỊA PHƯƠNG",
        "local",
        1,
        null,
        local.every((v) => v === null) ? null : sum(local),
        "C10"
      ),
      ...local.map((v, i) =>
        line(`ĐP ${i}`, "local-province", 2, 1 + central.length, v, `C${11 + i}`)
      ),
    ],
  };
}

describe("fundingMix with reductions", () => {
  it("rounds shares to add up to 100% with a negative sub-line, each sub-line family to its source", () => {
    const t = table([700, 333, -33], [500, 0, -1]);
    const [mix] = fundingMix(t, { decimals: 2 });
    const bp = (x: number) => Math.round(x * 1e6);
    const top = mix.lines.filter((l) => l.level === 1);
    expect(top.map((l) => l.amount)).toEqual([1000, 499]);
    expect(top.reduce((s, l) => s + bp(l.roundedShare!), 0)).toBe(1e6);
    const central = mix.lines.slice(1, 4);
    expect(central.reduce((s, l) => s + bp(l.roundedShare!), 0)).toBe(bp(top[0].roundedShare!));
    expect(central[2].roundedShare).toBeCloseTo(-0.022, 9); // −33 / 1499 = −2,2014% → −2,20%
  });
});

describe("counterpartCheck guards", () => {
  it("refuses a negative net budget naming its cell rather than calling a negative ratio compliant", () => {
    const t = table([100, -300], [50]);
    t.lines[0].amounts = [-200];
    try {
      counterpartCheck(t, 1);
      throw new Error("expected a refusal");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).cell).toBe("C5");
      expect((e as InputError).message).toMatch(/không âm/);
    }
  });

  it("never calls a column compliant when its central budget has no figure", () => {
    const t = table([null], [50]);
    t.lines[0].amounts = [null];
    const [c] = counterpartCheck(t, 1);
    expect(c).toMatchObject({ compliant: false, ratio: null, missing: ["C5"] });
  });

  it("gives no ratio for a central budget of zero", () => {
    const [c] = counterpartCheck(table([0], [50]), 1);
    expect(c.ratio).toBeNull();
  });
});
