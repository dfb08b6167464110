// Allocation on the 2026-2030 sample (merged communes, no districts): by the 2026-2030 preset (reported draft) from the commune
// types on the status sheet (read per indicator, raw values evaluated by the policy sheet), and by the
// province's coefficients sheet keyed by Mã xã.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { ExcelJsWorkbook } from "../../../src/workbook/adapters/exceljs";
import { gridFromRows } from "../../../src/workbook/grid";
import { JOBS } from "../../../src/workbook/jobs";
import type { JobRequest } from "../../../src/workbook/jobs/job";
import { readCoefficients } from "../../../src/workbook/readers/coefficients";

const SAMPLE = path.join(__dirname, "../../../assets/ntm-sample-2026.xlsx");
const allocate = JOBS.find((j) => j.id === "allocate")!;

let loaded: Promise<ExcelJsWorkbook> | undefined;
function sample(): Promise<ExcelJsWorkbook> {
  loaded ??= fs.readFile(SAMPLE).then((b) => ExcelJsWorkbook.fromXlsx(b));
  return loaded;
}

async function run(options: JobRequest["options"], inputs: string[] = ["communes"]) {
  const workbook = await sample();
  return allocate.run({
    inputs: Object.fromEntries(inputs.map((id) => [id, { workbook }])),
    options,
  });
}

/** The sample's communes sheet as rows of header → value. */
async function communeRows(): Promise<Record<string, unknown>[]> {
  const grid = await (await sample()).readSheet("Xã");
  const header = grid.rows[2].map((v) => String(v ?? ""));
  return grid.rows.slice(3).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

jest.setTimeout(60_000);

describe("allocate on the 2026-2030 sample", () => {
  it("splits an envelope by the 2026-2030 preset (reported draft) from the commune types, the highest coefficient applying", async () => {
    const result = await run({ total: 100000, policy: "2026-2030" });
    const json = result.json as {
      sheet: string;
      total: number;
      allocations: {
        unit: string;
        coefficient: number;
        amount: number;
        inputs: { group?: number };
      }[];
      warnings: { en: string }[];
    };
    expect(json.sheet).toBe("Xã");
    expect(json.allocations).toHaveLength(100);
    expect(json.allocations.reduce((s, a) => s + a.amount, 0)).toBe(100000);
    // The preset's rule read off the sheet: zone III, ATK, border 50; zone II 40; zone I 30; others 25; +1 a village.
    const rows = await communeRows();
    rows.forEach((row, i) => {
      const zone = row["Khu vực"];
      const base =
        zone === "III" || row["Xã ATK"] === "x" || row["Biên giới"] === "x"
          ? 50
          : zone === "II"
            ? 40
            : zone === "I"
              ? 30
              : 25;
      const a = json.allocations[i];
      expect(a.unit).toBe(row["Tên xã"]);
      expect(a.coefficient).toBe(base + Number(row["Số thôn ĐBKK"] ?? 0));
      expect(a.inputs.group).toBe(row["Nhóm xã"]);
    });
    // Every column the preset reads is on the sheet: only the preset's own caution is said.
    expect(json.warnings.map((w) => w.en)).toEqual([
      expect.stringContaining("using the preset 2026-2030"),
    ]);
  });

  it("splits an envelope by the province's coefficients sheet keyed by Mã xã", async () => {
    const result = await run({ total: 100000 }, ["communes", "coefficients"]);
    const json = result.json as {
      sheet: string;
      allocations: { unit: string; code?: string; coefficient: number; amount: number }[];
    };
    expect(json.sheet).toBe("Hệ số phân bổ");
    expect(json.allocations).toHaveLength(100);
    expect(json.allocations.reduce((s, a) => s + a.amount, 0)).toBe(100000);
    const rows = await communeRows();
    json.allocations.forEach((a, i) => {
      expect(a.code).toBe(rows[i]["Mã xã"]);
      expect(a.unit).toBe(rows[i]["Tên xã"]);
    });
    const table = result.sheets[0].tables[0];
    expect(table.columns.map((c) => c.header).slice(0, 3)).toEqual(["TT", "Đơn vị", "Mã xã"]);
    expect(table.rows[0].slice(1, 3)).toEqual([rows[0]["Tên xã"], rows[0]["Mã xã"]]);
  });
});

describe("a coefficients sheet with Mã xã", () => {
  it("keys rows by the code: two merged communes may share a name, a repeated code is said", () => {
    const grid = gridFromRows("Hệ số", [
      ["TT", "Mã xã", "Tên xã", "Hệ số"],
      [1, "31000", "Xã Tân Phú", 1.5],
      [2, "31007", "Xã Tân Phú", 1],
      [3, "31007", "Xã Mỹ An", 2],
    ]);
    const t = readCoefficients(grid);
    expect(t.units).toMatchObject([
      { unit: "Xã Tân Phú", code: "31000", coefficient: 1.5 },
      { unit: "Xã Tân Phú", code: "31007", coefficient: 1 },
      { unit: "Xã Mỹ An", code: "31007", coefficient: 2 },
    ]);
    expect(t.warnings.map((w) => [w.cell, w.en])).toEqual([
      ["C4", expect.stringContaining("Commune code 31007 appears twice (C3 and C4)")],
    ]);
  });

  it("refuses a row without its code, naming the cell", () => {
    const grid = gridFromRows("Hệ số", [
      ["Mã xã", "Tên xã", "Hệ số"],
      ["31000", "Xã An Bình", 1.5],
      [null, "Xã An Hòa", 1],
    ]);
    expect(() => readCoefficients(grid)).toThrow(/A3/);
  });
});
