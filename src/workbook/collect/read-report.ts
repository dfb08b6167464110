// One commune report file as `collect` reads it: a filled form (readers/commune-form), else a status table with one
// or more communes found by the one sheet finder and read by readCommunes. Each commune keeps every value's cell.

import { CATALOGUE_2021_2025, CATALOGUE_2026_2030, periodForYear } from "../../engine/catalogues";
import { isMarkMet } from "../../engine/criteria/marks";
import { InputError } from "../../engine/errors";
import type { Catalogue, CommuneGroup, Tier, Warning } from "../../engine/types";
import { columnIndex, columnLetters, type CellValue } from "../grid";
import { detectStatusYear } from "../layout/year";
import type { WorkbookPort } from "../port";
import { looksLikeCommuneForm, readCommuneForm } from "../readers/commune-form";
import {
  looksLikeCommunes,
  looksLikeIndicatorLevelStatus,
  readCommunes,
} from "../readers/communes";
import { findInputSheet } from "../reading/sheet-finder";
import type { TableReading } from "../reading/types";

/** Where one collected value came from. */
export interface ValueSource {
  sheet: string;
  cell: string;
}

/** One commune as a report gave it: its identity, its status values, and the cell of each. */
export interface ReportedCommune {
  name: string;
  code?: string;
  district?: string;
  group?: CommuneGroup;
  tier?: Tier;
  /** Criteria met (by-criterion reports), or null when only a count is given. */
  achieved?: number[] | null;
  count?: number;
  /** Indicator values as typed, by code (by-indicator reports). */
  indicators?: Record<string, CellValue>;
  /** Money raised by source (the form's optional lines), million VND, each with its cell. */
  money?: { source: string; amount: number; cell: string; sourceCell?: string }[];
  /** The cell of each value: "name", "code", "group", "district", "count", "TC5", "2.1"… */
  cells: Record<string, ValueSource>;
}

export interface ReportFile {
  kind: "form" | "table";
  sheet: string;
  /** The criteria set the report is for ("2026-2030"), and what said so. */
  period: string;
  periodFrom: { vi: string; en: string };
  /** The status year the report states, and its cell. */
  year?: { value: number; sheet: string; cell: string };
  communes: ReportedCommune[];
  warnings: Warning[];
  reading: TableReading[];
}

const WHAT = { vi: "báo cáo của xã", en: "commune report" };

/**
 * The catalogue a period's status table is read with: for 2026-2030 the one with the province's policy when given
 * (indicator values are then read as values, else as marks).
 */
function catalogueOf(period: string, policy: Catalogue | undefined): Catalogue {
  return period === CATALOGUE_2026_2030.id ? (policy ?? CATALOGUE_2026_2030) : CATALOGUE_2021_2025;
}

/** A form's period: as it states, else its year's, else by its rows (indicator codes mean 2026-2030). */
function formPeriod(
  form: ReturnType<typeof readCommuneForm>
): Pick<ReportFile, "period" | "periodFrom"> {
  if (form.period)
    return {
      period: form.period.value,
      periodFrom: { vi: `ô ${form.period.cell}`, en: `cell ${form.period.cell}` },
    };
  const byYear = form.year ? periodForYear(form.year.value + 1) : undefined;
  if (byYear)
    return {
      period: byYear,
      periodFrom: { vi: `năm ở ô ${form.year!.cell}`, en: `the year in cell ${form.year!.cell}` },
    };
  return form.byIndicator
    ? {
        period: CATALOGUE_2026_2030.id,
        periodFrom: { vi: "các mã chỉ tiêu", en: "the indicator codes" },
      }
    : {
        period: CATALOGUE_2021_2025.id,
        periodFrom: { vi: "các số tiêu chí", en: "the criterion numbers" },
      };
}

function readForm(sheet: string, form: ReturnType<typeof readCommuneForm>): ReportFile {
  const { period, periodFrom } = formPeriod(form);
  const cells: Record<string, ValueSource> = { name: { sheet, cell: form.name.cell } };
  const commune: ReportedCommune = { name: form.name.value, cells };
  if (form.code) {
    commune.code = form.code.value;
    cells.code = { sheet, cell: form.code.cell };
  }
  if (form.district) {
    commune.district = form.district.value;
    cells.district = { sheet, cell: form.district.cell };
  }
  if (form.group) {
    commune.group = form.group.value;
    cells.group = { sheet, cell: form.group.cell };
  }
  if (form.money.length > 0) commune.money = form.money;
  if (form.byIndicator) {
    commune.indicators = {};
    for (const item of form.items) {
      commune.indicators[item.key] = item.value;
      cells[item.key] = { sheet, cell: item.cell };
    }
  } else {
    const met: number[] = [];
    for (const item of form.items) {
      if (isMarkMet(item.value as string | number | boolean | null)) met.push(Number(item.key));
      cells[`TC${item.key}`] = { sheet, cell: item.cell };
    }
    commune.achieved = met.sort((a, b) => a - b);
    commune.count = met.length;
  }
  return {
    kind: "form",
    sheet,
    period,
    periodFrom,
    ...(form.year ? { year: { value: form.year.value, sheet, cell: form.year.cell } } : {}),
    communes: [commune],
    warnings: form.warnings,
    reading: [form.reading],
  };
}

