// bin/ntm-plan.js before the CLI is built (e.g. `npm install --ignore-scripts` after a pull): one bilingual line saying
// what to run, exit code 2, no Node stack.

import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ntm-not-built-"));
  mkdirSync(path.join(dir, "bin"));
  copyFileSync(path.join(ROOT, "bin", "ntm-plan.js"), path.join(dir, "bin", "ntm-plan.js"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ["with the code cache", {}],
  ["without it", { NTM_PLAN_NO_CACHE: "1" }],
])("ntm-plan without dist-cli/ntm-plan.js (%s)", (_name, env) => {
  it("says in one bilingual line to run npm run build:cli and exits 2", () => {
    const run = spawnSync(
      process.execPath,
      [path.join(dir, "bin", "ntm-plan.js"), "summary", "x.csv"],
      {
        encoding: "utf8",
        env: { ...process.env, ...env },
      }
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /chưa được dựng.*npm run build:cli.*npm install.* \/ .*not built.*npm run build:cli.*npm install/
    );
    expect(run.stderr).not.toMatch(/MODULE_NOT_FOUND|ENOENT|\n\s+at /);
  });
});
