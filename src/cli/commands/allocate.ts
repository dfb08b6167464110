// `ntm-plan allocate FILE --total T`: splits an envelope between communes by a policy computed from the commune
// sheet (--policy), or between the units of a coefficients table.

import { allocateJob } from "../../workbook/jobs/allocate";
import { requireFile, type CliCommand } from "../command";
import { runJobOnFile } from "./job-command";

export const allocateCommand: CliCommand = {
  name: "allocate",
  summary: {
    vi: "Phân bổ vốn cho xã theo chính sách (qd-07-2022, qd-16-2026 hoặc trang chính sách) hoặc theo trang hệ số, làm tròn cộng đúng tổng",
    en: "Split an envelope between communes by a policy (qd-07-2022, qd-16-2026 or a policy sheet) or by a coefficients sheet, rounded to add up exactly",
  },
  usage:
    "ntm-plan allocate FILE --total T [--policy qd-07-2022|qd-16-2026|SHEET_NAME] [--year Y] [--top-up T2 --top-up-policy P2] [--unit 1|10|100] [--min M] [--cap C] [--basis coefficient|need] [--sheet NAME] [--json]",
  options: {
    total: { type: "string" },
    policy: { type: "string" },
    year: { type: "string" },
    "top-up": { type: "string" },
    "top-up-policy": { type: "string" },
    unit: { type: "string" },
    min: { type: "string" },
    cap: { type: "string" },
    basis: { type: "string" },
    sheet: { type: "string" },
  },
  async run(input) {
    const file = requireFile(input, this.usage);
    // With a policy, --sheet names the communes sheet; without one, the coefficients sheet.
    const byPolicy = typeof input.options.policy === "string" && input.options.policy !== "";
    return runJobOnFile(allocateJob, file, byPolicy ? "communes" : "coefficients", input, [
      "total",
      "policy",
      "year",
      "top-up",
      "top-up-policy",
      "unit",
      "min",
      "cap",
      "basis",
    ]);
  },
};
