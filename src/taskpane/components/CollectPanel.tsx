// "Tổng hợp báo cáo của các xã": the user picks many report files; each is read in turn (progress: files done of
// total, cancel stops writing nothing), then the province table, "Nguồn" and "Cần xử lý" are written through the
// port, which replaces only the sheets the add-in wrote before. What it says at the end (counts, sheets written,
// warnings naming each report's file, sheet and cell) comes with the collect chunk.

import * as React from "react";
import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
} from "@fluentui/react-components";
import type { WorkbookPort } from "../../workbook/port";
import { useCollect } from "../collect";
import { pick, UI, type Lang } from "../i18n";
import { FilePicker } from "./FilePicker";
import { ProblemBar } from "./ProblemBar";

// What a finished run says is drawn by the collect chunk, which the run has loaded already.
const CollectDone = React.lazy(() => import(/* webpackChunkName: "collect" */ "./CollectDone"));

export function CollectPanel(props: {
  workbook: WorkbookPort;
  lang: Lang;
  disabled: boolean;
  onWritten: () => void;
}): React.JSX.Element {
  const { lang } = props;
  const { state, start, cancel } = useCollect(props.workbook, props.onWritten);
  const [open, setOpen] = React.useState(false);
  const running = state.status === "running";
  return (
    <section data-testid="collect">
      <Button
        data-testid="collect-open"
        disabled={props.disabled || running}
        onClick={() => setOpen(!open)}
      >
        {pick(UI.collect, lang)}
      </Button>
      {open && (
        <div>
          <FilePicker
            label={pick(UI.collectPick, lang)}
            accept=".xlsx,.xlsm,.xls,.csv,.txt"
            multiple
            disabled={props.disabled || running}
            inputTestId="collect-files"
            buttonTestId="collect-pick"
            onFiles={(files) => void start(files)}
          />
        </div>
      )}
      {running && (
        <div data-testid="collect-progress">
          <ProgressBar
            value={state.total === 0 ? 0 : state.done / state.total}
            max={1}
            aria-label={pick(UI.collect, lang)}
          />
          <Body1>
            {pick(UI.collectProgress, lang)} {state.done}/{state.total}{" "}
            {pick(UI.collectFiles, lang)}
            {state.file ? `: ${state.file}` : ""}
          </Body1>
          <Button data-testid="collect-cancel" onClick={cancel}>
            {pick(UI.cancel, lang)}
          </Button>
        </div>
      )}
      {state.status === "cancelled" && (
        <MessageBar intent="info" data-testid="collect-cancelled">
          <MessageBarBody>{pick(UI.collectCancelled, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "failed" && <ProblemBar problem={state.problem} lang={lang} />}
      {state.status === "done" && (
        <React.Suspense fallback={<Spinner size="tiny" />}>
          <CollectDone state={state} lang={lang} />
        </React.Suspense>
      )}
    </section>
  );
}
