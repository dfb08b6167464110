// CSV and text files: one sheet of strings, read without ExcelJS (the CLI reads a .csv without loading it, and the
// browser demo's ExcelJS workbook uses the same parser and the same sheet name).

import Papa from "papaparse";
import { InputError } from "../../engine/errors";
import { a1, checkGridSize, type CellValue } from "../grid";
import { safeSheetName } from "../ownership";
import { MemoryWorkbook } from "./memory";
import { decodeTextFile } from "./text-decode";

/** Parses CSV text (UTF-8, with or without BOM, comma or semicolon separated) into rows of strings/nulls. */
export function parseCsv(text: string, sheet: string): CellValue[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, {
    skipEmptyLines: false,
    delimiter: guessDelimiter(body),
  });
  const fatal = parsed.errors.find((e) => e.type === "Quotes");
  if (fatal) {
    throw new InputError({
      sheet,
      cell: fatal.row !== undefined ? a1(fatal.row, 0) : undefined,
      found: fatal.message,
      expected: {
        vi: "tệp CSV có dấu ngoặc kép đóng mở đúng",
        en: "a CSV file with balanced quotes",
      },
    });
  }
  const rows = parsed.data.map((r) => r.map((c) => (c.trim() === "" ? null : c)));
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c === null)) rows.pop();
  return rows;
}

/**
 * The separator: the one found (outside quotes) on the most of the first lines. Title lines above the table have
 * none; an unquoted list "1,2,3" in a semicolon file has commas on some lines only.
 */
function guessDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/, 40)
    .map((l) => l.replace(/"[^"]*"/g, ""))
    .filter((l) => l.trim() !== "");
  const scores = ["\t", ";", ","].map((d) => ({
    d,
    lines: lines.filter((l) => l.includes(d)).length,
    n: lines.reduce((s, l) => s + l.split(d).length - 1, 0),
  }));
  scores.sort((a, b) => b.lines - a.lines || b.n - a.n);
  return scores[0].n > 0 ? scores[0].d : ",";
}

/** Excel refuses some sheet names a file may have ("xa [2023]", "a:b", "History"): the nearest allowed one. */
export function csvSheetName(fileBase: string): string {
  const name = safeSheetName(fileBase);
  return name.toLowerCase() === "history" ? `${name}_` : name;
}

/**
 * A CSV file's rows checked against Excel's limits, as a sheet gives them: as wide as the last column holding a value,
 * every row that wide (the grid an .xlsx of the same cells gives).
 */
export function csvRows(text: string, sheetName: string): CellValue[][] {
  const rows = parseCsv(text, sheetName);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (rows.length > 0) checkGridSize(sheetName, { row: 0, col: 0 }, rows.length, width);
  const used = rows.reduce((w, r) => {
    for (let c = r.length - 1; c >= 0; c--) if (r[c] !== null) return Math.max(w, c + 1);
    return w;
  }, 0);
  return rows.map((r) => Array.from({ length: used }, (_, c) => r[c] ?? null));
}

/**
 * A text file's bytes (see decodeTextFile for the encodings) as a workbook of one sheet named after the file. The CLI
 * only reads it: results go to a new .xlsx.
 */
export function csvWorkbook(bytes: Uint8Array, fileBase: string): MemoryWorkbook {
  const name = csvSheetName(fileBase);
  return new MemoryWorkbook({ [name]: csvRows(decodeTextFile(bytes).text, fileBase) });
}
