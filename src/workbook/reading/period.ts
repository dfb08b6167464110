// Which criteria set a job uses: the period asked for, else the one in force for the plan year, else what the
// status sheet shows (a "Nhóm xã" column or indicator columns mean 2026-2030), else 2021-2025. Always said.

import { CATALOGUE_2026_2030, DEFAULT_PERIOD, periodForYear } from "../../engine/catalogues";
import { findCatalogue } from "../../engine/catalogue-lookup";
import { InputError, type Bilingual } from "../../engine/errors";
import { PLAN_YEAR_OPTION, readOption } from "../../engine/options";
import { withIndicators } from "../../engine/indicators/index";
import type { Catalogue, Warning } from "../../engine/types";
import type { WorkbookPort } from "../port";
import { cellText, gridAddress, type Grid } from "../grid";
import { looksLikeCommunes, looksLikeIndicatorLevelStatus } from "../readers/communes";
import {
  INDICATOR_POLICY_COLUMNS,
  looksLikeIndicatorPolicy,
  readIndicatorPolicyTable,
} from "../readers/indicator-policy";
import { noSheetHoldsIn } from "./input-grid";
import type { TableReading } from "./types";
import { PERIOD_OPTION } from "./period-option";

export { PERIOD_OPTION };
import { readingInput, type InputRef, type RunInputs, type RunOptions } from "./inputs";
import { jobPlanYear, type PlanYear } from "./year";

/** The period a run settled once (see context.ts), with the sheets it was chosen from. */
export interface SettledPeriod {
  choice: PeriodChoice;
  workbook: WorkbookPort;
  /** The status (communes) sheet and the indicator policy sheet it read. */
  status: string;
  indicators?: string;
}

/** What choosing the period reads of a job's request: its inputs, its options and what its run settled. */
export interface PeriodRequest {
  inputs: RunInputs;
  options: RunOptions;
  year?: PlanYear;
  context?: { period?: SettledPeriod };
}

/** The run's period, when the job would choose from the same sheets with nothing of its own to change it. */
function runPeriod(
  request: PeriodRequest,
  extra: Catalogue[],
  status: InputRef | undefined,
  option: string | undefined,
  given: number | undefined
): PeriodChoice | undefined {
  const run = request.context?.period;
  if (!run || extra.length > 0 || option?.trim()) return undefined;
  if (given !== undefined && given !== run.choice.year?.value) return undefined;
  const policy = request.inputs.indicators;
  const same =
    status?.workbook === run.workbook &&
    status.sheet === run.status &&
    (policy === undefined || (policy.workbook === run.workbook && policy.sheet === run.indicators));
  return same ? run.choice : undefined;
}

export type PeriodReason = "option" | "year" | "sheet" | "default";

export interface PeriodChoice {
  catalogue: Catalogue;
  reason: PeriodReason;
  /** One line for the result: "Giai đoạn 2026-2030 (năm kế hoạch 2027)". */
  note: Bilingual;
  /** The policy sheet the indicators came from, when the set is indicator-level and one was found. */
  policySheet?: string;
  /** The plan year: the option given, else the one the run settled, else the status sheet's (see year.ts). */
  year?: PlanYear;
  warnings: Warning[];
  /** The tables read to choose (the indicator policy). */
  readings: TableReading[];
}

/** The plan year option ("year"), when given. */
export function planYear(request: PeriodRequest): number | undefined {
  return readOption({ id: "year", ...PLAN_YEAR_OPTION.spec }, request.options.year) as
    number | undefined;
}

/** The first input sheet of the status workbook (the named one, else any) that is a communes list of the given set. */
async function statusOfSet(ref: InputRef | undefined, set: Catalogue): Promise<string | null> {
  if (!ref) return null;
  const names = ref.sheet ? [ref.sheet] : await ref.workbook.sheetNames();
  for (const name of names) {
    if (/^kq[_ ]/i.test(name)) continue;
    if (looksLikeCommunes(await ref.workbook.readSheet(name), set)) return name;
  }
  return null;
}

/** The cell a refusal about a whole status sheet points at: its "Tên xã" header, else its first filled cell. */
function headerCell(grid: Grid): string {
  let first: string | null = null;
  for (let r = 0; r < grid.rows.length; r++) {
    const line = grid.rows[r] ?? [];
    for (let c = 0; c < line.length; c++) {
      const text = cellText(line[c] ?? null).trim();
      if (text === "") continue;
      if (/^(?:tên xã|ten xa|xã|commune)$/i.test(text)) return gridAddress(grid, r, c);
      first ??= gridAddress(grid, r, c);
    }
  }
  return first ?? "A1";
}

