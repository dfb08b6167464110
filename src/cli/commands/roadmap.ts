// `ntm-plan roadmap FILE --budget B --to YEAR`: year-by-year projection to the period targets.

import { JOBS } from "../../workbook/jobs";
import type { PlanningJob } from "../../workbook/jobs/job";
import type { CliCommand } from "../command";
import { jobCommand } from "../job-flags";

/** The command over a roadmap job (looked up in the job registry unless given, e.g. in tests). */
export function createRoadmapCommand(job?: PlanningJob): CliCommand {
  return jobCommand({
    name: "roadmap",
    summary: {
      vi: "Lộ trình từng năm đến chỉ tiêu giai đoạn với kinh phí và tốc độ cho trước",
      en: "Year-by-year roadmap to the period targets with a given budget and pace",
    },
    job: () => {
      const found = job ?? JOBS.find((j) => j.id === "roadmap");
      // Wiring, not the user's input: jobs/index.ts registers createRoadmapJob(readCommunes).
      if (!found)
        throw new Error("Chưa đăng ký công việc lộ trình / the roadmap job is not registered");
      return found;
    },
    input: "communes",
    files: [
      {
        id: "costs",
        doc: {
          vi: "Tệp chi phí đạt từng tiêu chí (triệu đồng), như lệnh targets",
          en: "File of the cost of meeting each criterion (million VND), as for targets",
        },
      },
    ],
  });
}

export const roadmapCommand = createRoadmapCommand();
