// The one boundary result sheets pass before any writer (both adapters, the clipboard): texts XML-safe and within
// Excel's 32,767 characters a cell, table column names unique ignoring case (Excel repairs the file otherwise).

import { InputError } from "../engine/errors";
import type { SourceRef, Warning } from "../engine/types";
import type { CellValue } from "./grid";
import { a1, cellRef } from "./grid";
import { bilingualHeader } from "./headers";
import { layoutSheet, type OutputSheet, type OutputTable } from "./output";
import { cutText, EXCEL_CELL_LIMIT, hasNonXml, xmlText } from "./xml-text";

export { cutText, EXCEL_CELL_LIMIT, hasNonXml, xmlText };

/** A table column name as both adapters write it: one line (control characters are spaces), trimmed. */
function columnName(header: string): string {
  // eslint-disable-next-line no-control-regex
  return header.replace(/[\u0000-\u001F]/g, " ").trim();
}

/** Names made unique ignoring case, as Excel compares table column names: the second "Xã" becomes "xã (2)". */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  for (const name of names) taken.add(name.toLocaleLowerCase("vi"));
  const used = new Set<string>();
  return names.map((name) => {
    const key = name.toLocaleLowerCase("vi");
    if (!used.has(key)) {
      used.add(key);
      return name;
    }
    let n = 2;
    while (taken.has(`${key} (${n})`) || used.has(`${key} (${n})`)) n += 1;
    used.add(`${key} (${n})`);
    return `${name} (${n})`;
  });
}

/**
 * Where a text went ("KQ_LoTrinh!J3") and, when the row rests on one, the input cell it came from: a warning names
 * the input cell (the one the user can change) and says where the result went.
 */
type Place = { sheet: string; cell: string; from?: SourceRef };

/** "Ô Xã!B7 (ghi vào KQ_TongHop!C5)" / "Cell Xã!B7 (written to KQ_TongHop!C5)", or the result cell alone. */
function placeWords(place: Place): { vi: string; en: string } {
  const to = cellRef(place.sheet, place.cell);
  if (!place.from) return { vi: `Ô ${to}`, en: `Cell ${to}` };
  const from = cellRef(place.from.sheet, place.from.cell);
  return { vi: `Ô ${from} (ghi vào ${to})`, en: `Cell ${from} (written to ${to})` };
}

/** Collects what the boundary changed, one warning per cell up to a limit, then one line for the rest. */
export class OutputNotes {
  private readonly listed: Warning[] = [];
  private more = 0;
  constructor(private readonly limit = 20) {}

  removed(place: Place, removed: string[]): void {
    const kinds = [...new Set(removed)].join(", ");
    const at = placeWords(place);
    this.add(place, {
      vi: `${at.vi}: đã bỏ ${removed.length} ký tự điều khiển (${kinds}) mà tệp Excel/Word không chứa được (U+000B, dấu xuống dòng của Word, thành dấu cách)`,
      en: `${at.en}: removed ${removed.length} control character(s) (${kinds}) an Excel or Word file cannot hold (U+000B, Word's line break, became a space)`,
    });
  }

  cut(place: Place, cut: number, limit: number): void {
    const at = placeWords(place);
    this.add(place, {
      vi: `${at.vi}: văn bản dài quá ${limit.toLocaleString("vi-VN")} ký tự (giới hạn của Excel), đã cắt bớt ${cut.toLocaleString("vi-VN")} ký tự ở cuối`,
      en: `${at.en}: text over Excel's ${limit.toLocaleString("en-US")} characters; its last ${cut.toLocaleString("en-US")} characters were cut`,
    });
  }

  renamed(place: Place, from: string, to: string): void {
    this.add(place, {
      vi: `Ô ${cellRef(place.sheet, place.cell)}: tên cột "${from}" trùng tên cột khác (không phân biệt hoa thường), ghi thành "${to}"`,
      en: `Cell ${cellRef(place.sheet, place.cell)}: column name "${from}" repeats another ignoring case; written as "${to}"`,
    });
  }

  private add(place: Place, text: { vi: string; en: string }): void {
    const cell = place.from ?? { sheet: place.sheet, cell: place.cell };
    if (this.listed.length < this.limit)
      this.listed.push({ ...text, sheet: cell.sheet, cell: cell.cell });
    else this.more += 1;
  }

  warnings(): Warning[] {
    if (this.more === 0) return this.listed.slice();
    return this.listed.concat({
      vi: `… và ${this.more.toLocaleString("vi-VN")} ô khác được sửa như trên khi ghi`,
      en: `… and ${this.more.toLocaleString("en-US")} more cells changed the same way when written`,
    });
  }
}

/** One text for a cell: XML-safe and within Excel's limit; what changed is noted against the cell. */
export function cellText(text: string, place: Place, notes?: OutputNotes): string {
  const clean = xmlText(text);
  if (clean.removed.length > 0) notes?.removed(place, clean.removed);
  const fitted = cutText(clean.text);
  if (fitted.cut > 0) notes?.cut(place, fitted.cut, EXCEL_CELL_LIMIT);
  return fitted.text;
}

