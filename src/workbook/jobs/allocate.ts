// The "allocate" job: splits an envelope between the units of a coefficients sheet and writes KQ_PhanBo.

import { withNumberNotes } from "./number-notes";
import { allocateByCoefficients, type AllocationBasis } from "../../engine/allocation";
import { choiceOption, declareOptions, numberOption } from "../../engine/options";
import { isCoefficientsSheet, readCoefficients } from "../readers/coefficients";
import { allocationSheet, allocationText } from "../writers/allocate";
import type { PlanningJob } from "./job";
import { inputGrid } from "./input-grid";

const INPUT_LABEL = { vi: "Hệ số phân bổ", en: "Allocation coefficients" };

export const ALLOCATE_OPTIONS = declareOptions({
  total: numberOption({
    label: { vi: "Tổng vốn phân bổ", en: "Envelope" },
    unit: "million-vnd",
    min: 0,
    required: true,
    example: "10000",
  }),
  unit: numberOption({
    label: { vi: "Làm tròn đến", en: "Round to" },
    unit: "million-vnd",
    min: 0,
    exclusiveMin: true,
    default: 1,
    help: { vi: "1, 10 hoặc 100 triệu đồng", en: "1, 10 or 100 million VND" },
    example: "10",
  }),
  min: numberOption({
    label: { vi: "Mức tối thiểu mỗi đơn vị", en: "Minimum per unit" },
    unit: "million-vnd",
    min: 0,
    example: "500",
  }),
  cap: numberOption({
    label: { vi: "Mức tối đa mỗi đơn vị", en: "Cap per unit" },
    unit: "million-vnd",
    min: 0,
    example: "3000",
  }),
  basis: choiceOption({
    label: { vi: "Phân bổ theo", en: "Allocate by" },
    choices: [
      { value: "coefficient", label: { vi: "Hệ số", en: "Coefficient" } },
      { value: "need", label: { vi: "Nhu cầu", en: "Need" } },
    ],
    help: {
      vi: "Để trống: theo cột có trong bảng (Hệ số hoặc Nhu cầu)",
      en: "Empty: by the column the table has (coefficient or need)",
    },
    example: "need",
  }),
});

export const allocateJob: PlanningJob = withNumberNotes({
  id: "allocate",
  label: { vi: "Phân bổ vốn theo hệ số", en: "Allocate an envelope by coefficients" },
  inputs: [{ id: "coefficients", kind: "coefficients", label: INPUT_LABEL, required: true }],
  options: ALLOCATE_OPTIONS.specs,
  async run(request) {
    const o = ALLOCATE_OPTIONS.parse(request.options);
    const total = o.total as number;
    const { unit, min, cap } = o;
    const basis = o.basis as AllocationBasis | undefined;
    const grid = await inputGrid(request, "coefficients", INPUT_LABEL, isCoefficientsSheet);
    const table = readCoefficients(grid, { basis });
    const result = allocateByCoefficients({
      total,
      units: table.units,
      unit,
      min,
      cap,
      basis: table.basis,
    });
    return {
      json: {
        sheet: table.sheet,
        total: result.total,
        unit: result.unit,
        basis: result.basis,
        allocations: result.allocations.map((a) => ({
          unit: a.unit,
          ...(a.coefficient !== undefined ? { coefficient: a.coefficient } : {}),
          ...(a.need !== undefined ? { need: a.need } : {}),
          share: a.share,
          amount: a.amount,
          limit: a.limit,
        })),
        warnings: table.warnings,
      },
      text: allocationText(result),
      sheets: [allocationSheet(result)],
      warnings: table.warnings,
    };
  },
});
