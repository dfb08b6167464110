import fc from "fast-check";
import {
  allocateByPolicy,
  evaluatePolicy,
  parseCondition,
  policyFromRows,
  presetPolicy,
  summariseBy,
  typeLabel,
  groupLabel,
  type CommuneAttributes,
  type CommuneFlag,
  type PolicyRow,
} from "../../../src/engine/allocation";
import { InputError } from "../../../src/engine/errors";

const meta = { id: "test", title: { vi: "Thử", en: "Test" }, preset: false };

describe("parseCondition", () => {
  it.each([
    ["Khu vực III", { kind: "zone", zone: "III" }],
    ["khu vuc 2", { kind: "zone", zone: "II" }],
    ["Xã ATK", { kind: "flag", flag: "atk" }],
    ["Biên giới", { kind: "flag", flag: "border" }],
    ["Hải đảo", { kind: "flag", flag: "island" }],
    ["Đặc khu", { kind: "flag", flag: "specialZone" }],
    ["Xã ĐBKK", { kind: "flag", flag: "difficult" }],
    ["Nhóm 3", { kind: "group", group: 3 }],
    ["Chưa đạt chuẩn", { kind: "tier", tier: "none", atLeast: false }],
    ["Đã đạt chuẩn", { kind: "tier", tier: "standard", atLeast: true }],
    ["Đạt chuẩn", { kind: "tier", tier: "standard", atLeast: false }],
    ["Nâng cao", { kind: "tier", tier: "advanced", atLeast: false }],
    ["NTM hiện đại", { kind: "tier", tier: "modern", atLeast: false }],
    ["Dưới 15 tiêu chí", { kind: "criteria", min: 0, max: 14 }],
    ["Từ 15 đến 18 tiêu chí", { kind: "criteria", min: 15, max: 18 }],
    ["15-18 tiêu chí", { kind: "criteria", min: 15, max: 18 }],
    ["Tiêu chí ≥ 15", { kind: "criteria", min: 15, max: Infinity }],
    ["Từ 15 tiêu chí trở lên", { kind: "criteria", min: 15, max: Infinity }],
    ["Đăng ký đạt chuẩn", { kind: "registered" }],
    ["Nhu cầu >= 5.000", { kind: "need", min: 5000, max: Infinity }],
    ["Các xã còn lại", { kind: "all" }],
  ])("reads %s", (text, condition) => {
    expect(parseCondition(text)).toEqual({ condition });
  });

  it("joins with và and hoặc, và binding tighter, and reads a per-village rule", () => {
    expect(parseCondition("Dưới 15 tiêu chí hoặc ATK và chưa đạt chuẩn")).toEqual({
      condition: {
        kind: "or",
        parts: [
          { kind: "criteria", min: 0, max: 14 },
          {
            kind: "and",
            parts: [
              { kind: "flag", flag: "atk" },
              { kind: "tier", tier: "none", atLeast: false },
            ],
          },
        ],
      },
    });
    expect(parseCondition("Mỗi thôn ĐBKK")).toEqual({
      condition: { kind: "all" },
      per: "villages",
    });
    expect(parseCondition("Khu vực III và mỗi tiêu chí chưa đạt")).toEqual({
      condition: { kind: "zone", zone: "III" },
      per: "missingCriteria",
    });
  });

  it("refuses words it does not know, quoting them", () => {
    expect(() => parseCondition("Xã vùng sâu")).toThrow(InputError);
    expect(() => parseCondition("ATK và vùng sâu")).toThrow(/vùng sâu/);
  });
});

