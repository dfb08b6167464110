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
  /** Modern NTM communes (2026-2030), present when the catalogue recognises that tier. */
  modern?: number;
}

/** The communes of one group (Nhóm xã) and what they meet. */
export interface GroupSummary {
  communes: number;
  standard: number;
  criterionCounts?: Record<number, number>;
  indicatorCounts?: Record<string, number>;
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
  /** Communes meeting each indicator, keyed by code; present when every commune's status is per indicator. */
  indicatorCounts?: Record<string, number>;
  /** The same figures per commune group ("1", "2", "3"), when the communes state their group. */
  groups?: Partial<Record<"1" | "2" | "3", GroupSummary>>;
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

  const criterionCounts = criterionCountsOf(communes, catalogue);
  if (criterionCounts) summary.criterionCounts = criterionCounts;
  const indicatorCounts = indicatorCountsOf(communes, catalogue);
  if (indicatorCounts) summary.indicatorCounts = indicatorCounts;

  if (communes.some((c) => c.tier !== undefined)) {
    const tiers: TierCounts = { standard: 0, advanced: 0, model: 0 };
    if (catalogue.tiers?.includes("modern")) tiers.modern = 0;
    for (const c of communes) {
      if (c.tier !== undefined && c.tier !== "none") tiers.standard += 1;
      if (c.tier === "advanced" || c.tier === "model") tiers.advanced += 1;
      if (c.tier === "model") tiers.model += 1;
      if (c.tier === "modern") tiers.modern = (tiers.modern ?? 0) + 1;
    }
    summary.tiers = tiers;
  }

  if (communes.length > 0 && communes.every((c) => c.group !== undefined)) {
    const groups: CommuneSummary["groups"] = {};
    for (const g of [1, 2, 3] as const) {
      const own = communes.filter((c) => c.group === g);
      if (own.length === 0) continue;
      const group: GroupSummary = {
        communes: own.length,
        standard: own.filter((c) => c.count >= total).length,
      };
      const byCriterion = criterionCountsOf(own, catalogue);
      if (byCriterion) group.criterionCounts = byCriterion;
      const byIndicator = indicatorCountsOf(own, catalogue);
      if (byIndicator) group.indicatorCounts = byIndicator;
      groups[String(g) as "1" | "2" | "3"] = group;
    }
    summary.groups = groups;
  }
  return summary;
}

function criterionCountsOf(
  communes: CommuneStatus[],
  catalogue: Catalogue
): Record<number, number> | undefined {
  if (!communes.every((c) => c.achieved !== null)) return undefined;
  const counts: Record<number, number> = {};
  for (const criterion of catalogue.criteria) counts[criterion.number] = 0;
  for (const c of communes) for (const n of c.achieved ?? []) counts[n] = (counts[n] ?? 0) + 1;
  return counts;
}

function indicatorCountsOf(
  communes: CommuneStatus[],
  catalogue: Catalogue
): Record<string, number> | undefined {
  const indicators = catalogue.indicators ?? [];
  if (indicators.length === 0 || communes.length === 0) return undefined;
  if (!communes.every((c) => c.indicatorsMet !== undefined)) return undefined;
  const counts: Record<string, number> = {};
  for (const i of indicators) counts[i.code] = 0;
  for (const c of communes)
    for (const code of c.indicatorsMet ?? []) if (code in counts) counts[code] += 1;
  return counts;
}

/** Average to 2 decimals the Vietnamese way: 18.625 → "18,63". */
export function formatAverageVi(value: number): string {
  return (Math.round(value * 100 + 1e-9) / 100).toFixed(2).replace(".", ",");
}
