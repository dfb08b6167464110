// The province's picture from commune statuses: average criteria, communes at the standard, bands, per criterion.

import type { Catalogue, CommuneStatus } from "../types";
import { bandOf, defaultBandsSpec, parseBands, type Band } from "./bands";

export interface BandCount extends Band {
  count: number;
}

export interface TierCounts {
  /** Communes recognised at the standard or above (tiers are nested). */
  standard: number;
  advanced: number;
  model: number;
}

export interface CommuneSummary {
  communes: number;
  /** Mean criteria met per commune, unrounded (reports print 2 decimals). */
  averageCriteria: number;
  /** Communes meeting every criterion of the catalogue. */
  standard: number;
  bands: BandCount[];
  /** Communes meeting each criterion, keyed by criterion number; absent when some commune gives only a count. */
  criterionCounts?: Record<number, number>;
  /** Recognised tiers, when at least one commune states one. */
  tiers?: TierCounts;
}

export interface SummaryOptions {
  catalogue: Catalogue;
  /** Bands as parsed bands or a spec string; default: defaultBandsSpec(number of criteria). */
  bands?: Band[] | string;
}

export function summariseCommunes(
  communes: CommuneStatus[],
  options: SummaryOptions
): CommuneSummary {
  const { catalogue } = options;
  const total = catalogue.criteria.length;
  const bands =
    options.bands === undefined
      ? parseBands(defaultBandsSpec(total), total)
      : typeof options.bands === "string"
        ? parseBands(options.bands, total)
        : options.bands;

  const sum = communes.reduce((s, c) => s + c.count, 0);
  const bandCounts: BandCount[] = bands.map((b) => ({ ...b, count: 0 }));
  for (const c of communes) {
    const band = bandOf(c.count, bands);
    if (band) bandCounts[bands.indexOf(band)].count += 1;
  }

  const summary: CommuneSummary = {
    communes: communes.length,
    averageCriteria: communes.length === 0 ? 0 : sum / communes.length,
    standard: communes.filter((c) => c.count >= total).length,
    bands: bandCounts,
  };

  if (communes.every((c) => c.achieved !== null)) {
    const counts: Record<number, number> = {};
    for (const criterion of catalogue.criteria) counts[criterion.number] = 0;
    for (const c of communes) for (const n of c.achieved ?? []) counts[n] = (counts[n] ?? 0) + 1;
    summary.criterionCounts = counts;
  }

  if (communes.some((c) => c.tier !== undefined)) {
    const tiers: TierCounts = { standard: 0, advanced: 0, model: 0 };
    for (const c of communes) {
      if (c.tier === "standard" || c.tier === "advanced" || c.tier === "model") tiers.standard += 1;
      if (c.tier === "advanced" || c.tier === "model") tiers.advanced += 1;
      if (c.tier === "model") tiers.model += 1;
    }
    summary.tiers = tiers;
  }
  return summary;
}

/** Average to 2 decimals the Vietnamese way: 18.625 → "18,63". */
export function formatAverageVi(value: number): string {
  return (Math.round(value * 100 + 1e-9) / 100).toFixed(2).replace(".", ",");
}
