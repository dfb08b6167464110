// Browser mode: the task pane outside Excel, on the ExcelJS adapter with the sample workbook (or an uploaded file).

import "./solver-worker-factory";
import { startBrowserMode } from "./web-app";

void startBrowserMode();
