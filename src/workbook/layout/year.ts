// The year a status sheet describes, read from the data itself: a year column ("Năm"), the title block ("đến cuối
// năm 2023", "năm 2023 và kế hoạch năm 2024", "(Đến 31/12/2023)") or a status-date column. The status year is the
// year whose end the figures show; the plan year is the one after it (the year the targets are for).

import { pushAll } from "../../engine/arrays";
import { foldDiacritics, labelKey } from "../../engine/text";
import { cellText, gridAddress, isBlank, isCellError, type CellValue, type Grid } from "../grid";
import { isColumnNumberRow } from "./header";
import { isEndRow, rowTexts } from "./labels";

/** What one title line says: the status year, the plan year, and any period ("2021-2025", never a year). */
export interface TitleYears {
  status?: number;
  plan?: number;
  periods: string[];
  /** Two different status (or plan) years in one line: the line says nothing certain. */
  ambiguous?: number[];
  /** The words that gave the year, for the message ("đến cuối năm 2023"). */
  phrase?: string;
}

export type YearSourceKind = "column" | "title" | "date";

/** A year found in a sheet, with the cell that says it. */
export interface YearFinding {
  /** The status year: the figures show the end of it (or the date given within it). */
  status: number;
  /** The plan year: the year the targets and money are for. */
  plan: number;
  kind: YearSourceKind;
  sheet: string;
  cell: string;
  /** The title line, or the column's header. */
  text: string;
  /** The words that gave the year ("…đến cuối năm 2023"), or the column cell's text. */
  phrase?: string;
  /** Periods the title names ("2021-2025"). */
  periods: string[];
}

/** The sheet says two different years: each cell and the year it gives. */
export interface YearConflict {
  kind: YearSourceKind;
  sheet: string;
  cells: { cell: string; text: string; year: number }[];
}

export type YearDetection =
  | { found: YearFinding; conflict?: undefined }
  | { found?: undefined; conflict: YearConflict }
  | { found?: undefined; conflict?: undefined; periods: string[] };

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
const isYear = (n: number) => Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR;

/** Lines that cite another document ("Kèm theo Báo cáo số 12/BC-UBND ngày 10/01/2024"): their years are not the data's. */
const REFERENCE_LINE =
  /^\(?\s*(kem theo|theo|can cu|ban hanh kem|trich|nguon)\b|\b(quyet dinh|nghi quyet|nghi dinh|thong tu|cong van|bao cao) so\b/;

/** Words before a year that make it the plan year: "kế hoạch năm 2024", "phấn đấu đến cuối năm 2024", "phân bổ vốn năm 2024". */
const PLAN_WORDS =
  /\b(ke hoach|phan dau|du toan|phan bo|du kien|giao von|plan|planned|budget for|allocation)\b[^\d]{0,24}$/;
/** Words before a year that make it a target or period end, neither status nor plan: "mục tiêu đến năm 2025". */
const TARGET_WORDS = /\b(muc tieu|target|targets|giai doan|period)\b[^\d]{0,16}$/;
/** "Thực hiện kế hoạch năm 2023" reports the year's results: a status year despite the plan word. */
const DONE_PLAN = /\b(thuc hien|ket qua|tinh hinh)( cac)? (ke hoach|du toan)\b[^\d]{0,24}$/;
/** Words before a date that make it the status date: "đến 31/12/2023", "tính đến ngày 30/6/2025", "as of". */
const DATE_WORDS = /\b(den|tinh den|thoi diem|cap nhat|as of|as at|at|by)\b[\s:,]*(ngay\s*)?$/;

/** Folded and lower case, one character per character of the (composed) input, so positions carry over. */
function fold(text: string): string {
  return foldDiacritics(text).toLowerCase();
}

/** The status year of a date: its year, except 1 January, which closes the year before. */
function dateStatusYear(day: number, month: number, year: number): number {
  return day === 1 && month === 1 ? year - 1 : year;
}

/**
 * What one title line says about the years. "năm 2023 và kế hoạch năm 2024" → status 2023, plan 2024; "Chỉ tiêu
 * giai đoạn 2021-2025" → the period only; "(Đến 31/12/2023)" → status 2023; document numbers ("07/2022/QĐ-TTg") and
 * the dates of other documents ("ngày 15/01/2024") are not years of the data.
 */
export function yearsInTitle(line: string): TitleYears {
  const periods: string[] = [];
  const original = line
    .normalize("NFC")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
  let text = fold(original);
  if (REFERENCE_LINE.test(text)) return { periods };
  const statuses: { year: number; at: number; end: number }[] = [];
  const plans: { year: number; at: number; end: number }[] = [];
  // Blank out what is consumed so later patterns do not read it again (positions stay the same).
  const blank = (from: number, to: number) => {
    text = text.slice(0, from) + " ".repeat(to - from) + text.slice(to);
  };
  const each = (re: RegExp, f: (m: RegExpExecArray) => void) => {
    for (const m of [...text.matchAll(re)]) f(m as RegExpExecArray);
  };
  // Document numbers: 07/2022/QĐ-TTg, 257/2025/QH15.
  each(/\d+\/\d{4}\/[a-z0-9]/g, (m) => blank(m.index, m.index + m[0].length));
  const datedBy = (at: number) => DATE_WORDS.test(text.slice(Math.max(0, at - 24), at));
  const addDate = (m: RegExpExecArray, day: number, month: number, year: number) => {
    if (isYear(year) && month >= 1 && month <= 12 && datedBy(m.index))
      statuses.push({
        year: dateStatusYear(day, month, year),
        at: m.index,
        end: m.index + m[0].length,
      });
    blank(m.index, m.index + m[0].length);
  };
  // Dates: 31/12/2023, 31-12-2023, 31.12.2023; "ngày 31 tháng 12 năm 2023"; "tháng 6/2025", "6/2025".
  each(/(?<![\d/])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/])/g, (m) =>
    addDate(m, Number(m[1]), Number(m[2]), Number(m[3]))
  );
  each(/ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})(?!\d)/g, (m) =>
    addDate(m, Number(m[1]), Number(m[2]), Number(m[3]))
  );
  each(/thang (\d{1,2})(?:\/| nam )(\d{4})(?![\d/])/g, (m) =>
    addDate(m, 2, Number(m[1]), Number(m[2]))
  );
  each(/(?<![\d/])(\d{1,2})\/(\d{4})(?![\d/])/g, (m) => addDate(m, 2, Number(m[1]), Number(m[2])));
  // Periods: 2021-2025, 2021 – 2025, 2021 đến 2025.
  each(/(?<!\d)(\d{4}) ?(?:[-–—]|den) ?(\d{4})(?!\d)/g, (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (isYear(a) && isYear(b) && b > a && !periods.includes(`${a}-${b}`))
      periods.push(`${a}-${b}`);
    blank(m.index, m.index + m[0].length);
  });
  each(/(?<![\d/.,])(\d{4})(?![\d/.,]\d)/g, (m) => {
    const year = Number(m[1]);
    if (!isYear(year)) return;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const entry = { year, at: m.index, end: m.index + m[0].length };
    if (PLAN_WORDS.test(before) && !DONE_PLAN.test(before)) plans.push(entry);
    else if (!TARGET_WORDS.test(before)) statuses.push(entry);
  });
  const distinct = (xs: { year: number }[]) => [...new Set(xs.map((x) => x.year))];
  const s = distinct(statuses);
  const p = distinct(plans);
  if (s.length > 1 || p.length > 1) return { periods, ambiguous: s.length > 1 ? s : p };
  const first = statuses[0] ?? plans[0];
  const out: TitleYears = { periods };
  if (s.length === 1) out.status = s[0];
  if (p.length === 1) out.plan = p[0];
  if (first) out.phrase = phraseAround(original, first.end);
  return out;
}

