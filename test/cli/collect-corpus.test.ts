// The collect corpus (scripts/build-collect-corpus.py): commune forms filled by hand in odd ways, status tables with
// one and several communes, conflicts, other years and periods, broken and hostile files, run through `collect`;
// every figure asserted from the generator's manifest.

import { readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "./helpers";

const DIR = path.join(__dirname, "..", "fixtures", "collect");
const REPORTS = path.join(DIR, "reports");
const manifest = JSON.parse(readFileSync(path.join(DIR, "manifest.json"), "utf8")) as {
  period: string;
  year: number;
  files: Record<string, "collected" | "left-out" | "unreadable">;
  communes: Record<string, { file: string; code: string; group: number; met: number[] }>;
  alsoIn: Record<string, string[]>;
  conflicts: string[];
  missing: string[];
  money: Record<string, number>;
};

interface CollectJson {
  period: string;
  year: number;
  counts: Record<string, number>;
  files: { file: string; outcome: string }[];
  communes: {
    name: string;
    code?: string;
    group?: number;
    file: string;
    alsoIn: string[];
    money?: { amount: number }[];
  }[];
  problems: { kind: string; commune?: string; file?: string; vi: string }[];
}

describe("collect corpus", () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), "ntm-collect-corpus-")), "tong-hop.xlsx");
  let json: CollectJson;

  beforeAll(async () => {
    const run = await runCli([
      ...["collect", REPORTS, "--indicators", path.join(DIR, "inputs", "policy.xlsx")],
      ...["--master", path.join(DIR, "inputs", "master.xlsx"), "--json", "--out", out],
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    json = JSON.parse(run.stdout);
  });

  it("gives every file the outcome the generator expects, a bad one never stopping the others", () => {
    const outcomes = Object.fromEntries(json.files.map((f) => [path.basename(f.file), f.outcome]));
    expect(outcomes).toEqual(manifest.files);
    expect(json).toMatchObject({ period: manifest.period, year: manifest.year });
  });

  it("collects each commune once, from its own file, with its code and group", () => {
    const byName = Object.fromEntries(json.communes.map((c) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual(Object.keys(manifest.communes).sort());
    for (const [name, m] of Object.entries(manifest.communes)) {
      expect(byName[name]).toMatchObject({ code: m.code, group: m.group });
      expect(path.basename(byName[name].file)).toBe(m.file);
    }
    for (const [name, files] of Object.entries(manifest.alsoIn)) {
      expect(byName[name].alsoIn.map((f) => path.basename(f))).toEqual(files);
    }
    for (const [name, total] of Object.entries(manifest.money)) {
      expect(byName[name].money!.reduce((s, l) => s + l.amount, 0)).toBe(total);
    }
  });

  it("leaves out communes whose reports disagree, naming both files, and names the ones that sent nothing", () => {
    const conflicts = json.problems.filter((p) => p.kind === "conflict");
    expect(conflicts.map((p) => p.commune)).toEqual(manifest.conflicts);
    expect(conflicts[0].vi).toMatch(/07-ke-thanh\.xlsx.*08-ke-thanh-sua\.xlsx/);
    const missing = json.problems.filter((p) => p.kind === "missing").map((p) => p.commune);
    // The master list's communes not collected: those that sent nothing and those left out for a conflict.
    expect(missing.sort()).toEqual(manifest.missing);
    for (const name of manifest.conflicts) expect(manifest.missing).toContain(name);
  });

  it("writes a table that summary reads at once, with the province figures of the generator's inputs", async () => {
    const run = await runCli(["summary", out, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const s = JSON.parse(run.stdout);
    const communes = Object.values(manifest.communes);
    expect(s.communes).toBe(communes.length);
    expect(s.standard).toBe(communes.filter((c) => c.met.length === 10).length);
    for (let n = 1; n <= 10; n++) {
      expect(s.criterionCounts[String(n)]).toBe(communes.filter((c) => c.met.includes(n)).length);
    }
  });

  it("counts the communes left out, and every job on the table says how many, in text and JSON", async () => {
    // Here every commune left out is on the master list: those that sent nothing, another year or period, a conflict.
    const leftOut = manifest.missing.length;
    expect(json.counts.communesLeftOut).toBe(leftOut);
    const summary = JSON.parse((await runCli(["summary", out, "--json"])).stdout);
    const said = summary.warnings.filter((w: { en: string }) => /leaves out/.test(w.en));
    expect(said).toEqual([expect.objectContaining({ sheet: "Xã (tổng hợp)", cell: "A1" })]);
    expect(said[0].vi).toContain(`thiếu ${leftOut} xã`);
    const targets = await runCli(["targets", out, "--default-cost", "100"]);
    expect(targets.code).toBe(0);
    expect(targets.stdout).toContain(`thiếu ${leftOut} xã chưa tổng hợp`);
    expect(targets.stdout).toContain(`leaves out ${leftOut} communes`);
  });

  it("writes the money raised to a sheet by commune and source, each amount with its cell", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet("Huy động (tổng hợp)")!;
    expect(sheet).toBeDefined();
    const totals: Record<string, number> = {};
    sheet.eachRow((row) => {
      const [name, , source, amount, , , cell] = (row.values as unknown[]).slice(1);
      if (typeof amount !== "number") return;
      expect(typeof source).toBe("string");
      expect(String(cell)).toMatch(/^[A-Z]+\d+$/);
      totals[String(name)] = (totals[String(name)] ?? 0) + amount;
    });
    expect(totals).toEqual(manifest.money);
  });
});