describe("presets", () => {
  it("QĐ 07/2022: 5 under 15 criteria or a not-yet-standard ATK commune, 3 from 15, 1 at the standard", () => {
    const policy = presetPolicy("qd-07-2022");
    const communes: CommuneAttributes[] = [
      { unit: "A", criteriaMet: 12, criteriaTotal: 19 },
      { unit: "B", criteriaMet: 16, criteriaTotal: 19 },
      { unit: "C", criteriaMet: 16, criteriaTotal: 19, flags: { atk: true } },
      { unit: "D", criteriaMet: 19, criteriaTotal: 19 },
      { unit: "E", criteriaMet: 19, criteriaTotal: 19, tier: "advanced" },
      { unit: "F", criteriaMet: 19, criteriaTotal: 19, tier: "none" },
    ];
    const r = evaluatePolicy(policy, communes);
    expect(r.map((x) => [x.unit, x.coefficient, x.rule])).toEqual([
      ["A", 5, "Dưới 15 tiêu chí → 5"],
      ["B", 3, "Từ 15 tiêu chí trở lên và chưa đạt chuẩn → 3"],
      ["C", 5, "ATK và chưa đạt chuẩn → 5"],
      ["D", 1, "Đã đạt chuẩn → 1"],
      ["E", 1, "Đã đạt chuẩn → 1"],
      ["F", 3, "Từ 15 tiêu chí trở lên và chưa đạt chuẩn → 3"],
    ]);
    expect(r[2].alsoMatched.map((h) => h.label)).toEqual([
      "Từ 15 tiêu chí trở lên và chưa đạt chuẩn",
    ]);
    expect(policy.rules.every((rule) => rule.source?.includes("07/2022"))).toBe(true);
    expect(policy.rules.every((rule) => rule.note?.includes("đối chiếu"))).toBe(true);
  });

  it("2026-2030 preset: the highest commune type applies, villages add 1 each", () => {
    const policy = presetPolicy("2026-2030");
    const communes: CommuneAttributes[] = [
      { unit: "A", zone: "III", flags: { atk: true } },
      { unit: "B", zone: "II" },
      { unit: "C", zone: "I", difficultVillages: 2 },
      { unit: "D" },
      { unit: "E", zone: "I", flags: { border: true } },
    ];
    const r = evaluatePolicy(policy, communes);
    expect(r.map((x) => [x.unit, x.coefficient, x.rule])).toEqual([
      ["A", 50, "Khu vực III → 50"],
      ["B", 40, "Khu vực II → 40"],
      ["C", 32, "Khu vực I → 30 + Mỗi thôn ĐBKK: 2 × 1 → 2 = 32"],
      ["D", 25, "Các xã còn lại → 25"],
      ["E", 50, "Biên giới → 50"],
    ]);
    expect(policy.preset).toBe(true);
    expect(policy.caution?.vi).toContain("cần đối chiếu văn bản ban hành");
  });
});

