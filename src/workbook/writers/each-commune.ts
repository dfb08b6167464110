// Result of the "summary" job, one row per commune (KQ_TungXa): the full table the Word report does not print. The
// report lists the communes not yet at the standard and counts the others by group; it names this sheet for the rest.

import type { Catalogue, CommuneStatus } from "../../engine/types";
import { FORMATS, type OutputSheet } from "../output";

export const EACH_COMMUNE_SHEET = "KQ_TungXa";
export const EACH_COMMUNE_TABLE = "NTM_TungXa";

/** Every commune as read: its criteria met and missing, and whether it is at the standard. */
export function eachCommuneSheet(communes: CommuneStatus[], catalogue: Catalogue): OutputSheet {
  const total = catalogue.criteria.length;
  const numbers = catalogue.criteria.map((c) => c.number);
  const withGroup = communes.some((c) => c.group !== undefined);
  const withDistrict = communes.some((c) => c.district);
  const withCode = communes.some((c) => c.code);
  const rows = communes.map((c, i) => {
    const achieved = c.achieved === null ? null : new Set(c.achieved);
    const missing = achieved === null ? "" : numbers.filter((n) => !achieved.has(n)).join(",");
    return [
      i + 1,
      c.name,
      ...(withCode ? [c.code ?? ""] : []),
      ...(withDistrict ? [c.district ?? ""] : []),
      ...(withGroup ? [c.group ?? null] : []),
      c.count,
      missing,
      c.count >= total ? "Đạt chuẩn (standard)" : "Chưa đạt (not yet)",
    ];
  });
  return {
    sheet: EACH_COMMUNE_SHEET,
    tables: [
      {
        name: EACH_COMMUNE_TABLE,
        // Each row's input cell: what the output boundary changes in a name is reported against the cell it came from.
        sources: communes.map((c) => c.source),
        title: `Tình hình đạt tiêu chí của từng xã (bộ ${catalogue.id}) / Criteria met by each commune`,
        columns: [
          { header: "TT (No.)", format: FORMATS.count },
          { header: "Tên xã (Commune)" },
          ...(withCode ? [{ header: "Mã xã (Code)", format: FORMATS.text }] : []),
          ...(withDistrict ? [{ header: "Huyện (District)" }] : []),
          ...(withGroup ? [{ header: "Nhóm xã (Group)", format: FORMATS.count }] : []),
          { header: "Số tiêu chí đạt (Criteria met)", format: FORMATS.count },
          { header: "Tiêu chí chưa đạt (Criteria not met)", format: FORMATS.text },
          { header: "Đạt chuẩn (At the standard)" },
        ],
        rows,
      },
    ],
  };
}
