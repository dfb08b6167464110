// Reads an allocation table: one row per unit with its coefficient (Hệ số) and/or need (Nhu cầu), optional min/cap.

import type { AllocationBasis, AllocationField, AllocationUnit } from "../../engine/allocation";
import { InputError } from "../../engine/errors";
import { labelKey } from "../../engine/text";
import type { SourceRef, Warning } from "../../engine/types";
import { gridAddress, type Grid } from "../grid";
import {
  isGrandTotalLabel,
  isGroupLabel,
  isTotalLabel,
  notACommune,
  rowSaid,
  wardKind,
  markerKind,
  rowTexts,
} from "../layout/labels";
import {
  addressAt,
  ignoredRowsWarning,
  noteColumns,
  unitReading,
  tryLocateTable,
  locateTable,
  numberCell,
  textCell,
  type ColumnSpec,
  type LocatedTable,
} from "./table";

import { skipRow, tableReading } from "../reading/record";
import type { TableReading } from "../reading/types";

export const COEFFICIENT_COLUMNS: ColumnSpec[] = [
  // A merged commune's administrative code: the key of its row where given (no districts from 2026 on).
  { key: "code", aliases: ["Mã xã", "Mã đơn vị", "Mã ĐVHC", "Commune code", "Code"] },
  {
    key: "unit",
    aliases: ["Đơn vị", "Tên đơn vị", "Đơn vị hành chính", "Tên xã", "Unit", "Commune"],
    required: true,
  },
  { key: "coefficient", aliases: ["Hệ số", "Hệ số phân bổ", "Coefficient", "Score", "Điểm"] },
  { key: "need", aliases: ["Nhu cầu", "Nhu cầu vốn", "Need"] },
  { key: "min", aliases: ["Tối thiểu", "Mức tối thiểu", "Minimum", "Min"] },
  { key: "cap", aliases: ["Tối đa", "Mức tối đa", "Cap", "Maximum", "Max"] },
];

const WHAT = { vi: "bảng hệ số phân bổ", en: "allocation coefficients table" };

export interface CoefficientsTable {
  sheet: string;
  units: AllocationUnit[];
  /** "need" when the table has a Nhu cầu column and no Hệ số column. */
  basis: AllocationBasis;
  /** The cell of each unit's name, in the order of units. */
  sources: SourceRef[];
  /** The header cells of the score, minimum and cap columns: what an error about their sums names. */
  columnCells: Partial<Record<AllocationField, SourceRef>>;
  warnings: Warning[];
  reading: TableReading;
}

function hasWeights(table: LocatedTable): boolean {
  return table.columns.coefficient !== undefined || table.columns.need !== undefined;
}

/** True when a sheet looks like a coefficients table (used to find it among a workbook's sheets). */
export function isCoefficientsSheet(grid: Grid): boolean {
  const t = tryLocateTable(grid, COEFFICIENT_COLUMNS);
  return t !== null && hasWeights(t);
}

/**
 * Reads units and their coefficients. The header row may be anywhere in the first rows, in Vietnamese with or
 * without diacritics or in English; total rows ("Tổng cộng") are skipped. Every problem names its cell.
 */
