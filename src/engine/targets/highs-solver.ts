// HiGHS (WebAssembly) behind the MixedSolver interface, loaded only when the exact method first runs.

import type { Highs } from "highs";
import type { MixedProgram, MixedResult, MixedSolver } from "./solver";

let loading: Promise<Highs> | null = null;

function inBrowser(): boolean {
  const worker = typeof (globalThis as { importScripts?: unknown }).importScripts === "function";
  return worker || (typeof window !== "undefined" && typeof document !== "undefined");
}

/** Loads HiGHS once. In a browser the page serves "highs.wasm" next to itself; in Node the package finds it. */
function loadHighs(): Promise<Highs> {
  if (!loading) {
    loading = import("highs").then((module) => {
      const load =
        (module as unknown as { default?: typeof module.default }).default ?? module.default;
      return inBrowser() ? load({ locateFile: (file: string) => file }) : load();
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

export const highsSolver: MixedSolver = {
  name: "highs",
  async solve(program: MixedProgram): Promise<MixedResult> {
    const highs = await loadHighs();
    const numCols = program.objective.length;
    const numRows = program.rowLower.length;
    const model = highs.createModel({
      numCols,
      numRows,
      sense:
        program.sense === "max"
          ? highs.constants.objectiveSense.maximize
          : highs.constants.objectiveSense.minimize,
      colCost: program.objective,
      colLower: new Float64Array(numCols),
      colUpper: program.columnUpper,
      rowLower: program.rowLower.map((v) => (Number.isFinite(v) ? v : -highs.infinity)),
      rowUpper: program.rowUpper.map((v) => (Number.isFinite(v) ? v : highs.infinity)),
      matrix: {
        format: "csr",
        numRows,
        numCols,
        starts: program.rowStarts,
        indices: program.rowIndices,
        values: program.rowValues,
      },
      integrality: program.integer.map((whole) =>
        whole ? highs.constants.variableType.integer : highs.constants.variableType.continuous
      ),
    });
    try {
      model.options.set({
        output_flag: false,
        // The planner's programs are small and already tight; in the sanity runs presolve cost more than it saved
        // with decimal costs (10,000 communes: about 5 s → 2.3 s of CPU) and made no difference with whole ones.
        presolve: "off",
        mip_abs_gap: program.absoluteGap,
        mip_rel_gap: 0,
        ...(program.timeLimitSeconds ? { time_limit: program.timeLimitSeconds } : {}),
      });
      if (program.start) model.setSolution({ colValue: program.start });
      model.run();
      const status = model.getModelStatus();
      const codes = highs.constants.modelStatus;
      if (status === codes.infeasible)
        return { status: "infeasible", values: [], objective: NaN, bound: NaN };
      const values = Array.from(model.getSolution().colValue);
      const objective = values.reduce((s, v, j) => s + v * program.objective[j], 0);
      if (status === codes.optimal)
        return { status: "optimal", values, objective, bound: objective };
      const bound = Number(model.info.get("mip_dual_bound"));
      if (values.length !== numCols || status !== codes.timeLimit) {
        throw new Error(`HiGHS stopped with model status ${status}`);
      }
      return { status: "limit", values, objective, bound };
    } finally {
      model.dispose();
    }
  },
};
