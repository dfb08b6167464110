// The task pane: pick a job and its sheets, run it, preview the tables, write them; insert blank templates.

import * as React from "react";
import {
  Body1,
  Button,
  Divider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { JOB_SPECS } from "../workbook/jobs/specs";
import { redirectNotes } from "../workbook/ownership";
import type { WorkbookPort } from "../workbook/port";
import { templateSheet } from "../workbook/templates";
import { CollectPanel } from "./components/CollectPanel";
import { JobForm } from "./components/JobForm";
import { KeptEditsNotes } from "./components/KeptEditsNotes";
import { ProblemBar } from "./components/ProblemBar";
import { LiveStatus } from "./components/LiveStatus";
import { LazyResultCharts } from "./components/LazyResultCharts";
import { CopyTableButton, ReportButton, useSessionResults } from "./components/ReportActions";
import { LazyResultPreview } from "./components/LazyResultPreview";
import { TemplateMenu } from "./components/TemplateMenu";
import type { Handler, InLanguage } from "./handlers";
import { useJobRun, useSheetNames, useWriteSheet } from "./hooks";
import { preloadJobsWhenIdle, type PaneJob } from "./job-code";
import { pick, UI, type Lang } from "./i18n";
import { defaultSheetChoices, keepSheetChoices } from "./inputs";
import { defaultOptions, NONE, type OptionValues } from "./run";
import { bandsFor, budgetUnit, optionsForRun } from "./form";
import { useWorkbookPeriod } from "./period-hook";

// Shown only with a result, so loaded with the result's preview (one "results" chunk), not with the first screen.
const LazyReadingPanel = React.lazy(() =>
  import(/* webpackChunkName: "results" */ "./components/LazyReadingPanel").then((m) => ({
    default: m.LazyReadingPanel,
  }))
);

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    boxSizing: "border-box",
    // A drop-down is as wide as its longest choice ("Sáp nhập xã: chuyển kinh phí và lịch sử") unless told to fit.
    "& .fui-Select": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Select select": { width: "100%", minWidth: 0, textOverflow: "ellipsis" },
  },
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0, minWidth: 0, overflowWrap: "anywhere" },
  actions: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    alignItems: "center",
  },
});

export interface AppProps {
  workbook: WorkbookPort;
  /** The jobs offered; all registered jobs unless given (their code is loaded on the first run, see job-code.ts). */
  jobs?: PaneJob[];
  initialLang?: Lang;
  /** Extra controls for the browser mode (open a file, download results), in the pane's language. */
  toolbar?: React.ReactNode | InLanguage;
  /** Told when the user switches the language (the browser mode keeps it across files). */
  onLanguage?: Handler<Lang>;
  /** Called after anything was written to the workbook. */
  onWritten?: () => void;
}

