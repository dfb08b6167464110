// What the fuzzer runs: every reader, every job in JOBS and every CLI command, each with its case generator.

import fc from "fast-check";
import type { CliCommand } from "../../src/cli/command";
import { commands } from "../../src/cli/commands";
import { CATALOGUE_2021_2025 } from "../../src/engine/catalogues";
import { readCatalogues } from "../../src/workbook/readers/catalogue";
import { readCommunes } from "../../src/workbook/readers/communes";
import { TEMPLATES } from "../../src/workbook/templates";
import type { Grid } from "../../src/workbook/grid";
import type { OutputSheet } from "../../src/workbook/output";
import { JOBS } from "../../src/workbook/jobs";
import type { InputKind, JobOptionSpec, PlanningJob } from "../../src/workbook/jobs/job";
import {
  locateTable,
  numberCell,
  textCell,
  type ColumnSpec,
} from "../../src/workbook/readers/table";
import {
  junkValue,
  messyWorkbook,
  nameVariant,
  outputSheetsArb,
  type WorkbookModel,
} from "./generators";
import type { CliCase, JobCase, ReaderUnderTest, WriterCase } from "./harness";

const NUMERIC_HEADER = /^(số|chi phí|hệ số|cận|tỷ lệ|năm|tt$|stt$)/i;

/** The shared table locator and cell readers, driven by each template's headers (what every reader builds on). */
function locatorReader(kind: InputKind): ReaderUnderTest {
  const template = TEMPLATES.find((t) => t.id === kind)!;
  const specs: ColumnSpec[] = template.columns.map((c, i) => ({
    key: `c${i}`,
    aliases: [c.header],
    required: i === 0,
  }));
  return {
    name: `locator:${kind}`,
    kind,
    read(grid: Grid) {
      const table = locateTable(grid, specs, template.label);
      const out: unknown[] = [];
      for (const r of table.dataRows) {
        for (const [i, c] of template.columns.entries()) {
          const col = table.columns[`c${i}`];
          if (col === undefined) continue;
          out.push(
            NUMERIC_HEADER.test(c.header)
              ? numberCell(grid, r, col, { what: template.label, min: 0 })
              : textCell(grid, r, col, template.label)
          );
        }
      }
      return out;
    },
  };
}

export const READERS: ReaderUnderTest[] = [
  ...(["communes", "costs", "budget", "brackets", "coefficients", "catalogue"] as InputKind[]).map(
    locatorReader
  ),
  {
    name: "readCommunes",
    kind: "communes",
    read: (grid) => readCommunes(grid, { catalogue: CATALOGUE_2021_2025 }),
  },
  { name: "readCatalogues", kind: "catalogue", read: (grid) => readCatalogues(grid) },
];

// ---------------------------------------------------------------------------------------------------------------

const junkNumberText = fc.constantFrom(
  "abc",
  "1.234",
  "3,5",
  "-1",
  "0",
  "1e3",
  "",
  "NaN",
  "Infinity",
  "6,21%"
);

function optionArb(spec: JobOptionSpec): fc.Arbitrary<string | number | boolean | undefined> {
  const dflt = fc.constant(spec.default);
  switch (spec.type) {
    case "number":
      return fc.oneof(
        { weight: 12, arbitrary: dflt },
        { weight: 3, arbitrary: fc.integer({ min: -3, max: 60 }) },
        { weight: 2, arbitrary: fc.double({ min: 0, max: 1e7, noNaN: true }) },
        { weight: 1, arbitrary: fc.integer({ min: 100, max: 5_000_000 }) },
        { weight: 1, arbitrary: junkNumberText }
      );
    case "choice":
      return fc.oneof(
        {
          weight: 6,
          arbitrary: fc.constantFrom(...(spec.choices ?? []).map((c) => c.value), spec.default),
        },
        { weight: 1, arbitrary: fc.constantFrom("khong-co", "", "GREEDY") }
      );
    case "boolean":
      return fc.oneof(
        { weight: 6, arbitrary: fc.boolean() },
        { weight: 1, arbitrary: fc.constantFrom(undefined, "true", "0") }
      );
    default:
      return fc.oneof(
        { weight: 12, arbitrary: dflt },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
        { weight: 1, arbitrary: junkNumberText }
      );
  }
}

function optionsArb(specs: JobOptionSpec[]): fc.Arbitrary<JobCase["options"]> {
  return fc.tuple(...specs.map(optionArb)).map((values) => {
    const options: JobCase["options"] = {};
    specs.forEach((s, i) => {
      if (values[i] !== undefined) options[s.id] = values[i];
    });
    return options;
  });
}

/** Which sheet each input names: none (found by headers), its own, its name in another case, or one that is absent. */
function sheetRefs(model: WorkbookModel, ids: string[], modes: number[]): JobCase["sheetRefs"] {
  const refs: JobCase["sheetRefs"] = {};
  ids.forEach((id, i) => {
    const own = model.sheets.find((s) => s.role === id)?.name;
    const mode = modes[i] % 10;
    refs[id] =
      mode < 4
        ? undefined
        : mode < 8
          ? own
          : mode === 8 && own
            ? nameVariant(own, modes[i])
            : "Không có trang này";
  });
  return refs;
}

