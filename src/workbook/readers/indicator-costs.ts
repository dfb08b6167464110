// Reads the optional indicator costs table (2026-2030): cost (million VND) of meeting an indicator, per commune
// (by the one commune identity: Mã xã, else name) or as a default for every commune.

import { InputError, type Bilingual } from "../../engine/errors";
import { CommuneIndex, communeKey, type CommuneRef } from "../../engine/commune-identity";
import { mergerRollUp, type MergeMap, type MergerRollUp } from "../../engine/merge";
import type { IndicatorCostTable } from "../../engine/targets";
import type { CommuneStatus } from "../../engine/types";
import { gridAddress, type Grid } from "../grid";
import {
  locateTable,
  noteColumns,
  numberCell,
  textCell,
  tryLocateTable,
  unitReading,
  type ColumnSpec,
} from "./table";
import { tableReading } from "../reading/record";
import type { TableReading } from "../reading/types";
import { rowCommune } from "./commune-match";

export const INDICATOR_COST_COLUMNS: ColumnSpec[] = [
  { key: "commune", aliases: ["Tên xã", "Xã", "Commune", "Commune name"] },
  { key: "code", aliases: ["Mã xã", "Mã ĐVHC", "Commune code", "Code"] },
  {
    key: "indicator",
    aliases: ["Chỉ tiêu", "Mã chỉ tiêu", "Số chỉ tiêu", "Indicator", "Indicator code"],
    required: true,
  },
  {
    key: "cost",
    aliases: ["Chi phí", "Kinh phí", "Chi phí dự kiến", "Cost", "Estimated cost"],
    required: true,
  },
];

const WHAT: Bilingual = { vi: "bảng chi phí theo chỉ tiêu", en: "costs by indicator table" };

/** True when a sheet has the indicator costs table's headers (indicator and cost). */
export function looksLikeIndicatorCosts(grid: Grid): boolean {
  return tryLocateTable(grid, INDICATOR_COST_COLUMNS) !== null;
}

/**
 * The indicator costs table: "Tên xã" and/or "Mã xã" (both optional), "Chỉ tiêu" (code such as 2.1), "Chi phí".
 * A row with neither commune nor code gives the indicator's default cost. Unknown communes or indicators,
 * repeated rows and bad numbers are errors naming the cell.
 */
export function readIndicatorCosts(
  grid: Grid,
  context: { communes: CommuneStatus[]; indicatorCodes: string[]; merge?: MergeMap | null }
): { costs: IndicatorCostTable; sheet: string; rollUp?: MergerRollUp; reading: TableReading } {
  const table = locateTable(grid, INDICATOR_COST_COLUMNS, WHAT);
  const codes = new Set(context.indicatorCodes);
  const costs: IndicatorCostTable = { perCommune: new Map(), perIndicator: new Map() };
  const { columns } = table;
  const origins = new Map<string, Set<string>>();
  // Per row: its name, and the merged commune when it named an old one (for the merger line and table).
  const named: CommuneRef[] = [];
  const into: (number | null)[] = [];
  let anyOld = false;
  // Indexed once: a row per commune and criterion (or indicator) looked up in constant time, not a scan.
  const communeIndex = new CommuneIndex(context.communes);
  for (const row of table.dataRows) {
    const text = (key: "commune" | "code" | "indicator", what: Bilingual) =>
      columns[key] === undefined ? null : textCell(grid, row, columns[key]!, what);
    const name = text("commune", { vi: "tên xã", en: "commune name" });
    const code = text("code", { vi: "mã xã", en: "commune code" })?.trim() || null;
    const indicator = text("indicator", { vi: "mã chỉ tiêu", en: "indicator code" })?.trim() ?? "";
    named.push({ name: name ?? "", code: code ?? undefined });
    const fail = (key: string, found: string, expected: Bilingual) =>
      new InputError({
        sheet: grid.sheet,
        cell: gridAddress(grid, row, columns[key]!),
        found,
        expected,
      });
    if (!codes.has(indicator)) {
      throw fail("indicator", indicator, {
        vi: `mã một chỉ tiêu của bộ tiêu chí (${context.indicatorCodes.slice(0, 3).join(", ")}, …)`,
        en: `the code of an indicator of the criteria set (${context.indicatorCodes.slice(0, 3).join(", ")}, …)`,
      });
    }
    const cost = numberCell(grid, row, columns.cost, {
      min: 0,
      what: { vi: "chi phí (triệu đồng)", en: "cost (million VND)" },
      percent: false,
    });
    if (cost === null) {
      throw fail("cost", "", {
        vi: "chi phí (triệu đồng), một số ≥ 0",
        en: "a cost (million VND), a number ≥ 0",
      });
    }
    let target: Map<string, number>;
    let key = "";
    // Which old commune a row came from, when it named one: rows of two old communes of one merged commune add up.
    let origin = "";
    if (name === null && code === null) {
      target = costs.perIndicator;
      into.push(null);
    } else {
      const ref = { name: name ?? "", code: code ?? undefined };
      const match = rowCommune(
        communeIndex,
        ref,
        {
          sheet: grid.sheet,
          cell: gridAddress(grid, row, columns[code !== null ? "code" : "commune"]!),
        },
        context.merge
      );
      into.push(match.into);
      if (!match.direct) anyOld = true;
      origin = match.into === null ? "" : communeKey(ref);
      const commune = match.commune;
      key = communeKey(commune);
      if (!costs.perCommune.has(key)) costs.perCommune.set(key, new Map());
      target = costs.perCommune.get(key)!;
    }
    const from = origins.get(`${key}#${indicator}`) ?? new Set<string>();
    if (target.has(indicator) && origin && !from.has("") && !from.has(origin)) {
      target.set(indicator, Math.round((target.get(indicator)! + cost) * 1e6) / 1e6);
      from.add(origin);
      continue;
    }
    if (target.has(indicator)) {
      throw fail("indicator", `${name ?? code ?? "(mặc định / default)"}: ${indicator}`, {
        vi: "mỗi cặp (xã, chỉ tiêu) chỉ một dòng chi phí",
        en: "one cost row per (commune, indicator)",
      });
    }
    target.set(indicator, cost);
    origins.set(`${key}#${indicator}`, new Set([origin]));
  }
  const rollUp =
    context.merge && anyOld
      ? mergerRollUp(context.merge, grid.sheet, named, into, "sum")
      : undefined;
  const unit = unitReading(table);
  noteColumns(table, {
    commune: "name",
    code: "code",
    indicator: "indicator",
    cost: { role: "cost", unit },
  });
  const reading = tableReading(table, "costs", WHAT, { unit, role: "line" });
  return { costs, sheet: grid.sheet, ...(rollUp ? { rollUp } : {}), reading };
}
