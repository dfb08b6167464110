// `ntm-plan report FILE`: the whole planning as a Word report — paragraphs and appendix tables — from the jobs' results.

import * as path from "node:path";
import { InputError } from "../../engine/errors";
import { buildReport } from "../../workbook/report/build";
import type { ReportDocument } from "../../workbook/report/model";
import { stringOption, type CliCommand } from "../command";
import { REPORT_FRAME_OPTIONS } from "../../engine/options";
import { flagDocs, flagOptions, flagUsage, flagValues } from "../job-flags";
import { frameTexts, reportFrame } from "../../workbook/report/frame";
import { planCommand } from "./plan";
import { readingText } from "../../workbook/reading/text";
import type { TableReading } from "../../workbook/reading/types";

const USAGE =
  "ntm-plan report FILE [--out bao-cao.docx] [--lang vi|en] [--year Y] [--budget B] [--max-per-commune K] " +
  "[--method greedy|optimal] [--ratio R] [--to YEAR] [--total T] [--results ket-qua.xlsx] [--json] " +
  flagUsage(REPORT_FRAME_OPTIONS.specs);

/** The report's text as the terminal shows it: headings and paragraphs, the appendices by title. */
export function reportText(report: ReportDocument): string {
  const frame = report.frame ? frameTexts(report.frame) : null;
  const lines = frame ? [...frame.head, ""] : [report.title, report.subtitle, ""];
  report.sections.forEach((s, i) => {
    lines.push(`${i + 1}. ${s.heading}`);
    for (const b of s.blocks) lines.push(b.kind === "bullet" ? `  - ${b.text}` : b.text);
    lines.push("");
  });
  if (frame) for (const l of [...frame.foot, ""]) lines.push(l);
  for (const a of report.appendices) lines.push(`${a.label}: ${a.title}`);
  return lines.join("\n");
}

interface PlanJob {
  id: string;
  status: string;
  result?: Record<string, unknown>;
}

export const reportCommand: CliCommand = {
  name: "report",
  summary: {
    vi: "Báo cáo Word (.docx): các đoạn văn và phụ lục bảng biểu từ kết quả tính toán",
    en: "Word report (.docx): the paragraphs and appendix tables from the computed results",
  },
  usage: USAGE,
  options: {
    ...planCommand.options,
    lang: { type: "string" },
    results: { type: "string" },
    ...flagOptions(REPORT_FRAME_OPTIONS.specs),
  },
  flags: [
    ...(planCommand.flags ?? []),
    { flag: "--lang vi|en", lines: ["Ngôn ngữ của báo cáo / Language of the report"] },
    {
      flag: "--results FILE.xlsx",
      lines: [
        "Ghi cả sổ kết quả (các trang KQ_…, trong đó KQ_TungXa: từng xã); báo cáo nêu tên tệp này",
        "Also write the results workbook (the KQ_… sheets, KQ_TungXa: each commune); the report names it",
      ],
    },
    ...flagDocs(REPORT_FRAME_OPTIONS.specs),
  ],
  optionSpecs: [...(planCommand.optionSpecs ?? []), ...REPORT_FRAME_OPTIONS.specs],
  async run(input) {
    const langOption = stringOption(input, "lang") ?? "vi";
    if (langOption !== "vi" && langOption !== "en") {
      throw new InputError({
        options: ["lang"],
        found: `--lang ${langOption}`,
        expected: { vi: "--lang vi hoặc --lang en", en: "--lang vi or --lang en" },
      });
    }
    // The frame's fields are read (and a date checked) before the jobs run.
    const frame = REPORT_FRAME_OPTIONS.parse(flagValues(REPORT_FRAME_OPTIONS.specs, input));
    reportFrame(frame, langOption, { title: "", subtitle: "" });
    const plan = await planCommand.run(input);
    // The plan year as plan settled it: --year, else the data's (plan refuses when neither says it).
    const year = (plan.json.year as { value: number }).value;
    const jobs = (plan.json.jobs as PlanJob[]) ?? [];
    const results: Record<string, unknown> = {};
    for (const job of jobs) if (job.status === "done" && job.result) results[job.id] = job.result;
    // The results workbook of the same run (--results): the report sends the reader to its per-commune sheet.
    const resultsOption = stringOption(input, "results");
    const resultsFile = resultsOption === undefined ? undefined : path.basename(resultsOption);
    const report = buildReport(results, { lang: langOption, year, resultsFile, frame });
    // What the run read, one entry per table (as plan gives it).
    const reading = (plan.json.reading as TableReading[] | undefined) ?? [];
    return {
      json: {
        file: plan.json.file,
        lang: langOption,
        sections: report.sections.map((s) => s.heading),
        frame: report.frame ?? null,
        appendices: report.appendices.map((a) => ({
          label: a.label,
          job: a.job,
          title: a.title,
          tables: a.tables.map((t) => t.id),
        })),
        jobs,
        reading,
      },
      text: [
        input.options.out
          ? reportText(report)
          : `${reportText(report)}\n\nGhi tệp Word / Write the Word file: --out bao-cao.docx`,
        ...readingText(reading),
      ].join("\n"),
      // Written only with --results (the CLI writes the document to --out).
      sheets: resultsOption === undefined ? [] : plan.sheets,
      // docx is loaded for this command only: the others start without it.
      document: await (await import("../../workbook/report/docx")).reportDocxFile(report),
    };
  },
};
