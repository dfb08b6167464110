// Every planning job, in the order the task pane offers them.

import type { PlanningJob } from "./job";

export const JOBS: PlanningJob[] = [];
