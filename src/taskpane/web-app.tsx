// The web app: the task pane outside Excel, for offices without a suitable Excel. It opens the sample workbook or the
// user's .xlsx, .xls or .csv (told apart by content), runs every job, and downloads the results .xlsx and the .docx
// report. Everything happens in the page: the only requests are for the app's own files, by relative paths.

import * as React from "react";
import { createRoot } from "react-dom/client";
import { Body1, Button, Caption1, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import type { PaneJob } from "./job-code";
import { App } from "./App";
import { downloadBytes, MIME } from "./download";
import { FilePicker } from "./components/FilePicker";
import { PaneRoot } from "./components/PaneRoot";
import { ProblemBar } from "./components/ProblemBar";
import { detectLanguage, pick, UI, type Lang } from "./i18n";
import { openBytes, resultFileName, type OpenedFile } from "./open-file";
import { describeProblem, type ProblemView } from "./run";

/** Relative to the page, so that the app works from any folder of any static server. */
export const SAMPLE_URL = "assets/ntm-sample.xlsx";
const SAMPLE_NAME = "ntm-sample.xlsx";

/** Opens a file the user picked (or any named bytes), by its content. */
export async function openFile(file: File): Promise<OpenedFile> {
  return openBytes(new Uint8Array(await file.arrayBuffer()), file.name);
}

const useStyles = makeStyles({
  toolbar: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    alignItems: "center",
  },
  name: { overflowWrap: "anywhere" },
});

const KIND_WORDS = { xlsx: UI.kindXlsx, xls: UI.kindXls, text: UI.kindText } as const;

/** The page's title and language follow the pane's. */
function usePageLanguage(lang: Lang): void {
  React.useEffect(() => {
    document.documentElement.lang = lang;
    document.title = pick(UI.pageTitle, lang);
  }, [lang]);
}

function WebShell({
  initial,
  jobs,
  initialLang,
}: {
  initial: OpenedFile;
  jobs?: PaneJob[];
  initialLang: Lang;
}) {
  const [state, setState] = React.useState({ file: initial, sample: true, version: 0 });
  const [lang, setLang] = React.useState(initialLang);
  const [opening, setOpening] = React.useState<string | null>(null);
  const [problem, setProblem] = React.useState<ProblemView | null>(null);
  // Bumped on each write, so that the download button sees an .xls session's first written sheet.
  const [, setWrites] = React.useState(0);
  const onWritten = React.useCallback(() => setWrites((n) => n + 1), []);
  usePageLanguage(lang);
  const styles = useStyles();

  const onFiles = async (files: File[]) => {
    const picked = files[0];
    setOpening(picked.name);
    setProblem(null);
    try {
      const file = await openFile(picked);
      setState((s) => ({ file, sample: false, version: s.version + 1 }));
    } catch (err) {
      setProblem(describeProblem(err));
    } finally {
      setOpening(null);
    }
  };
  const { file } = state;
  const canDownload = file.hasDownload();
  const onDownload = async () => {
    try {
      downloadBytes(await file.toXlsx(), resultFileName(file.name), MIME.xlsx);
    } catch (err) {
      setProblem(describeProblem(err));
    }
  };
  const toolbar = (lang: Lang) => (
    <div className={styles.toolbar} data-testid="web-toolbar">
      <Body1>{pick(UI.browserMode, lang)}</Body1>
      <Body1 className={styles.name}>
        {pick(state.sample ? UI.sampleFile : UI.openedFile, lang)}{" "}
        <strong data-testid="file-name">{file.name}</strong> —{" "}
        <span data-testid="file-kind">{pick(KIND_WORDS[file.kind], lang)}</span>
      </Body1>
      {file.kind === "xls" && (
        <Caption1 data-testid="xls-note">{pick(UI.xlsReadOnly, lang)}</Caption1>
      )}
      <div className={styles.row}>
        <FilePicker
          label={pick(UI.upload, lang)}
          accept=".xlsx,.xlsm,.xls,.csv,.txt"
          disabled={opening !== null}
          inputTestId="upload"
          buttonTestId="upload-button"
          onFiles={(files) => void onFiles(files)}
        />
        <Button data-testid="download" disabledFocusable={!canDownload} onClick={onDownload}>
          {pick(UI.download, lang)}
        </Button>
      </div>
      {opening !== null && (
        <Spinner
          size="tiny"
          data-testid="opening"
          label={`${pick(UI.opening, lang)} ${opening}…`}
        />
      )}
      {!canDownload && <Caption1 data-testid="download-note">{pick(UI.writeFirst, lang)}</Caption1>}
      {problem && <ProblemBar problem={problem} lang={lang} />}
    </div>
  );
  return (
    <App
      key={state.version}
      workbook={file.workbook}
      jobs={jobs}
      initialLang={lang}
      onLanguage={setLang}
      onWritten={onWritten}
      toolbar={toolbar}
    />
  );
}

/** Loads the sample workbook and renders the web app in the page. */
export async function startBrowserMode(jobs?: PaneJob[]): Promise<void> {
  const root = createRoot(document.getElementById("root")!);
  const lang = detectLanguage(navigator.language);
  document.title = pick(UI.pageTitle, lang);
  try {
    const response = await fetch(SAMPLE_URL);
    if (!response.ok) throw new Error(`${SAMPLE_URL}: HTTP ${response.status}`);
    const initial = await openBytes(new Uint8Array(await response.arrayBuffer()), SAMPLE_NAME);
    root.render(
      <PaneRoot>
        <WebShell initial={initial} jobs={jobs} initialLang={lang} />
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
