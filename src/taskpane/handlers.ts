// Callback types of the task pane's components (kept in a .ts module: the linter misreads parameter names in .tsx).

import type { ReactNode } from "react";
import type { OutputTable } from "../workbook/output";
import type { OptionValue } from "./run";

export type Handler<T> = (value: T) => void;
export type SheetChoiceHandler = (inputId: string, sheet: string | undefined) => void;
export type OptionHandler = (optionId: string, value: OptionValue) => void;
/** Something mounted under one result table (its chart, a copy button). */
export type TableExtra = (sheet: string, table: OutputTable) => ReactNode;
