// Merged communes (from 1 July 2025): the mapping old commune → new commune, and money and earlier statuses of the
// old communes rolled up into the merged ones, so plans made before the merger carry forward. Communes are matched
// by the one identity rule (commune-identity.ts): Mã xã first, then name (with district when there is one).

import { CommuneIndex, communeKey, findCommune, type CommuneRef } from "../commune-identity";
import { cellRef, InputError } from "../errors";
import { nameKey } from "../text";
import type { CommuneStatus, SourceRef, Warning } from "../types";

/** One row of the mapping sheet: an old commune and the commune it became part of. */
export interface MergeEntry {
  oldName: string;
  oldCode?: string;
  /** The old commune's district (huyện), when the mapping gives it: tells apart two old communes of one name. */
  oldDistrict?: string;
  newName: string;
  newCode?: string;
  /** Date the merger took effect, as written ("01/07/2025"). */
  date?: string;
  source?: SourceRef;
}

/** A commune after the merger and the old communes it was made of, in mapping order. */
export interface MergedCommune {
  name: string;
  code?: string;
  date?: string;
  from: { name: string; code?: string; district?: string }[];
}

/** A commune of the mapping as the identity rule sees it, with the merged commune it is (new) or went into (old). */
interface MappedCommune extends CommuneRef {
  index: number;
  source?: SourceRef;
}

export interface MergeMap {
  merged: MergedCommune[];
  /** The merged communes, for the identity rule. */
  news: MappedCommune[];
  /** The old communes, each with the index of its merged commune. */
  olds: MappedCommune[];
  /** The mapping sheet, when read from one. */
  sheet?: string;
}

const newKey = (name: string, code: string | undefined) => communeKey({ name, code });

/**
 * The old (or new) communes of a mapping indexed once for the rows of every table rolled up (a costs table names
 * each old commune once per criterion). Rebuilt when the list grew, which only happens while the map is built.
 */
const indexes = new WeakMap<readonly MappedCommune[], CommuneIndex<MappedCommune>>();
function indexOf(list: readonly MappedCommune[]): CommuneIndex<MappedCommune> {
  let index = indexes.get(list);
  if (!index || index.list.length !== list.length) {
    index = new CommuneIndex(list);
    indexes.set(list, index);
  }
  return index;
}

/**
 * Builds the mapping. An old commune listed twice for two different new communes is an error naming the second
 * row; one new commune code under two names, too.
 */
export function buildMergeMap(entries: MergeEntry[], sheet?: string): MergeMap {
  const map: MergeMap = { merged: [], news: [], olds: [], sheet };
  // The old communes so far, indexed as they come: each row's repeat check is a lookup, not a scan of the rows before.
  const olds = new CommuneIndex<MappedCommune>([]);
  const byNew = new Map<string, number>();
  const fail = (entry: MergeEntry, found: string, expected: { vi: string; en: string }) =>
    new InputError({ sheet: entry.source?.sheet, cell: entry.source?.cell, found, expected });
  for (const entry of entries) {
    let index = byNew.get(newKey(entry.newName, entry.newCode));
    if (index === undefined) {
      // The same new name with no code and with a code: one commune, keyed by whichever came first.
      const byName = byNew.get(newKey(entry.newName, undefined));
      if (byName !== undefined && map.merged[byName].code === undefined) index = byName;
    }
    if (index === undefined) {
      index = map.merged.length;
      map.merged.push({
        name: entry.newName.trim(),
        code: entry.newCode?.trim() || undefined,
        date: entry.date,
        from: [],
      });
      map.news.push({
        name: entry.newName.trim(),
        code: entry.newCode?.trim() || undefined,
        index,
      });
      byNew.set(newKey(entry.newName, entry.newCode), index);
      byNew.set(newKey(entry.newName, undefined), index);
    } else {
      const merged = map.merged[index];
      if (nameKey(merged.name) !== nameKey(entry.newName)) {
        throw fail(entry, `${entry.newCode}: ${entry.newName}`, {
          vi: `một mã xã mới cho một tên: mã ${entry.newCode} đã là xã ${merged.name}`,
          en: `one name per new commune code: ${entry.newCode} is already ${merged.name}`,
        });
      }
      if (merged.date === undefined) merged.date = entry.date;
    }
    const old: CommuneRef = {
      name: entry.oldName.trim(),
      code: entry.oldCode?.trim() || undefined,
      district: entry.oldDistrict?.trim() || undefined,
    };
    // The same old commune again (same code, or same name and district with no code): once per new commune.
    const again = olds.repeats(old);
    const elsewhere = again.find((o) => o.index !== index);
    if (elsewhere) {
      throw fail(entry, entry.oldName, {
        vi: `mỗi xã cũ thuộc một xã mới: ${entry.oldName} đã được sáp nhập vào ${map.merged[elsewhere.index].name}`,
        en: `each old commune in one new commune: ${entry.oldName} already merged into ${map.merged[elsewhere.index].name}`,
      });
    }
    if (again.length === 0) {
      const mapped: MappedCommune = { ...old, index, source: entry.source };
      map.olds.push(mapped);
      olds.add(mapped);
      map.merged[index].from.push(old);
    }
  }
  indexes.set(map.olds, olds);
  return map;
}

