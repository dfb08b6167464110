// The communes tables of issue #21's classes 3 and 5 as province offices save them: written by openpyxl, re-saved by
// LibreOffice Calc (scripts/build-communes-reading-fixtures.py). Every expected figure comes from the generator's
// inputs (inputs.json).

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CATALOGUE_2021_2025, CATALOGUE_2026_2030 } from "../../../src/engine/catalogues";
import { ExcelJsWorkbook } from "../../../src/workbook/adapters/exceljs";
import { readCommunes } from "../../../src/workbook/readers/communes";

const DIR = path.resolve(__dirname, "../../fixtures/communes-reading");

interface Input {
  file: string;
  sheet: string;
  period: "2021-2025" | "2026-2030";
  shape: string;
  communes: { name: string; district?: string; group?: number; met: number[] }[];
  countDisagrees: Record<string, { cell: string; stated: number }>;
  wards?: { row: number; name: string }[];
  districtRows?: { row: number; district: string }[];
  totalRows?: number[];
  statisticRows?: number[];
  skipped?: Record<string, number>;
}

const INPUTS: Input[] = JSON.parse(readFileSync(path.join(DIR, "inputs.json"), "utf8"));

async function read(input: Input) {
  const book = await ExcelJsWorkbook.fromXlsx(readFileSync(path.join(DIR, input.file)));
  const grid = await book.readSheet(input.sheet);
  const catalogue = input.period === "2026-2030" ? CATALOGUE_2026_2030 : CATALOGUE_2021_2025;
  return readCommunes(grid, { catalogue });
}

describe.each(INPUTS.map((i) => [i.file, i] as const))("%s", (_file, input) => {
  it("reads every commune with the criteria it meets, and nothing else as a commune", async () => {
    const result = await read(input);
    expect(result.shape).toBe(input.shape);
    expect(result.communes.map((c) => c.name)).toEqual(input.communes.map((c) => c.name));
    expect(result.communes.map((c) => c.achieved)).toEqual(input.communes.map((c) => c.met));
    expect(result.communes.reduce((s, c) => s + c.count, 0)).toBe(
      input.communes.reduce((s, c) => s + c.met.length, 0)
    );
    const criteria = input.period === "2026-2030" ? 10 : 19;
    for (let n = 1; n <= criteria; n++) {
      expect(result.communes.filter((c) => c.achieved?.includes(n)).length).toBe(
        input.communes.filter((c) => c.met.includes(n)).length
      );
    }
    for (const [i, c] of input.communes.entries()) {
      if (c.district) expect(result.communes[i].district).toBe(c.district);
      if (c.group) expect(result.communes[i].group).toBe(c.group);
    }
    expect(result.reading.used.count).toBe(input.communes.length);
  });

  it("warns at each count cell that disagrees with the marks, and no check fails elsewhere", async () => {
    const result = await read(input);
    const cells = Object.values(input.countDisagrees).map((d) => d.cell);
    const disagreements = result.warnings.filter((w) => / tiêu chí đạt nhưng /.test(w.vi));
    expect(disagreements.map((w) => w.cell)).toEqual(cells);
    for (const [name, { stated }] of Object.entries(input.countDisagrees)) {
      const met = input.communes.find((c) => c.name === name)!.met.length;
      expect(
        disagreements.some((w) =>
          w.vi.includes(`ghi ${stated} tiêu chí đạt nhưng các cột TC có ${met}`)
        )
      ).toBe(true);
    }
    expect(result.reading.checks.filter((c) => !c.ok).map((c) => c.cell)).toEqual(cells);
  });

  it("records each row that is not a commune with its role, and checks the rows with figures", async () => {
    const result = await read(input);
    const rows = (role: string) =>
      result.reading.skipped.filter((s) => s.role === role).map((s) => s.row);
    expect(rows("ward")).toEqual((input.wards ?? []).map((w) => w.row));
    for (const w of input.wards ?? []) {
      expect(
        result.warnings.some(
          (x) => x.vi.startsWith(`Dòng ${w.row} (ô `) && x.vi.includes(`"${w.name}": không phải xã`)
        )
      ).toBe(true);
    }
    expect(rows("district")).toEqual((input.districtRows ?? []).map((d) => d.row));
    expect([...rows("total"), ...rows("subtotal")]).toEqual(input.totalRows ?? []);
    expect(rows("statistic")).toEqual(input.statisticRows ?? []);
    expect(rows("column-numbers")).toHaveLength(input.skipped?.["column-numbers"] ?? 0);
    const checked = result.reading.checks.filter(
      (c) => c.kind === "subtotal" || c.kind === "total"
    );
    expect(checked.filter((c) => c.ok).length).toBeGreaterThanOrEqual(
      (input.districtRows ?? []).length + (input.totalRows ?? []).length
    );
  });
});
