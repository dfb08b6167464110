// Callback types of the task pane's components (kept in a .ts module: the linter misreads parameter names in .tsx).

import type { OptionValue } from "./run";

export type Handler<T> = (value: T) => void;
export type SheetChoiceHandler = (inputId: string, sheet: string | undefined) => void;
export type OptionHandler = (optionId: string, value: OptionValue) => void;
