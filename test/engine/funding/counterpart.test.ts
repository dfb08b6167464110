import {
  bracketProblems,
  counterpartCheck,
  counterpartGap,
  DEFAULT_COUNTERPART_BRACKETS,
  minimumRatio,
} from "../../../src/engine/funding";
import { socTrangTable } from "./soc-trang";

describe("counterpartCheck", () => {
  it("finds 0,243 and a 169.183 million shortfall for 2023, 1,052 compliant for 2024 (ratio 1)", () => {
    const [y2023, y2024] = counterpartCheck(socTrangTable(), 1);
    expect(y2023).toMatchObject({
      central: 223534,
      local: 54351,
      required: 1,
      shortfall: 169183,
      compliant: false,
    });
    expect(y2023.ratio!.toFixed(3)).toBe("0.243");
    expect(y2024).toMatchObject({ central: 200334, local: 210713, shortfall: 0, compliant: true });
    expect(y2024.ratio!.toFixed(3)).toBe("1.052");
  });

  it("counts only province, district and commune budgets as local", () => {
    const [y2023] = counterpartCheck(socTrangTable(), 1);
    expect(y2023.local).toBe(54351); // not integrated, credit, enterprises or people
  });

  it("adds sub-lines when the parent line is missing", () => {
    const table = socTrangTable();
    table.lines = table.lines.filter((l) => l.category !== "local");
    table.lines.forEach((l) => (l.parent = null));
    expect(counterpartCheck(table, 1)[0].local).toBe(29964 + 24387);
  });

  it("needs a central budget line", () => {
    const table = socTrangTable();
    table.lines = table.lines.filter((l) => !l.category.startsWith("central"));
    expect(() => counterpartCheck(table, 1)).toThrow(/trung ương/);
  });
});

describe("minimumRatio and brackets", () => {
  it("looks the minimum up by the province's share of central balancing support", () => {
    const brackets = [
      { lower: 0, upper: 50, minRatio: 1.5 },
      { lower: 50, upper: 100, minRatio: 1 },
    ];
    expect(minimumRatio(65, brackets)).toBe(1);
    expect(minimumRatio(0.65, brackets)).toBe(1);
    expect(minimumRatio(50, brackets)).toBe(1);
    expect(minimumRatio(49.9, brackets)).toBe(1.5);
    expect(minimumRatio(100, brackets)).toBe(1);
    expect(() => minimumRatio(120, brackets)).toThrow(/120%/);
  });

  it("ships an example table marked as such", () => {
    expect(
      DEFAULT_COUNTERPART_BRACKETS.every((b) =>
        /example — check against the decision in force/.test(b.note!)
      )
    ).toBe(true);
    expect(bracketProblems(DEFAULT_COUNTERPART_BRACKETS)).toEqual([]);
  });

  it("finds overlapping and reversed brackets", () => {
    const problems = bracketProblems([
      { lower: 0, upper: 60, minRatio: 1 },
      { lower: 50, upper: 40, minRatio: 1 },
      { lower: 55, upper: 80, minRatio: -1 },
    ]);
    expect(problems.map((p) => p.index)).toEqual([1, 2, 2]);
  });

  it("computes the gap as max(0, ratio × central − local)", () => {
    expect(counterpartGap(223534, 54351)).toBe(169183);
    expect(counterpartGap(100, 150, 1.5)).toBe(0);
    expect(counterpartGap(100, 120, 1.5)).toBe(30);
  });
});
