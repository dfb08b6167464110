// Every command over every workbook of test/fixtures/office/ (written by openpyxl, re-saved by LibreOffice Calc, built
// by scripts/build-office-corpus.py from the report's appendix II and III): each gives the figures the generator
// computed from its own inputs, or refuses naming the expected sheet and cell; every job's `reading` names the rows
// used and skipped. The cases that fail today are listed in KNOWN_GAPS with how they fail: a fix makes its entry
// fail here, so that the list only shrinks.

import { corpusArgv as argv } from "./corpus-argv";
import { promises as fs, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import mammoth from "mammoth";
import { main } from "../../src/cli/main";
import { checkFigures, MILLIONS, warningsText } from "./corpus-figures";
import { rowRanges } from "../../src/workbook/reading/types";

const DIR = path.resolve(__dirname, "..", "fixtures", "office");

interface Refusal {
  refuse: { sheet: string; cell: string };
  /** Also right: exit 0 with these figures (and, where `warn`, a warning naming the cell). */
  orFigures?: Figures;
  warn?: boolean;
}
type Figures = Record<string, any>;
type Expectation = Figures | Refusal;
interface Entry {
  file: string;
  kind: "communes" | "funding" | "coefficients" | "report";
  classes: (number | string)[];
  why: string;
  expect: Record<string, Expectation>;
  reading?: {
    input: string;
    sheet: string;
    used: number[];
    skipped: { row: number; roles: string[] }[];
    hiddenRows: number;
  };
  args?: Record<string, string[]>;
}

const MANIFEST: Entry[] = JSON.parse(readFileSync(path.join(DIR, "manifest.json"), "utf8"));

/** How a case came out. "right": as the manifest says; "wrong": exit 0 with figures other than the manifest's (or
 * where a refusal is expected): silently wrong; "refused": exit 2 where figures are expected; "bad-refusal":
 * refused, but not at the expected cell; "no-reading": the job's `reading` does not name the rows used and skipped;
 * "no-result": the command that shows the reading did not run; "crash": any other exit. */
type Outcome = "right" | "wrong" | "refused" | "bad-refusal" | "no-reading" | "no-result" | "crash";

/**
 * Cases that fail today, each with how it fails (file, commands, class of issue #21, outcome, why). Remove a
 * command from an entry when its fix lands: this test fails on a gap that no longer fails the listed way. The
 * pseudo-command "reading" checks the `reading` of the file's main job (summary, funding or allocate); file "*"
 * stands for every file of the corpus.
 */
const KNOWN_GAPS: {
  file: string;
  commands: string[];
  class: string;
  outcome: Outcome | Outcome[];
  why: string;
}[] = [];

const COMMANDS = [
  "summary",
  "targets",
  "roadmap",
  "funding",
  "counterpart",
  "allocate",
  "merge",
  "report",
];
const CASES = [...COMMANDS, "reading"];

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const isRefusal = (e: Expectation | undefined): e is Refusal =>
  e !== undefined && typeof e === "object" && "refuse" in e;
/** The funding paragraphs of the report: "tổng số 3.602.312 triệu đồng" must be the column's total in its words. */
function checkReportMoney(text: string, e: Figures): void {
  const said = [...text.matchAll(/tổng số ([\d.,]+) (tỷ đồng|triệu đồng|nghìn đồng|đồng)/g)].map(
    (m) => {
      const [int, dec = ""] = m[1].split(",");
      const value = Number(int.replace(/\./g, "") + (dec ? `.${dec}` : ""));
      const k = MILLIONS[m[2]];
      return { value: value * k, tolerance: 0.5 * 10 ** -dec.length * k, words: m[0] };
    }
  );
  expect(said.length).toBeGreaterThanOrEqual(e.columns.length);
  e.columns.forEach((c: any, i: number) => {
    const s = said[i];
    expect({
      words: s.words,
      ok: Math.abs(s.value - Number(c.total)) <= s.tolerance + 1e-9,
    }).toEqual({
      words: s.words,
      ok: true,
    });
  });
}

/** `reading` names the rows used (exactly) and the rows skipped (at least those the generator wrote). */
function checkReading(json: any, r: NonNullable<Entry["reading"]>): void {
  const tables = (json.reading ?? []).filter((t: any) => t.sheet === r.sheet);
  expect(tables.length).toBeGreaterThan(0);
  const t = tables.find((x: any) => x.input === r.input) ?? tables[0];
  expect(t.used.rows).toBe(rowRanges(r.used));
  expect(t.used.count).toBe(r.used.length);
  const skipped = new Map<number, string>(t.skipped.map((s: any) => [s.row, s.role]));
  for (const s of r.skipped) {
    const role = skipped.get(s.row);
    expect({ row: s.row, role, expected: s.roles.includes(role ?? "") }).toEqual({
      row: s.row,
      role,
      expected: true,
    });
  }
  expect(t.hidden.rows).toBe(r.hiddenRows);
}

function fails(f: () => void): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return String((e as Error).message).slice(0, 600);
  }
}

