// --out onto an existing file: our sheets are added into a user's workbook (test/cli/out-into-users-workbook.test.ts
// checks every part), replaced in a file the add-in wrote; a user's .docx needs --force.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { zipSync, unzipSync } from "fflate";
import { expectStrictFile } from "../support/strict-files";
import { runCli } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
const CSV = path.join(ROOT, "test", "fixtures", "examples", "soc-trang-2023-communes.csv");
const USERS_WORKBOOK = path.join(ROOT, "assets", "ntm-sample.xlsx");
const REPORT = ["--year", "2024", "--budget", "16"];

jest.setTimeout(60_000);

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-out-existing-"));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

describe("--out onto an existing file", () => {
  it("adds its sheets into a user's workbook, every part of the user's sheets kept byte for byte", async () => {
    const out = path.join(dir, "cua-toi.xlsx");
    await fs.copyFile(USERS_WORKBOOK, out);
    const before = unzipSync(new Uint8Array(await fs.readFile(out)));
    const run = await runCli(["summary", CSV, "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const after = unzipSync(new Uint8Array(await fs.readFile(out)));
    for (const [name, bytes] of Object.entries(before)) {
      // Folder entries ("xl/worksheets/") are not parts and are not carried over.
      if (/^xl\/(worksheets|sharedStrings|tables)\/?.*[^/]$/.test(name))
        expect([name, Buffer.from(after[name]).equals(Buffer.from(bytes))]).toEqual([name, true]);
    }
    expectStrictFile(out);
  });

  it("replaces a workbook it wrote itself", async () => {
    const out = path.join(dir, "ket-qua.xlsx");
    expect((await runCli(["summary", CSV, "--out", out])).code).toBe(0);
    const again = await runCli(["summary", CSV, "--out", out]);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expectStrictFile(out);
  });

  it("replaces a report it wrote, refuses another .docx unless --force", async () => {
    const out = path.join(dir, "bao-cao.docx");
    expect((await runCli(["report", CSV, ...REPORT, "--out", out])).code).toBe(0);
    expect((await runCli(["report", CSV, ...REPORT, "--out", out])).code).toBe(0);
    // The same document without the add-in's mark: a user's.
    const parts = unzipSync(new Uint8Array(await fs.readFile(out)));
    delete parts["docProps/custom.xml"];
    const users = path.join(dir, "cua-toi.docx");
    await fs.writeFile(users, zipSync(parts));
    const before = await fs.readFile(users);
    const refused = await runCli(["report", CSV, ...REPORT, "--out", users]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--force/);
    expect((await fs.readFile(users)).equals(before)).toBe(true);
    const forced = await runCli(["report", CSV, ...REPORT, "--out", users, "--force"]);
    expect(forced.code).toBe(0);
    expectStrictFile(users);
  });
});
