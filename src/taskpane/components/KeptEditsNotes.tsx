// After a write: a result sheet the user had changed by hand was not replaced but kept under another name
// ("KQ_TongHop (sửa tay)"). One warning each, in the pane's language, wrapping at the pane's 320 px.

import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Bilingual } from "../../engine/errors";
import { pick, type Lang } from "../i18n";

export function KeptEditsNotes({
  notes,
  lang,
}: {
  notes: Bilingual[] | undefined;
  lang: Lang;
}): React.JSX.Element | null {
  if (!notes || notes.length === 0) return null;
  return (
    <>
      {notes.map((note) => (
        <MessageBar key={note.en} intent="warning" layout="multiline" data-testid="kept-edited">
          <MessageBarBody>{pick(note, lang)}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