function describe(c: MappedCommune): string {
  const where = c.source?.cell ? ` ô/cell ${cellRef(c.source.sheet, c.source.cell)}` : "";
  return `${c.name}${c.code ? ` (${c.code})` : ""}${c.district ? ` (${c.district})` : ""}${where}`;
}

/**
 * The merged commune an old commune belongs to: by the identity rule (its code, else its name, narrowed by district).
 * Null when the mapping has no such old commune; a name that fits two old communes is an error naming both rows.
 */
export function findOld(
  map: MergeMap,
  commune: CommuneRef & { source?: SourceRef }
): number | null {
  const match = findCommune(indexOf(map.olds), commune);
  if (match.kind === "found") return match.commune.index;
  if (match.kind === "missing") return null;
  throw new InputError({
    sheet: commune.source?.sheet,
    cell: commune.source?.cell,
    found: commune.name,
    expected: {
      vi: `một xã cũ duy nhất trong bảng sáp nhập: tên này ứng với ${match.communes.map(describe).join(", ")}; thêm cột "Mã xã" (hoặc "Huyện")`,
      en: `one old commune of the merger mapping: this name fits ${match.communes.map(describe).join(", ")}; add a "Mã xã" (code) or "Huyện" (district) column`,
    },
  });
}

/** The merged commune a row names directly (a new commune of the mapping), or null. */
export function findNew(map: MergeMap, commune: CommuneRef): number | null {
  const match = findCommune(indexOf(map.news), commune);
  return match.kind === "found" ? match.commune.index : null;
}

function missingFromMapping(
  map: MergeMap,
  commune: { name: string; code?: string; source?: SourceRef }
): InputError {
  const where = map.sheet ? ` '${map.sheet}'` : "";
  return new InputError({
    sheet: commune.source?.sheet,
    cell: commune.source?.cell,
    found: commune.code ? `${commune.name} (${commune.code})` : commune.name,
    expected: {
      vi: `xã ${commune.name} có trong bảng sáp nhập${where} (xã cũ → xã mới): thêm một dòng cho xã này`,
      en: `${commune.name} in the merger mapping${where} (old commune → new commune): add a row for it`,
    },
  });
}

/** The merged commune an old commune belongs to. An old commune missing from the mapping is an error naming it and its cell. */
export function mergedOf(
  map: MergeMap,
  commune: { name: string; code?: string; district?: string; source?: SourceRef }
): number {
  const found = findOld(map, commune);
  if (found === null) throw missingFromMapping(map, commune);
  return found;
}

/** Money of one old commune: one amount per column (million VND), blank as null. */
export interface CommuneMoney {
  name: string;
  code?: string;
  amounts: (number | null)[];
  source?: SourceRef;
}

export interface MergedMoney {
  commune: MergedCommune;
  /** Sums per column; null where every old commune's cell is blank. */
  amounts: (number | null)[];
  /** The old communes whose rows were summed, in input order. */
  from: string[];
}

/**
 * Money rows by old commune summed into their merged communes (in mapping order, only those with rows). Rows that
 * already name a merged commune are not old communes: they are left out (see alreadyMerged).
 */
export function rollUpMoney(rows: CommuneMoney[], map: MergeMap): MergedMoney[] {
  const width = rows.reduce((w, r) => Math.max(w, r.amounts.length), 0);
  const sums = new Map<number, MergedMoney>();
  const { into } = oldRows(map, rows, true);
  for (const [i, row] of rows.entries()) {
    const index = into[i];
    if (index === null) continue;
    let entry = sums.get(index);
    if (!entry) {
      entry = { commune: map.merged[index], amounts: new Array(width).fill(null), from: [] };
      sums.set(index, entry);
    }
    row.amounts.forEach((a, j) => {
      if (a !== null) entry!.amounts[j] = (entry!.amounts[j] ?? 0) + a;
    });
    entry.from.push(row.name);
  }
  return [...sums.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, m]) => ({
      ...m,
      amounts: m.amounts.map((a) => (a === null ? null : Math.round(a * 1e6) / 1e6)),
    }));
}

export interface MergedStatus {
  commune: MergedCommune;
  /** The old communes' statuses, in input order. */
  parts: { name: string; count: number; achieved: number[] | null; standard: boolean }[];
  /** Old communes at the standard. */
  standardParts: number;
  /** Criteria every old commune met (null when one of them is known only by its count). */
  metByAll: number[] | null;
}

