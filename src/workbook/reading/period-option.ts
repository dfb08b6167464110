// The period option and the period targets sheet's name, apart from the reading of periods (period.ts) and of that
// sheet (readers/period-targets.ts): the task pane's form declares its fields with them before any reader loads.

import { BUILT_IN_CATALOGUES } from "../../engine/catalogues";
import { textOption } from "../../engine/options";

/** The criteria set option ("period") of the jobs that choose their set here (summary, targets, roadmap). */
export const PERIOD_OPTION = textOption({
  label: { vi: "Giai đoạn (bộ tiêu chí)", en: "Period (criteria set)" },
  absent: {
    vi: "giai đoạn của năm kế hoạch, không thì theo trang tình trạng, không thì 2021-2025",
    en: "the plan year's period, else as the status sheet shows, else 2021-2025",
  },
  help: {
    vi: `Bộ tiêu chí: ${BUILT_IN_CATALOGUES.map((c) => c.id).join(", ")} hoặc một bộ đã thêm`,
    en: `Criteria set: ${BUILT_IN_CATALOGUES.map((c) => c.id).join(", ")} or one added from a sheet`,
  },
  example: "2026-2030",
});

/** The sheet of the province's period targets (counts of communes by the period's end). */
export const PERIOD_TARGETS_SHEET = "Chỉ tiêu giai đoạn";
