// Every planning job, in the order the task pane offers them.

import { allocateJob } from "./allocate";
import type { PlanningJob } from "./job";

export const JOBS: PlanningJob[] = [allocateJob];
