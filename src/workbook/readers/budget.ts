// Reads funding by source from either layout: a report table (roman-numeral sections, sub-lines, a total row,
// one column per year) or a tidy table (Năm | Nguồn vốn | Kế hoạch/Thực hiện | Số tiền), pivoted into columns.

import { InputError } from "../../engine/errors";
import { classifySource, DEFAULT_SOURCE_MAPPING } from "../../engine/funding/categories";
import type { BudgetLine, BudgetTable, SourceMappingEntry } from "../../engine/funding/types";
import { labelKey } from "../../engine/text";
import { formatVi } from "../../engine/numbers";
import type { Warning } from "../../engine/types";
import { cellText, gridAddress, isBlank, type Grid } from "../grid";
import { isTotalLabel, markerKind, stripMarker, type MarkerKind } from "../layout/labels";
import { noteColumn, skipRow, tableReading } from "../reading/record";
import type { TableReading } from "../reading/types";
import {
  ignoredRowsWarning,
  locateTable,
  noteColumns,
  unitReading,
  numberCell,
  textCell,
  tryLocateTable,
  type ColumnSpec,
  type LocatedTable,
} from "./table";

export interface BudgetReadOptions {
  /** Label → group mapping; defaults to DEFAULT_SOURCE_MAPPING (a user's sheet rows go before the defaults). */
  mapping?: readonly SourceMappingEntry[];
}

const WHAT = { vi: "bảng nguồn vốn", en: "funding table" };
const AMOUNT = { vi: "số tiền (triệu đồng)", en: "amount (million VND)" };

export const TIDY_BUDGET_SPECS: ColumnSpec[] = [
  { key: "year", aliases: ["Năm", "Year"], required: true },
  { key: "source", aliases: ["Nguồn vốn", "Nguồn", "Source"], required: true },
  { key: "kind", aliases: ["Kế hoạch/Thực hiện", "KH/TH", "Loại", "Plan/Actual", "Kind"] },
  { key: "amount", aliases: ["Số tiền", "Giá trị", "Amount", "Value"], required: true },
  { key: "level", aliases: ["Cấp", "Cấp ngân sách", "Level"] },
  { key: "unit", aliases: ["Đơn vị", "Unit"] },
];

export const REPORT_BUDGET_SPECS: ColumnSpec[] = [
  { key: "marker", aliases: ["STT", "TT", "Số TT", "Số thứ tự", "No", "No."] },
  {
    key: "label",
    aliases: [
      "Nội dung chỉ tiêu",
      "Nội dung",
      "Chỉ tiêu",
      "Nguồn vốn",
      "Source",
      "Item",
      "Description",
    ],
    required: true,
  },
];

/** Report columns that are not amounts: shares, comparisons, differences, units, notes, who does what. */
const NOT_AMOUNT =
  /^(ty le|co cau|share|%|ghi chu|note|dvt|don vi tinh|don vi|unit|so sanh|so voi|tang giam|tang, giam|chenh lech|difference|compare|comparison|ratio|stt|tt|ma so|co quan|noi dung|chi so)|(%|\bty le\b|\bso sanh\b|\bratio\b|\bchenh lech\b|\bghi chu\b|\bbinh quan\b)/;

/** Which layout a sheet holds, or null when it holds neither. */
export function budgetLayout(grid: Grid): "tidy" | "report" | null {
  if (tryLocateTable(grid, TIDY_BUDGET_SPECS)) return "tidy";
  const report = tryLocateTable(grid, REPORT_BUDGET_SPECS);
  if (report && amountColumns(report).length > 0 && namesASource(report)) return "report";
  return null;
}

/**
 * "Chỉ tiêu" heads period targets too ("Chỉ tiêu | Mục tiêu | Hiện trạng"): found among other sheets, a report
 * table counts as a funding table only when some line names a known source ("Ngân sách trung ương", "Tổng số").
 */
