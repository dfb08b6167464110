// The lean reading of a communes range for a cell function (ALLOCATE_POLICY, ALLOCATE_COEFFICIENT, ALLOCATE_RULE):
// the same communes and attributes as readAllocationCommunes, read straight from the cells the rules need, with no
// reading record, no row classes and no warnings (a function shows none). It reads only what it fully understands:
// plain commune rows of the count shape, with blank, "x" or whole-number cells. At the first cell it does not, it
// answers null and the full reader reads the range, so a figure or a refusal is always the full reader's
// (test/workbook/readers/commune-attributes-lean.test.ts checks the two agree on generated ranges).

import {
  ZONE_WORDS,
  type CommuneAttributes,
  type CommuneFlag,
  type CommuneList,
  type CommuneZone,
  type PolicyAttribute,
} from "../../engine/allocation";
import type { Catalogue } from "../../engine/types";
import { gridAddress, type CellValue, type Grid } from "../grid";
import { isPlainName } from "../layout/labels";
import { legacyEncoding } from "../layout/legacy-text";
import { ATTRIBUTE_COLUMNS, availableAttributes, FLAG_KEYS, ZONES } from "./commune-attributes";
import { countShapeHeader } from "./communes";
import { locateHeader, MAX_CELL_NUMBER } from "./table";

export interface LeanAllocationCommunes {
  communes: CommuneList;
  available: Set<PolicyAttribute>;
}

/** A cell the lean reading does not understand: the full reader decides it. */
const UNKNOWN = -1;

const blank = (v: CellValue | undefined): boolean => v === null || v === undefined || v === "";

/** A mark or flag cell: 1 met, 0 not, UNKNOWN for anything but blank, "x", TRUE/FALSE, 1/0 (isMarkMet's answers). */
function mark(v: CellValue | undefined): number {
  if (blank(v) || v === false || v === 0) return 0;
  if (v === "x" || v === "X" || v === true || v === 1) return 1;
  return UNKNOWN;
}

/** Characters textCell removes with a warning (zero-width, bidi controls), or that trimming would remove. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/;

/** Text a textCell reads as it is: no invisible character, not typed in a legacy encoding. */
function plainText(text: string): boolean {
  return !INVISIBLE.test(text) && legacyEncoding(text.trim()) === null;
}

/** A cell read as text whose words the rules do not use (district, code): blank, a number or plain text. */
function understoodText(v: CellValue | undefined): boolean {
  return blank(v) || typeof v === "number" || (typeof v === "string" && plainText(v));
}

/** A whole number cell in [min, max] (numberCell's rules), NaN for blank, UNKNOWN-free: null when not understood. */
function wholeNumber(v: CellValue | undefined, min: number, max: number): number | null {
  if (blank(v)) return NaN;
  return typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? v : null;
}

/** A commune group typed as 1, 2, 3 (number or text alone); 0 for anything else (the full reader decides it). */
function groupNumber(v: CellValue | undefined): number {
  return v === 1 || v === "1" ? 1 : v === 2 || v === "2" ? 2 : v === 3 || v === "3" ? 3 : 0;
}

/** A zone typed alone ("III", "ii", 3), as zoneCell reads it; undefined for any other text. */
function zoneWord(text: string): CommuneZone | undefined {
  const key = text.toLowerCase();
  return Object.prototype.hasOwnProperty.call(ZONE_WORDS, key) ? ZONE_WORDS[key] : undefined;
}

/**
 * A commune's name as the full reader takes a row for a commune by it: plain text, not a statistic, total, district
 * or ward label, and not a column number ("1", "(2)", "A"), so the row is neither a column-number row nor a label row.
 */
