// Small 2026-2030 workbooks for the tests: an indicator policy (made-up thresholds) and status sheets in each shape.

import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

type Row = (string | number | boolean | null)[];

/** Two indicators per criterion: n.1 a share in % (≥ 90 / 80 / 60 by group), n.2 met or not; 4.2 not for group 1. */
export const POLICY: Row[] = [
  [
    "Mã chỉ tiêu",
    "Tiêu chí",
    "Tên chỉ tiêu",
    "Nhóm 1",
    "Nhóm 2",
    "Nhóm 3",
    "Đơn vị",
    "So sánh",
    "Nguồn",
  ],
  ...Array.from({ length: 10 }, (_, k) => k + 1).flatMap((n): Row[] => [
    [`${n}.1`, n, `Tỷ lệ ${n}`, 90, 80, 60, "%", "≥", "minh họa"],
    [
      `${n}.2`,
      n,
      `Có ${n}`,
      n === 4 ? "không áp dụng" : "Đạt",
      "Đạt",
      "Đạt",
      null,
      "Đạt/Không đạt",
      "minh họa",
    ],
  ]),
];

export const CODES = Array.from({ length: 10 }, (_, k) => [`${k + 1}.1`, `${k + 1}.2`]).flat();

/**
 * Four communes. A (group 1) meets everything; B (group 2) has 75% on 1.1 (needs 80) and 2.2 not met: 8 criteria;
 * C (group 3) has 65% everywhere (needs 60) and 4.2 not met: 9 criteria; D (group 1) has 4.2 not met (not required
 * for group 1) and 85% on 3.1 (needs 90): 9 criteria.
 */
export function rawValues(): Record<string, Record<string, number | string>> {
  const all = (pct: number) =>
    Object.fromEntries(CODES.map((c) => [c, c.endsWith(".1") ? pct : "Đạt"]));
  return {
    A: all(95),
    B: { ...all(85), "1.1": 75, "2.2": "chưa đạt" },
    C: { ...all(65), "4.2": "" },
    D: { ...all(92), "4.2": "", "3.1": "85%" },
  };
}

export const GROUPS: Record<string, number> = { A: 1, B: 2, C: 3, D: 1 };
export const MET: Record<string, number[]> = {
  A: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  B: [3, 4, 5, 6, 7, 8, 9, 10],
  C: [1, 2, 3, 5, 6, 7, 8, 9, 10],
  D: [1, 2, 4, 5, 6, 7, 8, 9, 10],
};

export function valuesSheet(): Row[] {
  const v = rawValues();
  return [
    ["TT", "Tên xã", "Mã xã", "Nhóm xã", ...CODES],
    ...Object.keys(v).map((name, i): Row => [
      i + 1,
      `Xã ${name}`,
      `3100${i}`,
      GROUPS[name],
      ...CODES.map((c) => v[name][c]),
    ]),
  ];
}

/** Whether a commune meets an indicator, worked out by hand from the policy above. */
export function indicatorMet(name: string, code: string): boolean {
  const value = rawValues()[name][code];
  if (code.endsWith(".2")) return value === "Đạt" || (code === "4.2" && GROUPS[name] === 1);
  const pct = typeof value === "number" ? value : Number(String(value).replace("%", ""));
  return pct >= [90, 80, 60][GROUPS[name] - 1];
}

export function indicatorMarksSheet(): Row[] {
  return [
    ["TT", "Tên xã", "Mã xã", "Nhóm xã", ...CODES.map((c) => `CT ${c}`)],
    ...Object.keys(GROUPS).map((name, i): Row => [
      i + 1,
      `Xã ${name}`,
      `3100${i}`,
      `Nhóm ${GROUPS[name]}`,
      ...CODES.map((c) => (indicatorMet(name, c) ? "x" : "")),
    ]),
  ];
}

export function criterionMarksSheet(): Row[] {
  return [
    ["TT", "Tên xã", "Mã xã", "Nhóm xã", ...Array.from({ length: 10 }, (_, k) => `TC${k + 1}`)],
    ...Object.keys(MET).map((name, i): Row => [
      i + 1,
      `Xã ${name}`,
      `3100${i}`,
      GROUPS[name],
      ...Array.from({ length: 10 }, (_, k) => (MET[name].includes(k + 1) ? "Đạt" : "Chưa đạt")),
    ]),
  ];
}

export function listSheet(): Row[] {
  const ranges: Record<string, string> = { A: "1-10", B: "3-10", C: "1-3, 5-10", D: "1,2,4-10" };
  return [
    ["TT", "Tên xã", "Mã xã", "Nhóm xã", "Tiêu chí đạt", "Trạng thái"],
    ...Object.keys(MET).map((name, i): Row => [
      i + 1,
      `Xã ${name}`,
      `3100${i}`,
      GROUPS[name],
      ranges[name],
      name === "A" ? "NTM hiện đại" : "chưa đạt",
    ]),
  ];
}

/** Writes a workbook with the given sheets (codes and names as text) to a temporary file. */
export async function writeWorkbook(sheets: Record<string, Row[]>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row.map((v) => (v === "" ? null : v)));
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-2026-"));
  const file = path.join(dir, "tinh-2026.xlsx");
  await book.xlsx.writeFile(file);
  return file;
}
