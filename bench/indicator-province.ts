// A synthetic province for the indicator-level planners: the bench and the browser tests plan on the same data.

import { Prng } from "./prng";
import type { IndicatorCommune, IndicatorTargetOptions } from "../src/engine/targets";

const SEED = "indicator-targets";

/**
 * Indicators per criterion of the synthetic set: 47 over 10 criteria, as in Decision 51/2025/QĐ-TTg. The split
 * is made up (the decision's own is not in our sources); only the totals matter for the timing.
 */
const PER_CRITERION = [3, 7, 5, 3, 6, 4, 4, 6, 5, 4];

/**
 * "indicator planning": every commune misses 1-12 of the 47 indicators, each costing 1-20 units of 100 million,
 * 5% registered and 10% especially difficult, cap 4 indicators per commune, budget 30% of all needs.
 */
export function indicatorProvince(communes: number): {
  communes: IndicatorCommune[];
  options: IndicatorTargetOptions;
} {
  const rng = new Prng(`${SEED}-${communes}`);
  const slots: { code: string; criterion: number }[] = [];
  PER_CRITERION.forEach((n, i) => {
    for (let j = 1; j <= n; j++) slots.push({ code: `${i + 1}.${j}`, criterion: i + 1 });
  });
  let needs = 0;
  const list: IndicatorCommune[] = [];
  for (let k = 0; k < communes; k++) {
    const free = [...slots];
    const missing = [];
    for (let m = rng.int(1, 12); m > 0; m--) {
      const slot = free.splice(rng.int(0, free.length - 1), 1)[0];
      const cost = rng.int(1, 20) * 100;
      needs += cost;
      // One object shape, as the product's indicatorCommunes builds: `{ ...slot, cost }` gives every object its
      // own hidden class in V8, which made each read of an indicator a megamorphic lookup (about 3× the greedy's time).
      missing.push({ code: slot.code, criterion: slot.criterion, cost });
    }
    list.push({
      name: `Xã ${k + 1}`,
      code: String(10000 + k),
      group: rng.int(1, 3),
      missing,
      registered: rng.next() < 0.05,
      especiallyDifficult: rng.next() < 0.1,
    });
  }
  return {
    communes: list,
    options: { criteriaCount: 10, budget: Math.round(needs * 0.3), maxPerCommune: 4 },
  };
}
