// Funding workbooks for the money tests, written with ExcelJS from the figures the tests assert: a title, an
// optional unit line, a header row and appendix III's lines (roman sections, numbered sub-lines, a total row).

import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { runCli } from "./helpers";

export type Cell = string | number | null;

export interface FundingBook {
  /** "ĐVT: tỷ đồng" above the header, or none. */
  unitLine?: string;
  /** Headers after STT and "Nội dung chỉ tiêu". */
  headers: string[];
  /** [STT, label, ...amounts]. */
  rows: Cell[][];
  sheet?: string;
  /** Other sheets of the workbook, each as rows from A1. */
  extraSheets?: { name: string; rows: Cell[][] }[];
}

/** Writes the book; the header row is sheet row 4 (3 with no unit line), data from the row below. */
export async function writeFundingBook(file: string, book: FundingBook): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(book.sheet ?? "Nguồn vốn");
  ws.addRow(["KẾT QUẢ HUY ĐỘNG NGUỒN LỰC THỰC HIỆN CHƯƠNG TRÌNH NĂM 2023"]);
  ws.addRow([]);
  if (book.unitLine) ws.addRow([book.unitLine]);
  ws.addRow(["STT", "Nội dung chỉ tiêu", ...book.headers]);
  for (const r of book.rows) ws.addRow(r);
  for (const extra of book.extraSheets ?? []) {
    const other = wb.addWorksheet(extra.name);
    for (const r of extra.rows) other.addRow(r);
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}

/** The job's JSON, with the exit code and what it printed on stderr. */
export async function jobJson(
  argv: string[]
): Promise<{ code: number; json: any; stdout: string; stderr: string }> {
  const run = await runCli([...argv, "--json"]);
  let json: any = null;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    json = null;
  }
  return { code: run.code, json, stdout: run.stdout, stderr: run.stderr };
}

/** The report's .docx as plain text (mammoth), with the run. */
export async function reportText(
  file: string,
  dir: string,
  extra: string[] = []
): Promise<{ code: number; text: string; stderr: string; json: any }> {
  const out = path.join(dir, `${path.basename(file, ".xlsx")}-${extra.join("") || "vi"}.docx`);
  const run = await runCli(["report", file, "--year", "2024", "--json", "--out", out, ...extra]);
  if (run.code !== 0) return { code: run.code, text: "", stderr: run.stderr, json: null };
  const buffer = await fs.readFile(out);
  const text = (await mammoth.extractRawText({ buffer })).value;
  return { code: run.code, text, stderr: run.stderr, json: JSON.parse(run.stdout) };
}

/** Vietnamese grouping written here, apart from the report's formatter. */
export const vi = (n: number, d = 3) => n.toLocaleString("vi-VN", { maximumFractionDigits: d });
