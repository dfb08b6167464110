// What a result assumed: a value neither the user nor the data gave (a declared default, a figure a run of several
// jobs supplied, a policy taken to match the data's period). Each is said where it is used: in the text, in the JSON
// (`assumptions`), on a sheet of its own, and in the report. A value read from the data is not assumed: the reading
// shows it with its source.

import type { Bilingual } from "../engine/errors";
import type { JobOptionSpec, OptionValue } from "../engine/options";
import type { OutputSheet } from "./output";

export interface Assumption {
  /** What was assumed: an option's label, or the thing the job took ("Giai đoạn của chính sách"). */
  what: Bilingual;
  /** The value used, as the user would type it. */
  value: string | number | boolean;
  /** Why it was assumed ("mặc định khi không nhập"). */
  why: Bilingual;
  /** The option it stands for, when one does. */
  option?: string;
}

/** The words every assumption is printed with. */
export const ASSUMED: Bilingual = { vi: "giả định", en: "assumed" };

/** Values a run of several jobs supplies to a job that the user did not give (plan's 1:1), with why. */
export type AssumedOptions = Record<string, { value: OptionValue; why: Bilingual }>;

const DEFAULT_WHY: Bilingual = {
  vi: "mặc định khi không nhập",
  en: "the default when none is given",
};

function blank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
}

/**
 * The declared defaults a job applied because the option was left empty. Yes/no options are not listed: their
 * absence is "no", not an assumed value.
 */
export function defaultAssumptions(
  specs: readonly JobOptionSpec[],
  options: Record<string, unknown>
): Assumption[] {
  return specs
    .filter((s) => s.type !== "boolean" && s.default !== undefined && blank(options[s.id]))
    .map((s) => ({ what: s.label, value: s.default!, why: DEFAULT_WHY, option: s.id }));
}

/** An assumed value as the user would type it: 1,5 in Vietnamese, a year 2024 (never 2.024), text as it is. */
export function assumedValue(value: Assumption["value"], lang: "vi" | "en" = "vi"): string {
  if (typeof value !== "number") return String(value);
  return value.toLocaleString(lang === "vi" ? "vi-VN" : "en-GB", {
    useGrouping: false,
    maximumFractionDigits: 6,
  });
}

/** "giả định / assumed: Làm tròn đến / Round to = 1 (mặc định khi không nhập / the default when none is given)". */
export function assumptionLine(a: Assumption): string {
  const value = assumedValue(a.value);
  return `${ASSUMED.vi} / ${ASSUMED.en}: ${a.what.vi} / ${a.what.en} = ${value} (${a.why.vi} / ${a.why.en})`;
}

/** The result sheet of the assumptions a run made, one row each, with the job that made it. */
export const ASSUMPTIONS_SHEET = "KQ_GiaDinh";

export function assumptionsSheet(rows: { job: Bilingual; assumption: Assumption }[]): OutputSheet {
  return {
    sheet: ASSUMPTIONS_SHEET,
    tables: [
      {
        name: "NTM_GiaDinh",
        title:
          "Giá trị giả định (người dùng và số liệu không cho) / Assumed values (given by neither the user nor the data)",
        columns: [
          { header: "Việc (Job)" },
          { header: "Giả định (Assumed)" },
          { header: "Giá trị (Value)", format: "@" },
          { header: "Lý do (Why)" },
        ],
        rows: rows.map(({ job, assumption: a }) => [
          `${job.vi} / ${job.en}`,
          `${a.what.vi} / ${a.what.en}`,
          assumedValue(a.value),
          `${a.why.vi} / ${a.why.en}`,
        ]),
      },
    ],
  };
}

/** Lines for the text result, one per assumption. */
export function assumptionLines(list: readonly Assumption[]): string[] {
  return list.map(assumptionLine);
}
