// `ntm-plan plan FILE`: the whole yearly planning in one run — every job whose input sheets the file has.

import { warningLine } from "../../engine/errors";
import { pushAll } from "../../engine/arrays";
import { JOBS } from "../../workbook/jobs";
import { matchJobInputs } from "../../workbook/reading/detect";
import { settleRunContext } from "../../workbook/reading/context";
import { uniqueReadings, type JobRequest, type PlanningJob } from "../../workbook/jobs/job";
import { readingText } from "../../workbook/reading/text";
import type { TableReading } from "../../workbook/reading/types";
import type { OutputSheet } from "../../workbook/output";
import type { JobOptionSpec } from "../../engine/options";
import { readOption } from "../../engine/options";
import { requireFile, type CliCommand } from "../command";
import { flagDocs, flagOptions, flagUsage, flagValues } from "../job-flags";
import { inFile, openWorkbook } from "../io";
import { yearLine, yearMissing } from "../../workbook/reading/year";
import type { Bilingual } from "../../engine/errors";
import {
  ASSUMPTIONS_SHEET,
  assumptionsSheet,
  type AssumedOptions,
} from "../../workbook/assumptions";
import { labelled } from "../../workbook/jobs/assumed";

/** Flags plan passes on to the jobs that declare them; each job reads and checks its own (one rule per option). */
const PLAN_FLAGS = [
  "year",
  "budget",
  "max-per-commune",
  "default-cost",
  "method",
  "ratio",
  "to",
  "total",
];

/** Jobs that need a figure only the user can give are run only when it is given. */
const NEEDS_OPTION: Partial<Record<PlanningJob["id"], string>> = {
  allocate: "total",
  roadmap: "budget",
};

/** The counterpart check's minimum when none is given: assumed, and said so wherever it is used. */
export const ASSUMED_RATIO = {
  value: 1,
  why: {
    vi: "giả định 1:1 (chưa nhập tỷ lệ tối thiểu)",
    en: "assumed 1:1 (no minimum ratio given)",
  },
};

/** What plan assumes for a flag left out, from the plan year it settled; applied and said by every job using it. */
function planAssumed(year: number): AssumedOptions {
  return {
    ratio: ASSUMED_RATIO,
    to: {
      value: year,
      why: { vi: "năm kế hoạch (chưa nhập năm cuối)", en: "the plan year (no last year given)" },
    },
  };
}

/** What leaving a flag out does in plan, per job that takes it: generated from what plan and each job do. */
function planAbsent(id: string): Bilingual | undefined {
  if (id === "ratio") return ASSUMED_RATIO.why;
  if (id === "to") return { vi: "năm kế hoạch (giả định)", en: "the plan year (assumed)" };
  const parts: { job: Bilingual; own: Bilingual }[] = [];
  for (const job of JOBS) {
    const spec = job.options.find((s) => s.id === id);
    if (!spec) continue;
    const own =
      NEEDS_OPTION[job.id] === id
        ? { vi: "bỏ qua", en: "skipped" }
        : spec.default !== undefined
          ? { vi: String(spec.default), en: String(spec.default) }
          : spec.absent;
    if (own) parts.push({ job: job.label, own });
  }
  if (parts.length === 0) return undefined;
  // One job, or every job saying the same: said once.
  if (parts.every((p) => p.own.vi === parts[0].own.vi)) return parts[0].own;
  return {
    vi: parts.map((p) => `${p.job.vi}: ${p.own.vi}`).join("; "),
    en: parts.map((p) => `${p.job.en}: ${p.own.en}`).join("; "),
  };
}

const SPECS: JobOptionSpec[] = PLAN_FLAGS.map((id) => {
  const spec = JOBS.flatMap((j) => j.options).find((s) => s.id === id);
  if (!spec) throw new Error(`plan: no job declares --${id}`);
  const users = JOBS.filter((j) => j.options.some((s) => s.id === id)).map((j) => j.label);
  const absent = planAbsent(id);
  const used = {
    vi: `Dùng cho: ${users.map((u) => u.vi).join(", ")}`,
    en: `Used by: ${users.map((u) => u.en).join(", ")}`,
  };
  // plan's own words: what it does without the flag, and which jobs take it; no default it does not apply.
  return {
    ...spec,
    default: undefined,
    absent,
    help: spec.help
      ? { vi: `${spec.help.vi}. ${used.vi}`, en: `${spec.help.en}. ${used.en}` }
      : used,
    required: false,
  };
});

const USAGE = `ntm-plan plan FILE ${flagUsage(SPECS)} [--json] [--out result.xlsx]`;

