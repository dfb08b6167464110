// Custom functions about allocating an envelope (NTM.ALLOCATE): thin wrappers over the engine.

import { allocateByCoefficients } from "../engine/allocation";
import { InputError } from "../engine/errors";
import { functionNumber, guard } from "./errors";

/** A range of coefficients (one row or one column) as numbers; blanks and text that is not a number are errors. */
function coefficientList(range: unknown[][]): number[] {
  const values = range.flat();
  return values.map((v, i) => {
    const n = typeof v === "number" ? v : typeof v === "string" ? (functionNumber(v) ?? NaN) : NaN;
    if (!Number.isFinite(n)) {
      throw new InputError({
        found: String(v ?? ""),
        expected: { vi: `hệ số thứ ${i + 1} là một số`, en: `coefficient ${i + 1} to be a number` },
      });
    }
    return n;
  });
}

/** Excel passes null for an omitted optional argument. */
function optional(value: number | null | undefined): number | undefined {
  return value === null || value === undefined ? undefined : value;
}

/**
 * Phân bổ tổng vốn theo hệ số, làm tròn sao cho cộng đúng bằng tổng / Splits an envelope by coefficients, rounded
 * so that the amounts add up exactly to it.
 * @customfunction ALLOCATE
 * @param total Tổng vốn (triệu đồng) / Envelope (million VND)
 * @param coefficients Hệ số của các đơn vị (một cột hoặc một dòng) / Coefficients of the units (one column or row)
 * @param [unit] Làm tròn đến (1, 10, 100 triệu đồng; mặc định 1) / Round to (1, 10, 100 million; default 1)
 * @param [min] Mức tối thiểu mỗi đơn vị / Guaranteed minimum per unit
 * @param [cap] Mức tối đa mỗi đơn vị / Cap per unit
 * @returns Số vốn phân bổ cho từng đơn vị (một cột) / The amount per unit (one column)
 */
export function allocate(
  total: number,
  coefficients: any[][],
  unit?: number,
  min?: number,
  cap?: number
): number[][] {
  return guard(() => {
    const units = coefficientList(coefficients).map((coefficient, i) => ({
      unit: `#${i + 1}`,
      coefficient,
    }));
    const result = allocateByCoefficients({
      total,
      units,
      unit: optional(unit),
      min: optional(min),
      cap: optional(cap),
      basis: "coefficient",
    });
    return result.allocations.map((a) => [a.amount]);
  });
}
