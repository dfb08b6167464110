// `ntm-plan allocate FILE --total T`: splits an envelope between the units of a coefficients table.

import { allocateJob } from "../../workbook/jobs/allocate";
import { requireFile, type CliCommand } from "../command";
import { runJobOnFile } from "./job-command";

export const allocateCommand: CliCommand = {
  name: "allocate",
  summary: {
    vi: "Phân bổ vốn theo hệ số (cột Đơn vị, Hệ số), làm tròn cộng đúng tổng",
    en: "Split an envelope by coefficients (Đơn vị, Hệ số columns), rounded to add up exactly",
  },
  usage:
    "ntm-plan allocate FILE --total T [--unit 1|10|100] [--min M] [--cap C] [--basis coefficient|need] [--sheet NAME] [--json]",
  options: {
    total: { type: "string" },
    unit: { type: "string" },
    min: { type: "string" },
    cap: { type: "string" },
    basis: { type: "string" },
    sheet: { type: "string" },
  },
  async run(input) {
    const file = requireFile(input, this.usage);
    return runJobOnFile(allocateJob, file, "coefficients", input, [
      "total",
      "unit",
      "min",
      "cap",
      "basis",
    ]);
  },
};
