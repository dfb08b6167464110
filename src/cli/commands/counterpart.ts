// `ntm-plan counterpart FILE (--ratio R | --brackets FILE --support-share P)`: counterpart ratio per column.

import { InputError } from "../../engine/errors";
import { parseNumberText } from "../../engine/numbers";
import { counterpartJob } from "../../workbook/jobs/counterpart";
import type { InputRef } from "../../workbook/jobs/job";
import {
  numberOption,
  requireFile,
  stringOption,
  type CliCommand,
  type CommandInput,
} from "../command";
import { inFile, openWorkbook } from "../io";

/** --support-share 65, 65% or 0.65 (a fraction); Vietnamese "65,5" is accepted too. */
function supportShareOption(input: CommandInput): number | undefined {
  const raw = stringOption(input, "support-share");
  if (raw === undefined) return undefined;
  const parsed = parseNumberText(raw);
  if (!parsed || parsed.value < 0) {
    throw new InputError({
      found: `--support-share ${raw}`,
      expected: {
        vi: "--support-share là tỷ lệ hỗ trợ cân đối từ NSTW, ví dụ 65 hoặc 65%",
        en: "--support-share to be the central balancing-support share, e.g. 65 or 65%",
      },
    });
  }
  return parsed.value;
}

export const counterpartCommand: CliCommand = {
  name: "counterpart",
  summary: {
    vi: "Tỷ lệ vốn đối ứng ngân sách địa phương / trung ương",
    en: "Counterpart ratio of local to central budget",
  },
  usage:
    "ntm-plan counterpart FILE (--ratio R | --brackets FILE --support-share P | --ratio R --brackets FILE --support-share P) [--period 2021-2025|2026-2030] [--year Y] [--sheet NAME] [--json]",
  options: {
    ratio: { type: "string" },
    brackets: { type: "string" },
    "support-share": { type: "string" },
    sheet: { type: "string" },
    mapping: { type: "string" },
    period: { type: "string" },
    year: { type: "string" },
  },
  async run(input) {
    const file = requireFile(input, this.usage);
    const ratio = numberOption(input, "ratio", { min: 0 });
    const supportShare = supportShareOption(input);
    const bracketsFile = stringOption(input, "brackets");
    if (bracketsFile && supportShare === undefined) {
      throw new InputError({
        found: `--brackets ${bracketsFile}`,
        expected: {
          vi: "--brackets đi kèm --support-share P",
          en: "--brackets together with --support-share P",
        },
      });
    }
    const book = await openWorkbook(file);
    let brackets: InputRef | undefined;
    if (bracketsFile) brackets = { workbook: await openWorkbook(bracketsFile) };
    const bracketSheets = brackets ? await brackets.workbook.sheetNames() : [];
    const mainSheets = await book.sheetNames();
    let result;
    try {
      result = await counterpartJob.run({
        inputs: { budget: { workbook: book, sheet: stringOption(input, "sheet") }, brackets },
        options: {
          ratio,
          "support-share": supportShare,
          mapping: stringOption(input, "mapping"),
          period: stringOption(input, "period"),
          year: numberOption(input, "year", { integer: true, min: 2000 }),
        },
      });
    } catch (e) {
      // An error on a sheet of the bracket file names that file; everything else names the funding file.
      const sheet = e instanceof InputError ? e.sheet : undefined;
      const fromBrackets =
        bracketsFile && sheet && bracketSheets.includes(sheet) && !mainSheets.includes(sheet);
      return inFile(fromBrackets ? bracketsFile : file, () => Promise.reject(e));
    }
    const warnings = result.warnings.map((w) => `! ${w.vi} / ${w.en}`);
    return {
      json: { file, ...result.json, warnings: result.warnings },
      text: [result.text, ...warnings].join("\n"),
      sheets: result.sheets,
    };
  },
};
