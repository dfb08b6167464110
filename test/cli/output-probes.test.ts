// Probes of the written files: control characters from a pasted commune name and a roadmap of 3,000 newly standard
// communes give files every office program opens as they are, and the CLI says what it changed, cell by cell.

import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import mammoth from "mammoth";
import { NEWLY_STANDARD_TABLE } from "../../src/workbook/writers/roadmap";
import { expectStrictFile } from "../support/strict-files";
import { runCli } from "./helpers";

const EXAMPLE = path.join(__dirname, "..", "fixtures", "examples", "soc-trang-2023-communes.csv");
/** U+000B is Word's line break pasted into Excel; the others a file cannot hold either. */
const PASTED = "Thanh\u000BThới An\u0001\u001B\uFFFE\uFFFF";

jest.setTimeout(60_000);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-output-probes-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function controlCsv(): Promise<string> {
  const file = path.join(dir, "xa-dieu-khien.csv");
  const text = await fs.readFile(EXAMPLE, "utf8");
  expect(text).toContain("Thanh Thới An");
  await fs.writeFile(file, text.replace("Thanh Thới An", PASTED), "utf8");
  return file;
}

describe("a commune name with control characters", () => {
  it("is written to --out without them, with a warning naming the name's cell in the input and where it went", async () => {
    const out = path.join(dir, "chi-tieu.xlsx");
    const run = await runCli([
      "targets",
      await controlCsv(),
      "--year",
      "2024",
      "--budget",
      "16",
      "--out",
      out,
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expectStrictFile(out);
    // The cell the user can change: the name's own cell in the CSV (column B of its line), then the result cell.
    const line =
      (await fs.readFile(EXAMPLE, "utf8"))
        .split(/\r?\n/)
        .findIndex((l) => l.includes("Thanh Thới An")) + 1;
    expect(run.stdout).toMatch(
      new RegExp(
        `! Ô xa-dieu-khien!B${line} \\(ghi vào KQ_ChiTieu![A-Z]+\\d+\\): đã bỏ 5 ký tự.*U\\+000B.*U\\+FFFF`
      )
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const texts: string[] = [];
    book.getWorksheet("KQ_ChiTieu")!.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string") texts.push(cell.value);
      })
    );
    expect(texts).toContain("Thanh Thới An");
  });

  it("is written to the Word report without them, with a warning naming where", async () => {
    const out = path.join(dir, "bao-cao.docx");
    const run = await runCli([
      "report",
      await controlCsv(),
      "--year",
      "2024",
      "--budget",
      "16",
      "--json",
      "--out",
      out,
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expectStrictFile(out);
    const json = JSON.parse(run.stdout) as {
      outWarnings: { en: string; sheet?: string; cell?: string }[];
    };
    // The commune is short of the standard: it is listed in the targets' appendix (appendix I only counts). The
    // warning names the name's cell in the input CSV first, then where in the report it went.
    const said = json.outWarnings.find((w) =>
      /^Cell xa-dieu-khien!B\d+ \(written to the report, Phụ lục II, table targets, row \d+, column \d+\): removed 5/.test(
        w.en
      )
    );
    expect(said).toBeDefined();
    expect(said!.sheet).toBe("xa-dieu-khien");
    expect(said!.cell).toMatch(/^B\d+$/);
    const text = (await mammoth.extractRawText({ buffer: await fs.readFile(out) })).value;
    expect(text).toContain("Thanh Thới An");
  });
});

describe("a roadmap of 3,000 communes newly at the standard", () => {
  it("lists them in a table of their own, one a row, never in one cell over Excel's limit", async () => {
    const file = path.join(dir, "3000-xa.csv");
    const criteria = Array.from({ length: 18 }, (_, i) => i + 1).join(",");
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `${i + 1},Xã Thạnh Phú Đông số ${i + 1},Huyện ${i % 11},18,"${criteria}"`
    );
    await fs.writeFile(
      file,
      ["TT,Tên xã,Huyện,Số tiêu chí đạt,Tiêu chí đạt", ...rows].join("\n"),
      "utf8"
    );
    const out = path.join(dir, "lo-trinh.xlsx");
    const run = await runCli([
      "roadmap",
      file,
      "--budget",
      "3000",
      "--from",
      "2024",
      "--to",
      "2025",
      "--out",
      out,
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expectStrictFile(out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet("KQ_LoTrinh")!;
    const table = sheet
      .getTables()
      .find((t) => (t as unknown as { name: string }).name === NEWLY_STANDARD_TABLE);
    expect(table).toBeDefined();
    // The names are the table's second column, wherever the table stands on the sheet.
    const ref = (table as unknown as { table: { tableRef: string } }).table.tableRef;
    const nameCol = Number(sheet.getCell(ref.split(":")[0]).col) + 1;
    const names: string[] = [];
    sheet.eachRow((row) => {
      const v = row.getCell(nameCol).value;
      if (typeof v === "string" && v.startsWith("Xã Thạnh Phú Đông số ")) names.push(v);
    });
    expect(new Set(names).size).toBe(3000);
    expect(run.stdout).not.toMatch(/32[.,]767/);
  });
});

describe("a bracket note with U+FFFE", () => {
  it("gives the counterpart sheet a print header openpyxl and Excel open, and says which cell changed", async () => {
    const brackets = path.join(dir, "ty-le.csv");
    await fs.writeFile(
      brackets,
      "Cận dưới (%),Cận trên (%),Tỷ lệ đối ứng tối thiểu,Ghi chú\n0,50,1.5,a\n50,100,1.2,Quyết định \uFFFE số 7 & \u000B mới\n",
      "utf8"
    );
    const funding = path.join(
      __dirname,
      "..",
      "fixtures",
      "examples",
      "soc-trang-2023-funding.csv"
    );
    const out = path.join(dir, "doi-ung.xlsx");
    const run = await runCli([
      "counterpart",
      funding,
      "--brackets",
      brackets,
      "--support-share",
      "65",
      "--out",
      out,
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expectStrictFile(out);
    // The note's own cell (line 3 of the CSV, column D), then where the text went.
    expect(run.stdout).toMatch(/! Ô ty-le!D3 \(ghi vào KQ_DoiUng!A1\): đã bỏ 2 ký tự/);
  });
});
