// A run's warnings as the pane shows them, one way for every job and for collect: each with its place first
// ("Xã!B7: …", as the CLI prints it) in the pane's language, wrapping at 320 px. Past the first WARNINGS_SHOWN, how
// many more there are and a button to show them all, as a result table does with its rows.

import * as React from "react";
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { placedWarning } from "../../engine/errors";
import type { Warning } from "../../engine/types";
import { OUTPUT_NOTES_LISTED } from "../../workbook/output-text";
import { formatCell } from "../format";
import type { Wording } from "../handlers";
import { fill, pick, UI, type Lang } from "../i18n";

/**
 * Warnings drawn before "show all" (a reading of many rows can say thousands): more than the output boundary names
 * (its cells and the line counting the rest), so that what writing changed is shown whole, as the CLI prints it.
 */
export const WARNINGS_SHOWN = OUTPUT_NOTES_LISTED + 10;

const useStyles = makeStyles({
  body: { minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  more: { display: "block", overflowWrap: "anywhere" },
});

export function WarningList({
  warnings,
  lang,
  words = (text) => text,
  testId = "warnings",
}: {
  warnings: Warning[];
  lang: Lang;
  words?: Wording;
  testId?: string;
}): React.JSX.Element | null {
  const styles = useStyles();
  // Opened for these warnings only: a new run starts with the first few again.
  const [openFor, setOpenFor] = React.useState<Warning[] | null>(null);
  if (warnings.length === 0) return null;
  const shown = openFor === warnings ? warnings : warnings.slice(0, WARNINGS_SHOWN);
  const more = warnings.length - shown.length;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid={testId}>
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{pick(UI.warnings, lang)}</MessageBarTitle>
        <ul className={styles.list}>
          {shown.map((w, i) => (
            <li key={i} data-testid="warning">
              {words(pick(placedWarning(w), lang))}
            </li>
          ))}
        </ul>
        {more > 0 && (
          <div>
            <Caption1 className={styles.more} data-testid="warnings-more">
              {fill(pick(UI.moreWarnings, lang), { more: formatCell(more) })}
            </Caption1>
            <Button
              size="small"
              appearance="transparent"
              data-testid="warnings-all"
              onClick={() => setOpenFor(warnings)}
            >
              {fill(pick(UI.showAllWarnings, lang), { total: formatCell(warnings.length) })}
            </Button>
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
