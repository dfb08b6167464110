// An error shown inline: the sheet and cell to fix, what was found and what is expected.

import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { pick, UI, type Lang } from "../i18n";
import { splitBilingual } from "../localize";
import type { ProblemView } from "../run";
import type { JobSpec } from "../../workbook/jobs/job";
import { withoutFlags } from "../form";

export function ProblemBar({
  problem,
  lang,
  job,
}: {
  problem: ProblemView;
  lang: Lang;
  /** The job run: its option labels replace the CLI flags its messages name. */
  job?: JobSpec;
}): React.JSX.Element {
  const where = [
    problem.file ? `${pick(UI.file, lang)} '${problem.file}'` : "",
    problem.sheet ? `${pick(UI.sheet, lang)} '${problem.sheet}'` : "",
    problem.cell ? `${pick(UI.cell, lang)} ${problem.cell}` : "",
    // An option's value is placed by its field, named as the form labels it.
    ...(problem.options ?? []).map((o) => `${pick(UI.field, lang)} ${withoutFlags(`--${o}`, job, lang)}`),
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <MessageBar intent="error" layout="multiline" data-testid="problem">
      <MessageBarBody>
        <MessageBarTitle>
          {pick(problem.kind === "input" ? UI.errorTitle : UI.failedTitle, lang)}
          {where ? `: ${where}` : ""}
        </MessageBarTitle>
        {problem.expected ? (
          <div>
            {problem.found !== undefined ? `${pick(UI.found, lang)} “${problem.found}”. ` : ""}
            {pick(UI.expected, lang)}: {withoutFlags(pick(problem.expected, lang), job, lang)}
          </div>
        ) : (
          // Failures carry "Tiếng Việt / English" in one message: the pane's language only.
          <div>
            {withoutFlags(splitBilingual(problem.message)?.[lang] ?? problem.message, job, lang)}
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
