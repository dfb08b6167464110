// `ntm-plan targets FILE`: next year's target criteria per commune within a budget (greedy or exact).

import { isInputError } from "../../engine/errors";
import { targetsJob } from "../../workbook/jobs/targets";
import { numberOption, requireFile, stringOption, type CliCommand } from "../command";
import { openWorkbook } from "../io";

const USAGE =
  "ntm-plan targets FILE [--costs FILE] [--budget M] [--max-per-commune K] [--method greedy|optimal] [--year Y] [--period 2021-2025|2026-2030] [--cap-unit indicators|criteria] [--default-cost M] [--time-limit S] [--json]";

export const targetsCommand: CliCommand = {
  name: "targets",
  summary: {
    vi: "Chỉ tiêu phấn đấu năm tới cho từng xã, trong ngân sách",
    en: "Next year's target criteria per commune, within the budget",
  },
  usage: USAGE,
  options: {
    costs: { type: "string" },
    budget: { type: "string" },
    "max-per-commune": { type: "string" },
    method: { type: "string" },
    year: { type: "string" },
    period: { type: "string" },
    "time-limit": { type: "string" },
    "cap-unit": { type: "string" },
    "default-cost": { type: "string" },
  },
  async run(input) {
    const file = requireFile(input, USAGE);
    const options = {
      budget: numberOption(input, "budget", { min: 0 }),
      "max-per-commune": numberOption(input, "max-per-commune", { min: 0, integer: true }),
      year: numberOption(input, "year", { min: 1900, integer: true }),
      "time-limit": numberOption(input, "time-limit", { min: 0.1 }),
      method: stringOption(input, "method"),
      period: stringOption(input, "period"),
      "cap-unit": stringOption(input, "cap-unit"),
      "default-cost": numberOption(input, "default-cost", { min: 0 }),
    };
    const costsFile = stringOption(input, "costs");
    const book = await openWorkbook(file);
    const costsBook = costsFile ? await openWorkbook(costsFile) : undefined;
    const costsSheets = costsBook ? new Set(await costsBook.sheetNames()) : new Set<string>();
    try {
      const result = await targetsJob.run({
        inputs: {
          communes: { workbook: book },
          costs: costsBook ? { workbook: costsBook } : undefined,
        },
        options,
      });
      return { json: result.json, text: result.text, sheets: result.sheets };
    } catch (e) {
      // Readers name the sheet and cell; the CLI adds which file it was.
      if (isInputError(e) && e.sheet)
        throw e.inFile(costsFile && costsSheets.has(e.sheet) ? costsFile : file);
      throw e;
    }
  },
};
