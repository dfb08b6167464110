// Benchmark options from the environment: BENCH_RUNS (default 5), BENCH_QUICK=1 for a fast smoke run,
// BENCH_SECTIONS="targets,indicator targets" to run only those sections (the machine is shared), e.g.
// BENCH_SECTIONS=startup for the CLI start-up row alone; BENCH_SIZES=10000 to run only the sizes (communes) listed,
// in the sections that take several sizes.

export interface Options {
  runs: number;
  quick: boolean;
  /** Seconds a solver may run before it is reported as not finishing. */
  solverBound: number;
  /** Names of the sections to run; undefined runs them all. */
  sections?: string[];
  /** Sizes (communes) to run in the sections that take several; undefined runs them all. */
  sizes?: number[];
}

export function readOptions(env: NodeJS.ProcessEnv = process.env): Options {
  const quick = env.BENCH_QUICK === "1";
  const runs = Number.parseInt(env.BENCH_RUNS ?? "", 10);
  const bound = Number.parseFloat(env.BENCH_SOLVER_BOUND ?? "");
  return {
    quick,
    runs: Number.isInteger(runs) && runs > 0 ? runs : quick ? 1 : 5,
    solverBound: Number.isFinite(bound) && bound > 0 ? bound : quick ? 10 : 60,
    sections: env.BENCH_SECTIONS?.split(",")
      .map((s) => s.trim())
      .filter((s) => s !== ""),
    sizes: env.BENCH_SIZES?.split(",")
      .map((s) => Number.parseInt(s.trim(), 10))
      .filter((n) => Number.isInteger(n) && n > 0),
  };
}
