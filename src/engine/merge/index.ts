// Merged communes (from 1 July 2025): the mapping old commune → new commune, and money and earlier statuses of the
// old communes rolled up into the merged ones, so plans made before the merger carry forward.

import { InputError } from "../errors";
import { labelKey, nameKey } from "../text";
import type { CommuneStatus, SourceRef, Warning } from "../types";

/** One row of the mapping sheet: an old commune and the commune it became part of. */
export interface MergeEntry {
  oldName: string;
  oldCode?: string;
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
  from: { name: string; code?: string }[];
}

export interface MergeMap {
  merged: MergedCommune[];
  /** Old commune key (code:… or name:…) → index into merged. */
  byOld: Map<string, number>;
  /** Folded old names (no diacritics) → indices into merged, to accept a name typed without diacritics. */
  byFolded: Map<string, number[]>;
}

const codeKey = (code: string | undefined) => (code?.trim() ? `code:${code.trim()}` : null);

/**
 * Builds the mapping. An old commune listed twice for two different new communes is an error naming the second
 * row; a new commune written with two codes, or one code under two names, too.
 */
export function buildMergeMap(entries: MergeEntry[]): MergeMap {
  const map: MergeMap = { merged: [], byOld: new Map(), byFolded: new Map() };
  const byNew = new Map<string, number>();
  const fail = (entry: MergeEntry, found: string, expected: { vi: string; en: string }) =>
    new InputError({ sheet: entry.source?.sheet, cell: entry.source?.cell, found, expected });
  for (const entry of entries) {
    const newKey = codeKey(entry.newCode) ?? `name:${nameKey(entry.newName)}`;
    let index = byNew.get(newKey);
    if (index === undefined) {
      // The same new name with no code and with a code: one commune, keyed by whichever came first.
      const byName = byNew.get(`name:${nameKey(entry.newName)}`);
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
      byNew.set(newKey, index);
      byNew.set(`name:${nameKey(entry.newName)}`, index);
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
    const oldKeys = [codeKey(entry.oldCode), `name:${nameKey(entry.oldName)}`].filter(
      (k): k is string => k !== null
    );
    for (const key of oldKeys) {
      const earlier = map.byOld.get(key);
      if (earlier !== undefined && earlier !== index) {
        throw fail(entry, entry.oldName, {
          vi: `mỗi xã cũ thuộc một xã mới: ${entry.oldName} đã được sáp nhập vào ${map.merged[earlier].name}`,
          en: `each old commune in one new commune: ${entry.oldName} already merged into ${map.merged[earlier].name}`,
        });
      }
    }
    const already = oldKeys.some((k) => map.byOld.get(k) === index);
    for (const key of oldKeys) map.byOld.set(key, index);
    const folded = labelKey(entry.oldName);
    const list = map.byFolded.get(folded) ?? [];
    if (!list.includes(index)) list.push(index);
    map.byFolded.set(folded, list);
    if (!already) {
      map.merged[index].from.push({
        name: entry.oldName.trim(),
        code: entry.oldCode?.trim() || undefined,
      });
    }
  }
  return map;
}

/**
 * The merged commune an old commune belongs to: by its code, else its name (or its name without diacritics when
 * that fits one commune only). An old commune missing from the mapping is an error naming it and its cell.
 */
export function mergedOf(
  map: MergeMap,
  commune: { name: string; code?: string; source?: SourceRef }
): number {
  const byCode = codeKey(commune.code);
  const found =
    (byCode ? map.byOld.get(byCode) : undefined) ??
    map.byOld.get(`name:${nameKey(commune.name)}`) ??
    (map.byFolded.get(labelKey(commune.name))?.length === 1
      ? map.byFolded.get(labelKey(commune.name))![0]
      : undefined);
  if (found === undefined) {
    throw new InputError({
      sheet: commune.source?.sheet,
      cell: commune.source?.cell,
      found: commune.code ? `${commune.name} (${commune.code})` : commune.name,
      expected: {
        vi: `xã ${commune.name} có trong bảng sáp nhập (xã cũ → xã mới): thêm một dòng cho xã này`,
        en: `${commune.name} in the merger mapping (old commune → new commune): add a row for it`,
      },
    });
  }
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

/** Money rows by old commune summed into their merged communes (in mapping order, only those with rows). */
export function rollUpMoney(rows: CommuneMoney[], map: MergeMap): MergedMoney[] {
  const width = rows.reduce((w, r) => Math.max(w, r.amounts.length), 0);
  const sums = new Map<number, MergedMoney>();
  for (const row of rows) {
    const index = mergedOf(map, row);
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

/**
 * Earlier statuses of old communes grouped under their merged commune. A merged commune has no status of its own
 * until it is assessed again: the criteria every former commune met are shown as history, with a warning saying
 * that this is what they are.
 */
export function rollUpStatus(
  statuses: CommuneStatus[],
  map: MergeMap,
  criteriaCount: number
): { communes: MergedStatus[]; warnings: Warning[] } {
  const groups = new Map<number, MergedStatus>();
  for (const s of statuses) {
    const index = mergedOf(map, s);
    let group = groups.get(index);
    if (!group) {
      group = { commune: map.merged[index], parts: [], standardParts: 0, metByAll: [] };
      groups.set(index, group);
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
      vi: `Xã ${g.commune.name} (sáp nhập từ ${g.parts.map((p) => p.name).join(", ")}): "tiêu chí các xã cũ đều đạt" là lịch sử, không phải kết quả đánh giá xã mới`,
      en: `${g.commune.name} (merged from ${g.parts.map((p) => p.name).join(", ")}): "criteria every former commune met" is history, not an assessment of the new commune`,
    }));
  return { communes, warnings };
}
