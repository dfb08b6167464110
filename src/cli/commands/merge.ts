// `ntm-plan merge FILE`: merged communes: what was merged into what, money and earlier statuses carried forward.

import { warningLine } from "../../engine/errors";
import { mergeJob } from "../../workbook/jobs/merge";
import { readingText } from "../../workbook/reading/text";
import type { InputRef } from "../../workbook/jobs/job";
import { detectInputs } from "../../workbook/reading/detect";
import { requireFile, type CliCommand } from "../command";
import { flagDocs, flagOptions, flagUsage, flagValues } from "../job-flags";
import { inFile, openWorkbook } from "../io";

// Hand-written run (the inputs are found on sheets of the one file); the flags come from the job's declaration.
const USAGE = `ntm-plan merge FILE ${flagUsage(mergeJob.options)} [--json] [--out result.xlsx]`;

export const mergeCommand: CliCommand = {
  name: "merge",
  summary: {
    vi: "Sáp nhập xã: bảng xã cũ → xã mới, kinh phí và tình trạng cũ cộng vào xã mới",
    en: "Merged communes: old → new, money and earlier statuses rolled up into the new communes",
  },
  usage: USAGE,
  options: flagOptions(mergeJob.options),
  flags: flagDocs(mergeJob.options),
  optionSpecs: mergeJob.options,
  async run(input) {
    const file = requireFile(input, USAGE);
    const workbook = await openWorkbook(file);
    return inFile(file, async () => {
      const detected = await detectInputs(workbook);
      const ref = (sheet: string | undefined): InputRef | undefined =>
        sheet ? { workbook, sheet } : undefined;
      const mapping = detected.merge?.[0];
      const result = await mergeJob.run({
        inputs: {
          mapping: { workbook, sheet: mapping },
          money: ref(detected.money?.find((s) => s !== mapping)),
          communes: ref(detected.communes?.find((s) => s !== mapping)),
        },
        options: flagValues(mergeJob.options, input),
      });
      const warnings = result.warnings.map(warningLine);
      return {
        json: { ...result.json, reading: result.reading },
        text: [result.text, ...warnings, ...readingText(result.reading)].join("\n"),
        sheets: result.sheets,
      };
    });
  },
};
