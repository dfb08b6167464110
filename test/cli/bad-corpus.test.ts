// The corpus of broken workbooks in test/fixtures/bad/: each one, run through the CLI, exits 2 with one line naming
// the sheet and the cell in Vietnamese and English, and leaves the file as it was.

import { promises as fs, readdirSync, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { BAD_WORKBOOKS, buildBadCorpus } from "../../scripts/build-bad-corpus";
import { captureIo } from "../fuzz/harness";

const DIR = path.resolve(__dirname, "..", "fixtures", "bad");
const EXAMPLES = path.resolve(__dirname, "..", "fixtures", "examples");

interface Expected {
  file: string;
  /** Command line after `ntm-plan`; "{file}" stands for the file's path, "{examples}" for test/fixtures/examples. */
  argv: string[];
  exitCode: number;
  stderr: { sheet: string | null; cell: string | null; vi: string; en: string };
  /** What the file shows, for people reading the manifest. */
  why: string;
}

const EXPECTED: Expected[] = JSON.parse(readFileSync(path.join(DIR, "expected.json"), "utf8"));

describe("bad-input corpus", () => {
  it("lists every file of the folder in expected.json, and at least 12 of them name a sheet and a cell", () => {
    const files = readdirSync(DIR).filter((f) => f !== "expected.json");
    expect(EXPECTED.map((e) => e.file).sort()).toEqual(files.sort());
    expect(EXPECTED.filter((e) => e.stderr.sheet && e.stderr.cell).length).toBeGreaterThanOrEqual(
      12
    );
  });

  it.each(EXPECTED.map((e) => [e.file, e] as const))(
    "%s",
    async (_file, e) => {
      const file = path.join(DIR, e.file);
      const before = await fs.readFile(file);
      const io = captureIo();
      const code = await main(
        e.argv.map((a) => a.replace("{file}", file).replace("{examples}", EXAMPLES)),
        io
      );
      expect({ code, err: io.err }).toMatchObject({ code: e.exitCode });
      expect(io.err).toHaveLength(1);
      const line = io.err[0];
      expect(line).not.toMatch(/[\r\n]/);
      expect(line.length).toBeLessThan(600);
      if (e.stderr.sheet) expect(line).toContain(`sheet '${e.stderr.sheet}'`);
      if (e.stderr.cell) expect(line).toContain(`ô/cell ${e.stderr.cell}`);
      expect(line).toContain(e.stderr.vi);
      expect(line).toContain(e.stderr.en);
      expect(io.out).toEqual([]);
      expect((await fs.readFile(file)).equals(before)).toBe(true);
    },
    60_000
  );

  it("holds the workbooks scripts/build-bad-corpus.ts builds (same sheets, same values)", async () => {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-bad-"));
    try {
      // The 50,000-row file takes seconds to write; it is checked on its own below.
      const quick = (f: string) => !f.includes("50000");
      await buildBadCorpus(tmp, quick);
      for (const spec of BAD_WORKBOOKS.filter((s) => quick(s.file))) {
        const committed = await ExcelJsWorkbook.fromXlsx(
          await fs.readFile(path.join(DIR, spec.file))
        );
        const rebuilt = await ExcelJsWorkbook.fromXlsx(
          await fs.readFile(path.join(tmp, spec.file))
        );
        expect(await committed.sheetNames()).toEqual(await rebuilt.sheetNames());
        for (const name of await rebuilt.sheetNames()) {
          expect((await committed.readSheet(name)).rows).toEqual(
            (await rebuilt.readSheet(name)).rows
          );
        }
      }
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  }, 60_000);

  it("keeps 50,000 formatted empty rows below the data of the big file, which the reader does not see", async () => {
    const book = await ExcelJsWorkbook.fromXlsx(
      await fs.readFile(path.join(DIR, "communes-50000-formatted-rows.xlsx"))
    );
    expect(book.workbook.worksheets[0].rowCount).toBeGreaterThanOrEqual(50_000);
    expect((await book.readSheet("Xã")).rows).toHaveLength(11);
  }, 60_000);
});
