// Browser mode: the task pane outside Excel, on the ExcelJS adapter with the sample workbook (or an uploaded file).

import "./started"; // first: the page's old-webview check waits for it
import "./solver-worker-factory";
import { startBrowserMode } from "./web-app";

void startBrowserMode();
