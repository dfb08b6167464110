// A commune with no Mã xã is known by its name (with its district when the sheet gives one): its own costs, given by
// name in another file, are found and planned with, at criterion level and at indicator level (2026-2030).

import { runCli } from "./helpers";
import { POLICY, valuesSheet, writeWorkbook } from "./period-2026";

/** The status per indicator without its Mã xã column (column C). */
function withoutCodes(rows: ReturnType<typeof valuesSheet>): ReturnType<typeof valuesSheet> {
  return rows.map((row) => row.filter((_, c) => c !== 2));
}

const CRITERIA = Array.from({ length: 19 }, (_, k) => k + 1);

describe("a commune without Mã xã, with its costs by name", () => {
  it("is planned with its own costs per indicator (2026-2030)", async () => {
    const status = await writeWorkbook({ Xã: withoutCodes(valuesSheet()), "Chỉ tiêu": POLICY });
    // B misses 1.1 and 2.2 (5 in all), C misses 4.2 (4), D misses 3.1 (1): see period-2026.ts. No default cost.
    const costs = await writeWorkbook({
      ChiPhi: [
        ["Tên xã", "Chỉ tiêu", "Chi phí"],
        ["Xã B", "1.1", 2],
        ["Xã B", "2.2", 3],
        ["Xã C", "4.2", 4],
        ["Xã D", "3.1", 1],
      ],
    });
    const run = await runCli([
      "targets",
      status,
      "--costs",
      costs,
      "--period",
      "2026-2030",
      "--budget",
      "5",
      "--method",
      "optimal",
      "--json",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // Within 5: C (4) and D (1) reach the standard; B alone (5) would be one commune.
    expect(JSON.parse(run.stdout)).toMatchObject({
      level: "indicators",
      newlyStandard: 2,
      indicatorsGained: 2,
      cost: 5,
    });
  });

  it("is planned with its own costs per criterion (2021-2025)", async () => {
    const status = await writeWorkbook({
      // Every criterion marked met but one: 17 for Xã Một, 13 for Xã Hai.
      Xã: [
        ["TT", "Tên xã", ...CRITERIA.map((n) => `TC${n}`)],
        [1, "Xã Một", ...CRITERIA.map((n) => (n === 17 ? "" : "x"))],
        [2, "Xã Hai", ...CRITERIA.map((n) => (n === 13 ? "" : "x"))],
      ],
    });
    const costs = await writeWorkbook({
      ChiPhi: [
        ["Tên xã", "Tiêu chí", "Chi phí"],
        ["Xã Một", 17, 900],
        ["Xã Hai", 13, 100],
      ],
    });
    const run = await runCli([
      "targets",
      status,
      "--costs",
      costs,
      "--period",
      "2021-2025",
      "--budget",
      "500",
      "--json",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // Only Xã Hai's own cost (100) fits in 500.
    expect(JSON.parse(run.stdout)).toMatchObject({ newlyStandard: 1, cost: 100 });
  });
});
