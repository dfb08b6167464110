// Next year's targets at indicator level (2026-2030): 200 / 2,000 / 10,000 communes × 47 indicators in 10 criteria,
// the greedy and the exact (HiGHS, staged) planners on the same synthetic province.

import { recording } from "../binary-solvers";
import { formatMs, timeRuns } from "../measure";
import type { Options } from "../options";
import { indicatorProvince } from "../indicator-province";
import type { Report } from "../report";
import {
  planIndicatorTargetsExact,
  planIndicatorTargetsGreedy,
  type IndicatorTargetPlan,
} from "../../src/engine/targets";
import { highsSolver } from "../../src/engine/targets/highs-solver";

const EXACT_LIMIT_MS = 2000;
const GREEDY_LIMIT_MS = 150;
export const INDICATOR_SIZES = [200, 2000, 10000];

function outcome(plan: IndicatorTargetPlan): string {
  return `${plan.newlyStandard} newly standard, ${plan.criteriaGained.toLocaleString("en")} criteria, ${plan.indicatorsGained.toLocaleString("en")} indicators, cost ${Math.round(plan.cost).toLocaleString("en")} M`;
}

function proof(plan: IndicatorTargetPlan): string {
  if (plan.optimal) return "proven optimal";
  const gap =
    plan.gap === null || !Number.isFinite(plan.gap)
      ? "unknown"
      : `${(plan.gap * 100).toPrecision(2)}%`;
  return `NOT proven (gap ${gap})`;
}

/**
 * `body` also timed in process CPU time (user + system, all threads), which a loaded machine inflates much less
 * than wall time; `cpu` gets one sample per call.
 */
function onCpu<T>(cpu: number[], body: () => T | Promise<T>): () => Promise<T> {
  return async () => {
    const start = process.cpuUsage();
    const result = await body();
    const used = process.cpuUsage(start);
    cpu.push((used.user + used.system) / 1000);
    return result;
  };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function benchIndicatorTargets(report: Report, options: Options): Promise<void> {
  const all = options.quick ? [200] : INDICATOR_SIZES;
  const sizes = options.sizes ? all.filter((n) => options.sizes!.includes(n)) : all;
  for (const n of sizes) {
    const label = `${n.toLocaleString("en")} communes × 47 indicators`;
    const input = indicatorProvince(n);
    const greedyCpu: number[] = [];
    const greedy = await timeRuns(
      options.runs,
      onCpu(greedyCpu, () => planIndicatorTargetsGreedy(input.communes, input.options))
    );
    greedyCpu.shift(); // the warm-up run
    report.add({
      section: "indicator targets",
      case: `${label}: greedy`,
      medianMs: greedy.timing.medianMs,
      runs: greedy.timing.runs,
      detail: `CPU ${formatMs(median(greedyCpu))}; ${outcome(greedy.last)}; budget ${input.options.budget!.toLocaleString("en")} M, cap ${input.options.maxPerCommune} indicators`,
    });
    const exactCpu: number[] = [];
    const solve = onCpu(exactCpu, async () => {
      const recorder = recording(highsSolver);
      const plan = await planIndicatorTargetsExact(input.communes, input.options, recorder, {
        timeLimitSeconds: options.solverBound,
      });
      return { plan, stages: recorder.stages };
    });
    // One run when the first is slow: repeats of a multi-second solve tell nothing new on a shared machine.
    const first = await timeRuns(1, solve, false);
    const slow = first.timing.medianMs > 5000;
    const exact = slow ? first : await timeRuns(options.runs, solve, false);
    if (!slow) exactCpu.shift(); // the first run, which also loaded the solver
    // The integer programs are the stages sent to the solver; the linear ones, our bound's cutting planes.
    const cuts = exact.last.stages.filter((s) => !s.integer);
    const cutsMs = cuts.reduce((sum, s) => sum + s.ms, 0);
    const stages = exact.last.stages
      .filter((s) => s.integer)
      .map(
        (s, i) =>
          `solver program ${i + 1}: ${s.columns.toLocaleString("en")}×${s.rows.toLocaleString("en")} ${formatMs(s.ms)} ${s.status}`
      )
      .join("; ");
    report.add({
      section: "indicator targets",
      case: `${label}: exact, HiGHS`,
      medianMs: exact.timing.medianMs,
      runs: exact.timing.runs,
      detail: `CPU ${formatMs(median(exactCpu))}; ${proof(exact.last.plan)}; ${outcome(exact.last.plan)}; ${stages || "every stage proven by our own bound, no integer program solved"}; ${cuts.length} cutting-plane LPs (${formatMs(cutsMs)})`,
    });
    if (n === 10000) {
      report.target({
        target: "exact indicator plan, 10,000 communes × 47 indicators, < 2 s, proven optimal",
        measured: `${formatMs(exact.timing.medianMs)}, ${proof(exact.last.plan)}`,
        pass: exact.timing.medianMs < EXACT_LIMIT_MS && exact.last.plan.optimal,
      });
      report.target({
        target: "greedy indicator plan, 10,000 communes × 47 indicators, < 150 ms",
        measured: formatMs(greedy.timing.medianMs),
        pass: greedy.timing.medianMs < GREEDY_LIMIT_MS,
      });
    }
  }
}
