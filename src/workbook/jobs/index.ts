// Every planning job, in the order the task pane offers them.

import type { PlanningJob } from "./job";
import { summaryJob } from "./summary";

export const JOBS: PlanningJob[] = [summaryJob];
