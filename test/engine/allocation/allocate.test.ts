import fc from "fast-check";
import { allocateByCoefficients } from "../../../src/engine/allocation";
import { InputError } from "../../../src/engine/errors";

const amounts = (r: ReturnType<typeof allocateByCoefficients>) =>
  r.allocations.map((a) => a.amount);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("allocateByCoefficients", () => {
  it("splits 1,000 million over coefficients 1.5 / 1 / 1 / 0.5 by hand", () => {
    // Σ = 4: 1000 × 1.5/4 = 375, 250, 250, 125; nothing to round.
    const r = allocateByCoefficients({
      total: 1000,
      units: [
        { unit: "Kế Sách", coefficient: 1.5 },
        { unit: "Mỹ Tú", coefficient: 1 },
        { unit: "Long Phú", coefficient: 1 },
        { unit: "Trần Đề", coefficient: 0.5 },
      ],
    });
    expect(amounts(r)).toEqual([375, 250, 250, 125]);
    expect(r.allocations.map((a) => a.share)).toEqual([0.375, 0.25, 0.25, 0.125]);
  });

  it("gives the leftover units to the largest remainders: 100 over 1/2/4 to 10 million", () => {
    // exact 14.29, 28.57, 57.14 → tens 1, 2, 5 (= 80); 2 tens left go to remainders .857 (B) and .714 (C).
    const r = allocateByCoefficients({
      total: 100,
      unit: 10,
      units: [
        { unit: "A", coefficient: 1 },
        { unit: "B", coefficient: 2 },
        { unit: "C", coefficient: 4 },
      ],
    });
    expect(amounts(r)).toEqual([10, 30, 60]);
  });

  it("breaks ties by input order", () => {
    const units = ["A", "B", "C"].map((unit) => ({ unit, coefficient: 1 }));
    expect(amounts(allocateByCoefficients({ total: 100, units }))).toEqual([34, 33, 33]);
    expect(amounts(allocateByCoefficients({ total: 200, units }))).toEqual([67, 67, 66]);
  });

  it("raises units to the guaranteed minimum and takes it from the others in proportion", () => {
    // Without min: 10, 30, 60. With min 20: A = 20; the 80 left go 2:4 → 26.67, 53.33 → 27, 53.
    const r = allocateByCoefficients({
      total: 100,
      min: 20,
      units: [
        { unit: "A", coefficient: 1 },
        { unit: "B", coefficient: 3 },
        { unit: "C", coefficient: 6 },
      ],
    });
    expect(amounts(r)).toEqual([20, 27, 53]);
    expect(r.allocations[0].limit).toBe("min");
  });

  it("caps units and gives the excess to the others, until stable", () => {
    // Shares 50/30/20 of 100; cap 40: A = 40, 60 left 3:2 → 36, 24. Cap 35: A = 35, B would be 39 > 35 → B = 35, C = 30.
    const units = [
      { unit: "A", coefficient: 5 },
      { unit: "B", coefficient: 3 },
      { unit: "C", coefficient: 2 },
    ];
    expect(amounts(allocateByCoefficients({ total: 100, cap: 40, units }))).toEqual([40, 36, 24]);
    const r = allocateByCoefficients({ total: 100, cap: 35, units });
    expect(amounts(r)).toEqual([35, 35, 30]);
    expect(r.allocations.map((a) => a.limit)).toEqual(["cap", "cap", null]);
  });

  it("allocates in proportion to need when no coefficient is given", () => {
    const r = allocateByCoefficients({
      total: 90,
      units: [
        { unit: "Xã A", need: 100 },
        { unit: "Xã B", need: 200 },
      ],
    });
    expect(r.basis).toBe("need");
    expect(amounts(r)).toEqual([30, 60]);
  });

  it("takes a unit's own minimum over the common one", () => {
    const r = allocateByCoefficients({
      total: 100,
      min: 0,
      units: [
        { unit: "A", coefficient: 1, min: 50 },
        { unit: "B", coefficient: 1 },
        { unit: "C", coefficient: 2 },
      ],
    });
    expect(amounts(r)).toEqual([50, 17, 33]);
  });

  it.each([
    [{ total: 100, min: 40 }, /minimums/],
    [{ total: 100, cap: 30 }, /caps/],
    [{ total: 105, unit: 10 }, /multiple of the rounding unit 10/],
    [{ total: 100, min: 5, unit: 10 }, /minimum to be a non-negative multiple/],
  ])("refuses an infeasible request %o", (opts, message) => {
    const units = ["A", "B", "C"].map((unit) => ({ unit, coefficient: 1 }));
    expect(() => allocateByCoefficients({ ...opts, units })).toThrow(InputError);
    expect(() => allocateByCoefficients({ ...opts, units })).toThrow(message);
  });

  it("refuses negative and all-zero coefficients in both languages", () => {
    const neg = [
      { unit: "A", coefficient: 1 },
      { unit: "B", coefficient: -1 },
    ];
    expect(() => allocateByCoefficients({ total: 10, units: neg })).toThrow(
      /Cần: hệ số.*Expected: each unit's coefficient/
    );
    const zero = [
      { unit: "A", coefficient: 0 },
      { unit: "B", coefficient: 0 },
    ];
    expect(() => allocateByCoefficients({ total: 10, units: zero })).toThrow(
      /adding up to more than 0/
    );
  });

  it("adds up exactly to the envelope and respects min and cap, for any feasible request", () => {
    const request = fc
      .record({
        unit: fc.constantFrom(1, 10, 100),
        weights: fc.array(
          fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1000, noNaN: true })),
          {
            minLength: 1,
            maxLength: 30,
          }
        ),
        multiples: fc.integer({ min: 0, max: 100000 }),
        minUnits: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
        capUnits: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
      })
      .filter(({ weights }) => weights.some((w) => w > 0));
    fc.assert(
      fc.property(request, ({ unit, weights, multiples, minUnits, capUnits }) => {
        const total = multiples * unit;
        const min = minUnits === undefined ? undefined : minUnits * unit;
        const cap = capUnits === undefined ? undefined : Math.max(capUnits, minUnits ?? 0) * unit;
        const units = weights.map((coefficient, i) => ({ unit: `U${i}`, coefficient }));
        const lo = (min ?? 0) * units.length;
        const hi = weights.reduce((a, w) => a + (w > 0 ? (cap ?? Infinity) : (min ?? 0)), 0);
        if (lo > total || hi < total) {
          expect(() => allocateByCoefficients({ total, units, unit, min, cap })).toThrow(
            InputError
          );
          return;
        }
        const r = allocateByCoefficients({ total, units, unit, min, cap });
        const xs = amounts(r);
        expect(sum(xs)).toBe(total);
        for (const [i, x] of xs.entries()) {
          expect(Number.isInteger(x / unit)).toBe(true);
          if (min !== undefined) expect(x).toBeGreaterThanOrEqual(min);
          if (cap !== undefined) expect(x).toBeLessThanOrEqual(cap);
          // Rounding moves an amount by less than one unit from the exact split.
          expect(Math.abs(x - r.allocations[i].exact)).toBeLessThan(unit + 1e-6);
        }
      }),
      { numRuns: 500 }
    );
  });
});
