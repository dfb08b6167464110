// Callback types of the task pane's components (kept in a .ts module: the linter misreads parameter names in .tsx).

import type { ReactNode } from "react";
import type { OutputTable } from "../workbook/output";
import type { OptionValue } from "./run";

export type Handler<T> = (value: T) => void;
export type SheetChoiceHandler = (inputId: string, sheet: string | undefined) => void;
export type OptionHandler = (optionId: string, value: OptionValue) => void;
/** Something mounted under one result table (its chart, a copy button). */
export type TableExtra = (sheet: string, table: OutputTable) => ReactNode;
/** How the reading panel (a chunk of its own) shows a read-only table and an error: the initial bundle's way. */
export type TableView = (sheet: string, table: OutputTable) => ReactNode;
export type ErrorView = (error: unknown) => ReactNode;
/** How a job words a warning for the pane (its CLI flags named by the form's labels). */
export type Wording = (text: string) => string;
/** Controls drawn in the pane's language (the web app's toolbar). */
export type InLanguage = (lang: "vi" | "en") => ReactNode;
