// Result of the "roadmap" job: the year-by-year projection and the period targets check (KQ_LoTrinh).

import { formatVi } from "../../engine/numbers";
import type { Roadmap } from "../../engine/roadmap";
import { UNIT_WORDS, unitLine, type BudgetUnit } from "../budget-unit";
import type { FirstYearCheck } from "../results";
import type { SourceRef } from "../../engine/types";
import { FORMATS, moneyFormatFor, restsOn, type OutputSheet, type OutputTable } from "../output";
import { periodTargetsTable } from "./period-targets";

export const ROADMAP_SHEET = "KQ_LoTrinh";

/** How each year was projected: the first as the targets plan (when it was), the others by the pace. */
function basis(roadmap: Roadmap, index: number, firstYear: FirstYearCheck | null): string {
  if (index === 0) return "Hiện trạng (status)";
  if (index === 1 && firstYear?.basis === "targets") {
    return firstYear.agrees
      ? "Theo chỉ tiêu năm tới (as the targets plan)"
      : "Khác chỉ tiêu năm tới (differs from the targets plan)";
  }
  return `Tốc độ ${formatVi(roadmap.pace, 2)} tiêu chí/xã/năm (pace)`;
}

/**
 * Why a target of advanced or model communes is not projected: they are not modelled criterion by criterion, only by
 * the communes recognised per year ("Tăng mỗi năm" in the period targets sheet, or the option).
 */
const NEEDS_PACE = {
  vi: "chưa dự kiến: cần số xã tăng mỗi năm",
  en: "not projected: needs the new communes per year",
};

/** The table the newly standard communes go to when a year's list is too long for one cell. */
export const NEWLY_STANDARD_TABLE = "NTM_XaDatChuanMoi";

/** Longest list of communes kept in one cell (a few hundred names; Excel holds 32,767 characters). */
const LIST_IN_CELL = 8_000;

function listLength(names: readonly string[]): number {
  let length = 0;
  for (const name of names) length += name.length + 2;
  return length;
}

export function roadmapSheet(
  roadmap: Roadmap,
  toYear: number,
  extra: {
    unit?: BudgetUnit;
    firstYear?: FirstYearCheck | null;
    /** A commune's input row by its name (see sourcesByName): what a row listing it rests on. */
    sourceOf?: (name: string) => SourceRef | undefined;
  } = {}
): OutputSheet {
  const sourceOf = extra.sourceOf ?? (() => undefined);
  const unit = extra.unit ?? "million-vnd";
  const u = UNIT_WORDS[unit];
  // Money in the decimals the budget and costs have; criteria are counts.
  const spent =
    unit === "million-vnd"
      ? moneyFormatFor([roadmap.budget, ...roadmap.years.map((y) => y.cost)])
      : FORMATS.count;
  const firstYear = extra.firstYear ?? null;
  const tiers = roadmap.years.some((y) => y.advanced !== null) || roadmap.start.advanced !== null;
  const models = roadmap.years.some((y) => y.model !== null) || roadmap.start.model !== null;
  const columns = [
    { header: "Năm", format: FORMATS.year },
    { header: "Số xã đạt chuẩn", format: FORMATS.count },
    { header: "Số tiêu chí bình quân/xã", format: FORMATS.average },
    { header: `Số xã dưới ${roadmap.below} tiêu chí`, format: FORMATS.count },
    { header: `Kinh phí (${u.vi})`, format: spent },
    { header: "Số tiêu chí tăng thêm", format: FORMATS.count },
    ...(tiers ? [{ header: "Số xã nâng cao", format: FORMATS.count }] : []),
    ...(models ? [{ header: "Số xã kiểu mẫu", format: FORMATS.count }] : []),
    { header: "Xã đạt chuẩn mới" },
    { header: "Cách tính (basis)" },
  ];
  const all = [roadmap.start, ...roadmap.years];
  // A long list (thousands of communes) would pass Excel's 32,767 characters a cell: it goes to a table of its own,
  // one commune a row, and the year's cell names that table.
  const listed = all.every((y) => listLength(y.newlyStandard) <= LIST_IN_CELL);
  const rows = all.map((y, i) => [
    // The year is a number on every row; the basis column says which row is the status.
    y.year,
    y.standard,
    y.averageCriteria,
    y.below,
    i === 0 ? null : y.cost,
    i === 0 ? null : y.gained,
    ...(tiers ? [y.advanced] : []),
    ...(models ? [y.model] : []),
    listed || y.newlyStandard.length === 0
      ? y.newlyStandard.join(", ")
      : `${y.newlyStandard.length.toLocaleString("vi-VN")} xã: xem bảng ${NEWLY_STANDARD_TABLE} (see table)`,
    basis(roadmap, i, firstYear),
  ]);
  const tables: OutputTable[] = [
    {
      name: "NTM_LoTrinh",
      unit: unitLine(unit),
      title:
        `Lộ trình đến năm ${toYear}: ${roadmap.budget.toLocaleString("vi-VN")} ${u.vi}/năm, ` +
        `${roadmap.pace.toLocaleString("vi-VN")} tiêu chí/xã/năm / Roadmap to ${toYear}`,
      columns,
      rows,
      // A year's row rests on the communes it lists (the one whose name the output boundary changes, if any).
      sources: all.map((y) =>
        restsOn(y.newlyStandard.map((text) => ({ text, source: sourceOf(text) })))
      ),
    },
  ];
  if (!listed) {
    const communes: (string | number)[][] = [];
    for (const y of all) for (const name of y.newlyStandard) communes.push([y.year, name]);
    tables.push({
      name: NEWLY_STANDARD_TABLE,
      title: `Xã đạt chuẩn mới theo năm / Communes newly at the standard, by year`,
      columns: [{ header: "Năm", format: FORMATS.year }, { header: "Xã đạt chuẩn mới" }],
      rows: communes,
      sources: communes.map((row) => sourceOf(String(row[1]))),
    });
  }
  if (roadmap.targets.length > 0) {
    const targets = roadmap.targets.map((t) =>
      t.reachable === null ? { ...t, note: NEEDS_PACE } : t
    );
    tables.push(periodTargetsTable(targets, toYear, { unit, spent }));
  }
  return { sheet: ROADMAP_SHEET, tables };
}

