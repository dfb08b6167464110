// One click to insert a blank input template sheet.

import * as React from "react";
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
} from "@fluentui/react-components";
import { TEMPLATES, type TemplateDefinition } from "../../workbook/templates";
import type { Handler } from "../handlers";
import { pick, UI, type Lang } from "../i18n";

const useStyles = makeStyles({
  // The list grew past the room under the button in a short pane: it scrolls within the room it gets.
  popover: { overflowY: "auto" },
});

export function TemplateMenu(props: {
  lang: Lang;
  disabled: boolean;
  onInsert: Handler<TemplateDefinition["id"]>;
  /** The commune report form, made from the workbook's indicator policy sheet (2026-2030). */
  onCommuneForm: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <Menu positioning={{ autoSize: "height" }}>
      <MenuTrigger disableButtonEnhancement>
        <Button data-testid="templates" disabled={props.disabled}>
          {pick(UI.templates, props.lang)}
        </Button>
      </MenuTrigger>
      <MenuPopover className={styles.popover}>
        <MenuList>
          {TEMPLATES.map((t) => (
            <MenuItem
              key={t.id}
              data-testid={`template-${t.id}`}
              onClick={() => props.onInsert(t.id)}
            >
              {pick(t.label, props.lang)}
            </MenuItem>
          ))}
          <MenuItem data-testid="template-commune" onClick={() => props.onCommuneForm()}>
            {pick(UI.communeForm, props.lang)}
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
