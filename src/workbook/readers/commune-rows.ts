// What each row of a communes table is before it is read: a commune, or a row that is not one (a district row, a
// subtotal or total, a statistic row under the table, a note, a ward or town set aside), and the checks of the rows
// that carry figures against the communes they cover.

import type { Bilingual } from "../../engine/errors";
import { parseNumberText } from "../../engine/numbers";
import { labelKey } from "../../engine/text";
import type { CommuneStatus } from "../../engine/types";
import { cellText, gridAddress, isBlank } from "../grid";
import {
  groupName,
  isDistrictLabel,
  isGrandTotalLabel,
  isGroupLabel,
  isStatisticLabel,
  isTotalLabel,
  markerKind,
  rowTexts,
  stripMarker,
  unitKind,
  notACommune,
  wardKind,
} from "../layout/labels";
import type { LocatedTable } from "./table";

export interface RowContext {
  table: LocatedTable;
  /** Criterion number → its mark column. */
  marks: Map<number, number>;
  /** The number of criteria in the set (19, 10…). */
  total: number;
}

export type RowClass =
  | { role: "commune" }
  | { role: "ward"; kind: string; name: string; why: Bilingual }
  | { role: "total" | "subtotal" | "statistic"; label: string; why: Bilingual }
  | { role: "group" | "district"; label: string; name: string; why: Bilingual }
  | { role: "note"; label: string; why: Bilingual }
  /** Figures no commune can have (a count above the set's size, a mark column counting communes) and no label. */
  | { role: "aggregate"; label: string; why: Bilingual };

/** The first text typed in the name column or left of it (a label merged across STT and name sits in the STT cell). */
export function leadLabel(table: LocatedTable, r: number): string {
  const row = table.grid.rows[r] ?? [];
  for (let c = 0; c <= table.columns.name; c++) {
    const v = row[c];
    if (typeof v === "string" && v.trim() !== "") {
      // A line number ("1", "I") in the STT column is not the label, unless it is all there is.
      if (c < table.columns.name && markerKind(v) !== null) continue;
      return v.trim();
    }
  }
  return "";
}

/** First characters of a number typed as text: digits, space, tab, sign, bracket, separators. */
const NUMBER_START = new Set([..."0123456789 \t-+(.,"].map((ch) => ch.charCodeAt(0)));

