// `ntm-plan summary FILE`: the province's criteria summary from a communes sheet, thin over the summary job.

import { readCatalogueInput, summaryJob } from "../../workbook/jobs/summary";
import { jobCommand } from "../job-flags";

export const summaryCommand = jobCommand({
  name: "summary",
  summary: {
    vi: "Tổng hợp tiêu chí các xã: bình quân, số xã đạt chuẩn, theo nhóm, theo tiêu chí",
    en: "Summarise communes' criteria: average, communes at the standard, bands, per criterion",
  },
  job: () => summaryJob,
  input: "communes",
  files: [
    {
      id: "catalogue",
      doc: { vi: "Tệp bộ tiêu chí thêm", en: "File of an extra criteria catalogue" },
      check: readCatalogueInput,
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
