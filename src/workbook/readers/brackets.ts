// Reads the counterpart-ratio policy table: lower %, upper %, minimum ratio, note (one bracket a row).

import { InputError } from "../../engine/errors";
import { bracketProblems, type CounterpartBracket } from "../../engine/funding/counterpart";
import { parseNumberText } from "../../engine/numbers";
import { cellText, gridAddress, isBlank, type Grid } from "../grid";
import {
  locateTable,
  noteColumns,
  numberCell,
  textCell,
  tryLocateTable,
  type ColumnSpec,
} from "./table";
import { skipRow, tableReading } from "../reading/record";
import type { TableReading } from "../reading/types";

export const BRACKET_SPECS: ColumnSpec[] = [
  { key: "lower", aliases: ["Cận dưới", "Từ", "Lower", "Lower bound", "From"], required: true },
  { key: "upper", aliases: ["Cận trên", "Đến", "Upper", "Upper bound", "To"], required: true },
  {
    key: "ratio",
    aliases: [
      "Tỷ lệ đối ứng tối thiểu",
      "Tỷ lệ đối ứng",
      "Tỷ lệ tối thiểu",
      "Minimum ratio",
      "Min ratio",
      "Ratio",
    ],
    required: true,
  },
  { key: "note", aliases: ["Ghi chú", "Note"] },
  { key: "period", aliases: ["Giai đoạn", "Period"] },
];

const WHAT = { vi: "bảng tỷ lệ vốn đối ứng", en: "counterpart ratio brackets" };

export function isBracketSheet(grid: Grid): boolean {
  return tryLocateTable(grid, BRACKET_SPECS) !== null;
}

/** A ratio written 1, "1,5" or "1:1" / "1,5:1". */
function ratioCell(grid: Grid, r: number, c: number): number | null {
  const value = grid.rows[r]?.[c] ?? null;
  if (typeof value === "string" && value.includes(":")) {
    const [a, b] = value.split(":").map((part) => parseNumberText(part.trim())?.value);
    if (a !== undefined && b !== undefined && b > 0 && a >= 0) return a / b;
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, r, c),
      found: value,
      expected: { vi: "tỷ lệ đối ứng như 1 hoặc 1:1", en: "a counterpart ratio such as 1 or 1:1" },
    });
  }
  return numberCell(grid, r, c, {
    min: 0,
    what: { vi: "tỷ lệ đối ứng tối thiểu", en: "minimum counterpart ratio" },
  });
}

/**
 * Brackets in sheet order, bounds in percent. Bounds written as fractions (all ≤ 1, e.g. cells formatted 60%)
 * are scaled to percent. Overlapping or reversed brackets are errors naming the row.
 */
export function readBrackets(grid: Grid): CounterpartBracket[] {
  return readBracketsTable(grid).brackets;
}

/** The brackets and what was read (see readBrackets). */
export function readBracketsTable(grid: Grid): {
  brackets: CounterpartBracket[];
  reading: TableReading;
} {
  const table = locateTable(grid, BRACKET_SPECS, WHAT);
  const { lower, upper, ratio, note, period } = table.columns;
  const rows: { bracket: CounterpartBracket; row: number }[] = [];
  for (const r of table.dataRows) {
    const row = grid.rows[r] ?? [];
    if ([lower, upper, ratio].every((c) => isBlank(row[c] ?? null))) {
      skipRow(table, r, "note", { vi: "không có cận và tỷ lệ", en: "no bounds and no ratio" });
      continue;
    }
    const bound = {
      what: { vi: "cận tỷ lệ hỗ trợ cân đối (%)", en: "support-share bound (%)" },
      min: 0,
    };
    const lo = numberCell(grid, r, lower, bound);
    const hi = numberCell(grid, r, upper, bound);
    const min = ratioCell(grid, r, ratio);
    const missing = lo === null ? lower : hi === null ? upper : min === null ? ratio : null;
    if (missing !== null) {
      throw new InputError({
        sheet: grid.sheet,
        cell: gridAddress(grid, r, missing),
        found: cellText(row[missing] ?? null),
        expected: {
          vi: "cận dưới, cận trên và tỷ lệ tối thiểu trên mỗi dòng",
          en: "lower bound, upper bound and minimum ratio on each row",
        },
      });
    }
    const text = note === undefined ? null : textCell(grid, r, note, { vi: "ghi chú", en: "note" });
    const when =
      period === undefined ? null : textCell(grid, r, period, { vi: "giai đoạn", en: "period" });
    rows.push({
      bracket: {
        lower: lo!,
        upper: hi!,
        minRatio: min!,
        ...(text
          ? { note: text, noteCell: { sheet: grid.sheet, cell: gridAddress(grid, r, note!) } }
          : {}),
        ...(when ? { period: when.replace(/\s*[–—-]\s*/, "-") } : {}),
      },
      row: r,
    });
  }
  if (rows.length === 0) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, table.headerRow + 1, lower),
      expected: { vi: `${WHAT.vi}: ít nhất một dòng`, en: `${WHAT.en}: at least one row` },
    });
  }
  if (rows.every((x) => x.bracket.upper <= 1)) {
    for (const x of rows) {
      x.bracket.lower *= 100;
      x.bracket.upper *= 100;
    }
  }
  const brackets = rows.map((x) => x.bracket);
  const problem = bracketProblems(brackets)[0];
  if (problem) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, rows[problem.index].row, lower),
      found: `${brackets[problem.index].lower}-${brackets[problem.index].upper}`,
      expected: { vi: `khoảng hợp lệ: ${problem.vi}`, en: `a valid bracket: ${problem.en}` },
    });
  }
  noteColumns(table, {
    lower: "share",
    upper: "share",
    ratio: "coefficient",
    note: "note",
    period: "label",
  });
  return { brackets, reading: tableReading(table, "brackets", WHAT, { role: "line" }) };
}
