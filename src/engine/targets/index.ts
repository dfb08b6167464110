// Next-year targets: which criteria each commune should aim for within the budget (greedy and exact methods).

import type { CommuneStatus } from "../types";
import { planTargetsExact } from "./exact";
import { planTargetsGreedy } from "./greedy";
import type { MixedSolver } from "./solver";
import type { ExactOptions, TargetMethod, TargetOptions, TargetPlan } from "./types";
import { planIndicatorTargetsExact } from "./indicators/exact";
import { planIndicatorTargetsGreedy } from "./indicators/greedy";
import type {
  IndicatorCommune,
  IndicatorTargetOptions,
  IndicatorTargetPlan,
} from "./indicators/types";

export * from "./types";
export { DEFAULT_FREE_CRITERIA, criterionCost } from "./prepare";
export { planTargetsGreedy } from "./greedy";
export { planTargetsExact } from "./exact";
export { nextTargets } from "./single";
export type { MixedProgram, MixedResult, MixedSolver } from "./solver";

/** The solver used when none is given: HiGHS, loaded on first use (its own chunk in the browser bundle). */
async function defaultSolver(): Promise<MixedSolver> {
  return (await import("./highs-solver")).highsSolver;
}

/** Plans targets with either method; the exact one loads its solver lazily. */
export async function planTargets(
  communes: CommuneStatus[],
  options: TargetOptions & { method?: TargetMethod; solver?: MixedSolver },
  exact: ExactOptions = {}
): Promise<TargetPlan> {
  if ((options.method ?? "greedy") === "greedy") {
    exact.signal?.throwIfAborted?.();
    return planTargetsGreedy(communes, options);
  }
  return planTargetsExact(communes, options, options.solver ?? (await defaultSolver()), exact);
}

export * from "./indicators/types";
export * from "./indicators/from-status";
export { planIndicatorTargetsGreedy, planIndicatorTargetsExact };

/** Plans indicator-level targets (2026-2030) with either method; the exact one loads its solver lazily. */
export async function planIndicatorTargets(
  communes: IndicatorCommune[],
  options: IndicatorTargetOptions & { method?: TargetMethod; solver?: MixedSolver },
  exact: ExactOptions = {}
): Promise<IndicatorTargetPlan> {
  if ((options.method ?? "greedy") === "greedy") {
    exact.signal?.throwIfAborted?.();
    return planIndicatorTargetsGreedy(communes, options);
  }
  return planIndicatorTargetsExact(
    communes,
    options,
    options.solver ?? (await defaultSolver()),
    exact
  );
}
