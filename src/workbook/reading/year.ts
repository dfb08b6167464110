// The plan year a job works for and where it came from: the year the user gave (--year, the task pane's field), else
// the data (a year column, the status sheet's title, a status date; see layout/year.ts), else nothing — never the
// calendar. The plan year is the status year + 1: the status is at the end of the year before the plan.

import { InputError, type Bilingual } from "../../engine/errors";
import { labelKey } from "../../engine/text";
import type { Warning } from "../../engine/types";
import type { Grid } from "../grid";
import { gridAddress } from "../grid";
import { detectStatusYear, titleLines, type YearConflict, type YearFinding } from "../layout/year";
import { inputSheetNames } from "./sheet-finder";
import { isInputKind } from "./detect";
import type { InputKind, InputRef } from "./inputs";

export type PlanYearSource = "option" | YearFinding["kind"];

/** The plan year and the status year, with the option or the cell that says them. */
export interface PlanYear {
  /** The year planned: the targets are for its end, the money is its plan. */
  value: number;
  /** The year whose end the status figures show (value − 1). */
  status: number;
  source: PlanYearSource;
  /** The option that gave it (source "option"): "year", "from". */
  option?: string;
  sheet?: string;
  cell?: string;
  /** The cell's words that gave it ("…đến cuối năm 2023"), or the column's header. */
  text?: string;
  /** Periods the title names ("2021-2025"), when from a title. */
  periods?: string[];
  /** One line for the result: "Năm hiện trạng 2023, năm kế hoạch 2024 (lấy từ tiêu đề trang 'Xã', ô A1: …)". */
  note: Bilingual;
}

export interface SettledYear {
  year?: PlanYear;
  warnings: Warning[];
}

