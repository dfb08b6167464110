// roadmap projects the modern tier (NTM hiện đại) when the policy sheet gives its requirements ("NTM hiện đại" column
// beside Nhóm 1-3), and keeps saying "not projected" without them. Figures worked out from the inputs of
// period-2026.ts: A 95% on every n.1 indicator and standard; B 75% on 1.1 and 2.2 not met; C 65% and 4.2 not met;
// D (group 1) 92% with 3.1 at 85% (needs 90).

import { runCli } from "./helpers";
import { POLICY, valuesSheet, writeWorkbook } from "./period-2026";

/** The policy with a modern column after Nhóm 3: 1.1 at least 92 for a modern commune, nothing else of its own. */
function policyWithModern(): (string | number | boolean | null)[][] {
  return POLICY.map((row, r) => [
    ...row.slice(0, 6),
    r === 0 ? "NTM hiện đại" : row[0] === "1.1" ? 92 : null,
    ...row.slice(6),
  ]);
}

async function roadmap(policy: typeof POLICY) {
  const file = await writeWorkbook({ Xã: valuesSheet(), "Chỉ tiêu": policy });
  const run = await runCli([
    "roadmap",
    file,
    "--year",
    "2027",
    "--to",
    "2028",
    "--budget",
    "100",
    "--default-cost",
    "1",
    "--target-modern",
    "2",
    "--json",
  ]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe("roadmap: the modern tier from the policy sheet's requirements", () => {
  it("projects it: at the standard and meeting 1.1 ≥ 92 by value", async () => {
    const json = await roadmap(policyWithModern());
    // Now only A is at the standard (and 95 ≥ 92). In 2027 every missing indicator is planned (budget 100, cost 1
    // each): D reaches the standard with its 92 (modern); B (75) and C (65) reach it without the modern share.
    expect(json.start).toMatchObject({ standard: 1, modern: 1 });
    expect(
      json.years.map((y: { year: number; standard: number; modern: number }) => [
        y.year,
        y.standard,
        y.modern,
      ])
    ).toEqual([
      [2027, 4, 2],
      [2028, 4, 2],
    ]);
    expect(json.modern.note.en).toMatch(
      /^projected from the policy sheet's modern-tier requirements/
    );
    const modern = json.targets.find((t: { name: string }) => t.name === "modern");
    expect(modern).toMatchObject({ target: 2, projected: 2, reachable: true, year: 2027 });
  });

  it("says the projected modern communes in each year's line of the text", async () => {
    const file = await writeWorkbook({ Xã: valuesSheet(), "Chỉ tiêu": policyWithModern() });
    const run = await runCli([
      ...[
        "roadmap",
        file,
        "--year",
        "2027",
        "--to",
        "2028",
        "--budget",
        "100",
        "--default-cost",
        "1",
      ],
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Hiện trạng 2026: 1\/4 xã đạt chuẩn, [\d,]+ tiêu chí bình quân\/xã, 1 xã NTM hiện đại/
    );
    expect(run.stdout).toMatch(/2027: 4\/4 xã đạt chuẩn .*, 2 xã NTM hiện đại/);
  });

  it("without the column keeps saying it is not projected", async () => {
    const json = await roadmap(POLICY);
    expect(json.years.map((y: { modern: number | null }) => y.modern)).toEqual([null, null]);
    expect(json.modern.note.en).toBe("not projected: no requirements given");
    const modern = json.targets.find((t: { name: string }) => t.name === "modern");
    expect(modern).toMatchObject({ target: 2, projected: null, reachable: null });
  });
});
