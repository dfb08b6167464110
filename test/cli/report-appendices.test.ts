// The report of a 2,000-commune province: its appendices list every commune not yet at the standard, count the
// communes at the standard by district in a small table, and send the reader to the results workbook's per-commune
// sheet, which holds every commune. Figures are computed here from the generator's own communes; the written .docx
// and .xlsx pass the strict reader. (Memory and time at 10,000 and 50,000 communes are measured in the bench.)

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { writeProvinceBook, type ProvinceBook } from "../../bench/report-workbook";
import { htmlTables, runCli, tableWithHeader } from "./helpers";
import { expectStrictFile } from "../support/strict-files";

const COMMUNES = 2000;
const CRITERIA = 19;
// Written independently of the report's formatter: counts in tables with the Vietnamese thousands separator.
const vi = (n: number) => n.toLocaleString("vi-VN");

describe("report of 2,000 communes: appendices by what a report can hold", () => {
  let dir: string;
  let book: ProvinceBook;
  let docx: string;
  let results: string;
  let html: string;
  let text: string;
  let json: Record<string, unknown>;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-report-2000-"));
    const input = path.join(dir, "tinh.xlsx");
    book = await writeProvinceBook(input, { communes: COMMUNES, seed: "report-appendices" });
    docx = path.join(dir, "bao-cao.docx");
    results = path.join(dir, "ket-qua.xlsx");
    const run = await runCli([
      "report",
      input,
      "--year",
      "2024",
      "--budget",
      "400",
      "--max-per-commune",
      "3",
      "--total",
      "100000",
      "--json",
      "--out",
      docx,
      "--results",
      results,
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    json = JSON.parse(run.stdout);
    const buffer = await fs.readFile(docx);
    html = (await mammoth.convertToHtml({ buffer })).value;
    text = (await mammoth.extractRawText({ buffer })).value;
  }, 120_000);
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const open = () => book.region.communes.filter((c) => c.achieved.length < CRITERIA);
  const standard = () => book.region.communes.filter((c) => c.achieved.length === CRITERIA);

  it("writes a .docx and an .xlsx the strict reader accepts", () => {
    expectStrictFile(docx);
    expectStrictFile(results);
    expect(json.resultsSheets).toContain("KQ_TungXa");
  });

  it("lists every commune not yet at the standard, once, in the targets' appendix", () => {
    const expected = open();
    // The generator's spread: about 28% of the communes are short of the standard, 72% at it.
    expect(expected.length).toBeGreaterThan(COMMUNES * 0.2);
    expect(expected.length).toBeLessThan(COMMUNES * 0.4);
    const targets = tableWithHeader(htmlTables(html), "Tên tiêu chí phấn đấu đạt");
    const rows = targets.slice(2);
    expect(rows).toHaveLength(expected.length);
    expect(rows.map((r) => r[1]).sort()).toEqual(expected.map((c) => c.name).sort());
    for (const row of rows) {
      const commune = expected.find((c) => c.name === row[1])!;
      expect(row[2]).toBe(commune.district);
      expect(row[3]).toBe(vi(commune.achieved.length));
    }
    expect(text).toContain(
      `CHI TIẾT KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ NÔNG THÔN MỚI TRÊN ĐỊA BÀN ${vi(expected.length)} XÃ CHƯA ĐẠT CHUẨN`
    );
  });

  it("counts the communes at the standard by district in a small table that adds up", () => {
    const byDistrict = new Map<string, { communes: number; standard: number }>();
    for (const c of book.region.communes) {
      const row = byDistrict.get(c.district) ?? { communes: 0, standard: 0 };
      row.communes += 1;
      if (c.achieved.length === CRITERIA) row.standard += 1;
      byDistrict.set(c.district, row);
    }
    const table = tableWithHeader(htmlTables(html), "Chưa đạt chuẩn");
    expect(table[0]).toEqual(["TT", "Tên huyện, thị xã", "Số xã", "Đạt chuẩn", "Chưa đạt chuẩn"]);
    const rows = table.slice(1, -1);
    expect(rows.map((r) => r[1])).toEqual([...byDistrict.keys()]);
    for (const row of rows) {
      const d = byDistrict.get(row[1])!;
      expect(row.slice(2)).toEqual([vi(d.communes), vi(d.standard), vi(d.communes - d.standard)]);
    }
    expect(table[table.length - 1].slice(1)).toEqual([
      "Tổng số",
      vi(COMMUNES),
      vi(standard().length),
      vi(open().length),
    ]);
  });

  it("prints no row for a commune at the standard, and no wall of inline text", () => {
    const named = new Set([
      ...open().map((c) => c.name),
      ...book.region.communes.map((c) => c.district),
    ]);
    const rowNames = new Set(htmlTables(html).flatMap((t) => t.map((r) => r[1])));
    const printed = standard().filter((c) => !named.has(c.name) && rowNames.has(c.name));
    expect(printed).toEqual([]);
    const longest = text.split("\n").reduce((m, l) => Math.max(m, l.length), 0);
    expect(longest).toBeLessThan(1500);
  });

  it("names the results workbook's per-commune sheet, which holds every commune", async () => {
    expect(text).toContain(
      `${vi(open().length)} xã chưa đạt chuẩn được liệt kê tại Phụ lục II; ` +
        "số tiêu chí đạt và tiêu chí chưa đạt của từng xã tại trang KQ_TungXa của tệp ket-qua.xlsx."
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(results);
    const sheet = wb.getWorksheet("KQ_TungXa")!;
    const rows: ExcelJS.CellValue[][] = [];
    sheet.eachRow((r) => rows.push((r.values as ExcelJS.CellValue[]).slice(1)));
    const header = rows.findIndex((r) => r[0] === "TT (No.)");
    const data = rows.slice(header + 1);
    expect(data).toHaveLength(COMMUNES);
    const atStandard = data.filter((r) => r[r.length - 1] === "Đạt chuẩn (standard)");
    expect(atStandard).toHaveLength(standard().length);
    // Each commune's missing criteria, as the generator left them out.
    const first = book.region.communes.find((c) => c.achieved.length < CRITERIA)!;
    const row = data.find((r) => r[1] === first.name)!;
    const missing = Array.from({ length: CRITERIA }, (_, i) => i + 1)
      .filter((k) => !first.achieved.includes(k))
      .join(",");
    expect(row).toContain(missing);
  });
});