/** Rows of a table that name merged communes (not old ones): the merge job leaves them out and says so. */
export function alreadyMerged<T extends CommuneRef & { source?: SourceRef }>(
  map: MergeMap,
  rows: T[]
): T[] {
  const { into } = oldRows(map, rows, true);
  return rows.filter((_, i) => into[i] === null);
}

/**
 * Earlier statuses of old communes grouped under their merged commune (rows naming merged communes left out). A merged commune has no status of its own
 * until it is assessed again: the criteria every former commune met are shown as history, with a warning saying
 * that this is what they are.
 */
export function rollUpStatus(
  statuses: CommuneStatus[],
  map: MergeMap,
  criteriaCount: number
): { communes: MergedStatus[]; warnings: Warning[] } {
  const groups = new Map<number, MergedStatus>();
  // The status row each merged commune's first old commune was read from: where its warning points.
  const firstRow = new Map<MergedStatus, SourceRef | undefined>();
  const { into } = oldRows(map, statuses, true);
  for (const [i, s] of statuses.entries()) {
    const index = into[i];
    if (index === null) continue;
    let group = groups.get(index);
    if (!group) {
      group = { commune: map.merged[index], parts: [], standardParts: 0, metByAll: [] };
      groups.set(index, group);
      firstRow.set(group, s.source);
    }
    const standard = s.count >= criteriaCount || (s.tier !== undefined && s.tier !== "none");
    group.parts.push({ name: s.name, count: s.count, achieved: s.achieved, standard });
    if (standard) group.standardParts++;
    if (group.metByAll !== null) {
      group.metByAll =
        s.achieved === null
          ? null
          : group.parts.length === 1
            ? [...s.achieved]
            : group.metByAll.filter((n) => s.achieved!.includes(n));
    }
  }
  const communes = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
  const warnings: Warning[] = communes
    .filter((g) => g.parts.length > 1)
    .map((g) => ({
      ...placeOf(firstRow.get(g)),
      vi: `Xã ${g.commune.name} (sáp nhập từ ${g.parts.map((p) => p.name).join(", ")}): "tiêu chí các xã cũ đều đạt" là lịch sử, không phải kết quả đánh giá xã mới`,
      en: `${g.commune.name} (merged from ${g.parts.map((p) => p.name).join(", ")}): "criteria every former commune met" is history, not an assessment of the new commune`,
    }));
  return { communes, warnings };
}

// ---- A table of the jobs (status, costs, coefficients) keyed by old communes ----

/** How the rows of one table stand against the mapping: for each row, the merged commune it goes into, if old. */
export interface OldRows {
  /** Per row: the merged commune's index when the row is an old commune, else null (a new or unmapped commune). */
  into: (number | null)[];
  /** Whether any row is an old commune: only then is the table rolled up. */
  any: boolean;
}

/**
 * Which rows of a table name old communes. A row is old when it fits an old commune of the mapping and no merged
 * one; a row that fits both (an old commune that gave its name to the merged one) is old only in a table that has
 * other old rows. In a table with old rows, a row that fits neither is an error naming it: it is missing from the
 * mapping. `oldTable`: the table is meant to list old communes (the merge job's inputs).
 */
export function oldRows(
  map: MergeMap,
  rows: (CommuneRef & { source?: SourceRef })[],
  oldTable = false
): OldRows {
  const asOld = rows.map((r) => findOld(map, r));
  const asNew = rows.map((r) => findNew(map, r));
  const any = oldTable || rows.some((_, i) => asOld[i] !== null && asNew[i] === null);
  if (!any) return { into: rows.map(() => null), any };
  rows.forEach((r, i) => {
    if (asOld[i] === null && asNew[i] === null) throw missingFromMapping(map, r);
  });
  return { into: asOld, any };
}

/** The part of a job's result that says what was rolled up: the line, and the rows of the merge table. */
export interface MergerRollUp {
  /** The mapping sheet. */
  sheet: string;
  /** The table that was keyed by old communes. */
  table: string;
  /** Old communes found in the table, and the merged communes they went into. */
  oldCount: number;
  newCount: number;
  communes: { name: string; code: string | null; date: string | null; from: string[] }[];
  /** How the table's figures were carried: summed (money), or the same commune under its new name. */
  how: "sum" | "rename";
}

