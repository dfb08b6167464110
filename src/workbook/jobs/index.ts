// Every planning job, in the order the task pane offers them.

import { readCommunes } from "../readers/communes";
import { allocateJob } from "./allocate";
import { counterpartJob } from "./counterpart";
import { fundingJob } from "./funding";
import type { PlanningJob } from "./job";
import { mergeJob } from "./merge";
import { createRoadmapJob } from "./roadmap";
import { summaryJob } from "./summary";
import { targetsJob } from "./targets";

export const JOBS: PlanningJob[] = [
  summaryJob,
  targetsJob,
  fundingJob,
  counterpartJob,
  allocateJob,
  createRoadmapJob(readCommunes),
  mergeJob,
];
