// What the fuzzer runs: every reader, every job in JOBS and every CLI command, each with its case generator.

import fc from "fast-check";
import type { CliCommand } from "../../src/cli/command";
import { commands } from "../../src/cli/commands";
import { CATALOGUE_2021_2025 } from "../../src/engine/catalogues";
import { readBrackets } from "../../src/workbook/readers/brackets";
import { readBudget } from "../../src/workbook/readers/budget";
import { readCatalogues } from "../../src/workbook/readers/catalogue";
import { readCoefficients } from "../../src/workbook/readers/coefficients";
import { readCosts } from "../../src/workbook/readers/costs";
import { readPeriodTargets } from "../../src/workbook/readers/period-targets";
import { readSourceMapping } from "../../src/workbook/readers/source-mapping";
import { readCommunes } from "../../src/workbook/readers/communes";
import { TEMPLATES } from "../../src/workbook/templates";
import { buildMergeMap } from "../../src/engine/merge";
import { readCommuneMoney, readMergeMap } from "../../src/workbook/readers/merge";
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
  communeName,
  junkValue,
  messyWorkbook,
  nameVariant,
  outputSheetsArb,
  type ExtraKind,
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

/** The communes the generated costs sheets name (the generators' first twenty). */
const KNOWN_COMMUNES = Array.from({ length: 20 }, (_, i) => ({
  name: communeName(i),
  achieved: [],
  count: 0,
}));

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
  { name: "readBudget", kind: "budget", read: (grid) => readBudget(grid) },
  { name: "readBrackets", kind: "brackets", read: (grid) => readBrackets(grid) },
  { name: "readCoefficients", kind: "coefficients", read: (grid) => readCoefficients(grid) },
  {
    name: "readCoefficients(need)",
    kind: "coefficients",
    read: (grid) => readCoefficients(grid, { basis: "need" }),
  },
  {
    name: "readCosts",
    kind: "costs",
    read: (grid) => readCosts(grid, { communes: KNOWN_COMMUNES, catalogue: CATALOGUE_2021_2025 }),
  },
  { name: "readPeriodTargets", kind: "periodTargets", read: (grid) => readPeriodTargets(grid) },
  { name: "readSourceMapping", kind: "mapping", read: (grid) => readSourceMapping(grid) },
  { name: "readMergeMap", kind: "merge", read: (grid) => buildMergeMap(readMergeMap(grid)) },
  { name: "readCommuneMoney", kind: "money", read: (grid) => readCommuneMoney(grid) },
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
    case "number": {
      const realistic = realisticByName(spec.id);
      // An option without a default is one the user must give (a budget, a year): give it most of the time.
      // Two ways to state one thing (a ratio, or brackets with a support share) are each given half the time.
      const alternative = /ratio|share/.test(spec.id);
      if (spec.default === undefined && realistic) {
        return fc.oneof(
          {
            weight: alternative ? 12 : 40,
            arbitrary: realistic.map((v) => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)),
          },
          { weight: alternative ? 12 : 2, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: junkNumberText }
        );
      }
      return fc.oneof(
        { weight: 30, arbitrary: dflt },
        { weight: realistic ? 6 : 1, arbitrary: realistic ?? dflt },
        { weight: 1, arbitrary: fc.integer({ min: -3, max: 60 }) },
        { weight: 1, arbitrary: fc.double({ min: 0, max: 1e7, noNaN: true }) },
        { weight: 1, arbitrary: fc.integer({ min: 100, max: 5_000_000 }) },
        { weight: 1, arbitrary: junkNumberText }
      );
    }
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
    const mode = modes[i] % 20;
    refs[id] =
      mode < 8
        ? undefined
        : mode < 17
          ? own
          : mode < 19 && own
            ? nameVariant(own, modes[i])
            : "Không có trang này";
  });
  return refs;
}

/**
 * The counterpart minimum is stated once: a ratio, or a bracket table with a support share. Given both (or
 * neither), the job rightly refuses; most cases keep to one so that the reading and checking get exercised.
 */
