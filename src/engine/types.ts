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
}

/** Recognition tiers, nested: an advanced commune is also a standard one. */
export type Tier = "none" | "standard" | "advanced" | "model";

/** Where a value came from, so later errors and warnings can name the cell. */
export interface SourceRef {
  sheet: string;
  /** A1 address of the row's first cell or of the relevant cell. */
  cell: string;
}

/** A commune's status at the start of planning. */
export interface CommuneStatus {
  name: string;
  district?: string;
  code?: string;
  /** Criteria met, ascending and unique; null when the input only gives a count. */
  achieved: number[] | null;
  /** Number of criteria met (equals achieved.length when achieved is known). */
  count: number;
  tier?: Tier;
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
  sheet?: string;
  cell?: string;
}