/**
 * When the plan year chose the period and the status sheet is plainly of the other one (a 19-criteria table for a
 * 2026-2030 year, a per-group indicator table for an earlier year), the refusal says first that the year switched
 * the period, and what the sheet is, rather than asking for a column the other set needs.
 */
async function refuseYearAgainstSheet(
  catalogue: Catalogue,
  year: PlanYear,
  status: InputRef | undefined
): Promise<void> {
  const is2026 = catalogue.requiresGroup === true;
  const other = is2026 ? findCatalogue(DEFAULT_PERIOD, []) : CATALOGUE_2026_2030;
  const sheet = is2026 ? await statusOfSet(status, other) : await statusLooks2026(status);
  if (!sheet) return;
  if (is2026 && (await statusLooks2026(status))) return;
  const cell = headerCell(await status!.workbook.readSheet(sheet));
  const from =
    year.source === "option"
      ? {
          vi: `Năm kế hoạch ${year.value} đã nhập (--${year.option ?? "year"})`,
          en: `The plan year ${year.value} given (--${year.option ?? "year"})`,
        }
      : {
          vi: `Năm kế hoạch ${year.value} (${year.note.vi})`,
          en: `The plan year ${year.value} (${year.note.en})`,
        };
  throw new InputError({
    because: {
      vi: `${from.vi} thuộc giai đoạn ${catalogue.id}, nên dùng bộ tiêu chí ${catalogue.id}`,
      en: `${from.en} falls in ${catalogue.id}, so the ${catalogue.id} criteria set applies`,
    },
    sheet,
    cell,
    expected: is2026
      ? {
          vi: `số liệu theo bộ ${catalogue.id} (cột "Nhóm xã", các chỉ tiêu); trang '${sheet}' là số liệu theo bộ ${other.id} (${other.criteria.length} tiêu chí): nhập năm kế hoạch trong giai đoạn ${other.id} hoặc chọn giai đoạn (period) ${other.id}`,
          en: `data of the ${catalogue.id} set ("Nhóm xã" column, indicators); sheet '${sheet}' holds ${other.id} data (${other.criteria.length} criteria): give a plan year within ${other.id} or the period ${other.id}`,
        }
      : {
          vi: `số liệu theo bộ ${catalogue.id} (${catalogue.criteria.length} tiêu chí); trang '${sheet}' là số liệu theo bộ ${other.id} (cột "Nhóm xã", các chỉ tiêu): bỏ năm kế hoạch này, nhập năm trong giai đoạn ${other.id} hoặc chọn giai đoạn (period) ${other.id}`,
          en: `data of the ${catalogue.id} set (${catalogue.criteria.length} criteria); sheet '${sheet}' holds ${other.id} data ("Nhóm xã" column, indicators): give a plan year within ${other.id} or the period ${other.id}`,
        },
  });
}

async function statusLooks2026(ref: InputRef | undefined): Promise<string | null> {
  if (!ref) return null;
  const names = ref.sheet ? [ref.sheet] : await ref.workbook.sheetNames();
  for (const name of names) {
    if (/^kq[_ ]/i.test(name)) continue;
    if (looksLikeIndicatorLevelStatus(await ref.workbook.readSheet(name), CATALOGUE_2026_2030)) {
      return name;
    }
  }
  return null;
}

/** The indicator policy: the named sheet, else a sheet that looks like one (in the policy's workbook or the status's). */
async function readPolicy(
  ref: InputRef | undefined,
  fallback: WorkbookPort | undefined
): Promise<({ sheet: string } & ReturnType<typeof readIndicatorPolicyTable>) | null> {
  if (ref?.sheet) {
    const grid = await ref.workbook.readSheet(ref.sheet);
    return { sheet: grid.sheet, ...readIndicatorPolicyTable(grid) };
  }
  const workbook = ref?.workbook ?? fallback;
  if (!workbook) return null;
  for (const name of await workbook.sheetNames()) {
    if (/^kq[_ ]/i.test(name)) continue;
    const grid = await workbook.readSheet(name);
    if (looksLikeIndicatorPolicy(grid)) return { sheet: name, ...readIndicatorPolicyTable(grid) };
  }
  if (ref) {
    throw await noSheetHoldsIn(workbook, {
      what: { vi: "bảng chỉ tiêu theo nhóm xã", en: "indicator policy sheet" },
      needed: {
        vi: `cột "Mã chỉ tiêu", "Tên chỉ tiêu", "Nhóm 1", "Nhóm 2", "Nhóm 3"`,
        en: `the columns "Mã chỉ tiêu" (code), "Tên chỉ tiêu" (name), "Nhóm 1", "Nhóm 2", "Nhóm 3"`,
      },
      layouts: [INDICATOR_POLICY_COLUMNS],
    });
  }
  return null;
}

