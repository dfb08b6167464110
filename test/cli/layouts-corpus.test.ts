// Every command over every office-style workbook and text file of test/fixtures/layouts/ (built by
// scripts/build-layout-corpus.py from the report's appendix tables): each gives the documents' figures, or refuses
// naming the expected cell. A command that exits 0 where the manifest expects no figure fails the test: no file may
// give a figure nobody checked.

import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { checkFigures } from "./corpus-figures";

const DIR = path.resolve(__dirname, "..", "fixtures", "layouts");

interface Refusal {
  refuse: { sheet: string; cell: string; text?: string };
}
type Expectation = Record<string, unknown> | Refusal;
interface Entry {
  file: string;
  kind: string;
  why: string;
  expect: Record<string, Expectation>;
}

const MANIFEST: Entry[] = JSON.parse(readFileSync(path.join(DIR, "manifest.json"), "utf8"));

const COMMANDS: Record<string, string[]> = {
  summary: ["summary", "{file}", "--json"],
  targets: ["targets", "{file}", "--budget", "16", "--max-per-commune", "3", "--json"],
  roadmap: ["roadmap", "{file}", "--budget", "1000", "--from", "2024", "--to", "2025", "--json"],
  funding: ["funding", "{file}", "--json"],
  counterpart: ["counterpart", "{file}", "--ratio", "1", "--json"],
  allocate: ["allocate", "{file}", "--total", "1000", "--json"],
};
const PLAN = [
  "plan",
  "{file}",
  "--year",
  "2024",
  "--budget",
  "16",
  "--max-per-commune",
  "3",
  "--to",
  "2025",
  "--ratio",
  "1",
  "--total",
  "1000",
  "--json",
];

/** `plan` without --year: the year is read from the files' titles ("CHƯƠNG TRÌNH NĂM 2023", "(Đến 31/12/2023)"). */
const PLAN_NO_YEAR = PLAN.filter((a, i) => a !== "--year" && PLAN[i - 1] !== "--year");
/** The files whose sheets say no year anywhere (no title year, no year column): plan asks for --year. */
const SAYS_NO_YEAR =
  /^(ds-|hidden-old-communes-first|hs-plain-colnum-no-title|lang-son-207-list-groups|nv-ty-dong-no-title|nv-.*\.csv$|soc-trang-80-groups-subtotals|tc-one-row-tieu-chi-n)/;

async function run(argv: string[], file: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv.map((a) => a.replace("{file}", file)),
    { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const isRefusal = (e: Expectation | undefined): e is Refusal =>
  e !== undefined && typeof e === "object" && "refuse" in e;

describe("office layouts corpus", () => {
  it("holds at least 60 files, every one listed in manifest.json", () => {
    const files = readdirSync(DIR).filter((f) => f !== "manifest.json");
    expect(MANIFEST.map((e) => e.file).sort()).toEqual(files.sort());
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  describe.each(MANIFEST.map((e) => [e.file, e] as const))("%s", (_name, entry) => {
    const file = path.join(DIR, entry.file);

    it.each(Object.keys(COMMANDS))(
      "%s",
      async (command) => {
        const e = entry.expect[command];
        const { code, out, err } = await run(COMMANDS[command], file);
        if (e === undefined) {
          // Not this file's kind of table: a refusal, never a figure.
          expect({ code, out: out.slice(0, 300) }).toEqual({ code: 2, out: "" });
        } else if (isRefusal(e)) {
          expect({ code, out }).toEqual({ code: 2, out: "" });
          expect(err).toContain(`sheet '${e.refuse.sheet}'`);
          expect(err).toContain(`ô/cell ${e.refuse.cell}`);
          if (e.refuse.text) expect(err).toContain(e.refuse.text);
        } else {
          expect({ code, err }).toEqual({ code: 0, err: "" });
          checkFigures(command, JSON.parse(out), e, { categorised: true });
        }
      },
      60_000
    );

    it("plan", async () => {
      const { code, out } = await run(PLAN, file);
      const expectations = Object.values(entry.expect);
      if (code !== 0) {
        expect(code).toBe(2);
        expect(expectations.some(isRefusal)).toBe(true);
        return;
      }
      const json = JSON.parse(out);
      for (const job of json.jobs) {
        const e = entry.expect[job.id];
        if (job.status !== "done") {
          expect({ job: job.id, expected: e === undefined || isRefusal(e) }).toEqual({
            job: job.id,
            expected: true,
          });
          continue;
        }
        expect({ job: job.id, expected: e !== undefined && !isRefusal(e) }).toEqual({
          job: job.id,
          expected: true,
        });
        checkFigures(job.id, job.result, e, { categorised: true });
      }
    }, 60_000);

    it("plan without --year: the year from the file's title and the same figures, or a question", async () => {
      const { code, out, err } = await run(PLAN_NO_YEAR, file);
      if (SAYS_NO_YEAR.test(entry.file)) {
        expect({ code, out }).toEqual({ code: 2, out: "" });
        expect(err).toContain("năm kế hoạch: số liệu không ghi năm");
        expect(err).toContain("--year");
        return;
      }
      if (code !== 0) {
        // A file refused for its figures is refused the same way without --year.
        expect(code).toBe(2);
        expect(Object.values(entry.expect).some(isRefusal)).toBe(true);
        expect(err).not.toContain("năm kế hoạch");
        return;
      }
      const json = JSON.parse(out);
      expect(json.year).toMatchObject({ value: 2024, status: 2023, source: "title" });
      for (const job of json.jobs) {
        const e = entry.expect[job.id];
        if (job.status === "done") checkFigures(job.id, job.result, e, { categorised: true });
        else expect(e === undefined || isRefusal(e)).toBe(true);
      }
    }, 60_000);
  });
});