/** A number typed in a cell, or null (blank, a mark such as "x", text): figures of rows that are not communes. */
function figure(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  // Marks ("x", "Đạt", "✓") are most cells: only text that starts like a number is parsed.
  if (typeof value !== "string" || !NUMBER_START.has(value.charCodeAt(0))) return null;
  if (!/^\s*[-+(]?[\d.,]/.test(value)) return null;
  return parseNumberText(value)?.value ?? null;
}

export interface RowFigures {
  count: { col: number; value: number } | null;
  /** Per criterion: the number of communes meeting it, as a district, subtotal or statistic row states it. */
  marks: { n: number; col: number; value: number }[];
}

export function rowFigures(ctx: RowContext, r: number): RowFigures {
  const row = ctx.table.grid.rows[r] ?? [];
  const countCol = ctx.table.columns.count;
  const count = countCol === undefined ? null : figure(row[countCol]);
  const marks: RowFigures["marks"] = [];
  for (const [n, col] of ctx.marks) {
    const value = figure(row[col]);
    if (value !== null) marks.push({ n, col, value });
  }
  return { count: count === null ? null : { col: countCol!, value: count }, marks };
}

const hasFigures = (f: RowFigures) => f.count !== null || f.marks.length > 0;

/** True when a row holds no criteria at all (no list, no count, no mark). */
export function hasNoCriteria(ctx: RowContext, r: number): boolean {
  const { table } = ctx;
  const row = table.grid.rows[r] ?? [];
  const blank = (c: number | undefined) => c === undefined || isBlank(row[c] ?? null);
  return (
    blank(table.columns.list) &&
    blank(table.columns.count) &&
    [...ctx.marks.values()].every((c) => blank(c))
  );
}

/** A sentence rather than a name: five words or more, or ending with a full stop, or with a colon in it. */
export function isNoteText(text: string): boolean {
  const t = text.trim();
  return t.split(/\s+/).length >= 5 || /[.:;]$/.test(t) || t.includes(": ") || /^\(/.test(t);
}

/**
 * A group row without figures: a district's name ("Huyện Kế Sách", "Thị xã Ngã Năm") or a roman numeral with a
 * name. Returns the group's name, or null.
 */
function groupWithoutFigures(ctx: RowContext, r: number): string | null {
  if (!hasNoCriteria(ctx, r)) return null;
  const texts = rowTexts(ctx.table.grid.rows[r] ?? []);
  if (texts.length === 0) return null;
  const named = texts.find((t) => isGroupLabel(t.text));
  if (named) return groupName(named.text);
  const roman = texts.length === 2 && markerKind(texts[0].text) === "roman";
  if (roman) return groupName(texts[1].text);
  const inline = stripMarker(texts[0].text);
  if (texts.length === 1 && markerKind(inline.marker) === "roman") return groupName(inline.rest);
  return null;
}

/** A roman numeral ("I", "II.") typed in a column left of the name: the line number of a group, not a commune. */
function romanNumbered(table: LocatedTable, r: number): boolean {
  const row = table.grid.rows[r] ?? [];
  for (let c = 0; c < table.columns.name; c++) {
    const v = row[c];
    if (typeof v === "string" && markerKind(v) === "roman") return true;
  }
  return false;
}

const text = (table: LocatedTable, r: number, key: string): string => {
  const col = table.columns[key];
  const v = col === undefined ? null : (table.grid.rows[r]?.[col] ?? null);
  return typeof v === "string" || typeof v === "number" ? cellText(v).trim() : "";
};

/** The class of most rows, one object for them all (a class is read, never changed). */
const COMMUNE: RowClass = Object.freeze({ role: "commune" as const });

/** What a data row of a communes table is. Nothing is read from the row's criteria here. */
export function classifyRow(ctx: RowContext, r: number): RowClass {
  const { table } = ctx;
  const label = leadLabel(table, r);
  if (label !== "" && isStatisticLabel(label)) {
    return {
      role: "statistic",
      label,
      why: { vi: `dòng thống kê "${label}"`, en: `statistic row "${label}"` },
    };
  }
  if (label !== "" && isTotalLabel(label)) {
    const grand = isGrandTotalLabel(label);
    return {
      role: grand ? "total" : "subtotal",
      label,
      why: grand
        ? { vi: `dòng tổng cộng "${label}"`, en: `total row "${label}"` }
        : { vi: `dòng cộng nhóm "${label}"`, en: `subtotal row "${label}"` },
    };
  }
  const group = groupWithoutFigures(ctx, r);
  if (group !== null) {
    return {
      role: "group",
      label: label || group,
      name: group,
      why: { vi: `dòng nhóm "${group}"`, en: `group row "${group}"` },
    };
  }
  const name = text(table, r, "name");
  const figures = rowFigures(ctx, r);
  const district = text(table, r, "district");
  const districtRow = (n: string) => ({
    role: "district" as const,
    label: label || n,
    name: n,
    why: hasFigures(figures)
      ? {
          vi: `dòng huyện "${n}" với số liệu của cả huyện`,
          en: `district row "${n}" with the district's own figures`,
        }
      : { vi: `dòng huyện "${n}"`, en: `district row "${n}"` },
  });
  if (name !== "" && (isDistrictLabel(name) || romanNumbered(table, r))) {
    return districtRow(groupName(name));
  }
  if (name === "") {
    // A district label merged across STT and name ("I. HUYỆN KẾ SÁCH"), or a row with its district only ("Kế Sách"
    // in the district column, the district's counts beside it).
    if (
      label !== "" &&
      (isDistrictLabel(label) || markerKind(stripMarker(label).marker) === "roman")
    )
      return districtRow(groupName(label));
    if (district !== "") return districtRow(groupName(district));
    // Figures without any label (a sum row at the foot): decided by what they add up to.
    if (tooLarge(ctx, figures)) return aggregateRow("");
    return COMMUNE;
  }
  const typed = text(table, r, "kind");
  const kind = wardKind(name) ?? (typed !== "" ? unitKind(typed) : null);
  if (kind !== null && kind !== "xã") {
    return {
      role: "ward",
      kind,
      name,
      why: notACommune(kind, name, { vi: "để riêng, không tính", en: "set aside, not counted" }),
    };
  }
  if (hasNoCriteria(ctx, r) && isNoteText(name)) {
    return {
      role: "note",
      label: name,
      why: { vi: "ghi chú, không có số liệu tiêu chí", en: "a note, no criteria" },
    };
  }
  if (tooLarge(ctx, figures)) return aggregateRow(name);
  return COMMUNE;
}

/** Figures no single commune can have: a count above the set's size, or a mark column holding a count. */
function tooLarge(ctx: RowContext, figures: RowFigures): boolean {
  return (
    (figures.count !== null && figures.count.value > ctx.total) ||
    figures.marks.some((m) => m.value > 1 || !Number.isInteger(m.value))
  );
}

function aggregateRow(label: string): RowClass {
  return {
    role: "aggregate",
    label,
    why: {
      vi: "số liệu cộng của nhiều xã (lớn hơn một xã có thể có)",
      en: "figures summed over communes (more than one commune can have)",
    },
  };
}

/** A commune read, with its row, for the checks of the rows that carry figures. */
export interface Member {
  r: number;
  status: CommuneStatus;
  /** A ward or town set aside: counted only when a check does not match without it. */
  ward?: boolean;
}

export interface CheckOutcome {
  ok: boolean;
  /** The communes the figures agree with (when ok). */
  matched?: Member[];
  /** The figure's cell (the first one that disagrees, else the count or first mark cell). */
  cell: string;
  vi: string;
  en: string;
}

/** How the stated figures compare with a set of communes: null when they agree, else the first disagreement. */
function disagreement(
  ctx: RowContext,
  figures: RowFigures,
  members: CommuneStatus[],
  withCount: boolean
): { col: number; stated: number; actual: number; n?: number } | null {
  if (withCount && figures.count) {
    const sum = members.reduce((s, c) => s + c.count, 0);
    const v = figures.count.value;
    if (v !== sum && v !== members.length) {
      return { col: figures.count.col, stated: v, actual: sum };
    }
  }
  for (const m of figures.marks) {
    const met = members.filter((c) => c.achieved?.includes(m.n)).length;
    if (m.value !== met) return { col: m.col, stated: m.value, actual: met, n: m.n };
  }
  return null;
}

/**
 * Checks the figures of a row that is not a commune (a district row, a subtotal, a total, "Số xã đạt") against each
 * set of communes it may cover, in order: the first that agrees passes the check. Null when the row has no figures.
 */
export function checkFigures(
  ctx: RowContext,
  r: number,
  label: string,
  candidates: Member[][],
  options: { withCount: boolean }
): CheckOutcome | null {
  const { grid } = ctx.table;
  const figures = rowFigures(ctx, r);
  if (!options.withCount) figures.count = null;
  if (!hasFigures(figures)) return null;
  const tries: { members: Member[]; miss: ReturnType<typeof disagreement> }[] = [];
  for (const set of candidates) {
    const communes = set.filter((m) => !m.ward);
    const variants = communes.length === set.length ? [communes] : [communes, set];
    for (const members of variants) {
      if (members.length === 0) continue;
      const statuses = members.map((m) => m.status);
      const miss = disagreement(ctx, figures, statuses, options.withCount);
      tries.push({ members, miss });
      if (!miss) {
        const first = members[0].status.source?.cell ?? "";
        const last = members[members.length - 1].status.source?.cell ?? "";
        const cell = gridAddress(grid, r, figures.count?.col ?? figures.marks[0].col);
        return {
          ok: true,
          matched: members,
          cell,
          vi: `Dòng "${label}" (ô ${cell}) khớp với ${members.length} xã từ ${first} đến ${last}`,
          en: `Row "${label}" (cell ${cell}) agrees with the ${members.length} communes from ${first} to ${last}`,
        };
      }
    }
  }
  const shown = tries[0];
  if (!shown || !shown.miss) return null;
  const { members, miss } = shown;
  const cell = gridAddress(grid, r, miss.col);
  const first = members[0].status.source?.cell ?? "";
  const last = members[members.length - 1].status.source?.cell ?? "";
  if (miss.n === undefined) {
    return {
      ok: false,
      cell,
      vi: `Dòng "${label}" (ô ${cell}) ghi ${miss.stated} nhưng ${members.length} xã từ ${first} đến ${last} cộng lại ${miss.actual} tiêu chí; dòng này không được tính là xã`,
      en: `Row "${label}" (cell ${cell}) states ${miss.stated} but the ${members.length} communes from ${first} to ${last} add up to ${miss.actual} criteria; the row is not counted as a commune`,
    };
  }
  return {
    ok: false,
    cell,
    vi: `Dòng "${label}" (ô ${cell}) ghi ${miss.stated} xã đạt tiêu chí ${miss.n} nhưng trong ${members.length} xã từ ${first} đến ${last} có ${miss.actual} xã đạt; dòng này không được tính là xã`,
    en: `Row "${label}" (cell ${cell}) states ${miss.stated} communes meet criterion ${miss.n} but ${miss.actual} of the ${members.length} communes from ${first} to ${last} do; the row is not counted as a commune`,
  };
}

/** The district a subtotal label names ("Cộng huyện Kế Sách" → "ke sach"), as a label key, or null. */
export function namedDistrict(label: string): string | null {
  const named =
    /^(?:cộng|tổng|cong|tong)(?:\s+cộng|\s+cong)?\s+(?:huyện|thị xã|thành phố|huyen|thi xa|thanh pho|tp\.?|tx\.?)\s+(.+)$/iu.exec(
      stripMarker(label).rest.trim()
    );
  return named ? labelKey(named[1]) : null;
}
