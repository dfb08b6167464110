// What allocation rules read from a commune sheet: the commune reader's status (criteria met, tier, registration,
// especially difficult) plus the commune-type columns (Khu vực I/II/III, ATK, biên giới, hải đảo, đặc khu), the
// commune group, the number of especially difficult villages and the need.

import {
  ATTRIBUTE_WORDS,
  type CommuneAttributes,
  type CommuneFlag,
  type CommuneZone,
  type PolicyAttribute,
  ZONE_WORDS,
} from "../../engine/allocation";
import { isMarkMet } from "../../engine/criteria/marks";
import { InputError, type Bilingual } from "../../engine/errors";
import { labelKey } from "../../engine/text";
import type { Catalogue } from "../../engine/types";
import { cellText, gridAddress, isCellError, type Grid } from "../grid";
import {
  DIFFICULT_SPEC,
  GROUP_SHORT_SPEC,
  GROUP_SPEC,
  locateCommunesTable,
  NAME_SPEC,
  readCommunes,
  REGISTERED_SPEC,
  TIER_SPEC,
  type CommunesReadResult,
} from "./communes";
import {
  addressAt,
  noteColumns,
  numberCell,
  textCell,
  tryLocateTable,
  type ColumnSpec,
  type LocatedTable,
} from "./table";
import { columnReadings } from "../reading/record";
import type { TableReading } from "../reading/types";

// Specs are tried in order for each header: the exact "Khu vực I/II/III" columns before the "Khu vực" one.
export const ATTRIBUTE_COLUMNS: ColumnSpec[] = [
  { key: "zoneIII", aliases: ["Khu vực III", "KV III", "Zone III"], prefix: false },
  { key: "zoneII", aliases: ["Khu vực II", "KV II", "Zone II"], prefix: false },
  { key: "zoneI", aliases: ["Khu vực I", "KV I", "Zone I"], prefix: false },
  { key: "zone", aliases: ["Khu vực", "KV", "Zone", "Thuộc khu vực"] },
  { key: "atk", aliases: ["ATK", "Xã ATK", "An toàn khu", "Xã an toàn khu"] },
  { key: "border", aliases: ["Biên giới", "Xã biên giới", "Border"] },
  { key: "island", aliases: ["Hải đảo", "Xã hải đảo", "Xã đảo", "Island"] },
  { key: "specialZone", aliases: ["Đặc khu", "Special zone"] },
  DIFFICULT_SPEC,
  {
    key: "villages",
    aliases: [
      "Số thôn ĐBKK",
      "Thôn ĐBKK",
      "Số thôn đặc biệt khó khăn",
      "Thôn đặc biệt khó khăn",
      "Difficult villages",
    ],
  },
  GROUP_SPEC,
  GROUP_SHORT_SPEC,
  { key: "need", aliases: ["Nhu cầu", "Nhu cầu vốn", "Need"] },
  TIER_SPEC,
  REGISTERED_SPEC,
  NAME_SPEC,
];

export const FLAG_KEYS: CommuneFlag[] = ["atk", "border", "island", "specialZone"];

export const ZONES = ["I", "II", "III"] as const;
const ZONE_FLAG_WORDS: Record<CommuneZone, Bilingual> = {
  I: { vi: "khu vực I", en: "zone I" },
  II: { vi: "khu vực II", en: "zone II" },
  III: { vi: "khu vực III", en: "zone III" },
};

export interface AllocationCommunes {
  sheet: string;
  communes: CommuneAttributes[];
  /** The attributes the sheet has columns for (rules on others cannot be applied). */
  available: Set<PolicyAttribute>;
  read: CommunesReadResult;
  /** The commune reader's reading, with the commune-type columns read here. */
  reading: TableReading;
}

const FLAG_EXPECTED: Bilingual = {
  vi: `"x", "1", "có", TRUE hoặc để trống`,
  en: `"x", "1", "có" (yes), TRUE or blank`,
};

function flagCell(grid: Grid, row: number, col: number, what: Bilingual): boolean {
  const value = grid.rows[row]?.[col] ?? null;
  // A blank cell means "no": the common case, answered without building the error's words.
  if (value === null || value === "") return false;
  const refuse = () =>
    new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, row, col),
      found: cellText(value),
      expected: { vi: `${what.vi}: ${FLAG_EXPECTED.vi}`, en: `${what.en}: ${FLAG_EXPECTED.en}` },
    });
  if (isCellError(value) || value instanceof Date) throw refuse();
  try {
    return isMarkMet(value);
  } catch {
    throw refuse();
  }
}