export function App({
  workbook,
  jobs = JOB_SPECS,
  initialLang = "vi",
  toolbar,
  onLanguage,
  onWritten,
}: AppProps): React.JSX.Element {
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const { sheets: sheetNames, problem: sheetProblem, refresh } = useSheetNames(workbook);
  const [jobId, setJobId] = React.useState<string | undefined>(jobs[0]?.id);
  const job = jobs.find((j) => j.id === jobId);
  const [sheetChoice, setSheetChoice] = React.useState<Record<string, string | undefined>>({});
  const [options, setOptions] = React.useState<OptionValues>(() =>
    job ? defaultOptions(job) : {}
  );
  const { state, run, cancel, reset, write } = useJobRun(workbook);
  const sessionResults = useSessionResults(
    job?.id,
    job ? pick(job.label, lang) : undefined,
    state.status === "done" ? state.result.json : undefined
  );
  const afterWrite = React.useCallback(() => {
    refresh();
    onWritten?.();
  }, [refresh, onWritten]);
  const template = useWriteSheet(workbook, afterWrite);
  const catalogue = useWorkbookPeriod(workbook, job, sheetChoice, options, sheetNames);
  const costsInput = job?.inputs.find((i) => i.kind === "costs");
  const costsSheet = costsInput ? sheetChoice[costsInput.id] : undefined;
  const unit = job
    ? budgetUnit(job, costsSheet === NONE ? undefined : costsSheet, options, catalogue)
    : undefined;
  // The bands follow the workbook's period while the user has not typed their own.
  const periodBands = bandsFor(catalogue);
  const autoBands = React.useRef<string | undefined>(undefined);
  React.useEffect(() => {
    if (!job?.options.some((o) => o.id === "bands") || !periodBands) return;
    const declared = job.options.find((o) => o.id === "bands")?.default;
    setOptions((current) => {
      const now = current.bands;
      const untouched = now === undefined || now === declared || now === autoBands.current;
      autoBands.current = periodBands;
      return untouched && now !== periodBands ? { ...current, bands: periodBands } : current;
    });
  }, [job, periodBands]);
  // A failed run's message is brought into view (a result brings itself: ResultPreview).
  const resultsRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (state.status === "failed") resultsRef.current?.scrollIntoView?.({ block: "start" });
  }, [state.status]);

  // The jobs' code is not in the pane's first script: it loads once the first screen is up and the pane is idle.
  React.useEffect(preloadJobsWhenIdle, []);

  // A new job or a new sheet list: keep the user's choices that still exist, suggest the others.
  React.useEffect(() => {
    if (job && sheetNames)
      setSheetChoice((current) => keepSheetChoices(job.inputs, sheetNames, current, NONE));
  }, [job, sheetNames]);

  const chooseJob = (id: string) => {
    // Choosing the job already chosen keeps what the user typed (its fields keep showing it).
    if (id === jobId) return;
    const next = jobs.find((j) => j.id === id);
    setJobId(id);
    setSheetChoice(next && sheetNames ? defaultSheetChoices(next.inputs, sheetNames) : {});
    setOptions(next ? defaultOptions(next) : {});
    reset();
  };

  const styles = useStyles();
  const running = state.status === "running";
  const writeResults = async () => {
    await write();
    afterWrite();
  };

  return (
    <main className={styles.root} lang={lang} data-testid="pane">
      <div className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {pick(UI.title, lang)}
        </Title3>
        <Button
          size="small"
          appearance="subtle"
          data-testid="language"
          lang={lang === "vi" ? "en" : "vi"}
          onClick={() => {
            const next = lang === "vi" ? "en" : "vi";
            setLang(next);
            onLanguage?.(next);
          }}
        >
          {pick(UI.switchLanguage, lang)}
        </Button>
      </div>
      {typeof toolbar === "function" ? toolbar(lang) : toolbar}
      {sheetProblem && <ProblemBar problem={sheetProblem} lang={lang} />}
      {sheetNames === null ? (
        <Spinner size="small" label={pick(UI.sheetsLoading, lang)} />
      ) : jobs.length === 0 ? (
        <Body1 data-testid="no-jobs">{pick(UI.noJobs, lang)}</Body1>
      ) : (
        <JobForm
          key={job?.id}
          lang={lang}
          jobs={jobs}
          job={job}
          onJob={chooseJob}
          sheetNames={sheetNames}
          sheets={sheetChoice}
          onSheet={(id, sheet) => setSheetChoice({ ...sheetChoice, [id]: sheet })}
          options={options}
          onOption={(id, value) => setOptions((current) => ({ ...current, [id]: value }))}
          disabled={running}
          units={{ budget: unit }}
          shownDefaults={{ bands: periodBands }}
        />
      )}
      <div className={styles.actions}>
        {job && (
          <Button
            appearance="primary"
            data-testid="run"
            // Stays focusable while running, so keyboard focus is not lost and Tab goes on to Cancel.
            disabledFocusable={running || !sheetNames}
            onClick={() => run(job, sheetChoice, optionsForRun(job, options, autoBands.current))}
          >
            {pick(UI.run, lang)}
          </Button>
        )}
        {running && (
          <Button data-testid="cancel" onClick={cancel}>
            {pick(UI.cancel, lang)}
          </Button>
        )}
        <TemplateMenu
          lang={lang}
          disabled={running}
          onInsert={(id) => template.write(templateSheet(id))}
          onCommuneForm={() =>
            template.write(async () => {
              const { communeFormTemplate } = await import(
                /* webpackChunkName: "commune-form" */ "../workbook/collect/form-template"
              );
              return (await communeFormTemplate({ policy: workbook })).sheet;
            })
          }
        />
        <Button appearance="subtle" data-testid="refresh" disabled={running} onClick={refresh}>
          {pick(UI.refresh, lang)}
        </Button>
      </div>
      {running && (
        <div data-testid="progress">
          {state.fraction === undefined ? (
            <Spinner
              size="tiny"
              label={state.message ? pick(state.message, lang) : pick(UI.running, lang)}
            />
          ) : (
            <>
              <ProgressBar value={state.fraction} max={1} aria-label={pick(UI.running, lang)} />
              <Body1>{state.message ? pick(state.message, lang) : pick(UI.running, lang)}</Body1>
            </>
          )}
        </div>
      )}
      <CollectPanel
        workbook={workbook}
        lang={lang}
        disabled={running || !sheetNames}
        onWritten={afterWrite}
      />
      {template.message?.written && (
        <MessageBar intent="success" data-testid="template-written">
          <MessageBarBody>
            {pick(UI.templateWritten, lang)}: {template.message.written}
          </MessageBarBody>
        </MessageBar>
      )}
      {template.message?.problem && <ProblemBar problem={template.message.problem} lang={lang} />}
      {state.status === "cancelled" && (
        <MessageBar intent="info" data-testid="cancelled">
          <MessageBarBody>{pick(UI.cancelled, lang)}</MessageBarBody>
        </MessageBar>
      )}
      <div ref={resultsRef} data-testid="results-anchor" />
      {state.status === "failed" && <ProblemBar problem={state.problem} lang={lang} job={job} />}
      {state.status === "done" && (
        <>
          <Divider />
          <div className={styles.actions} data-testid="result-actions">
            <Button
              appearance="primary"
              data-testid="write"
              onClick={writeResults}
              disabled={state.result.sheets.length === 0}
            >
              {pick(UI.write, lang)}
            </Button>
            {state.written && (
              <Body1 data-testid="written">
                {pick(UI.written, lang)}: {state.written.join(", ")}
              </Body1>
            )}
            {state.written &&
              redirectNotes(
                state.result.sheets.map((s) => s.sheet),
                state.written
              ).map((note) => (
                <Body1 key={note.en} data-testid="written-elsewhere">
                  {pick(note, lang)}
                </Body1>
              ))}
          </div>
          <KeptEditsNotes notes={state.notes} lang={lang} />
          <LazyResultPreview
            job={job}
            jobId={job?.id}
            result={state.result}
            lang={lang}
            reading={
              state.result.reading && (
                <React.Suspense fallback={null}>
                  <LazyReadingPanel
                    readings={state.result.reading}
                    workbook={workbook}
                    lang={lang}
                  />
                </React.Suspense>
              )
            }
            extras={job && <LazyResultCharts jobId={job.id} json={state.result.json} lang={lang} />}
            tableExtra={(_sheet, table) => <CopyTableButton table={table} lang={lang} />}
          />
        </>
      )}
      <ReportButton results={sessionResults} lang={lang} />
      <LiveStatus state={state} job={job} lang={lang} />
    </main>
  );
}