/** The few words of a line up to the end of the year, from the last comma or bracket: "…đến cuối năm 2023". */
function phraseAround(line: string, end: number): string {
  const upTo = line.slice(0, end);
  const clause = /[,;(]\s*([^,;(]{6,40})$/.exec(upTo);
  if (clause) return `…${clause[1]}`;
  if (upTo.length <= 40) return upTo;
  const cut = upTo.slice(upTo.length - 40);
  const space = cut.indexOf(" ");
  return `…${space >= 0 ? cut.slice(space + 1) : cut}`;
}

/** Exact headers of a column holding the status year of each row. ("Năm đạt chuẩn", "Năm đăng ký…" are other years.) */
const YEAR_HEADERS = new Set([
  "nam",
  "nam danh gia",
  "nam bao cao",
  "nam hien trang",
  "nam so lieu",
  "nam thuc hien",
  "year",
]);
/** Headers of a column holding the date the status was taken. */
const DATE_HEADERS = new Set([
  "ngay danh gia",
  "thoi diem danh gia",
  "thoi diem",
  "thoi diem so lieu",
  "ngay so lieu",
  "ngay cap nhat",
  "den ngay",
  "tinh den ngay",
  "as of",
  "status date",
]);

const TOP_ROWS = 30;

/** A row that is a table's header or data: two or more cells filled, or a figure. */
function tableRow(row: readonly CellValue[]): boolean {
  const filled = row.filter((v) => !isBlank(v));
  if (filled.length >= 2 && !(filled.length === 2 && filled.some((v) => v instanceof Date)))
    return true;
  return filled.some((v) => typeof v === "number" || isCellError(v));
}

/** The title block: the lines above the first header or data row, each as its text and first cell. */
export function titleLines(grid: Grid): { row: number; col: number; text: string }[] {
  const out: { row: number; col: number; text: string }[] = [];
  for (let r = 0; r < Math.min(grid.rows.length, TOP_ROWS); r++) {
    const row = grid.rows[r] ?? [];
    if (tableRow(row)) break;
    const cells = row
      .map((v, col) => ({ v, col }))
      .filter((x) => !isBlank(x.v))
      .map((x) => ({ col: x.col, text: x.v instanceof Date ? dateText(x.v) : cellText(x.v) }));
    if (cells.length > 0)
      out.push({ row: r, col: cells[0].col, text: cells.map((c) => c.text).join(" ") });
  }
  return out;
}

function dateText(d: Date): string {
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

/** The year of a cell of a year column: 2023 or "2023"; null otherwise. */
function yearCell(v: CellValue): number | null {
  if (typeof v === "number") return isYear(v) ? v : null;
  if (typeof v === "string" && /^\s*\d{4}\s*$/.test(v)) {
    const n = Number(v.trim());
    return isYear(n) ? n : null;
  }
  return null;
}

/** The status year of a cell of a date column: a date, or text "31/12/2023"; null otherwise. */
function dateCell(v: CellValue): number | null {
  if (v instanceof Date) {
    return dateStatusYear(v.getUTCDate(), v.getUTCMonth() + 1, v.getUTCFullYear());
  }
  if (typeof v === "string") {
    const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(v);
    if (m && isYear(Number(m[3]))) return dateStatusYear(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}

/** The first column whose header (in the first rows) is one of `headers`, with its header row. */
function findColumn(grid: Grid, headers: Set<string>): { row: number; col: number } | null {
  for (let r = 0; r < Math.min(grid.rows.length, TOP_ROWS); r++) {
    const row = grid.rows[r] ?? [];
    if (rowTexts(row).length < 2) continue;
    const col = row.findIndex((v) => typeof v === "string" && headers.has(labelKey(v)));
    if (col >= 0) return { row: r, col };
  }
  return null;
}

/** The years a column gives, one per distinct value with its first cell. */
function columnYears(
  grid: Grid,
  at: { row: number; col: number },
  read: (v: CellValue) => number | null
): { cell: string; text: string; year: number }[] {
  const seen = new Map<number, { cell: string; text: string; year: number }>();
  for (let r = at.row + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (isColumnNumberRow(row)) continue;
    if (isEndRow(row)) break;
    const v = row[at.col] ?? null;
    const year = read(v);
    if (year === null || seen.has(year)) continue;
    seen.set(year, { cell: gridAddress(grid, r, at.col), text: cellText(v), year });
  }
  return [...seen.values()];
}

/** A column's finding: one year for all rows, or the conflict naming the first cell of each year. */
function fromColumn(
  grid: Grid,
  headers: Set<string>,
  kind: YearSourceKind,
  read: (v: CellValue) => number | null
): YearDetection | null {
  const at = findColumn(grid, headers);
  if (!at) return null;
  const years = columnYears(grid, at, read);
  if (years.length === 0) return null;
  if (years.length > 1) return { conflict: { kind, sheet: grid.sheet, cells: years } };
  return {
    found: {
      status: years[0].year,
      plan: years[0].year + 1,
      kind,
      sheet: grid.sheet,
      cell: years[0].cell,
      text: cellText(grid.rows[at.row][at.col]),
      phrase: years[0].text,
      periods: [],
    },
  };
}

/**
 * The status and plan year a sheet gives, in this order: a year column (one value for every row), the title block,
 * a status-date column. Two different years in the first source that gives any is a conflict, naming the cells.
 */
export function detectStatusYear(grid: Grid): YearDetection {
  const column = fromColumn(grid, YEAR_HEADERS, "column", yearCell);
  if (column) return column;
  const periods: string[] = [];
  const said: { cell: string; text: string; years: TitleYears }[] = [];
  for (const line of titleLines(grid)) {
    const years = yearsInTitle(line.text);
    pushAll(
      periods,
      years.periods.filter((p) => !periods.includes(p))
    );
    const cell = gridAddress(grid, line.row, line.col);
    if (years.ambiguous) {
      return {
        conflict: {
          kind: "title",
          sheet: grid.sheet,
          cells: years.ambiguous.map((year) => ({ cell, text: line.text, year })),
        },
      };
    }
    if (years.status !== undefined || years.plan !== undefined)
      said.push({ cell, text: line.text, years });
  }
  if (said.length > 0) {
    // Each line's plan year as a status year (plan − 1), so lines and halves of one line can be compared.
    const implied = said.flatMap((s) => {
      const out: { cell: string; text: string; year: number }[] = [];
      if (s.years.status !== undefined)
        out.push({ cell: s.cell, text: s.text, year: s.years.status });
      if (s.years.plan !== undefined)
        out.push({ cell: s.cell, text: s.text, year: s.years.plan - 1 });
      return out;
    });
    const years = [...new Set(implied.map((x) => x.year))];
    if (years.length > 1) {
      return {
        conflict: {
          kind: "title",
          sheet: grid.sheet,
          cells: years.map((y) => implied.find((x) => x.year === y)!),
        },
      };
    }
    const first = said[0];
    return {
      found: {
        status: years[0],
        plan: years[0] + 1,
        kind: "title",
        sheet: grid.sheet,
        cell: first.cell,
        text: first.text,
        phrase: first.years.phrase,
        periods,
      },
    };
  }
  const date = fromColumn(grid, DATE_HEADERS, "date", dateCell);
  if (date) return date;
  return { periods };
}
