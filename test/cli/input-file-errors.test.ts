// An error in a second file (--indicators, --costs, --catalogue, --brackets) names that file, even when its sheet has
// the same name as one of the main file's, or when the file holds no sheet of the kind at all.

import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "./helpers";
import { POLICY, valuesSheet } from "./period-2026";

type Row = (string | number | boolean | null)[];

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-file-errors-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function book(name: string, sheets: Record<string, Row[]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const NOTHING: Row[] = [["Ghi chú"], ["không có bảng nào ở đây"]];

/** The one error line names the second file and not the main one. */
function namesOnly(stderr: string, file: string, other: string) {
  const line = stderr.trim();
  expect(line.split("\n")).toHaveLength(1);
  expect(line.startsWith(file)).toBe(true);
  expect(line).not.toContain(other);
}

describe("errors of a second input file name that file", () => {
  const CRITERIA_STATUS: Row[] = [
    ["Tên xã", "Tiêu chí đạt"],
    ["Xã A", "1-19"],
    ["Xã B", "1-10"],
  ];

  it("--indicators: a bad requirement on a sheet named like the main one's", async () => {
    const main = await book("xa-2026.xlsx", { Sheet1: valuesSheet() });
    const bad = POLICY.map((r) => [...r]) as Row[];
    bad[3][3] = "abc";
    const policy = await book("chi-tieu-sai.xlsx", { Sheet1: bad });
    const run = await runCli(["summary", main, "--period", "2026-2030", "--indicators", policy]);
    expect(run.code).toBe(2);
    namesOnly(run.stderr, policy, main);
    expect(run.stderr).toContain("ô/cell D4");
  });

  it("--indicators: a file with no policy sheet (summary and targets)", async () => {
    const main = await book("xa-2026b.xlsx", { Xã: valuesSheet() });
    const policy = await book("khong-phai-chi-tieu.xlsx", { Xã: NOTHING });
    for (const command of ["summary", "targets"]) {
      const run = await runCli([command, main, "--period", "2026-2030", "--indicators", policy]);
      expect(run.code).toBe(2);
      namesOnly(run.stderr, policy, main);
      expect(run.stderr).toMatch(/Mã chỉ tiêu/);
    }
  });

  it("--costs: an unknown commune on a sheet named like the main one's, and a file with no costs table", async () => {
    const main = await book("xa-2025.xlsx", { Sheet1: CRITERIA_STATUS });
    const costs = await book("chi-phi.xlsx", {
      Sheet1: [
        ["Tên xã", "Tiêu chí", "Chi phí"],
        ["Xã A", 2, 5],
        ["Xã Không Có", 2, 5],
      ],
    });
    let run = await runCli(["targets", main, "--costs", costs, "--budget", "10"]);
    expect(run.code).toBe(2);
    namesOnly(run.stderr, costs, main);
    expect(run.stderr).toContain("ô/cell A3");
    const none = await book("khong-phai-chi-phi.xlsx", { Sheet1: NOTHING });
    run = await runCli(["targets", main, "--costs", none, "--budget", "10"]);
    expect(run.code).toBe(2);
    namesOnly(run.stderr, none, main);
  });

  it("--costs at indicator level: a file with no costs table", async () => {
    const main = await book("xa-2026c.xlsx", { Xã: valuesSheet(), "Chỉ tiêu": POLICY });
    const none = await book("khong-chi-phi-chi-tieu.xlsx", { Xã: NOTHING });
    const run = await runCli(["targets", main, "--period", "2026-2030", "--costs", none]);
    expect(run.code).toBe(2);
    namesOnly(run.stderr, none, main);
  });

  it("--catalogue: a repeated criterion on a sheet named like the main one's", async () => {
    const main = await book("xa-nang-cao.xlsx", { Sheet1: CRITERIA_STATUS });
    const catalogue = await book("bo-tieu-chi.xlsx", {
      Sheet1: [
        ["Giai đoạn", "Số TT", "Tên tiêu chí"],
        ["X", 1, "A"],
        ["X", 1, "B"],
      ],
    });
    const run = await runCli(["summary", main, "--catalogue", catalogue]);
    expect(run.code).toBe(2);
    namesOnly(run.stderr, catalogue, main);
    expect(run.stderr).toContain("ô/cell B3");
  });

  it("--brackets: a bad ratio on a sheet named like the main one's, and a file with no bracket table", async () => {
    const funding = path.join(__dirname, "../fixtures/examples/soc-trang-2023-funding.csv");
    // The funding CSV's sheet is named after its file; the bracket workbook uses the same name.
    const sheet = path.basename(funding, ".csv");
    const brackets = await book("ty-le-sai.xlsx", {
      [sheet]: [
        ["Cận dưới (%)", "Cận trên (%)", "Tỷ lệ đối ứng tối thiểu"],
        [0, 60, 1],
        [50, 100, "#DIV/0!"],
      ],
    });
    let run = await runCli([
      "counterpart",
      funding,
      "--brackets",
      brackets,
      "--support-share",
      "65",
    ]);
    expect(run.code).toBe(2);
    namesOnly(run.stderr, brackets, funding);
    const none = await book("khong-ty-le.xlsx", { [sheet]: NOTHING });
    run = await runCli(["counterpart", funding, "--brackets", none, "--support-share", "65"]);
    expect(run.code).toBe(2);
    namesOnly(run.stderr, none, funding);
  });
});