export function roadmapText(
  roadmap: Roadmap,
  toYear: number,
  unit: BudgetUnit = "million-vnd",
  firstYearLine?: string
): string {
  const u = UNIT_WORDS[unit];
  const lines = [
    `Kinh phí mỗi năm / budget per year: ${roadmap.budget.toLocaleString("vi-VN")} ${u.vi} / ${u.en}`,
    `Hiện trạng ${roadmap.start.year}: ${roadmap.start.standard}/${roadmap.communes} xã đạt chuẩn, ` +
      `${formatVi(roadmap.start.averageCriteria, 2)} tiêu chí bình quân/xã`,
    ...roadmap.years.map(
      (y) =>
        `${y.year}: ${y.standard}/${roadmap.communes} xã đạt chuẩn (+${y.newlyStandard.length}), ` +
        `${formatVi(y.averageCriteria, 2)} tiêu chí/xã, kinh phí ${y.cost.toLocaleString("vi-VN")} ${u.vi}`
    ),
    ...(firstYearLine ? [firstYearLine] : []),
  ];
  for (const t of roadmap.targets) {
    if (t.reachable === null) {
      lines.push(
        `${t.label.vi}: ${t.target} — chưa dự báo (cần tốc độ tăng mỗi năm) / not projected (needs a pace)`
      );
    } else if (t.reachable) {
      lines.push(`${t.label.vi}: ${t.target} — đạt năm ${t.year} / reached in ${t.year}`);
    } else {
      const later = t.yearAtThisPace ? `; giữ tốc độ thì đạt năm ${t.yearAtThisPace}` : "";
      const extra =
        t.extraCost !== null
          ? `, cần thêm khoảng ${t.extraCost.toLocaleString("vi-VN")} ${u.vi}`
          : "";
      lines.push(
        `${t.label.vi}: ${t.target} — không đạt đến năm ${toYear} (dự kiến ${t.projected}, còn thiếu ${t.shortfall}${extra}${later}) / not reached by ${toYear}`
      );
    }
  }
  return lines.join("\n");
}
