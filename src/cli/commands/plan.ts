// `ntm-plan plan FILE`: the whole yearly planning in one run — every job whose input sheets the file has.

import { JOBS } from "../../workbook/jobs";
import { detectInputs, matchJobInputs } from "../../workbook/jobs/detect";
import type { JobRequest, PlanningJob } from "../../workbook/jobs/job";
import type { OutputSheet } from "../../workbook/output";
import { numberOption, requireFile, stringOption, type CliCommand } from "../command";
import { inFile, openWorkbook } from "../io";

const USAGE =
  "ntm-plan plan FILE [--year Y] [--budget B] [--max-per-commune K] [--method greedy|optimal] " +
  "[--ratio R] [--to YEAR] [--total T] [--json] [--out result.xlsx]";

/** Jobs that need a figure only the user can give are run only when it is given. */
const NEEDS_OPTION: Partial<Record<PlanningJob["id"], string>> = {
  allocate: "total",
  roadmap: "budget",
};

interface JobReport {
  id: string;
  label: string;
  status: "done" | "skipped";
  reason?: string;
  sheets?: Record<string, string | undefined>;
  result?: Record<string, unknown>;
}

export const planCommand: CliCommand = {
  name: "plan",
  summary: {
    vi: "Chạy toàn bộ kế hoạch năm trên tệp: tổng hợp, chỉ tiêu, nguồn vốn, đối ứng, phân bổ, lộ trình",
    en: "Run the whole yearly planning on a file: summary, targets, funding, counterpart, allocation, roadmap",
  },
  usage: USAGE,
  options: {
    year: { type: "string" },
    budget: { type: "string" },
    "max-per-commune": { type: "string" },
    method: { type: "string" },
    ratio: { type: "string" },
    to: { type: "string" },
    total: { type: "string" },
  },
  async run(input) {
    const file = requireFile(input, USAGE);
    const year =
      numberOption(input, "year", { integer: true, min: 2000 }) ?? new Date().getFullYear();
    const common: JobRequest["options"] = {
      year,
      from: year,
      budget: numberOption(input, "budget", { min: 0 }),
      "max-per-commune": numberOption(input, "max-per-commune", { integer: true, min: 1 }),
      method: stringOption(input, "method"),
      ratio: numberOption(input, "ratio", { min: 0 }) ?? 1,
      to: numberOption(input, "to", { integer: true, min: 2000 }) ?? year,
      total: numberOption(input, "total", { min: 0 }),
    };
    const workbook = await openWorkbook(file);
    const detected = await inFile(file, () => detectInputs(workbook));

    const reports: JobReport[] = [];
    const texts: string[] = [];
    const sheets: OutputSheet[] = [];
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
      const result = await inFile(file, () => job.run({ inputs, options }));
      reports.push({ id: job.id, label, status: "done", sheets: chosen, result: result.json });
      const warnings = result.warnings.map((w) => `! ${w.vi} / ${w.en}`);
      texts.push([`== ${label}`, result.text, ...warnings].join("\n"));
      sheets.push(...result.sheets);
    }
    return { json: { file, year, jobs: reports }, text: texts.join("\n\n"), sheets };
  },
};
