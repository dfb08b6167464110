// The small interface the exact planner needs from a MIP solver, so HiGHS can be swapped for another in benchmarks.

/** A mixed-integer program: optimise objective·x subject to lower ≤ A x ≤ upper, 0 ≤ x ≤ columnUpper. */
export interface MixedProgram {
  sense: "max" | "min";
  objective: number[];
  columnUpper: number[];
  /** Which columns must take whole values. */
  integer: boolean[];
  /** The constraint matrix by rows (CSR): row r holds rowIndices/rowValues[rowStarts[r] .. rowStarts[r+1]). */
  rowStarts: number[];
  rowIndices: number[];
  rowValues: number[];
  rowLower: number[];
  rowUpper: number[];
  /** A feasible start (warm start), one value per column. */
  start?: number[];
  /** Stop once the bound and the best solution differ by less than this (0.999 proves integer objectives). */
  absoluteGap: number;
  timeLimitSeconds?: number;
}

export interface MixedResult {
  /** optimal: proven; limit: stopped by a limit with a feasible solution; infeasible: none exists. */
  status: "optimal" | "limit" | "infeasible";
  values: number[];
  objective: number;
  /** Best bound proven on the objective. */
  bound: number;
}

export interface MixedSolver {
  name: string;
  solve(program: MixedProgram): Promise<MixedResult>;
}

/** Relative gap between a solution and a bound, as solvers report it. */
export function relativeGap(objective: number, bound: number): number {
  const diff = Math.abs(bound - objective);
  return diff === 0 ? 0 : diff / Math.max(1e-9, Math.abs(objective));
}
