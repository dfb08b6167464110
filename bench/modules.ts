// The product modules the bench measures, loaded from src/ as compiled next to the bench (dist-bench/) or, under
// jest, as TypeScript; a module missing from a build is reported as a skipped row rather than failing the run.

import path from "node:path";
import type * as CriteriaModule from "../src/engine/criteria";
import type * as TargetsModule from "../src/engine/targets";
import type * as HighsModule from "../src/engine/targets/highs-solver";
import type * as CommunesModule from "../src/workbook/readers/communes";
import type * as OfficeJsModule from "../src/workbook/adapters/officejs";

/** Loads src/<rel> (compiled next to the bench in dist-bench/, or the .ts source under jest). */
export function loadModule<T>(rel: string): T | null {
  const file = path.join(__dirname, "..", "src", rel);
  try {
    return require(file) as T;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "MODULE_NOT_FOUND" && String(err.message).includes(rel.split("/").pop()!))
      return null;
    throw e;
  }
}

// The shapes the bench relies on are the product's own types, taken from the modules themselves.
export type CommunesReader = Pick<typeof CommunesModule, "readCommunes">;
export type CommunesSummariser = Pick<typeof CriteriaModule, "summariseCommunes">;
export type TargetsPlanner = Pick<typeof TargetsModule, "planTargetsGreedy" | "planTargetsExact">;
export type HighsSolverModule = typeof HighsModule;
export type OfficeJsAdapter = Pick<typeof OfficeJsModule, "OfficeJsWorkbook">;

/** A custom function as Excel calls it: arguments are scalars or 2-D arrays, omitted optionals come as null. */
export type CustomFunction = (...args: unknown[]) => unknown;

export const MODULES = {
  communes: "workbook/readers/communes",
  summary: "engine/criteria",
  targets: "engine/targets",
  highs: "engine/targets/highs-solver",
  criteriaFunctions: "functions/criteria",
  targetFunctions: "functions/targets",
  allocationFunctions: "functions/allocation",
  moneyFunctions: "functions/money",
  officejs: "workbook/adapters/officejs",
} as const;