interface JobReport {
  id: string;
  label: string;
  status: "done" | "skipped";
  reason?: string;
  sheets?: Record<string, string | undefined>;
  result?: Record<string, unknown>;
  warnings?: { vi: string; en: string; sheet?: string; cell?: string }[];
}

export const planCommand: CliCommand = {
  name: "plan",
  summary: {
    vi: "Chạy toàn bộ kế hoạch năm trên tệp: tổng hợp, chỉ tiêu, nguồn vốn, đối ứng, phân bổ, lộ trình",
    en: "Run the whole yearly planning on a file: summary, targets, funding, counterpart, allocation, roadmap",
  },
  usage: USAGE,
  flags: flagDocs(SPECS),
  optionSpecs: SPECS,
  options: flagOptions(SPECS),
  async run(input) {
    const file = requireFile(input, USAGE);
    const given = flagValues(SPECS, input);
    // Every flag checked by its declaration before any job runs, so a bad one is refused whatever the file holds.
    for (const spec of SPECS) readOption(spec, given[spec.id]);
    const yearSpec = SPECS[PLAN_FLAGS.indexOf("year")];
    const givenYear = readOption(yearSpec, given.year) as number | undefined;
    const workbook = await openWorkbook(file);
    // Settled once for every job (src/workbook/reading/context.ts): the inputs, one plan year (--year, else the data,
    // status sheet first, else ask — never the calendar) and the merger mapping.
    const context = await inFile(file, async () => {
      const settled = await settleRunContext(workbook, { year: givenYear });
      if (!settled.year) throw yearMissing(settled.yearAt);
      return settled;
    });
    const detected = context.inputs;
    const planYear = context.year!;
    const year = planYear.value;
    // Raw values: each job reads them by its own declaration, so plan and the job commands agree. The year goes to
    // the jobs settled (request.year), with its source, not as an option.
    const common: JobRequest["options"] = { ...given, year: undefined };
    const assumed = planAssumed(year);

    const reports: JobReport[] = [];
    const texts: string[] = [
      [...yearLine(planYear), ...context.warnings.map(warningLine)].join("\n"),
    ];
    const sheets: OutputSheet[] = [];
    const assumptions: ReturnType<typeof labelled> = [];
    const readings: TableReading[] = [];
    for (const job of JOBS) {
      const label = `${job.label.vi} / ${job.label.en}`;
      const { sheets: chosen, missing } = matchJobInputs(job, detected);
      const needed = NEEDS_OPTION[job.id];
      if (missing.length > 0 || (needed && common[needed] === undefined)) {
        const reason =
          missing.length > 0
            ? `không có trang ${missing.map((m) => m.label.vi).join(", ")} / no ${missing.map((m) => m.label.en).join(", ")} sheet`
            : `cần --${needed} / needs --${needed}`;
        reports.push({ id: job.id, label, status: "skipped", reason });
        texts.push(`== ${label}\n(bỏ qua / skipped: ${reason})`);
        continue;
      }
      const options: JobRequest["options"] = {};
      for (const spec of job.options)
        if (common[spec.id] !== undefined) options[spec.id] = common[spec.id];
      const inputs: JobRequest["inputs"] = {};
      for (const [id, sheet] of Object.entries(chosen)) if (sheet) inputs[id] = { workbook, sheet };
      const result = await inFile(file, () =>
        job.run({ inputs, options, year: planYear, context, assumed })
      );
      // Each job's reading in its part of the JSON, as the job's own command gives it.
      reports.push({
        id: job.id,
        label,
        status: "done",
        sheets: chosen,
        result: { ...result.json, reading: result.reading },
        // Each job's warnings with their cells, as the job's own command gives them.
        ...(result.warnings.length > 0 ? { warnings: result.warnings } : {}),
      });
      pushAll(readings, result.reading);
      const warnings = result.warnings.map(warningLine);
      texts.push([`== ${label}`, result.text, ...warnings].join("\n"));
      pushAll(
        sheets,
        result.sheets.filter((s) => s.sheet !== ASSUMPTIONS_SHEET)
      );
      pushAll(assumptions, labelled(job.label, result.assumptions ?? []));
    }
    // One sheet of the run's assumptions, each with its job (every job's own would overwrite the one before).
    if (assumptions.length > 0) sheets.push(assumptionsSheet(assumptions));
    // One "Đã đọc / Read" block for the run: a table several jobs read is shown once.
    const reading = uniqueReadings(readings);
    return {
      json: { file, year: planYear, yearWarnings: context.warnings, jobs: reports, reading },
      text: [texts.join("\n\n"), ...readingText(reading)].join("\n"),
      sheets,
    };
  },
};
