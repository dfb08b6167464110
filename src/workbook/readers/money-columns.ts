// The money columns of a table, as every money reader reads them: which columns are amounts and which are set aside
// (comparisons, shares, notes), the unit of each amount column (its own, else the sheet's, else million VND, said
// so), and each amount cell (a number, "(613)" or "−540" as negative, a "no figure" word as none with a warning,
// any other text refused naming the cell).

import { InputError, type Bilingual } from "../../engine/errors";
import { formatEn, formatVi, numberTextOutOfRange, parseNumberText } from "../../engine/numbers";
import { labelKey } from "../../engine/text";
import type { Warning } from "../../engine/types";
import { cellText, gridAddress, isBlank, type Grid } from "../grid";
import { mergeAt } from "../layout/header";
import { hasNonXml } from "../xml-text";
import {
  columnUnit,
  MILLION_VND,
  sameUnit,
  toMillions,
  unitAbove,
  unitInText,
  unitWords,
  withoutUnit,
  type MoneyUnit,
} from "../layout/units";
import type { ColumnRole, UnitReading } from "../reading/types";
import { isDash, isNoFigureWord, numberCell, type LocatedTable } from "./table";

/** A column set aside: not money, or money that is not one more year (a comparison, a share). */
export interface AsideColumn {
  col: number;
  header: string;
  role: ColumnRole;
  why: Bilingual;
}

export interface MoneyColumn {
  col: number;
  /** Composed header, its parts joined by spaces ("Năm 2023 Kế hoạch"). */
  header: string;
  /** The unit the column's own header names ("Kế hoạch 2024 (tỷ đồng)"), or null. */
  own: MoneyUnit | null;
  /** The header cell its name was read from (A1): see headingCell. */
  cell: string;
}

/**
 * The cell of a column's header block its name rests on: the one holding a character a file cannot hold (the text
 * a warning is about), else the lowest with text (the column's own words under a year merged across several). A
 * cell under a merge is the merge's top-left cell, where its text is.
 */
function headingCell(table: LocatedTable, col: number): string {
  const { grid } = table;
  let own: string | null = null;
  for (let r = table.headerTop; r <= table.headerRow; r++) {
    const merge = mergeAt(grid, r, col);
    const [row, c] = merge ? [merge.top, merge.left] : [r, col];
    const v = grid.rows[row]?.[c] ?? null;
    if (isBlank(v)) continue;
    const at = gridAddress(grid, row, c);
    if (typeof v === "string" && hasNonXml(v)) return at;
    own = at;
  }
  return own ?? gridAddress(grid, table.headerRow, col);
}

export interface ColumnPlan {
  amounts: MoneyColumn[];
  aside: AsideColumn[];
}

