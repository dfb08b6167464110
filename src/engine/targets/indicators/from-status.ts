// From communes' indicator-level status (2026-2030) and a costs table to what the indicator planner takes.

import { InputError } from "../../errors";
import { communeKey } from "../../commune-identity";
import type { CommuneStatus, Warning } from "../../types";
import type { IndicatorCommune } from "./types";

/** Estimated costs (million VND) of meeting an indicator: per commune, or a default per indicator. */
export interface IndicatorCostTable {
  /** communeKey(commune) → indicator code → cost. */
  perCommune: Map<string, Map<string, number>>;
  /** Indicator code → default cost for every commune (a row with no commune). */
  perIndicator: Map<string, number>;
}

export interface IndicatorCommunesResult {
  communes: IndicatorCommune[];
  /** Index in the input of each planned commune. */
  indices: number[];
  /** Input indices of communes with no indicator-level status (not planned, with a warning). */
  skipped: number[];
  warnings: Warning[];
}

/**
 * Each commune's missing indicators with their costs: its own row of the costs table, else the indicator's
 * default row, else `defaultCost`; with none of these the cost is an error naming the commune and the indicator,
 * never a guess. Communes known only by criteria (no indicator status) are skipped with a warning.
 */
export function indicatorCommunes(
  statuses: CommuneStatus[],
  options: { costs?: IndicatorCostTable; defaultCost?: number; year?: number }
): IndicatorCommunesResult {
  const result: IndicatorCommunesResult = { communes: [], indices: [], skipped: [], warnings: [] };
  statuses.forEach((status, index) => {
    if (!status.indicators) {
      result.skipped.push(index);
      result.warnings.push({
        vi: `Xã ${status.name} không có tình trạng từng chỉ tiêu: không lập chỉ tiêu phấn đấu cho xã này`,
        en: `${status.name} has no indicator-level status: no targets planned for it`,
        sheet: status.source?.sheet,
        cell: status.source?.cell,
      });
      return;
    }
    const own = options.costs?.perCommune.get(communeKey(status));
    const missing = status.indicators
      .filter((v) => !v.met)
      .map((v) => {
        const cost =
          own?.get(v.code) ?? options.costs?.perIndicator.get(v.code) ?? options.defaultCost;
        if (cost === undefined) {
          throw new InputError({
            sheet: status.source?.sheet,
            cell: status.source?.cell,
            found: `${status.name}: ${v.code}`,
            expected: {
              vi: `chi phí cho chỉ tiêu ${v.code} của xã ${status.name}: thêm một dòng vào bảng chi phí, một dòng để trống tên xã làm chi phí mặc định của chỉ tiêu, hoặc nhập chi phí mặc định mỗi chỉ tiêu`,
              en: `a cost for indicator ${v.code} of ${status.name}: add a row to the costs table, a row with an empty commune as the indicator's default cost, or give a default cost per indicator`,
            },
          });
        }
        return { code: v.code, criterion: v.criterion, cost };
      });
    result.indices.push(index);
    result.communes.push({
      name: status.name,
      code: status.code,
      district: status.district,
      group: status.group,
      missing,
      registered: options.year !== undefined && status.registeredYear === options.year,
      especiallyDifficult: status.especiallyDifficult === true,
      source: status.source,
    });
  });
  return result;
}