function zoneCell(grid: Grid, row: number, col: number): CommuneZone | undefined {
  const text = textCell(grid, row, col, { vi: "khu vực", en: "zone" });
  if (text === null) return undefined;
  const m = /^(?:(?:khu vuc|kv|zone)\s*)?(iii|ii|i|1|2|3)$/.exec(labelKey(text));
  if (m) return ZONE_WORDS[m[1]];
  throw new InputError({
    sheet: grid.sheet,
    cell: gridAddress(grid, row, col),
    found: text,
    expected: {
      vi: 'khu vực "I", "II", "III" (hoặc "Khu vực III") hoặc để trống',
      en: 'a zone "I", "II", "III" (or "Khu vực III") or blank',
    },
  });
}

function groupCell(grid: Grid, row: number, col: number): 1 | 2 | 3 | undefined {
  const text = textCell(grid, row, col, { vi: "nhóm xã", en: "commune group" });
  if (text === null) return undefined;
  const m = /^(?:(?:nhom|group)\s*)?([123])$/.exec(labelKey(text));
  if (m) return Number(m[1]) as 1 | 2 | 3;
  throw new InputError({
    sheet: grid.sheet,
    cell: gridAddress(grid, row, col),
    found: text,
    expected: { vi: "nhóm xã 1, 2 hoặc 3", en: "commune group 1, 2 or 3" },
  });
}

/**
 * The attribute table's data row whose name cell is a given cell ("B12"), or undefined. When the attribute table
 * names communes in the commune reader's column, the row is the cell's own row, if it is a data row: found without
 * writing out the address of every row.
 */
function communeRows(
  grid: Grid,
  catalogue: Catalogue,
  table: LocatedTable | null
): (cell: string) => number | undefined {
  if (!table) return () => undefined;
  const communesTable = locateCommunesTable(grid, catalogue);
  const nameCol = table.columns.name ?? 0;
  if (communesTable && (communesTable.columns.name ?? 0) === nameCol) {
    const isData = new Uint8Array(grid.rows.length);
    for (const r of table.dataRows) isData[r] = 1;
    const column = gridAddress(grid, 0, nameCol).replace(/\d+$/, "");
    return (cell) => {
      const digits = /^([A-Z]+)(\d+)$/.exec(cell);
      if (!digits || digits[1] !== column) return undefined;
      const r = Number(digits[2]) - grid.origin.row - 1;
      return r >= 0 && r < isData.length && isData[r] === 1 ? r : undefined;
    };
  }
  const byCell = new Map<string, number>();
  for (const r of table.dataRows) byCell.set(addressAt(table, r, "name"), r);
  return (cell) => byCell.get(cell);
}

/**
 * The attributes rules can read from an attribute table's columns (`groups`: the commune reader read a group for
 * some commune); a rule on any other cannot be applied.
 */
export function availableAttributes(
  cols: Record<string, number>,
  groups: boolean
): Set<PolicyAttribute> {
  const available = new Set<PolicyAttribute>(["criteria", "tier"]);
  const has = (k: string) => cols[k] !== undefined;
  if (has("tier")) available.add("tierAbove");
  if (has("zone") || has("zoneI") || has("zoneII") || has("zoneIII")) available.add("zone");
  for (const f of FLAG_KEYS) if (has(f)) available.add(f);
  if (has("difficult")) available.add("difficult");
  if (has("villages")) available.add("villages");
  if (has("group") || groups) available.add("group");
  if (has("need")) available.add("need");
  if (has("registered")) available.add("registered");
  return available;
}

/**
 * The communes of a sheet with every attribute allocation rules can read. The criteria, tier, group, registration
 * year and the especially-difficult flag come from the commune reader; the type columns are read here, each blank
 * cell meaning "no". Errors name the sheet and cell.
 */
