// File input and output for the CLI: .xlsx, .xls and .csv in, .xlsx out.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { getHeapStatistics } from "node:v8";
import { unzipSync } from "fflate";
import { InputError, type Bilingual } from "../engine/errors";
import { csvWorkbook } from "../workbook/adapters/csv";
import { fileKind } from "../workbook/adapters/file-kind";
import { boundMemoryByHeap } from "../workbook/adapters/xlsx-guard";
import type { OutputSheet } from "../workbook/output";
import { REPORT_MARK } from "../workbook/report/model";
import type { WorkbookPort } from "../workbook/port";

/**
 * ExcelJS, loaded only when an .xlsx is read or written: it is most of the CLI's start-up time, and a .csv run never
 * needs it (test/cli/startup.test.ts checks that).
 */
const excelJs = () => import("../workbook/adapters/exceljs");

/** SheetJS, loaded only when an Excel 97-2003 .xls is read (dist-cli/vendor/xlsx.js). */
const xls = () => import("../workbook/adapters/xls");

/**
 * The zip guard's memory bound within this Node's heap: a machine with less memory gives Node a smaller heap (about a
 * quarter of its memory), and a workbook too large for it is refused in words instead of ending the process.
 */
boundMemoryByHeap(getHeapStatistics().heap_size_limit);

/** Opens a workbook from an .xlsx, .xls or .csv path (told apart by content); input problems become InputError naming the file. */
export async function openWorkbook(file: string): Promise<WorkbookPort> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    throw new InputError({
      file,
      found: missing ? "không tìm thấy / not found" : "không đọc được / cannot be read",
      expected: {
        vi: "một tệp .xlsx, .xls hoặc .csv đọc được",
        en: "a readable .xlsx, .xls or .csv file",
      },
    });
  }
  const ext = path.extname(file).toLowerCase();
  const kind = fileKind(new Uint8Array(data), file);
  try {
    if (kind === "xls") return (await xls()).XlsWorkbook.fromXls(new Uint8Array(data));
    if (kind === "text") return csvWorkbook(new Uint8Array(data), path.basename(file, ext));
    return await (await excelJs()).ExcelJsWorkbook.fromXlsx(data, { readOnly: true });
  } catch (e) {
    throw e instanceof InputError ? e.inFile(file) : e;
  }
}

/**
 * Writes result sheets to an .xlsx file, whole or not at all: a new file of results, or, when the file exists, our
 * sheets added into it (or replacing ours there) with every part of the user's kept byte for byte (xlsx-graft).
 * `notes` hears what the user should know (a result sheet they changed, kept under another name).
 */
export async function writeResultFile(
  file: string,
  sheets: OutputSheet[],
  fsApi: OutputFs = fs,
  notes: (note: Bilingual) => void = () => undefined
): Promise<string[]> {
  const existing = await fs.readFile(file).catch(() => null);
  if (existing && path.extname(file).toLowerCase() === ".xlsx") {
    const { addResultsToWorkbook } = await import("../workbook/adapters/xlsx-graft");
    const grafted = await inFile(file, () =>
      addResultsToWorkbook(new Uint8Array(existing), sheets)
    );
    await writeFileAtomic(file, grafted.bytes, fsApi);
    grafted.notes.forEach(notes);
    return grafted.names;
  }
  // A new file: the sheets written row by row into the zip (xlsx-write), never as ExcelJS's object per cell.
  const { resultWorkbook } = await import("../workbook/adapters/xlsx-write");
  const made = resultWorkbook(sheets);
  await writeFileAtomic(file, made.bytes, fsApi);
  return made.names;
}

/**
 * Checked before a run writes to `file`, so that a long job does not end in a refusal: an existing .xlsx must be one
 * our sheets can be added to without changing the user's parts (xlsx-graft refuses a Strict, encrypted or otherwise
 * unhandled file, naming why); an existing .docx is replaced only when it carries REPORT_MARK, or with --force.
 */
export async function refuseReplacingUsersFile(file: string, force = false): Promise<void> {
  const found = await fs.stat(file).catch(() => null);
  if (!found || !found.isFile()) return;
  const ext = path.extname(file).toLowerCase();
  const bytes = new Uint8Array(await fs.readFile(file));
  if (ext === ".docx") {
    if (force || isOurReport(bytes)) return;
    throw new InputError({
      file,
      options: ["out"],
      found: `--out ${file}`,
      expected: {
        vi: "một tên tệp chưa có: tệp Word này đã có và không do NTM Planner ghi (thêm --force để ghi đè, nội dung cũ sẽ mất)",
        en: "a file name not yet taken: this Word file exists and NTM Planner did not write it (--force replaces it, its content is lost)",
      },
    });
  }
  if (ext !== ".xlsx") return;
  const { inspectUserWorkbook } = await import("../workbook/adapters/xlsx-graft");
  await inFile(file, async () => void inspectUserWorkbook(bytes));
}

