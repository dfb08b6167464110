// Excel 97-2003 twins: each .xls of test/fixtures/xls/ was written by LibreOffice Calc from the .xlsx of the same name
// in test/fixtures/layouts/ or test/fixtures/office/ (soffice --headless --calc --convert-to xls). Every command gives
// on the .xls what it gives on the .xlsx: the same exit code, the same figures, the same refusal naming the same cell.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { corpusArgv as argv } from "./corpus-argv";

const FIXTURES = path.resolve(__dirname, "..", "fixtures");
const TWINS = readdirSync(path.join(FIXTURES, "xls")).filter((f) => f.endsWith(".xls"));

interface Entry {
  file: string;
  args?: Record<string, string[]>;
}

function twinOf(xls: string): { xlsx: string; entry?: Entry } {
  const name = xls.replace(/\.xls$/, ".xlsx");
  for (const dir of ["layouts", "office"]) {
    const file = path.join(FIXTURES, dir, name);
    if (!existsSync(file)) continue;
    const manifest: Entry[] = JSON.parse(
      readFileSync(path.join(FIXTURES, dir, "manifest.json"), "utf8")
    );
    return { xlsx: file, entry: manifest.find((e) => e.file === name) };
  }
  throw new Error(`no .xlsx twin for ${xls}`);
}

async function run(args: string[], file: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  // The file's own name is the one thing that differs.
  const plain = (t: string[]) => t.join("\n").split(file).join("<file>");
  return { code, out: plain(out), err: plain(err) };
}

/** Twins whose .xlsx is refused by every command (fonts the reader does not decode): the .xls must be refused alike. */
const REFUSED = new Set(["ds-vni-names.xls"]);

const COMMANDS = ["summary", "targets", "roadmap", "funding", "counterpart", "allocate"];

describe("an .xls written by LibreOffice gives its .xlsx twin's figures", () => {
  it("has twins to compare", () => {
    expect(TWINS.length).toBeGreaterThanOrEqual(10);
  });

  it.each(TWINS)("%s", async (xls) => {
    const { xlsx, entry } = twinOf(xls);
    const xlsFile = path.join(FIXTURES, "xls", xls);
    let figures = 0;
    for (const command of COMMANDS) {
      const a = await run(argv(command, xlsx, entry), xlsx);
      const b = await run(argv(command, xlsFile, entry), xlsFile);
      expect({ command, code: b.code }).toEqual({ command, code: a.code });
      expect({ command, out: b.out }).toEqual({ command, out: a.out });
      expect({ command, err: b.err }).toEqual({ command, err: a.err });
      if (a.code === 0) figures += 1;
    }
    // Each twin has figures read from it, not only refusals, unless listed as refused.
    if (REFUSED.has(xls)) expect(figures).toBe(0);
    else expect(figures).toBeGreaterThan(0);
  });
});
