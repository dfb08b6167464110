// File input and output for the CLI: .xlsx and .csv in, .xlsx out.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { InputError } from "../engine/errors";
import { ExcelJsWorkbook } from "../workbook/adapters/exceljs";
import type { OutputSheet } from "../workbook/output";

/** Opens a workbook from a .xlsx or .csv path; input problems become InputError naming the file. */
export async function openWorkbook(file: string): Promise<ExcelJsWorkbook> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch {
    throw new InputError({
      file,
      expected: { vi: "một tệp .xlsx hoặc .csv đọc được", en: "a readable .xlsx or .csv file" },
    });
  }
  const ext = path.extname(file).toLowerCase();
  try {
    if (ext === ".csv" || ext === ".txt") {
      return ExcelJsWorkbook.fromTextBytes(new Uint8Array(data), path.basename(file, ext));
    }
    return await ExcelJsWorkbook.fromXlsx(data);
  } catch (e) {
    throw e instanceof InputError ? e.inFile(file) : e;
  }
}

/** Writes result sheets to a new .xlsx file (one sheet per result, native tables). */
export async function writeResultFile(file: string, sheets: OutputSheet[]): Promise<string[]> {
  const book = ExcelJsWorkbook.empty();
  const names = await book.writeResults(sheets);
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await fs.writeFile(file, await book.toXlsx());
  return names;
}

/** The first sheet of a workbook, the usual case for single-table input files. */
export async function firstSheet(book: ExcelJsWorkbook, file: string): Promise<string> {
  const names = await book.sheetNames();
  if (names.length === 0) {
    throw new InputError({
      file,
      expected: { vi: "ít nhất một trang tính", en: "at least one sheet" },
    });
  }
  return names[0];
}

/** Runs a body and names the file in any input error that does not name one yet. */
export async function inFile<T>(file: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    throw e instanceof InputError && !e.details.file ? e.inFile(file) : e;
  }
}
