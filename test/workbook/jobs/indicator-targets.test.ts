import { CATALOGUE_2026_2030 } from "../../../src/engine/catalogues";
import { InputError } from "../../../src/engine/errors";
import type { CommuneStatus, IndicatorVerdict } from "../../../src/engine/types";
import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import { indicatorTargets } from "../../../src/workbook/jobs/indicator-targets";
import { targetsJob } from "../../../src/workbook/jobs/targets";
import { POLICY, valuesSheet } from "../../cli/period-2026";

/** A commune missing the given indicator codes (all others met), as an indicator-level status reader gives it. */
function status(
  name: string,
  code: string,
  missing: string[],
  extra: Partial<CommuneStatus> = {}
): CommuneStatus {
  const all = ["1.1", "2.1", "2.2", "3.1", "5.1", "5.2", "8.1"];
  const indicators: IndicatorVerdict[] = all.map((c) => ({
    code: c,
    criterion: Number(c.split(".")[0]),
    met: !missing.includes(c),
    value: !missing.includes(c),
    requirement: true,
  }));
  const missingCriteria = new Set(missing.map((c) => Number(c.split(".")[0])));
  const achieved = Array.from({ length: 10 }, (_, i) => i + 1).filter(
    (n) => !missingCriteria.has(n)
  );
  return { name, code, group: 2, achieved, count: achieved.length, indicators, ...extra };
}

const settings = {
  catalogue: CATALOGUE_2026_2030,
  capUnit: "indicators" as const,
  method: "optimal" as const,
  timeLimit: 10,
  year: 2027,
};

describe("the targets job at indicator level (2026-2030)", () => {
  const communes = [
    status("Phú Tân", "31001", ["2.1", "2.2"]),
    status("Long Phú", "31002", ["5.1", "8.1"], { registeredYear: 2027 }),
    status("Tài Văn", "31003", ["3.1"]),
  ];

  it("plans with a costs sheet per (commune, indicator), defaults by indicator, and writes appendix II by indicator", async () => {
    const book = new MemoryWorkbook({
      ChiPhi: [
        ["Mã xã", "Tên xã", "Chỉ tiêu", "Chi phí"],
        ["31001", "", "2.1", 300],
        ["31001", "", "2.2", 200],
        ["", "Long Phú", "5.1", 250],
        ["", "", "8.1", 150],
        ["", "", "3.1", 900],
      ],
    });
    const result = await indicatorTargets(
      { inputs: { communes: { workbook: book }, costs: { workbook: book } }, options: {} },
      communes,
      [],
      { ...settings, budget: 700 }
    );
    // Long Phú completes for 400; the 300 left cannot finish Phú Tân (500) but meets its cheapest indicator 2.2.
    expect(result.json).toMatchObject({
      period: "2026-2030",
      level: "indicators",
      optimal: true,
      newlyStandard: 1,
      criteriaGained: 2,
      indicatorsGained: 3,
      cost: 600,
      budgetLeft: 100,
    });
    const [sheet] = result.sheets;
    expect(sheet.sheet).toBe("KQ_ChiTieu");
    const [table, details] = sheet.tables;
    expect(table.rows).toEqual([
      [1, "Phú Tân", "31001", 2, 9, 2, "2.1, 2.2", 1, "2.2", "", 9, 200],
      [2, "Long Phú", "31002", 2, 8, 2, "5.1, 8.1", 2, "5.1, 8.1", "5, 8", 10, 400],
      [3, "Tài Văn", "31003", 2, 9, 1, "3.1", 0, "", "", 9, 0],
    ]);
    expect(details.rows).toContainEqual(["Long Phú", "31002", 8, "8.1", 150, "Có (yes)"]);
    expect(result.text).toContain("Long Phú: 8 + [5.1, 8.1] → 10 ✓");
  });

  it("uses the default cost per indicator when there is no costs sheet", async () => {
    const result = await indicatorTargets(
      { inputs: { communes: { workbook: new MemoryWorkbook({}) } }, options: {} },
      communes,
      [],
      { ...settings, method: "greedy", budget: 2, defaultCost: 1 }
    );
    // Tài Văn (1) completes, then one more indicator.
    expect(result.json).toMatchObject({ newlyStandard: 1, indicatorsGained: 2, cost: 2 });
  });

  it("refuses a missing cost, naming the commune and the indicator", async () => {
    const book = new MemoryWorkbook({
      ChiPhi: [
        ["Tên xã", "Chỉ tiêu", "Chi phí"],
        ["Phú Tân", "2.1", 1],
      ],
    });
    const run = indicatorTargets(
      { inputs: { communes: { workbook: book }, costs: { workbook: book } }, options: {} },
      communes,
      [],
      settings
    );
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(/2.2.*Phú Tân|Phú Tân.*2.2/);
  });

  it("refuses a cost row for an unknown commune code, naming the cell", async () => {
    const book = new MemoryWorkbook({
      ChiPhi: [
        ["Mã xã", "Chỉ tiêu", "Chi phí"],
        ["99999", "2.1", 1],
      ],
    });
    await expect(
      indicatorTargets(
        { inputs: { communes: { workbook: book }, costs: { workbook: book } }, options: {} },
        communes,
        [],
        settings
      )
    ).rejects.toMatchObject({ sheet: "ChiPhi", cell: "A2" });
  });
});

describe("the targets job on a 2026-2030 workbook (status per indicator, raw values + policy sheet)", () => {
  const book = () =>
    new MemoryWorkbook({
      "Chỉ tiêu theo nhóm": POLICY,
      "Tình trạng xã": valuesSheet(),
      "Chi phí": [
        ["Mã xã", "Chỉ tiêu", "Chi phí"],
        ["31001", "1.1", 500],
        ["", "2.2", 40],
      ],
    });

  it("plans missing indicators with --year 2027 and no period: B's 1.1 (500) and 2.2 (40), C's 4.2, D's 3.1", async () => {
    const workbook = book();
    const result = await targetsJob.run({
      inputs: { communes: { workbook } },
      options: { year: 2027, budget: 250, "default-cost": 100, method: "optimal" },
    });
    // C (4.2) and D (3.1) cost 100 each and complete; B's 2.2 (40) then fits, its 1.1 (500) does not.
    expect(result.json).toMatchObject({
      period: "2026-2030",
      level: "indicators",
      optimal: true,
      newlyStandard: 2,
      criteriaGained: 3,
      indicatorsGained: 3,
      cost: 240,
    });
    const communes = (result.json as { communes: { name: string; targets: { code: string }[] }[] })
      .communes;
    expect(communes.map((c) => [c.name, c.targets.map((t) => t.code)])).toEqual([
      ["Xã A", []],
      ["Xã B", ["2.2"]],
      ["Xã C", ["4.2"]],
      ["Xã D", ["3.1"]],
    ]);
    expect(result.sheets[0].tables[0].columns.map((c) => c.header)).toContain(
      "Chỉ tiêu phấn đấu đạt"
    );
  });
});