/**
 * The catalogue for a job: `period` option, else `year` option, else the status sheet's look, else 2021-2025. A job
 * that parsed the year option with its own declaration hands it (`given`); else it is read here.
 * For an indicator-level set the indicators come from the "indicators" input, or from a policy sheet found in the
 * status workbook; without one the status sheet's headers define them (see indicatorStatusReader).
 */
export async function choosePeriod(
  request: PeriodRequest,
  extra: Catalogue[],
  status: InputRef | undefined,
  given: number | undefined = planYear(request),
  /** A job refuses a year whose period the status sheet plainly is not of; settling a run's context does not. */
  refuseMismatch = true
): Promise<PeriodChoice> {
  // Read by its one declaration, as every job that offers it declares it.
  const option = readOption({ id: "period", ...PERIOD_OPTION.spec }, request.options.period) as
    string | undefined;
  // Settled once for the run (plan, report): taken as it is when nothing of this job's would change it.
  const settledForRun = runPeriod(request, extra, status, option, given);
  if (settledForRun) {
    if (refuseMismatch && settledForRun.reason === "year" && settledForRun.year) {
      await refuseYearAgainstSheet(settledForRun.catalogue, settledForRun.year, status);
    }
    return settledForRun;
  }
  const settled = await jobPlanYear(request, given, [[status, "communes"]]);
  const year = settled.year?.value;
  let choice: Omit<PeriodChoice, "warnings" | "year" | "readings">;
  if (option?.trim()) {
    const catalogue = findCatalogue(option, extra);
    choice = {
      catalogue,
      reason: "option",
      note: { vi: `Bộ tiêu chí ${catalogue.id}`, en: `Criteria set ${catalogue.id}` },
    };
  } else if (year !== undefined) {
    const period = periodForYear(year);
    if (!period) {
      throw new InputError({
        sheet: settled.year?.sheet,
        cell: settled.year?.cell,
        found: `year = ${year}`,
        expected: {
          vi: `năm kế hoạch trong một giai đoạn đã biết (2011-2030), hoặc chọn giai đoạn (period)`,
          en: `a plan year within a known period (2011-2030), or a period`,
        },
      });
    }
    const catalogue = findCatalogue(period, extra);
    if (refuseMismatch) await refuseYearAgainstSheet(catalogue, settled.year!, status);
    choice = {
      catalogue,
      reason: "year",
      note: {
        vi: `Bộ tiêu chí ${catalogue.id} (giai đoạn hiện hành của năm kế hoạch ${year})`,
        en: `Criteria set ${catalogue.id} (the period in force for plan year ${year})`,
      },
    };
  } else {
    const sheet = await statusLooks2026(status);
    const catalogue = findCatalogue(sheet ? CATALOGUE_2026_2030.id : DEFAULT_PERIOD, extra);
    choice = sheet
      ? {
          catalogue,
          reason: "sheet",
          note: {
            vi: `Bộ tiêu chí ${catalogue.id} (trang '${sheet}' có cột nhóm xã hoặc cột chỉ tiêu; chọn giai đoạn để đổi)`,
            en: `Criteria set ${catalogue.id} (sheet '${sheet}' has a commune-group or indicator columns; give a period to change it)`,
          },
        }
      : {
          catalogue,
          reason: "default",
          note: {
            vi: `Bộ tiêu chí ${catalogue.id} (mặc định; cho năm kế hoạch 2027 dùng năm kế hoạch hoặc giai đoạn 2026-2030)`,
            en: `Criteria set ${catalogue.id} (default; for a 2027 plan give the plan year or the period 2026-2030)`,
          },
        };
  }
  const warnings: Warning[] = [...settled.warnings];
  if (choice.catalogue.requiresGroup || (choice.catalogue.indicators?.length ?? 0) > 0) {
    const policyRef = request.inputs.indicators;
    const policy = await readingInput(policyRef, () => readPolicy(policyRef, status?.workbook));
    if (policy) {
      const made = withIndicators(choice.catalogue, policy.indicators);
      for (const w of made.warnings) warnings.push({ ...w, sheet: policy.sheet });
      return {
        ...choice,
        catalogue: made.catalogue,
        policySheet: policy.sheet,
        year: settled.year,
        warnings,
        readings: [policy.reading],
      };
    }
  }
  return { ...choice, year: settled.year, warnings, readings: [] };
}
