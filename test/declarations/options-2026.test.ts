// The options added for 2026-2030 and the allocation policies are declared in the jobs' schemas (so the walker in
// options.test.tsx takes each one through the CLI, --help and the task-pane form), and the criteria set option is one
// declaration shared by the jobs that choose their set the same way.

import { readOption } from "../../src/engine/options";
import { JOBS } from "../../src/workbook/jobs";
import { PERIOD_OPTION } from "../../src/workbook/reading/period";

const ADDED: Record<string, string[]> = {
  summary: ["period", "year", "target-standard", "target-modern"],
  targets: ["period", "year", "cap-unit", "default-cost", "time-limit"],
  roadmap: ["period", "year", "cap-unit", "default-cost", "time-limit", "target-modern"],
  allocate: ["policy", "top-up", "top-up-policy", "year"],
  counterpart: ["period", "year", "support-share"],
};

describe("options of 2026-2030 and of the policies", () => {
  it.each(Object.entries(ADDED))("are declared by the %s job", (id, options) => {
    const job = JOBS.find((j) => j.id === id)!;
    expect(job.options.map((o) => o.id)).toEqual(expect.arrayContaining(options));
  });

  it("declare the criteria set once for summary, targets and roadmap", () => {
    for (const id of ["summary", "targets", "roadmap"]) {
      const spec = JOBS.find((j) => j.id === id)!.options.find((o) => o.id === "period")!;
      expect(spec).toEqual({ id: "period", ...PERIOD_OPTION.spec });
    }
  });

  it("read the criteria set by that declaration (trimmed, blank as not given)", () => {
    const spec = { id: "period", ...PERIOD_OPTION.spec };
    expect(readOption(spec, " 2026-2030 ")).toBe("2026-2030");
    expect(readOption(spec, "")).toBeUndefined();
  });
});
