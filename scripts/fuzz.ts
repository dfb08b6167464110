// `npm run fuzz`: runs FUZZ_CASES (10,000) generated messy workbooks through every reader, job and CLI command and
// prints what happened. Exits 1 on any crash, changed cell or broken error contract. FUZZ_SEED replays a run;
// FUZZ_TARGET (a substring such as "job targets") narrows it; FUZZ_START skips to a case number.

import fc from "fast-check";
import { messySheet } from "../test/fuzz/generators";
import {
  judgeCommand,
  judgeJob,
  judgeReader,
  judgeWriter,
  newTally,
  record,
  removeTemp,
  type Verdict,
} from "../test/fuzz/harness";
import { judgeOwnership, ownershipCaseArb } from "../test/fuzz/ownership";
import {
  JOBS,
  READERS,
  cliCaseArb,
  commands,
  jobCaseArb,
  writerCaseArb,
} from "../test/fuzz/targets";

interface Target {
  name: string;
  /** Share of the cases, relative to the others. */
  weight: number;
  run(seed: number): Promise<Verdict>;
}

function one<T>(arb: fc.Arbitrary<T>, seed: number): T {
  return fc.sample(arb, { numRuns: 1, seed })[0];
}

function targets(): Target[] {
  const list: Target[] = [];
  for (const reader of READERS) {
    const arb = messySheet(reader.kind === "junk" ? "communes" : reader.kind);
    list.push({
      name: `reader ${reader.name}`,
      weight: 1,
      run: (seed) => judgeReader(reader, one(arb, seed)),
    });
  }
  for (const job of JOBS) {
    const arb = jobCaseArb(job);
    list.push({ name: `job ${job.id}`, weight: 4, run: (seed) => judgeJob(job, one(arb, seed)) });
  }
  list.push({ name: "writer", weight: 2, run: (seed) => judgeWriter(one(writerCaseArb, seed)) });
  // Renames, deletes, same-named user sheets, repeated template inserts and runs, saves: no user cell changes.
  list.push({
    name: "ownership",
    weight: 3,
    run: (seed) => judgeOwnership(one(ownershipCaseArb, seed)),
  });
  for (const command of commands) {
    const arb = cliCaseArb(command);
    list.push({
      name: `cli ${command.name}`,
      weight: 1,
      run: (seed) => judgeCommand(command, one(arb, seed)),
    });
  }
  const only = process.env.FUZZ_TARGET;
  return only ? list.filter((t) => t.name.includes(only)) : list;
}

async function run(): Promise<number> {
  const cases = Number(process.env.FUZZ_CASES ?? 10_000);
  const baseSeed = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
  const list = targets();
  if (list.length === 0) {
    process.stderr.write("No fuzz targets.\n");
    return 1;
  }
  // Round-robin over a list where each target appears `weight` times, so every target gets its share.
  const schedule = list.flatMap((t) => Array.from({ length: t.weight }, () => t));
  const tally = newTally();
  const started = Date.now();
  process.stdout.write(
    `ntm fuzz: ${cases} cases, seed ${baseSeed}, targets: ${list.map((t) => t.name).join(", ")}\n`
  );
  for (let i = Number(process.env.FUZZ_START ?? 0); i < cases; i++) {
    const target = schedule[i % schedule.length];
    const seed = (baseSeed + i) % 2_147_483_647;
    // FUZZ_TRACE=1 names each case before it runs, to find the one that does not finish.
    if (process.env.FUZZ_TRACE) process.stdout.write(`  case ${i}: ${target.name} seed ${seed}\n`);
    let verdict: Verdict;
    try {
      verdict = await target.run(seed);
    } catch (e) {
      // The harness itself failed (e.g. the generator): count it as a crash so it is seen.
      verdict = { target: target.name, outcome: "crash", error: e, changed: [], problems: [] };
    }
    record(tally, verdict, seed);
    if ((i + 1) % 1000 === 0)
      process.stdout.write(`  … ${i + 1} cases (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }
  await removeTemp();

  const rows = [...tally.byTarget.entries()].map(
    ([name, t]) =>
      `  ${name.padEnd(28)} ${String(t.cases).padStart(6)} ${String(t.ok).padStart(6)} ${String(t.inputErrors).padStart(8)} ${String(t.cancelled).padStart(9)} ${String(t.crashes).padStart(7)}`
  );
  process.stdout.write(
    [
      "",
      `  ${"target".padEnd(28)} ${"cases".padStart(6)} ${"ok".padStart(6)} ${"InputErr".padStart(8)} ${"cancelled".padStart(9)} ${"crashes".padStart(7)}`,
      ...rows,
      "",
      `cases: ${tally.cases}`,
      `errors reported (InputError): ${tally.inputErrors}`,
      `cancelled (AbortSignal): ${tally.cancelled}`,
      `crashes: ${tally.crashes}`,
      `cells changed: ${tally.cellsChanged}`,
      `contract problems (error without cell, two-line message, NaN in results…): ${tally.problems}`,
      `notes (soft findings, not failing: e.g. error lines over 2,000 characters): ${tally.notes}`,
      `time: ${Math.round((Date.now() - started) / 1000)} s`,
      "",
    ].join("\n")
  );
  if (tally.failures.length > 0) {
    process.stdout.write(
      'First failures (replay with FUZZ_SEED=<seed> FUZZ_CASES=1 FUZZ_TARGET="<target>"):\n'
    );
    for (const f of tally.failures.slice(0, 20))
      process.stdout.write(`  [seed ${f.seed}] ${f.target}: ${f.what}\n`);
  }
  return tally.crashes > 0 || tally.cellsChanged > 0 || tally.problems > 0 ? 1 : 0;
}

run().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`fuzz runner failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  }
);
