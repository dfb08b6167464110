// The one small interface between planning and a workbook: list sheets, read a sheet, write the add-in's own result sheets.

import type { Bilingual } from "../engine/errors";
import type { Grid } from "./grid";
import type { OutputSheet } from "./output";

export interface WorkbookPort {
  /** Visible and hidden sheet names in workbook order, excluding the add-in's own bookkeeping sheet. */
  sheetNames(): Promise<string[]>;
  /**
   * Hidden and very hidden sheets among sheetNames(): inputs are looked for on visible sheets only, unless named.
   * Optional so that a port that cannot tell (a test double) reports none.
   */
  hiddenSheets?(): Promise<string[]>;
  /** The used range of one sheet as values; throws InputError when there is no such sheet. */
  readSheet(name: string): Promise<Grid>;
  /**
   * Writes result sheets as native tables. A sheet the add-in wrote before (same identity and name) is replaced; a
   * user's sheet is never touched (another name is chosen). Returns the sheet names actually written, in order.
   */
  writeResults(sheets: OutputSheet[], options?: WriteOptions): Promise<string[]>;
  /**
   * Shows a range to the user: activates the sheet and selects the range (an A1 address: "C6:C85", "6:85", or
   * several areas "6:85, 88:90"). Only where a workbook is on screen (Excel); the browser app previews instead.
   */
  selectRange?(sheet: string, address: string): Promise<void>;
}

export interface WriteOptions {
  /**
   * False for a sheet the user will fill in (an input template): it is written under a free name ("Mau_Xa (2)"
   * when "Mau_Xa" exists) and never recorded as the add-in's, so nothing ever replaces it. Default true.
   */
  owned?: boolean;
  /**
   * Told what the write did that the user should know: a result sheet the user changed by hand since it was
   * written is kept under another name ("KQ_TongHop (sửa tay)") rather than replaced.
   */
  onNote?: (note: Bilingual) => void;
}
