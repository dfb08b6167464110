// Reads the optional indicator costs table (2026-2030): cost (million VND) of meeting an indicator, per commune
// (by Mã xã or name) or as a default for every commune.

import { InputError, type Bilingual } from "../../engine/errors";
import { communeKey, type IndicatorCostTable } from "../../engine/targets";
import { labelKey, nameKey } from "../../engine/text";
import type { CommuneStatus } from "../../engine/types";
import { gridAddress, type Grid } from "../grid";
import { locateTable, numberCell, textCell, tryLocateTable, type ColumnSpec } from "./table";

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
  context: { communes: CommuneStatus[]; indicatorCodes: string[] }
): { costs: IndicatorCostTable; sheet: string } {
  const table = locateTable(grid, INDICATOR_COST_COLUMNS, WHAT);
  const byCode = new Map<string, CommuneStatus>();
  const byName = new Map<string, CommuneStatus[]>();
  const byFolded = new Map<string, CommuneStatus[]>();
  for (const c of context.communes) {
    if (c.code?.trim()) byCode.set(c.code.trim(), c);
    byName.set(nameKey(c.name), [...(byName.get(nameKey(c.name)) ?? []), c]);
    byFolded.set(labelKey(c.name), [...(byFolded.get(labelKey(c.name)) ?? []), c]);
  }
  const codes = new Set(context.indicatorCodes);
  const costs: IndicatorCostTable = { perCommune: new Map(), perIndicator: new Map() };
  const { columns } = table;
  for (const row of table.dataRows) {
    const text = (key: "commune" | "code" | "indicator", what: Bilingual) =>
      columns[key] === undefined ? null : textCell(grid, row, columns[key]!, what);
    const name = text("commune", { vi: "tên xã", en: "commune name" });
    const code = text("code", { vi: "mã xã", en: "commune code" })?.trim() || null;
    const indicator = text("indicator", { vi: "mã chỉ tiêu", en: "indicator code" })?.trim() ?? "";
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
    if (name === null && code === null) {
      target = costs.perIndicator;
    } else {
      let commune: CommuneStatus | undefined;
      if (code !== null) {
        commune = byCode.get(code);
        if (!commune) {
          throw fail("code", code, {
            vi: "mã một xã có trong danh sách xã",
            en: "the code of a commune in the communes list",
          });
        }
      } else {
        const exact = byName.get(nameKey(name!)) ?? [];
        const loose = byFolded.get(labelKey(name!)) ?? [];
        const found = exact.length > 0 ? exact : loose;
        if (found.length !== 1) {
          throw fail(
            "commune",
            name!,
            found.length > 1
              ? {
                  vi: `tên xã có dấu đủ phân biệt, hoặc thêm cột "Mã xã": ${found.map((c) => c.name).join(", ")}`,
                  en: `the commune's name with its diacritics, or a "Mã xã" column, to tell apart: ${found.map((c) => c.name).join(", ")}`,
                }
              : {
                  vi: "tên một xã có trong danh sách xã (hoặc để trống cho chi phí mặc định)",
                  en: "the name of a commune in the communes list (or empty for a default cost)",
                }
          );
        }
        commune = found[0];
      }
      const key = communeKey(commune);
      if (!costs.perCommune.has(key)) costs.perCommune.set(key, new Map());
      target = costs.perCommune.get(key)!;
    }
    if (target.has(indicator)) {
      throw fail("indicator", `${name ?? code ?? "(mặc định / default)"}: ${indicator}`, {
        vi: "mỗi cặp (xã, chỉ tiêu) chỉ một dòng chi phí",
        en: "one cost row per (commune, indicator)",
      });
    }
    target.set(indicator, cost);
  }
  return { costs, sheet: grid.sheet };
}
