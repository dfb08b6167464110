// npm run api-sets: the audit of Office API members against the manifest and isSetSupported guards, on the real
// src/ (must pass) and on a fixture with one guarded and one unguarded ExcelApi 1.12 call (must fail on the latter).

import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import {
  PAGE_LAYOUT_API,
  RANGE_AREAS_API,
  REQUIRED_EXCEL_API,
} from "../../src/workbook/adapters/officejs";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "../..");
const FIXTURE = path.join(ROOT, "test/fixtures/api-sets");

interface Use {
  name: string;
  set: string | null;
  version: string | null;
  where: string;
  status: "manifest" | "guarded" | "its object" | "UNGUARDED" | "none needed";
}

function audit(args: string[]): { status: number | null; uses: Use[]; stderr: string } {
  const run = spawnSync(process.execPath, ["scripts/api-sets.mjs", "--json", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const parsed = run.stdout ? (JSON.parse(run.stdout) as { uses: Use[] }) : { uses: [] };
  return { status: run.status, uses: parsed.uses, stderr: run.stderr };
}

const line = (use: Use) => Number(use.where.split(":").pop());

describe("npm run api-sets", () => {
  it("passes on src/: every Excel member above the manifest's ExcelApi is behind an isSetSupported guard", () => {
    const { status, uses, stderr } = audit([]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(uses.filter((u) => u.status === "UNGUARDED")).toEqual([]);
    // The adapter's own calls were found and judged (not an empty audit).
    const byIndexes = uses.filter((u) => u.name === "Excel.Worksheet.getRangeByIndexes");
    expect(byIndexes.length).toBeGreaterThan(0);
    expect(byIndexes.every((u) => u.version === "1.7" && u.status === "guarded")).toBe(true);
    // Above what the pane checks for at start-up, only the print layout and the multi-area selection of the
    // reading panel, each behind its optional guard.
    const excel = uses.filter((u) => u.set === "ExcelApi" && u.version);
    const above = excel.filter(
      (u) => Number(u.version!.split(".")[1]) > Number(REQUIRED_EXCEL_API.split(".")[1])
    );
    expect(new Set(above.map((u) => u.version))).toEqual(
      new Set([PAGE_LAYOUT_API, RANGE_AREAS_API])
    );
  });

  it("fails on an unguarded ExcelApi 1.12 call and names its file and line, not the guarded one", () => {
    const source = readFileSync(path.join(FIXTURE, "src/precedents.ts"), "utf8").split("\n");
    const unguardedFrom = source.findIndex((l) => l.includes("function unguardedPrecedents")) + 1;
    const { status, uses, stderr } = audit([
      "--src",
      path.join(FIXTURE, "src"),
      "--manifest",
      path.join(FIXTURE, "manifest.xml"),
    ]);
    expect(status).toBe(1);
    const precedents = uses.filter((u) => u.name === "Excel.Range.getDirectPrecedents");
    expect(precedents.map((u) => [u.version, u.status])).toEqual([
      ["1.12", "guarded"],
      ["1.12", "guarded"],
      ["1.12", "UNGUARDED"],
    ]);
    // On the object a guarded call returned, its own members need no guard of their own.
    const onObject = uses.filter(
      (u) => u.name === "Excel.WorkbookRangeAreas.addresses" && line(u) < unguardedFrom
    );
    expect(onObject.map((u) => u.status)).toContain("its object");
    const bad = uses.filter((u) => u.status === "UNGUARDED");
    expect(bad.every((u) => line(u) > unguardedFrom)).toBe(true);
    const precedentsLine = line(precedents[2]);
    expect(stderr).toContain(
      `test/fixtures/api-sets/src/precedents.ts:${precedentsLine}: Excel.Range.getDirectPrecedents`
    );
    expect(stderr).toContain("ExcelApi 1.12");
  });

  it("passes on the same call once the manifest declares ExcelApi 1.12", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "api-sets-"));
    try {
      const manifest = readFileSync(path.join(FIXTURE, "manifest.xml"), "utf8").replace(
        '<Set Name="ExcelApi" MinVersion="1.1" />',
        '<Set Name="ExcelApi" MinVersion="1.12" />'
      );
      expect(manifest).toContain('MinVersion="1.12"');
      writeFileSync(path.join(dir, "manifest.xml"), manifest);
      const { status, uses } = audit([
        "--src",
        path.join(FIXTURE, "src"),
        "--manifest",
        path.join(dir, "manifest.xml"),
      ]);
      expect(status).toBe(0);
      expect(
        uses.filter((u) => u.name === "Excel.Range.getDirectPrecedents").map((u) => u.status)
      ).toEqual(["manifest", "manifest", "manifest"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
