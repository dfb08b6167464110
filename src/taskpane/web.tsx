// Browser mode: the task pane outside Excel, on the ExcelJS adapter with the sample workbook.

import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ExcelJsWorkbook } from "../workbook/adapters/exceljs";
import { App } from "./App";

async function start(): Promise<void> {
  const response = await fetch("assets/ntm-sample.xlsx");
  const workbook = await ExcelJsWorkbook.fromXlsx(await response.arrayBuffer());
  createRoot(document.getElementById("root")!).render(
    <FluentProvider theme={webLightTheme}>
      <App workbook={workbook} />
    </FluentProvider>
  );
}

void start();
