// Every planning job, in the order the task pane offers them.

import { counterpartJob } from "./counterpart";
import { fundingJob } from "./funding";
import type { PlanningJob } from "./job";

export const JOBS: PlanningJob[] = [fundingJob, counterpartJob];
