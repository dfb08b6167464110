// Next year's targets at 200 / 2,000 / 10,000 communes: the planner's greedy and exact (HiGHS) plans, then the same
// exact planner with glpk.js and javascript-lp-solver behind its solver interface, each in a worker it can kill.

import { performance } from "node:perf_hooks";
import { recording } from "../binary-solvers";
import { generateRegion, PLAN_SIZES } from "../generators";
import { formatMs, summarise, timeRuns, type Timing } from "../measure";
import { loadModule, MODULES, type HighsSolverModule, type TargetsPlanner } from "../modules";
import type { TargetPlan } from "../../src/engine/targets";
import type { Options } from "../options";
import { plannerInput } from "../planner-input";
import { referenceTargetsModel } from "../reference-model";
import type { Report } from "../report";
import type { SolverName } from "../solver-worker";
import { runWorker } from "../solvers";
import type { PlanReply, PlanRequest } from "../targets-worker";
import { compareSolvers } from "./solvers";

const SEED = "targets";
const EXACT_LIMIT_MS = 5000;
const GREEDY_LIMIT_MS = 100;
/** A first exact run slower than this is taken as the only sample (several minutes of repeats tell nothing new). */
const SLOW_RUN_MS = 15000;

function outcome(plan: Pick<TargetPlan, "newlyStandard" | "criteriaGained" | "cost">): string {
  return `${plan.newlyStandard} newly standard, ${plan.criteriaGained.toLocaleString("en")} criteria, cost ${Math.round(plan.cost).toLocaleString("en")} M`;
}

function proof(plan: { optimal: boolean; gap: number | null }): string {
  if (plan.optimal) return "proven optimal";
  const gap =
    plan.gap === null || !Number.isFinite(plan.gap)
      ? "unknown"
      : `${(plan.gap * 100).toPrecision(2)}%`;
  return `NOT proven (gap ${gap})`;
}

function stagesText(
  stages: { columns: number; rows: number; ms: number; status: string }[]
): string {
  if (stages.length === 0) return "no solver call (greedy plan proven best)";
  return stages
    .map(
      (s, i) =>
        `stage ${i + 2}: ${s.columns.toLocaleString("en")}×${s.rows.toLocaleString("en")} ${formatMs(s.ms)} ${s.status}`
    )
    .join("; ");
}

/** Lexicographic comparison of the two plans: exact must not be worse than greedy. */
function versus(exact: TargetPlan, greedy: TargetPlan): string {
  const d = [
    exact.newlyStandard - greedy.newlyStandard,
    exact.criteriaGained - greedy.criteriaGained,
    greedy.cost - exact.cost,
  ];
  const worse = d[0] < 0 || (d[0] === 0 && (d[1] < 0 || (d[1] === 0 && d[2] < -1e-6)));
  return worse
    ? "WORSE than greedy!"
    : `vs greedy +${d[0]} standard, +${d[1]} criteria, ${Math.round(d[2]).toLocaleString("en")} M saved`;
}

async function exactRuns(
  planner: TargetsPlanner,
  highs: HighsSolverModule,
  input: ReturnType<typeof plannerInput>,
  runs: number,
  bound: number
): Promise<{
  timing: Timing;
  plan: TargetPlan;
  stages: ReturnType<typeof recording>["stages"];
}> {
  const solve = async () => {
    const recorder = recording(highs.highsSolver);
    const plan = await planner.planTargetsExact(input.communes, input.options, recorder, {
      timeLimitSeconds: bound,
    });
    return { plan, stages: recorder.stages };
  };
  const start = performance.now();
  const first = await solve();
  const firstMs = performance.now() - start;
  if (firstMs > SLOW_RUN_MS) return { timing: summarise([firstMs]), ...first };
  const { timing, last } = await timeRuns(runs, solve, false);
  return { timing, ...last };
}

