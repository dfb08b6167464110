// Every planning job, in the order the task pane offers them.

import { counterpartJob } from "./counterpart";
import { fundingJob } from "./funding";
import type { PlanningJob } from "./job";
import { summaryJob } from "./summary";

export const JOBS: PlanningJob[] = [summaryJob, fundingJob, counterpartJob];
