// `ntm-plan allocate FILE --total T`: splits an envelope between communes by a policy computed from the commune
// sheet (--policy), or between the units of a coefficients table.

import { allocateJob } from "../../workbook/jobs/allocate";
import { jobCommand } from "../job-flags";

export const allocateCommand = jobCommand({
  name: "allocate",
  summary: {
    vi: "Phân bổ vốn cho xã theo chính sách (qd-07-2022, 2026-2030 hoặc trang chính sách) hoặc theo trang hệ số, làm tròn cộng đúng tổng",
    en: "Split an envelope between communes by a policy (qd-07-2022, 2026-2030 or a policy sheet) or by a coefficients sheet, rounded to add up exactly",
  },
  job: () => allocateJob,
  // With a policy, --sheet names the communes sheet; without one, the coefficients sheet.
  input: (options) =>
    typeof options.policy === "string" && options.policy !== "" ? "communes" : "coefficients",
});
