// policyRules gives each commune's rule in words as evaluatePolicy does, from words made once per rule (and
// quantity) and sentences made once per combination: the same sentences on any policy and communes.

import fc from "fast-check";
import {
  communeList,
  evaluatePolicy,
  policyFromRows,
  policyRules,
  presetPolicy,
  type CommuneAttributes,
  type PolicyRow,
} from "../../../src/engine/allocation";

const meta = { id: "test", title: { vi: "Thử", en: "Test" }, preset: false };

/** Conditions on every attribute, "per" rules (villages, missing criteria) and joined conditions. */
const CONDITIONS = [
  "Khu vực III",
  "Khu vực II",
  "Khu vực I",
  "ATK",
  "Biên giới",
  "Hải đảo",
  "Đặc khu",
  "Xã ĐBKK",
  "Nhóm 1",
  "Nhóm 3",
  "Chưa đạt chuẩn",
  "Đã đạt chuẩn",
  "Nâng cao",
  "Dưới 15 tiêu chí",
  "Từ 15 đến 18 tiêu chí",
  "Đăng ký đạt chuẩn",
  "Nhu cầu >= 5000",
  "Mỗi thôn ĐBKK",
  "Mỗi tiêu chí chưa đạt",
  "Khu vực III và Mỗi thôn ĐBKK",
  "ATK hoặc Biên giới",
  "Các xã còn lại",
];

const coefficient = fc.oneof(
  fc.integer({ min: 0, max: 60 }),
  fc.integer({ min: 0, max: 600 }).map((n) => n / 10),
  fc.constantFrom(0.1, 0.2, 0.7, 1 / 3, 2.25, 12345.678)
);

const ruleArb: fc.Arbitrary<PolicyRow> = fc.record({
  condition: fc.constantFrom(...CONDITIONS),
  coefficient,
  mode: fc.constantFrom("highest" as const, "add" as const),
});

const communeArb: fc.Arbitrary<CommuneAttributes> = fc.record({
  unit: fc.constantFrom("Xã A", "Xã B"),
  criteriaMet: fc.integer({ min: 0, max: 19 }),
  criteriaTotal: fc.constant(19),
  tier: fc.constantFrom(undefined, "none" as const, "standard" as const, "advanced" as const),
  group: fc.constantFrom(undefined, 1 as const, 2 as const, 3 as const),
  zone: fc.constantFrom(undefined, "I" as const, "II" as const, "III" as const),
  flags: fc.record({
    atk: fc.boolean(),
    border: fc.boolean(),
    island: fc.boolean(),
    specialZone: fc.boolean(),
    difficult: fc.boolean(),
  }),
  difficultVillages: fc.integer({ min: 0, max: 5 }),
  registeredYear: fc.constantFrom(undefined, 2025, 2026),
  need: fc.constantFrom(undefined, 100, 5000, 9000),
});

const expectSame = (
  policy: Parameters<typeof evaluatePolicy>[0],
  communes: CommuneAttributes[],
  year?: number
) => {
  const ctx = { year };
  const want = evaluatePolicy(policy, communes, ctx).map((e) => e.rule);
  expect(policyRules(policy, communes, ctx)).toEqual(want);
  // A list read one commune at a time (a cell function's lean reading) gives the same.
  const list = communeList(communes);
  expect(policyRules(policy, { length: list.length, get: (i) => list.get(i) }, ctx)).toEqual(want);
};

describe("policyRules", () => {
  it("gives evaluatePolicy's sentence for every commune, on any policy written as rows", () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { minLength: 1, maxLength: 10 }),
        fc.array(communeArb, { minLength: 1, maxLength: 60 }),
        fc.constantFrom(undefined, 2026),
        (rows, communes, year) => expectSame(policyFromRows(rows, meta), communes, year)
      ),
      { numRuns: 500 }
    );
  });

  it("gives evaluatePolicy's sentence under both presets", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("qd-07-2022" as const, "2026-2030" as const),
        fc.array(communeArb, { minLength: 1, maxLength: 80 }),
        (id, communes) => expectSame(presetPolicy(id), communes)
      ),
      { numRuns: 200 }
    );
  });

  it("gives the sentence of each of more combinations than it keeps", () => {
    // Every commune its own number of villages under two added per-village rules: 12,000 sentences, none repeated.
    const rows: PolicyRow[] = [
      { condition: "Mỗi thôn ĐBKK", coefficient: 0.5, mode: "add" },
      { condition: "Khu vực III và Mỗi thôn ĐBKK", coefficient: 0.25, mode: "add" },
      { condition: "Các xã còn lại", coefficient: 1, mode: "highest" },
    ];
    const communes: CommuneAttributes[] = Array.from({ length: 12_000 }, (_, i) => ({
      unit: `Xã ${i}`,
      zone: "III",
      difficultVillages: i + 1,
    }));
    expectSame(policyFromRows(rows, meta), communes);
  });
});
