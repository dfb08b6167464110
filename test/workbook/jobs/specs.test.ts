// The task pane's form is made from the jobs' specs (loaded at start) and runs the jobs (loaded later): each job
// must be its spec plus its code, in the same order, or the form would offer one job and run another.

import { JOBS } from "../../../src/workbook/jobs";
import { JOB_SPECS } from "../../../src/workbook/jobs/specs";

describe("job specs", () => {
  it("are the registered jobs without their code, in the same order and by the same declarations", () => {
    expect(JOB_SPECS.map((s) => s.id)).toEqual(JOBS.map((j) => j.id));
    JOBS.forEach((job, i) => {
      const spec = JOB_SPECS[i];
      expect(job.label).toBe(spec.label);
      expect(job.inputs).toBe(spec.inputs);
      // The same option declarations: a job reads its options with the schemas the form checks them with.
      expect(job.options).toBe(spec.options);
      expect(Object.keys(spec).sort()).toEqual(["id", "inputs", "label", "options"]);
    });
  });
});
