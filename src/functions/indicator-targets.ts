// NTM.NEXT_INDICATORS: next year's target indicators (2026-2030) of one commune in a cell. A thin wrapper: the row is
// evaluated as NTM.CRITERIA_MET evaluates it, the commune's missing indicators and their costs are made by the
// targets job's own indicatorCommunes, and the plan is the targets job's greedy indicator planner on that one commune.
// So the function gives what `ntm-plan targets` gives the commune when the budget does not bind across communes.

import { CATALOGUE_2026_2030 } from "../engine/catalogues";
import { InputError } from "../engine/errors";
import { parseIndicatorCode } from "../engine/indicators";
import { readOption, type OptionValue } from "../engine/options";
// From the modules themselves, not the targets index: the functions bundle must not reference the solver chunk.
import {
  indicatorCommunes,
  type IndicatorCostTable,
} from "../engine/targets/indicators/from-status";
import { planIndicatorTargetsGreedy } from "../engine/targets/indicators/greedy";
import type { CapUnit } from "../engine/targets/indicators/types";
import type { CommuneStatus } from "../engine/types";
import { TARGETS_OPTIONS } from "../workbook/jobs/targets-options";
import { functionNumber, guard } from "./errors";
import { evaluateRow } from "./indicators";
import { checkRangeSize, type RangeWhat } from "./limits";

const VALUE_CELLS: RangeWhat = { vi: "ô giá trị", en: "value cells", count: "cells" };
const CODE_CELLS: RangeWhat = { vi: "ô mã chỉ tiêu", en: "code cells", count: "cells" };
const POLICY_ROWS: RangeWhat = { vi: "dòng chỉ tiêu", en: "indicator rows", count: "rows" };
const COST_ROWS: RangeWhat = { vi: "dòng chi phí", en: "cost rows", count: "rows" };

const spec = (id: string) => TARGETS_OPTIONS.specs.find((s) => s.id === id)!;
const MAX_PER_COMMUNE = spec("max-per-commune");
const BUDGET = spec("budget");
const CAP_UNIT = spec("cap-unit");

type Cell = string | number | boolean | null | undefined;

const COSTS_EXPECTED = {
  vi: 'chi phí: hai cột (mã chỉ tiêu như "2.1", chi phí ≥ 0 triệu đồng), có thể kèm dòng tiêu đề',
  en: 'costs: two columns (an indicator code such as "2.1", a cost ≥ 0 in million VND), a header row allowed',
};

const blank = (c: Cell) =>
  c === null || c === undefined || (typeof c === "string" && c.trim() === "");

/**
 * A costs range as the costs sheet holds it: rows (indicator code, cost); blank rows and a first row that is a
 * header ("Chỉ tiêu", "Chi phí") are passed over; anything else is refused naming the row.
 */
export function indicatorCostsFrom(cells: Cell[][]): IndicatorCostTable {
  const perIndicator = new Map<string, number>();
  cells.forEach((row, r) => {
    if (row.every(blank)) return;
    const code = blank(row[0]) ? null : parseIndicatorCode(String(row[0]));
    const cost =
      row.length < 2 || blank(row[1])
        ? undefined
        : typeof row[1] === "number"
          ? row[1]
          : functionNumber(String(row[1]));
    if (r === 0 && code === null) return; // the header row
    if (code === null || cost === undefined || !Number.isFinite(cost) || cost < 0) {
      throw new InputError({
        found: `${r + 1}: ${row
          .slice(0, 2)
          .map((c) => String(c ?? ""))
          .join(" | ")}`,
        expected: COSTS_EXPECTED,
      });
    }
    if (perIndicator.has(code.code)) {
      throw new InputError({
        found: `${r + 1}: ${code.code}`,
        expected: {
          vi: "mỗi mã chỉ tiêu một dòng trong vùng chi phí",
          en: "each indicator code once in the costs range",
        },
      });
    }
    perIndicator.set(code.code, cost);
  });
  return { perCommune: new Map(), perIndicator };
}

