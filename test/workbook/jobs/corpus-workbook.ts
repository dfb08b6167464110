// Opens a corpus file (.xlsx or .csv) as the jobs read it, for the tests that run every job over the corpora.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { csvWorkbook } from "../../../src/workbook/adapters/csv";
import { ExcelJsWorkbook } from "../../../src/workbook/adapters/exceljs";
import type { WorkbookPort } from "../../../src/workbook/port";

/** The file as a workbook, or null for a file refused whole (a zip bomb, not a workbook): it has no sheet to name. */
export async function openCorpusWorkbook(file: string): Promise<WorkbookPort | null> {
  const bytes = await fs.readFile(file);
  try {
    if (file.endsWith(".csv")) return csvWorkbook(bytes, path.basename(file, ".csv"));
    return await ExcelJsWorkbook.fromXlsx(bytes);
  } catch {
    // The CLI tests cover the message of a file refused whole.
    return null;
  }
}