interface CaseResult {
  outcome: Outcome;
  detail: string;
}

const PRIMARY: Record<Entry["kind"], string> = {
  communes: "summary",
  funding: "funding",
  coefficients: "allocate",
  report: "summary",
};

async function runCase(entry: Entry, command: string, tmp: string): Promise<CaseResult> {
  const file = path.join(DIR, entry.file);
  const { code, out, err } = await run(
    argv(command, file, entry, path.join(tmp, `${entry.file}.docx`))
  );
  if (command === "report") return reportCase(entry, code, out, err, tmp);
  const e = entry.expect[command];
  if (e === undefined || (isRefusal(e) && !e.orFigures)) {
    if (code === 0) return { outcome: "wrong", detail: `exit 0: ${out.slice(0, 200)}` };
    if (code !== 2) return { outcome: "crash", detail: `exit ${code}: ${err.slice(0, 300)}` };
    if (isRefusal(e)) {
      const p = fails(() => {
        expect(err).toContain(`sheet '${e.refuse.sheet}'`);
        expect(err).toContain(`ô/cell ${e.refuse.cell}`);
      });
      if (p) return { outcome: "bad-refusal", detail: err.slice(0, 300) };
    }
    return { outcome: "right", detail: "" };
  }
  const figures = isRefusal(e) ? e.orFigures! : e;
  if (code === 2) {
    if (
      isRefusal(e) &&
      err.includes(`sheet '${e.refuse.sheet}'`) &&
      err.includes(`ô/cell ${e.refuse.cell}`)
    ) {
      // A file refused at the cell the manifest names shows that cell, not a reading of rows it did not read.
      if (entry.reading && command === PRIMARY[entry.kind])
        readings.set(entry.file, { outcome: "right", detail: "" });
      return { outcome: "right", detail: "" };
    }
    return { outcome: "refused", detail: err.slice(0, 300) };
  }
  if (code !== 0) return { outcome: "crash", detail: `exit ${code}: ${err.slice(0, 300)}` };
  const json = JSON.parse(out);
  if (entry.reading && command === PRIMARY[entry.kind]) {
    const q = fails(() => checkReading(json, entry.reading!));
    readings.set(
      entry.file,
      q ? { outcome: "no-reading", detail: q } : { outcome: "right", detail: "" }
    );
  }
  const p = fails(() => {
    checkFigures(command, json, figures);
    if (isRefusal(e) && e.warn) expect(warningsText(json)).toContain(e.refuse.cell);
  });
  if (p) return { outcome: "wrong", detail: p };
  return { outcome: "right", detail: "" };
}

async function reportCase(
  entry: Entry,
  code: number,
  out: string,
  err: string,
  tmp: string
): Promise<CaseResult> {
  const expectations = Object.values(entry.expect);
  if (code === 2) {
    // The report stops where a job stops: at the cell the manifest names, whether that refusal is the only right
    // outcome or one of two (a text in a money column: refused at the cell, or read with a warning naming it).
    const cited = expectations.some(
      (e) =>
        isRefusal(e) &&
        err.includes(`sheet '${e.refuse.sheet}'`) &&
        err.includes(`ô/cell ${e.refuse.cell}`)
    );
    return cited
      ? { outcome: "right", detail: "" }
      : { outcome: "refused", detail: err.slice(0, 300) };
  }
  if (code !== 0) return { outcome: "crash", detail: `exit ${code}: ${err.slice(0, 300)}` };
  const json = JSON.parse(out);
  const problems: string[] = [];
  let refused = false;
  for (const job of json.jobs) {
    if (job.id === "merge" || (job.id === "allocate" && entry.kind !== "coefficients")) {
      if (job.status === "done" && entry.expect[job.id] === undefined)
        problems.push(`${job.id}: done where nothing is expected`);
      continue;
    }
    const e = entry.expect[job.id];
    if (job.status !== "done") {
      if (e !== undefined && !isRefusal(e)) refused = true;
      continue;
    }
    if (e === undefined) {
      problems.push(`${job.id}: done where nothing is expected`);
      continue;
    }
    if (isRefusal(e) && !e.orFigures) {
      problems.push(`${job.id}: done where the manifest expects a refusal at ${e.refuse.cell}`);
      continue;
    }
    const p = fails(() => {
      checkFigures(job.id, job.result, isRefusal(e) ? e.orFigures! : e);
      // The plan lists each job's warnings beside its result.
      if (isRefusal(e) && e.warn) expect(warningsText(job)).toContain(e.refuse.cell);
    });
    if (p) problems.push(`${job.id}: ${p}`);
  }
  const funding = json.jobs.find((j: any) => j.id === "funding");
  const fe = entry.expect.funding;
  if (funding?.status === "done" && fe !== undefined) {
    const text = (await mammoth.extractRawText({ path: path.join(tmp, `${entry.file}.docx`) }))
      .value;
    const p = fails(() => checkReportMoney(text, isRefusal(fe) ? (fe.orFigures ?? {}) : fe));
    if (p) problems.push(`report words: ${p}`);
  }
  if (problems.length) return { outcome: "wrong", detail: problems.join("; ").slice(0, 600) };
  if (refused) return { outcome: "refused", detail: "a job with expected figures did not run" };
  return { outcome: "right", detail: "" };
}

