// The "allocate" job: splits an envelope between the units of a coefficients sheet and writes KQ_PhanBo.

import { withNumberNotes } from "./number-notes";
import { allocateByCoefficients, type AllocationBasis } from "../../engine/allocation";
import { InputError } from "../../engine/errors";
import { isCoefficientsSheet, readCoefficients } from "../readers/coefficients";
import { allocationSheet, allocationText } from "../writers/allocate";
import type { PlanningJob } from "./job";
import { inputGrid, optionNumber, requireOptionNumber } from "./request-values";
import { mainPolicy, runPolicyAllocation } from "./allocate-policy";

const INPUT_LABEL = { vi: "Hệ số phân bổ", en: "Allocation coefficients" };

export const allocateJob: PlanningJob = withNumberNotes({
  id: "allocate",
  label: { vi: "Phân bổ vốn cho xã", en: "Allocate an envelope to communes" },
  inputs: [
    {
      id: "communes",
      kind: "communes",
      label: { vi: "Danh sách xã", en: "Communes" },
      required: false,
    },
    {
      id: "policy",
      kind: "allocation-policy",
      label: { vi: "Trang chính sách phân bổ", en: "Allocation policy sheet" },
      required: false,
    },
    // Required for the allocation by coefficients (the default); an allocation by policy does not read it.
    { id: "coefficients", kind: "coefficients", label: INPUT_LABEL, required: true },
  ],
  options: [
    {
      id: "total",
      label: { vi: "Tổng vốn (triệu đồng)", en: "Envelope (million VND)" },
      type: "number",
    },
    {
      id: "policy",
      label: { vi: "Chính sách phân bổ", en: "Allocation policy" },
      type: "text",
      help: {
        vi: "qd-07-2022, qd-16-2026 (mẫu, cần đối chiếu văn bản) hoặc tên trang chính sách; để trống: trang hệ số",
        en: "qd-07-2022, qd-16-2026 (presets, to check) or a policy sheet name; blank: a coefficients sheet",
      },
    },
    {
      id: "unit",
      label: { vi: "Làm tròn đến (triệu đồng)", en: "Round to (million VND)" },
      type: "number",
      default: 1,
      help: { vi: "1, 10 hoặc 100 triệu đồng", en: "1, 10 or 100 million VND" },
    },
    {
      id: "min",
      label: { vi: "Mức tối thiểu mỗi đơn vị", en: "Minimum per unit" },
      type: "number",
    },
    { id: "cap", label: { vi: "Mức tối đa mỗi đơn vị", en: "Cap per unit" }, type: "number" },
    {
      id: "basis",
      label: { vi: "Phân bổ theo", en: "Allocate by" },
      type: "choice",
      choices: [
        { value: "coefficient", label: { vi: "Hệ số", en: "Coefficient" } },
        { value: "need", label: { vi: "Nhu cầu", en: "Need" } },
      ],
    },
    {
      id: "year",
      label: { vi: "Năm phân bổ", en: "Allocation year" },
      type: "number",
      help: {
        vi: 'cho quy tắc "Đăng ký đạt chuẩn" (xã đăng ký trong năm này)',
        en: 'for a "Đăng ký đạt chuẩn" rule (communes registered for this year)',
      },
    },
    {
      id: "top-up",
      label: { vi: "Vốn tỉnh bổ sung (triệu đồng)", en: "Province top-up (million VND)" },
      type: "number",
    },
    {
      id: "top-up-policy",
      label: { vi: "Chính sách phân bổ vốn tỉnh", en: "Top-up policy" },
      type: "text",
      help: {
        vi: "mẫu hoặc tên trang chính sách cho vốn tỉnh",
        en: "a preset or a policy sheet name for the top-up",
      },
    },
  ],
  async run(request) {
    const policy = await mainPolicy(request);
    if (policy) return runPolicyAllocation(request, policy);
    for (const id of ["top-up", "top-up-policy"]) {
      const v = request.options[id];
      if (v !== undefined && v !== "") {
        throw new InputError({
          found: `${id} = ${String(v)}`,
          expected: {
            vi: `${id} dùng khi phân bổ theo chính sách (policy: qd-07-2022, qd-16-2026 hoặc tên trang)`,
            en: `${id} applies to an allocation by policy (policy: qd-07-2022, qd-16-2026 or a sheet name)`,
          },
        });
      }
    }
    const total = requireOptionNumber(request, "total", {
      min: 0,
      label: { vi: "tổng vốn phân bổ (triệu đồng)", en: "envelope (million VND)" },
    });
    const unit = optionNumber(request, "unit", {
      positive: true,
      label: { vi: "đơn vị làm tròn", en: "rounding unit" },
    });
    const min = optionNumber(request, "min", {
      min: 0,
      label: { vi: "mức tối thiểu", en: "minimum" },
    });
    const cap = optionNumber(request, "cap", { min: 0, label: { vi: "mức tối đa", en: "cap" } });
    const rawBasis = request.options.basis;
    if (
      rawBasis !== undefined &&
      rawBasis !== "" &&
      rawBasis !== "need" &&
      rawBasis !== "coefficient"
    ) {
      throw new InputError({
        found: `basis = ${String(rawBasis)}`,
        expected: {
          vi: 'cách phân bổ "coefficient" (hệ số) hoặc "need" (nhu cầu)',
          en: '"coefficient" or "need"',
        },
      });
    }
    const basis =
      rawBasis === "need" || rawBasis === "coefficient" ? (rawBasis as AllocationBasis) : undefined;
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
