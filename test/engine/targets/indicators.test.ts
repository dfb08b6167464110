import fc from "fast-check";
import { InputError } from "../../../src/engine/errors";
import { CATALOGUE_2021_2025 } from "../../../src/engine/catalogues";
import { labelKey } from "../../../src/engine/text";
import {
  planIndicatorTargets,
  planIndicatorTargetsExact,
  planIndicatorTargetsGreedy,
  planTargetsExact,
  type CapUnit,
  type CostTable,
  type IndicatorCommune,
  type IndicatorTargetPlan,
} from "../../../src/engine/targets";
import { highsSolver } from "../../../src/engine/targets/highs-solver";

const ind = (code: string, cost: number) => ({ code, criterion: Number(code.split(".")[0]), cost });

describe("indicator targets: greedy", () => {
  it("completes the cheapest commune, then whole criteria, then single indicators", () => {
    const communes: IndicatorCommune[] = [
      { name: "A", missing: [ind("2.1", 5), ind("2.2", 4), ind("8.1", 3)] },
      { name: "B", missing: [ind("3.1", 2), ind("5.1", 2)] },
      { name: "C", missing: [ind("6.1", 3), ind("6.2", 1), ind("9.1", 9)] },
    ];
    const plan = planIndicatorTargetsGreedy(communes, { criteriaCount: 10, budget: 9 });
    // B completes (4); A's criterion 8 (3) is the cheapest whole criterion; C's criterion 6 (4) no longer fits,
    // so the 2 left buy C's cheapest single indicator, 6.2 (1).
    expect(plan.communes[1]).toMatchObject({ completes: true, cost: 4, criteriaAfter: 10 });
    expect(plan.communes[0].targets.map((t) => t.code)).toEqual(["8.1"]);
    expect(plan.communes[0].criteriaCompleted).toEqual([8]);
    expect(plan.communes[2].targets.map((t) => t.code)).toEqual(["6.2"]);
    expect(plan.communes[2].criteriaCompleted).toEqual([]);
    expect(plan).toMatchObject({
      newlyStandard: 1,
      criteriaGained: 3,
      indicatorsGained: 4,
      cost: 8,
      budgetLeft: 1,
    });
    expect(plan.currentAverage).toBeCloseTo((8 + 8 + 8) / 3);
  });

  it("counts the cap in indicators by default, or in criteria worked on when asked", () => {
    const communes: IndicatorCommune[] = [
      {
        name: "A",
        missing: [ind("2.1", 1), ind("2.2", 1), ind("2.3", 1), ind("4.1", 1), ind("7.1", 1)],
      },
    ];
    const byIndicators = planIndicatorTargetsGreedy(communes, {
      criteriaCount: 10,
      maxPerCommune: 2,
    });
    expect(byIndicators.communes[0].targets.map((t) => t.code)).toEqual(["4.1", "7.1"]);
    expect(byIndicators.cap).toEqual({ max: 2, unit: "indicators" });
    const byCriteria = planIndicatorTargetsGreedy(communes, {
      criteriaCount: 10,
      maxPerCommune: 2,
      capUnit: "criteria",
    });
    expect(byCriteria.communes[0].criteriaCompleted.length).toBe(2);
    expect(byCriteria.communes[0].targets.length).toBe(2);
  });

  it("refuses a negative cost naming the commune and the indicator, and a fractional cap", () => {
    const bad: IndicatorCommune[] = [
      { name: "Tân Hưng", missing: [ind("2.1", -1)], source: { sheet: "Chi phí", cell: "B4" } },
    ];
    expect(() => planIndicatorTargetsGreedy(bad, { criteriaCount: 10 })).toThrow(InputError);
    expect(() => planIndicatorTargetsGreedy(bad, { criteriaCount: 10 })).toThrow(/Tân Hưng: 2.1/);
    expect(() => planIndicatorTargetsGreedy([], { criteriaCount: 10, maxPerCommune: 1.5 })).toThrow(
      /chỉ tiêu tối đa/
    );
    const twice: IndicatorCommune[] = [{ name: "A", missing: [ind("2.1", 1), ind("2.1", 2)] }];
    expect(() => planIndicatorTargetsGreedy(twice, { criteriaCount: 10 })).toThrow(/2.1/);
  });
});

