// What the pane's form says around each option: the hint (said once), the unit the data gives it, the defaults that
// follow the workbook's period, and job texts without the CLI's flag names.

import { defaultBandsSpec } from "../engine/criteria/bands";
import type { Bilingual } from "../engine/errors";
import { UNITS, type JobOptionSpec, type OptionUnit } from "../engine/options";
import type { Catalogue } from "../engine/types";
import type { JobSpec } from "../workbook/jobs/job";
import { pick, UI, type Lang } from "./i18n";

/** The unit a budget is counted in, as the form labels it: money, criteria or indicators. */
export type BudgetUnitKey = "million-vnd" | "criteria" | "indicators";

/** Unit words of the form, the options' own and the budget's "indicators". */
export function unitWords(unit: OptionUnit | BudgetUnitKey, lang: Lang): string {
  if (unit === "indicators") return lang === "vi" ? "chỉ tiêu" : "indicators";
  return pick(UNITS[unit], lang);
}

/** True for the 2026-2030 kind of set, assessed indicator by indicator. */
export function isIndicatorSet(catalogue: Catalogue | undefined): boolean {
  return !!catalogue && (catalogue.indicatorTotal !== undefined || !!catalogue.indicators);
}

/**
 * What the budget of a plan counts, as the job will count it: money with a costs sheet (or a cost per criterion);
 * without, each criterion counts 1 (2021-2025), or each indicator costs the default cost (2026-2030: 1 makes the
 * budget a number of indicators). Undefined for a job without a budget.
 */
export function budgetUnit(
  job: JobSpec,
  costsSheet: string | undefined,
  options: Record<string, unknown>,
  catalogue: Catalogue | undefined
): BudgetUnitKey | undefined {
  const budget = job.options.find((o) => o.id === "budget");
  if (!budget || budget.unit !== "million-vnd" || !job.inputs.some((i) => i.kind === "costs"))
    return undefined;
  if (costsSheet !== undefined) return "million-vnd";
  if (isIndicatorSet(catalogue))
    return options["default-cost"] === 1 ? "indicators" : "million-vnd";
  return typeof options.cost === "number" ? "million-vnd" : "criteria";
}

/** The bands of the workbook's criteria set: 10-criterion bands for a 2026-2030 file, 19-criterion ones before. */
export function bandsFor(catalogue: Catalogue | undefined): string | undefined {
  return catalogue ? defaultBandsSpec(catalogue.criteria.length) : undefined;
}

/**
 * The options a run is given. Bands the user did not type are left for the job to choose by the criteria set it
 * reads: a run started before the pane knew the workbook's period (its reading loads with the jobs' code) would
 * otherwise send the 19-criterion default the field still shows for a 10-criterion file, and the job would warn
 * about bands nobody typed. Not typed: the bands the form filled in for the period, or, before it knew the period,
 * the declared default.
 */
export function optionsForRun<T extends Record<string, unknown>>(
  job: JobSpec,
  options: T,
  filledBands: string | undefined
): T {
  const declared = job.options.find((o) => o.id === "bands");
  if (!declared) return options;
  const now = options.bands;
  const typed =
    filledBands !== undefined ? now !== filledBands : now !== undefined && now !== declared.default;
  if (typed) return options;
  const given = { ...options };
  delete given.bands;
  return given;
}

/**
 * A job's text as the pane shows it: the CLI's flags ("--budget") named by the form's own labels ("Ngân sách năm"),
 * so that a user of the pane is never told about an option they cannot see.
 */
export function withoutFlags(text: string, job: JobSpec | undefined, lang: Lang): string {
  return text.replace(/(^|[\s(/,;])--([a-z][a-z0-9-]*)/g, (_, before: string, id: string) => {
    const option = job?.options.find((o) => o.id === id);
    const label = option ? pick(option.label, lang) : id.replace(/-/g, " ");
    return `${before}“${label}”`;
  });
}

/** Both languages of a job's text without flags. */
export function bilingualWithoutFlags(text: Bilingual, job: JobSpec | undefined): Bilingual {
  return { vi: withoutFlags(text.vi, job, "vi"), en: withoutFlags(text.en, job, "en") };
}

const NOT_USED: Bilingual = { vi: "không dùng", en: "not used" };
const DEFAULT: Bilingual = { vi: "mặc định", en: "default" };

/** A value as the form writes it (Vietnamese decimal comma). */
export function formatOptionValue(value: string | number | boolean, lang: Lang): string {
  if (typeof value === "number")
    return value.toLocaleString(lang === "vi" ? "vi-VN" : "en-US", {
      maximumFractionDigits: 6,
      useGrouping: false,
    });
  return String(value);
}

/**
 * The hint under a field, said once: the option's help, then what an empty field means ("Để trống: không giới hạn",
 * "Để trống: mặc định 60"), unless the help says it already. No flag names.
 */
export function optionHint(
  option: JobOptionSpec,
  lang: Lang,
  job: JobSpec | undefined,
  shownDefault?: string | number
): string | undefined {
  const help = option.help ? withoutFlags(pick(option.help, lang), job, lang) : "";
  const fallback = shownDefault ?? option.default;
  const empty =
    option.type === "boolean" || option.type === "choice" || option.required
      ? ""
      : fallback !== undefined && typeof fallback !== "boolean"
        ? `${pick(DEFAULT, lang)} ${typeof fallback === "string" ? `“${fallback}”` : formatOptionValue(fallback, lang)}`
        : option.absent
          ? withoutFlags(pick(option.absent, lang), job, lang)
          : pick(NOT_USED, lang);
  const emptyWords = pick(UI.empty, lang);
  const saysEmpty = help.toLowerCase().includes(emptyWords.toLowerCase());
  const parts = [help, empty && !saysEmpty ? `${emptyWords}: ${empty}` : ""].filter(Boolean);
  return parts.join(". ") || undefined;
}
