// The "allocate" job: splits an envelope between the units of a coefficients sheet and writes KQ_PhanBo.

import { sourceField } from "../output";
import { withNumberNotes } from "./number-notes";
import { InputError } from "../../engine/errors";
import { allocateByCoefficients, type AllocationBasis } from "../../engine/allocation";
import {
  COEFFICIENT_COLUMNS,
  isCoefficientsSheet,
  readCoefficients,
} from "../readers/coefficients";
import { allocationSheet, allocationText } from "../writers/allocate";
import { withReading, type JobResult, type PlanningJob } from "./job";
import { mergedUnits, withMerger } from "./merged-communes";
import { mergeMapFor } from "../reading/context";
import { ALLOCATE_OPTIONS } from "./allocate-options";
import { ALLOCATE_SPEC, COEFFICIENTS_LABEL } from "./specs";
import { inputGrid, lacking } from "../reading/input-grid";
import { mainPolicy, runPolicyAllocation } from "./allocate-policy";
import type { AllocateJson } from "../results";

export const allocateJob: PlanningJob = withNumberNotes({
  ...ALLOCATE_SPEC,
  async run(request) {
    const o = ALLOCATE_OPTIONS.parse(request.options); // checked at the boundary, whichever way it allocates
    const policy = await mainPolicy(request);
    if (policy) return runPolicyAllocation(request, policy);
    for (const id of ["top-up", "top-up-policy"] as const) {
      const v = o[id];
      if (v !== undefined && v !== "") {
        throw new InputError({
          options: [id],
          found: `${id} = ${String(v)}`,
          expected: {
            vi: `${id} dùng khi phân bổ theo chính sách (policy: qd-07-2022, 2026-2030 hoặc tên trang)`,
            en: `${id} applies to an allocation by policy (policy: qd-07-2022, 2026-2030 or a sheet name)`,
          },
        });
      }
    }
    const total = o.total as number;
    const { unit, min, cap } = o;
    const basis = o.basis as AllocationBasis | undefined;
    const grid = await inputGrid(
      request,
      "coefficients",
      COEFFICIENTS_LABEL,
      isCoefficientsSheet,
      lacking(COEFFICIENTS_LABEL, [COEFFICIENT_COLUMNS])
    );
    const table = readCoefficients(grid, { basis });
    // A table by old communes: needs summed into the merged communes, a coefficient carried only on a rename.
    const mergeMap = await mergeMapFor(request, request.inputs.coefficients?.workbook);
    const merged = mergedUnits(mergeMap, table);
    const result = allocateByCoefficients({
      total,
      units: merged.units,
      unit,
      min,
      cap,
      basis: table.basis,
      columns: table.columnCells,
    });
    const done: JobResult = {
      reading: [],
      json: {
        sheet: table.sheet,
        total: result.total,
        unit: result.unit,
        basis: result.basis,
        allocations: result.allocations.map((a) => ({
          unit: a.unit,
          ...(a.code !== undefined ? { code: a.code } : {}),
          ...(a.coefficient !== undefined ? { coefficient: a.coefficient } : {}),
          ...(a.need !== undefined ? { need: a.need } : {}),
          share: a.share,
          displayedShare: a.displayedShare,
          amount: a.amount,
          limit: a.limit,
          ...sourceField(a),
        })),
        warnings: table.warnings,
      } satisfies AllocateJson,
      text: allocationText(result),
      sheets: [allocationSheet(result)],
      warnings: table.warnings,
    };
    return withMerger(
      withReading(done, [table.reading, mergeMap?.reading]),
      [merged.rollUp],
      "NTM_PhanBo_SapNhap"
    );
  },
});
