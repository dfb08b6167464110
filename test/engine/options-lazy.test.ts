// Option schemas are built when a job first needs them (its run, `--help`, the form), not when the jobs load: building
// every job's zod schemas was part of the CLI's start-up. One declaration per option still gives the one schema.

import type { ZodType } from "zod";

type Jobs = typeof import("../../src/workbook/jobs");
type Summary = typeof import("../../src/workbook/jobs/summary-options");

describe("job option schemas", () => {
  it("are not built when the jobs load, and are built once, on first use", () => {
    jest.isolateModules(() => {
      // The zod the modules below load (a fresh registry), so that its schema building is what is counted.
      const zod = require("zod") as { ZodType: typeof ZodType };
      const transform = jest.spyOn(zod.ZodType.prototype, "transform");
      const { JOBS } = require("../../src/workbook/jobs") as Jobs;
      const { SUMMARY_OPTIONS } = require("../../src/workbook/jobs/summary-options") as Summary;
      expect(JOBS.length).toBeGreaterThan(3);
      expect(JOBS.find((j) => j.id === "summary")!.options.map((o) => o.id)).toContain("bands");
      expect(transform).not.toHaveBeenCalled();

      expect(SUMMARY_OPTIONS.parse({ bands: "19,15-18" }).bands).toBe("19,15-18");
      const built = transform.mock.calls.length;
      expect(built).toBe(Object.keys(SUMMARY_OPTIONS.fields).length);
      expect(SUMMARY_OPTIONS.schema).toBe(SUMMARY_OPTIONS.schema);
      SUMMARY_OPTIONS.parse({});
      expect(transform).toHaveBeenCalledTimes(built);
      transform.mockRestore();
    });
  });
});