export function readAllocationCommunes(grid: Grid, catalogue: Catalogue): AllocationCommunes {
  // The commune reader's table lends its rows: the attribute columns are usually under the same header block.
  const table = tryLocateTable(grid, ATTRIBUTE_COLUMNS, locateCommunesTable(grid, catalogue));
  const cols = table?.columns ?? {};
  const read = readCommunes(grid, { catalogue });
  const rowOf = communeRows(grid, catalogue, table);
  const total = catalogue.criteria.length;
  const available = availableAttributes(
    cols,
    read.communes.some((c) => c.group !== undefined)
  );

  // The columns each row looks at, found once for the table.
  const zoneCols: [CommuneZone, number][] = [];
  for (const z of ZONES) if (cols[`zone${z}`] !== undefined) zoneCols.push([z, cols[`zone${z}`]]);
  const flagCols: [CommuneFlag, number][] = [];
  for (const f of FLAG_KEYS) if (cols[f] !== undefined) flagCols.push([f, cols[f]]);
  const communes = read.communes.map((status): CommuneAttributes => {
    const r = status.source ? rowOf(status.source.cell) : undefined;
    const attrs: CommuneAttributes = {
      unit: status.name,
      criteriaMet: status.count,
      criteriaTotal: total,
    };
    if (status.tier) attrs.tier = status.tier;
    if (status.registeredYear !== undefined) attrs.registeredYear = status.registeredYear;
    if (status.source) attrs.source = status.source;
    let flags: NonNullable<CommuneAttributes["flags"]> | undefined;
    if (status.especiallyDifficult) flags = { difficult: true };
    if (r === undefined || !table) {
      if (flags) attrs.flags = flags;
      return attrs;
    }
    const zones: CommuneZone[] = [];
    for (const [z, c] of zoneCols) if (flagCell(grid, r, c, ZONE_FLAG_WORDS[z])) zones.push(z);
    if (cols.zone !== undefined) {
      const z = zoneCell(grid, r, cols.zone);
      if (z && !zones.includes(z)) zones.push(z);
    }
    if (zones.length > 1) {
      throw new InputError({
        sheet: grid.sheet,
        cell: addressAt(table, r, "name"),
        found: `${status.name}: ${zones.map((z) => `Khu vực ${z}`).join(", ")}`,
        expected: {
          vi: "mỗi xã thuộc nhiều nhất một khu vực",
          en: "each commune in at most one zone",
        },
      });
    }
    if (zones.length === 1) attrs.zone = zones[0];
    for (const [f, c] of flagCols) {
      if (flagCell(grid, r, c, ATTRIBUTE_WORDS[f])) (flags ??= {})[f] = true;
    }
    if (flags) attrs.flags = flags;
    if (cols.villages !== undefined) {
      const n = numberCell(grid, r, cols.villages, {
        integer: true,
        min: 0,
        what: { vi: "số thôn ĐBKK", en: "number of especially difficult villages" },
      });
      if (n !== null) attrs.difficultVillages = n;
    }
    // The commune reader reads the group for a set with groups (2026-2030); here for the others.
    if (status.group !== undefined) attrs.group = status.group;
    else if (cols.group !== undefined) {
      const g = groupCell(grid, r, cols.group);
      if (g !== undefined) attrs.group = g;
    }
    if (cols.need !== undefined) {
      const n = numberCell(grid, r, cols.need, {
        min: 0,
        what: { vi: "nhu cầu vốn (triệu đồng)", en: "need (million VND)" },
      });
      if (n !== null) attrs.need = n;
    }
    return attrs;
  });
  return { sheet: read.sheet, communes, available, read, reading: withAttributes(read, table) };
}

/** The commune reader's reading plus the attribute columns of the attribute table. */
function withAttributes(
  read: CommunesReadResult,
  table: ReturnType<typeof tryLocateTable>
): TableReading {
  if (!table) return read.reading;
  noteColumns(table, {
    zoneIII: "other",
    zoneII: "other",
    zoneI: "other",
    zone: "other",
    atk: "other",
    border: "other",
    island: "other",
    specialZone: "other",
    villages: "count",
    need: "amount",
  });
  const extra = columnReadings(table);
  const have = new Set(read.reading.columns.map((c) => c.col));
  const index = (col: string) => [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const columns = [...read.reading.columns, ...extra.filter((c) => !have.has(c.col))].sort(
    (a, b) => index(a.col) - index(b.col)
  );
  return { ...read.reading, columns };
}
