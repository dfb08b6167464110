// A test-only job for the browser tests: the exact indicator planner on a synthetic province of 2,000 communes
// (several seconds of HiGHS), through the solver the task pane hands to jobs (a Web Worker in browser mode).

import { indicatorProvince } from "../../bench/indicator-province";
import { planIndicatorTargetsExact } from "../../src/engine/targets";
import { highsSolver } from "../../src/engine/targets/highs-solver";
import type { PlanningJob } from "../../src/workbook/jobs/job";

export const exactJob: PlanningJob = {
  id: "test-exact" as PlanningJob["id"],
  label: { vi: "Lời giải chính xác dài (kiểm thử)", en: "Long exact solve (test)" },
  inputs: [],
  options: [
    {
      id: "communes",
      label: { vi: "Số xã", en: "Communes" },
      type: "number",
      default: 2000,
      example: "2000",
    },
  ],
  async run(request) {
    const input = indicatorProvince(Number(request.options.communes ?? 2000));
    const plan = await planIndicatorTargetsExact(
      input.communes,
      input.options,
      request.solver ?? highsSolver,
      { signal: request.signal, onProgress: request.onProgress }
    );
    return {
      json: { newlyStandard: plan.newlyStandard, optimal: plan.optimal },
      text: `${plan.newlyStandard}`,
      sheets: [],
      warnings: [],
      reading: [],
    };
  },
};