function safeTable(
  table: OutputTable,
  sheet: string,
  titleRow: number | null,
  headerRow: number,
  col: number,
  notes: OutputNotes
): OutputTable {
  let changed = false;
  const at = (row: number, c: number): Place => ({ sheet, cell: a1(row, col + c) });
  const title =
    table.title === undefined || titleRow === null
      ? table.title
      : cellText(
          table.title,
          { ...at(titleRow, 0), ...(table.titleSource ? { from: table.titleSource } : {}) },
          notes
        );
  if (title !== table.title) changed = true;
  const unit = table.unit === undefined ? undefined : xmlText(table.unit).text;
  if (unit !== table.unit) changed = true;
  const cleanHeaders = table.columns.map((c, i) => {
    const from = table.columnSources?.[i];
    return columnName(
      cellText(c.header, { ...at(headerRow, i), ...(from ? { from } : {}) }, notes)
    );
  });
  const headers = uniqueNames(cleanHeaders);
  headers.forEach((h, i) => {
    if (h !== cleanHeaders[i]) notes.renamed(at(headerRow, i), cleanHeaders[i], h);
    if (h !== table.columns[i].header) changed = true;
  });
  let rows: CellValue[][] = table.rows;
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r];
    let copy: CellValue[] | null = null;
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value !== "string") continue;
      if (value.length <= EXCEL_CELL_LIMIT && !hasNonXml(value)) continue;
      const from = table.sources?.[r];
      const text = cellText(
        value,
        { ...at(headerRow + 1 + r, c), ...(from ? { from } : {}) },
        notes
      );
      if (text === value) continue;
      if (rows === table.rows) rows = table.rows.slice();
      copy ??= row.slice();
      copy[c] = text;
    }
    if (copy) rows[r] = copy;
  }
  if (rows !== table.rows) changed = true;
  if (!changed) return table;
  return {
    ...table,
    ...(title === undefined ? {} : { title }),
    ...(unit === undefined ? {} : { unit }),
    columns: table.columns.map((c, i) =>
      c.header === headers[i] ? c : { ...c, header: headers[i] }
    ),
    rows,
  };
}

/** The table with every header in the one bilingual way ("Tên xã (Commune)"); the same table when all already are. */
function bilingualHeaders(table: OutputTable): OutputTable {
  if (table.readBack) return table;
  const headers = table.columns.map((c) => bilingualHeader(c.header));
  if (headers.every((h, i) => h === table.columns[i].header)) return table;
  return { ...table, columns: table.columns.map((c, i) => ({ ...c, header: headers[i] })) };
}

/**
 * Result sheets as every writer writes them: headers "Tiếng Việt (English)" (headers.ts), texts XML-safe and within Excel's limit, column names unique ignoring
 * case. Unchanged tables are returned as they were (no copy of a large result); the warnings name each cell changed.
 * Applying it twice changes nothing more.
 */
export function safeOutputSheets(sheets: readonly OutputSheet[]): {
  sheets: OutputSheet[];
  warnings: Warning[];
} {
  const notes = new OutputNotes();
  const result = sheets.map((output) => {
    const name = xmlText(output.sheet).text;
    let changed = name !== output.sheet;
    const tables = layoutSheet(output).map(({ table, titleRow, headerRow, col }) => {
      const safe = safeTable(bilingualHeaders(table), name, titleRow, headerRow, col, notes);
      if (safe !== table) changed = true;
      return safe;
    });
    return changed ? { ...output, sheet: name, tables } : output;
  });
  return { sheets: result, warnings: notes.warnings() };
}

/**
 * The last guard before a result is written or shown: a figure that overflowed (Infinity) or is undefined (NaN) is
 * refused, naming the input cell its row rests on where the writer gave it (else the result cell), and the row's first text.
 */
export function refuseNonFiniteCells(sheets: readonly OutputSheet[]): void {
  for (const output of sheets) {
    for (const { table, headerRow, col } of layoutSheet(output)) {
      for (let r = 0; r < table.rows.length; r++) {
        const row = table.rows[r];
        for (let c = 0; c < row.length; c++) {
          const value = row[c];
          if (typeof value !== "number" || Number.isFinite(value)) continue;
          const label = row.find((v) => typeof v === "string");
          const column = table.columns[c]?.header ?? "";
          const result = cellRef(output.sheet, a1(headerRow + 1 + r, col + c));
          // The input row the figure was computed from, where the writer gave it: the cell the user can change.
          const from = table.sources?.[r];
          throw new InputError({
            sheet: from?.sheet ?? output.sheet,
            cell: from?.cell ?? a1(headerRow + 1 + r, col + c),
            found: `${label ? `${String(label)}, ` : ""}${column}: ${value}${from ? ` (→ ${result})` : ""}`,
            expected: {
              vi: "các số liệu cho ra kết quả hữu hạn (có số quá lớn hoặc quá nhỏ trong dữ liệu của dòng này: hãy kiểm tra đơn vị triệu đồng)",
              en: "figures whose results are finite (this row's data holds a number too large or too small: check the million-VND unit)",
            },
          });
        }
      }
    }
  }
}
