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

/** "Ô Xã!B7" / "Cell Xã!B7", with the file first when the cell is in another workbook (a commune's report). */
export function sourceWords(from: SourceRef): { vi: string; en: string } {
  const at = cellRef(from.sheet, from.cell);
  return from.file === undefined
    ? { vi: `Ô ${at}`, en: `Cell ${at}` }
    : { vi: `Tệp ${from.file}, Ô ${at}`, en: `File ${from.file}, cell ${at}` };
}

/** How many written cells a warning lists by name before it counts the rest. */
const PLACES_LISTED = 3;

/** Changed cells the boundary names one by one; past them, one line counts the rest (see OutputNotes). */
export const OUTPUT_NOTES_LISTED = 20;

/**
 * "Ô Xã!B7 (ghi vào KQ_TongHop!C5)" / "Cell Xã!B7 (written to KQ_TongHop!C5)", the result cell alone, or for an
 * input cell written to several places: "Tệp a.xlsx, Ô Báo cáo!B2 (ghi vào 21 ô: Xã (tổng hợp)!B5, Nguồn!A3, Nguồn!A4
 * và 18 ô khác)".
 */
function placeWords(
  sheet: string,
  cell: string,
  from: SourceRef | undefined,
  to: string[],
  written: number
): { vi: string; en: string } {
  if (!from) {
    const at = cellRef(sheet, cell);
    return { vi: `Ô ${at}`, en: `Cell ${at}` };
  }
  const at = sourceWords(from);
  if (written === 1)
    return { vi: `${at.vi} (ghi vào ${to[0]})`, en: `${at.en} (written to ${to[0]})` };
  const listed = to.slice(0, PLACES_LISTED).join(", ");
  const rest = written - PLACES_LISTED;
  return {
    vi: `${at.vi} (ghi vào ${written.toLocaleString("vi-VN")} ô: ${listed}${rest > 0 ? ` và ${rest.toLocaleString("vi-VN")} ô khác` : ""})`,
    en: `${at.en} (written to ${written.toLocaleString("en-US")} cells: ${listed}${rest > 0 ? `, and ${rest.toLocaleString("en-US")} more` : ""})`,
  };
}

/** One change the boundary made, for one input cell (all the places its text went) or one result cell. */
interface Note {
  kind: "removed" | "cut";
  sheet: string;
  cell: string;
  from?: SourceRef;
  /** The first result cells written, "KQ_TongHop!C5", in the order met, and how many there were. */
  to: string[];
  written: number;
  /** Characters removed (their kinds) or cut, the most at any one place. */
  count: number;
  kinds: Set<string>;
}

/**
 * Collects what the boundary changed: one warning per input cell and kind of change, however many places its text
 * went (a commune's name is written to the table, to each of its lines in "Nguồn"…), naming them or their count; one
 * per result cell for a text that rests on no input cell. Up to a limit, then one line for the rest.
 */
export class OutputNotes {
  /** What is listed, in the order met: changes by key (input cell or result cell, and kind), renamed columns. */
  private readonly listed: (Note | Warning)[] = [];
  private readonly byKey = new Map<string, Note>();
  /** Result cells changed beyond the limit (not kept: a result of any size stays within bounded memory). */
  private more = 0;
  constructor(private readonly limit = OUTPUT_NOTES_LISTED) {}

  removed(place: Place, removed: string[]): void {
    const note = this.note("removed", place);
    if (!note) return;
    note.count = Math.max(note.count, removed.length);
    for (const kind of removed) note.kinds.add(kind);
  }

  cut(place: Place, cut: number): void {
    const note = this.note("cut", place);
    if (note) note.count = Math.max(note.count, cut);
  }

  renamed(place: Place, from: string, to: string): void {
    if (this.listed.length >= this.limit) {
      this.more += 1;
      return;
    }
    this.listed.push({
      vi: `Ô ${cellRef(place.sheet, place.cell)}: tên cột "${from}" trùng tên cột khác (không phân biệt hoa thường), ghi thành "${to}"`,
      en: `Cell ${cellRef(place.sheet, place.cell)}: column name "${from}" repeats another ignoring case; written as "${to}"`,
      sheet: place.sheet,
      cell: place.cell,
    });
  }

  /** The note this change belongs to (one per input cell and kind), or null when it is past the limit (counted). */
  private note(kind: Note["kind"], place: Place): Note | null {
    const from = place.from;
    const to = cellRef(place.sheet, place.cell);
    // The input cell is the key where there is one: its text is one warning wherever it was written.
    const key = from
      ? `${kind}\u0000${from.file ?? ""}\u0000${from.sheet}\u0000${from.cell}`
      : `${kind}\u0000\u0000${to}`;
    let note = this.byKey.get(key);
    if (!note) {
      if (this.listed.length >= this.limit) {
        this.more += 1;
        return null;
      }
      note = {
        kind,
        sheet: place.sheet,
        cell: place.cell,
        ...(from ? { from } : {}),
        to: [],
        written: 0,
        count: 0,
        kinds: new Set(),
      };
      this.byKey.set(key, note);
      this.listed.push(note);
    }
    if (note.to.length < PLACES_LISTED) note.to.push(to);
    note.written += 1;
    return note;
  }

  private static text(note: Note): Warning {
    const at = placeWords(note.sheet, note.cell, note.from, note.to, note.written);
    const where = note.from ?? { sheet: note.sheet, cell: note.cell };
    const cell = {
      ...(where.file === undefined ? {} : { file: where.file }),
      sheet: where.sheet,
      cell: where.cell,
    };
    if (note.kind === "removed") {
      const kinds = [...note.kinds].join(", ");
      return {
        vi: `${at.vi}: đã bỏ ${note.count} ký tự điều khiển (${kinds}) mà tệp Excel/Word không chứa được (U+000B, dấu xuống dòng của Word, thành dấu cách)`,
        en: `${at.en}: removed ${note.count} control character(s) (${kinds}) an Excel or Word file cannot hold (U+000B, Word's line break, became a space)`,
        ...cell,
      };
    }
    return {
      vi: `${at.vi}: văn bản dài quá ${EXCEL_CELL_LIMIT.toLocaleString("vi-VN")} ký tự (giới hạn của Excel), đã cắt bớt ${note.count.toLocaleString("vi-VN")} ký tự ở cuối`,
      en: `${at.en}: text over Excel's ${EXCEL_CELL_LIMIT.toLocaleString("en-US")} characters; its last ${note.count.toLocaleString("en-US")} characters were cut`,
      ...cell,
    };
  }

  warnings(): Warning[] {
    const listed = this.listed.map((n) => ("kind" in n ? OutputNotes.text(n) : n));
    if (this.more === 0) return listed;
    return listed.concat({
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
  if (fitted.cut > 0) notes?.cut(place, fitted.cut);
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
      const from = table.cellSources?.[r]?.[c] ?? table.sources?.[r];
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
          const from = table.cellSources?.[r]?.[c] ?? table.sources?.[r];
          throw new InputError({
            ...(from?.file === undefined ? {} : { file: from.file }),
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
