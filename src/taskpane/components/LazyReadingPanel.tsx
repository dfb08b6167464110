// Mounts the "What was read" panel from its own chunk: the initial task-pane script stays small. The panel's
// preview table and problem bar are the result preview's own (the "results" chunk), handed in here.

import * as React from "react";
import { Spinner } from "@fluentui/react-components";
import type { WorkbookPort } from "../../workbook/port";
import type { TableReading } from "../../workbook/reading/types";
import type { Lang } from "../i18n";
import { describeProblem } from "../run";
import { ProblemBar } from "./ProblemBar";
import { ResultTable } from "./ResultTable";

const ReadingPanel = React.lazy(() => import(/* webpackChunkName: "reading" */ "./ReadingPanel"));

export function LazyReadingPanel({
  readings,
  workbook,
  lang,
}: {
  readings: TableReading[];
  workbook: WorkbookPort;
  lang: Lang;
}): React.JSX.Element | null {
  // A job that has not said what it read shows nothing (no empty panel).
  if (readings.length === 0) return null;
  return (
    <React.Suspense fallback={<Spinner size="tiny" />}>
      <ReadingPanel
        readings={readings}
        workbook={workbook}
        lang={lang}
        renderTable={(sheet, table) => (
          <ResultTable sheet={sheet} table={table} lang={lang} asTyped />
        )}
        renderProblem={(error) => <ProblemBar problem={describeProblem(error)} lang={lang} />}
      />
    </React.Suspense>
  );
}
