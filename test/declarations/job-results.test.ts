// Every job's JSON on the two samples is what its one declaration (src/workbook/results.ts) says, so that the
// report and the task pane, which parse it by that declaration, read every job.

import * as path from "node:path";
import { keyFigures } from "../../src/taskpane/key-figures";
import {
  indicatorRoadmapJson,
  indicatorTargetsJson,
  JOB_RESULTS,
} from "../../src/workbook/results";
import { runCli } from "../cli/helpers";

const SAMPLES: [string, string[]][] = [
  ["ntm-sample.xlsx", ["--year", "2024"]],
  ["ntm-sample-2026.xlsx", ["--year", "2027"]],
];

describe.each(SAMPLES)("the jobs' JSON on %s", (sample, flags) => {
  it("parses by each job's declaration and gives the task pane its key figures", async () => {
    const file = path.join(__dirname, "../../assets", sample);
    const run = await runCli([
      "plan",
      file,
      ...flags,
      "--budget",
      "100",
      "--total",
      "1000",
      "--json",
    ]);
    expect(run.stderr).toBe("");
    const { jobs } = JSON.parse(run.stdout) as {
      jobs: { id: keyof typeof JOB_RESULTS; status: string; result?: { level?: string } }[];
    };
    const done = jobs.filter((j) => j.status === "done");
    expect(done.length).toBeGreaterThanOrEqual(3);
    for (const job of done) {
      const perIndicator = job.result?.level === "indicators";
      const schema = !perIndicator
        ? JOB_RESULTS[job.id]
        : job.id === "targets"
          ? indicatorTargetsJson
          : indicatorRoadmapJson;
      const parsed = schema.safeParse(job.result);
      expect({ job: job.id, issues: parsed.success ? [] : parsed.error.issues }).toEqual({
        job: job.id,
        issues: [],
      });
      const result = {
        json: job.result as Record<string, unknown>,
        text: "",
        sheets: [],
        warnings: [],
        reading: [],
      };
      expect({ job: job.id, figures: keyFigures(job.id, result).figures.length > 0 }).toEqual({
        job: job.id,
        figures: true,
      });
    }
  });
});
