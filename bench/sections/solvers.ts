// The same targets model solved by HiGHS, glpk.js and javascript-lp-solver, each in a worker it can kill.

import type { MipModel } from "../mip";
import { formatMs } from "../measure";
import type { Report } from "../report";
import { solveInWorker, type SolveOutcome } from "../solvers";
import type { SolverName } from "../solver-worker";

const SOLVERS: SolverName[] = ["highs", "glpk.js", "javascript-lp-solver"];

function describe(o: SolveOutcome): string {
  if ("timedOut" in o) return `did not finish within ${o.boundMs / 1000} s (killed)`;
  if ("error" in o) return `error: ${o.error.split("\n")[0]}`;
  const gap =
    o.gap !== null && Number.isFinite(o.gap) ? `, gap ${(o.gap * 100).toPrecision(2)}%` : "";
  return `${o.status}${o.proven ? " (proven)" : ""}${gap}, objective ${o.objective === null ? "—" : o.objective.toFixed(3)}`;
}

/**
 * Solves `model` with each solver once (a bound of `boundSec` per solve). A solver that did not finish at a smaller
 * size is not run again at a larger one. Returns the solvers that did not finish, for the next size.
 */
export async function compareSolvers(
  report: Report,
  label: string,
  model: MipModel,
  boundSec: number,
  skip: Set<SolverName>
): Promise<void> {
  const outcomes = new Map<SolverName, SolveOutcome>();
  for (const solver of SOLVERS) {
    if (skip.has(solver)) continue;
    const outcome = await solveInWorker(solver, model, boundSec);
    outcomes.set(solver, outcome);
  }
  const highs = outcomes.get("highs");
  const highsMs = highs && "solveMs" in highs ? highs.solveMs : NaN;
  const highsLimited = highs && "solveMs" in highs && !highs.proven;
  for (const solver of SOLVERS) {
    const o = outcomes.get(solver);
    const cols = model.columns.length.toLocaleString("en");
    const rows = model.rows.length.toLocaleString("en");
    if (!o) {
      report.add({
        section: "solvers",
        case: `${label}: ${solver}`,
        medianMs: NaN,
        runs: 0,
        detail: "not run: did not finish at a smaller size",
      });
      continue;
    }
    const ms = "solveMs" in o ? o.solveMs : NaN;
    let ratio = "";
    if (solver !== "highs") {
      if ("timedOut" in o) ratio = `; ratio > ${(o.boundMs / highsMs).toFixed(1)}× HiGHS`;
      else if (Number.isFinite(ms) && Number.isFinite(highsMs)) {
        const limited = "proven" in o && !o.proven;
        const bothLimited = highsLimited && limited;
        ratio = bothLimited
          ? `; ${(ms / highsMs).toFixed(1)}× HiGHS (both stopped at the time limit)`
          : `; ${limited ? "> " : ""}${(ms / highsMs).toFixed(1)}× HiGHS`;
      }
    }
    report.add({
      section: "solvers",
      case: `${label}: ${solver}`,
      medianMs: ms,
      runs: Number.isFinite(ms) ? 1 : 0,
      detail: `${describe(o)}${ratio}; model ${cols} columns × ${rows} rows`,
    });
    if ("timedOut" in o || ("proven" in o && !o.proven && solver !== "highs")) skip.add(solver);
  }
  if (Number.isFinite(highsMs)) process.stdout.write(`    HiGHS solve ${formatMs(highsMs)}\n`);
}