/** Groups the old rows of a table by merged commune, for the result's line and table. */
export function mergerRollUp(
  map: MergeMap,
  table: string,
  rows: CommuneRef[],
  into: (number | null)[],
  how: MergerRollUp["how"]
): MergerRollUp {
  const groups = new Map<number, string[]>();
  into.forEach((index, i) => {
    if (index === null) return;
    const names = groups.get(index) ?? [];
    // The old commune as the mapping writes it (a row may have typed its code, or its name without diacritics).
    const old = findCommune(indexOf(map.olds), rows[i]);
    const name = old.kind === "found" ? old.commune.name : rows[i].name;
    if (!names.includes(name)) names.push(name);
    groups.set(index, names);
  });
  const communes = [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, from]) => ({
      name: map.merged[index].name,
      code: map.merged[index].code ?? null,
      date: map.merged[index].date ?? null,
      from,
    }));
  return {
    sheet: map.sheet ?? "",
    table,
    oldCount: communes.reduce((n, c) => n + c.from.length, 0),
    newCount: communes.length,
    communes,
    how,
  };
}

/** "N xã cũ gộp thành M xã mới theo trang '…'" for the result's text. */
export function mergerLine(r: MergerRollUp): { vi: string; en: string } {
  const how =
    r.how === "sum"
      ? { vi: "số tiền cộng theo xã mới", en: "amounts summed per new commune" }
      : { vi: "cùng xã, tên mới", en: "the same communes under their new names" };
  return {
    vi: `Trang '${r.table}': ${r.oldCount} xã cũ gộp thành ${r.newCount} xã mới theo trang '${r.sheet}' (${how.vi})`,
    en: `Sheet '${r.table}': ${r.oldCount} old communes merged into ${r.newCount} new ones per sheet '${r.sheet}' (${how.en})`,
  };
}

/**
 * Statuses of a table keyed by old communes, carried to the merged communes. A status cannot be rolled up: a merged
 * commune's criteria are assessed anew, they do not follow from its parts' marks. So an old commune that became a
 * merged commune alone is the same commune under its new name and code (its status carried); an old commune merged
 * with others is refused, naming its cell (the merge job shows those statuses as history). A merged commune listed
 * beside one of its old communes is an error naming the second row. Null when no row is an old commune.
 */
export function statusesAfterMerger(
  statuses: CommuneStatus[],
  map: MergeMap,
  table: string
): { communes: CommuneStatus[]; rollUp: MergerRollUp } | null {
  const { into, any } = oldRows(map, statuses);
  if (!any) return null;
  const seen = new Map<number, CommuneStatus>();
  const communes = statuses.map((s, i) => {
    const index = into[i] ?? findNew(map, s);
    if (index !== null) {
      const earlier = seen.get(index);
      if (earlier) {
        throw new InputError({
          sheet: s.source?.sheet,
          cell: s.source?.cell,
          found: s.name,
          expected: {
            vi: `một dòng cho mỗi xã sau sáp nhập: ${s.name} và ${earlier.name}${earlier.source?.cell ? ` (ô ${earlier.source.cell})` : ""} đều là xã ${map.merged[index].name} theo trang '${map.sheet}'`,
            en: `one row per commune after the merger: ${s.name} and ${earlier.name}${earlier.source?.cell ? ` (cell ${earlier.source.cell})` : ""} are both ${map.merged[index].name} per sheet '${map.sheet}'`,
          },
        });
      }
      seen.set(index, s);
    }
    if (into[i] === null) return s;
    const merged = map.merged[into[i]!];
    if (merged.from.length > 1) {
      const others = merged.from
        .filter((f) => nameKey(f.name) !== nameKey(s.name))
        .map((f) => f.name);
      throw new InputError({
        sheet: s.source?.sheet,
        cell: s.source?.cell,
        found: s.name,
        expected: {
          vi: `tình trạng theo xã sau sáp nhập: ${s.name} đã gộp cùng ${others.join(", ")} thành xã ${merged.name} (trang '${map.sheet}'); tiêu chí của xã mới phải đánh giá lại, không suy ra từ các xã cũ. Nhập tình trạng xã ${merged.name}, hoặc chạy "Sáp nhập xã" (ntm-plan merge) để xem tình trạng cũ như lịch sử`,
          en: `statuses by commune after the merger: ${s.name} was merged with ${others.join(", ")} into ${merged.name} (sheet '${map.sheet}'); a merged commune's criteria are assessed anew, not derived from its parts. Enter ${merged.name}'s status, or run "merge" to see the earlier statuses as history`,
        },
      });
    }
    // The new code where the sheet gave codes (a sheet without them stays keyed by name, as its other rows are).
    return { ...s, name: merged.name, code: s.code ? merged.code : undefined, district: undefined };
  });
  return { communes, rollUp: mergerRollUp(map, table, statuses, into, "rename") };
}

/** A warning's place: the input row it rests on, when the row was read from a sheet. */
function placeOf(source: SourceRef | undefined): { sheet?: string; cell?: string } {
  return source ? { sheet: source.sheet, cell: source.cell } : {};
}
