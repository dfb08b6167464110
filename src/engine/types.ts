// Domain types shared by the planning functions, the readers, the custom functions and the UI.

/** One criterion of a national (or advanced/model) criteria set. */
export interface Criterion {
  number: number;
  vi: string;
  en: string;
  /** Group I-V of the national set (roman numeral), or a free label for user catalogues. */
  group: string;
}

/** A criteria set for a period, e.g. "2021-2025"; data, never code. */
export interface Catalogue {
  id: string;
  label: string;
  criteria: Criterion[];
  /**
   * Indicators (chỉ tiêu) of the criteria, for sets assessed indicator by indicator (2026-2030). The shipped
   * 2026-2030 catalogue has none: thresholds come from the user's policy sheet (see withIndicators).
   */
  indicators?: Indicator[];
  /** How many indicators the decision defines (47 for 2026-2030): a policy sheet with another number is warned. */
  indicatorTotal?: number;
  /** Every commune must state its group (Nhóm xã 1/2/3): true for 2026-2030. */
  requiresGroup?: boolean;
  /** Tiers above "none" this period recognises, lowest first; default standard, advanced, model. */
  tiers?: Exclude<Tier, "none">[];
  /** National targets for the period's end year, editable; a province's own come from its period-targets sheet. */
  targets?: ShareTargets;
  /** The decision that sets the catalogue, shown next to results. */
  source?: string;
}

/** Recognition tiers, nested: an advanced (or modern) commune is also a standard one. */
export type Tier = "none" | "standard" | "advanced" | "model" | "modern";

/** Commune group of the 2026-2030 set (Nhóm xã): each indicator has one requirement per group. */
export type CommuneGroup = 1 | 2 | 3;

export const COMMUNE_GROUPS: readonly CommuneGroup[] = [1, 2, 3];

/**
 * How an indicator's value is compared with its requirement: at least (≥), at most (≤), equal (=), or a
 * met / not met mark (đạt / không đạt).
 */
export type Comparison = ">=" | "<=" | "=" | "pass";

/**
 * A group's requirement: the threshold (for ≥ ≤ =), true for a "đạt" mark (comparison "pass"), or null when the
 * indicator does not apply to the group (không áp dụng), which then counts as met.
 */
export type Requirement = number | true | null;

/** One indicator (chỉ tiêu) of a criterion, numbered within it: "2.1", "2.2", … */
export interface Indicator {
  code: string;
  criterion: number;
  vi: string;
  en: string;
  /** Requirement for commune groups 1, 2 and 3. */
  requirements: Record<CommuneGroup, Requirement>;
  /**
   * The modern tier's requirement (xã nông thôn mới hiện đại), for every group, from the policy sheet's "NTM hiện đại"
   * column; absent when the sheet gives none for the indicator (the group's requirement is all a modern commune needs).
   */
  modern?: Requirement;
  comparison: Comparison;
  /** Unit as the policy writes it ("%", "triệu đồng/người/năm"); values and thresholds share it. */
  unit?: string;
  /** Where the threshold comes from (decision, article), as the user wrote it. */
  source?: string;
}

/** A commune's value for an indicator: a number, a mark (true = đạt), or null when the sheet gives none. */
export type IndicatorValue = number | boolean | null;

/** One indicator evaluated for one commune, with the reason when it is not met. */
export interface IndicatorVerdict {
  code: string;
  criterion: number;
  met: boolean;
  value: IndicatorValue;
  requirement: Requirement;
  /** Why it is (not) met: "72 < 80 (%)", "không áp dụng cho nhóm 1"; absent when a plain mark says met. */
  reason?: { vi: string; en: string };
}

/** Share targets for the period's end year: about 65% of communes at the standard, 10% modern by 2030. */
export interface ShareTargets {
  year: number;
  /** Share of communes at the standard or above, 0..1. */
  standard: number;
  /** Share of communes at the top tier (modern NTM for 2026-2030), 0..1. */
  top?: number;
  /** Where the figures come from. */
  source: string;
  /** A province's own targets as numbers of communes (its period-targets sheet); they win over the shares. */
  counts?: { standard?: number; top?: number };
}

/** Where a value came from, so later errors and warnings can name the cell. */
export interface SourceRef {
  /** The workbook it is in, when that is not the one the job reads (a commune's report collected: its file name). */
  file?: string;
  sheet: string;
  /** A1 address of the row's first cell or of the relevant cell. */
  cell: string;
}

/** A commune's status at the start of planning. */
export interface CommuneStatus {
  name: string;
  /** Optional history since districts were abolished (1 July 2025); never a key for 2026-2030. */
  district?: string;
  /** The cell the district was read from (its column, the top of a merge, or the district's own row). */
  districtSource?: SourceRef;
  /** Administrative code (Mã xã, 5 digits); the commune's key when present. */
  code?: string;
  /** Criteria met, ascending and unique; null when the input only gives a count. */
  achieved: number[] | null;
  /** Number of criteria met (equals achieved.length when achieved is known). */
  count: number;
  tier?: Tier;
  /** Commune group (Nhóm xã 1/2/3) of the 2026-2030 set. */
  group?: CommuneGroup;
  /** Indicator codes met, in catalogue order, when the status was given per indicator. */
  indicatorsMet?: string[];
  /** Every indicator's verdict with its reason, when the status was given per indicator. */
  indicators?: IndicatorVerdict[];
  /** Year the commune registered to reach the standard (đăng ký đạt chuẩn). */
  registeredYear?: number;
  /** Especially difficult commune (xã đặc biệt khó khăn). */
  especiallyDifficult?: boolean;
  source?: SourceRef;
}

/** A non-fatal finding shown next to results, e.g. a list and a count that disagree. */
export interface Warning {
  vi: string;
  en: string;
  /** The workbook the cell is in, when it is not the one the job read (a commune's report `collect` read). */
  file?: string;
  sheet?: string;
  cell?: string;
}
