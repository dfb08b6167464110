// Reads the optional costs table: cost (million VND) of meeting a criterion, per commune or as a default.

import { InputError, type Bilingual } from "../../engine/errors";
import type { CostTable } from "../../engine/targets/types";
import { CommuneIndex, communeKey, type CommuneRef } from "../../engine/commune-identity";
import { mergerRollUp, type MergeMap, type MergerRollUp } from "../../engine/merge";
import { labelKey } from "../../engine/text";
import type { Catalogue, CommuneStatus, Warning } from "../../engine/types";
import { cellText, gridAddress, type Grid } from "../grid";
import {
  cellAt,
  locateTable,
  numberCell,
  textCell,
  tryLocateTable,
  type ColumnSpec,
  noteColumns,
  unitReading,
  type LocatedTable,
} from "./table";
import { rowCommune } from "./commune-match";
import { tableReading } from "../reading/record";
import type { TableReading } from "../reading/types";

/** The table, as messages name it. */
export const COSTS_BY_CRITERION = {
  vi: "bảng chi phí theo tiêu chí",
  en: "costs by criterion table",
};

export const COST_COLUMNS: ColumnSpec[] = [
  { key: "commune", aliases: ["Tên xã", "Xã", "Commune", "Commune name"] },
  { key: "district", aliases: ["Huyện", "Quận/Huyện", "District"] },
  { key: "code", aliases: ["Mã xã", "Code", "Commune code"] },
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
  /** Rows of old communes summed into their merged communes (with a merger mapping). */
  rollUp?: MergerRollUp;
  reading: TableReading;
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
  context: { communes: CommuneStatus[]; catalogue: Catalogue; merge?: MergeMap | null }
): CostsReadResult {
  const table = locateTable(grid, COST_COLUMNS, WHAT);
  const costs: CostTable = { perCommune: new Map(), perCriterion: new Map() };
  const warnings: Warning[] = [];
  const origins = new Map<string, Set<string>>();
  // Per row: its name, and the merged commune when it named an old one (for the merger line and table).
  const named: CommuneRef[] = [];
  const into: (number | null)[] = [];
  let anyOld = false;
  // Indexed once: a row per commune and criterion (or indicator) looked up in constant time, not a scan.
  const communeIndex = new CommuneIndex(context.communes);
  for (const row of table.dataRows) {
    const name =
      table.columns.commune === undefined
        ? null
        : textCell(grid, row, table.columns.commune, { vi: "tên xã", en: "commune name" });
    const criterion = criterionAt(table, row, context.catalogue);
    const cost = numberCell(grid, row, table.columns.cost, {
      min: 0,
      what: { vi: "chi phí (triệu đồng)", en: "cost (million VND)" },
      percent: false,
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
    const optional = (key: "district" | "code", what: Bilingual) =>
      table.columns[key] === undefined ? null : textCell(grid, row, table.columns[key]!, what);
    const district = optional("district", { vi: "huyện", en: "district" });
    const code = optional("code", { vi: "mã xã", en: "commune code" });
    let target: Map<number, number>;
    let key = "";
    // Which old commune a row came from, when it named one: rows of two old communes of one merged commune add up.
    let origin = "";
    if (name === null && code === null) {
      target = costs.perCriterion;
      into.push(null);
      named.push({ name: "" });
    } else {
      const cellCol = code !== null ? table.columns.code! : table.columns.commune!;
      const ref = { name: name ?? "", district: district ?? undefined, code: code ?? undefined };
      const match = rowCommune(
        communeIndex,
        ref,
        { sheet: grid.sheet, cell: gridAddress(grid, row, cellCol) },
        context.merge
      );
      into.push(match.into);
      named.push(ref);
      if (!match.direct) anyOld = true;
      origin = match.into === null ? "" : communeKey(ref);
      key = communeKey(match.commune);
      if (!costs.perCommune.has(key)) costs.perCommune.set(key, new Map());
      target = costs.perCommune.get(key)!;
    }
    const from = origins.get(`${key}#${criterion}`) ?? new Set<string>();
    if (target.has(criterion) && origin && !from.has("") && !from.has(origin)) {
      target.set(criterion, Math.round((target.get(criterion)! + cost) * 1e6) / 1e6);
      from.add(origin);
      continue;
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
    origins.set(`${key}#${criterion}`, new Set([origin]));
  }
  const rollUp =
    context.merge && anyOld
      ? mergerRollUp(context.merge, grid.sheet, named, into, "sum")
      : undefined;
  const unit = unitReading(table);
  noteColumns(table, {
    commune: "name",
    district: "district",
    code: "code",
    criterion: "marks",
    cost: { role: "cost", unit },
  });
  const reading = tableReading(table, "costs", WHAT, { unit, role: "line" });
  return { costs, warnings, sheet: grid.sheet, ...(rollUp ? { rollUp } : {}), reading };
}
