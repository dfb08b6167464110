// The planner's input built from a synthetic region: commune status, per-commune costs, budget and cap.

import { communeKey } from "../src/engine/commune-identity";
import { CATALOGUE_2021_2025 } from "../src/engine/catalogues";
import { nameKey } from "../src/engine/text";
import type { TargetOptions } from "../src/engine/targets";
import type { CommuneStatus } from "../src/engine/types";
import type { SyntheticRegion } from "./generators";

export const PLAN_YEAR = 2026;

export function plannerInput(region: SyntheticRegion): {
  communes: CommuneStatus[];
  options: TargetOptions;
} {
  const communes: CommuneStatus[] = region.communes.map((c) => ({
    name: c.name,
    district: c.district,
    code: c.code,
    achieved: c.achieved,
    count: c.achieved.length,
    registeredYear: c.registeredYear ?? undefined,
    especiallyDifficult: c.especiallyDifficult,
  }));
  const perCommune = new Map<string, Map<number, number>>();
  const byName = new Map(communes.map((c) => [nameKey(c.name), c]));
  for (const k of region.costs) {
    const commune = byName.get(nameKey(k.name));
    const key = commune ? communeKey(commune) : nameKey(k.name);
    const own = perCommune.get(key) ?? new Map<number, number>();
    own.set(k.criterion, k.cost);
    perCommune.set(key, own);
  }
  return {
    communes,
    options: {
      catalogue: CATALOGUE_2021_2025,
      budget: region.annualBudget,
      maxPerCommune: region.cap,
      year: PLAN_YEAR,
      costs: { perCommune, perCriterion: new Map() },
    },
  };
}
