// An Excel 97-2003 workbook opened in the web app: read through XlsWorkbook (the CLI's reader), and never written
// back as .xls. What the session writes (result sheets, templates, the collected table) goes to the .xls in memory,
// so that later jobs read it as in Excel, and is kept (SessionWrites) for the file the user downloads: a new .xlsx of
// what was written, made by the CLI's writer, as the CLI's --out writes a new workbook of results for an .xls input.

import { XlsWorkbook } from "./xls";
import { SessionWrites } from "./session-writes";
import type { Grid } from "../grid";
import type { OutputSheet } from "../output";
import type { WorkbookPort, WriteOptions } from "../port";

export class XlsWithResults implements WorkbookPort {
  private readonly writes = new SessionWrites();

  constructor(readonly source: XlsWorkbook) {}

  static fromXls(bytes: Uint8Array): XlsWithResults {
    return new XlsWithResults(XlsWorkbook.fromXls(bytes));
  }

  sheetNames(): Promise<string[]> {
    return this.source.sheetNames();
  }

  hiddenSheets(): Promise<string[]> {
    return this.source.hiddenSheets();
  }

  readSheet(name: string): Promise<Grid> {
    return this.source.readSheet(name);
  }

  /** Written to the .xls in memory first (it names the sheets beside the user's), then kept under those names. */
  async writeResults(sheets: OutputSheet[], options: WriteOptions = {}): Promise<string[]> {
    const names = await this.source.writeResults(sheets, options);
    this.writes.record(sheets, names, options.owned !== false);
    return names;
  }

  /** The sheets the new .xlsx holds (none until something is written). */
  resultSheets(): string[] {
    return this.writes.names();
  }

  /** A new .xlsx of what was written: the user's .xls is not in it (it stays as it is, on the user's disk). */
  toXlsx(): Promise<Uint8Array> {
    return this.writes.toXlsx();
  }
}
