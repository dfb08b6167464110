// What the pane's form gives a run: bands the user did not type are left for the job to choose by the criteria set it
// reads, so a run started before the pane knew the workbook's period is not warned about bands nobody typed.

import { readFileSync } from "fs";
import path from "path";
import { DEFAULT_BANDS } from "../../src/engine/criteria/bands";
import { optionsForRun } from "../../src/taskpane/form";
import { buildRequest, defaultOptions, runCancellable } from "../../src/taskpane/run";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { JOBS } from "../../src/workbook/jobs";
import type { PlanningJob } from "../../src/workbook/jobs/job";
import { TARGETS_SPEC } from "../../src/workbook/jobs/specs";

const SAMPLE_2026 = path.resolve(__dirname, "../../assets/ntm-sample-2026.xlsx");
const summary = JOBS.find((j) => j.id === "summary") as PlanningJob;
let workbook: ExcelJsWorkbook;
beforeAll(async () => {
  workbook = await ExcelJsWorkbook.fromXlsx(readFileSync(SAMPLE_2026));
});

/** The summary of the 2026-2030 sample (10 criteria) with the options the pane's form holds. */
async function run(options: Record<string, string | number | undefined>, filled?: string) {
  const form = { ...defaultOptions(summary), year: 2027, ...options };
  const result = await runCancellable(
    summary,
    buildRequest(summary, workbook, {}, optionsForRun(summary, form, filled))
  );
  const json = result.json as { bands: { label: string }[] };
  return {
    bands: json.bands.map((b) => b.label),
    warnings: result.warnings.map((w) => w.en).filter((w) => /bands/i.test(w)),
  };
}

describe("the options a run is given", () => {
  it("before the period is known (the 19-criterion default in the field): the 10-criterion bands, no warning", async () => {
    const early = await run({});
    expect(early.warnings).toEqual([]);
    expect(early.bands).toEqual(["10", "8-9", "5-7", "0-4"]);
    // Once the pane filled in the period's bands, the same run.
    expect(await run({ bands: "10,8-9,5-7,0-4" }, "10,8-9,5-7,0-4")).toEqual(early);
  });

  it("passes bands the user typed, and the job still says when typed 19-criterion bands do not fit the file", async () => {
    expect((await run({ bands: "10,6-9,0-5" })).bands).toEqual(["10", "6-9", "0-5"]);
    const typed = await run({ bands: DEFAULT_BANDS }, "10,8-9,5-7,0-4");
    expect(typed.warnings).toEqual([
      'Bands "19,15-18,10-14,5-9,0-4" are for the 19-criteria set; the 10-criteria set uses "10,8-9,5-7,0-4"',
    ]);
  });

  it("leaves the options of a job without bands as they are", () => {
    const options = { year: 2027, budget: 120 };
    expect(optionsForRun(TARGETS_SPEC, options, "10,8-9,5-7,0-4")).toBe(options);
  });
});
