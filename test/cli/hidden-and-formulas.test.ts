// Real .xlsx files (scripts/build-hidden-fixtures.py: openpyxl, then opened and saved by LibreOffice Calc) with
// hidden columns, filtered-out rows and formulas whose saved result is empty text: each command gives the
// generator's figures, says what it did with the hidden parts, or refuses naming the cell (issue #21, classes 2, 7).

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { main } from "../../src/cli/main";

const DIR = path.resolve(__dirname, "..", "fixtures", "hidden");

interface Entry {
  file: string;
  why: string;
  expect: {
    summary?: Record<string, any>;
    funding?: { sheet: string; totals: number[] };
    hiddenColumns?: { col: string; used: boolean }[];
    hiddenRows?: number;
    warningCell?: string;
  };
}

const MANIFEST: Entry[] = JSON.parse(readFileSync(path.join(DIR, "manifest.json"), "utf8"));

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const round2 = (x: number) => Math.round(x * 100 + 1e-9) / 100;

describe.each(MANIFEST.map((e) => [e.file, e] as const))("%s", (_name, entry) => {
  const file = path.join(DIR, entry.file);
  const { summary, funding, hiddenColumns } = entry.expect;

  if (summary && "refuse" in summary) {
    it("summary refuses naming the formula's cell", async () => {
      const { code, out, err } = await run(["summary", file, "--json"]);
      expect({ code, out }).toEqual({ code: 2, out: "" });
      expect(err).toContain(`sheet '${summary.refuse.sheet}'`);
      expect(err).toContain(`ô/cell ${summary.refuse.cell}`);
      // The formula saved without its result, and what to do: not a wrong mark.
      expect(err).toContain("open and save it in Excel");
    });
  } else if (summary) {
    it("summary gives the generator's figures", async () => {
      const { code, out, err } = await run(["summary", file, "--json"]);
      expect({ code, err }).toEqual({ code: 0, err: "" });
      const json = JSON.parse(out);
      expect(json.sheet).toBe(summary.sheet);
      expect(json.communes).toBe(summary.communes);
      expect(round2(json.averageCriteria)).toBe(summary.averageCriteria);
      expect(json.standard).toBe(summary.standard);
      if (summary.criterionCounts) expect(json.criterionCounts).toEqual(summary.criterionCounts);
      checkHidden(json.warnings, summary.sheet);
    });
  }

  if (funding) {
    it("funding gives the visible columns' totals", async () => {
      const { code, out, err } = await run(["funding", file, "--json"]);
      expect({ code, err }).toEqual({ code: 0, err: "" });
      const json = JSON.parse(out);
      expect(json.sheet).toBe(funding.sheet);
      expect(json.columns.map((c: any) => c.total)).toEqual(funding.totals);
      checkHidden(json.warnings, funding.sheet);
    });
  }

  /** Every hidden column of the file is named in a warning saying whether it was read; no other is. */
  function checkHidden(warnings: { en: string; vi: string; sheet?: string }[], sheet: string) {
    const named = warnings.filter((w) => /hidden/i.test(w.en));
    expect(named).toHaveLength(hiddenColumns?.length ?? 0);
    for (const h of hiddenColumns ?? []) {
      const w = named.find((x) => new RegExp(`[Cc]olumn ${h.col} \\(`).test(x.en));
      expect(w).toBeDefined();
      expect(w!.sheet).toBe(sheet);
      expect(w!.en).toMatch(h.used ? /it was read/ : /was not used/);
    }
    if (entry.expect.warningCell) {
      expect(warnings.map((w: any) => w.cell)).toContain(entry.expect.warningCell);
    }
  }
});
