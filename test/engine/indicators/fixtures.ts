// A small made-up indicator set for the 2026-2030 catalogue (illustrative thresholds, not the decision's).

import { CATALOGUE_2026_2030 } from "../../../src/engine/catalogues";
import { withIndicators } from "../../../src/engine/indicators";
import type { Catalogue, Indicator } from "../../../src/engine/types";

export function indicator(
  code: string,
  comparison: Indicator["comparison"],
  requirements: Indicator["requirements"],
  unit?: string
): Indicator {
  return {
    code,
    criterion: Number(code.split(".")[0]),
    vi: `Chỉ tiêu ${code}`,
    en: `Indicator ${code}`,
    comparison,
    requirements,
    unit,
  };
}

/** Two indicators per criterion: a threshold (≥, ≤ or =) and a đạt/không đạt mark; one not applicable to group 1. */
export function illustrativeCatalogue(): Catalogue {
  const list: Indicator[] = [];
  for (let n = 1; n <= 10; n++) {
    const comparison = n % 3 === 0 ? "<=" : n % 3 === 1 ? ">=" : "=";
    list.push(indicator(`${n}.1`, comparison, { 1: 80, 2: 70, 3: 50 }, "%"));
    list.push(indicator(`${n}.2`, "pass", { 1: n === 4 ? null : true, 2: true, 3: true }));
  }
  return withIndicators(CATALOGUE_2026_2030, list).catalogue;
}
