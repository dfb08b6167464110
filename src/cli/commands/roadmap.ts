// `ntm-plan roadmap FILE --budget B --to YEAR`: year-by-year projection to the period targets.

import { JOBS } from "../../workbook/jobs";
import type { PlanningJob } from "../../workbook/jobs/job";
import { requireFile, type CliCommand } from "../command";
import { runJobOnFile } from "./job-command";

const OPTION_IDS = [
  "budget",
  "to",
  "from",
  "pace",
  "cost",
  "below",
  "period",
  "target-standard",
  "target-advanced",
  "target-model",
  "target-average",
  "max-below",
  "advanced-now",
  "model-now",
  "advanced-per-year",
  "model-per-year",
  "targets-sheet",
];

/** The command over a roadmap job (looked up in the job registry unless given, e.g. in tests). */
export function createRoadmapCommand(job?: PlanningJob): CliCommand {
  return {
    name: "roadmap",
    summary: {
      vi: "Lộ trình từng năm đến chỉ tiêu giai đoạn với kinh phí và tốc độ cho trước",
      en: "Year-by-year roadmap to the period targets with a given budget and pace",
    },
    usage:
      "ntm-plan roadmap FILE --budget B --to YEAR [--from YEAR] [--pace 1.5] [--cost C] [--below 15] " +
      "[--target-standard N] [--target-advanced N] [--target-model N] [--target-average X] [--max-below N] " +
      "[--advanced-now N] [--model-now N] [--advanced-per-year N] [--model-per-year N] [--period 2021-2025] " +
      "[--sheet NAME] [--targets-sheet NAME] [--json]",
    options: Object.fromEntries(
      [...OPTION_IDS, "sheet"].map((id) => [id, { type: "string" as const }])
    ),
    async run(input) {
      const file = requireFile(input, this.usage);
      const roadmapJob = job ?? JOBS.find((j) => j.id === "roadmap");
      if (!roadmapJob) {
        // Wiring, not the user's input: jobs/index.ts registers createRoadmapJob(readCommunes).
        throw new Error("Chưa đăng ký công việc lộ trình / the roadmap job is not registered");
      }
      return runJobOnFile(roadmapJob, file, "communes", input, OPTION_IDS);
    },
  };
}

export const roadmapCommand = createRoadmapCommand();
