// plan and report on a workbook with a merger mapping, a status sheet mixing old and new names and costs by old
// commune: the jobs roll the data up, the result says so, and the merge table is written beside each job's table.

import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import mammoth from "mammoth";
import { runCli } from "./helpers";

type Row = (string | number | null)[];

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-merged-"));
  const sheets: Record<string, Row[]> = {
    "Sáp nhập": [
      ["Xã cũ", "Mã xã cũ", "Xã mới", "Mã xã mới", "Ngày hiệu lực"],
      ["Phú Tân", "31561", "Phú Tâm", "31700", "01/07/2025"],
      ["Thuận Hòa", "31564", "Phú Tâm", "31700", "01/07/2025"],
      ["Viên An", "31580", "Viên Bình", "31720", "01/07/2025"],
    ],
    "Danh sách xã": [
      ["Tên xã", "Tiêu chí đạt"],
      ["Phú Tâm", "1-17"],
      ["Viên An", "1-18"],
    ],
    "Chi phí": [
      ["Tên xã", "Tiêu chí", "Chi phí"],
      ["Phú Tân", 18, 100],
      ["Thuận Hòa", 18, 50],
      ["Phú Tân", 19, 30],
      ["Viên An", 19, 20],
    ],
  };
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  file = path.join(dir, "tinh-sap-nhap.xlsx");
  await book.xlsx.writeFile(file);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("plan and report on a workbook with merged communes", () => {
  it("plan: summary and targets roll the old communes up, say so, and write the merge tables", async () => {
    const out = path.join(dir, "ket-qua.xlsx");
    const run = await runCli([
      "plan",
      file,
      "--year",
      "2025",
      "--budget",
      "1000",
      "--json",
      "--out",
      out,
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout.slice(0, run.stdout.lastIndexOf("}") + 1));
    const job = (id: string) => json.jobs.find((j: { id: string }) => j.id === id);
    expect(job("summary").result).toMatchObject({ communes: 2 });
    expect(job("summary").result.merger).toEqual([
      expect.objectContaining({ table: "Danh sách xã", how: "rename", oldCount: 1, newCount: 1 }),
    ]);
    // plan finds the costs sheet for targets, as targets --costs does: costs by old commune summed into the merged
    // ones (Phú Tâm: 100 + 50 for criterion 18 and 30 for 19 = 180; Viên Bình: 20), and the reading says so.
    expect(job("targets").sheets).toMatchObject({ communes: "Danh sách xã", costs: "Chi phí" });
    expect(job("targets").result.merger).toEqual([
      expect.objectContaining({ table: "Danh sách xã", how: "rename" }),
      expect.objectContaining({ table: "Chi phí", how: "sum" }),
    ]);
    expect(
      job("targets").result.communes.map((c: { name: string; cost: number }) => [c.name, c.cost])
    ).toEqual([
      ["Phú Tâm", 180],
      ["Viên Bình", 20],
    ]);
    expect(job("targets").result.reading).toEqual(
      expect.arrayContaining([expect.objectContaining({ sheet: "Chi phí", input: "costs" })])
    );
    expect(json.reading).toEqual(
      expect.arrayContaining([expect.objectContaining({ sheet: "Chi phí", input: "costs" })])
    );
    // The merge job leaves the rows that already name merged communes out, and says so.
    expect(job("merge").result.warnings).toEqual([
      expect.objectContaining({
        en: expect.stringMatching(/1 rows already name communes after the merger.*Phú Tâm/),
      }),
    ]);
    expect(job("merge").status).toBe("done");
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    const tables = written.worksheets.flatMap((s) =>
      Object.keys((s as unknown as { tables: Record<string, unknown> }).tables ?? {})
    );
    expect(tables).toEqual(
      expect.arrayContaining(["NTM_TongHop_SapNhap", "NTM_ChiTieu_SapNhap", "NTM_SapNhap"])
    );
  });

  it("targets --costs: costs by old commune summed into the merged communes", async () => {
    const run = await runCli([
      "targets",
      file,
      "--sheet",
      "Danh sách xã",
      "--costs",
      file,
      "--year",
      "2025",
      "--budget",
      "1000",
      "--json",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.communes.map((c: { name: string; cost: number }) => [c.name, c.cost])).toEqual([
      ["Phú Tâm", 180],
      ["Viên Bình", 20],
    ]);
    expect(json.merger.map((m: { table: string; how: string }) => [m.table, m.how])).toEqual([
      ["Danh sách xã", "rename"],
      ["Chi phí", "sum"],
    ]);
  });

  it("report: a section says which sheets were keyed by old communes and what they became", async () => {
    const out = path.join(dir, "bao-cao.docx");
    const run = await runCli(["report", file, "--year", "2025", "--budget", "1000", "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const { value } = await mammoth.extractRawText({ path: out });
    expect(value).toContain("Sáp nhập xã");
    expect(value).toContain(
      "Trang “Danh sách xã” ghi theo xã trước sáp nhập: 1 xã cũ gộp thành 1 xã mới theo trang “Sáp nhập”; tình trạng được giữ cho xã chỉ đổi tên, mã."
    );
    expect(value).toContain("Viên Bình (31720) ← Viên An");
  });

  it("summary refuses a status sheet of old communes merged with others, naming the file, sheet and cell", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Sáp nhập").addRows([
      ["Xã cũ", "Xã mới"],
      ["Phú Tân", "Phú Tâm"],
      ["Thuận Hòa", "Phú Tâm"],
    ]);
    book.addWorksheet("Tình trạng 2025").addRows([
      ["Tên xã", "Số tiêu chí đạt"],
      ["Phú Tân", 19],
      ["Thuận Hòa", 15],
    ]);
    const old = path.join(dir, "truoc-sap-nhap.xlsx");
    await book.xlsx.writeFile(old);
    const run = await runCli(["summary", old]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/truoc-sap-nhap\.xlsx, sheet 'Tình trạng 2025', ô\/cell A2/);
    expect(run.stderr).toMatch(/ntm-plan merge/);
  });
});
