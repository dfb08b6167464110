// One number rule in all four front ends: CLI options, task-pane fields, sheet cells and custom functions read
// "16,5", "1.000,5" and "1,000.5" alike, and a text that reads two ways is refused (options, functions) or warned
// (cells) in the same words.

import * as path from "node:path";
import { main } from "../../src/cli/main";
import { ambiguousNumberWords } from "../../src/engine/numbers";
import { functionNumber } from "../../src/functions/errors";
import { optionProblem, parseOptionInput } from "../../src/taskpane/run";
import { gridFromRows } from "../../src/workbook/grid";
import { ALLOCATE_OPTIONS } from "../../src/workbook/jobs/allocate-options";
import { ambiguousNumberWarnings, numberCell } from "../../src/workbook/readers/table";

const DISTRICTS = path.join(__dirname, "..", "fixtures", "allocation", "districts.csv");
const TOTAL = ALLOCATE_OPTIONS.specs.find((s) => s.id === "total")!;

/** text → the number every front end reads, or "two ways" when it must be refused or warned. */
const TABLE: [string, number | "two ways"][] = [
  ["16,5", 16.5],
  ["1.000,5", 1000.5],
  ["1,000.5", 1000.5],
  ["3.602.312", 3602312],
  ["3,602,312", 3602312],
  ["2.5", 2.5],
  ["1000", 1000],
  ["1.000", "two ways"],
  ["1,000", "two ways"],
  ["16,000", "two ways"],
];

async function cliTotal(text: string): Promise<{ value?: number; error?: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["allocate", DISTRICTS, "--total", text, "--unit", "0,5", "--json"], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  });
  return code === 0 ? { value: JSON.parse(out.join("")).total } : { error: err.join("\n") };
}

describe.each(TABLE)("%s", (text, expected) => {
  const words = ambiguousNumberWords(text);

  it("on the CLI (allocate --total)", async () => {
    const result = await cliTotal(text);
    if (expected === "two ways") {
      expect(result.error).toContain(words.vi);
      expect(result.error).toContain(words.en);
    } else expect(result.value).toBe(expected);
  });

  it("in a task-pane field", () => {
    if (expected === "two ways") {
      expect(parseOptionInput(TOTAL, text)).toBe(text);
      expect(optionProblem(TOTAL, text)).toContain(words.vi);
    } else {
      expect(parseOptionInput(TOTAL, text)).toBe(expected);
      expect(optionProblem(TOTAL, text)).toBeNull();
    }
  });

  it("in a sheet cell", () => {
    const grid = gridFromRows("Xã", [["Số tiền"], [text]]);
    const value = numberCell(grid, 1, 0, { what: { vi: "số tiền", en: "amount" } });
    const notes = ambiguousNumberWarnings(grid);
    if (expected === "two ways") {
      // Kept the Vietnamese way, with the same words as the refusals.
      expect(notes).toHaveLength(1);
      expect(notes[0].vi).toContain(words.vi);
      expect(notes[0].en).toContain(words.en);
    } else {
      expect(value).toBe(expected);
      expect(notes).toHaveLength(0);
    }
  });

  it("in a custom function argument", () => {
    if (expected === "two ways") expect(() => functionNumber(text)).toThrow(words.en);
    else expect(functionNumber(text)).toBe(expected);
  });
});

it("targets --budget 1.000 and allocate --total 1.000 are refused in the same words", async () => {
  const targets: string[] = [];
  await main(["targets", DISTRICTS, "--budget", "1.000"], {
    stdout: () => undefined,
    stderr: (t) => targets.push(t),
  });
  const allocate = await cliTotal("1.000");
  const words = ambiguousNumberWords("1.000");
  expect(targets.join("")).toContain(words.en);
  expect(allocate.error).toContain(words.en);
});