function namesASource(table: LocatedTable): boolean {
  return table.dataRows.some((r) => {
    const label = cellText(table.grid.rows[r]?.[table.columns.label] ?? null).trim();
    return label !== "" && classifySource(label) !== "other";
  });
}

/** A funding table as read, with what was read. */
export type BudgetRead = BudgetTable & { reading: TableReading };

/** Reads a funding table in either layout; labels are grouped with the mapping. */
export function readBudget(grid: Grid, options: BudgetReadOptions = {}): BudgetRead {
  const mapping = options.mapping ?? DEFAULT_SOURCE_MAPPING;
  const tidy = tryLocateTable(grid, TIDY_BUDGET_SPECS);
  const table = tidy ? readTidyBudget(grid, mapping) : readReportBudget(grid, mapping);
  // A header with nothing under it: say so here, where the header's cell is known.
  const header = tidy ?? tryLocateTable(grid, REPORT_BUDGET_SPECS);
  if (table.lines.length === 0 && header) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, header.headerRow, header.columns.label ?? header.columns.source ?? 0),
      expected: {
        vi: `${WHAT.vi}: ít nhất một dòng nguồn vốn dưới dòng tiêu đề`,
        en: `${WHAT.en}: at least one funding line below the header row`,
      },
    });
  }
  return table;
}

/**
 * Amount columns: headers right of the label column whose header and values are money, not shares, comparisons,
 * differences or notes. A composed header ("Năm 2023 / Kế hoạch", see layout/header) is named "Năm 2023 Kế hoạch".
 */
function amountColumns(table: LocatedTable): { col: number; header: string }[] {
  const labelCol = table.columns.label;
  const { grid } = table;
  return table.unmatched
    .filter(
      (h) => h.col > labelCol && !h.header.split(" / ").some((p) => NOT_AMOUNT.test(labelKey(p)))
    )
    .filter((h) => {
      // Money columns hold numbers: a column of texts ("Cơ quan chủ trì") or of percentages is not one.
      let numbers = 0;
      for (const r of table.dataRows) {
        const v = grid.rows[r]?.[h.col] ?? null;
        if (isBlank(v)) continue;
        if (typeof v === "number") numbers++;
        else if (typeof v === "string") {
          const t = v.trim();
          if (/%$/.test(t)) return false;
          if (/^[-–—]$/.test(t)) continue;
          if (/^#/.test(t)) {
            numbers++; // a formula error shown as text: the reader stops on it, naming the cell
            continue;
          }
          if (/\p{L}{2,}/u.test(t)) return false;
          numbers++;
        } else numbers++;
      }
      return numbers > 0 || table.dataRows.length === 0;
    })
    .map((h) => ({ col: h.col, header: h.header.replace(/ \/ /g, " ") }));
}

/** Column names as keys: a repeated header gets " (2)", " (3)"… */
function uniqueNames(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h) => {
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n === 1 ? h : `${h} (${n})`;
  });
}

/** A section line with no amounts of its own is the sum of its sub-lines (deepest first, so sums nest). */
function deriveEmptyParents(lines: BudgetLine[]): void {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (line.category === "total" || line.amounts.some((a) => a !== null)) continue;
    const children = lines.filter((l) => l.parent === i);
    if (children.length === 0) continue;
    line.amounts = line.amounts.map((_, c) =>
      children.reduce((sum, l) => sum + (l.amounts[c] ?? 0), 0)
    );
    line.derived = true;
  }
}

/** Parents' labels, outermost first, for classifying a sub-line in its context. */
function ancestry(lines: BudgetLine[], parent: number | null): string[] {
  const labels: string[] = [];
  for (let p = parent; p !== null; p = lines[p].parent) labels.unshift(lines[p].label);
  return labels;
}

