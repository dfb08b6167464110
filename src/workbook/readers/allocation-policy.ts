// Reads an allocation policy sheet: one rule a row, Điều kiện | Hệ số | Cách tính | Căn cứ | Ghi chú.

import {
  MODE_WORDS,
  parseRuleMode,
  policyFromRows,
  type AllocationPolicy,
  type PolicyRow,
} from "../../engine/allocation";
import { InputError } from "../../engine/errors";
import { cellText, gridAddress, isBlank, type Grid } from "../grid";
import {
  addressAt,
  locateTable,
  noteColumns,
  numberCell,
  textCell,
  tryLocateTable,
  type ColumnSpec,
} from "./table";

import { skipRow, tableReading } from "../reading/record";
import type { TableReading } from "../reading/types";

export const POLICY_COLUMNS: ColumnSpec[] = [
  { key: "condition", aliases: ["Điều kiện", "Điều kiện áp dụng", "Condition"], required: true },
  { key: "coefficient", aliases: ["Hệ số", "Hệ số phân bổ", "Coefficient"], required: true },
  { key: "mode", aliases: ["Cách tính", "Cách kết hợp", "Combine", "Mode"], required: true },
  { key: "source", aliases: ["Căn cứ", "Nguồn", "Văn bản", "Source"] },
  { key: "note", aliases: ["Ghi chú", "Note"] },
];

const WHAT = { vi: "bảng chính sách phân bổ", en: "allocation policy table" };

const PERIOD = /\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b/;
const PERIOD_LABEL = /^\s*(?:giai đoạn|giai doan|period)\b/i;

/**
 * The period a policy sheet states above its table: a "Giai đoạn" cell (its own text "Giai đoạn: 2026-2030" or the
 * next cell of its row), else a title naming one ("… giai đoạn 2026-2030 …", "… 2021-2025 …"). None: undefined.
 */
export function statedPolicyPeriod(
  grid: Grid,
  headerRow: number
): { period: string; cell: string } | undefined {
  const found = (text: string) => {
    const m = PERIOD.exec(text);
    return m && Number(m[2]) > Number(m[1]) ? `${m[1]}-${m[2]}` : null;
  };
  for (let r = 0; r < headerRow; r++) {
    const line = grid.rows[r] ?? [];
    for (let c = 0; c < line.length; c++) {
      const text = cellText(line[c] ?? null);
      if (!PERIOD_LABEL.test(text)) continue;
      const own = found(text);
      if (own) return { period: own, cell: gridAddress(grid, r, c) };
      for (let n = c + 1; n < line.length; n++) {
        const next = cellText(line[n] ?? null).trim();
        if (next === "") continue;
        const period = found(next);
        if (period) return { period, cell: gridAddress(grid, r, n) };
        break;
      }
    }
  }
  for (let r = 0; r < headerRow; r++) {
    const line = grid.rows[r] ?? [];
    for (let c = 0; c < line.length; c++) {
      const period = found(cellText(line[c] ?? null));
      if (period) return { period, cell: gridAddress(grid, r, c) };
    }
  }
  return undefined;
}

/** True when a sheet has the policy headers (Điều kiện, Hệ số, Cách tính). */
export function isPolicySheet(grid: Grid): boolean {
  return tryLocateTable(grid, POLICY_COLUMNS) !== null;
}

/**
 * The rules of a policy sheet, in sheet order. Unknown condition words, a coefficient that is not a number ≥ 0
 * and a mode other than "Cao nhất" / "Cộng thêm" are errors naming the cell.
 */
export function readAllocationPolicy(grid: Grid): AllocationPolicy {
  return readAllocationPolicyTable(grid).policy;
}

/** The policy and what was read (see readAllocationPolicy). */
export function readAllocationPolicyTable(grid: Grid): {
  policy: AllocationPolicy;
  reading: TableReading;
} {
  const table = locateTable(grid, POLICY_COLUMNS, WHAT);
  const col = table.columns;
  const rows: PolicyRow[] = [];
  for (const r of table.dataRows) {
    const line = grid.rows[r] ?? [];
    if ([col.condition, col.coefficient, col.mode].every((c) => isBlank(line[c] ?? null))) {
      skipRow(table, r, "note", {
        vi: "không có điều kiện, hệ số, cách tính",
        en: "no condition, coefficient or mode",
      });
      continue;
    }
    const condition = textCell(grid, r, col.condition, { vi: "điều kiện", en: "condition" });
    const where = { sheet: grid.sheet, cell: addressAt(table, r, "condition") };
    if (condition === null) {
      throw new InputError({
        ...where,
        expected: {
          vi: "điều kiện cho dòng có hệ số",
          en: "a condition for a row with a coefficient",
        },
      });
    }
    const coefficient = numberCell(grid, r, col.coefficient, {
      min: 0,
      what: { vi: `hệ số của "${condition}"`, en: `the coefficient of "${condition}"` },
    });
    if (coefficient === null) {
      throw new InputError({
        sheet: grid.sheet,
        cell: addressAt(table, r, "coefficient"),
        expected: {
          vi: `hệ số của "${condition}": một số ≥ 0`,
          en: `the coefficient of "${condition}": a number ≥ 0`,
        },
      });
    }
    const modeText = cellText(line[col.mode] ?? null).trim();
    const mode = parseRuleMode(modeText);
    if (mode === null) {
      throw new InputError({
        sheet: grid.sheet,
        cell: addressAt(table, r, "mode"),
        found: modeText,
        expected: {
          vi: `cách tính "${MODE_WORDS.highest}" (lấy hệ số cao nhất trong các quy tắc khớp) hoặc "${MODE_WORDS.add}" (cộng vào)`,
          en: `"${MODE_WORDS.highest}" (the highest matching rule applies) or "${MODE_WORDS.add}" (added on top)`,
        },
      });
    }
    const source =
      col.source === undefined
        ? null
        : textCell(grid, r, col.source, { vi: "căn cứ", en: "source" });
    const note =
      col.note === undefined ? null : textCell(grid, r, col.note, { vi: "ghi chú", en: "note" });
    rows.push({
      condition,
      coefficient,
      mode,
      ...(source ? { source } : {}),
      ...(note ? { note } : {}),
      origin: where,
    });
  }
  if (rows.length === 0) {
    throw new InputError({
      sheet: grid.sheet,
      cell: gridAddress(grid, table.headerRow + 1, col.condition),
      expected: { vi: `${WHAT.vi}: ít nhất một quy tắc`, en: `${WHAT.en}: at least one rule` },
    });
  }
  const stated = statedPolicyPeriod(grid, table.headerRow);
  noteColumns(table, {
    condition: "label",
    coefficient: "coefficient",
    mode: "other",
    source: "note",
    note: "note",
  });
  const reading = tableReading(table, "allocation-policy", WHAT, { role: "line" });
  const policy = policyFromRows(rows, {
    id: grid.sheet,
    title: { vi: `Chính sách trên trang '${grid.sheet}'`, en: `Policy on sheet '${grid.sheet}'` },
    preset: false,
    ...(stated
      ? { period: stated.period, periodFrom: { sheet: grid.sheet, cell: stated.cell } }
      : {}),
  });
  return { policy, reading };
}
