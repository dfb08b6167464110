// Next year's targets at 200 / 2,000 / 10,000 communes: the planner's greedy and exact plans, and the same model
// solved by the three solvers.

import { generateRegion, PLAN_SIZES } from "../generators";
import { referenceTargetsModel } from "../reference-model";
import type { Report } from "../report";
import type { Options } from "../options";
import { compareSolvers } from "./solvers";
import type { SolverName } from "../solver-worker";

export async function benchTargets(report: Report, options: Options): Promise<void> {
  const sizes = options.quick ? [200] : PLAN_SIZES;
  const skip = new Set<SolverName>();
  for (const n of sizes) {
    const region = generateRegion({ seed: "targets", communes: n, profile: "planning" });
    const model = referenceTargetsModel(region);
    await compareSolvers(report, `${n.toLocaleString("en")} communes, reference model`, model, options.solverBound, skip);
  }
}
