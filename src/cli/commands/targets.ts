// `ntm-plan targets FILE`: next year's target criteria per commune within a budget (greedy or optimal).

import { targetsJob } from "../../workbook/jobs/targets";
import { jobCommand } from "../job-flags";

export const targetsCommand = jobCommand({
  name: "targets",
  summary: {
    vi: "Chỉ tiêu phấn đấu năm tới cho từng xã, trong ngân sách",
    en: "Next year's target criteria per commune, within the budget",
  },
  job: () => targetsJob,
  input: "communes",
  files: [
    {
      id: "costs",
      doc: {
        vi: "Tệp chi phí đạt từng tiêu chí (triệu đồng)",
        en: "File of the cost of meeting each criterion (million VND)",
      },
    },
    {
      id: "indicators",
      doc: {
        vi: "Tệp bảng chỉ tiêu theo nhóm xã (2026-2030)",
        en: "File of the indicator policy per commune group (2026-2030)",
      },
    },
  ],
});