export function jobCaseArb(job: PlanningJob, maxMutations = 4): fc.Arbitrary<JobCase> {
  return fc
    .array(fc.nat({ max: 9 }), { minLength: job.inputs.length, maxLength: job.inputs.length })
    .chain((keep) => {
      // Required inputs are nearly always there; optional ones half the time.
      const used = job.inputs.filter((inp, i) => (inp.required ? keep[i] > 0 : keep[i] >= 5));
      return fc.record({
        model: messyWorkbook(used, maxMutations),
        adapter: fc.constantFrom<JobCase["adapter"]>("memory", "memory", "exceljs", "xlsx"),
        aborted: fc.boolean(),
        modes: fc.array(fc.nat(), { minLength: job.inputs.length, maxLength: job.inputs.length }),
        options: optionsArb(job.options),
      });
    })
    .map(({ model, adapter, aborted, modes, options }) => ({
      model,
      adapter,
      aborted,
      options,
      sheetRefs: sheetRefs(
        model,
        job.inputs.map((i) => i.id),
        modes
      ),
    }));
}

// ---------------------------------------------------------------------------------------------------------------

/** The job a command runs, when it runs one (same id); its inputs tell which sheets to generate. */
export function jobOfCommand(command: CliCommand): PlanningJob | undefined {
  return JOBS.find((j) => j.id === command.name);
}

function flagValue(name: string, model: WorkbookModel): fc.Arbitrary<string> {
  const sheetNames = model.sheets.map((s) => s.name);
  // Options naming another input file get the generated file itself (it holds every input sheet) or a missing one.
  if (/catalogue|costs|budget|brackets|coefficients|targets|file/.test(name)) {
    return fc.constantFrom("{file}", "{file}", "khong-co.xlsx");
  }
  if (/period|giai/.test(name)) {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom("2021-2025", "2016-2020", "2011-2015", "2026-2030") },
      { weight: 1, arbitrary: fc.constantFrom("2020", "x", "") }
    );
  }
  if (/bands/.test(name)) {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom("19,15-18,10-14,5-9,0-4", "19,10-18,0-9", "0-19") },
      { weight: 1, arbitrary: fc.constantFrom("20-25", "a-b", "5-1", "") }
    );
  }
  if (/sheet|trang/.test(name) && sheetNames.length > 0) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...sheetNames) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...sheetNames.map((n) => n.toUpperCase()), "Không có"),
      }
    );
  }
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 100_000 }).map(String) },
    { weight: 1, arbitrary: fc.integer({ min: -5, max: 30 }).map(String) },
    { weight: 1, arbitrary: junkNumberText },
    {
      weight: 1,
      arbitrary: fc.constantFrom("greedy", "exact", "vi", "en", "2021-2025", "2011-2015", "1:1"),
    },
    { weight: 1, arbitrary: fc.constantFrom(...sheetNames, "x") }
  );
}

export function cliCaseArb(command: CliCommand, maxMutations = 4): fc.Arbitrary<CliCase> {
  const job = jobOfCommand(command);
  const inputs = job
    ? job.inputs.filter((i) => i.required)
    : [{ id: "communes", kind: "communes" as InputKind }];
  const flags = Object.entries(command.options);
  return messyWorkbook(inputs, maxMutations).chain((model) =>
    fc
      .record({
        csv: fc.boolean().map((b) => b && model.sheets.length === 1),
        json: fc.boolean(),
        // Results to a new file, to the input file itself (which must be refused), or not written.
        out: fc.constantFrom<string | null>("{out}", "{file}", null, null, null),
        flags: fc.tuple(
          ...flags.map(([name, spec]) =>
            // Each option is given one time in three: defaults are the common case.
            fc.oneof(
              { weight: 2, arbitrary: fc.constant(null) },
              {
                weight: 1,
                arbitrary:
                  spec.type === "boolean"
                    ? fc.constant(`--${name}`)
                    : flagValue(name, model).map((v) => `--${name}=${v}`),
              }
            )
          )
        ),
      })
      .map(({ csv, json, out, flags: chosen }) => ({
        model,
        csv,
        args: [
          "{file}",
          ...chosen.filter((f): f is string => f !== null),
          ...(json ? ["--json"] : []),
          ...(out ? ["--out", out] : []),
        ],
      }))
  );
}

/** A user's workbook, results of an earlier run, and new results to write over them. */
export const writerCaseArb: fc.Arbitrary<WriterCase> = fc.record({
  model: messyWorkbook([{ id: "communes", kind: "communes" }], 2),
  adapter: fc.constantFrom<WriterCase["adapter"]>("memory", "memory", "exceljs", "xlsx"),
  earlier: fc.oneof(fc.constant<OutputSheet[]>([]), outputSheetsArb),
  results: outputSheetsArb,
});

export { JOBS, commands, junkValue };
