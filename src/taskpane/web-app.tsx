// Browser mode around the task pane: the ExcelJS adapter on the sample workbook or a user's file, and a download.

import * as React from "react";
import { createRoot } from "react-dom/client";
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { ExcelJsWorkbook } from "../workbook/adapters/exceljs";
import type { PaneJob } from "./job-code";
import { App } from "./App";
import { downloadBytes, MIME } from "./download";
import { PaneRoot } from "./components/PaneRoot";
import { ProblemBar } from "./components/ProblemBar";
import { detectLanguage, pick, UI, type Lang } from "./i18n";
import { describeProblem, type ProblemView } from "./run";

export const SAMPLE_URL = "assets/ntm-sample.xlsx";

/** Opens an uploaded .xlsx or .csv as a workbook. */
export async function openFile(file: File): Promise<ExcelJsWorkbook> {
  if (/\.(csv|txt)$/i.test(file.name)) {
    return ExcelJsWorkbook.fromTextBytes(
      new Uint8Array(await file.arrayBuffer()),
      file.name.replace(/\.(csv|txt)$/i, "")
    );
  }
  return ExcelJsWorkbook.fromXlsx(await file.arrayBuffer());
}

const useStyles = makeStyles({
  toolbar: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    alignItems: "center",
  },
  // The file input is the browser's own control: keep it inside the pane's width.
  upload: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    maxWidth: "100%",
    "& input": { maxWidth: "100%" },
  },
});

function WebShell({
  initial,
  jobs,
  lang,
}: {
  initial: ExcelJsWorkbook;
  jobs?: PaneJob[];
  lang: Lang;
}) {
  const [state, setState] = React.useState({
    workbook: initial,
    name: "ntm-sample.xlsx",
    version: 0,
  });
  const [problem, setProblem] = React.useState<ProblemView | null>(null);
  const styles = useStyles();
  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      const workbook = await openFile(file);
      setState((s) => ({ workbook, name: file.name, version: s.version + 1 }));
      setProblem(null);
    } catch (err) {
      setProblem(describeProblem(err));
    }
  };
  const onDownload = async () => {
    const base = state.name.replace(/\.(xlsx|csv)$/i, "");
    downloadBytes(await state.workbook.toXlsx(), `${base}-ket-qua.xlsx`, MIME.xlsx);
  };
  const toolbar = (
    <div className={styles.toolbar}>
      <Body1>
        {pick(UI.browserMode, lang)} <strong data-testid="file-name">{state.name}</strong>
      </Body1>
      <div className={styles.row}>
        <label className={styles.upload}>
          {pick(UI.upload, lang)}
          <input type="file" accept=".xlsx,.csv,.txt" data-testid="upload" onChange={onFile} />
        </label>
        <Button data-testid="download" onClick={onDownload}>
          {pick(UI.download, lang)}
        </Button>
      </div>
      {problem && <ProblemBar problem={problem} lang={lang} />}
    </div>
  );
  return (
    <App
      key={state.version}
      workbook={state.workbook}
      jobs={jobs}
      initialLang={lang}
      toolbar={toolbar}
    />
  );
}

/** Loads the sample workbook and renders the task pane in the page. */
export async function startBrowserMode(jobs?: PaneJob[]): Promise<void> {
  const root = createRoot(document.getElementById("root")!);
  const lang = detectLanguage(navigator.language);
  try {
    const response = await fetch(SAMPLE_URL);
    if (!response.ok) throw new Error(`${SAMPLE_URL}: HTTP ${response.status}`);
    const workbook = await ExcelJsWorkbook.fromXlsx(await response.arrayBuffer());
    root.render(
      <PaneRoot>
        <WebShell initial={workbook} jobs={jobs} lang={lang} />
      </PaneRoot>
    );
  } catch (e) {
    root.render(
      <PaneRoot>
        <ProblemBar problem={describeProblem(e)} lang={lang} />
      </PaneRoot>
    );
  }
}