function communeName(v: CellValue | undefined): string | null {
  if (typeof v !== "string") return null;
  const text = v.trim();
  if (text.length < 2 || text[1] === ")" || /^[(\d]/.test(text)) return null;
  return plainText(v) && isPlainName(text) ? text : null;
}

/** Flag bits of a commune, in the order readAllocationCommunes sets them. */
const FLAG_BITS: readonly CommuneFlag[] = ["difficult", ...FLAG_KEYS];
const ZONE_CODES: readonly (CommuneZone | undefined)[] = [undefined, "I", "II", "III"];

/**
 * The communes of a range, in columns (typed arrays and the names): a commune is made only when asked (get), so a
 * range of 100,000 rows leaves no 100,000 objects for the garbage collector to move.
 */
class CommuneColumns implements CommuneList {
  length = 0;
  readonly names: string[] = [];
  readonly rows: Int32Array;
  readonly counts: Float64Array;
  /** NaN where the cell is blank (in every Float64Array here). */
  readonly years: Float64Array;
  readonly villages: Float64Array;
  readonly needs: Float64Array;
  /** 1-3 for I-III; 0 none. */
  readonly zones: Uint8Array;
  readonly groups: Uint8Array;
  /** Bit i: FLAG_BITS[i]. */
  readonly flags: Uint8Array;

  constructor(
    readonly grid: Grid,
    readonly nameCol: number,
    readonly total: number,
    capacity: number
  ) {
    this.rows = new Int32Array(capacity);
    this.counts = new Float64Array(capacity);
    this.years = new Float64Array(capacity);
    this.villages = new Float64Array(capacity);
    this.needs = new Float64Array(capacity);
    this.zones = new Uint8Array(capacity);
    this.groups = new Uint8Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  /** The commune as readAllocationCommunes makes it (the same fields, in the same order). */
  get(i: number): CommuneAttributes {
    const attrs: CommuneAttributes = {
      unit: this.names[i],
      criteriaMet: this.counts[i],
      criteriaTotal: this.total,
    };
    if (!Number.isNaN(this.years[i])) attrs.registeredYear = this.years[i];
    attrs.source = {
      sheet: this.grid.sheet,
      cell: gridAddress(this.grid, this.rows[i], this.nameCol),
    };
    const zone = ZONE_CODES[this.zones[i]];
    if (zone !== undefined) attrs.zone = zone;
    const bits = this.flags[i];
    if (bits !== 0) {
      const flags: NonNullable<CommuneAttributes["flags"]> = {};
      for (let b = 0; b < FLAG_BITS.length; b++) if (bits & (1 << b)) flags[FLAG_BITS[b]] = true;
      attrs.flags = flags;
    }
    if (!Number.isNaN(this.villages[i])) attrs.difficultVillages = this.villages[i];
    if (this.groups[i] !== 0) attrs.group = this.groups[i] as 1 | 2 | 3;
    if (!Number.isNaN(this.needs[i])) attrs.need = this.needs[i];
    return attrs;
  }
}

/**
 * The communes of a range and the attributes its columns give, as readAllocationCommunes reads them, or null when
 * the range holds anything the lean reading does not fully understand (then read it with readAllocationCommunes).
 */
export function leanAllocationCommunes(
  grid: Grid,
  catalogue: Catalogue
): LeanAllocationCommunes | null {
  if (grid.merges?.length || grid.hiddenRows?.length || grid.hiddenCols?.length) return null;
  const header = countShapeHeader(grid, catalogue);
  if (!header) return null;
  // The attribute columns are read under the same header block, the communes' name column naming the row.
  const attributes = locateHeader(grid, ATTRIBUTE_COLUMNS);
  if (
    !attributes ||
    attributes.block.top !== header.block.top ||
    attributes.block.bottom !== header.block.bottom ||
    attributes.columns.name !== header.columns.name
  ) {
    return null;
  }
  const c = header.columns;
  const a = attributes.columns;
  const total = catalogue.criteria.length;
  const nameCol = c.name;
  const countCol = c.count;
  // Columns whose cells only need to be understood (their words are not the rules').
  const textCols = [c.district, c.code].filter((k): k is number => k !== undefined);
  // Columns that must be blank (a tier or a unit kind typed there changes the reading: the full reader decides).
  const blankCols = [c.tier, c.kind].filter((k): k is number => k !== undefined);
  // [zone code 1-3, column], [flag bit, column]: the columns each row looks at, found once.
  const zoneCols: [number, number][] = [];
  for (const z of ZONES) {
    if (a[`zone${z}`] !== undefined) zoneCols.push([ZONE_CODES.indexOf(z), a[`zone${z}`]]);
  }
  const flagCols: [number, number][] = [];
  for (const f of FLAG_KEYS) if (a[f] !== undefined) flagCols.push([FLAG_BITS.indexOf(f), a[f]]);

  const rows = grid.rows;
  const first = header.block.bottom + 1;
  // Whether the commune reader read a group for some commune (the attribute "group" is then available).
  let groups = false;
  const out = new CommuneColumns(grid, nameCol, total, Math.max(0, rows.length - first));
  for (let r = first; r < rows.length; r++) {
    const row = rows[r] ?? [];
    let filled = false;
    for (let k = 0; k < row.length && !filled; k++) filled = !blank(row[k]);
    if (!filled) continue;
    // No text left of the name (a line number "I", a label merged across): the name is the row's label.
    for (let k = 0; k < nameCol; k++) {
      const v = row[k];
      if (typeof v === "string" && v.trim() !== "") return null;
    }
    const name = communeName(row[nameCol]);
    if (name === null) return null;
    const count = row[countCol];
    if (typeof count !== "number" || !Number.isInteger(count) || count < 0 || count > total)
      return null;
    for (const k of blankCols) if (!blank(row[k])) return null;
    for (const k of textCols) if (!understoodText(row[k])) return null;
    const i = out.length;
    let year = NaN;
    if (c.registered !== undefined) {
      const y = wholeNumber(row[c.registered], 2000, 2100);
      if (y === null) return null;
      year = y;
    }
    let bits = 0;
    if (c.difficult !== undefined) {
      const m = mark(row[c.difficult]);
      if (m === UNKNOWN) return null;
      bits |= m;
    }
    let zone = 0;
    for (const [z, k] of zoneCols) {
      const m = mark(row[k]);
      if (m === UNKNOWN || (m === 1 && zone !== 0)) return null;
      if (m === 1) zone = z;
    }
    if (a.zone !== undefined) {
      const v = row[a.zone];
      if (!blank(v)) {
        const z = typeof v === "number" || typeof v === "string" ? zoneWord(String(v)) : undefined;
        if (z === undefined) return null;
        const code = ZONE_CODES.indexOf(z);
        if (zone !== 0 && zone !== code) return null;
        zone = code;
      }
    }
    for (const [b, k] of flagCols) {
      const m = mark(row[k]);
      if (m === UNKNOWN) return null;
      if (m === 1) bits |= 1 << b;
    }
    let villages = NaN;
    if (a.villages !== undefined) {
      const n = wholeNumber(row[a.villages], 0, MAX_CELL_NUMBER);
      if (n === null) return null;
      villages = n;
    }
    // The group: the commune reader's (a set with groups, 2026-2030), else the attribute table's.
    let group = 0;
    if (c.group !== undefined) {
      const v = row[c.group];
      if (!blank(v)) {
        group = groupNumber(v);
        if (group === 0) return null;
        groups = true;
      } else if (catalogue.requiresGroup) return null;
    }
    if (group === 0 && a.group !== undefined) {
      const v = row[a.group];
      if (!blank(v)) {
        group = groupNumber(v);
        if (group === 0) return null;
      }
    }
    let need = NaN;
    if (a.need !== undefined) {
      const v = row[a.need];
      if (!blank(v)) {
        if (typeof v !== "number" || !(v >= 0 && v <= MAX_CELL_NUMBER)) return null;
        need = v;
      }
    }
    out.names.push(name);
    out.rows[i] = r;
    out.counts[i] = count;
    out.years[i] = year;
    out.zones[i] = zone;
    out.flags[i] = bits;
    out.villages[i] = villages;
    out.groups[i] = group;
    out.needs[i] = need;
    out.length = i + 1;
  }
  if (out.length === 0) return null;
  return { communes: out, available: availableAttributes(a, groups) };
}
