import fc from "fast-check";
import { InputError } from "../../../src/engine/errors";
import {
  buildMergeMap,
  mergedOf,
  rollUpMoney,
  rollUpStatus,
  type MergeEntry,
} from "../../../src/engine/merge";
import type { CommuneStatus } from "../../../src/engine/types";

const entries: MergeEntry[] = [
  {
    oldName: "Phú Tân",
    oldCode: "31561",
    newName: "Phú Tâm",
    newCode: "31700",
    date: "01/07/2025",
  },
  {
    oldName: "Thuận Hòa",
    oldCode: "31564",
    newName: "Phú Tâm",
    newCode: "31700",
    date: "01/07/2025",
  },
  {
    oldName: "Tài Văn",
    oldCode: "31570",
    newName: "Tài Văn",
    newCode: "31710",
    date: "01/07/2025",
  },
  { oldName: "Viên An", newName: "Tài Văn", newCode: "31710" },
];

describe("merged communes", () => {
  it("groups the old communes under their new commune, keeping codes and date", () => {
    const map = buildMergeMap(entries);
    expect(map.merged).toEqual([
      {
        name: "Phú Tâm",
        code: "31700",
        date: "01/07/2025",
        from: [
          { name: "Phú Tân", code: "31561" },
          { name: "Thuận Hòa", code: "31564" },
        ],
      },
      {
        name: "Tài Văn",
        code: "31710",
        date: "01/07/2025",
        from: [
          { name: "Tài Văn", code: "31570" },
          { name: "Viên An", code: undefined },
        ],
      },
    ]);
  });

  it("finds an old commune by code, by name, or by its name typed without diacritics", () => {
    const map = buildMergeMap(entries);
    expect(mergedOf(map, { name: "whatever", code: "31564" })).toBe(0);
    expect(mergedOf(map, { name: "Viên An" })).toBe(1);
    expect(mergedOf(map, { name: "thuan hoa" })).toBe(0);
  });

  it("refuses an old commune missing from the mapping, naming it and its cell", () => {
    const map = buildMergeMap(entries);
    const missing = () => mergedOf(map, { name: "Long Phú", source: { sheet: "Vốn", cell: "A7" } });
    expect(missing).toThrow(InputError);
    expect(missing).toThrow(/Long Phú/);
    try {
      missing();
    } catch (e) {
      expect((e as InputError).details).toMatchObject({ sheet: "Vốn", cell: "A7" });
    }
  });

  it("refuses an old commune mapped into two new communes, naming the second row", () => {
    const bad = [
      ...entries,
      { oldName: "Phú Tân", newName: "Tài Văn", source: { sheet: "Sáp nhập", cell: "A6" } },
    ];
    expect(() => buildMergeMap(bad)).toThrow(/Phú Tân.*Phú Tâm/);
  });

  it("sums money by old commune into the merged communes, blanks staying blank", () => {
    const map = buildMergeMap(entries);
    const rolled = rollUpMoney(
      [
        { name: "Phú Tân", amounts: [100.1, null] },
        { name: "Thuận Hòa", amounts: [200.2, null] },
        { name: "Viên An", amounts: [5, 7] },
      ],
      map
    );
    expect(rolled.map((r) => [r.commune.name, r.amounts, r.from])).toEqual([
      ["Phú Tâm", [300.3, null], ["Phú Tân", "Thuận Hòa"]],
      ["Tài Văn", [5, 7], ["Viên An"]],
    ]);
  });

  it("keeps every đồng: the merged totals equal the old totals, per column", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat({ max: 3 }),
            fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 2, maxLength: 2 })
          )
        ),
        (rows) => {
          const map = buildMergeMap(entries);
          const names = ["Phú Tân", "Thuận Hòa", "Tài Văn", "Viên An"];
          const money = rows.map(([i, amounts]) => ({ name: names[i], amounts }));
          const rolled = rollUpMoney(money, map);
          for (const j of [0, 1]) {
            const before = money.reduce((s, r) => s + r.amounts[j], 0);
            const after = rolled.reduce((s, r) => s + (r.amounts[j] ?? 0), 0);
            expect(after).toBe(before);
          }
        }
      )
    );
  });

  it("groups earlier statuses under the merged commune, with the criteria every part met and a warning", () => {
    const map = buildMergeMap(entries);
    const status = (name: string, achieved: number[]): CommuneStatus => ({
      name,
      achieved,
      count: achieved.length,
    });
    const all = Array.from({ length: 19 }, (_, i) => i + 1);
    const { communes, warnings } = rollUpStatus(
      [status("Phú Tân", all), status("Thuận Hòa", [1, 2, 3, 5]), status("Tài Văn", [2, 3])],
      map,
      19
    );
    expect(communes[0]).toMatchObject({ standardParts: 1, metByAll: [1, 2, 3, 5] });
    expect(communes[0].parts.map((p) => p.name)).toEqual(["Phú Tân", "Thuận Hòa"]);
    expect(communes[1]).toMatchObject({ standardParts: 0, metByAll: [2, 3] });
    expect(warnings).toHaveLength(1);
    expect(warnings[0].en).toMatch(/Phú Tâm.*history/);
  });
});
