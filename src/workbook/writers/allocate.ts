// Result of the "allocate" job: the split of the envelope per unit with a total row (KQ_PhanBo).

import type { AllocationResult } from "../../engine/allocation";
import { formatEn } from "../../engine/numbers";
import {
  coefficientFormatFor,
  FORMATS,
  moneyFormatFor,
  type OutputSheet,
  MONEY_UNIT,
} from "../output";

export const ALLOCATION_SHEET = "KQ_PhanBo";

/** The allocation as a table: TT, Đơn vị, Hệ số, Tỷ trọng, Số vốn phân bổ, and a total row. */
export function allocationSheet(result: AllocationResult): OutputSheet {
  const weightHeader = result.basis === "need" ? "Nhu cầu (triệu đồng)" : "Hệ số";
  const moneyFormat = moneyFormatFor([result.unit, result.total]);
  const weights = result.allocations.map((a) => a.weight);
  // Merged communes (2026 on) are keyed by their code: shown next to the name when the sheet gives it.
  const codes = result.allocations.some((a) => a.code !== undefined);
  const code = (a: { code?: string }) => (codes ? [a.code ?? ""] : []);
  return {
    sheet: ALLOCATION_SHEET,
    tables: [
      {
        name: "NTM_PhanBo",
        unit: MONEY_UNIT,
        title: `Phân bổ ${result.total.toLocaleString("vi-VN")} triệu đồng theo ${
          result.basis === "need" ? "nhu cầu" : "hệ số"
        } (làm tròn đến ${result.unit} triệu đồng; tỷ trọng làm tròn 2 chữ số, cộng đúng 100%) / Allocation by ${result.basis}`,
        columns: [
          { header: "TT", format: FORMATS.count },
          { header: "Đơn vị" },
          ...(codes ? [{ header: "Mã xã", format: FORMATS.text }] : []),
          {
            header: weightHeader,
            format:
              result.basis === "need" ? moneyFormatFor(weights) : coefficientFormatFor(weights),
          },
          { header: "Tỷ trọng", format: FORMATS.share },
          { header: "Số vốn phân bổ (triệu đồng)", format: moneyFormat },
        ],
        rows: [
          // The shares as shown (rounded to add to exactly 100,00%); the exact ones are in the JSON.
          ...result.allocations.map((a, i) => [
            i + 1,
            a.unit,
            ...code(a),
            a.weight,
            a.displayedShare,
            a.amount,
          ]),
          [
            null,
            "Tổng cộng",
            ...(codes ? [null] : []),
            result.weightTotal,
            result.weightTotal > 0 ? 1 : 0,
            result.total,
          ],
        ],
        sources: result.allocations.map((a) => a.source),
      },
    ],
  };
}

export function allocationText(result: AllocationResult): string {
  const lines = result.allocations.map((a) => {
    const limit =
      a.limit === "min"
        ? " (mức tối thiểu / minimum)"
        : a.limit === "cap"
          ? " (mức tối đa / cap)"
          : "";
    return `${a.unit}${a.code !== undefined ? ` (${a.code})` : ""}: ${a.amount.toLocaleString("vi-VN")}${limit}`;
  });
  return [
    `Phân bổ ${result.total.toLocaleString("vi-VN")} triệu đồng cho ${result.allocations.length} đơn vị / ` +
      `Allocated ${formatEn(result.total)} million VND to ${result.allocations.length} units`,
    ...lines,
  ].join("\n");
}
