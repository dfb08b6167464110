// Tables of the jobs keyed by old (pre-merger) communes: when the workbook has a merger mapping sheet, statuses are
// carried to the merged communes (only where that is the same commune under a new name), money is summed into
// them, and the result says so: a line per table and the table of what was merged into what.

import { InputError } from "../../engine/errors";
import {
  mergerLine,
  mergerRollUp,
  oldRows,
  statusesAfterMerger,
  type MergeMap,
  type MergerRollUp,
} from "../../engine/merge";
import type { AllocationUnit } from "../../engine/allocation";
import type { CommuneStatus, SourceRef } from "../../engine/types";
import { FORMATS, type OutputSheet, type OutputTable } from "../output";
import { findMergeMap } from "../reading/context";
import type { JobResult } from "./job";

// The finding is the reading's (src/workbook/reading/context.ts); re-exported for the jobs.
export { findMergeMap };

/** Statuses of a sheet keyed by old communes carried to the merged ones (see statusesAfterMerger). */
export function mergedStatuses(
  map: MergeMap | null,
  communes: CommuneStatus[],
  sheet: string
): { communes: CommuneStatus[]; rollUp?: MergerRollUp } {
  const after = map ? statusesAfterMerger(communes, map, sheet) : null;
  return after ?? { communes };
}

/**
 * Units of a coefficients table keyed by old communes: needs, minimums and caps (million VND) summed into the
 * merged commune; a coefficient is not money and is carried only where an old commune became a merged one alone
 * (a merged commune's coefficient follows from its own type, not from its parts'), otherwise refused naming the cell.
 */
export function mergedUnits(
  map: MergeMap | null,
  table: { sheet: string; units: AllocationUnit[]; sources: SourceRef[]; basis: string }
): { units: AllocationUnit[]; sources: SourceRef[]; rollUp?: MergerRollUp } {
  if (!map) return table;
  const rows = table.units.map((u, i) => ({ name: u.unit, source: table.sources[i] }));
  const { into, any } = oldRows(map, rows);
  if (!any) return table;
  const units: AllocationUnit[] = [];
  const sources: SourceRef[] = [];
  const at = new Map<number, number>();
  table.units.forEach((u, i) => {
    const index = into[i];
    if (index === null) {
      units.push(u);
      sources.push(table.sources[i]);
      return;
    }
    const merged = map.merged[index];
    if (table.basis !== "need" && merged.from.length > 1) {
      const others = merged.from.filter((f) => f.name !== u.unit).map((f) => f.name);
      throw new InputError({
        sheet: table.sources[i].sheet,
        cell: table.sources[i].cell,
        found: u.unit,
        expected: {
          vi: `hệ số theo xã sau sáp nhập: ${u.unit} đã gộp cùng ${others.join(", ")} thành xã ${merged.name} (trang '${map.sheet}'); hệ số của xã mới tính theo loại xã mới, không cộng từ các xã cũ. Ghi hệ số xã ${merged.name}, hoặc phân bổ theo nhu cầu (triệu đồng, cộng được)`,
          en: `coefficients by commune after the merger: ${u.unit} was merged with ${others.join(", ")} into ${merged.name} (sheet '${map.sheet}'); a merged commune's coefficient follows from its own type, not a sum of its parts'. Give ${merged.name}'s coefficient, or allocate by need (million VND, which adds up)`,
        },
      });
    }
    const k = at.get(index);
    if (k === undefined) {
      at.set(index, units.length);
      units.push({ ...u, unit: merged.name });
      sources.push(table.sources[i]);
      return;
    }
    const sum = (a: number | undefined, b: number | undefined) =>
      a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
    const before = units[k];
    const need = sum(before.need, u.need);
    const min = sum(before.min, u.min);
    const cap = sum(before.cap, u.cap);
    units[k] = {
      unit: merged.name,
      // A sum of old communes' figures has no one cell: an error about it names the first old commune's row.
      ...(before.source ? { source: before.source } : {}),
      ...(need !== undefined ? { need } : {}),
      ...(min !== undefined ? { min } : {}),
      ...(cap !== undefined ? { cap } : {}),
    };
  });
  const rollUp = mergerRollUp(
    map,
    table.sheet,
    rows,
    into,
    table.basis === "need" ? "sum" : "rename"
  );
  return { units, sources, rollUp };
}

/** The table of what was merged into what, for the tables the job rolled up. */
export function mergerTable(rollUps: MergerRollUp[], name: string): OutputTable {
  return {
    name,
    title: "Xã sau sáp nhập và các xã cũ trong dữ liệu (what was merged into what)",
    columns: [
      { header: "Trang dữ liệu (sheet)", format: FORMATS.text },
      { header: "Xã mới (new commune)" },
      { header: "Mã xã mới (code)", format: FORMATS.text },
      { header: "Ngày hiệu lực (date)", format: FORMATS.text },
      { header: "Số xã cũ (old communes)", format: FORMATS.integer },
      { header: "Các xã cũ (old communes)" },
      { header: "Cách chuyển (how)" },
      { header: "Theo trang (mapping sheet)", format: FORMATS.text },
    ],
    rows: rollUps.flatMap((r) =>
      r.communes.map((c) => [
        r.table,
        c.name,
        c.code ?? "",
        c.date ?? "",
        c.from.length,
        c.from.join(", "),
        r.how === "sum" ? "cộng số tiền (sum)" : "cùng xã, tên mới (renamed)",
        r.sheet,
      ])
    ),
  };
}

/**
 * A job's result with what was rolled up: the lines first in the text, `merger` in the JSON, the table beside the
 * job's own on its sheet. Unchanged when nothing was keyed by old communes.
 */
export function withMerger(
  result: JobResult,
  rollUps: (MergerRollUp | undefined)[],
  tableName: string
): JobResult {
  const done = rollUps.filter((r): r is MergerRollUp => r !== undefined);
  if (done.length === 0) return result;
  const lines = done.map(mergerLine);
  const [first, ...rest] = result.sheets;
  const sheets: OutputSheet[] = first
    ? [{ ...first, tables: [...first.tables, mergerTable(done, tableName)] }, ...rest]
    : [];
  return {
    ...result,
    json: { ...result.json, merger: done },
    text: [...lines.map((l) => `${l.vi} / ${l.en}`), result.text].join("\n"),
    sheets,
  };
}