export async function benchTargets(report: Report, options: Options): Promise<void> {
  const sizes = options.quick ? [200] : PLAN_SIZES;
  const planner = loadModule<TargetsPlanner>(MODULES.targets);
  const highs = loadModule<HighsSolverModule>(MODULES.highs);
  if (!planner || !highs) {
    report.note(
      "the targets planner (src/engine/targets) is not in this build: greedy and exact rows skipped"
    );
    report.target({
      target: "exact plan, 10,000 communes, < 5 s, proven optimal",
      measured: "planner missing",
      pass: null,
    });
    report.target({
      target: "greedy plan, 10,000 communes, < 100 ms",
      measured: "planner missing",
      pass: null,
    });
  }
  const failed = new Set<SolverName>();
  for (const n of sizes) {
    const label = `${n.toLocaleString("en")} communes`;
    const region = generateRegion({ seed: SEED, communes: n, profile: "planning" });
    if (planner && highs) {
      const input = plannerInput(region);
      const greedy = await timeRuns(options.runs, () =>
        planner.planTargetsGreedy(input.communes, input.options)
      );
      report.add({
        section: "targets",
        case: `${label}: greedy`,
        medianMs: greedy.timing.medianMs,
        runs: greedy.timing.runs,
        detail: `${outcome(greedy.last)}; budget ${region.annualBudget.toLocaleString("en")} M, cap ${region.cap}`,
      });
      const exact = await exactRuns(planner, highs, input, options.runs, options.solverBound);
      report.add({
        section: "targets",
        case: `${label}: exact, HiGHS`,
        medianMs: exact.timing.medianMs,
        runs: exact.timing.runs,
        detail: `${proof(exact.plan)}; ${outcome(exact.plan)}; ${versus(exact.plan, greedy.last)}; ${stagesText(exact.stages)}`,
      });
      for (const solver of ["glpk.js", "javascript-lp-solver"] as const) {
        if (failed.has(solver)) {
          report.add({
            section: "targets",
            case: `${label}: exact, ${solver}`,
            medianMs: NaN,
            runs: 0,
            detail: "not run: did not finish at a smaller size",
          });
          continue;
        }
        const request: PlanRequest = {
          solver,
          seed: SEED,
          communes: n,
          timeLimit: options.solverBound,
        };
        // The whole exact plan must finish within the bound (5 s more for loading the solver in the worker).
        const boundMs = options.solverBound * 1000 + 5000;
        const result = await runWorker<PlanReply>("targets-worker.js", request, boundMs);
        let detail: string;
        let ms = NaN;
        if ("ok" in result) {
          const r = result.ok;
          ms = r.ms;
          const ratio = ms / exact.timing.medianMs;
          detail = `${r.optimal ? "" : "> "}${ratio.toFixed(1)}× HiGHS; ${proof(r)}; ${outcome(r)}; ${stagesText(r.stages)}`;
          if (!r.optimal) failed.add(solver);
        } else if ("timedOut" in result) {
          detail = `did not finish within ${options.solverBound} s (worker killed); > ${((options.solverBound * 1000) / exact.timing.medianMs).toFixed(0)}× HiGHS`;
          failed.add(solver);
        } else {
          detail = `error: ${result.error.split("\n")[0]}`;
          failed.add(solver);
        }
        report.add({
          section: "targets",
          case: `${label}: exact, ${solver}`,
          medianMs: ms,
          runs: Number.isNaN(ms) ? 0 : 1,
          detail,
        });
      }
      if (n === 10000) {
        report.target({
          target: "exact plan, 10,000 communes, < 5 s, proven optimal",
          measured: `${formatMs(exact.timing.medianMs)}, ${proof(exact.plan)}`,
          pass: exact.timing.medianMs < EXACT_LIMIT_MS && exact.plan.optimal,
        });
        report.target({
          target: "greedy plan, 10,000 communes, < 100 ms",
          measured: formatMs(greedy.timing.medianMs),
          pass: greedy.timing.medianMs < GREEDY_LIMIT_MS,
        });
      }
    }
    if (process.env.BENCH_REFERENCE === "1") {
      await compareSolvers(
        report,
        `${label}, brief §4 weighted model`,
        referenceTargetsModel(region),
        options.solverBound,
        new Set()
      );
    }
  }
  if (options.quick && planner) {
    report.target({
      target: "exact plan, 10,000 communes, < 5 s, proven optimal",
      measured: "not run (BENCH_QUICK)",
      pass: null,
    });
    report.target({
      target: "greedy plan, 10,000 communes, < 100 ms",
      measured: "not run (BENCH_QUICK)",
      pass: null,
    });
  }
}
