// Assumed values are said as they were used: the bands a 10-criterion period applied (not the 19-criterion default
// written in the declaration), and a year as the user types it (2024, never 2.024), in the text, JSON and report.

import * as path from "node:path";
import { runCli } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "assets", "ntm-sample.xlsx");
const SAMPLE_2026 = path.join(ROOT, "assets", "ntm-sample-2026.xlsx");

describe("assumed values as used", () => {
  it("names the bands the summary applied to a 10-criterion period", async () => {
    const run = await runCli(["summary", SAMPLE_2026, "--json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      bands: { min: number; max: number }[];
      assumptions: { option?: string; value: unknown }[];
    };
    const used = json.bands
      .map((b) => (b.min === b.max ? `${b.min}` : `${b.min}-${b.max}`))
      .join(",");
    expect(json.bands[0].max).toBe(10);
    expect(json.assumptions.find((a) => a.option === "bands")?.value).toBe(used);
    const text = await runCli(["summary", SAMPLE_2026]);
    expect(text.stdout).toContain(`Bands of criteria met = ${used} (`);
    expect(text.stdout).not.toContain("19,15-18");
  });

  it("writes an assumed year as a year in the text and the report", async () => {
    const run = await runCli(["plan", SAMPLE, "--year", "2024", "--budget", "16"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Đến năm / Up to year = 2024 (");
    expect(run.stdout).not.toMatch(/= \d\.\d{3} \(/);
    const report = await runCli(["report", SAMPLE, "--year", "2024", "--budget", "16"]);
    expect(report.stdout).toContain("Đến năm = 2024 (");
    expect(report.stdout).not.toMatch(/= \d\.\d{3} \(/);
  }, 60_000);
});
