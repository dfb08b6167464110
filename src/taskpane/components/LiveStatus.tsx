// Tells screen readers what a run is doing (started, done with its first figures, cancelled, failed): one polite
// live region, off screen, that changes only when the run's status does.

import * as React from "react";
import { makeStyles } from "@fluentui/react-components";
import type { JobSpec } from "../../workbook/jobs/job";
import type { RunState } from "../hooks";
import { announcement } from "../announce";
import type { Lang } from "../i18n";

const useStyles = makeStyles({
  // Visually hidden, still read (the usual clip pattern).
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

export function LiveStatus({
  state,
  job,
  lang,
}: {
  state: RunState;
  job: JobSpec | undefined;
  lang: Lang;
}): React.JSX.Element {
  const styles = useStyles();
  // Progress ticks re-render the pane, but the text (and so the announcement) changes only with the status.
  const text = announcement(state, job, lang);
  return (
    <div role="status" aria-live="polite" className={styles.hidden} data-testid="live-status">
      {text}
    </div>
  );
}
