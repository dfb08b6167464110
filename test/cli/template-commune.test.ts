// `ntm-plan template commune`: the commune report form, its rows from the province's policy (2026-2030) or the
// catalogue (2021-2025).

import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { CATALOGUE_2021_2025 } from "../../src/engine/catalogues";
import { runCli } from "./helpers";
import { POLICY, writeWorkbook } from "./period-2026";

async function rowsOf(file: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows: unknown[][] = [];
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("ntm-plan template commune", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ntm-template-"));

  it("writes one row per indicator of the province's policy sheet, with its code and name", async () => {
    const policy = await writeWorkbook({ "Chỉ tiêu": POLICY });
    const out = path.join(dir, "bieu-2026.xlsx");
    const run = await runCli([
      "template",
      "commune",
      "--indicators",
      policy,
      "--out",
      out,
      "--json",
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ period: "2026-2030", rows: POLICY.length - 1 });
    const rows = await rowsOf(out);
    const policyRows = POLICY.slice(1);
    for (const [code, , name] of policyRows) {
      expect(rows).toContainEqual(expect.arrayContaining([code, name]));
    }
    const labels = rows.map((r) => String(r[0] ?? ""));
    for (const label of ["Tên xã", "Mã xã", "Nhóm xã", "Giai đoạn", "Năm đánh giá"]) {
      expect(labels.some((l) => l.startsWith(label))).toBe(true);
    }
    expect(labels.some((l) => l.startsWith("Ngân sách trung ương"))).toBe(true);
  });

  it("writes the catalogue's 19 criteria for 2021-2025", async () => {
    const out = path.join(dir, "bieu-2025.xlsx");
    const run = await runCli(["template", "commune", "--period", "2021-2025", "--out", out]);
    expect(run.code).toBe(0);
    const rows = await rowsOf(out);
    for (const c of CATALOGUE_2021_2025.criteria) {
      expect(rows).toContainEqual(expect.arrayContaining([c.number, c.vi]));
    }
  });

  it("refuses a 2026-2030 form without the policy sheet: the catalogue ships no indicator names", async () => {
    const run = await runCli(["template", "commune", "--out", path.join(dir, "x.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--indicators/);
  });
});
