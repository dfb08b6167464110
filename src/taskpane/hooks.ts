// React state for the task pane: the workbook's sheets, the job run (progress, cancel) and writing results.

import * as React from "react";
import type { Bilingual } from "../engine/errors";
import type { JobResult } from "../workbook/jobs/job";
import type { OutputSheet } from "../workbook/output";
import type { WorkbookPort } from "../workbook/port";
import { hiddenSheetNames } from "../workbook/reading/sheet-finder";
import {
  buildRequest,
  CancelledError,
  describeProblem,
  runCancellable,
  writeResultSheets,
  type OptionValues,
  type ProblemView,
} from "./run";
import { runnableJob, type PaneJob } from "./job-code";
import type { KeyFigures } from "./key-figures";

export function useSheetNames(workbook: WorkbookPort) {
  const [sheets, setSheets] = React.useState<string[] | null>(null);
  const [problem, setProblem] = React.useState<ProblemView | null>(null);
  const refresh = React.useCallback(() => {
    // Hidden sheets are not offered: inputs come from visible sheets (see sheet-finder).
    Promise.all([workbook.sheetNames(), hiddenSheetNames(workbook)]).then(
      ([names, hidden]) => {
        setSheets(names.filter((n) => !hidden.includes(n)));
        setProblem(null);
      },
      (e: unknown) => {
        setSheets([]);
        setProblem(describeProblem(e));
      }
    );
  }, [workbook]);
  React.useEffect(refresh, [refresh]);
  return { sheets, problem, refresh };
}

export type RunState =
  | { status: "idle" }
  | { status: "running"; fraction?: number; message?: Bilingual }
  | {
      status: "done";
      result: JobResult;
      figures: KeyFigures;
      written?: string[];
      notes?: Bilingual[];
    }
  | { status: "cancelled" }
  | { status: "failed"; problem: ProblemView };

/** Runs one job at a time; cancel() aborts the run (the job sees request.signal) and nothing is written. */
export function useJobRun(workbook: WorkbookPort) {
  const [state, setState] = React.useState<RunState>({ status: "idle" });
  const controller = React.useRef<AbortController | null>(null);

  React.useEffect(() => () => controller.current?.abort(), []);

  const run = React.useCallback(
    async (job: PaneJob, sheets: Record<string, string | undefined>, options: OptionValues) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setState({ status: "running" });
      const request = buildRequest(
        job,
        workbook,
        sheets,
        options,
        abort.signal,
        (fraction, message) => {
          if (!abort.signal.aborted) setState({ status: "running", fraction, message });
        }
      );
      try {
        // The job's code and the key figures' reading come from their own chunks, loaded on the first run.
        const result = await runCancellable(await runnableJob(job), request);
        const { keyFigures } = await import(/* webpackChunkName: "results" */ "./key-figures");
        if (controller.current === abort)
          setState({ status: "done", result, figures: keyFigures(job.id, result) });
      } catch (e) {
        if (controller.current !== abort) return;
        setState(
          e instanceof CancelledError
            ? { status: "cancelled" }
            : { status: "failed", problem: describeProblem(e) }
        );
      }
    },
    [workbook]
  );

  const cancel = React.useCallback(() => controller.current?.abort(), []);
  const reset = React.useCallback(() => {
    controller.current?.abort();
    setState({ status: "idle" });
  }, []);

  const write = React.useCallback(async () => {
    if (state.status !== "done") return;
    try {
      // A result sheet the user edited is kept as "… (sửa tay)": the notes say so in the pane.
      const { written, notes } = await writeResultSheets(workbook, state.result.sheets);
      setState({ ...state, written, notes });
    } catch (e) {
      setState({ status: "failed", problem: describeProblem(e) });
    }
  }, [state, workbook]);

  return { state, run, cancel, reset, write };
}

/** Writes one output (a template) and reports the sheet it went to, or the problem. */
export function useWriteSheet(workbook: WorkbookPort, onWritten: () => void) {
  const [message, setMessage] = React.useState<{ written?: string; problem?: ProblemView } | null>(
    null
  );
  const write = React.useCallback(
    async (sheet: OutputSheet | (() => Promise<OutputSheet>)) => {
      try {
        // A template made from the workbook (the commune form from the policy sheet) may be refused as it is made.
        const made = typeof sheet === "function" ? await sheet() : sheet;
        // A template is the user's to fill in: never owned, so nothing ever replaces it.
        const [name] = await workbook.writeResults([made], { owned: false });
        setMessage({ written: name });
        onWritten();
      } catch (e) {
        setMessage({ problem: describeProblem(e) });
      }
    },
    [workbook, onWritten]
  );
  return { message, write, clear: () => setMessage(null) };
}
