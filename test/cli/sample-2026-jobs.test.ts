// Every job can be tried on the illustrative 2026-2030 sample as it ships: funding and counterpart read its funding
// sheet (and its made-up counterpart brackets), merge reads its made-up merger mapping, and plan runs every job.
// Figures come from the generator's own inputs (scripts/build-sample-2026.ts), never from our output.

import * as path from "node:path";
import {
  SAMPLE_2026_BRACKETS,
  SAMPLE_2026_FUNDING,
  sampleOldCommunes,
} from "../../scripts/build-sample-2026";
import { runCli } from "./helpers";

const SAMPLE = path.join(__dirname, "../../assets/ntm-sample-2026.xlsx");

/** A level-1 line's amount in column k (0: 2026 result, 1: 2027 plan): its own, or the sum of its parts. */
const line = (label: string, k: 0 | 1) => {
  const l = SAMPLE_2026_FUNDING.find((x) => x.label === label)!;
  return l.amounts ? l.amounts[k] : l.parts!.reduce((a, p) => a + (k === 0 ? p[1] : p[2]), 0);
};
const total = (k: 0 | 1) => SAMPLE_2026_FUNDING.reduce((a, l) => a + line(l.label, k), 0);

async function json(args: string[]) {
  const run = await runCli([...args, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe("the 2026-2030 sample as it ships", () => {
  it("funding: the funding sheet's columns add up to the generator's lines", async () => {
    const out = await json(["funding", SAMPLE]);
    expect(out.sheet).toBe("Nguồn vốn");
    expect(out.columns.map((c: { total: number }) => c.total)).toEqual([total(0), total(1)]);
    const central = out.columns[0].lines.find(
      (l: { label: string }) => l.label === "NGÂN SÁCH TRUNG ƯƠNG"
    );
    expect(central.amount).toBe(line("NGÂN SÁCH TRUNG ƯƠNG", 0));
    expect(out.columns[0].checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
  });

  it("counterpart: the made-up brackets are looked up by the support share, the ratio is local over central", async () => {
    const out = await json(["counterpart", SAMPLE, "--brackets", SAMPLE, "--support-share", "75"]);
    const bracket = SAMPLE_2026_BRACKETS.find(([lower, upper]) => 75 >= lower && 75 <= upper)!;
    expect(out.required).toBe(bracket[2]);
    const local = line("NGÂN SÁCH ĐỊA PHƯƠNG", 0);
    const central = line("NGÂN SÁCH TRUNG ƯƠNG", 0);
    expect(out.columns[0]).toMatchObject({ local, central });
    expect(out.columns[0].ratio).toBeCloseTo(local / central, 10);
    expect(out.reading.map((r: { sheet: string }) => r.sheet)).toEqual(
      expect.arrayContaining(["Nguồn vốn", "Tỷ lệ đối ứng"])
    );
  });

  it("merge: 100 merged communes, each from its two old communes of the mapping sheet", async () => {
    const out = await json(["merge", SAMPLE]);
    expect(out.merged).toHaveLength(100);
    expect(out.merged[0]).toMatchObject({
      code: "31000",
      from: sampleOldCommunes(0).map((o) => ({ name: o.name, code: o.code })),
    });
    expect(out.merged[99].from.map((f: { name: string }) => f.name)).toEqual(
      sampleOldCommunes(99).map((o) => o.name)
    );
    // The status sheet is the merged communes' 2026-2030 status, not an earlier one: said, not rolled up.
    expect(out.status).toBeNull();
    expect(out.warnings).toEqual([
      expect.objectContaining({ sheet: "Xã", en: expect.stringMatching(/not the old communes/) }),
    ]);
  });

  it("plan runs every job, merge included, and says the brackets were not looked up without a support share", async () => {
    const out = await json([
      "plan",
      SAMPLE,
      "--year",
      "2027",
      "--budget",
      "20000",
      "--to",
      "2030",
      "--total",
      "100000",
    ]);
    const status = Object.fromEntries(
      out.jobs.map((j: { id: string; status: string }) => [j.id, j.status])
    );
    expect(status).toEqual({
      summary: "done",
      targets: "done",
      funding: "done",
      counterpart: "done",
      allocate: "done",
      roadmap: "done",
      merge: "done",
    });
    const counterpart = out.jobs.find((j: { id: string }) => j.id === "counterpart");
    expect(counterpart.sheets).toMatchObject({ budget: "Nguồn vốn", brackets: "Tỷ lệ đối ứng" });
    expect(counterpart.result.required).toBe(1);
    expect(counterpart.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: "Tỷ lệ đối ứng", en: expect.stringMatching(/not used/) }),
      ])
    );
  }, 120_000);
});
