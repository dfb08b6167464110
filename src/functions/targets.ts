// Custom functions about next year's targets (NTM.NEXT): thin wrappers over the targets engine.

import { CATALOGUE_2021_2025 } from "../engine/catalogues";
import { achievedFromCells } from "../engine/criteria/cells";
import { InputError } from "../engine/errors";
import { readOption } from "../engine/options";
import { TARGETS_OPTIONS } from "../workbook/jobs/targets-options";
// From the module itself, not the targets index: the functions bundle must not reference the solver chunk.
import { nextTargets } from "../engine/targets/single";
import type { Catalogue } from "../engine/types";
import { functionNumber, guard } from "./errors";

/** The pace of appendix II and of provincial plans: 1-3 criteria per commune per year. */
const DEFAULT_MAX_PER_YEAR = 3;

const MAX_PER_COMMUNE = TARGETS_OPTIONS.specs.find((s) => s.id === "max-per-commune")!;

type Cell = string | number | boolean | null | undefined;

function costNumber(cell: Cell): number | null {
  if (cell === null || cell === undefined || cell === "") return null;
  const n = typeof cell === "number" ? cell : functionNumber(String(cell));
  if (n === undefined || !Number.isFinite(n) || n < 0) {
    throw new InputError({
      found: String(cell),
      expected: { vi: "chi phí là một số ≥ 0", en: "a cost, a number ≥ 0" },
    });
  }
  return n;
}

/** Costs as rows (criterion, cost), or one row or column of costs for criteria 1, 2, 3, … */
function costsFrom(cells: Cell[][], catalogue: Catalogue): Map<number, number> {
  const costs = new Map<number, number>();
  const flat =
    cells.length === 1
      ? cells[0]
      : cells.every((r) => r.length === 1)
        ? cells.map((r) => r[0])
        : null;
  if (flat && flat.length === catalogue.criteria.length) {
    flat.forEach((cell, i) => {
      const cost = costNumber(cell);
      if (cost !== null) costs.set(catalogue.criteria[i].number, cost);
    });
    return costs;
  }
  for (const row of cells) {
    if (row.length < 2) throw badCosts();
    const criterion = costNumber(row[0]);
    const cost = costNumber(row[1]);
    if (criterion === null && cost === null) continue;
    if (
      criterion === null ||
      cost === null ||
      !catalogue.criteria.some((c) => c.number === criterion)
    ) {
      throw badCosts();
    }
    costs.set(criterion, cost);
  }
  return costs;
}

function badCosts(): InputError {
  return new InputError({
    expected: {
      vi: "chi phí: hai cột (số tiêu chí, chi phí) hoặc một hàng/cột 19 chi phí theo thứ tự tiêu chí",
      en: "costs: two columns (criterion number, cost) or one row/column of 19 costs in criterion order",
    },
  });
}

/** Caps read once per value: the option's schema parse cost more than the plan itself over 10,000 cells. */
const CAPS = new Map<number | undefined, number>();

function capOf(raw: number | undefined): number {
  const known = CAPS.get(raw);
  if (known !== undefined) return known;
  // The targets job's own declaration of this option: same bounds, same number rule, same words.
  const cap = (readOption(MAX_PER_COMMUNE, raw) as number | undefined) ?? DEFAULT_MAX_PER_YEAR;
  if (CAPS.size < 100) CAPS.set(raw, cap);
  return cap;
}

/**
 * Tiêu chí nên phấn đấu năm tới: các tiêu chí chưa đạt rẻ nhất, tối đa số tiêu chí/năm / Criteria to aim for next
 * year: the cheapest missing ones, up to the most per year.
 * @customfunction NEXT
 * @param achieved Tiêu chí đã đạt: một ô danh sách như "1,2,3-5" hoặc một hàng 19 ô đánh dấu / Criteria met: a list cell such as "1,2,3-5" or a row of 19 marks
 * @param [maxPerYear] Số tiêu chí tối đa trong năm, mặc định 3 / Most criteria in the year, default 3
 * @param [costs] Chi phí: hai cột (tiêu chí, chi phí) hoặc 19 ô theo thứ tự; thiếu thì 1 (0 với tiêu chí 16, 18, 19) / Costs: two columns (criterion, cost) or 19 cells in order; otherwise 1 (0 for criteria 16, 18, 19)
 * @returns Danh sách tiêu chí, như "6,10,11" / The criteria, such as "6,10,11"
 */
export function next(achieved: any[][], maxPerYear?: number, costs?: any[][]): string {
  return guard(() => {
    const catalogue = CATALOGUE_2021_2025;
    const cap = capOf(maxPerYear);
    const met = achievedFromCells(achieved ?? [[null]], catalogue);
    return nextTargets(met, catalogue, {
      maxPerYear: cap,
      costs: costs && costs.length > 0 ? costsFrom(costs, catalogue) : undefined,
    }).join(",");
  });
}
