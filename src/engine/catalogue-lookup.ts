// Finding a catalogue by period and a criterion by number.

import { BUILT_IN_CATALOGUES, DEFAULT_PERIOD } from "./catalogues";
import { InputError } from "./errors";
import type { Catalogue, Criterion } from "./types";

/** The catalogue for a period id ("2021-2025"), among the built-in ones and any the user added. */
export function findCatalogue(period: string = DEFAULT_PERIOD, extra: Catalogue[] = []): Catalogue {
  const wanted = period.trim().replace(/\s*[–—-]\s*/, "-");
  const all = [...extra, ...BUILT_IN_CATALOGUES];
  const builtIn = BUILT_IN_CATALOGUES.find((c) => c.id === wanted);
  const own = extra.find((c) => c.id === wanted);
  // A user's sheet for a built-in period renames or reorders its criteria; the period keeps its groups, tiers and
  // targets (a sheet of criteria cannot say them).
  const found = own && builtIn ? { ...builtIn, ...own } : (own ?? builtIn);
  if (!found) {
    throw new InputError({
      found: period,
      expected: {
        vi: `một giai đoạn có bộ tiêu chí: ${all.map((c) => c.id).join(", ")}`,
        en: `a period with a criteria catalogue: ${all.map((c) => c.id).join(", ")}`,
      },
    });
  }
  return found;
}

export function findCriterion(catalogue: Catalogue, number: number): Criterion {
  const found = catalogue.criteria.find((c) => c.number === number);
  if (!found) {
    throw new InputError({
      found: String(number),
      expected: {
        vi: `số tiêu chí từ 1 đến ${catalogue.criteria.length} (bộ ${catalogue.id})`,
        en: `a criterion number from 1 to ${catalogue.criteria.length} (set ${catalogue.id})`,
      },
    });
  }
  return found;
}
