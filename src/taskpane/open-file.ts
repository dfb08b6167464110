// The web app's open file: .xlsx, .xls or .csv told apart by their bytes (fileKind, as the CLI), each through its
// reader loaded only when such a file is opened (ExcelJS, SheetJS for .xls: chunks of their own, not the first
// bundle). Refusals are the readers' own, naming the file.

import { InputError } from "../engine/errors";
import { baseName, fileKind, type FileKind } from "../workbook/adapters/file-kind";
import type { WorkbookPort } from "../workbook/port";
import { browserHeapLimit } from "./heap-limit";

export interface OpenedFile {
  name: string;
  kind: FileKind;
  workbook: WorkbookPort;
  /**
   * The .xlsx the user downloads, made by the CLI's writer (SessionWrites): their workbook (or CSV sheet) with what
   * was written to it grafted in, their parts byte for byte; for an .xls, which is never written back, a new workbook
   * of only what was written.
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
    const [{ ExcelJsWorkbook }, { boundMemoryByHeap }, { SessionWrites, recordingWrites }] =
      await Promise.all([
        import(/* webpackChunkName: "exceljs" */ "../workbook/adapters/exceljs"),
        import(/* webpackChunkName: "exceljs" */ "../workbook/adapters/xlsx-guard"),
        import(/* webpackChunkName: "exceljs" */ "../workbook/adapters/session-writes"),
      ]);
    // The reading's memory bound within this browser's heap, where it says (the CLI's rule, with Node's heap).
    boundMemoryByHeap(browserHeapLimit());
    const writes = new SessionWrites();
    if (kind === "text") {
      const book = ExcelJsWorkbook.fromTextBytes(bytes, baseName(name));
      return {
        name,
        kind,
        workbook: recordingWrites(book, writes),
        // A CSV has no parts of its own to keep: its sheet, as read, is made into a workbook by ExcelJS (the one
        // writer of a user's plain grid; our writer writes result tables), and our sheets are grafted into that.
        toXlsx: async () =>
          writes.toXlsx(await ExcelJsWorkbook.fromTextBytes(bytes, baseName(name)).toXlsx()),
        hasDownload: () => true,
      };
    }
    const book = await ExcelJsWorkbook.fromXlsx(bytes);
    return {
      name,
      kind,
      workbook: recordingWrites(book, writes),
      // The user's file with our sheets grafted in, every part of theirs byte for byte, as the CLI's --out onto it.
      toXlsx: () => writes.toXlsx(bytes),
      hasDownload: () => true,
    };
  } catch (e) {
    throw e instanceof InputError ? e.inFile(name) : e;
  }
}

/** The name of the results file: the opened file's name without its extension, then "-ket-qua.xlsx". */
export function resultFileName(name: string): string {
  return `${baseName(name)}-ket-qua.xlsx`;
}
