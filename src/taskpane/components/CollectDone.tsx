// What a finished collect says, from the collect chunk (loaded with the reading code, never on the first screen):
// the counts and the sheets written, the sheets kept because the user had edited them, then collect's warnings, each
// naming the commune report's file, sheet and cell (the lines the CLI prints after its summary).

import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { CollectDoneState } from "../collect";
import { pick, UI, type Lang } from "../i18n";
import { KeptEditsNotes } from "./KeptEditsNotes";
import { WarningList } from "./WarningList";

export function CollectDone({
  state,
  lang,
}: {
  state: CollectDoneState;
  lang: Lang;
}): React.JSX.Element {
  return (
    <>
      <MessageBar intent={state.leftOut > 0 || state.unreadable > 0 ? "warning" : "success"}>
        <MessageBarBody data-testid="collect-done">
          {pick(UI.collectDone, lang)}: {state.communes} {pick(UI.collectCommunes, lang)};{" "}
          {state.leftOut} {pick(UI.collectLeftOut, lang)}; {state.unreadable}{" "}
          {pick(UI.collectUnreadable, lang)}. {pick(UI.written, lang)}:{" "}
          <span data-testid="collect-written">{state.written.join(", ")}</span>
        </MessageBarBody>
      </MessageBar>
      <KeptEditsNotes notes={state.notes} lang={lang} />
      <WarningList warnings={state.warnings} lang={lang} testId="collect-warnings" />
    </>
  );
}

export default CollectDone;
