// Runs a planning job from the CLI: one input file, the command's flags as job options, file named in errors.

import type { JobRequest, PlanningJob } from "../../workbook/jobs/job";
import type { CommandInput, CommandResult } from "../command";
import { inFile, openWorkbook } from "../io";

/** Runs `job` on FILE with the given options; an input error from a sheet also names the file. */
export async function runJobOnFile(
  job: PlanningJob,
  file: string,
  inputId: string,
  input: CommandInput,
  optionIds: string[]
): Promise<CommandResult> {
  const workbook = await openWorkbook(file);
  const sheet = typeof input.options.sheet === "string" ? input.options.sheet : undefined;
  const options: JobRequest["options"] = {};
  for (const id of optionIds) {
    const value = input.options[id];
    if (value !== undefined) options[id] = value;
  }
  return inFile(file, async () => {
    const result = await job.run({ inputs: { [inputId]: { workbook, sheet } }, options });
    const json =
      result.warnings.length > 0 ? { ...result.json, warnings: result.warnings } : result.json;
    const warnings = result.warnings.map((w) => `! ${w.vi} / ${w.en}`);
    return { json, text: [result.text, ...warnings].join("\n"), sheets: result.sheets };
  });
}
