// Task pane entry inside Excel.

import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ExcelJsWorkbook } from "../workbook/adapters/exceljs";
import { App } from "./App";

Office.onReady(() => {
  createRoot(document.getElementById("root")!).render(
    <FluentProvider theme={webLightTheme}>
      <App workbook={ExcelJsWorkbook.empty()} />
    </FluentProvider>
  );
});
