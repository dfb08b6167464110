// Custom functions about money (NTM.SHARES, NTM.COUNTERPART_…, NTM.MIN_RATIO): thin wrappers over the engine.

import { InputError } from "../engine/errors";
import { bracketsFromRows, counterpartGap, minimumRatio } from "../engine/funding/counterpart";
import { roundedShares, sharesOf } from "../engine/funding/rounding";
import { functionNumber, guard } from "./errors";
import { checkRangeSize, type RangeWhat } from "./limits";

const AMOUNT_CELLS: RangeWhat = { vi: "số tiền", en: "amounts", count: "cells" };
const BRACKET_ROWS: RangeWhat = { vi: "dòng tỷ lệ", en: "bracket rows", count: "rows" };

/** A number argument or range cell: numbers, text numbers ("3.602.312"), blank as 0. */
function amountOf(value: unknown, what: { vi: string; en: string }): number {
  if (value === null || value === undefined || value === "") return 0;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string") {
    const parsed = functionNumber(value);
    if (parsed !== undefined) return parsed;
  }
  throw new InputError({
    found: String(value),
    expected: { vi: `${what.vi} là một số`, en: `${what.en} to be a number` },
  });
}

const AMOUNT = { vi: "số tiền", en: "amount" };

/**
 * Tỷ lệ của từng số trong tổng (trả về một cột); có số chữ số thập phân thì làm tròn để cộng đúng 100% /
 * Share of each amount in the total, as a column; with decimals, rounded so that the shares add to exactly 100%.
 * @customfunction SHARES
 * @param amounts Các số tiền (một hàng hoặc một cột) / Amounts (a row or a column)
 * @param [decimals] Số chữ số thập phân của tỷ lệ %, ví dụ 2 → 6,21% / Decimals of the percentage, e.g. 2 → 6.21%
 * @returns {number[][]} Tỷ lệ (định dạng %) / Shares (format as %)
 */
export function shares(amounts: number[][], decimals?: number): number[][] {
  return guard(() => {
    checkRangeSize(amounts, AMOUNT_CELLS, "funding");
    const values = amounts.flat().map((v) => amountOf(v, AMOUNT));
    const rounded = decimals !== undefined && decimals !== null;
    // Shares rounded to add to exactly 100% need amounts of zero or more: a negative one is named as typed, by its
    // place in the range (the rounding would otherwise refuse its share, -0,333, as "value 2").
    const negative = rounded ? values.findIndex((v) => v < 0) : -1;
    if (negative >= 0) {
      throw new InputError({
        found: String(amounts.flat()[negative]),
        expected: {
          vi: `số tiền thứ ${negative + 1} của vùng không âm (tỷ lệ làm tròn cộng đúng 100% cần các số ≥ 0; bỏ tham số số chữ số thập phân để có tỷ lệ trên tổng đã trừ khoản giảm)`,
          en: `amount ${negative + 1} of the range to be zero or more (shares rounded to add to 100% need amounts ≥ 0; leave out decimals for shares of the net total)`,
        },
      });
    }
    const result = rounded ? roundedShares(values, decimals) : sharesOf(values);
    return result.map((s) => [s]);
  });
}

/**
 * Tỷ lệ vốn đối ứng = ngân sách địa phương ÷ ngân sách trung ương / Counterpart ratio = local ÷ central budget.
 * @customfunction COUNTERPART_RATIO
 * @param local Ngân sách địa phương (tỉnh + huyện + xã) / Local budget (province + district + commune)
 * @param central Ngân sách trung ương / Central budget
 * @returns Tỷ lệ, ví dụ 0,243 / The ratio, e.g. 0.243
 */
export function counterpartRatio(local: number, central: number): number {
  return guard(() => {
    const c = amountOf(central, { vi: "ngân sách trung ương", en: "central budget" });
    const l = amountOf(local, { vi: "ngân sách địa phương", en: "local budget" });
    if (c <= 0) {
      throw new InputError({
        found: String(central),
        expected: { vi: "ngân sách trung ương lớn hơn 0", en: "a central budget above 0" },
      });
    }
    return l / c;
  });
}

/**
 * Số vốn đối ứng còn thiếu = max(0, tỷ lệ × NSTW − NSĐP) / Counterpart shortfall = max(0, ratio × central − local).
 * @customfunction COUNTERPART_GAP
 * @param central Ngân sách trung ương / Central budget
 * @param local Ngân sách địa phương / Local budget
 * @param [ratio] Tỷ lệ tối thiểu, mặc định 1 (1:1) / Minimum ratio, default 1 (1:1)
 * @returns Số còn thiếu (0 nếu đạt) / The shortfall (0 when compliant)
 */
export function counterpartGapFunction(central: number, local: number, ratio?: number): number {
  return guard(() => {
    const r =
      ratio === undefined || ratio === null ? 1 : amountOf(ratio, { vi: "tỷ lệ", en: "ratio" });
    if (r < 0) {
      throw new InputError({
        found: String(ratio),
        expected: { vi: "tỷ lệ không âm", en: "a non-negative ratio" },
      });
    }
    return counterpartGap(
      amountOf(central, { vi: "ngân sách trung ương", en: "central budget" }),
      amountOf(local, { vi: "ngân sách địa phương", en: "local budget" }),
      r
    );
  });
}

/**
 * Tỷ lệ đối ứng tối thiểu tra theo tỷ lệ hỗ trợ cân đối từ NSTW / Minimum counterpart ratio for a province's share of
 * central balancing support, looked up in a bracket table.
 * @customfunction MIN_RATIO
 * @param supportShare Tỷ lệ hỗ trợ cân đối (65 hoặc 65%) / Balancing-support share (65 or 65%)
 * @param brackets Bảng: cận dưới %, cận trên %, tỷ lệ tối thiểu[, ghi chú] / Table: lower %, upper %, minimum ratio[, note]
 * @returns Tỷ lệ tối thiểu / The minimum ratio
 */
export function minRatio(supportShare: number, brackets: any[][]): number {
  return guard(() => {
    checkRangeSize(brackets, BRACKET_ROWS, "counterpart");
    return minimumRatio(
      amountOf(supportShare, { vi: "tỷ lệ hỗ trợ", en: "support share" }),
      bracketsFromRows(brackets)
    );
  });
}
