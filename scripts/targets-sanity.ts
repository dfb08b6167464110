// Sanity run, not a test: random provinces like the HiGHS experiment in the domain brief (1-5 missing criteria,
// costs 1-20, cap 3, budget 30% of all needs); prints greedy and exact times and whether the exact plan is proven.
// npm run build:scripts && node dist-scripts/scripts/targets-sanity.js [200,2000,10000] [--fractional] [--flags]

import { CATALOGUE_2021_2025 } from "../src/engine/catalogues";
import { planTargets, type CostTable } from "../src/engine/targets";
import { labelKey } from "../src/engine/text";
import type { CommuneStatus } from "../src/engine/types";

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function province(n: number, seed: number, fractional: boolean, flags: boolean) {
  const rnd = lcg(seed);
  const communes: CommuneStatus[] = [];
  const costs: CostTable = { perCommune: new Map(), perCriterion: new Map() };
  let total = 0;
  for (let i = 0; i < n; i++) {
    const all = Array.from({ length: 19 }, (_, k) => k + 1);
    for (let k = all.length - 1; k > 0; k--) {
      const j = Math.floor(rnd() * (k + 1));
      [all[k], all[j]] = [all[j], all[k]];
    }
    const missing = all.slice(0, 1 + Math.floor(rnd() * 5));
    const achieved = all.slice(missing.length).sort((a, b) => a - b);
    const own = new Map<number, number>();
    for (const c of missing) {
      const cost = fractional
        ? Math.round((1 + rnd() * 19) * 100) / 100
        : 1 + Math.floor(rnd() * 20);
      own.set(c, cost);
      total += cost;
    }
    const name = `Xa ${i}`;
    costs.perCommune.set(labelKey(name), own);
    communes.push({
      name,
      achieved,
      count: achieved.length,
      registeredYear: flags && rnd() < 0.1 ? 2024 : undefined,
      especiallyDifficult: flags && rnd() < 0.1,
    });
  }
  return { communes, costs, budget: Math.round(total * 0.3) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sizes = (args.find((a) => /^\d/.test(a)) ?? "200,2000,10000").split(",").map(Number);
  for (const n of sizes) {
    for (const seed of [1, 2, 3]) {
      const p = province(n, seed, args.includes("--fractional"), args.includes("--flags"));
      const options = {
        catalogue: CATALOGUE_2021_2025,
        budget: p.budget,
        maxPerCommune: 3,
        costs: p.costs,
        freeCriteria: [],
        year: 2024,
      };
      let t = performance.now();
      const greedy = await planTargets(p.communes, { ...options, method: "greedy" });
      const greedyMs = performance.now() - t;
      t = performance.now();
      const exact = await planTargets(p.communes, { ...options, method: "optimal" });
      const exactMs = performance.now() - t;
      const value = (x: typeof exact) => `[${x.newlyStandard}, ${x.criteriaGained}, ${x.cost}]`;
      console.log(
        `n=${n} seed=${seed}: greedy ${greedyMs.toFixed(0)} ms ${value(greedy)}; ` +
          `exact ${exactMs.toFixed(0)} ms ${value(exact)} optimal=${exact.optimal} gap=${exact.gap}`
      );
    }
  }
}

void main();
