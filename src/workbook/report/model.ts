// A report as plain data: sections of paragraphs and appendices of tables, every figure already written as text.

import type { SourceRef } from "../../engine/types";
import type { ReportLang } from "./format";
import type { ReportFrame } from "./frame";

export interface ReportCell {
  text: string;
  align?: "left" | "center" | "right";
  bold?: boolean;
  /** Indentation level of a sub-line (0 for none). */
  indent?: number;
  colSpan?: number;
  rowSpan?: number;
  /** The input cell this cell's text was read from, when not its row's (a money column's heading). */
  source?: SourceRef;
}

export interface ReportTable {
  /** Stable id, e.g. "funding"; tests and the task pane find tables by it. */
  id: string;
  /** Caption above the table when an appendix holds more than one. */
  caption?: string;
  /** "ĐVT: triệu đồng" above money tables. */
  unit?: string;
  /** Header rows (one or two; cells may span). */
  header: ReportCell[][];
  rows: ReportCell[][];
  /** Relative column widths. */
  widths: number[];
  /** "Nguồn: …" under the table. */
  source: string;
  /**
   * The input cell each body row's name (its second column) was read from, by row: a commune's name cell, a line's
   * label cell. What a warning about that cell names; another cell of the row names its own `source`.
   */
  rowSources?: readonly (SourceRef | undefined)[];
}

export interface ReportAppendix {
  /** "Phụ lục II" / "Appendix II". */
  label: string;
  /** The job whose result (and reading) the appendix is written from ("summary", "roadmap"…). */
  job?: string;
  /** The title in capitals, as appendices print it. */
  title: string;
  tables: ReportTable[];
  /** Wide tables are laid out on landscape pages. */
  landscape: boolean;
}

/** A text of the user's a paragraph quotes as it prints it (a commune's name, a line's label), and its input cell. */
export interface ReportQuote {
  text: string;
  source?: SourceRef;
}

/** A paragraph, or a line that reports write as "- …" under the paragraph before it. */
export interface ReportBlock {
  kind: "paragraph" | "bullet";
  text: string;
  /** The texts of the user's it quotes, each with the cell it was read from: what a warning about one names. */
  quotes?: readonly ReportQuote[];
}

/** A quote of a text read from an input cell (the cell left out when the job gave none). */
export function quote(value: string, source: SourceRef | undefined): ReportQuote {
  return source ? { text: value, source } : { text: value };
}

export interface ReportSection {
  heading: string;
  blocks: ReportBlock[];
}

export function paragraphs(texts: string[]): ReportBlock[] {
  return texts.map((t) => ({ kind: "paragraph", text: t }));
}

export interface ReportDocument {
  lang: ReportLang;
  title: string;
  subtitle: string;
  sections: ReportSection[];
  appendices: ReportAppendix[];
  /** The administrative document frame (Decree 30/2020/NĐ-CP), when asked for. */
  frame?: ReportFrame;
}

export function text(value: string, extra: Omit<ReportCell, "text"> = {}): ReportCell {
  return { text: value, align: "left", ...extra };
}

export function num(value: string, extra: Omit<ReportCell, "text"> = {}): ReportCell {
  return { text: value, align: "right", ...extra };
}

export function centre(value: string, extra: Omit<ReportCell, "text"> = {}): ReportCell {
  return { text: value, align: "center", ...extra };
}

/** A header row of bold centred cells. */
export function headerRow(labels: string[]): ReportCell[] {
  return labels.map((l) => ({ text: l, align: "center", bold: true }));
}

/** The custom document property that marks a Word report as the add-in's own (its bookkeeping in the file). */
export const REPORT_MARK = { name: "NTMPlannerReport", value: "1" } as const;
