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

/** Writes a file whole or not at all: a temporary file beside it, renamed over it once complete. */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const target = path.resolve(file);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`
  );
  try {
    await fs.writeFile(temporary, bytes, { flag: "wx" });
    await fs.rename(temporary, target);
  } catch (e) {
    await fs.rm(temporary, { force: true });
    throw e;
  }
}

/** Runs a body and names the file in any input error that does not name one yet. */
export async function inFile<T>(file: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    throw e instanceof InputError && !e.details.file ? e.inFile(file) : e;
  }
}