describe("indicator targets: exact", () => {
  it("prefers a criterion with more indicators among criteria of equal cost (greedy takes the other)", async () => {
    const communes: IndicatorCommune[] = [
      { name: "A", missing: [ind("2.1", 3), ind("2.2", 3), ind("3.1", 5)] },
      { name: "B", missing: [ind("5.1", 5), ind("6.1", 1), ind("6.2", 1), ind("6.3", 4)] },
    ];
    const options = { criteriaCount: 10, budget: 6 };
    const exact = await planIndicatorTargetsExact(communes, options, highsSolver);
    expect(exact.optimal).toBe(true);
    expect(exact.gap).toBe(0);
    // One criterion fits either way; A's criterion 2 brings two indicators, B's criterion 6 three.
    expect(exact).toMatchObject({
      newlyStandard: 0,
      criteriaGained: 1,
      indicatorsGained: 3,
      cost: 6,
    });
    expect(exact.communes[1].criteriaCompleted).toEqual([6]);
  });

  it("completes the registered commune among plans of equal value", async () => {
    const communes: IndicatorCommune[] = [
      { name: "A", missing: [ind("2.1", 2)] },
      { name: "B", missing: [ind("3.1", 2)], registered: true },
    ];
    const plan = await planIndicatorTargets(communes, {
      criteriaCount: 10,
      budget: 2,
      method: "optimal",
    });
    expect(plan.communes.map((c) => c.completes)).toEqual([false, true]);
  });

  it("rejects at once when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("cancelled"));
    await expect(
      planIndicatorTargets(
        [{ name: "A", missing: [ind("2.1", 2)] }],
        { criteriaCount: 10, method: "optimal" },
        { signal: controller.signal }
      )
    ).rejects.toThrow("cancelled");
  });
});

// ---- properties on random provinces ----

interface Random {
  communes: IndicatorCommune[];
  budget: number;
  cap: number | undefined;
  capUnit: CapUnit;
}

const randomArb = (maxCommunes: number, maxCriteria: number, maxPerCriterion: number) =>
  fc
    .record({
      communes: fc.array(
        fc.record({
          criteria: fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { maxLength: maxCriteria }),
          sizes: fc.array(fc.integer({ min: 1, max: maxPerCriterion }), {
            minLength: maxCriteria,
            maxLength: maxCriteria,
          }),
          costs: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 40, maxLength: 40 }),
          registered: fc.boolean(),
        }),
        { minLength: 1, maxLength: maxCommunes }
      ),
      budget: fc.integer({ min: 0, max: 25 }),
      cap: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      capUnit: fc.constantFrom<CapUnit>("indicators", "criteria"),
    })
    .map(({ communes, budget, cap, capUnit }): Random => ({
      communes: communes.map((c, i) => {
        let n = 0;
        return {
          name: `X${i}`,
          registered: c.registered,
          missing: c.criteria.flatMap((criterion, j) =>
            Array.from({ length: c.sizes[j] }, (_, s) => ind(`${criterion}.${s + 1}`, c.costs[n++]))
          ),
        };
      }),
      budget,
      cap,
      capUnit,
    }));

const optionsOf = (p: Random) => ({
  criteriaCount: 10,
  budget: p.budget,
  maxPerCommune: p.cap,
  capUnit: p.capUnit,
});

function checkFeasible(p: Random, plan: IndicatorTargetPlan): void {
  expect(plan.cost).toBeLessThanOrEqual(p.budget + 1e-9);
  let cost = 0;
  let indicators = 0;
  for (const c of plan.communes) {
    const input = p.communes[c.index];
    const codes = c.targets.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const t of c.targets) expect(input.missing).toContainEqual(t);
    const worked = new Set(c.targets.map((t) => t.criterion)).size;
    if (p.cap !== undefined) {
      expect(p.capUnit === "indicators" ? c.targets.length : worked).toBeLessThanOrEqual(p.cap);
    }
    const missingCriteria = new Set(input.missing.map((m) => m.criterion));
    const completed = [...missingCriteria].filter((k) =>
      input.missing.filter((m) => m.criterion === k).every((m) => codes.includes(m.code))
    );
    expect(c.criteriaCompleted).toEqual(completed.sort((a, b) => a - b));
    expect(c.completes).toBe(missingCriteria.size > 0 && completed.length === missingCriteria.size);
    expect(c.criteriaAfter).toBe(10 - missingCriteria.size + completed.length);
    expect(c.cost).toBe(c.targets.reduce((s, t) => s + t.cost, 0));
    cost += c.cost;
    indicators += c.targets.length;
  }
  expect(plan.cost).toBe(cost);
  expect(plan.indicatorsGained).toBe(indicators);
}

