// Every planning job, in the order the task pane offers them.

import type { PlanningJob } from "./job";
import { targetsJob } from "./targets";

export const JOBS: PlanningJob[] = [targetsJob];
