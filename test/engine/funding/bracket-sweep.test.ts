// Bracket tables are checked in O(n log n): the same verdict as comparing every pair, and 130,000 rows in a moment.

import { bracketProblems, type CounterpartBracket } from "../../../src/engine/funding/counterpart";
import { startCpuClock } from "../../support/cpu-clock";

/** A small deterministic generator (no clock, no Math.random). */
function lcg(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function overlap(a: CounterpartBracket, b: CounterpartBracket): boolean {
  const samePeriod = !a.period || !b.period || a.period === b.period;
  return (
    samePeriod && a.lower < a.upper && b.lower < b.upper && a.lower < b.upper && b.lower < a.upper
  );
}

describe("bracketProblems", () => {
  it("finds an overlap exactly when some pair overlaps, and every pair it names overlaps", () => {
    const next = lcg(7);
    for (let round = 0; round < 400; round++) {
      const n = 1 + Math.floor(next() * 7);
      const brackets: CounterpartBracket[] = Array.from({ length: n }, () => {
        const lower = Math.floor(next() * 10) * 10;
        const period = [undefined, "2021-2025", "2026-2030"][Math.floor(next() * 3)];
        return {
          lower,
          upper: lower + Math.floor(next() * 5) * 10,
          minRatio: 1,
          ...(period ? { period } : {}),
        };
      });
      let any = false;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < i; j++) any ||= overlap(brackets[i], brackets[j]);
      const overlaps = bracketProblems(brackets).filter((p) => /^overlaps row/.test(p.en));
      expect({ round, found: overlaps.length > 0 }).toEqual({ round, found: any });
      for (const p of overlaps) {
        const other = Number(/row (\d+)/.exec(p.en)![1]) - 1;
        expect(other).toBeLessThan(p.index);
        expect(overlap(brackets[p.index], brackets[other])).toBe(true);
      }
    }
  });

  it("checks 130,000 sound rows, and 130,000 rows that all overlap, in well under a second of CPU each", () => {
    const sound = Array.from({ length: 130_000 }, (_, i) => ({
      lower: i,
      upper: i + 1,
      minRatio: 1,
    }));
    let clock = startCpuClock();
    expect(bracketProblems(sound)).toEqual([]);
    expect(clock.ms()).toBeLessThan(1000);
    const nested = Array.from({ length: 130_000 }, (_, i) => ({
      lower: i,
      upper: 200_000,
      minRatio: 1,
    }));
    clock = startCpuClock();
    const problems = bracketProblems(nested);
    expect(clock.ms()).toBeLessThan(1000);
    expect(problems[0]).toMatchObject({ index: 1, en: "overlaps row 1" });
  });

  it("keeps periods apart: rows of different periods may overlap, a row without one overlaps both", () => {
    expect(
      bracketProblems([
        { lower: 0, upper: 60, minRatio: 1, period: "2021-2025" },
        { lower: 0, upper: 60, minRatio: 1, period: "2026-2030" },
      ])
    ).toEqual([]);
    const problems = bracketProblems([
      { lower: 0, upper: 60, minRatio: 1, period: "2021-2025" },
      { lower: 0, upper: 60, minRatio: 1, period: "2026-2030" },
      { lower: 50, upper: 100, minRatio: 1 },
    ]);
    expect(problems.map((p) => `${p.index}:${p.en}`)).toEqual([
      "2:overlaps row 1",
      "2:overlaps row 2",
    ]);
  });
});
