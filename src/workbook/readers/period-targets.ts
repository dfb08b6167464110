// Reads the period targets sheet ("Chỉ tiêu giai đoạn"): one row per target with its goal, current value and pace.
//
// Layout (headers in any order, Vietnamese with or without diacritics, or English):
//   Chỉ tiêu                                  | Mục tiêu | Hiện trạng | Tăng mỗi năm
//   Số xã đạt chuẩn nông thôn mới             | 72       |            |
//   Số xã đạt chuẩn nông thôn mới nâng cao    | 24       | 20         | 2
//   Số xã đạt chuẩn nông thôn mới kiểu mẫu    | 8        | 2          | 2
//   Số tiêu chí bình quân/xã                  | 19       |            |
//   Số xã dưới 15 tiêu chí                    | 0        |            |
// "Hiện trạng" (current) and "Tăng mỗi năm" (communes newly recognised per year) matter for advanced and model
// communes only, whose criteria are not projected one by one.

import type { RoadmapTargets } from "../../engine/roadmap";
import { InputError } from "../../engine/errors";
import { labelKey } from "../../engine/text";
import type { Grid } from "../grid";
import {
  addressAt,
  locateTable,
  noteColumns,
  numberCell,
  textCell,
  tryLocateTable,
  type ColumnSpec,
} from "./table";

import { skipRow, tableReading } from "../reading/record";
import type { TableReading } from "../reading/types";

export { PERIOD_TARGETS_SHEET } from "../reading/period-option";

const COLUMNS: ColumnSpec[] = [
  { key: "name", aliases: ["Chỉ tiêu", "Target", "Indicator"], prefix: false, required: true },
  { key: "goal", aliases: ["Mục tiêu", "Kế hoạch", "Goal", "Target value"], required: true },
  { key: "current", aliases: ["Hiện trạng", "Hiện tại", "Current"] },
  { key: "perYear", aliases: ["Tăng mỗi năm", "Tốc độ", "Per year"] },
];

const WHAT = { vi: "bảng chỉ tiêu giai đoạn", en: "period targets table" };

export interface PeriodTargets {
  sheet: string;
  targets: RoadmapTargets;
  current: { advanced?: number; model?: number };
  tierPace: { advanced?: number; model?: number };
  /** N of a "Số xã dưới N tiêu chí" row. */
  below?: number;
  /** Goal for modern NTM communes (2026-2030, "Số xã đạt chuẩn NTM hiện đại"). */
  modern?: number;
  reading: TableReading;
}

type Kind = "standard" | "advanced" | "model" | "modern" | "averageCriteria" | "maxBelow";

/** Which target a label names; the nested tiers are tested first ("đạt chuẩn … nâng cao" is not "đạt chuẩn"). */
function kindOf(label: string): { kind: Kind; below?: number } | null {
  const key = labelKey(label);
  if (/hien dai|modern/.test(key)) return { kind: "modern" };
  if (/kieu mau|model/.test(key)) return { kind: "model" };
  if (/nang cao|advanced/.test(key)) return { kind: "advanced" };
  const under = /(?:duoi|under|below)\s*(\d+)/.exec(key);
  if (under) return { kind: "maxBelow", below: Number(under[1]) };
  if (/binh quan|average/.test(key)) return { kind: "averageCriteria" };
  if (/dat chuan|standard/.test(key)) return { kind: "standard" };
  return null;
}

export function isPeriodTargetsSheet(grid: Grid): boolean {
  return tryLocateTable(grid, COLUMNS) !== null;
}

export function readPeriodTargets(grid: Grid): PeriodTargets {
  const table = locateTable(grid, COLUMNS, WHAT);
  const result: Omit<PeriodTargets, "reading"> = {
    sheet: grid.sheet,
    targets: {},
    current: {},
    tierPace: {},
  };
  for (const row of table.dataRows) {
    const name = textCell(grid, row, table.columns.name, { vi: "tên chỉ tiêu", en: "target name" });
    if (name === null) {
      skipRow(table, row, "note", { vi: "không có tên chỉ tiêu", en: "no target name" });
      continue;
    }
    const kind = kindOf(name);
    if (!kind) {
      throw new InputError({
        sheet: grid.sheet,
        cell: addressAt(table, row, "name"),
        found: name,
        expected: {
          vi: "một chỉ tiêu: số xã đạt chuẩn / nâng cao / kiểu mẫu / hiện đại, số tiêu chí bình quân/xã, số xã dưới N tiêu chí",
          en: "a target: communes at standard / advanced / model / modern, average criteria per commune, communes under N criteria",
        },
      });
    }
    const what = { vi: `mục tiêu "${name}"`, en: `the goal of "${name}"` };
    const goal = numberCell(grid, row, table.columns.goal, {
      min: 0,
      integer: kind.kind !== "averageCriteria",
      what,
    });
    if (goal === null) {
      throw new InputError({
        sheet: grid.sheet,
        cell: addressAt(table, row, "goal"),
        found: "",
        expected: { vi: `${what.vi}: một số`, en: `${what.en}: a number` },
      });
    }
    if (kind.kind === "modern") {
      result.modern = goal;
      continue;
    }
    result.targets[kind.kind] = goal;
    if (kind.below !== undefined) result.below = kind.below;
    if (kind.kind === "advanced" || kind.kind === "model") {
      const number = (key: "current" | "perYear", vi: string, en: string) =>
        table.columns[key] === undefined
          ? null
          : numberCell(grid, row, table.columns[key], {
              min: 0,
              what: { vi: `${vi} "${name}"`, en: `${en} "${name}"` },
            });
      const current = number("current", "hiện trạng", "current value of");
      const perYear = number("perYear", "số xã tăng mỗi năm", "communes per year of");
      if (current !== null) result.current[kind.kind] = current;
      if (perYear !== null) result.tierPace[kind.kind] = perYear;
    }
  }
  noteColumns(table, { name: "label", goal: "count", current: "count", perYear: "count" });
  return { ...result, reading: tableReading(table, "period-targets", WHAT, { role: "line" }) };
}
