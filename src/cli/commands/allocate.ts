// `ntm-plan allocate FILE --total T`: splits an envelope between the units of a coefficients table.

import { allocateJob } from "../../workbook/jobs/allocate";
import { jobCommand } from "../job-flags";

export const allocateCommand = jobCommand({
  name: "allocate",
  summary: {
    vi: "Phân bổ vốn theo hệ số (cột Đơn vị, Hệ số), làm tròn cộng đúng tổng",
    en: "Split an envelope by coefficients (Đơn vị, Hệ số columns), rounded to add up exactly",
  },
  job: () => allocateJob,
  input: "coefficients",
});
