// Hostile files (test/fixtures/hostile/, built by scripts/build-hostile.ts and scripts/build-hostile-openpyxl.py):
// each ends in exit 2 with one clear bilingual line within seconds, never a crash, an out-of-memory or a library's
// message; workbooks another tool saved with comments or charts are read.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { HOSTILE } from "../../scripts/build-hostile";
import { startCpuClock } from "../support/cpu-clock";
import { runCli } from "./helpers";

const DIR = path.resolve(__dirname, "..", "fixtures", "hostile");

/** What a user must never see: JavaScript internals or a library's words. */
const INTERNALS =
  /reading '|undefined|TypeError|RangeError|\.js:|Cannot read|Bug :|Invalid column|out of bounds/i;

const REFUSED: [string, RegExp][] = [
  ["stray-cell.xlsx", /ô\/cell XFD1048576.*ô lẻ.*stray cell at XFD1048576/],
  ["beyond-excel.xlsx", /giới hạn của Excel.*outside Excel's limits/],
  ["zip-bomb.xlsx", /vượt 50 MB.*bom zip.*inflates past 50 MB.*zip bomb/],
  ["zip-bomb-lying.xlsx", /vượt 50 MB.*inflates past 50 MB/],
  ["entity-expansion.xlsx", /DOCTYPE\/ENTITY.*Excel never writes/],
  ["deep-nesting.xlsx", /không đọc được cấu trúc.*could not be read/],
  ["wide.csv", /ô\/cell XFE1.*16\.384 cột.*16,384 columns/],
];

jest.setTimeout(60_000);

describe("hostile files at the command line", () => {
  it("has every generated file in the folder", async () => {
    const files = await fs.readdir(DIR);
    for (const h of HOSTILE) expect(files).toContain(h.file);
  });

  it.each(REFUSED)(
    "%s: exit 2, one bilingual line, no internals, within seconds",
    async (file, why) => {
      const clock = startCpuClock();
      const run = await runCli(["summary", path.join(DIR, file)]);
      expect(clock.ms()).toBeLessThan(20_000);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      const lines = run.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toMatch(/Cần: .* \/ Expected: /);
      expect(lines[0]).toMatch(why);
      expect(lines[0]).not.toMatch(INTERNALS);
    }
  );

  it.each(["comment-openpyxl.xlsx", "chart-openpyxl.xlsx"])(
    "%s (comment or chart saved by openpyxl, exceljs issue 2591): read, not refused",
    async (file) => {
      const run = await runCli(["summary", path.join(DIR, file), "--json"]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ sheet: "Xa", communes: 2 });
    }
  );

  it.each(["xa [2023].csv", "History.csv", "a:b.csv", "'trích'.csv", "x".repeat(40) + ".csv"])(
    "reads a CSV named %s (a name Excel refuses for a sheet)",
    async (name) => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-names-"));
      try {
        const file = path.join(dir, name);
        await fs.copyFile(path.join(DIR, "communes.csv"), file);
        const run = await runCli(["summary", file]);
        expect(run.stderr).toBe("");
        expect(run.code).toBe(0);
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    }
  );
});
