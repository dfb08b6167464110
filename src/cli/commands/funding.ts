// `ntm-plan funding FILE [--round N]`: funding mix by source, sum checks and plan vs actual, via the funding job.

import { fundingJob } from "../../workbook/jobs/funding";
import { numberOption, requireFile, stringOption, type CliCommand } from "../command";
import { inFile, openWorkbook } from "../io";

export const fundingCommand: CliCommand = {
  name: "funding",
  summary: {
    vi: "Cơ cấu nguồn vốn, kiểm tra cộng dồn, so sánh kế hoạch/thực hiện",
    en: "Funding mix by source, sum checks, plan vs actual",
  },
  usage: "ntm-plan funding FILE [--round N] [--sheet NAME] [--mapping SHEET] [--json]",
  options: {
    round: { type: "string" },
    sheet: { type: "string" },
    mapping: { type: "string" },
  },
  async run(input) {
    const file = requireFile(input, this.usage);
    const round = numberOption(input, "round", { integer: true, min: 0 });
    const book = await openWorkbook(file);
    const result = await inFile(file, () =>
      fundingJob.run({
        inputs: { budget: { workbook: book, sheet: stringOption(input, "sheet") } },
        options: { round, mapping: stringOption(input, "mapping") },
      })
    );
    const warnings = result.warnings.map(
      (w) => `! ${w.vi} / ${w.en}${w.cell ? ` [${w.sheet ?? ""}!${w.cell}]` : ""}`
    );
    return {
      json: { file, ...result.json, warnings: result.warnings },
      text: [result.text, ...warnings].join("\n"),
      sheets: result.sheets,
    };
  },
};
