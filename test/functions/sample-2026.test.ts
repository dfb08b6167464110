// The custom functions on the cells of the illustrative 2026-2030 sample give the CLI's per-commune figures:
// criteria met and which (NTM.CRITERIA_MET, NTM.CRITERIA_LIST), each indicator met or not (NTM.INDICATOR_MET), and
// the allocation by the 2026-2030 preset (reported draft) (NTM.ALLOCATE_COEFFICIENT, NTM.ALLOCATE_POLICY with the indicator policy
// range, since the communes range gives raw indicator values). Next year's targets per indicator
// (NTM.NEXT_INDICATORS) are compared with the targets job in next-indicators.test.ts.
import "./custom-functions-mock";

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { allocateCoefficient, allocatePolicy } from "../../src/functions/allocation";
import { criteriaList, criteriaMet, indicatorMet } from "../../src/functions/indicators";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import type { CellValue } from "../../src/workbook/grid";
import { runCli } from "../cli/helpers";

const SAMPLE = path.join(__dirname, "../../assets/ntm-sample-2026.xlsx");

/** A range as Excel hands it to a custom function: blanks as "". */
function range(rows: CellValue[][]): any[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
}

interface TargetsCommune {
  name: string;
  code: string;
  group: number;
  criteriaBefore: number;
  missing: string[];
}

let communes: any[][];
let policy: any[][];
let header: string[];
let targets: TargetsCommune[];

beforeAll(async () => {
  const book = await ExcelJsWorkbook.fromXlsx(await fs.readFile(SAMPLE));
  // Both tables start at their header row (row 3, under the title and the illustrative note).
  communes = range((await book.readSheet("Xã")).rows.slice(2));
  policy = range((await book.readSheet("Chỉ tiêu theo nhóm xã")).rows.slice(2));
  header = communes[0].map(String);
  const run = await runCli(["targets", SAMPLE, "--year", "2027", "--budget", "20000", "--json"]);
  expect(run.code).toBe(0);
  targets = JSON.parse(run.stdout).communes;
}, 60_000);

describe("custom functions on the 2026-2030 sample agree with the CLI", () => {
  it("NTM.CRITERIA_MET and NTM.CRITERIA_LIST give each commune's criteria met", () => {
    const first = header.indexOf("1.1");
    const codes = [header.slice(first, first + 47)];
    expect(codes[0][46]).toBe("10.3");
    const groupAt = header.indexOf("Nhóm xã");
    expect(targets).toHaveLength(100);
    communes.slice(1).forEach((row, i) => {
      const c = targets[i];
      expect(row[header.indexOf("Tên xã")]).toBe(c.name);
      const values = [row.slice(first, first + 47)];
      expect(criteriaMet(values, codes, row[groupAt], policy)).toBe(c.criteriaBefore);
      const missingCriteria = new Set(c.missing.map((m) => Number(m.split(".")[0])));
      const met = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((n) => !missingCriteria.has(n));
      expect(criteriaList(values, codes, row[groupAt], policy)).toBe(met.join(","));
    });
  });

  it("NTM.INDICATOR_MET says each indicator of each commune as the CLI's missing list does", () => {
    const groupAt = header.indexOf("Nhóm xã");
    const first = header.indexOf("1.1");
    let checked = 0;
    communes.slice(1).forEach((row, i) => {
      const missing = new Set(targets[i].missing);
      // Every indicator the CLI says is missing, and every seventh of the others (one formula call parses the
      // whole policy table, so not all 4.700 cells).
      for (let k = first; k < first + 47; k++) {
        const code = header[k];
        if (!missing.has(code) && (i + k) % 7 !== 0) continue;
        const met = indicatorMet(row[k], code, row[groupAt], policy);
        expect([targets[i].name, code, met]).toEqual([targets[i].name, code, !missing.has(code)]);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(targets.reduce((n, c) => n + c.missing.length, 0));
  });

  it("NTM.ALLOCATE_COEFFICIENT and NTM.ALLOCATE_POLICY give the CLI's allocation by the 2026-2030 preset (reported draft)", async () => {
    const run = await runCli([
      "allocate",
      SAMPLE,
      "--total",
      "100000",
      "--policy",
      "2026-2030",
      "--json",
    ]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      allocations: { unit: string; coefficient: number; amount: number }[];
    };
    const coefficients = allocateCoefficient([["2026-2030"]], communes, undefined, policy);
    expect(coefficients.map((r) => r[0])).toEqual(json.allocations.map((a) => a.coefficient));
    const amounts = allocatePolicy(
      100000,
      [["2026-2030"]],
      communes,
      undefined,
      undefined,
      undefined,
      undefined,
      policy
    );
    expect(amounts.map((r) => r[0])).toEqual(json.allocations.map((a) => a.amount));
    // Without the indicator policy the raw values cannot be read: refused, never guessed.
    expect(() => allocateCoefficient([["2026-2030"]], communes)).toThrow(/93[.,]1/);
  }, 60_000);
});
