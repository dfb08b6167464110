// The pane's collect run: reads the picked files in turn (the reading code is a chunk of its own), reports files done
// of total, stops on cancel writing nothing, and writes the result sheets through the port (owned: a re-run
// replaces them, a user's sheet of the same name is never touched).

import * as React from "react";
import type { WorkbookPort } from "../workbook/port";
import type { PickedFile } from "../workbook/collect/from-files";
import type { Bilingual } from "../engine/errors";
import { describeProblem, writeResultSheets, type ProblemView } from "./run";

export type CollectState =
  | { status: "idle" }
  | { status: "running"; done: number; total: number; file?: string }
  | { status: "cancelled" }
  | { status: "failed"; problem: ProblemView }
  | {
      status: "done";
      communes: number;
      leftOut: number;
      unreadable: number;
      written: string[];
      notes: Bilingual[];
    };

export function useCollect(workbook: WorkbookPort, onWritten: () => void) {
  const [state, setState] = React.useState<CollectState>({ status: "idle" });
  const controller = React.useRef<AbortController | null>(null);
  const start = React.useCallback(
    async (files: PickedFile[]) => {
      const abort = new AbortController();
      controller.current = abort;
      setState({ status: "running", done: 0, total: files.length });
      try {
        const { collectPickedFiles } = await import(
          /* webpackChunkName: "collect" */ "../workbook/collect/from-files"
        );
        const result = await collectPickedFiles(files, workbook, {
          signal: abort.signal,
          onProgress: (done, total, file) => setState({ status: "running", done, total, file }),
        });
        if (abort.signal.aborted) {
          setState({ status: "cancelled" });
          return;
        }
        const { written, notes } = await writeResultSheets(workbook, result.sheets);
        const c = result.collection;
        setState({
          status: "done",
          communes: c.communes.length,
          leftOut: c.leftOut,
          unreadable: c.files.filter((f) => f.outcome === "unreadable").length,
          written,
          notes,
        });
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