describe("allocateByPolicy", () => {
  it("splits 1.000 million under the 2026-2030 preset, explains each amount, and summarises by group and type", () => {
    const communes: CommuneAttributes[] = [
      { unit: "A", zone: "III", group: 3 },
      { unit: "B", zone: "II", group: 3 },
      { unit: "C", group: 2 },
    ];
    // Σ = 50 + 40 + 25 = 115: 434,78 / 347,83 / 217,39 → 435 / 348 / 217.
    const r = allocateByPolicy({ total: 1000, policy: presetPolicy("2026-2030"), communes });
    expect(r.allocations.map((a) => a.amount)).toEqual([435, 348, 217]);
    expect(r.allocations[0].explanation).toBe("50 ÷ 115 × 1.000 = 434,78 → 435");
    expect(summariseBy(r.allocations, groupLabel)).toEqual([
      { label: "Nhóm 3", communes: 2, coefficient: 90, amount: 783 },
      { label: "Nhóm 2", communes: 1, coefficient: 25, amount: 217 },
    ]);
    expect(summariseBy(r.allocations, typeLabel).map((s) => s.label)).toEqual([
      "Khu vực III",
      "Khu vực II",
      "Xã khác / other",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const FLAGS: CommuneFlag[] = ["atk", "border", "island", "specialZone", "difficult"];
const FLAG_WORDS: Record<CommuneFlag, string> = {
  atk: "ATK",
  border: "Biên giới",
  island: "Hải đảo",
  specialZone: "Đặc khu",
  difficult: "Xã ĐBKK",
};

const communeArb = fc.record({
  flags: fc.record({
    atk: fc.boolean(),
    border: fc.boolean(),
    island: fc.boolean(),
    specialZone: fc.boolean(),
    difficult: fc.boolean(),
  }),
  zone: fc.constantFrom(undefined, "I" as const, "II" as const, "III" as const),
  criteriaMet: fc.integer({ min: 0, max: 19 }),
  difficultVillages: fc.integer({ min: 0, max: 4 }),
});

const ruleArb = fc.record({
  flag: fc.constantFrom(...FLAGS, "all" as const),
  coefficient: fc.integer({ min: 0, max: 60 }),
  mode: fc.constantFrom("highest" as const, "add" as const),
});

describe("policy properties", () => {
  it("rules combine as declared: the highest matching 'highest' rule plus every matching 'add' rule", () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { minLength: 1, maxLength: 8 }), communeArb, (rules, c) => {
        const rows: PolicyRow[] = rules.map((r) => ({
          condition: r.flag === "all" ? "Các xã còn lại" : FLAG_WORDS[r.flag],
          coefficient: r.coefficient,
          mode: r.mode,
        }));
        const policy = policyFromRows(rows, meta);
        const [got] = evaluatePolicy(policy, [{ unit: "X", ...c, criteriaTotal: 19 }]);
        const matches = rules.filter((r) => r.flag === "all" || c.flags[r.flag]);
        const highest = Math.max(
          0,
          ...matches.filter((r) => r.mode === "highest").map((r) => r.coefficient)
        );
        const added = matches
          .filter((r) => r.mode === "add")
          .reduce((s, r) => s + r.coefficient, 0);
        expect(got.coefficient).toBe(highest + added);
        // The order of the rules never changes the coefficient.
        const [reversed] = evaluatePolicy(policyFromRows([...rows].reverse(), meta), [
          { unit: "X", ...c, criteriaTotal: 19 },
        ]);
        expect(reversed.coefficient).toBe(got.coefficient);
      })
    );
  });

  const envelope = fc
    .tuple(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(1, 10, 100))
    .map(([n, unit]) => ({ total: n * unit, unit }));

  it("the amounts add up exactly to the envelope, with or without a minimum and cap", () => {
    fc.assert(
      fc.property(
        fc.array(communeArb, { minLength: 1, maxLength: 40 }),
        envelope,
        fc.boolean(),
        (communes, { total, unit }, limits) => {
          const list = communes.map((c, i) => ({ unit: `X${i}`, ...c, criteriaTotal: 19 }));
          const min = limits ? Math.floor(total / list.length / unit / 2) * unit : undefined;
          const cap = limits ? Math.ceil(((total / list.length) * 3) / unit) * unit : undefined;
          const r = allocateByPolicy({
            total,
            unit,
            min,
            cap,
            policy: presetPolicy("2026-2030"),
            communes: list,
          });
          const sum = r.allocations.reduce((s, a) => s + a.amount, 0);
          expect(Math.abs(sum - total)).toBeLessThan(1e-6 * Math.max(1, total));
          for (const a of r.allocations) {
            expect(Math.abs(a.amount / unit - Math.round(a.amount / unit))).toBeLessThan(1e-9);
          }
        }
      )
    );
  });

  it("a commune with a higher coefficient never gets less (no minimum, no cap)", () => {
    fc.assert(
      fc.property(
        fc.array(communeArb, { minLength: 2, maxLength: 40 }),
        envelope,
        fc.constantFrom("qd-07-2022" as const, "2026-2030" as const),
        (communes, { total, unit }, preset) => {
          const list = communes.map((c, i) => ({ unit: `X${i}`, ...c, criteriaTotal: 19 }));
          const policy = presetPolicy(preset);
          if (evaluatePolicy(policy, list).every((e) => e.coefficient === 0)) return;
          const r = allocateByPolicy({ total, unit, policy, communes: list });
          for (const a of r.allocations) {
            for (const b of r.allocations) {
              if (a.coefficient > b.coefficient) expect(a.amount).toBeGreaterThanOrEqual(b.amount);
            }
          }
        }
      )
    );
  });
});
