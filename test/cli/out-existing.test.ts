// --out onto an existing file: only a file the add-in wrote (known by its bookkeeping inside) is replaced; a user's
// workbook is refused with exit 2 and left byte for byte as it was; a user's .docx needs --force.

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
  it("refuses a user's workbook with exit 2 and leaves it byte for byte", async () => {
    const out = path.join(dir, "cua-toi.xlsx");
    await fs.copyFile(USERS_WORKBOOK, out);
    const before = await fs.readFile(out);
    const run = await runCli(["summary", CSV, "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cua-toi\.xlsx/);
    expect(run.stderr).toMatch(/NTM Planner did not write/);
    expect((await fs.readFile(out)).equals(before)).toBe(true);
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
