// Each job's name, as the task pane's list, the CLI's help and the cell functions' refusals show it. Declared apart
// from the job specs so that a cell function can name a job without loading its form (the specs and their options).

import type { Bilingual } from "../../engine/errors";

/** Every job's label, by its id; jobs/specs.ts declares each job under these. */
export const JOB_LABELS = {
  summary: { vi: "Tổng hợp tiêu chí các xã", en: "Summarise communes' criteria" },
  targets: { vi: "Chỉ tiêu phấn đấu năm tới", en: "Next year's targets" },
  funding: { vi: "Cơ cấu nguồn vốn", en: "Funding mix" },
  counterpart: { vi: "Tỷ lệ vốn đối ứng", en: "Counterpart funding ratio" },
  allocate: { vi: "Phân bổ vốn cho xã", en: "Allocate an envelope to communes" },
  roadmap: { vi: "Lộ trình đạt chỉ tiêu giai đoạn", en: "Roadmap to the period targets" },
  merge: {
    vi: "Sáp nhập xã: chuyển kinh phí và lịch sử",
    en: "Merged communes: money and history carried forward",
  },
} as const satisfies Record<string, Bilingual>;

/** A job's id: "summary", "targets", …, "merge". */
export type JobId = keyof typeof JOB_LABELS;
