// A file picker in our words: the browser's own file input ("Choose File", "No file chosen", in the browser's
// language) stays hidden behind a Fluent button; what was chosen is said by the caller, in the pane's language.

import * as React from "react";
import { Button, type ButtonProps } from "@fluentui/react-components";
import type { Handler } from "../handlers";

export function FilePicker(props: {
  label: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  appearance?: ButtonProps["appearance"];
  /** On the hidden input (tests set files on it). */
  inputTestId: string;
  buttonTestId: string;
  onFiles: Handler<File[]>;
}): React.JSX.Element {
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        accept={props.accept}
        multiple={props.multiple}
        disabled={props.disabled}
        data-testid={props.inputTestId}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // The same file picked again (after fixing it) is a new choice.
          e.currentTarget.value = "";
          if (files.length > 0) props.onFiles(files);
        }}
      />
      <Button
        appearance={props.appearance}
        disabled={props.disabled}
        data-testid={props.buttonTestId}
        onClick={() => input.current?.click()}
      >
        {props.label}
      </Button>
    </>
  );
}
