// Task pane entry inside Excel: the Office.js adapter, in the language Office is displayed in.

import "./started"; // first: the page's old-webview check waits for it
import * as React from "react";
import { createRoot } from "react-dom/client";
import { OfficeJsWorkbook } from "../workbook/adapters/officejs";
import { App } from "./App";
import { PaneRoot } from "./components/PaneRoot";
import { ProblemBar } from "./components/ProblemBar";
import { detectLanguage, UI } from "./i18n";
import { describeProblem } from "./run";
import "./solver-worker-factory";

Office.onReady((info) => {
  const lang = detectLanguage(Office.context?.displayLanguage ?? navigator.language);
  let content: React.JSX.Element;
  try {
    if (info.host !== Office.HostType.Excel)
      throw new Error(`${UI.notInExcel.vi} / ${UI.notInExcel.en}`);
    content = <App workbook={new OfficeJsWorkbook()} initialLang={lang} />;
  } catch (e) {
    // Too old an Excel: say so in both languages instead of a blank pane.
    content = <ProblemBar problem={describeProblem(e)} lang={lang} />;
  }
  // Office's theme (dark grey, black) when the host tells it; Windows high contrast in any case.
  const officeBackground = Office.context?.officeTheme?.bodyBackgroundColor;
  createRoot(document.getElementById("root")!).render(
    <PaneRoot officeBackground={officeBackground}>{content}</PaneRoot>
  );
});
