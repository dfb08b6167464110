// Debug aid: prints the outcomes of a few cases of one target (FUZZ_TARGET), to see what the generators produce.
import fc from "fast-check";
import { describeError, judgeJob } from "../test/fuzz/harness";
import { JOBS, jobCaseArb } from "../test/fuzz/targets";

async function run() {
  const job = JOBS.find((j) => j.id === (process.env.FUZZ_TARGET ?? "summary"))!;
  const counts = new Map<string, number>();
  for (let i = 0; i < Number(process.env.FUZZ_CASES ?? 200); i++) {
    const c = fc.sample(jobCaseArb(job), { numRuns: 1, seed: i })[0];
    const v = await judgeJob(job, c);
    const key =
      v.outcome === "ok"
        ? "ok"
        : describeError(v.error)
            .replace(/"[^"]*"/g, '"…"')
            .replace(/[A-Z]+\d+/g, "A1")
            .slice(0, 160);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(n, k);
}
run();