/**
 * Chỉ tiêu nên phấn đấu năm tới của một xã (bộ 2026-2030), theo cách lập chỉ tiêu của tác vụ "Chỉ tiêu phấn đấu năm
 * tới" /
 * Next year's target indicators of one commune (2026-2030 set), planned as the "Next year's targets" job plans them.
 * @customfunction NEXT_INDICATORS
 * @param {any[][]} values Hàng giá trị hoặc dấu đạt (x, Đạt) của các chỉ tiêu / Row of indicator values or marks
 * @param {any[][]} codes Hàng mã chỉ tiêu tương ứng ("2.1"…) / The matching row of indicator codes ("2.1"…)
 * @param {any} group Nhóm xã: 1, 2, 3 hoặc "Nhóm 2" / Commune group: 1, 2, 3 or "Nhóm 2"
 * @param {any[][]} [policy] Bảng chỉ tiêu theo nhóm xã, kể cả dòng tiêu đề / The indicator policy table, header row included
 * @param {any} [maxPerYear] Số chỉ tiêu tối đa trong năm; để trống: không giới hạn / Most indicators in the year; empty: no cap
 * @param {any[][]} [costs] Chi phí: hai cột (mã chỉ tiêu, triệu đồng); để trống: mỗi chỉ tiêu tính 1 / Costs: two columns (indicator code, million VND); empty: each indicator counts 1
 * @param {any} [budget] Kinh phí của xã trong năm (triệu đồng, hoặc số chỉ tiêu khi không có chi phí); để trống: không giới hạn / The commune's budget for the year (million VND, or indicators without costs); empty: no limit
 * @param {any} [capUnit] Giới hạn tính theo "indicators" (mặc định) hoặc "criteria" / The cap counts "indicators" (default) or "criteria"
 * @returns {string} Các mã chỉ tiêu, như "2.4,6.1"; rỗng khi không còn chỉ tiêu nào / Indicator codes, such as "2.4,6.1"; empty when none is left
 */
export function nextIndicators(
  values: any[][],
  codes: any[][],
  group: any,
  policy?: any[][],
  maxPerYear?: any,
  costs?: any[][],
  budget?: any,
  capUnit?: any
): string {
  return guard(() => {
    // Ranges over the cell functions' limit answer #NUM! before a cell is read (src/functions/limits.ts).
    checkRangeSize(values, VALUE_CELLS, "targets");
    checkRangeSize(codes, CODE_CELLS, "targets");
    checkRangeSize(policy, POLICY_ROWS, "targets");
    checkRangeSize(costs, COST_ROWS, "targets");
    // The targets job's own declarations of these options: same bounds, same number rule, same words.
    const option = (s: typeof BUDGET, v: unknown) =>
      blank(v as Cell) ? undefined : readOption(s, v as OptionValue);
    const cap = option(MAX_PER_COMMUNE, maxPerYear) as number | undefined;
    const limit = option(BUDGET, budget) as number | undefined;
    const unit = (option(CAP_UNIT, capUnit) as CapUnit | undefined) ?? "indicators";
    const evaluation = evaluateRow(values, codes, group, policy);
    const status: CommuneStatus = {
      name: "xã / the commune",
      achieved: evaluation.achieved,
      count: evaluation.achieved.length,
      indicators: evaluation.indicators,
      indicatorsMet: evaluation.indicatorsMet,
    };
    const hasCosts = Array.isArray(costs) && costs.some((row) => !row.every(blank));
    // Without costs every indicator counts 1, as the targets job with --default-cost 1 (the budget counts indicators).
    const input = indicatorCommunes(
      [status],
      hasCosts ? { costs: indicatorCostsFrom(costs!) } : { defaultCost: 1 }
    );
    const plan = planIndicatorTargetsGreedy(input.communes, {
      criteriaCount: CATALOGUE_2026_2030.criteria.length,
      budget: limit,
      maxPerCommune: cap,
      capUnit: unit,
    });
    return plan.communes[0].targets.map((t) => t.code).join(",");
  });
}
