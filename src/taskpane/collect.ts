// The pane's collect run: reads the picked files in turn (the reading code is a chunk of its own), reports files done
// of total, stops on cancel writing nothing, and writes the result sheets through the port (owned: a re-run
// replaces them, a user's sheet of the same name is never touched).

import * as React from "react";
import type { WorkbookPort } from "../workbook/port";
import type { PickedFile } from "../workbook/collect/from-files";
import type { Bilingual } from "../engine/errors";
import type { Warning } from "../engine/types";
import { describeProblem, writeResultSheets, type ProblemView } from "./run";

export type CollectDoneState = {
  status: "done";
  communes: number;
  leftOut: number;
  unreadable: number;
  written: string[];
  notes: Bilingual[];
  /**
   * What collecting said (the open workbook's policy sheet, what writing changed in a report's text), each naming
   * the report's file, sheet and cell: the lines the CLI prints after its summary.
   */
  warnings: Warning[];
};

export type CollectState =
  | { status: "idle" }
  | { status: "running"; done: number; total: number; file?: string }
  | { status: "cancelled" }
  | { status: "failed"; problem: ProblemView }
  | CollectDoneState;

/**
 * Collects the picked files and writes the result sheets through the port; null when the signal stopped it before
 * anything was written. The pane's run, apart from its progress and state (tests call it with the in-memory port).
 */
export async function collectAndWrite(
  files: PickedFile[],
  workbook: WorkbookPort,
  options: {
    signal?: AbortSignal;
    onProgress?: (done: number, total: number, file: string) => void;
  } = {}
): Promise<CollectDoneState | null> {
  const { collectPickedFiles } = await import(
    /* webpackChunkName: "collect" */ "../workbook/collect/from-files"
  );
  const result = await collectPickedFiles(files, workbook, options);
  if (options.signal?.aborted) return null;
  const { written, notes } = await writeResultSheets(workbook, result.sheets);
  const c = result.collection;
  return {
    status: "done",
    communes: c.communes.length,
    leftOut: c.leftOut,
    unreadable: c.files.filter((f) => f.outcome === "unreadable").length,
    written,
    notes,
    warnings: result.warnings,
  };
}

export function useCollect(workbook: WorkbookPort, onWritten: () => void) {
  const [state, setState] = React.useState<CollectState>({ status: "idle" });
  const controller = React.useRef<AbortController | null>(null);
  const start = React.useCallback(
    async (files: PickedFile[]) => {
      const abort = new AbortController();
      controller.current = abort;
      setState({ status: "running", done: 0, total: files.length });
      try {
        const done = await collectAndWrite(files, workbook, {
          signal: abort.signal,
          onProgress: (done, total, file) => setState({ status: "running", done, total, file }),
        });
        if (!done) {
          setState({ status: "cancelled" });
          return;
        }
        setState(done);
        onWritten();
      } catch (e) {
        if (abort.signal.aborted) setState({ status: "cancelled" });
        else setState({ status: "failed", problem: describeProblem(e) });
      } finally {
        controller.current = null;
      }
    },
    [workbook, onWritten]
  );
  const cancel = React.useCallback(() => controller.current?.abort(), []);
  return { state, start, cancel };
}
