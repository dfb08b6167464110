// Browser mode with the registered jobs plus the test-only commune count job (built only by the e2e tests).

import "../../src/taskpane/started"; // first, as in web.tsx: the page's old-webview check waits for it
import { JOBS } from "../../src/workbook/jobs";
import { startBrowserMode } from "../../src/taskpane/web-app";
import "../../src/taskpane/solver-worker-factory";
import { countJob } from "../taskpane/count-job";
import { exactJob } from "./exact-job";

void startBrowserMode([...JOBS, countJob, exactJob]);