/** "Tăng (+), giảm (-) so với năm 2023", "So sánh", "Chênh lệch", "TH/KH", "% so với": a comparison, not money. */
const COMPARISON =
  /(^|[\s(/])(so sanh|so voi|chenh lech|tang giam|tang\/giam|tang, giam|tang \(\+\)|giam \(-\)|\+\/-|bien dong|th\/kh|kh\/th|th so (voi )?kh|tang truong|difference|compare|comparison|change|increase|decrease|growth|variance)($|[\s),/])|^(tang|giam)($|[\s(,])/;
/** Shares of a whole: "Cơ cấu (%)", "Tỷ trọng", "Tỷ lệ %". */
const SHARE = /(^|[\s(])(ty le|co cau|ty trong|share|percent|ratio)($|[\s),])|%/;
/** Words, not money: notes, who does what. */
const NOTE =
  /^(ghi chu|note|notes|remarks?|co quan|don vi thuc hien|don vi chu tri|noi dung|chi so|mo ta|description)\b/;
/** Numbering, codes, units of measure, averages: read, never money. */
const OTHER =
  /^(stt|tt|so tt|so thu tu|ma so|ma|code|no\.?|dvt|don vi tinh|don vi|unit|binh quan|average)$|\bbinh quan\b/;
/** A header that names money or a year: such a column is money even when its cells say "chưa có". */
const MONEY_HEADER =
  /(19|20)\d\d|\b(ke hoach|thuc hien|ket qua|von|kinh phi|du toan|huy dong|giai ngan|so tien|gia tri|tong|uoc|kh|th|plan|actual|amount|budget|funds?)\b/;

const WORDS_FOR: Record<string, Bilingual> = {
  comparison: {
    vi: "cột so sánh (tăng giảm, chênh lệch, tỷ lệ giữa các năm): không phải một năm số tiền, không dùng",
    en: "comparison column (change, difference, ratio between years): not another year of money, not used",
  },
  share: {
    vi: "cột tỷ lệ, cơ cấu (%): tính lại từ số tiền, không dùng",
    en: "share column (%): computed again from the amounts, not used",
  },
  note: { vi: "cột chữ (ghi chú, mô tả): không dùng", en: "text column (notes): not used" },
  other: {
    vi: "cột số thứ tự, mã, đơn vị tính hoặc bình quân: không phải số tiền",
    en: "numbering, code, unit or average column: not an amount",
  },
  empty: { vi: "cột trống: không dùng", en: "empty column: not used" },
  percents: {
    vi: "các ô là tỷ lệ phần trăm: cột tỷ lệ, không dùng",
    en: "the cells are percentages: a share column, not used",
  },
};

interface ColumnStats {
  numbers: number;
  percents: number;
  noFigure: number;
  text: number;
}

function stats(table: LocatedTable, col: number): ColumnStats {
  const s: ColumnStats = { numbers: 0, percents: 0, noFigure: 0, text: 0 };
  for (const r of table.dataRows) {
    const v = table.grid.rows[r]?.[col] ?? null;
    if (isBlank(v)) continue;
    if (typeof v !== "string") {
      s.numbers++; // numbers, and formula errors: the reader stops on those, naming the cell
      continue;
    }
    const t = v.trim();
    if (isDash(t) || isNoFigureWord(t)) s.noFigure++;
    else if (/^#/.test(t)) s.numbers++;
    else {
      const parsed = parseNumberText(t);
      if (parsed?.percent) s.percents++;
      else if (parsed || numberTextOutOfRange(t))
        s.numbers++; // out of range: refused at its cell
      else s.text++;
    }
  }
  return s;
}

/**
 * Columns right of the label column: amounts, and those set aside with why. A column is money by its header and its
 * cells: a text cell among figures does not turn it into a note column (the cell is read or refused, naming it).
 */
export function planMoneyColumns(table: LocatedTable, labelCol: number): ColumnPlan {
  const amounts: MoneyColumn[] = [];
  const aside: AsideColumn[] = [];
  for (const h of table.unmatched) {
    if (h.col <= labelCol) continue;
    const parts = h.header.split(" / ").map((p) => labelKey(p));
    const header = h.header.replace(/ \/ /g, " ");
    const any = (re: RegExp) => parts.some((p) => re.test(p));
    const setAside = (role: ColumnRole, why: Bilingual) =>
      aside.push({ col: h.col, header, role, why });
    if (any(OTHER)) setAside("other", WORDS_FOR.other);
    else if (any(COMPARISON)) setAside("comparison", WORDS_FOR.comparison);
    else if (any(NOTE)) setAside("note", WORDS_FOR.note);
    else if (any(SHARE)) {
      // A bare "Tỷ lệ %" after two years of money compares them; "Cơ cấu", "Tỷ trọng" or one beside a single
      // year is that year's share.
      const compares = amounts.length >= 2 && !any(/\b(co cau|ty trong|share)\b/);
      setAside(
        compares ? "comparison" : "share",
        compares ? WORDS_FOR.comparison : WORDS_FOR.share
      );
    } else {
      const s = stats(table, h.col);
      const moneyHeader = any(MONEY_HEADER) || columnUnit(h.header) !== null;
      if (s.numbers === 0 && s.percents > 0 && s.text === 0) setAside("share", WORDS_FOR.percents);
      else if (s.numbers === 0 && s.text > 0 && !moneyHeader) setAside("note", WORDS_FOR.note);
      else if (s.numbers + s.percents + s.text + s.noFigure === 0 && table.dataRows.length > 0)
        setAside("amount", WORDS_FOR.empty);
      else
        amounts.push({
          col: h.col,
          header: withoutUnit(h.header).replace(/ \/ /g, " ") || header,
          own: columnUnit(h.header),
          cell: headingCell(table, h.col),
        });
    }
  }
  return { amounts, aside };
}

/** The unit of a table's amounts: per cell, the column's own, else the row's (a unit column), else the sheet's. */
export interface MoneyUnits {
  /** The unit the sheet states above the table (or in a non-amount header), with its cell; null when none. */
  sheet: MoneyUnit | null;
  /** The unit every amount is given in after reading: the one unit of all cells, or million VND when they differ. */
  common: MoneyUnit;
  /** True when amounts are converted (columns or rows in different units). */
  converts: boolean;
  /** True when no cell states a unit and million VND is assumed. */
  assumed: boolean;
  /** The unit of a cell before conversion. */
  unitOf(row: number, col: number): MoneyUnit;
  /** An amount as read, in the common unit. */
  convert(value: number, row: number, col: number): number;
  /** Notes: conversions made, a column's unit that differs from the sheet's. */
  notes: Warning[];
  /** The reading of one amount column's unit. */
  columnReading(col: number): UnitReading;
  tableReading(): UnitReading;
}

/**
 * Settles the units of the amount cells. A column's own unit wins over a row's unit column, which wins over the
 * sheet's; with none, million VND is assumed. When the cells do not all share one unit, every amount is converted to
 * million VND and each converted column is named in a note.
 */
export function settleUnits(
  table: LocatedTable,
  amounts: MoneyColumn[],
  rows: readonly number[],
  rowUnitCol?: number
): MoneyUnits {
  const { grid } = table;
  let sheet = unitAbove(grid, table.headerTop);
  if (!sheet) {
    const amountCols = new Set(amounts.map((a) => a.col));
    // A unit in a header that is not an amount's ("Nội dung (ĐVT: triệu đồng)") is the table's.
    table.headers.forEach((h, c) => {
      if (sheet || amountCols.has(c) || h === "") return;
      const unit = unitInText(h);
      if (unit) sheet = { ...unit, cell: { row: table.headerRow, col: c } };
    });
  }
  const rowUnits = new Map<number, { unit: MoneyUnit; cell: string }>();
  if (rowUnitCol !== undefined) {
    for (const r of rows) {
      const unit = unitWords(cellText(grid.rows[r]?.[rowUnitCol] ?? null));
      if (unit) rowUnits.set(r, { unit, cell: gridAddress(grid, r, rowUnitCol) });
    }
  }
  const own = new Map(amounts.map((a) => [a.col, a.own]));
  const assumed = !sheet && rowUnits.size === 0 && amounts.every((a) => a.own === null);
  const base = sheet ?? MILLION_VND;
  const unitOf = (r: number, c: number): MoneyUnit => own.get(c) ?? rowUnits.get(r)?.unit ?? base;
  const seen: MoneyUnit[] = [];
  for (const a of amounts) {
    for (const r of rows) {
      if (isBlank(grid.rows[r]?.[a.col] ?? null)) continue;
      const u = unitOf(r, a.col);
      if (!seen.some((s) => sameUnit(s, u))) seen.push(u);
    }
  }
  if (seen.length === 0) seen.push(amounts[0] ? unitOf(rows[0] ?? 0, amounts[0].col) : base);
  // Every output states money in million VND (the unit of costs, budgets and allocations): figures in another unit
  // are converted once, here, and the conversion is said.
  const common = MILLION_VND;
  const converts = seen.some((u) => !sameUnit(u, common));
  const notes: Warning[] = [];
  const headerCell = (c: number) => gridAddress(grid, table.headerRow, c);
  const sheetCell = sheet?.cell ? gridAddress(grid, sheet.cell.row, sheet.cell.col) : undefined;
  const factor = (u: MoneyUnit, format: (n: number) => string) =>
    u.millions >= 1 ? `× ${format(u.millions)}` : `÷ ${format(Math.round(1 / u.millions))}`;
  for (const a of amounts) {
    if (a.own && sheet && !sameUnit(a.own, sheet)) {
      notes.push({
        sheet: grid.sheet,
        cell: headerCell(a.col),
        vi: `Cột "${a.header}" (ô ${headerCell(a.col)}) ghi đơn vị ${a.own.vi}, khác đơn vị của trang (${sheet.vi}, ô ${sheetCell}): dùng đơn vị của cột`,
        en: `Column "${a.header}" (cell ${headerCell(a.col)}) states ${a.own.en}, unlike the sheet's unit (${sheet.en}, cell ${sheetCell}): the column's own unit is used`,
      });
    }
  }
  if (converts && seen.length === 1) {
    const u = seen[0];
    const where = sheetCell ?? (amounts[0]?.own ? headerCell(amounts[0].col) : undefined);
    notes.push({
      sheet: grid.sheet,
      ...(where ? { cell: where } : {}),
      vi: `Bảng tính bằng ${u.vi}${where ? ` (ô ${where})` : ""}: các số được đổi sang triệu đồng (${factor(u, formatVi)})`,
      en: `The table is in ${u.en}${where ? ` (cell ${where})` : ""}: its figures are converted to million VND (${factor(u, formatEn)})`,
    });
  } else if (converts) {
    for (const a of amounts) {
      const units: MoneyUnit[] = [];
      for (const r of rows) {
        const u = unitOf(r, a.col);
        if (!sameUnit(u, common) && !units.some((x) => sameUnit(x, u))) units.push(u);
      }
      for (const u of units) {
        notes.push({
          sheet: grid.sheet,
          cell: headerCell(a.col),
          vi: `Các cột của bảng có đơn vị khác nhau: cột "${a.header}" tính bằng ${u.vi}, đã đổi sang triệu đồng (${factor(u, formatVi)})`,
          en: `The table's columns have different units: column "${a.header}" is in ${u.en}, converted to million VND (${factor(u, formatEn)})`,
        });
      }
    }
  }
  const reading = (u: MoneyUnit, cell?: string, isAssumed?: boolean): UnitReading => ({
    vi: u.vi,
    en: u.en,
    millions: u.millions,
    ...(cell ? { cell } : {}),
    ...(isAssumed ? { assumed: true } : {}),
  });
  return {
    sheet,
    common,
    converts,
    assumed,
    unitOf,
    convert: (value, r, c) => {
      const u = unitOf(r, c);
      return sameUnit(u, common) ? value : toMillions(value, u);
    },
    notes,
    columnReading: (c) => {
      const o = own.get(c);
      if (o) return reading(o, headerCell(c));
      if (rowUnits.size > 0) {
        const first = [...rowUnits.values()][0];
        return reading(first.unit, first.cell);
      }
      return reading(base, sheetCell, assumed);
    },
    tableReading: () =>
      reading(
        common,
        converts
          ? undefined
          : (sheetCell ?? (amounts[0]?.own ? headerCell(amounts[0].col) : undefined)),
        assumed
      ),
  };
}

/** Collects "no figure" words read as none, to warn about them once per table (at most five cells named). */
export class NoFigureCells {
  private cells: { cell: string; text: string }[] = [];
  constructor(private readonly grid: Grid) {}
  add(cell: string, text: string): void {
    this.cells.push({ cell, text });
  }
  get count(): number {
    return this.cells.length;
  }
  has(cell: string): boolean {
    return this.cells.some((c) => c.cell === cell);
  }
  /** The words typed in a cell noted here. */
  text(cell: string): string {
    return this.cells.find((c) => c.cell === cell)?.text ?? "";
  }
  warnings(): Warning[] {
    const shown = this.cells.slice(0, 5);
    const out: Warning[] = shown.map((c) => ({
      sheet: this.grid.sheet,
      cell: c.cell,
      vi: `Ô ${c.cell} ghi "${c.text}" ở cột số tiền: đọc là không có số liệu (như ô trống)`,
      en: `Cell ${c.cell} says "${c.text}" in an amount column: read as no figure (as a blank cell)`,
    }));
    const rest = this.cells.length - shown.length;
    if (rest > 0) {
      out.push({
        sheet: this.grid.sheet,
        cell: this.cells[shown.length].cell,
        vi: `Còn ${rest} ô số tiền khác ghi chữ "không có số liệu", đều đọc như ô trống`,
        en: `${rest} more amount cells say "no figure" in words, all read as blank`,
      });
    }
    return out;
  }
}

/**
 * An amount cell: a number (text in either writing, "(613)" and "−540" negative); blank or a dash → null; a "no
 * figure" word ("chưa có", "x") → null, noted; a percentage or any other text → an InputError naming the cell.
 */
export function amountCell(
  grid: Grid,
  row: number,
  col: number,
  what: Bilingual,
  noFigure: NoFigureCells
): number | null {
  const value = grid.rows[row]?.[col] ?? null;
  if (typeof value === "string") {
    const t = value.trim();
    if (t === "" || isDash(t)) return null;
    if (isNoFigureWord(t)) {
      noFigure.add(gridAddress(grid, row, col), t);
      return null;
    }
    // A number no double holds ("1e400") goes on to numberCell, which says so.
    if (!/^#/.test(t) && parseNumberText(t) === null && !numberTextOutOfRange(t)) {
      throw new InputError({
        sheet: grid.sheet,
        cell: gridAddress(grid, row, col),
        found: t,
        expected: {
          vi: `${what.vi}: một số; để trống hoặc ghi "-" nếu chưa có số liệu, hoặc chuyển chữ sang cột ghi chú`,
          en: `${what.en}: a number; leave it blank or type "-" when there is no figure, or move the words to a notes column`,
        },
      });
    }
  }
  return numberCell(grid, row, col, { what, percent: false });
}

/** Labels of lines that take money away: "Thu hồi, điều chỉnh giảm", "Giảm trừ", "Hoàn trả", "Nộp trả". */
export function isReductionLabel(label: string): boolean {
  return /\b(thu hoi|dieu chinh giam|giam tru|hoan tra|nop tra|nop lai|cat giam|giam von|tra lai|recovered|reduction|refund|clawback)\b/.test(
    labelKey(label)
  );
}
