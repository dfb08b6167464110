// Result of the "funding" job: funding mix, sum checks and plan/actual comparison (KQ_NguonVon).

import { SOURCE_CATEGORY_LABELS } from "../../engine/funding/categories";
import type { ColumnComparison } from "../../engine/funding/compare";
import type { ColumnMix } from "../../engine/funding/mix";
import type { SourceRef } from "../../engine/types";
import type { CellValue } from "../grid";
import {
  FORMATS,
  moneyFormatFor,
  shareFormat,
  type OutputColumn,
  type OutputSheet,
  type OutputTable,
  moneyUnitLine,
} from "../output";
import { EXCEL_CELL_LIMIT } from "../xml-text";

export const FUNDING_SHEET = "KQ_NguonVon";

/**
 * A sub-line's label indented by its level, unless the indent would push it over what a cell holds: the user's label
 * is then written whole, unindented (the source group beside it still says where it belongs), never cut.
 */
const indent = (label: string, level: number): string => {
  const prefix = level > 1 ? `${"  ".repeat(level - 1)}- ` : "";
  return label.length + prefix.length > EXCEL_CELL_LIMIT ? label : prefix + label;
};

/** One row per line: label, group, then amount and share for each column; a total row last. */
/** The money unit of the table read ("tỷ đồng" when the sheet says so); million VND by default. */
export interface MoneyUnitLabel {
  vi: string;
  en: string;
}

const MILLION: MoneyUnitLabel = { vi: "triệu đồng", en: "million VND" };

/**
 * The mix with each share as displayed: rounded to `decimals` decimals of a percentage so that the shares shown add
 * up to exactly 100% (the cell holds that rounded value, so that a SUM in Excel agrees; the title says so, and the
 * exact shares are in the JSON).
 */
export function mixTable(
  mixes: ColumnMix[],
  decimals: number,
  unit: MoneyUnitLabel = MILLION,
  sources?: readonly (SourceRef | undefined)[],
  /** The input cell a money column's heading rests on, by its name. */
  headingSource: (column: string) => SourceRef | undefined = () => undefined
): OutputTable {
  const columns: OutputColumn[] = [{ header: "Nội dung" }, { header: "Nhóm nguồn" }];
  for (const mix of mixes) {
    columns.push({
      header: `${mix.column} (${unit.vi})`,
      format: moneyFormatFor(mix.lines.map((l) => l.amount)),
    });
    columns.push({ header: `Tỷ lệ - ${mix.column}`, format: shareFormat(decimals) });
  }
  const rows: CellValue[][] = (mixes[0]?.lines ?? []).map((line, i) => {
    const row: CellValue[] = [
      indent(line.label, line.level),
      SOURCE_CATEGORY_LABELS[line.category].vi,
    ];
    for (const mix of mixes) {
      const l = mix.lines[i];
      row.push(l.amount, l.roundedShare ?? l.share);
    }
    return row;
  });
  const totalRow: CellValue[] = ["Tổng số (cộng các nguồn)", SOURCE_CATEGORY_LABELS.total.vi];
  for (const mix of mixes) totalRow.push(mix.total, mix.total === 0 ? 0 : 1);
  rows.push(totalRow);
  return {
    name: "NTM_NguonVon",
    ...(sources ? { sources } : {}),
    columnSources: [
      undefined,
      undefined,
      ...mixes.flatMap((m) => [headingSource(m.column), headingSource(m.column)]),
    ],
    unit: moneyUnitLine(unit),
    title:
      `Cơ cấu nguồn vốn (${unit.vi}); tỷ lệ làm tròn ${decimals} chữ số, cộng đúng 100% / ` +
      `Funding mix (${unit.en}); shares rounded to ${decimals} decimals, adding to exactly 100%`,
    columns,
    rows,
  };
}

export function checksTable(
  mixes: ColumnMix[],
  unit: MoneyUnitLabel = MILLION,
  /** The funding table's sheet: each check rests on the stated amount's cell there. */
  sheet?: string
): OutputTable {
  const money = moneyFormatFor(
    mixes.flatMap((m) => m.checks.flatMap((c) => [c.stated, c.computed]))
  );
  const rows: CellValue[][] = mixes.flatMap((mix) =>
    mix.checks.map((c) => [
      mix.column,
      c.label,
      c.kind === "total" ? "Tổng số / các nguồn" : "Dòng mẹ / dòng con",
      c.stated,
      c.computed,
      c.difference,
      c.ok ? "Khớp" : "Lệch",
      c.cell ?? null,
    ])
  );
  return {
    name: "NTM_KiemTraNguonVon",
    unit: moneyUnitLine(unit),
    title: "Kiểm tra cộng dồn / Sum checks",
    columns: [
      { header: "Cột" },
      { header: "Nội dung" },
      { header: "Loại kiểm tra" },
      { header: "Số ghi (stated)", format: money },
      { header: "Số cộng lại (computed)", format: money },
      { header: "Chênh lệch (difference)", format: money },
      { header: "Kết quả" },
      { header: "Ô" },
    ],
    rows,
    sources: mixes.flatMap((mix) =>
      mix.checks.map((c) => (sheet !== undefined && c.cell ? { sheet, cell: c.cell } : undefined))
    ),
  };
}

export function comparisonTable(
  comparisons: ColumnComparison[],
  unit: MoneyUnitLabel = MILLION
): OutputTable {
  const money = moneyFormatFor(comparisons.flatMap((c) => c.lines.flatMap((l) => [l.from, l.to])));
  const rows: CellValue[][] = comparisons.flatMap((cmp) =>
    cmp.lines.map((l) => [
      cmp.kind === "achieved" ? "Thực hiện / kế hoạch" : "Thay đổi",
      cmp.from,
      cmp.to,
      l.label,
      l.from,
      l.to,
      l.difference,
      l.ratio,
    ])
  );
  return {
    name: "NTM_SoSanhNguonVon",
    unit: moneyUnitLine(unit),
    title: "So sánh giữa các cột / Plan vs actual and change",
    columns: [
      { header: "So sánh" },
      { header: "Từ cột" },
      { header: "Đến cột" },
      { header: "Nội dung" },
      { header: "Số từ (from)", format: money },
      { header: "Số đến (to)", format: money },
      { header: "Chênh lệch", format: money },
      { header: "Tỷ lệ đến/từ", format: FORMATS.share },
    ],
    rows,
    // Each line rests on its base amount's cell (see ComparisonLine.source).
    sources: comparisons.flatMap((cmp) => cmp.lines.map((l) => l.source)),
  };
}

export function fundingSheet(
  mixes: ColumnMix[],
  comparisons: ColumnComparison[],
  decimals: number,
  unit: MoneyUnitLabel = MILLION,
  /** The label cell of each line of the mix (the table's lines but the total), in order. */
  sources?: readonly (SourceRef | undefined)[],
  /** The funding table's sheet, where the sum checks' cells are. */
  sheet?: string,
  /** The input cell a money column's heading rests on, by its name. */
  headingSource?: (column: string) => SourceRef | undefined
): OutputSheet {
  const tables = [
    mixTable(mixes, decimals, unit, sources, headingSource),
    checksTable(mixes, unit, sheet),
  ];
  if (comparisons.length > 0) tables.push(comparisonTable(comparisons, unit));
  return { sheet: FUNDING_SHEET, tables };
}