/** How the user gives the year where they run the job (CLI flag and the task pane's field). */
function askFor(option: string): Bilingual {
  return option === "from"
    ? {
        vi: `--year hoặc --from (ô "Năm kế hoạch" hoặc "Từ năm" trong ngăn tác vụ)`,
        en: `--year or --from (the "Plan year" or "From year" field in the task pane)`,
      }
    : {
        vi: `--year (ô "Năm kế hoạch" trong ngăn tác vụ)`,
        en: `--year (the "Plan year" field in the task pane)`,
      };
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/** Where a finding comes from, in words: "tiêu đề trang 'Xã', ô A1: "…đến cuối năm 2023"". */
function whereFound(f: YearFinding): Bilingual {
  switch (f.kind) {
    case "title":
      return {
        vi: `tiêu đề trang '${f.sheet}', ô ${f.cell}: "${quote(f.phrase ?? f.text)}"`,
        en: `the title of sheet '${f.sheet}', cell ${f.cell}`,
      };
    case "column":
      return {
        vi: `cột "${f.text}" của trang '${f.sheet}', ô ${f.cell}: ${f.phrase}`,
        en: `the "${f.text}" column of sheet '${f.sheet}', cell ${f.cell}`,
      };
    case "date":
      return {
        vi: `ngày số liệu (cột "${f.text}") của trang '${f.sheet}', ô ${f.cell}: ${f.phrase}`,
        en: `the status date ("${f.text}" column) of sheet '${f.sheet}', cell ${f.cell}`,
      };
  }
}

/** The plan year a finding gives, with its note. */
export function yearFromFinding(f: YearFinding): PlanYear {
  const where = whereFound(f);
  return {
    value: f.plan,
    status: f.status,
    source: f.kind,
    sheet: f.sheet,
    cell: f.cell,
    text: f.kind === "title" ? (f.phrase ?? f.text) : f.text,
    ...(f.periods.length > 0 ? { periods: f.periods } : {}),
    note: {
      vi: `Năm hiện trạng ${f.status}, năm kế hoạch ${f.plan} (lấy từ ${where.vi})`,
      en: `status year ${f.status}, plan year ${f.plan} (from ${where.en})`,
    },
  };
}

/** The plan year the user gave, with its note. */
export function yearFromOption(value: number, option = "year"): PlanYear {
  return {
    value,
    status: value - 1,
    source: "option",
    option,
    note: {
      vi: `Năm kế hoạch ${value} (theo --${option}), năm hiện trạng ${value - 1}`,
      en: `plan year ${value} (given with --${option}), status year ${value - 1}`,
    },
  };
}

function conflictCells(c: YearConflict): string {
  return c.cells.map((x) => `ô/cell ${x.cell}: ${x.year}`).join("; ");
}

/**
 * The plan year from the year the user gave and the sheets, in order (status sheet first): the given one wins, with
 * a warning naming the cell of data that says otherwise; else the first sheet that names a year. Two years in one
 * sheet are refused (or, with a given year, warned). Later sheets that disagree with the first are warned.
 */
export function settlePlanYear(
  given: number | undefined,
  grids: Grid[],
  option = "year"
): SettledYear {
  const warnings: Warning[] = [];
  let found: YearFinding | undefined;
  for (const grid of grids) {
    const d = detectStatusYear(grid);
    if (d.conflict) {
      const c = d.conflict;
      if (given === undefined && found === undefined) {
        throw new InputError({
          sheet: c.sheet,
          cell: c.cells[1]?.cell ?? c.cells[0].cell,
          found: c.cells[1]?.text ?? c.cells[0].text,
          expected: {
            vi: `một năm số liệu cho cả trang (${conflictCells(c)} ghi năm khác nhau); sửa số liệu hoặc cho năm kế hoạch bằng ${askFor(option).vi}`,
            en: `one status year for the whole sheet (${conflictCells(c)} give different years); correct the data or give the plan year with ${askFor(option).en}`,
          },
        });
      }
      warnings.push({
        sheet: c.sheet,
        cell: c.cells[0].cell,
        vi: `Trang '${c.sheet}' ghi năm số liệu khác nhau (${conflictCells(c)}); không dùng để xác định năm`,
        en: `Sheet '${c.sheet}' gives different status years (${conflictCells(c)}); not used for the year`,
      });
      continue;
    }
    if (!d.found) continue;
    const f = d.found;
    const against = given ?? found?.plan;
    if (against !== undefined && f.plan !== against) {
      const where = whereFound(f);
      const chosen =
        given !== undefined ? `--${option} ${given}` : `${found!.plan} (${whereFound(found!).vi})`;
      const chosenEn =
        given !== undefined ? `--${option} ${given}` : `${found!.plan} (${whereFound(found!).en})`;
      warnings.push({
        sheet: f.sheet,
        cell: f.cell,
        vi: `Năm kế hoạch: ${where.vi} cho năm hiện trạng ${f.status}, năm kế hoạch ${f.plan}, khác với ${chosen}; dùng ${against}`,
        en: `Plan year: ${where.en} gives status year ${f.status}, plan year ${f.plan}, unlike ${chosenEn}; using ${against}`,
      });
    }
    found ??= f;
  }
  if (given !== undefined) return { year: yearFromOption(given, option), warnings };
  return { year: found ? yearFromFinding(found) : undefined, warnings };
}

/** Where a sheet's year would be said: its first title line, else its top-left cell (A1 for most sheets). */
export function titleCell(grid: Grid): { sheet: string; cell: string } {
  const first = titleLines(grid)[0];
  return { sheet: grid.sheet, cell: gridAddress(grid, first?.row ?? 0, first?.col ?? 0) };
}

/**
 * The refusal when neither the user nor the data gives the year: ask for it, naming the cell where the year would be
 * said (the sheet's title) or the cell that needs it (a commune registered for a year).
 */
export function yearMissing(
  at: { sheet?: string; cell?: string } | undefined,
  option = "year",
  why?: Bilingual
): InputError {
  const ask = askFor(option);
  const need = why ? { vi: ` (${why.vi})`, en: ` (${why.en})` } : { vi: "", en: "" };
  return new InputError({
    sheet: at?.sheet,
    cell: at?.cell,
    option,
    expected: {
      vi: `năm kế hoạch${need.vi}: số liệu không ghi năm (không có cột "Năm", tiêu đề trang không ghi năm như "đến cuối năm 2023", không có ngày số liệu) — cho năm kế hoạch bằng ${ask.vi}, ví dụ 2024 cho số liệu đến cuối năm 2023`,
      en: `the plan year${need.en}: the data do not say it (no "Năm" column, no year in the sheet's title such as "đến cuối năm 2023", no status date) — give the plan year with ${ask.en}, e.g. 2024 for data at the end of 2023`,
    },
  });
}

/** Headers naming the communes of a status sheet: a cheap test, so the year costs no second header search. */
const COMMUNE_NAME_HEADERS = new Set(["ten xa", "xa", "ten xa, phuong", "ten don vi xa"]);

function namesCommunes(grid: Grid): boolean {
  return grid.rows
    .slice(0, 30)
    .some((row) => row.some((v) => typeof v === "string" && COMMUNE_NAME_HEADERS.has(labelKey(v))));
}

/**
 * The sheet of an input: the one named, else the first visible one that looks like its kind; null when there is none.
 * Read quietly: which sheet the job itself reads (and any note on the choice) is the job's reader's business.
 */
async function inputGridOf(ref: InputRef | undefined, kind: InputKind): Promise<Grid | null> {
  if (!ref) return null;
  if (ref.sheet) return ref.workbook.readSheet(ref.sheet).catch(() => null);
  for (const name of await inputSheetNames(ref.workbook)) {
    const grid = await ref.workbook.readSheet(name);
    if (kind === "communes" ? namesCommunes(grid) : isInputKind(kind, grid)) return grid;
  }
  return null;
}

/**
 * A job's plan year: the option given (`option`, default "year"), else the year its caller settled for the whole run
 * (request.year: plan, report), else the data of its input sheets, in the order given ([input, kind]).
 */
export async function jobPlanYear(
  request: { year?: PlanYear },
  given: number | undefined,
  inputs: [InputRef | undefined, InputKind][],
  option = "year"
): Promise<SettledYear & { sheets: string[] }> {
  if (given === undefined && request.year) return { year: request.year, warnings: [], sheets: [] };
  const grids: Grid[] = [];
  for (const [ref, kind] of inputs) {
    const grid = await inputGridOf(ref, kind);
    if (grid && !grids.some((g) => g.sheet === grid.sheet)) grids.push(grid);
  }
  return { ...settlePlanYear(given, grids, option), sheets: grids.map((g) => g.sheet) };
}

/** The plan year's line in a job's text: "Năm hiện trạng 2023, năm kế hoạch 2024 (lấy từ …) / status year 2023, …". */
export function yearLine(year: PlanYear | undefined): string[] {
  return year ? [`${year.note.vi} / ${year.note.en}`] : [];
}

/**
 * A job's result with its plan year: `planYear` in the JSON (null when unknown) and the year's line closing the text
 * (its first line stays the job's headline, e.g. "no limit"), unless the run already printed it (request.year).
 */
export function withPlanYear<R extends { json: Record<string, unknown>; text: string }>(
  result: R,
  year: PlanYear | undefined,
  request: { year?: PlanYear }
): R {
  const line = year === request.year ? [] : yearLine(year);
  return {
    ...result,
    json: { ...result.json, planYear: year ?? null },
    text: [result.text, ...line].join("\n"),
  };
}