function readReportBudget(grid: Grid, mapping: readonly SourceMappingEntry[]): BudgetRead {
  const table = locateTable(grid, REPORT_BUDGET_SPECS, WHAT);
  const amounts = amountColumns(table);
  if (amounts.length === 0) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, table.headerRow, table.columns.label),
      expected: {
        vi: `${WHAT.vi}: ít nhất một cột số tiền bên phải cột nội dung (ví dụ "Kết quả huy động năm 2023")`,
        en: `${WHAT.en}: at least one amount column right of the label column (e.g. "Kết quả huy động năm 2023")`,
      },
    });
  }
  const labelCol = table.columns.label;
  const markerCol = table.columns.marker;
  // A marker kind's level is the order in which kinds first appear: I → 1, 1 → 2, 1.1 → 3, and so on.
  const kindLevels = new Map<MarkerKind, number>();
  const lines: BudgetLine[] = [];
  const extraTotals: Warning[] = [];
  for (const r of table.dataRows) {
    const rawLabel = textCell(grid, r, labelCol, { vi: "nội dung", en: "label" }) ?? "";
    let marker =
      markerCol === undefined
        ? ""
        : (textCell(grid, r, markerCol, { vi: "số thứ tự", en: "number" }) ?? "");
    let label = rawLabel;
    const inline = stripMarker(rawLabel);
    if (inline.marker !== "" && (marker === "" || markerKind(marker) === null)) {
      marker = inline.marker;
      label = inline.rest;
    } else if (inline.marker !== "" && markerKind(inline.marker) === markerKind(marker)) {
      label = inline.rest;
    }
    const values = amounts.map((a) => numberCell(grid, r, a.col, { what: AMOUNT, percent: false }));
    if (label === "") {
      if (values.every((v) => v === null)) {
        skipRow(table, r, "note", {
          vi: "không có nội dung và số tiền",
          en: "no label, no amounts",
        });
        continue;
      }
      throw new InputError({
        sheet: grid.sheet,
        cell: gridAddress(grid, r, labelCol),
        found: "",
        expected: {
          vi: "tên nguồn vốn cho dòng có số tiền",
          en: "a source label on a row with amounts",
        },
      });
    }
    // "Trong đó:" introduces sub-lines; it is not a line itself.
    if (
      values.every((v) => v === null) &&
      /^(trong do|in which|of which)\b/.test(labelKey(label))
    ) {
      skipRow(table, r, "group", { vi: 'dòng "trong đó"', en: '"of which" row' });
      continue;
    }
    const cells = amounts.map((a) => gridAddress(grid, r, a.col));
    const source = { sheet: grid.sheet, cell: gridAddress(grid, r, labelCol) };
    if (isTotalLabel(label) || classifySource(label, [], mapping) === "total") {
      const first = lines.find((l) => l.category === "total");
      if (first) {
        // A second total (the same table totalled at the top and at the bottom) is checked, not counted.
        skipRow(table, r, "total", {
          vi: `tổng thứ hai, đối chiếu với dòng "${first.label}"`,
          en: `second total, checked against "${first.label}"`,
        });
        values.forEach((v, c) => {
          const stated = first.amounts[c];
          if (v !== null && stated !== null && v !== stated) {
            extraTotals.push({
              sheet: grid.sheet,
              cell: cells[c],
              vi: `"${label}" (ô ${cells[c]}) ghi ${formatVi(v)} nhưng "${first.label}" (ô ${first.cells?.[c]}) ghi ${formatVi(stated)}`,
              en: `"${label}" (cell ${cells[c]}) states ${v} but "${first.label}" (cell ${first.cells?.[c]}) states ${stated}`,
            });
          }
        });
        continue;
      }
      // The total is not a line of its own: its figures check the sum of the lines.
      skipRow(table, r, "total", {
        vi: "dòng tổng, dùng để kiểm tra cộng dồn",
        en: "total row, used to check the sums",
      });
      lines.push({
        label,
        category: "total",
        level: 0,
        parent: null,
        amounts: values,
        cells,
        source,
      });
      continue;
    }
    const kind = markerKind(marker);
    let level = 1;
    if (kind) {
      if (!kindLevels.has(kind)) kindLevels.set(kind, kindLevels.size + 1);
      level = kindLevels.get(kind)!;
    }
    let parent: number | null = null;
    for (let i = lines.length - 1; i >= 0; i--) {
      if (lines[i].category !== "total" && lines[i].level < level) {
        parent = i;
        break;
      }
    }
    if (parent !== null && lines[parent].level !== level - 1) level = lines[parent].level + 1;
    if (parent === null) level = 1;
    const category = classifySource(label, ancestry(lines, parent), mapping);
    lines.push({ label, category, level, parent, amounts: values, cells, source });
  }
  deriveEmptyParents(lines);
  const ignored = ignoredRowsWarning(table);
  const notes = [...extraTotals, ...(ignored ? [ignored] : [])];
  const unit = unitReading(table);
  noteColumns(table, { marker: "other", label: "label" });
  for (const a of amounts) noteColumn(table, a.col, "amount", { unit });
  return {
    reading: tableReading(table, "budget", WHAT, { unit, role: "line" }),
    sheet: grid.sheet,
    columns: uniqueNames(amounts.map((a) => a.header)),
    lines,
    ...(table.unit ? { unit: { vi: table.unit.vi, en: table.unit.en } } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** "Kế hoạch"/"KH"/"plan" → Kế hoạch; "Thực hiện"/"TH"/"actual"/"kết quả" → Thực hiện; null when unknown. */
function tidyKind(text: string): "Kế hoạch" | "Thực hiện" | null {
  const key = labelKey(text);
  if (/^(ke hoach|kh|plan|planned|du toan|target)\b/.test(key)) return "Kế hoạch";
  if (/^(thuc hien|th|ket qua|actual|result|uoc thuc hien|uoc th)\b/.test(key)) return "Thực hiện";
  return null;
}

interface TidyLine {
  label: string;
  parentLabel: string | null;
  amounts: Map<string, number>;
  /** Address of the first amount cell per column, and of the first source cell. */
  amountCells: Map<string, string>;
  cell: string;
  /** False for a parent that only appears as the prefix of sub-lines. */
  stated: boolean;
}

function readTidyBudget(grid: Grid, mapping: readonly SourceMappingEntry[]): BudgetRead {
  const table = locateTable(grid, TIDY_BUDGET_SPECS, WHAT);
  const col = table.columns;
  const columnKeys: { name: string; year: number; kind: string }[] = [];
  const byKey = new Map<string, TidyLine>();
  const order: string[] = [];
  for (const r of table.dataRows) {
    const row = grid.rows[r] ?? [];
    if ([col.year, col.source, col.amount].every((c) => isBlank(row[c] ?? null))) {
      skipRow(table, r, "note", {
        vi: "không có năm, nguồn, số tiền",
        en: "no year, source, amount",
      });
      continue;
    }
    const year = numberCell(grid, r, col.year, {
      integer: true,
      min: 1990,
      max: 2100,
      what: { vi: "năm", en: "year" },
    });
    const sourceText = textCell(grid, r, col.source, { vi: "nguồn vốn", en: "source" });
    const amount = numberCell(grid, r, col.amount, { what: AMOUNT, percent: false });
    if (year === null || sourceText === null) {
      const c = year === null ? col.year : col.source;
      throw new InputError({
        sheet: grid.sheet,
        cell: gridAddress(grid, r, c),
        found: cellText(row[c] ?? null),
        expected: {
          vi: "năm và nguồn vốn trên mỗi dòng có số tiền",
          en: "a year and a source on each row",
        },
      });
    }
    let kind = "Thực hiện";
    if (col.kind !== undefined) {
      const text = textCell(grid, r, col.kind, { vi: "kế hoạch/thực hiện", en: "plan/actual" });
      const parsed = text === null ? null : tidyKind(text);
      if (text !== null && parsed === null) {
        throw new InputError({
          sheet: grid.sheet,
          cell: gridAddress(grid, r, col.kind),
          found: text,
          expected: {
            vi: '"Kế hoạch" hoặc "Thực hiện"',
            en: '"Kế hoạch" (plan) or "Thực hiện" (actual)',
          },
        });
      }
      if (parsed) kind = parsed;
    }
    const name = `${kind} ${year}`;
    if (!columnKeys.some((k) => k.name === name)) columnKeys.push({ name, year, kind });
    // "Ngân sách trung ương - Đầu tư phát triển" is a sub-line of "Ngân sách trung ương".
    const parts = sourceText.split(/\s+[-–—]\s+/).filter((p) => p !== "");
    // A generic local-budget row split by budget level (Cấp) becomes that level's sub-line.
    const level =
      col.level === undefined ? null : textCell(grid, r, col.level, { vi: "cấp", en: "level" });
    if (level && parts.length === 1 && classifySource(parts[0], [], mapping) === "local")
      parts.push(level);
    let parentLabel: string | null = null;
    for (let depth = 0; depth < parts.length; depth++) {
      const label = parts.slice(0, depth + 1).join(" - ");
      const key = labelKey(label);
      if (!byKey.has(key)) {
        byKey.set(key, {
          label: parts[depth],
          parentLabel,
          amounts: new Map(),
          amountCells: new Map(),
          cell: gridAddress(grid, r, col.source),
          stated: false,
        });
        order.push(key);
      }
      if (depth === parts.length - 1) {
        const line = byKey.get(key)!;
        line.amounts.set(name, (line.amounts.get(name) ?? 0) + (amount ?? 0));
        if (!line.amountCells.has(name))
          line.amountCells.set(name, gridAddress(grid, r, col.amount));
        line.stated = true;
      }
      parentLabel = key;
    }
  }
  if (columnKeys.length === 0) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, table.headerRow + 1, col.amount),
      expected: {
        vi: `${WHAT.vi}: ít nhất một dòng số liệu`,
        en: `${WHAT.en}: at least one data row`,
      },
    });
  }
  const kindOrder = (k: string) => (k === "Kế hoạch" ? 0 : 1);
  columnKeys.sort((a, b) => a.year - b.year || kindOrder(a.kind) - kindOrder(b.kind));
  const columns = columnKeys.map((k) => k.name);

  // Tree order: each line followed by its sub-lines, lines in order of first appearance.
  const lines: BudgetLine[] = [];
  const emit = (key: string, parent: number | null, level: number): void => {
    const t = byKey.get(key)!;
    const context = parent === null ? [] : ancestry(lines, parent);
    const category = classifySource(t.label, context, mapping);
    const isTotal = parent === null && category === "total";
    const index = lines.length;
    lines.push({
      label: t.label,
      category,
      level: isTotal ? 0 : level,
      parent: isTotal ? null : parent,
      amounts: columns.map((c) => (t.amounts.has(c) ? t.amounts.get(c)! : t.stated ? null : 0)),
      cells: columns.map((c) => t.amountCells.get(c)),
      source: { sheet: grid.sheet, cell: t.cell },
      ...(t.stated ? {} : { derived: true }),
    });
    const kids = order.filter((k) => byKey.get(k)!.parentLabel === key);
    for (const kid of kids) emit(kid, index, level + 1);
    if (!t.stated) {
      // A parent that was never given is the sum of its sub-lines.
      const children = lines.filter((l) => l.parent === index);
      lines[index].amounts = columns.map((_, c) =>
        children.reduce((s, l) => s + (l.amounts[c] ?? 0), 0)
      );
    }
  };
  for (const key of order.filter((k) => byKey.get(k)!.parentLabel === null)) emit(key, null, 1);
  const unit = unitReading(table);
  noteColumns(table, {
    year: "year",
    source: "label",
    kind: "other",
    amount: { role: "amount", unit },
    level: "other",
    unit: "other",
  });
  const reading = tableReading(table, "budget", WHAT, { unit, role: "line" });
  return { sheet: grid.sheet, columns, lines, reading };
}