/** Every subset of every commune's missing indicators: completed, criteria, indicators, −cost, registered. */
function exhaustive(p: Random): number[] {
  const choices = p.communes.map((c) => {
    const list: number[][] = [];
    const m = c.missing;
    const criteria = new Set(m.map((x) => x.criterion));
    for (let mask = 0; mask < 1 << m.length; mask++) {
      const chosen = m.filter((_, i) => mask & (1 << i));
      const worked = new Set(chosen.map((x) => x.criterion)).size;
      if (p.cap !== undefined && (p.capUnit === "indicators" ? chosen.length : worked) > p.cap)
        continue;
      const done = [...criteria].filter((k) =>
        m.filter((x) => x.criterion === k).every((x) => chosen.includes(x))
      ).length;
      const completes = criteria.size > 0 && done === criteria.size ? 1 : 0;
      const cost = chosen.reduce((s, x) => s + x.cost, 0);
      list.push([completes, done, chosen.length, cost, completes && c.registered ? 1 : 0]);
    }
    return list;
  });
  let best = [-1, -1, -1, -Infinity, -1];
  const beats = (a: number[], b: number[]) => {
    const k = a.findIndex((v, i) => v !== b[i]);
    return k >= 0 && a[k] > b[k];
  };
  const walk = (i: number, acc: number[]) => {
    if (acc[3] > p.budget) return;
    if (i === choices.length) {
      const value = [acc[0], acc[1], acc[2], -acc[3], acc[4]];
      if (beats(value, best)) best = value;
      return;
    }
    for (const o of choices[i])
      walk(
        i + 1,
        acc.map((v, j) => v + o[j])
      );
  };
  walk(0, [0, 0, 0, 0, 0]);
  return best;
}

const valueOf = (plan: IndicatorTargetPlan) => [
  plan.newlyStandard,
  plan.criteriaGained,
  plan.indicatorsGained,
  -plan.cost,
  plan.communes.filter((c) => c.completes && c.registered).length,
];

describe("indicator target plans on random provinces", () => {
  it("greedy plans stay within budget and cap, target only missing indicators, and add up", () => {
    fc.assert(
      fc.property(randomArb(30, 5, 4), (p) =>
        checkFeasible(p, planIndicatorTargetsGreedy(p.communes, optionsOf(p)))
      ),
      { numRuns: 200 }
    );
  });

  it("exact plans are feasible and never worse than greedy ones", async () => {
    await fc.assert(
      fc.asyncProperty(randomArb(25, 5, 4), async (p) => {
        const exact = await planIndicatorTargetsExact(p.communes, optionsOf(p), highsSolver);
        checkFeasible(p, exact);
        expect(exact.optimal).toBe(true);
        const greedy = valueOf(planIndicatorTargetsGreedy(p.communes, optionsOf(p))).slice(0, 4);
        const k = valueOf(exact).findIndex((v, i) => i < 4 && v !== greedy[i]);
        if (k >= 0) expect(valueOf(exact)[k]).toBeGreaterThan(greedy[k]);
      }),
      { numRuns: 60 }
    );
  });

  it("the exact method's lexicographic objective (then registered communes completed) equals an exhaustive search", async () => {
    await fc.assert(
      fc.asyncProperty(randomArb(4, 3, 2), async (p) => {
        const plan = await planIndicatorTargetsExact(p.communes, optionsOf(p), highsSolver);
        expect(valueOf(plan)).toEqual(exhaustive(p));
      }),
      { numRuns: 150 }
    );
  });

  it("with one indicator per criterion, reaches the 19-criteria exact planner's communes, criteria and cost", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            missing: fc.uniqueArray(fc.integer({ min: 1, max: 19 }), { maxLength: 6 }),
            costs: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 19, maxLength: 19 }),
          }),
          { minLength: 1, maxLength: 20 }
        ),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 4 }),
        async (list, budget, cap) => {
          const costs: CostTable = { perCommune: new Map(), perCriterion: new Map() };
          const statuses = list.map((c, i) => {
            costs.perCommune.set(labelKey(`X${i}`), new Map(c.costs.map((v, k) => [k + 1, v])));
            const achieved = Array.from({ length: 19 }, (_, k) => k + 1).filter(
              (n) => !c.missing.includes(n)
            );
            return { name: `X${i}`, achieved, count: achieved.length };
          });
          const old = await planTargetsExact(
            statuses,
            { catalogue: CATALOGUE_2021_2025, budget, maxPerCommune: cap, costs },
            highsSolver
          );
          const plan = await planIndicatorTargetsExact(
            list.map((c, i) => ({
              name: `X${i}`,
              missing: c.missing.map((n) => ({
                code: `${n}.1`,
                criterion: n,
                cost: c.costs[n - 1],
              })),
            })),
            { criteriaCount: 19, budget, maxPerCommune: cap },
            highsSolver
          );
          expect([
            plan.newlyStandard,
            plan.criteriaGained,
            plan.indicatorsGained,
            plan.cost,
          ]).toEqual([old.newlyStandard, old.criteriaGained, old.criteriaGained, old.cost]);
        }
      ),
      { numRuns: 60 }
    );
  });
});
