// Reads the optional costs table: cost (million VND) of meeting a criterion, per commune or as a default.

import { InputError, type Bilingual } from "../../engine/errors";
import type { CostTable } from "../../engine/targets/types";
import { labelKey, nameKey } from "../../engine/text";
import type { Catalogue, CommuneStatus, Warning } from "../../engine/types";
import { cellText, gridAddress, type Grid } from "../grid";
import {
  cellAt,
  locateTable,
  numberCell,
  textCell,
  tryLocateTable,
  type ColumnSpec,
  type LocatedTable,
} from "./table";

export const COST_COLUMNS: ColumnSpec[] = [
  { key: "commune", aliases: ["Tên xã", "Xã", "Commune", "Commune name"] },
  {
    key: "criterion",
    aliases: ["Tiêu chí", "TC", "Số tiêu chí", "Criterion", "Criterion number"],
    required: true,
  },
  {
    key: "cost",
    aliases: ["Chi phí", "Kinh phí", "Chi phí dự kiến", "Cost", "Estimated cost"],
    required: true,
  },
];

const WHAT: Bilingual = { vi: "bảng chi phí theo tiêu chí", en: "costs by criterion table" };

export interface CostsReadResult {
  costs: CostTable;
  warnings: Warning[];
  sheet: string;
}

/** True when a sheet has the costs table's headers (criterion and cost). */
export function looksLikeCosts(grid: Grid): boolean {
  return tryLocateTable(grid, COST_COLUMNS) !== null;
}

function criterionAt(table: LocatedTable, row: number, catalogue: Catalogue): number {
  const { grid } = table;
  const col = table.columns.criterion;
  const value = cellAt(table, row, "criterion");
  const numbers = catalogue.criteria.map((c) => c.number);
  const expected: Bilingual = {
    vi: `số tiêu chí (${numbers[0]}-${numbers[numbers.length - 1]}, "TC6") hoặc tên tiêu chí của bộ ${catalogue.id}`,
    en: `a criterion number (${numbers[0]}-${numbers[numbers.length - 1]}, "TC6") or name from the ${catalogue.id} set`,
  };
  const fail = () =>
    new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, row, col),
      found: cellText(value),
      expected,
    });
  let n: number | null = null;
  if (typeof value === "string") {
    const key = labelKey(value);
    const tc = key.match(/^(?:tc|tieu chi|criterion)?\s*(?:so\s*)?(\d+)$/);
    if (tc) n = Number(tc[1]);
    else
      n =
        catalogue.criteria.find((c) => labelKey(c.vi) === key || labelKey(c.en) === key)?.number ??
        null;
    if (n === null) throw fail();
  } else {
    n = numberCell(grid, row, col, {
      integer: true,
      what: { vi: "số tiêu chí", en: "criterion number" },
    });
  }
  if (n === null || !numbers.includes(n)) throw fail();
  return n;
}

/**
 * The costs table: columns "Tên xã" (optional), "Tiêu chí", "Chi phí". A row with an empty commune name gives
 * the criterion's default cost for every commune. Unknown communes, repeated rows and bad numbers are errors
 * naming the cell.
 */
export function readCosts(
  grid: Grid,
  context: { communes: CommuneStatus[]; catalogue: Catalogue }
): CostsReadResult {
  const table = locateTable(grid, COST_COLUMNS, WHAT);
  const known = new Set(context.communes.map((c) => nameKey(c.name)));
  // A name typed without diacritics ("tai van") finds its commune only when no other folds the same way:
  // "Hưng Thạnh" and "Hưng Thành" are two communes.
  const folded = new Map<string, string[]>();
  for (const c of context.communes) {
    const list = folded.get(labelKey(c.name)) ?? [];
    if (!list.includes(nameKey(c.name))) list.push(nameKey(c.name));
    folded.set(labelKey(c.name), list);
  }
  const costs: CostTable = { perCommune: new Map(), perCriterion: new Map() };
  const warnings: Warning[] = [];
  for (const row of table.dataRows) {
    const name =
      table.columns.commune === undefined
        ? null
        : textCell(grid, row, table.columns.commune, { vi: "tên xã", en: "commune name" });
    const criterion = criterionAt(table, row, context.catalogue);
    const cost = numberCell(grid, row, table.columns.cost, {
      min: 0,
      what: { vi: "chi phí (triệu đồng)", en: "cost (million VND)" },
    });
    if (cost === null) {
      throw new InputError({
        sheet: grid.sheet,
        cell: gridAddress(grid, row, table.columns.cost),
        found: "",
        expected: {
          vi: "chi phí (triệu đồng), một số ≥ 0",
          en: "a cost (million VND), a number ≥ 0",
        },
      });
    }
    let target: Map<number, number>;
    if (name === null) {
      target = costs.perCriterion;
    } else {
      const exact = nameKey(name);
      const loose = folded.get(labelKey(name)) ?? [];
      const key = known.has(exact) ? exact : loose.length === 1 ? loose[0] : null;
      if (key === null) {
        const names = context.communes
          .filter((c) => loose.includes(nameKey(c.name)))
          .map((c) => c.name);
        throw new InputError({
          sheet: grid.sheet,
          cell: gridAddress(grid, row, table.columns.commune!),
          found: name,
          expected:
            names.length > 1
              ? {
                  vi: `tên xã viết đủ dấu để phân biệt: ${names.join(", ")}`,
                  en: `the commune's name with its diacritics, to tell apart: ${names.join(", ")}`,
                }
              : {
                  vi: "tên một xã có trong danh sách xã (hoặc để trống cho chi phí mặc định)",
                  en: "the name of a commune in the communes list (or empty for a default cost)",
                },
        });
      }
      if (!costs.perCommune.has(key)) costs.perCommune.set(key, new Map());
      target = costs.perCommune.get(key)!;
    }
    if (target.has(criterion)) {
      throw new InputError({
        sheet: grid.sheet,
        cell: gridAddress(grid, row, table.columns.criterion),
        found: `${name ?? "(mặc định / default)"}: TC ${criterion}`,
        expected: {
          vi: "mỗi cặp (xã, tiêu chí) chỉ một dòng chi phí",
          en: "one cost row per (commune, criterion)",
        },
      });
    }
    target.set(criterion, cost);
  }
  return { costs, warnings, sheet: grid.sheet };
}
