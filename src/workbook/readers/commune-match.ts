// Which commune of the communes list a row of another table (costs by criterion, costs by indicator) names: the one
// identity rule of src/engine/commune-identity.ts, and, when the workbook has a merger mapping, an old commune
// standing for the merged commune it went into.

import { CommuneIndex, findCommune, type CommuneRef } from "../../engine/commune-identity";
import { cellRef, InputError } from "../../engine/errors";
import { findOld, type MergeMap } from "../../engine/merge";
import type { CommuneStatus } from "../../engine/types";

export interface RowCommune<T> {
  commune: T;
  /** The merged commune's index in the mapping when the row named an old commune, else null. */
  into: number | null;
  /** The row named the commune itself (not only an old commune of it). */
  direct: boolean;
}

function describe(c: CommuneStatus): string {
  const where = c.source ? ` ô/cell ${cellRef(c.source.sheet, c.source.cell)}` : "";
  return `${c.name}${c.district ? ` (${c.district})` : ""}${c.code ? ` [${c.code}]` : ""}${where}`;
}

/**
 * The commune a row names: by Mã xã when the row has one, else by name (narrowed by district when the row has one);
 * else, with a merger mapping, the merged commune of the old commune it names. A name that fits several communes,
 * or none, is an error naming the row's cell.
 */
export function rowCommune<T extends CommuneStatus>(
  communes: readonly T[] | CommuneIndex<T>,
  ref: CommuneRef,
  at: { sheet: string; cell: string },
  merge?: MergeMap | null
): RowCommune<T> {
  let match = findCommune(communes, ref);
  let into: number | null = null;
  if (match.kind === "found" && merge) {
    // An old commune that gave its name to the merged one: the row counts as that old commune's part (so that the
    // other parts' rows add to it), but alone it does not make the table one of old communes.
    let old: number | null = null;
    try {
      old = findOld(merge, ref);
    } catch {
      old = null; // a name two old communes share: the row is read as the commune it names directly
    }
    const merged = old === null ? null : merge.merged[old];
    if (
      merged &&
      findCommune([match.commune], { name: merged.name, code: merged.code }).kind === "found"
    ) {
      return { commune: match.commune, into: old, direct: true };
    }
  }
  if (match.kind === "missing" && merge) {
    into = findOld(merge, { ...ref, source: at });
    if (into !== null) {
      const merged = merge.merged[into];
      match = findCommune(communes, { name: merged.name, code: merged.code });
    }
  }
  if (match.kind === "found") return { commune: match.commune, into, direct: into === null };
  const found = ref.code?.trim() || ref.name;
  if (match.kind === "ambiguous") {
    const described = match.communes.map(describe).join(", ");
    throw new InputError({
      ...at,
      found,
      expected: {
        vi: `một xã duy nhất: tên này ứng với ${match.communes.length} xã (${described}); thêm cột "Huyện" hoặc "Mã xã"`,
        en: `one commune: this name fits ${match.communes.length} communes (${described}); add a "Huyện" (district) or "Mã xã" (code) column`,
      },
    });
  }
  const merged = into === null ? null : merge!.merged[into];
  throw new InputError({
    ...at,
    found,
    expected: merged
      ? {
          vi: `xã ${merged.name} (xã cũ ${ref.name} đã gộp vào theo trang '${merge!.sheet}') có trong danh sách xã`,
          en: `${merged.name} (which the old commune ${ref.name} became part of per sheet '${merge!.sheet}') in the communes list`,
        }
      : {
          vi: `tên (hoặc mã) một xã có trong danh sách xã${merge ? ` hoặc một xã cũ trong bảng sáp nhập '${merge.sheet}'` : ""} (hoặc để trống cho chi phí mặc định)`,
          en: `the name (or code) of a commune in the communes list${merge ? ` or an old commune of the merger mapping '${merge.sheet}'` : ""} (or empty for a default cost)`,
        },
  });
}
