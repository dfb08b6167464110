// Excel 97-2003 workbooks (.xls, BIFF in an OLE2 compound file), read through SheetJS Community Edition as published
// on npm by @e965/xlsx (Apache-2.0; see the README for provenance). Read only: results go to a new .xlsx. Bytes in,
// grids out: runs in Node and in the browser. Each sheet becomes the Grid the ExcelJS adapter gives for the same
// cells (values from A1, cached formula results, merges, hidden rows and columns, hidden sheets).

import * as XLSX from "@e965/xlsx";
import { InputError } from "../../engine/errors";
import { checkGridSize, UNCALCULATED, type CellValue, type Grid, type MergedRange } from "../grid";
import { findSheetName, missingSheetError } from "../ownership";
import { MemoryWorkbook } from "./memory";

/** An OLE2 compound file starts with these bytes (an .xls; also .doc, or an encrypted .xlsx). */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle2(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE2_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * Limits for one .xls. BIFF is not compressed, so the file's size bounds what parsing takes: 10,000 rows × 30 columns
 * of a planning sheet make about 6 MB. The limit leaves room for that several times over. A sheet's used range is
 * checked against MAX_GRID_CELLS (checkGridSize) before its grid is built, as for .xlsx.
 */
export const XLS_LIMITS = { bytes: 40 * 1024 * 1024 };

function refuse(vi: string, en: string, found?: string): InputError {
  return new InputError({
    found,
    expected: {
      vi: `một tệp Excel 97-2003 (.xls) hợp lệ (${vi})`,
      en: `a valid Excel 97-2003 (.xls) file (${en})`,
    },
  });
}

/** BIFF error codes as Excel shows them. */
const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/** A date serial as the UTC date ExcelJS gives for the same cell (1900 or 1904 date system). */
function serialDate(serial: number, date1904: boolean): Date {
  const days = serial + (date1904 ? 1462 : 0);
  return new Date(Math.round((days - 25569) * 86_400_000));
}

/** One SheetJS cell as a plain value: the cached result of a formula, UNCALCULATED when the file holds none. */
function cellValue(cell: XLSX.CellObject | undefined, date1904: boolean): CellValue {
  if (!cell) return null;
  const formula = cell.f ? { formula: `=${cell.f}` } : {};
  if (cell.f && (cell.v === undefined || cell.t === "z"))
    return { error: UNCALCULATED, ...formula };
  switch (cell.t) {
    case "n": {
      const v = cell.v as number;
      if (typeof cell.z === "string" && XLSX.SSF.is_date(cell.z)) return serialDate(v, date1904);
      return v;
    }
    case "s":
      return cell.v as string;
    case "b":
      return cell.v as boolean;
    case "e":
      return { error: cell.w ?? ERRORS[cell.v as number] ?? "#VALUE!" };
    case "d":
      return cell.v as Date;
    default:
      return null;
  }
}

/** SheetJS's failure in words a user can act on; its own message is never shown. */
function unreadable(e: unknown): InputError {
  if (e instanceof InputError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(message)) {
    return refuse(
      "tệp có mật khẩu: hãy bỏ mật khẩu rồi lưu lại",
      "it is password-protected: remove the password and save it again"
    );
  }
  return refuse(
    "không đọc được cấu trúc của tệp: hãy mở bằng Excel rồi lưu thành .xlsx",
    "its structure could not be read: open it in Excel and save it as .xlsx"
  );
}

/**
 * A read-only .xls workbook. Sheets are turned into grids when read (a stray far cell on a sheet no job reads does
 * not stop the run); result sheets written to it stay in memory, beside the user's, as in MemoryWorkbook.
 */
export class XlsWorkbook extends MemoryWorkbook {
  private constructor(
    private readonly book: XLSX.WorkBook,
    private readonly names: string[]
  ) {
    super(Object.fromEntries(names.map((n) => [n, []])));
    const info = book.Workbook?.Sheets ?? [];
    names.forEach((n, i) => {
      if (info[i]?.Hidden) this.hideSheet(n);
    });
  }

  /** Opens .xls bytes; every refusal is an InputError in both languages. */
  static fromXls(data: ArrayBuffer | Uint8Array): XlsWorkbook {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (!isOle2(bytes)) {
      throw refuse("tệp không phải dạng OLE2 của .xls", "the file is not the OLE2 file an .xls is");
    }
    if (bytes.length > XLS_LIMITS.bytes) {
      const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
      throw refuse(
        `tệp ${mb(bytes.length)}, tối đa ${mb(XLS_LIMITS.bytes)}`,
        `the file is ${mb(bytes.length)}, at most ${mb(XLS_LIMITS.bytes)}`
      );
    }
    let book: XLSX.WorkBook;
    try {
      book = XLSX.read(bytes, {
        type: "array",
        dense: true,
        cellFormula: true,
        cellNF: true,
        cellStyles: true,
        cellDates: false,
        cellHTML: false,
        cellText: true,
      });
    } catch (e) {
      throw unreadable(e);
    }
    return new XlsWorkbook(book, book.SheetNames.slice());
  }

  override async readSheet(name: string): Promise<Grid> {
    const found = findSheetName(this.names, name);
    if (found === undefined) {
      const all = await this.sheetNames();
      if (findSheetName(all, name) !== undefined) return super.readSheet(name);
      throw missingSheetError(name, all);
    }
    try {
      return this.grid(found);
    } catch (e) {
      throw unreadable(e);
    }
  }

  /** The sheet's cells as a grid from A1, as wide and tall as its last value; the size is checked first. */
  private grid(sheetName: string): Grid {
    const sheet = this.book.Sheets[sheetName] as XLSX.WorkSheet & {
      "!data"?: (XLSX.CellObject | undefined)[][];
    };
    const date1904 = Boolean(this.book.Workbook?.WBProps?.date1904);
    const data = sheet?.["!data"] ?? [];
    let height = 0;
    let width = 0;
    data.forEach((row, r) => {
      if (!row) return;
      for (let c = row.length - 1; c >= 0; c--) {
        const cell = row[c];
        if (cell && (cell.t !== "z" || cell.f)) {
          height = Math.max(height, r + 1);
          width = Math.max(width, c + 1);
          break;
        }
      }
    });
    checkGridSize(sheetName, { row: 0, col: 0 }, height, width);
    const rows: CellValue[][] = [];
    for (let r = 0; r < height; r++) {
      const source = data[r];
      const values: CellValue[] = new Array(width).fill(null);
      if (source) for (let c = 0; c < width; c++) values[c] = cellValue(source[c], date1904);
      rows.push(values);
    }
    const merges: MergedRange[] = (sheet?.["!merges"] ?? []).map((m) => ({
      top: m.s.r,
      left: m.s.c,
      bottom: m.e.r,
      right: m.e.c,
    }));
    // The value of a merged range sits in its top-left cell (as ExcelJS gives it).
    for (const m of merges) {
      for (let r = m.top; r <= Math.min(m.bottom, height - 1); r++) {
        for (let c = m.left; c <= Math.min(m.right, width - 1); c++) {
          if (r !== m.top || c !== m.left) rows[r][c] = null;
        }
      }
    }
    const hiddenRows: number[] = [];
    (sheet?.["!rows"] ?? []).forEach((info, r) => {
      if (r < height && info && (info.hidden || info.hpx === 0 || info.hpt === 0))
        hiddenRows.push(r);
    });
    const hiddenCols: number[] = [];
    (sheet?.["!cols"] ?? []).forEach((info, c) => {
      if (c < width && info && (info.hidden || info.wpx === 0 || info.wch === 0))
        hiddenCols.push(c);
    });
    return {
      sheet: sheetName,
      rows,
      origin: { row: 0, col: 0 },
      ...(merges.length > 0 ? { merges } : {}),
      ...(hiddenRows.length > 0 ? { hiddenRows } : {}),
      ...(hiddenCols.length > 0 ? { hiddenCols } : {}),
    };
  }
}
