// Property-based robustness: every reader, job and CLI command on generated messy workbooks (a small number of runs;
// `npm run fuzz` runs ten thousand).

import fc from "fast-check";
import { messySheet } from "./generators";
import {
  explain,
  isClean,
  judgeCommand,
  judgeJob,
  judgeReader,
  judgeWriter,
  removeTemp,
} from "./harness";
import { editedResultCaseArb, judgeOwnership, ownershipCaseArb } from "./ownership";
import { JOBS, READERS, cliCaseArb, commands, jobCaseArb, writerCaseArb } from "./targets";

const RUNS = Number(process.env.FUZZ_JEST_RUNS ?? 25);

// Generous limits: these bound a whole property run, not the speed of anything (speed is for benchmarks).
jest.setTimeout(300_000);

afterAll(() => removeTemp());

describe("readers on messy sheets", () => {
  it.each(READERS.map((r) => [r.name, r] as const))(
    "%s throws nothing but InputError with its cell and leaves the grid as it was",
    async (_name, reader) => {
      const kind = reader.kind === "junk" ? "communes" : reader.kind;
      await fc.assert(
        fc.asyncProperty(messySheet(kind), async (sheet) => {
          const v = await judgeReader(reader, sheet);
          if (!isClean(v)) throw new Error(explain(v));
        }),
        { numRuns: RUNS }
      );
    }
  );
});

describe("jobs on messy workbooks, through the in-memory and ExcelJS adapters", () => {
  for (const job of JOBS) {
    it(`${job.id} fails only with InputError and changes no existing cell, on success, error or cancel`, async () => {
      await fc.assert(
        fc.asyncProperty(jobCaseArb(job), async (c) => {
          const v = await judgeJob(job, c);
          if (!isClean(v)) throw new Error(explain(v));
        }),
        { numRuns: RUNS }
      );
    });
  }
});

describe("writing results next to a user's sheets", () => {
  it("never touches a user's sheet, and a failed write leaves the add-in's earlier results as they were", async () => {
    await fc.assert(
      fc.asyncProperty(writerCaseArb, async (c) => {
        const v = await judgeWriter(c);
        if (!isClean(v)) throw new Error(explain(v));
      }),
      { numRuns: RUNS * 2 }
    );
  });
});

describe("the user's sheets and the user's edits to result sheets", () => {
  it("renames, deletes, same-named sheets, templates, runs and saves change no cell of the user's", async () => {
    await fc.assert(
      fc.asyncProperty(ownershipCaseArb, async (c) => {
        const v = await judgeOwnership(c);
        if (!isClean(v)) throw new Error(explain(v));
      }),
      { numRuns: RUNS }
    );
  });

  it("a result sheet the user typed into survives the next run as '(sửa tay)', with a note", async () => {
    await fc.assert(
      fc.asyncProperty(editedResultCaseArb, async (c) => {
        const v = await judgeOwnership(c);
        if (!isClean(v)) throw new Error(explain(v));
      }),
      { numRuns: RUNS }
    );
  });
});

describe("CLI commands on messy files", () => {
  it.each(commands.map((c) => [c.name, c] as const))(
    "ntm-plan %s exits 0 or 2 with one bilingual line and leaves the input file as it was",
    async (_name, command) => {
      await fc.assert(
        fc.asyncProperty(cliCaseArb(command), async (c) => {
          const v = await judgeCommand(command, c);
          if (!isClean(v)) throw new Error(explain(v));
        }),
        { numRuns: Math.max(5, Math.floor(RUNS / 2)) }
      );
    }
  );
});
