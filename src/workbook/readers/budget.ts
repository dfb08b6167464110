// Reads funding by source from either layout: a report table (roman-numeral sections, sub-lines, a total row,
// one column per year) or a tidy table (Năm | Nguồn vốn | Kế hoạch/Thực hiện | Số tiền), pivoted into columns.

import { InputError, type Bilingual } from "../../engine/errors";
import { classifySource, DEFAULT_SOURCE_MAPPING } from "../../engine/funding/categories";
import { sumChecks } from "../../engine/funding/mix";
import type { BudgetLine, BudgetTable, SourceMappingEntry } from "../../engine/funding/types";
import { labelKey } from "../../engine/text";
import { formatEn, formatVi } from "../../engine/numbers";
import type { Warning } from "../../engine/types";
import { cellText, gridAddress, isBlank, type Grid } from "../grid";
import { isTotalLabel, markerKind, stripMarker, type MarkerKind } from "../layout/labels";
import { noteCheck, noteColumn, skipRow, tableReading, useRow } from "../reading/record";
import type { TableReading } from "../reading/types";
import { columnUnit, withoutUnit } from "../layout/units";
import {
  amountCell,
  isReductionLabel,
  NoFigureCells,
  planMoneyColumns,
  settleUnits,
  type MoneyColumn,
  type MoneyUnits,
} from "./money-columns";
import {
  ignoredRowsWarning,
  locateTable,
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

/** A funding table as read, with what was read: columns and their units, rows used and skipped, sums checked. */
export interface BudgetReading extends BudgetTable {
  sheet: string;
  /** The unit of every amount (million VND when the columns' units differed and were converted). */
  unit: { vi: string; en: string; millions: number };
  reading: TableReading;
}

const WHAT = { vi: "bảng nguồn vốn", en: "funding table" };
const READING_WHAT = { vi: "Bảng nguồn vốn", en: "Funding table" };

const amountWhat = (unit: { vi: string; en: string }): Bilingual => ({
  vi: `số tiền (${unit.vi})`,
  en: `amount (${unit.en})`,
});

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

/** Which layout a sheet holds, or null when it holds neither. */
export function budgetLayout(grid: Grid): "tidy" | "report" | null {
  if (tryLocateTable(grid, TIDY_BUDGET_SPECS)) return "tidy";
  const report = tryLocateTable(grid, REPORT_BUDGET_SPECS);
  if (
    report &&
    planMoneyColumns(report, report.columns.label).amounts.length > 0 &&
    namesASource(report)
  )
    return "report";
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

/** Reads a funding table in either layout; labels are grouped with the mapping. */
export function readBudget(grid: Grid, options: BudgetReadOptions = {}): BudgetReading {
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

const fmtVi = (v: number) => formatVi(v, Number.isInteger(v) ? 0 : 3);
const fmtEn = (v: number) => formatEn(v, Number.isInteger(v) ? 0 : 3);

/**
 * Negative lines ("Thu hồi, điều chỉnh giảm", "(613)", −540) are reductions: they take money from their parent line
 * (or from the total, at the top), so every share is computed on net totals. A total must not end up negative: a
 * line with sub-lines, a source at the top (not a reduction), the total row and each column's sum of sources are
 * refused when negative, naming the cell. Each reduction read is noted.
 */
function checkNegatives(table: BudgetTable, grid: Grid, notes: Warning[]): void {
  const { lines, columns } = table;
  const refuse = (cell: string | undefined, label: string, value: number, why: Bilingual) =>
    new InputError({
      sheet: grid.sheet,
      cell,
      found: `${label}: ${fmtVi(value)}`,
      expected: why,
    });
  lines.forEach((line, i) => {
    line.amounts.forEach((v, c) => {
      if (v === null || v >= 0) return;
      const cell = line.cells?.[c] ?? line.source?.cell;
      const hasKids = lines.some((l) => l.parent === i && l.category !== "total");
      if (line.category === "total") {
        throw refuse(cell, line.label, v, {
          vi: `dòng tổng "${line.label}" không âm (cột ${columns[c]})`,
          en: `the total row "${line.label}" to be zero or more (column ${columns[c]})`,
        });
      }
      // A reduction line may have sub-lines of its own ("Thu hồi" split by source): its stated figure stands, and
      // the sum check says whether they agree. Any other line with sub-lines is a total that must not go below zero.
      if (line.derived || (hasKids && !isReductionLabel(line.label))) {
        throw refuse(cell, line.label, v, {
          vi: `"${line.label}" (cột ${columns[c]}): tổng các dòng con, sau khi trừ các khoản giảm, không âm; kiểm tra các dòng giảm dưới nó`,
          en: `"${line.label}" (column ${columns[c]}): the sum of its sub-lines, net of reductions, to be zero or more; check the reductions under it`,
        });
      }
      if (line.level <= 1 && line.category !== "other" && !isReductionLabel(line.label)) {
        throw refuse(cell, line.label, v, {
          vi: `nguồn vốn "${line.label}" (cột ${columns[c]}) không âm; một khoản giảm hãy ghi thành dòng riêng (ví dụ "Thu hồi, điều chỉnh giảm") dưới nguồn đó`,
          en: `the source "${line.label}" (column ${columns[c]}) to be zero or more; type a reduction as its own line (e.g. "Thu hồi, điều chỉnh giảm") under that source`,
        });
      }
      const parent = line.parent === null ? null : lines[line.parent];
      const from = parent ? `"${parent.label}"` : "tổng số";
      const fromEn = parent ? `"${parent.label}"` : "the total";
      notes.push({
        sheet: grid.sheet,
        cell,
        vi: `"${line.label}" (ô ${grid.sheet}!${cell}) ghi ${fmtVi(v)}: đọc là khoản giảm, trừ vào ${from}; tỷ lệ tính trên số đã trừ`,
        en: `"${line.label}" (cell ${grid.sheet}!${cell}) states ${fmtEn(v)}: read as a reduction, taken from ${fromEn}; shares are of the net amounts`,
      });
    });
  });
  columns.forEach((name, c) => {
    const top = lines.filter((l) => l.parent === null && l.category !== "total");
    const net = top.reduce((s, l) => s + (l.amounts[c] ?? 0), 0);
    if (net >= 0) return;
    const total = lines.find((l) => l.category === "total");
    const cell = total?.cells?.[c] ?? top[0]?.cells?.[c];
    throw refuse(cell, name, net, {
      vi: `cột ${name}: tổng các nguồn, sau khi trừ các khoản giảm, không âm`,
      en: `column ${name}: the sum of the sources, net of reductions, to be zero or more`,
    });
  });
}

/**
 * A "no figure" word ("chưa có") in a line that a stated total counts: the total says the line has a figure, so the
 * word cannot be read as none without the sums disagreeing. Refused naming the cell, rather than a total that is off.
 */
function checkNoFigures(table: BudgetTable, grid: Grid, noFigure: NoFigureCells): void {
  if (noFigure.count === 0) return;
  table.columns.forEach((name, c) => {
    for (const check of sumChecks(table, c)) {
      if (check.ok) continue;
      const at = table.lines.findIndex(
        (l) => l.cells?.[c] === check.cell && l.label === check.label
      );
      const parent = check.kind === "total" ? null : at;
      const covered = table.lines.filter(
        (l, i) => i !== at && l.category !== "total" && l.parent === parent
      );
      const word = covered.find((l) => l.cells?.[c] !== undefined && noFigure.has(l.cells[c]!));
      if (!word) continue;
      const cell = word.cells![c]!;
      throw new InputError({
        sheet: grid.sheet,
        cell,
        found: noFigure.text(cell),
        expected: {
          vi: `số tiền của "${word.label}" (cột ${name}): ô ghi chữ thay cho số, nhưng "${check.label}" (ô ${check.cell}) ghi ${fmtVi(check.stated)}, có tính cả dòng này (thiếu ${fmtVi(check.difference)}); hãy ghi số tiền vào ô`,
          en: `the amount of "${word.label}" (column ${name}): the cell holds words, not a figure, but "${check.label}" (cell ${check.cell}) states ${fmtEn(check.stated)}, which counts this line (${fmtEn(check.difference)} short); type the amount in the cell`,
        },
      });
    }
  });
}

/** Each sum the table states (a parent against its sub-lines, the total against the sources), as the reading's checks. */
function recordSums(located: LocatedTable, table: BudgetTable): void {
  table.columns.forEach((_, c) => {
    for (const check of sumChecks(table, c)) {
      const what =
        check.kind === "total"
          ? { vi: "tổng các nguồn", en: "sum of the sources" }
          : { vi: "tổng các dòng con", en: "sum of its sub-lines" };
      noteCheck(located, {
        kind: check.kind === "total" ? "total" : "sum-of-lines",
        ...(check.cell ? { cell: check.cell } : {}),
        ok: check.ok,
        vi: `${check.column}: "${check.label}" ghi ${fmtVi(check.stated)}, ${what.vi} ${fmtVi(check.computed)}${check.ok ? " — khớp" : ` — lệch ${fmtVi(check.difference)}`}`,
        en: `${check.column}: "${check.label}" states ${fmtEn(check.stated)}, ${what.en} ${fmtEn(check.computed)}${check.ok ? " — agrees" : ` — off by ${fmtEn(check.difference)}`}`,
      });
    }
  });
}

/** The columns of a report table in its reading: marker, label, each amount with its unit, each column set aside. */
function recordColumns(
  located: LocatedTable,
  amounts: MoneyColumn[],
  aside: ReturnType<typeof planMoneyColumns>["aside"],
  units: MoneyUnits
): void {
  const { columns } = located;
  if (columns.marker !== undefined)
    noteColumn(located, columns.marker, "other", {
      used: true,
      why: { vi: "số thứ tự: cấp của dòng", en: "numbering: the line's level" },
    });
  noteColumn(located, columns.label, "label");
  for (const a of amounts)
    noteColumn(located, a.col, "amount", { unit: units.columnReading(a.col) });
  for (const a of aside) noteColumn(located, a.col, a.role, { used: false, why: a.why });
}

function readReportBudget(grid: Grid, mapping: readonly SourceMappingEntry[]): BudgetReading {
  const table = locateTable(grid, REPORT_BUDGET_SPECS, WHAT);
  const { amounts, aside } = planMoneyColumns(table, table.columns.label);
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
  const unitCol = aside.find(
    (a) => a.role === "other" && /^(dvt|don vi tinh|don vi|unit)$/.test(labelKey(a.header))
  )?.col;
  const units = settleUnits(table, amounts, table.dataRows, unitCol);
  const noFigure = new NoFigureCells(grid);
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
    const values = amounts.map((a) => {
      const v = amountCell(grid, r, a.col, amountWhat(units.unitOf(r, a.col)), noFigure);
      return v === null ? null : units.convert(v, r, a.col);
    });
    if (label === "") {
      if (values.every((v) => v === null)) {
        skipRow(table, r, "note", {
          vi: "dòng không có nội dung, số tiền",
          en: "no label, no amount",
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
      skipRow(table, r, "group", {
        vi: '"Trong đó": mở đầu các dòng con, không phải một dòng',
        en: '"Trong đó" (of which): introduces sub-lines, not a line',
      });
      continue;
    }
    const cells = amounts.map((a) => gridAddress(grid, r, a.col));
    const source = { sheet: grid.sheet, cell: gridAddress(grid, r, labelCol) };
    if (isTotalLabel(label) || classifySource(label, [], mapping) === "total") {
      const first = lines.find((l) => l.category === "total");
      if (first) {
        // A second total (the same table totalled at the top and at the bottom) is checked, not counted.
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
        skipRow(table, r, "total", {
          vi: "dòng tổng thứ hai: chỉ để đối chiếu với dòng tổng thứ nhất",
          en: "second total row: only checked against the first",
        });
        continue;
      }
      skipRow(table, r, "total", {
        vi: "dòng tổng: không cộng vào, dùng để kiểm tra tổng các nguồn",
        en: "total row: not added in, checked against the sum of the sources",
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
    useRow(table, r);
  }
  deriveEmptyParents(lines);
  const result: BudgetTable = {
    sheet: grid.sheet,
    columns: uniqueNames(amounts.map((a) => a.header)),
    columnCells: amounts.map((a) => a.cell),
    lines,
  };
  const negatives: Warning[] = [];
  checkNegatives(result, grid, negatives);
  checkNoFigures(result, grid, noFigure);
  recordColumns(table, amounts, aside, units);
  recordSums(table, result);
  const ignored = ignoredRowsWarning(table);
  const notes = [
    ...units.notes,
    ...noFigure.warnings(),
    ...negatives,
    ...extraTotals,
    ...(ignored ? [ignored] : []),
  ];
  const unit = { vi: units.common.vi, en: units.common.en, millions: units.common.millions };
  return {
    ...result,
    sheet: grid.sheet,
    unit,
    ...(notes.length > 0 ? { notes } : {}),
    reading: tableReading(table, "budget", READING_WHAT, {
      unit: units.tableReading(),
      role: "line",
    }),
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

function readTidyBudget(grid: Grid, mapping: readonly SourceMappingEntry[]): BudgetReading {
  const table = locateTable(grid, TIDY_BUDGET_SPECS, WHAT);
  const col = table.columns;
  const amountColumn: MoneyColumn = {
    col: col.amount,
    header: withoutUnit(table.headers[col.amount] ?? ""),
    own: columnUnit(table.headers[col.amount] ?? ""),
    // The amount column's header; the table's columns are named from its rows (year, plan or actual), not here.
    cell: gridAddress(grid, table.headerRow, col.amount),
  };
  const units = settleUnits(table, [amountColumn], table.dataRows, col.unit);
  const noFigure = new NoFigureCells(grid);
  const columnKeys: { name: string; year: number; kind: string }[] = [];
  const byKey = new Map<string, TidyLine>();
  const order: string[] = [];
  for (const r of table.dataRows) {
    const row = grid.rows[r] ?? [];
    if ([col.year, col.source, col.amount].every((c) => isBlank(row[c] ?? null))) {
      skipRow(table, r, "note", {
        vi: "không có năm, nguồn vốn, số tiền",
        en: "no year, source or amount",
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
    const typed = amountCell(
      grid,
      r,
      col.amount,
      amountWhat(units.unitOf(r, col.amount)),
      noFigure
    );
    const amount = typed === null ? null : units.convert(typed, r, col.amount);
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
        if (amount !== null) line.amounts.set(name, (line.amounts.get(name) ?? 0) + amount);
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
  const result: BudgetTable = { sheet: grid.sheet, columns, lines };
  const negatives: Warning[] = [];
  checkNegatives(result, grid, negatives);
  noteColumn(table, col.year, "year");
  noteColumn(table, col.source, "label");
  if (col.kind !== undefined)
    noteColumn(table, col.kind, "other", {
      why: {
        vi: "kế hoạch hay thực hiện: tên cột kết quả",
        en: "plan or actual: names the result column",
      },
    });
  noteColumn(table, col.amount, "amount", { unit: units.columnReading(col.amount) });
  if (col.level !== undefined)
    noteColumn(table, col.level, "group", {
      why: {
        vi: "cấp ngân sách: dòng con của nguồn",
        en: "budget level: a sub-line of the source",
      },
    });
  if (col.unit !== undefined)
    noteColumn(table, col.unit, "other", {
      why: { vi: "đơn vị tính của từng dòng", en: "each row's unit" },
    });
  recordSums(table, result);
  const notes = [...units.notes, ...noFigure.warnings(), ...negatives];
  return {
    ...result,
    sheet: grid.sheet,
    unit: { vi: units.common.vi, en: units.common.en, millions: units.common.millions },
    ...(notes.length > 0 ? { notes } : {}),
    reading: tableReading(table, "budget", READING_WHAT, {
      unit: units.tableReading(),
      role: "line",
    }),
  };
}
