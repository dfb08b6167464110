import { compareFundingColumns, describeColumn, fundingMix } from "../../../src/engine/funding";
import { socTrangTable } from "./soc-trang";

const pct2 = (share: number) => Math.round(share * 10000) / 100;

describe("fundingMix", () => {
  it("reproduces the report's 2023 shares of the six sources (6,21 · 1,51 · 38,30 · 39,67 · 9,12 · 5,20)", () => {
    const [mix2023] = fundingMix(socTrangTable());
    expect(mix2023.total).toBe(3602312);
    expect(mix2023.statedTotal).toBe(3602312);
    const top = mix2023.lines.filter((l) => l.level === 1);
    expect(top.map((l) => l.category)).toEqual([
      "central",
      "local",
      "integrated",
      "credit",
      "enterprises",
      "people",
    ]);
    expect(top.map((l) => pct2(l.share))).toEqual([6.21, 1.51, 38.3, 39.67, 9.12, 5.2]);
    expect(top[0].share).toBeCloseTo(223534 / 3602312, 15);
  });

  it("rounds shares so they add to exactly 100% with the decimals option, sub-lines to their parent", () => {
    const [mix2023, mix2024] = fundingMix(socTrangTable(), { decimals: 2 });
    for (const mix of [mix2023, mix2024]) {
      const top = mix.lines.filter((l) => l.level === 1);
      expect(top.reduce((s, l) => s + Math.round(l.roundedShare! * 10000), 0)).toBe(10000);
      const central = mix.lines.findIndex((l) => l.category === "central");
      const subs = mix.lines.slice(central + 1, central + 3);
      expect(subs.reduce((s, l) => s + Math.round(l.roundedShare! * 10000), 0)).toBe(
        Math.round(mix.lines[central].roundedShare! * 10000)
      );
    }
    expect(mix2023.lines.every((l) => l.share !== undefined)).toBe(true);
  });

  it("leaves shares unrounded without the option", () => {
    const [mix2023] = fundingMix(socTrangTable());
    expect(mix2023.lines[0].roundedShare).toBeUndefined();
  });

  it("finds the published 2023 column consistent and the 2024 people line off by one million", () => {
    const [mix2023, mix2024] = fundingMix(socTrangTable());
    expect(mix2023.checks).toHaveLength(4);
    expect(mix2023.checks.every((c) => c.ok && c.difference === 0)).toBe(true);
    // 46.724 + 159.155 = 205.879, but the report prints 205.878 for the people line in 2024.
    expect(mix2024.checks.filter((c) => !c.ok)).toEqual([
      expect.objectContaining({
        label: "HUY ĐỘNG TỪ NGƯỜI DÂN VÀ CỘNG ĐỒNG",
        stated: 205878,
        computed: 205879,
        difference: -1,
      }),
    ]);
  });

  it("reports a parent that does not equal its sub-lines with stated, computed and difference", () => {
    const table = socTrangTable((rows) => {
      rows[5][3] = 29000; // Tỉnh 2023: 29.964 → 29.000
    });
    const [mix2023] = fundingMix(table);
    const bad = mix2023.checks.filter((c) => !c.ok);
    expect(bad).toEqual([
      expect.objectContaining({
        label: "NGÂN SÁCH ĐỊA PHƯƠNG",
        kind: "parent",
        stated: 54351,
        computed: 29000 + 24387,
        difference: 964,
      }),
    ]);
  });

  it("reports a total that does not equal the top-level lines", () => {
    const table = socTrangTable((rows) => {
      rows[0][4] = 3951000;
    });
    const bad = fundingMix(table)[1].checks.filter((c) => !c.ok && c.kind === "total");
    expect(bad).toEqual([
      expect.objectContaining({
        kind: "total",
        stated: 3951000,
        computed: 3951450,
        difference: -450,
      }),
    ]);
  });

  it("keeps lines of unknown sources with their share", () => {
    const table = socTrangTable();
    table.lines.push({
      label: "Vốn khác",
      category: "other",
      level: 1,
      parent: null,
      amounts: [100, 0],
    });
    const [mix] = fundingMix(table);
    const other = mix.lines.find((l) => l.label === "Vốn khác")!;
    expect(other.category).toBe("other");
    expect(other.share).toBeCloseTo(100 / 3602412, 12);
  });
});

describe("compareFundingColumns", () => {
  it("reads plan and actual columns and their year", () => {
    expect(describeColumn("Kết quả huy động năm 2023")).toEqual({ kind: "actual", year: 2023 });
    expect(describeColumn("Kế hoạch năm 2024")).toEqual({ kind: "plan", year: 2024 });
    expect(describeColumn("Thực hiện 2024")).toEqual({ kind: "actual", year: 2024 });
  });

  it("gives the change between neighbouring columns", () => {
    const [change] = compareFundingColumns(socTrangTable());
    expect(change.kind).toBe("change");
    const local = change.lines.find((l) => l.category === "local")!;
    expect(local.difference).toBe(210713 - 54351);
    expect(local.ratio).toBeCloseTo(210713 / 54351, 12);
  });

  it("gives no ratio where the base is so small that the quotient overflows (a stored ±5e-324; found by the fuzz)", () => {
    const table = socTrangTable();
    table.lines[0].amounts = [-5e-324, 200334];
    table.lines[1].amounts = [5e-324, 169946];
    const [change] = compareFundingColumns(table);
    expect(change.lines[0].ratio).toBeNull();
    expect(change.lines[1].ratio).toBeNull();
    expect(change.lines.every((l) => l.ratio === null || Number.isFinite(l.ratio))).toBe(true);
  });

  it("gives % achieved when a year has a plan and an actual column", () => {
    const table = socTrangTable();
    table.columns = ["Kế hoạch 2024", "Thực hiện 2024"];
    const achieved = compareFundingColumns(table).find((c) => c.kind === "achieved")!;
    expect(achieved).toMatchObject({ from: "Kế hoạch 2024", to: "Thực hiện 2024" });
    expect(achieved.lines[0].ratio).toBeCloseTo(3951450 / 3602312, 12);
  });
});
