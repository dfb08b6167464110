// Runs the CLI in-process and captures what it prints; reads back what it wrote (the tables of an .xlsx, those of a
// .docx through mammoth's HTML).

import ExcelJS from "exceljs";
import * as path from "node:path";
import { main } from "../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => (stdout += t + "\n"),
    stderr: (t) => (stderr += t + "\n"),
  });
  return { code, stdout, stderr };
}

/** Runs the CLI with `--out DIR/NAME.xlsx`, expects it to succeed saying nothing on stderr, and returns the file. */
export async function writeOut(dir: string, name: string, argv: string[]): Promise<string> {
  const file = path.join(dir, `${name}.xlsx`);
  const result = await runCli([...argv, "--out", file]);
  expect({ name, code: result.code, stderr: result.stderr }).toEqual({ name, code: 0, stderr: "" });
  return file;
}

/** A table of a written workbook: its sheet and where it stands (1-based rows and columns, header row on top). */
export interface WrittenTable {
  sheet: ExcelJS.Worksheet;
  name: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Every table of the visible sheets of an .xlsx, opened with ExcelJS (our hidden sheets are veryHidden). */
export async function writtenTables(file: string): Promise<WrittenTable[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const tables: WrittenTable[] = [];
  for (const sheet of book.worksheets) {
    if (sheet.state === "veryHidden") continue;
    for (const t of sheet.getTables()) {
      const model = (t as unknown as { table: { name: string; tableRef: string } }).table;
      const [from, to] = model.tableRef.split(":");
      const top = sheet.getCell(from);
      const bottom = sheet.getCell(to);
      tables.push({
        sheet,
        name: model.name,
        top: Number(top.row),
        bottom: Number(bottom.row),
        left: Number(top.col),
        right: Number(bottom.col),
      });
    }
  }
  return tables;
}

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();
}

/** Every table of a document converted to HTML by mammoth, as rows of cell texts (header rows included). */
export function htmlTables(html: string): string[][][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => decode(c[1]))
    )
  );
}

/** The table whose first or second row holds a cell `first`; throws naming it when there is none. */
export function tableWithHeader(all: string[][][], first: string): string[][] {
  const found = all.find((t) => t[0]?.includes(first) || t[1]?.includes(first));
  if (!found) throw new Error(`no table with header ${first}`);
  return found;
}
