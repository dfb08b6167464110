import { runCli } from "./helpers";
import { indicatorMarksSheet, POLICY, valuesSheet, writeWorkbook } from "./period-2026";

describe("ntm-plan targets, period 2026-2030 (status per indicator)", () => {
  it.each([
    ["raw values and the policy sheet", { Xã: valuesSheet(), "Chỉ tiêu": POLICY }],
    ["marks per indicator", { Xã: indicatorMarksSheet(), "Chỉ tiêu": POLICY }],
  ])("plans the missing indicators from %s with a default cost", async (_, sheets) => {
    const file = await writeWorkbook(sheets);
    const run = await runCli([
      "targets",
      file,
      "--period",
      "2026-2030",
      "--budget",
      "3",
      "--default-cost",
      "1",
      "--method",
      "optimal",
      "--json",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    // B misses 1.1 and 2.2, C 4.2, D 3.1: C and D complete (1 each), then one of B's two.
    expect(json).toMatchObject({
      period: "2026-2030",
      level: "indicators",
      optimal: true,
      newlyStandard: 2,
      criteriaGained: 3,
      indicatorsGained: 3,
      cost: 3,
    });
  });

  it("names the commune and indicator when a cost is missing", async () => {
    const file = await writeWorkbook({ Xã: valuesSheet(), "Chỉ tiêu": POLICY });
    const run = await runCli(["targets", file, "--period", "2026-2030", "--budget", "3"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/chi phí|cost/i);
  });
});
