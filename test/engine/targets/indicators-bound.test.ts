import fc from "fast-check";
import type { CapUnit, IndicatorCommune, IndicatorTargetPlan } from "../../../src/engine/targets";
import { highsSolver } from "../../../src/engine/targets/highs-solver";
import { dualBound, flatten } from "../../../src/engine/targets/indicators/bound";
import { planStaged } from "../../../src/engine/targets/indicators/exact";
import { cheapestIndicatorCompletions } from "../../../src/engine/targets/indicators/greedy";
import { communeOptions } from "../../../src/engine/targets/indicators/options";
import { prepareIndicators } from "../../../src/engine/targets/indicators/prepare";
import type { MixedSolver } from "../../../src/engine/targets/solver";

const ind = (code: string, cost: number) => ({ code, criterion: Number(code.split(".")[0]), cost });

interface Random {
  communes: IndicatorCommune[];
  budget: number;
  cap: number | undefined;
  capUnit: CapUnit;
}

const randomArb = (
  maxCommunes: number,
  maxCriteria: number,
  maxPerCriterion: number,
  maxCost: number
) =>
  fc
    .record({
      communes: fc.array(
        fc.record({
          criteria: fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { maxLength: maxCriteria }),
          sizes: fc.array(fc.integer({ min: 1, max: maxPerCriterion }), {
            minLength: maxCriteria,
            maxLength: maxCriteria,
          }),
          costs: fc.array(fc.integer({ min: 0, max: maxCost }), { minLength: 60, maxLength: 60 }),
          registered: fc.boolean(),
          especiallyDifficult: fc.boolean(),
        }),
        { minLength: 1, maxLength: maxCommunes }
      ),
      share: fc.double({ min: 0, max: 0.6, noNaN: true }),
      cap: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      capUnit: fc.constantFrom<CapUnit>("indicators", "criteria"),
    })
    .map(({ communes, share, cap, capUnit }): Random => {
      const list = communes.map((c, i) => {
        let n = 0;
        return {
          name: `X${i}`,
          registered: c.registered,
          especiallyDifficult: c.especiallyDifficult,
          missing: c.criteria.flatMap((criterion, j) =>
            Array.from({ length: c.sizes[j] }, (_, s) => ind(`${criterion}.${s + 1}`, c.costs[n++]))
          ),
        };
      });
      const needs = list.reduce((s, c) => s + c.missing.reduce((t, m) => t + m.cost, 0), 0);
      return { communes: list, budget: Math.round(needs * share), cap, capUnit };
    });

const optionsOf = (p: Random) => ({
  criteriaCount: 10,
  budget: p.budget,
  maxPerCommune: p.cap,
  capUnit: p.capUnit,
});

/** The most criteria completed by a plan completing at least `completed` communes: every subset of indicators. */
function mostCriteria(p: Random, completed: number): number {
  const choices = p.communes.map((c) => {
    const m = c.missing;
    const criteria = [...new Set(m.map((x) => x.criterion))];
    const list: [number, number, number][] = [];
    for (let mask = 0; mask < 1 << m.length; mask++) {
      const chosen = m.filter((_, i) => mask & (1 << i));
      const worked = new Set(chosen.map((x) => x.criterion)).size;
      if (p.cap !== undefined && (p.capUnit === "indicators" ? chosen.length : worked) > p.cap)
        continue;
      const done = criteria.filter((k) =>
        m.filter((x) => x.criterion === k).every((x) => chosen.includes(x))
      ).length;
      const completes = criteria.length > 0 && done === criteria.length ? 1 : 0;
      list.push([completes, done, chosen.reduce((s, x) => s + x.cost, 0)]);
    }
    return list;
  });
  let best = -1;
  const walk = (i: number, completes: number, done: number, cost: number) => {
    if (cost > p.budget) return;
    if (i === choices.length) {
      if (completes >= completed) best = Math.max(best, done);
      return;
    }
    for (const [c, d, w] of choices[i]) walk(i + 1, completes + c, done + d, cost + w);
  };
  walk(0, 0, 0, 0);
  return best;
}

const valueOf = (plan: IndicatorTargetPlan) => [
  plan.newlyStandard,
  plan.criteriaGained,
  plan.indicatorsGained,
  plan.cost,
  plan.communes.reduce(
    (s, c) => s + (c.completes ? (c.registered ? 2 : 0) + (c.especiallyDifficult ? 1 : 0) : 0),
    0
  ),
];

describe("the exact indicator planner's own bound", () => {
  it("is never below the most criteria an exhaustive search completes, whatever the number of cuts", async () => {
    await fc.assert(
      fc.asyncProperty(randomArb(4, 3, 2, 6), fc.integer({ min: 1, max: 8 }), async (p, cuts) => {
        const province = prepareIndicators(p.communes, optionsOf(p));
        const completed = cheapestIndicatorCompletions(province).size;
        const flat = flatten(province.communes.map((c) => communeOptions(c, province)));
        const rows = [
          { g: flat.cost.map((c) => -c), b: -p.budget },
          { g: flat.completes, b: completed },
        ];
        const best = mostCriteria(p, completed);
        expect(best).toBeGreaterThanOrEqual(0);
        const dual = await dualBound(flat, flat.criteria, rows, 0, -Infinity, highsSolver, cuts);
        expect(dual.bound).toBeGreaterThanOrEqual(best - 1e-9);
        expect(dual.u.every((x) => x >= 0)).toBe(true);
      }),
      { numRuns: 120 }
    );
  });

  it("gives the same plan value as the solver alone on provinces too large to enumerate, by both routes", async () => {
    let provenByBound = 0;
    let solved = 0;
    await fc.assert(
      fc.asyncProperty(randomArb(40, 6, 4, 20), async (p) => {
        let programs = 0;
        const counting: MixedSolver = {
          name: "counting",
          solve: (program) => {
            if (program.integer.some((x) => x)) programs++;
            return highsSolver.solve(program);
          },
        };
        const withBound = await planStaged(p.communes, optionsOf(p), counting, {}, true);
        const without = await planStaged(p.communes, optionsOf(p), highsSolver, {}, false);
        expect(withBound.optimal).toBe(true);
        expect(without.optimal).toBe(true);
        expect(valueOf(withBound)).toEqual(valueOf(without));
        if (programs === 0) provenByBound++;
        else solved++;
      }),
      { numRuns: 40 }
    );
    // Both routes were taken: plans proven by the bound alone, and plans that needed the solver.
    expect(provenByBound).toBeGreaterThan(0);
    expect(solved).toBeGreaterThan(0);
  });
});
