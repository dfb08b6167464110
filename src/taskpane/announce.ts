// What the pane tells screen readers about a run: started, done with its first figures, cancelled, failed.

import type { JobSpec } from "../workbook/jobs/job";
import type { RunState } from "./hooks";
import { fill, pick, UI, type Lang } from "./i18n";

/** The sentence announced for a run's state; figures in the pane's language, at most three. */
export function announcement(state: RunState, job: JobSpec | undefined, lang: Lang): string {
  switch (state.status) {
    case "running":
      return pick(UI.running, lang);
    case "cancelled":
      return pick(UI.cancelled, lang);
    case "failed":
      return fill(pick(UI.announceFailed, lang), {
        message: state.problem.expected
          ? pick(state.problem.expected, lang)
          : state.problem.message,
      });
    case "done": {
      const figures = state.figures.figures
        .slice(0, 3)
        .map((f) => `${pick(f.label, lang)}: ${f.value}. `)
        .join("");
      return fill(pick(UI.announceDone, lang), {
        job: job ? pick(job.label, lang) : "",
        figures,
        warnings: state.result.warnings.length,
      });
    }
    default:
      return "";
  }
}