export function readCoefficients(
  grid: Grid,
  opts: { basis?: AllocationBasis } = {}
): CoefficientsTable {
  const table = locateTable(grid, COEFFICIENT_COLUMNS, WHAT);
  if (!hasWeights(table)) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, table.headerRow, 0),
      expected: {
        vi: `${WHAT.vi}: một cột "Hệ số" hoặc "Nhu cầu" bên cạnh cột "Đơn vị"`,
        en: `${WHAT.en}: a "Hệ số" (coefficient) or "Nhu cầu" (need) column next to "Đơn vị" (unit)`,
      },
    });
  }
  const basis: AllocationBasis =
    opts.basis ?? (table.columns.coefficient === undefined ? "need" : "coefficient");
  if (table.columns[basis] === undefined) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, table.headerRow, 0),
      expected: {
        vi: `${WHAT.vi}: một cột "${basis === "need" ? "Nhu cầu" : "Hệ số"}"`,
        en: `${WHAT.en}: a "${basis === "need" ? "Nhu cầu" : "Hệ số"}" (${basis}) column`,
      },
    });
  }
  const units: AllocationUnit[] = [];
  const sources: SourceRef[] = [];
  const warnings: Warning[] = [];
  const seen = new Map<string, string>();
  const col = (key: string) => table.columns[key];
  const ignored = ignoredRowsWarning(table);
  if (ignored) warnings.push(ignored);
  // Units since the last subtotal, and all units: what a subtotal and a total cover.
  let sinceSubtotal: { row: number; weight: number }[] = [];
  const all: { row: number; weight: number }[] = [];
  const basisCol = col(basis);
  for (const row of table.dataRows) {
    const name = textCell(grid, row, col("unit"), { vi: "tên đơn vị", en: "unit name" });
    // A total or subtotal row, labelled in the unit column or (merged) in another one such as TT.
    const totalText = rowTexts(grid.rows[row] ?? []).find((t) => isTotalLabel(t.text));
    if (totalText) {
      const grand = isGrandTotalLabel(totalText.text);
      skipRow(
        table,
        row,
        grand ? "total" : "subtotal",
        grand
          ? { vi: "dòng tổng cộng, không được phân bổ", en: "total row, gets no allocation" }
          : { vi: "dòng cộng nhóm, không được phân bổ", en: "subtotal row, gets no allocation" }
      );
      const stated = numberCell(grid, row, basisCol, { what: { vi: "tổng", en: "total" } });
      const covered = grand && sinceSubtotal.length < all.length ? all : sinceSubtotal;
      const sumOf = (units: { weight: number }[]) => units.reduce((s, u) => s + u.weight, 0);
      const agrees = (units: { weight: number }[]) =>
        units.length > 0 &&
        Math.abs(stated! - sumOf(units)) <= 1e-9 * Math.max(1, Math.abs(stated!));
      if (stated !== null && covered.length > 0 && !agrees(sinceSubtotal) && !agrees(all)) {
        const computed = sumOf(covered);
        {
          const cell = gridAddress(grid, row, basisCol);
          const range = `${gridAddress(grid, covered[0].row, basisCol)}:${gridAddress(grid, covered[covered.length - 1].row, basisCol)}`;
          warnings.push({
            sheet: grid.sheet,
            cell,
            vi: `"${totalText.text}" (ô ${cell}) ghi ${stated} nhưng các dòng ${range} cộng lại ${computed}; dòng tổng không được phân bổ`,
            en: `"${totalText.text}" (cell ${cell}) states ${stated} but rows ${range} add up to ${computed}; the total row gets no allocation`,
          });
        }
      }
      sinceSubtotal = [];
      continue;
    }
    const ward = name === null ? null : wardKind(name);
    if (ward !== null) {
      // NTM applies to communes (xã) only: a ward, town or special zone listed among them gets no allocation.
      const cell = addressAt(table, row, "unit");
      const why = notACommune(ward, name!, { vi: "không phân bổ", en: "no allocation" });
      skipRow(table, row, "ward", why);
      warnings.push({ sheet: grid.sheet, cell, ...rowSaid(row + grid.origin.row + 1, cell, why) });
      continue;
    }
    const number = (key: string, what: { vi: string; en: string }) =>
      col(key) === undefined
        ? null
        : numberCell(grid, row, col(key), { min: 0, what, percent: false });
    const coefficient = number("coefficient", { vi: "hệ số", en: "coefficient" });
    const need = number("need", { vi: "nhu cầu (triệu đồng)", en: "need (million VND)" });
    const min = number("min", { vi: "mức tối thiểu (triệu đồng)", en: "minimum (million VND)" });
    const cap = number("cap", { vi: "mức tối đa (triệu đồng)", en: "cap (million VND)" });
    const weight = basis === "need" ? need : coefficient;
    if (
      weight === null &&
      rowTexts(grid.rows[row] ?? []).some(
        (t) => isGroupLabel(t.text) || markerKind(t.text) === "roman"
      )
    ) {
      skipRow(table, row, "group", { vi: "dòng nhóm", en: "group row" });
      sinceSubtotal = [];
      continue; // a group row ("Huyện Kế Sách"): its units follow
    }
    if (name === null) {
      if (weight === null) {
        skipRow(table, row, "note", { vi: "không có tên và hệ số", en: "no name and no weight" });
        continue; // a note or a stray value in another column
      }
      throw new InputError({
        sheet: grid.sheet,
        cell: addressAt(table, row, "unit"),
        found: "",
        expected: {
          vi: "tên đơn vị cho dòng có hệ số",
          en: "a unit name for a row with a coefficient",
        },
      });
    }
    if (weight === null) {
      const label =
        basis === "need" ? { vi: "nhu cầu", en: "need" } : { vi: "hệ số", en: "coefficient" };
      throw new InputError({
        sheet: grid.sheet,
        cell: addressAt(table, row, basis),
        found: "",
        expected: {
          vi: `${label.vi} của ${name}: một số ≥ 0`,
          en: `the ${label.en} of ${name}: a number ≥ 0`,
        },
      });
    }
    const cell = addressAt(table, row, "unit");
    const code =
      col("code") === undefined
        ? null
        : textCell(grid, row, col("code"), { vi: "mã xã", en: "commune code" });
    if (col("code") !== undefined && code === null) {
      throw new InputError({
        sheet: grid.sheet,
        cell: addressAt(table, row, "code"),
        found: "",
        expected: {
          vi: `mã xã của ${name} (cột "Mã xã" là khóa của mỗi dòng)`,
          en: `the commune code of ${name} (the "Mã xã" column is each row's key)`,
        },
      });
    }
    // The code is the key where the sheet has one: two merged communes may share a name.
    const key = code !== null ? `code:${code.trim()}` : labelKey(name);
    const earlier = seen.get(key);
    if (earlier) {
      const what = code !== null ? `Mã xã ${code}` : `Đơn vị "${name}"`;
      const whatEn = code !== null ? `Commune code ${code}` : `Unit "${name}"`;
      warnings.push({
        vi: `${what} xuất hiện hai lần (${earlier} và ${cell}); mỗi dòng được phân bổ riêng`,
        en: `${whatEn} appears twice (${earlier} and ${cell}); each row gets its own amount`,
        sheet: grid.sheet,
        cell,
      });
    } else seen.set(key, cell);
    const cellOf = (key: string) =>
      col(key) === undefined ? {} : { [key]: gridAddress(grid, row, col(key)) };
    units.push({
      unit: name,
      ...(code !== null ? { code: code.trim() } : {}),
      ...(coefficient !== null ? { coefficient } : {}),
      ...(need !== null ? { need } : {}),
      ...(min !== null ? { min } : {}),
      ...(cap !== null ? { cap } : {}),
      source: { sheet: grid.sheet, cell },
      cells: {
        ...(col(basis) === undefined ? {} : { weight: gridAddress(grid, row, col(basis)) }),
        ...cellOf("min"),
        ...cellOf("cap"),
      },
    });
    sources.push({ sheet: grid.sheet, cell });
    sinceSubtotal.push({ row, weight: weight as number });
    all.push({ row, weight: weight as number });
  }
  if (units.length === 0) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, table.headerRow + 1, col("unit")),
      expected: {
        vi: `${WHAT.vi}: ít nhất một dòng đơn vị`,
        en: `${WHAT.en}: at least one unit row`,
      },
    });
  }
  const money = unitReading(table);
  noteColumns(table, {
    code: "code",
    unit: "name",
    coefficient: "coefficient",
    need: { role: "amount", unit: money },
    min: { role: "amount", unit: money },
    cap: { role: "amount", unit: money },
  });
  const hasMoney = ["need", "min", "cap"].some((k) => col(k) !== undefined);
  const reading = tableReading(table, "coefficients", WHAT, hasMoney ? { unit: money } : {});
  const columnCells: Partial<Record<AllocationField, SourceRef>> = {};
  for (const [field, key] of [
    ["weight", basis],
    ["min", "min"],
    ["cap", "cap"],
  ] as const) {
    if (col(key) !== undefined)
      columnCells[field] = {
        sheet: grid.sheet,
        cell: gridAddress(grid, table.headerRow, col(key)),
      };
  }
  return { sheet: grid.sheet, units, basis, sources, columnCells, warnings, reading };
}
