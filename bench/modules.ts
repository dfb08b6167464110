// The product modules the bench measures, loaded when present. Several arrive from other branches, so the bench
// names here only the shape it relies on and reports a missing module as a skipped row rather than failing to build.

import type { MixedProgram, MixedResult, MixedSolver } from "../src/engine/targets/solver";
import path from "node:path";
import type { Catalogue, CommuneStatus } from "../src/engine/types";
import type { Grid } from "../src/workbook/grid";
import type { WorkbookPort } from "../src/workbook/port";

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

export interface CommunesReader {
  readCommunes(
    grid: Grid,
    options: { catalogue: Catalogue }
  ): { communes: CommuneStatus[]; shape: string; warnings: unknown[] };
}

export interface CommunesSummariser {
  summariseCommunes(
    communes: CommuneStatus[],
    options: { catalogue: Catalogue }
  ): { communes: number; averageCriteria: number; standard: number };
}

/**
 * A program as the exact planner hands it to its solver (src/engine/targets/solver.ts): 0 ≤ x ≤ columnUpper, integer
 * where flagged; without those two fields every column is binary (the interface's first version).
 */
// The planner's own solver interface: glpk.js and javascript-lp-solver are benchmarked behind it.
export type BinaryProgram = MixedProgram;
export type BinaryResult = MixedResult;
export type BinarySolver = MixedSolver;

export interface TargetPlanLike {
  optimal: boolean;
  gap: number | null;
  newlyStandard: number;
  criteriaGained: number;
  cost: number;
  communes: unknown[];
}

export interface PlannerOptions {
  catalogue: Catalogue;
  budget?: number;
  maxPerCommune?: number;
  year?: number;
  costs?: { perCommune: Map<string, Map<number, number>>; perCriterion: Map<number, number> };
}

export interface TargetsPlanner {
  planTargetsGreedy(communes: CommuneStatus[], options: PlannerOptions): TargetPlanLike;
  planTargetsExact(
    communes: CommuneStatus[],
    options: PlannerOptions,
    solver: BinarySolver,
    exact?: { timeLimitSeconds?: number }
  ): Promise<TargetPlanLike>;
}

export interface HighsSolverModule {
  highsSolver: BinarySolver;
}

/** A custom function as Excel calls it: arguments are scalars or 2-D arrays, omitted optionals come as null. */
export type CustomFunction = (...args: unknown[]) => unknown;

export interface OfficeJsAdapter {
  OfficeJsWorkbook: new (requirements?: {
    isSetSupported(name: string, min?: string): boolean;
  }) => WorkbookPort & {
    syncs: number;
  };
}

export const MODULES = {
  communes: "workbook/readers/communes",
  summary: "engine/criteria",
  targets: "engine/targets",
  highs: "engine/targets/highs-solver",
  criteriaFunctions: "functions/criteria",
  targetFunctions: "functions/targets",
  officejs: "workbook/adapters/officejs",
} as const;
