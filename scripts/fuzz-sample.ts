// Debug aid: prints the outcomes of a few cases of one target (FUZZ_TARGET), to see what the generators produce.
import fc from "fast-check";
import { describeError, judgeCommand, judgeJob, type Verdict } from "../test/fuzz/harness";
import { JOBS, cliCaseArb, commands, jobCaseArb } from "../test/fuzz/targets";

async function run() {
  const name = process.env.FUZZ_TARGET ?? "summary";
  const cli = process.env.FUZZ_CLI === "1";
  const job = JOBS.find((j) => j.id === name)!;
  const command = commands.find((c) => c.name === name)!;
  const counts = new Map<string, number>();
  for (let i = 0; i < Number(process.env.FUZZ_CASES ?? 200); i++) {
    let v: Verdict;
    if (cli)
      v = await judgeCommand(command, fc.sample(cliCaseArb(command), { numRuns: 1, seed: i })[0]);
    else v = await judgeJob(job, fc.sample(jobCaseArb(job), { numRuns: 1, seed: i })[0]);
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