const results = new Map<string, CaseResult>();
/** The reading check of each file's main job, set when that job ran. */
const readings = new Map<string, CaseResult>();
const key = (file: string, command: string) => `${file} ${command}`;

beforeAll(async () => {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-office-corpus-"));
  try {
    for (const entry of MANIFEST) {
      for (const command of COMMANDS)
        results.set(key(entry.file, command), await runCase(entry, command, tmp));
      if (entry.reading)
        results.set(
          key(entry.file, "reading"),
          readings.get(entry.file) ?? {
            outcome: "no-result",
            detail: `${PRIMARY[entry.kind]} did not run`,
          }
        );
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  if (process.env.OFFICE_CORPUS_TALLY) {
    const rows = [...results].map(([k, r]) => ({ case: k, ...r }));
    await fs.writeFile(process.env.OFFICE_CORPUS_TALLY, JSON.stringify(rows, null, 1));
  }
}, 600_000);

describe("office corpus (openpyxl, re-saved by LibreOffice)", () => {
  it("holds at least 50 files, every one listed in manifest.json, covering the eight classes of issue #21", async () => {
    const files = (await fs.readdir(DIR)).filter((f) => f !== "manifest.json");
    expect(MANIFEST.map((e) => e.file).sort()).toEqual(files.sort());
    expect(files.length).toBeGreaterThanOrEqual(50);
    const classes = new Set(MANIFEST.flatMap((e) => e.classes));
    for (const c of [1, 2, 3, 4, 5, 6, 7, 8]) expect(classes).toContain(c);
  });

  it("lists each known gap once, for a file and command of the corpus", () => {
    const seen = new Set<string>();
    for (const g of KNOWN_GAPS)
      for (const command of g.commands) {
        expect(g.file === "*" || MANIFEST.some((e) => e.file === g.file)).toBe(true);
        expect(CASES).toContain(command);
        expect(seen.has(key(g.file, command))).toBe(false);
        seen.add(key(g.file, command));
      }
  });

  it("tally: right, silently wrong (exit 0), refused everyday layouts", () => {
    const count = (o: Outcome) =>
      [...results].filter(([k, r]) => !k.endsWith(" reading") && r.outcome === o).length;
    const tally = {
      right: count("right"),
      wrong: count("wrong"),
      refused: count("refused") + count("bad-refusal"),
      readingShown: [...results].filter(([k, r]) => k.endsWith(" reading") && r.outcome === "right")
        .length,
    };
    // Printed for the release notes; the per-case tests below are what fail.
    console.log(`office corpus: ${JSON.stringify(tally)} of ${MANIFEST.length} files`);
    expect(tally.right).toBeGreaterThan(0);
  });

  describe.each(MANIFEST.map((e) => [e.file, e] as const))("%s", (file, entry) => {
    const cases = entry.reading ? CASES : COMMANDS;
    it.each(cases.map((c) => [c]))(`%s (${entry.why.slice(0, 60)}…)`, (command) => {
      const r = results.get(key(file, command))!;
      const gap = KNOWN_GAPS.find(
        (g) => (g.file === file || g.file === "*") && g.commands.includes(command)
      );
      if (gap) {
        // Still failing the way it is listed: when it is fixed, remove it from KNOWN_GAPS.
        const listed = ([] as Outcome[]).concat(gap.outcome);
        expect({ outcome: r.outcome, listed: listed.includes(r.outcome) }).toEqual({
          outcome: r.outcome,
          listed: true,
        });
      } else {
        expect({ outcome: r.outcome, detail: r.detail }).toEqual({ outcome: "right", detail: "" });
      }
    });
  });
});
