// The Jest environment checks every file a test file writes, even one the test removed, and fails that test file
// naming each bad file and why.

import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

describe("strict check of every written file", () => {
  it("fails the test file that wrote them, naming each bad file and the reason, and passes the rest", () => {
    const run = spawnSync(
      process.execPath,
      [
        path.join(ROOT, "node_modules/jest/bin/jest.js"),
        "--runInBand",
        "--ci",
        "--testMatch",
        "**/test/support/strict-environment.fixture.ts",
        "test/support/strict-environment.fixture.ts",
      ],
      { cwd: ROOT, encoding: "utf8", timeout: 170_000, env: { ...process.env, CI: "" } }
    );
    const text = run.stdout + run.stderr;
    expect(run.status).toBe(1);
    expect(text).toMatch(
      /would not open cleanly \(test\/support\/strict-environment\.fixture\.ts\)/
    );
    expect(text).toMatch(/control\.docx: word\/document\.xml: not well-formed XML/);
    expect(text).toMatch(/long\.xlsx: xl\/sharedStrings\.xml: <si> of 40000 characters/);
    expect(text).toMatch(
      /columns\.xlsx: xl\/tables\/table1\.xml: table columns "Xã" and "XÃ" differ only by case/
    );
    expect(text).not.toMatch(/sound\.xlsx/);
    expect(text).not.toMatch(/input-on-purpose/);
  }, 180_000);
});