/** True for a .docx carrying the add-in's mark in its custom properties. */
function isOurReport(bytes: Uint8Array): boolean {
  try {
    const parts = unzipSync(bytes, { filter: (f) => f.name === "docProps/custom.xml" });
    const custom = parts["docProps/custom.xml"];
    if (!custom) return false;
    const xml = new TextDecoder().decode(custom);
    return new RegExp(`name="${REPORT_MARK.name}"[^>]*>\\s*<vt:lpwstr>${REPORT_MARK.value}<`).test(
      xml
    );
  } catch {
    return false;
  }
}

/** The file-system calls an output needs (tests give failing ones: a full disk cannot be made on demand). */
export type OutputFs = Pick<typeof fs, "mkdir" | "writeFile" | "rename" | "rm" | "stat">;

const WRITE_ERRORS: Record<string, { vi: string; en: string }> = {
  ENOSPC: { vi: "ổ đĩa đã đầy", en: "the disk is full" },
  EDQUOT: { vi: "đã hết hạn mức dung lượng", en: "the disk quota is used up" },
  EACCES: { vi: "không có quyền ghi vào thư mục này", en: "no permission to write in that folder" },
  EPERM: { vi: "không ghi được vào đó", en: "writing there is not permitted" },
  EROFS: { vi: "ổ đĩa chỉ cho đọc", en: "the disk is read-only" },
  EISDIR: { vi: "đường dẫn là một thư mục", en: "the path is a folder" },
  ENOTDIR: {
    vi: "một phần của đường dẫn không phải thư mục",
    en: "part of the path is not a folder",
  },
  ENOENT: {
    vi: "thư mục không tồn tại và không tạo được",
    en: "the folder does not exist and cannot be made",
  },
};

/** What went wrong writing a file, in words a user can act on (never a raw errno line). */
function outputError(file: string, e: unknown): InputError {
  const code = String((e as { code?: unknown } | null)?.code ?? "");
  const reason = WRITE_ERRORS[code] ?? {
    vi: `lỗi ghi tệp ${code}`.trim(),
    en: `write error ${code}`.trim(),
  };
  return new InputError({
    file,
    found: `--out ${file}`,
    expected: {
      vi: `một tệp kết quả ghi được (${reason.vi}; tệp cũ ở đó, nếu có, được giữ nguyên)`,
      en: `a result file that can be written (${reason.en}; an earlier file there is kept as it was)`,
    },
  });
}

/**
 * Creates the missing folders of a path one level at a time. (Node's recursive mkdir never returns for a path under
 * /proc that does not exist; one level at a time fails at once.)
 */
async function makeFolders(folder: string, fsApi: OutputFs): Promise<void> {
  const missing: string[] = [];
  let at = folder;
  for (;;) {
    const found = await fsApi.stat(at).catch(() => null);
    if (found) {
      if (!found.isDirectory()) throw Object.assign(new Error(at), { code: "ENOTDIR" });
      break;
    }
    missing.unshift(at);
    if (path.dirname(at) === at) break;
    at = path.dirname(at);
  }
  for (const dir of missing) await fsApi.mkdir(dir);
}

/**
 * Writes a file whole or not at all: a temporary file beside it, renamed over it once complete. Only a regular file
 * (or nothing) is replaced: a folder, a device or a /proc entry is refused. Every failure is an InputError.
 */
export async function writeFileAtomic(
  file: string,
  bytes: Uint8Array,
  fsApi: OutputFs = fs
): Promise<void> {
  const target = path.resolve(file);
  const existing = await fsApi.stat(target).catch(() => null);
  if (existing && (!existing.isFile() || target.startsWith("/proc/"))) {
    throw outputError(file, { code: existing.isDirectory() ? "EISDIR" : "EPERM" });
  }
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`
  );
  try {
    await makeFolders(path.dirname(target), fsApi);
    await fsApi.writeFile(temporary, bytes, { flag: "wx" });
    await fsApi.rename(temporary, target);
  } catch (e) {
    await fsApi.rm(temporary, { force: true }).catch(() => undefined);
    throw outputError(file, e);
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
