// The "merge" job: communes merged on 1 July 2025 (and later). From the mapping old commune → new commune it
// writes what was merged into what, and rolls money by old commune and earlier statuses up into the merged ones.

import type { TableReading } from "../reading/types";
import { pushAll } from "../../engine/arrays";
import { findCatalogue } from "../../engine/catalogue-lookup";
import { CATALOGUE_2026_2030 } from "../../engine/catalogues";
import { InputError } from "../../engine/errors";
import { MERGE_OPTIONS } from "./merge-options";
import { MERGE_SPEC } from "./specs";
import { alreadyMerged, buildMergeMap, rollUpMoney, rollUpStatus } from "../../engine/merge";
import { formatVi } from "../../engine/numbers";
import type { SourceRef, Warning } from "../../engine/types";
import { gridAddress } from "../grid";
import { looksLikeCommunes, readCommunes } from "../readers/communes";
import {
  looksLikeCommuneMoney,
  looksLikeMergeMap,
  mergeColumnsMissing,
  MONEY_COLUMNS,
  readCommuneMoney,
  readMergeMapTable,
} from "../readers/merge";
import { mergeSheet, type MergeSources } from "../writers/merge";
import { sourcesByName } from "../output";
import type { JobRequest, JobResult, PlanningJob } from "./job";
import { findGrid, lacking } from "../reading/input-grid";
import type { MergeJson } from "../results";
import { withAssumptions } from "./assumed";

/** Rows that already name merged communes: not rolled up, and said. */
function notRolled(rows: { name: string; source?: SourceRef }[], sheet: string): Warning[] {
  if (rows.length === 0) return [];
  const names = rows.map((r) => r.name).join(", ");
  // The warning points at the first of those rows.
  const first = rows.find((r) => r.source)?.source;
  return [
    {
      sheet,
      ...(first ? { cell: first.cell } : {}),
      vi: `Trang '${sheet}': ${rows.length} dòng đã là xã sau sáp nhập, không cộng dồn (${names})`,
      en: `Sheet '${sheet}': ${rows.length} rows already name communes after the merger, not rolled up (${names})`,
    },
  ];
}

const MONEY_BY_COMMUNE = { vi: "bảng kinh phí theo xã", en: "money by commune" };

export const mergeJob: PlanningJob = withAssumptions({
  ...MERGE_SPEC,
  async run(request: JobRequest): Promise<JobResult> {
    const mappingRef = request.inputs.mapping;
    if (!mappingRef) {
      throw new InputError({
        expected: {
          vi: "bảng sáp nhập xã (xã cũ → xã mới)",
          en: "the merger mapping (old commune → new commune)",
        },
      });
    }
    const what = { vi: "bảng sáp nhập xã", en: "merger mapping" };
    const mappingGrid = await findGrid(
      mappingRef,
      looksLikeMergeMap,
      () => true,
      what,
      undefined,
      mergeColumnsMissing
    );
    const mapping = readMergeMapTable(mappingGrid);
    const map = buildMergeMap(mapping.entries, mappingGrid.sheet);
    const sources: MergeSources = {
      mapping: sourcesByName(
        mapping.entries.flatMap((e) => [
          { name: e.newName, source: e.source },
          { name: e.oldName, source: e.source },
        ])
      ),
    };
    const warnings: Warning[] = [];
    const reading: TableReading[] = [mapping.reading];
    let money: { columns: string[]; rows: ReturnType<typeof rollUpMoney> } | undefined;
    if (request.inputs.money) {
      const grid = await findGrid(
        request.inputs.money,
        looksLikeCommuneMoney,
        (g) => !looksLikeMergeMap(g),
        MONEY_BY_COMMUNE,
        request.inputs.money.workbook === mappingRef.workbook ? mappingGrid.sheet : undefined,
        lacking(MONEY_BY_COMMUNE, [MONEY_COLUMNS])
      );
      const read = readCommuneMoney(grid);
      reading.push(read.reading);
      money = { columns: read.columns, rows: rollUpMoney(read.rows, map) };
      sources.money = sourcesByName(read.rows);
      pushAll(warnings, notRolled(alreadyMerged(map, read.rows), grid.sheet));
    }
    let status: ReturnType<typeof rollUpStatus> | undefined;
    if (request.inputs.communes) {
      const catalogue = findCatalogue(MERGE_OPTIONS.parse(request.options).period);
      const grid = await findGrid(
        request.inputs.communes,
        (g) => looksLikeCommunes(g, catalogue),
        (g) => !looksLikeMergeMap(g),
        { vi: "danh sách xã và tiêu chí đạt", en: "communes and criteria met" },
        request.inputs.communes.workbook === mappingRef.workbook ? mappingGrid.sheet : undefined
      );
      if (
        catalogue.id !== CATALOGUE_2026_2030.id &&
        !looksLikeCommunes(grid, catalogue) &&
        looksLikeCommunes(grid, CATALOGUE_2026_2030)
      ) {
        // The current status per indicator (of the merged communes): not an earlier status of old communes.
        warnings.push({
          sheet: grid.sheet,
          cell: gridAddress(grid, 0, 0),
          vi: `Trang '${grid.sheet}' là tình trạng theo từng chỉ tiêu (bộ 2026-2030), không phải tình trạng giai đoạn ${catalogue.id} của các xã cũ: không cộng dồn tình trạng`,
          en: `Sheet '${grid.sheet}' is a status per indicator (2026-2030 set), not the old communes' ${catalogue.id} status: no status rolled up`,
        });
      } else {
        const read = readCommunes(grid, { catalogue });
        reading.push(read.reading);
        pushAll(warnings, read.warnings);
        status = rollUpStatus(read.communes, map, catalogue.criteria.length);
        sources.status = sourcesByName(read.communes);
        pushAll(warnings, notRolled(alreadyMerged(map, read.communes), grid.sheet));
        pushAll(warnings, status.warnings);
      }
    }
    const json: MergeJson = {
      merged: map.merged.map((m) => ({
        name: m.name,
        code: m.code ?? null,
        date: m.date ?? null,
        from: m.from.map((f) => ({ name: f.name, code: f.code ?? null })),
      })),
      money: money
        ? {
            columns: money.columns,
            communes: money.rows.map((r) => ({
              name: r.commune.name,
              code: r.commune.code ?? null,
              amounts: r.amounts,
              from: r.from,
            })),
          }
        : null,
      status: status
        ? status.communes.map((s) => ({
            name: s.commune.name,
            parts: s.parts.map((p) => ({ name: p.name, count: p.count, standard: p.standard })),
            standardParts: s.standardParts,
            metByAll: s.metByAll,
          }))
        : null,
      warnings,
    };
    const lines = [
      `Xã mới / new communes: ${map.merged.length}, từ / from ${map.merged.reduce((n, m) => n + m.from.length, 0)} xã cũ / old communes`,
      ...map.merged.map(
        (m) =>
          `  ${m.name}${m.code ? ` (${m.code})` : ""} ← ${m.from.map((f) => f.name).join(", ")}`
      ),
    ];
    if (money) {
      lines.push("", `Kinh phí / money (${money.columns.join(" | ")}):`);
      for (const r of money.rows) {
        lines.push(
          `  ${r.commune.name}: ${r.amounts.map((a) => (a === null ? "-" : formatVi(a))).join(" | ")}`
        );
      }
    }
    return {
      json,
      text: lines.join("\n"),
      sheets: [mergeSheet(map.merged, money, status, sources)],
      warnings,
      reading,
    };
  },
});
