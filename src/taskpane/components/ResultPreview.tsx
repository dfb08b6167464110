// The result of a run before it is written, at pane width and in the pane's language: key figures first, then
// warnings, then each table (name and figures; the other columns behind each row's expander).
// Numbers always in Vietnamese format (3.602.312; 6,21%): the figures are Vietnamese reports' figures.

import * as React from "react";
import type { JobSpec } from "../../workbook/jobs/job";
import { withoutFlags } from "../form";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { JobResult } from "../../workbook/jobs/job";
import type { TableExtra } from "../handlers";
import { pick, UI, type Lang } from "../i18n";
import { keyFigures } from "../key-figures";
import { KeyFigureTiles } from "./KeyFigureTiles";
import { ResultTable } from "./ResultTable";
import { WarningList } from "./WarningList";

export { PREVIEW_ROWS } from "./ResultTable";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  text: {
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    fontFamily: "inherit",
    margin: 0,
  },
});

export interface ResultPreviewProps {
  /** The job that produced the result: it decides the key figures. */
  jobId?: string;
  /** Its declaration, whose labels name the options the job's warnings name by CLI flag. */
  job?: JobSpec;
  result: JobResult;
  lang: Lang;
  /** Mounted under the warnings: what was read (the reading panel). */
  reading?: React.ReactNode;
  /** Mounted between the warnings and the tables (charts). */
  extras?: React.ReactNode;
  /** Mounted under one table (its chart, a copy button). */
  tableExtra?: TableExtra;
}

export function ResultPreview({
  job,
  jobId,
  result,
  lang,
  reading,
  extras,
  tableExtra,
}: ResultPreviewProps): React.JSX.Element {
  const styles = useStyles();
  // A new result below the fold is brought into view once it is drawn (it starts under the form, and loads in its
  // own chunk); one already in view is left where it is.
  const root = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const el = root.current;
    if (
      el &&
      typeof el.scrollIntoView === "function" &&
      el.getBoundingClientRect().top > window.innerHeight
    )
      el.scrollIntoView({ block: "start" });
  }, [result]);
  const { figures, sheet } = React.useMemo(() => keyFigures(jobId, result), [jobId, result]);
  return (
    <div className={styles.root} data-testid="results" ref={root}>
      {sheet && (
        <Caption1 data-testid="data-sheet">
          {pick(UI.dataSheet, lang)} “{sheet}”
        </Caption1>
      )}
      {figures.length > 0 ? (
        <KeyFigureTiles figures={figures} lang={lang} />
      ) : (
        // A job without key figures: its own summary text (Vietnamese, as the CLI prints it).
        result.text && (
          <pre data-testid="result-text" className={styles.text} lang="vi">
            {result.text}
          </pre>
        )
      )}
      <WarningList
        warnings={result.warnings}
        lang={lang}
        words={(text) => withoutFlags(text, job, lang)}
      />
      {reading}
      {extras}
      {result.sheets.map((sheet) =>
        sheet.tables.map((table) => (
          <ResultTable
            key={`${sheet.sheet}/${table.name}`}
            sheet={sheet.sheet}
            table={table}
            lang={lang}
          >
            {tableExtra?.(sheet.sheet, table)}
          </ResultTable>
        ))
      )}
    </div>
  );
}