/** The column of a reading that plays `role` (for `criterion`), as a 0-based index, or undefined. */
function readingColumn(
  reading: TableReading | undefined,
  role: string,
  criterion?: string
): number | undefined {
  const col = reading?.columns.find(
    (c) => c.role === role && c.used && (criterion === undefined || c.criterion === criterion)
  );
  return col ? columnIndex(col.col) : undefined;
}

/** "B7" → 7. */
const rowOf = (cell: string) => Number(/\d+$/.exec(cell)?.[0] ?? 0);

function cellAt(col: number | undefined, row: number, fallback: string): string {
  return col === undefined ? fallback : `${columnLetters(col)}${row}`;
}

/**
 * Reads one workbook: a form on any visible sheet (the first), else the communes table found by the sheet finder
 * (a 2026-2030 look wins when the sheet has commune groups or indicator columns). Throws InputError when neither
 * can be read, naming the sheet and cell.
 */
export async function readReport(
  workbook: WorkbookPort,
  options: { policy?: Catalogue } = {}
): Promise<ReportFile> {
  const form = await findInputSheet(workbook, {
    accepts: looksLikeCommuneForm,
    what: WHAT,
    optional: true,
  });
  if (form) return readForm(form.grid.sheet, readCommuneForm(form.grid));
  const found = await findInputSheet(workbook, {
    accepts: (g) => looksLikeCommunes(g) || looksLikeCommunes(g, CATALOGUE_2026_2030),
    what: {
      vi: "bảng tình trạng các xã hoặc biểu tự đánh giá của xã",
      en: "communes status table or commune form",
    },
  });
  if (!found) {
    throw new InputError({
      expected: {
        vi: `biểu tự đánh giá của xã (ntm-plan template commune) hoặc bảng tình trạng có cột "Tên xã" và các tiêu chí`,
        en: `a commune self-assessment form (ntm-plan template commune) or a status table with "Tên xã" and the criteria`,
      },
    });
  }
  const grid = found.grid;
  const is2026 = looksLikeIndicatorLevelStatus(grid, CATALOGUE_2026_2030);
  const detected = detectStatusYear(grid);
  if (detected.conflict) {
    const c = detected.conflict;
    throw new InputError({
      sheet: c.sheet,
      cell: c.cells[1]?.cell ?? c.cells[0].cell,
      found: c.cells.map((x) => `${x.cell}: ${x.year}`).join("; "),
      expected: { vi: "một năm số liệu cho cả trang", en: "one status year for the whole sheet" },
    });
  }
  const year = detected.found;
  const byYear = year ? periodForYear(year.plan) : undefined;
  const period = is2026 ? CATALOGUE_2026_2030.id : (byYear ?? CATALOGUE_2021_2025.id);
  const periodFrom = is2026
    ? { vi: "cột nhóm xã hoặc cột chỉ tiêu", en: "the commune-group or indicator columns" }
    : byYear
      ? { vi: `năm ở ô ${year!.cell}`, en: `the year in cell ${year!.cell}` }
      : { vi: "mặc định (không ghi năm)", en: "the default (no year stated)" };
  const result = readCommunes(grid, { catalogue: catalogueOf(period, options.policy) });
  const reading = (result as { reading?: TableReading }).reading;
  const sheet = grid.sheet;
  const communes = result.communes.map((c): ReportedCommune => {
    const nameCell = c.source?.cell ?? "A1";
    const row = rowOf(nameCell);
    const cells: Record<string, ValueSource> = { name: { sheet, cell: nameCell } };
    const at = (role: string, criterion?: string) => ({
      sheet,
      cell: cellAt(readingColumn(reading, role, criterion), row, nameCell),
    });
    const out: ReportedCommune = { name: c.name, cells };
    if (c.code) [out.code, cells.code] = [c.code, at("code")];
    if (c.district) [out.district, cells.district] = [c.district, at("district")];
    if (c.group) [out.group, cells.group] = [c.group, at("group")];
    if (c.tier) [out.tier, cells.tier] = [c.tier, at("tier")];
    if (c.indicators) {
      out.indicators = {};
      for (const v of c.indicators) {
        out.indicators[v.code] =
          typeof v.value === "boolean" ? (v.value ? "Đạt" : "Không đạt") : v.value;
        cells[v.code] = at("indicator", v.code);
      }
    } else {
      out.achieved = c.achieved;
      out.count = c.count;
      const list = readingColumn(reading, "list");
      if (c.achieved && list === undefined && readingColumn(reading, "marks") !== undefined) {
        for (const n of c.achieved) cells[`TC${n}`] = at("marks", String(n));
      } else cells.criteria = at(list !== undefined ? "list" : "count");
    }
    return out;
  });
  return {
    kind: "table",
    sheet,
    period,
    periodFrom,
    ...(year ? { year: { value: year.status, sheet: year.sheet, cell: year.cell } } : {}),
    communes,
    warnings: [...found.warnings, ...result.warnings],
    reading: reading ? [reading] : [],
  };
}
