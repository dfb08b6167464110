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
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    throw new InputError({
      file,
      found: missing ? "không tìm thấy / not found" : "không đọc được / cannot be read",
      expected: { vi: "một tệp .xlsx hoặc .csv đọc được", en: "a readable .xlsx or .csv file" },
    });
  }
  const ext = path.extname(file).toLowerCase();
  // A legacy .xls (an OLE2 compound file, D0 CF 11 E0) is not a zip: say what to do, not what the zip reader saw.
  if (ext === ".xls" || data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new InputError({
      file,
      found: "Excel 97-2003 (.xls)",
      expected: {
        vi: "tệp .xlsx: mở tệp bằng Excel và Lưu thành (Save As) định dạng .xlsx",
        en: "an .xlsx file: open it in Excel and save it as .xlsx (Save As)",
      },
    });
  }
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
