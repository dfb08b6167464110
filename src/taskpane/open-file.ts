// The web app's open file: .xlsx, .xls or .csv told apart by their bytes (fileKind, as the CLI), each through its
// reader loaded only when such a file is opened (ExcelJS, SheetJS for .xls: chunks of their own, not the first
// bundle). Refusals are the readers' own, naming the file.

import { InputError } from "../engine/errors";
import { baseName, fileKind, type FileKind } from "../workbook/adapters/file-kind";
import type { WorkbookPort } from "../workbook/port";

export interface OpenedFile {
  name: string;
  kind: FileKind;
  workbook: WorkbookPort;
  /**
   * The .xlsx the user downloads: their workbook (or CSV sheet) with what was written to it; for an .xls, which is
   * never written back, a new workbook of only what was written.
   */
  toXlsx(): Promise<Uint8Array>;
  /** False while an .xls session has written nothing (its download would be an empty workbook). */
  hasDownload(): boolean;
}

/** Opens a file's bytes; every refusal is an InputError naming the file. */
export async function openBytes(bytes: Uint8Array, name: string): Promise<OpenedFile> {
  const kind = fileKind(bytes, name);
  try {
    if (kind === "xls") {
      const { XlsWithResults } = await import(
        /* webpackChunkName: "xls" */ "../workbook/adapters/xls-results"
      );
      const book = XlsWithResults.fromXls(bytes);
      return {
        name,
        kind,
        workbook: book,
        toXlsx: () => book.toXlsx(),
        hasDownload: () => book.resultSheets().length > 0,
      };
    }
    const { ExcelJsWorkbook } = await import(
      /* webpackChunkName: "exceljs" */ "../workbook/adapters/exceljs"
    );
    const book =
      kind === "text"
        ? ExcelJsWorkbook.fromTextBytes(bytes, baseName(name))
        : await ExcelJsWorkbook.fromXlsx(bytes);
    return { name, kind, workbook: book, toXlsx: () => book.toXlsx(), hasDownload: () => true };
  } catch (e) {
    throw e instanceof InputError ? e.inFile(name) : e;
  }
}

/** The name of the results file: the opened file's name without its extension, then "-ket-qua.xlsx". */
export function resultFileName(name: string): string {
  return `${baseName(name)}-ket-qua.xlsx`;
}
