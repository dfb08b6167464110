// `ntm-plan counterpart FILE (--ratio R | --brackets FILE --support-share P)`: counterpart ratio per column.

import { InputError, warningLine } from "../../engine/errors";
import { counterpartJob } from "../../workbook/jobs/counterpart";
import { readingText } from "../../workbook/reading/text";
import type { InputRef } from "../../workbook/jobs/job";
import { requireFile, stringOption, type CliCommand } from "../command";
import { flagDocs, flagOptions, flagValues } from "../job-flags";
import { inFile, openWorkbook } from "../io";

export const counterpartCommand: CliCommand = {
  name: "counterpart",
  summary: {
    vi: "Tỷ lệ vốn đối ứng ngân sách địa phương / trung ương",
    en: "Counterpart ratio of local to central budget",
  },
  usage:
    "ntm-plan counterpart FILE (--ratio R | [--brackets FILE] --support-share P | --ratio R --brackets FILE --support-share P) [--period 2021-2025|2026-2030] [--year Y] [--mapping NAME] [--sheet NAME] [--json] [--out result.xlsx]",
  // --brackets FILE is the one hand-written flag: a second file, allowed only with --support-share.
  flags: [
    {
      flag: "--brackets FILE",
      lines: [
        "Tệp bảng tỷ lệ đối ứng (đi kèm --support-share) / Counterpart bracket file (with --support-share)",
      ],
    },
    ...flagDocs(counterpartJob.options),
    { flag: "--sheet NAME", lines: ["Trang bảng nguồn vốn / Funding table sheet"] },
  ],
  optionSpecs: counterpartJob.options,
  options: {
    ...flagOptions(counterpartJob.options),
    brackets: { type: "string" },
    sheet: { type: "string" },
  },
  async run(input) {
    const file = requireFile(input, this.usage);
    const options = flagValues(counterpartJob.options, input);
    const bracketsFile = stringOption(input, "brackets");
    if (bracketsFile && stringOption(input, "support-share") === undefined) {
      throw new InputError({
        options: ["brackets", "support-share"],
        found: `--brackets ${bracketsFile}`,
        expected: {
          vi: "--brackets đi kèm --support-share P",
          en: "--brackets together with --support-share P",
        },
      });
    }
    const book = await openWorkbook(file);
    let brackets: InputRef | undefined;
    if (bracketsFile) brackets = { workbook: await openWorkbook(bracketsFile), file: bracketsFile };
    const bracketSheets = brackets ? await brackets.workbook.sheetNames() : [];
    const mainSheets = await book.sheetNames();
    let result;
    try {
      result = await counterpartJob.run({
        inputs: { budget: { workbook: book, sheet: stringOption(input, "sheet") }, brackets },
        options,
      });
    } catch (e) {
      // An error on a sheet of the bracket file names that file; everything else names the funding file.
      const sheet = e instanceof InputError ? e.sheet : undefined;
      const fromBrackets =
        bracketsFile && sheet && bracketSheets.includes(sheet) && !mainSheets.includes(sheet);
      return inFile(fromBrackets ? bracketsFile : file, () => Promise.reject(e));
    }
    const warnings = result.warnings.map(warningLine);
    return {
      json: { file, ...result.json, warnings: result.warnings, reading: result.reading },
      text: [result.text, ...warnings, ...readingText(result.reading)].join("\n"),
      sheets: result.sheets,
    };
  },
};
