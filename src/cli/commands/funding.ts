// `ntm-plan funding FILE [--round N]`: funding mix by source, sum checks and plan vs actual, via the funding job.

import { fundingJob } from "../../workbook/jobs/funding";
import { jobCommand } from "../job-flags";

export const fundingCommand = jobCommand({
  name: "funding",
  summary: {
    vi: "Cơ cấu nguồn vốn, kiểm tra cộng dồn, so sánh kế hoạch/thực hiện",
    en: "Funding mix by source, sum checks, plan vs actual",
  },
  job: () => fundingJob,
  input: "budget",
});