function statedOnce(
  job: PlanningJob,
  model: WorkbookModel,
  options: JobCase["options"]
): JobCase["options"] {
  if (
    !job.options.some((o) => o.id === "ratio") ||
    !job.options.some((o) => o.id === "support-share")
  )
    return options;
  const brackets = model.sheets.some((s) => s.role === "brackets");
  const out = { ...options };
  const seed = JSON.stringify(options).length % 8;
  if (seed === 0) return out; // as drawn: maybe both, maybe neither
  if (brackets) {
    delete out.ratio;
    out["support-share"] ??= 40;
  } else {
    delete out["support-share"];
    out.ratio ??= 1;
  }
  return out;
}

/** Extra sheets a job reads, told by its options: a period targets sheet, a source mapping sheet. */
export function extraSheetsOf(job: PlanningJob): { id: string; kind: ExtraKind }[] {
  const extras: { id: string; kind: ExtraKind }[] = [];
  if (job.options.some((o) => o.id === "targets-sheet"))
    extras.push({ id: "periodTargets", kind: "periodTargets" });
  if (job.options.some((o) => o.id === "mapping")) extras.push({ id: "mapping", kind: "mapping" });
  return extras;
}

export function jobCaseArb(job: PlanningJob, maxMutations = 4): fc.Arbitrary<JobCase> {
  return fc
    .array(fc.nat({ max: 9 }), { minLength: job.inputs.length, maxLength: job.inputs.length })
    .chain((keep) => {
      // Required inputs are nearly always there; optional ones half the time.
      const used: { id: string; kind: InputKind | ExtraKind }[] = job.inputs.filter((inp, i) =>
        inp.required ? keep[i] > 0 : keep[i] >= 5
      );
      // Sheets a job finds by itself in the same workbook, half the time.
      if (keep[0] % 2 === 0) used.push(...extraSheetsOf(job));
      return fc.record({
        model: messyWorkbook(used, maxMutations),
        adapter: fc.constantFrom<JobCase["adapter"]>("memory", "memory", "exceljs", "xlsx"),
        aborted: fc.boolean(),
        rerun: fc.nat({ max: 3 }).map((n) => n === 0),
        modes: fc.array(fc.nat(), { minLength: job.inputs.length, maxLength: job.inputs.length }),
        options: optionsArb(job.options),
      });
    })
    .map(({ model, adapter, aborted, rerun, modes, options }) => ({
      model,
      adapter,
      aborted,
      rerun,
      options: statedOnce(job, model, options),
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

/** Values a user would type for an option, told by its name (years, units, ratios, amounts), or null. */
export function realisticByName(name: string): fc.Arbitrary<string> | null {
  if (name === "from") return fc.constantFrom("2025", "2026", "2026");
  if (/^(to|year)$/.test(name)) return fc.integer({ min: 2026, max: 2032 }).map(String);
  if (name === "time-limit") return fc.constantFrom("0.5", "2", "5");
  if (name === "method") return fc.constantFrom("greedy", "optimal", "greedy");
  if (name === "basis") return fc.constantFrom("coefficient", "need");
  if (name === "unit") return fc.constantFrom("1", "10", "100");
  if (name === "round") return fc.constantFrom("0", "1", "2");
  if (/ratio|share|pace|average/.test(name)) return fc.constantFrom("1", "0.5", "1.5", "40", "60");
  if (name === "min") return fc.integer({ min: 0, max: 100 }).map(String);
  if (name === "cap") return fc.integer({ min: 1000, max: 50_000 }).map(String);
  if (
    /^(total|budget|cost|below|max-per-commune|max-below)$|^target-|-now$|-per-year$/.test(name)
  ) {
    return fc.integer({ min: 0, max: 50_000 }).map(String);
  }
  return null;
}

/** Realistic most of the time, now and then what a hurried user types instead. */
function realisticOrWild(name: string): fc.Arbitrary<string> | null {
  const realistic = realisticByName(name);
  if (!realistic) return null;
  return fc.oneof(
    { weight: 8, arbitrary: realistic },
    {
      weight: 1,
      arbitrary: fc.constantFrom("2023", "1990", "2200", "x", "2.025", "-1", "0", "0,8", "1e3"),
    }
  );
}

function flagValue(name: string, model: WorkbookModel, isFile: boolean): fc.Arbitrary<string> {
  const sheetNames = model.sheets.map((s) => s.name);
  // Options naming another input file get the generated file itself (it holds every input sheet) or a missing one.
  if (isFile) return fc.constantFrom("{file}", "{file}", "khong-co.xlsx");
  const realistic = realisticOrWild(name);
  if (realistic) return realistic;
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
  // `plan` runs every job the file has inputs for; `sheets` reads anything.
  const fileFlags = new Set([...command.usage.matchAll(/--([a-z-]+) FILE/g)].map((m) => m[1]));
  // Optional inputs given as a file ("--brackets FILE") are in the generated file, which such flags point to.
  const inputs: { id: string; kind: InputKind | ExtraKind }[] = job
    ? [...job.inputs.filter((i) => i.required || fileFlags.has(i.id)), ...extraSheetsOf(job)]
    : command.name === "plan"
      ? [
          ...new Map(
            JOBS.flatMap((j) => j.inputs.filter((i) => i.required)).map((i) => [
              i.kind,
              { id: i.id, kind: i.kind },
            ])
          ).values(),
          { id: "periodTargets", kind: "periodTargets" as const },
        ]
      : [{ id: "communes", kind: "communes" as InputKind }];
  const flags = Object.entries(command.options);
  // Options outside [brackets] in the usage line are required ("--total T" for allocate).
  const files = new Set([...command.usage.matchAll(/--([a-z-]+) FILE/g)].map((m) => m[1]));
  const outside = command.usage.replace(/\[[^\]]*\]/g, "");
  // "(--ratio R | --brackets FILE --support-share P)": one alternative is given, the others left out.
  const alternatives = [...outside.matchAll(/\(([^)]*\|[^)]*)\)/g)].map((m) =>
    m[1].split("|").map((alt) => [...alt.matchAll(/--([a-z-]+)/g)].map((f) => f[1]))
  );
  const flagsOf = (text: string) => [...text.matchAll(/--([a-z-]+)/g)].map((m) => m[1]);
  const plainRequired = flagsOf(outside.replace(/\([^)]*\|[^)]*\)/g, ""));
  return messyWorkbook(inputs, maxMutations).chain((model) =>
    fc
      .record({
        picks: fc.tuple(...alternatives.map((alts) => fc.nat({ max: alts.length - 1 }))),
        csv: fc.boolean().map((b) => b && model.sheets.length === 1),
        json: fc.boolean(),
        // Results to a new file, to the input file itself (which must be refused), or not written.
        out: fc.constantFrom<string | null>("{out}", "{file}", null, null, null),
        flags: fc.tuple(
          ...flags.map(([name, spec]) =>
            // Options the usage line requires are nearly always given; others one time in three.
            fc.record({
              name: fc.constant(name),
              given: fc.nat({ max: 9 }),
              text:
                spec.type === "boolean"
                  ? fc.constant(`--${name}`)
                  : flagValue(name, model, files.has(name)).map((v) => `--${name}=${v}`),
            })
          )
        ),
      })
      .map(({ csv, json, out, picks, flags: drawn }) => {
        const required = new Set(plainRequired);
        const excluded = new Set<string>();
        alternatives.forEach((alts, g) =>
          alts.forEach((names, a) =>
            names.forEach((n) => (a === picks[g] ? required : excluded).add(n))
          )
        );
        const chosen = drawn
          .filter((f) =>
            required.has(f.name) ? f.given > 0 : excluded.has(f.name) ? f.given === 0 : f.given < 3
          )
          .map((f) => f.text);
        return { csv, json, out, chosen };
      })
      .map(({ csv, json, out, chosen }) => ({
        model,
        csv,
        args: ["{file}", ...chosen, ...(json ? ["--json"] : []), ...(out ? ["--out", out] : [])],
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
