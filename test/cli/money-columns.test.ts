// Columns of a funding table that are not one more year of money (comparisons, shares) are set aside, and a text
// cell in an amount column never makes the column vanish: a "no figure" word is read as none with a warning naming
// the cell, any other text is refused naming the cell; a counterpart column without a figure is never compliant.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { jobJson, reportText, writeFundingBook, type Cell } from "./money-books";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-money-columns-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const C23 = { central: 223534, local: 54351, credit: 1429056 };
const C24 = { central: 200334, local: 210713, credit: 1471928 };
const total = (c: typeof C23) => c.central + c.local + c.credit;

/** Two years of money and a third column of the given kind (header, and its value per line). */
function book(header: string, third: (a: number, b: number) => Cell): Cell[][] {
  const line = (stt: Cell, label: string, a: number, b: number): Cell[] => [
    stt,
    label,
    a,
    b,
    third(a, b),
  ];
  return [
    line(null, "TỔNG SỐ", total(C23), total(C24)),
    line("I", "NGÂN SÁCH TRUNG ƯƠNG", C23.central, C24.central),
    line("II", "NGÂN SÁCH ĐỊA PHƯƠNG", C23.local, C24.local),
    line("III", "VỐN TÍN DỤNG", C23.credit, C24.credit),
  ].map((r) => r.slice(0, header === "" ? 4 : 5));
}

describe("comparison columns are set aside", () => {
  it.each([
    ["Tăng (+), giảm (-) so với năm 2023", (a: number, b: number) => b - a],
    ["So sánh", (a: number, b: number) => b - a],
    ["Chênh lệch", (a: number, b: number) => b - a],
    ["Tỷ lệ %", (a: number, b: number) => Math.round((b / a) * 10000) / 100],
    ["% so với năm 2023", (a: number, b: number) => Math.round((b / a) * 10000) / 100],
    ["TH/KH", (a: number, b: number) => Math.round((b / a) * 100) / 100],
  ])(
    "%s: two counterpart checks, never a third, and the report names none",
    async (header, third) => {
      const file = await writeFundingBook(path.join(dir, `cmp-${header.length}.xlsx`), {
        unitLine: "ĐVT: triệu đồng",
        headers: ["Kết quả huy động năm 2023", "Kế hoạch năm 2024", header],
        rows: book(header, third),
      });
      const funding = await jobJson(["funding", file]);
      expect(funding.code).toBe(0);
      expect(funding.json.columns.map((c: { column: string }) => c.column)).toEqual([
        "Kết quả huy động năm 2023",
        "Kế hoạch năm 2024",
      ]);
      expect(funding.json.columns.map((c: { total: number }) => c.total)).toEqual([
        total(C23),
        total(C24),
      ]);
      const counterpart = await jobJson(["counterpart", file, "--ratio", "1"]);
      expect(counterpart.code).toBe(0);
      expect(counterpart.json.columns).toHaveLength(2);
      expect(counterpart.json.columns.map((c: { compliant: boolean }) => c.compliant)).toEqual([
        C23.local >= C23.central,
        C24.local >= C24.central,
      ]);
      const report = await reportText(file, dir, ["--ratio", "1"]);
      expect(report.code).toBe(0);
      expect(report.text).not.toContain(`${header}:`);
    },
    30_000
  );
});

describe("a text cell in an amount column", () => {
  it.each(["chưa có", "x", "Chưa có số liệu", "không"])(
    '"%s" is read as no figure, with a warning naming the cell; the column stays',
    async (word) => {
      const rows = book("", () => null);
      rows[2][3] = word; // NGÂN SÁCH ĐỊA PHƯƠNG, Kế hoạch năm 2024: sheet cell D7
      rows[0][3] = null; // the total row for 2024 left blank as well
      const file = await writeFundingBook(path.join(dir, `word-${word.length}.xlsx`), {
        unitLine: "ĐVT: triệu đồng",
        headers: ["Kết quả huy động năm 2023", "Kế hoạch năm 2024"],
        rows,
      });
      const funding = await jobJson(["funding", file]);
      expect(funding.code).toBe(0);
      expect(funding.json.columns).toHaveLength(2);
      expect(funding.json.columns[1].total).toBe(C24.central + C24.credit);
      const warned = funding.json.warnings.find((w: { cell?: string }) => w.cell === "D7");
      expect(warned?.vi).toContain(`"${word}"`);
      expect(warned?.en).toContain("read as no figure");
    }
  );

  it('"chưa có" where the stated total counts the line is refused naming the cell: the total says it has a figure', async () => {
    const rows = book("", () => null);
    rows[2][3] = "chưa có"; // D7, while the total row D5 still counts the local budget
    const file = await writeFundingBook(path.join(dir, "word-under-total.xlsx"), {
      unitLine: "ĐVT: triệu đồng",
      headers: ["Kết quả huy động năm 2023", "Kế hoạch năm 2024"],
      rows,
    });
    for (const job of [["funding"], ["counterpart", "--ratio", "1"]]) {
      const run = await jobJson([job[0], file, ...job.slice(1)]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain("D7");
      expect(run.stderr).toContain("chưa có");
      expect(run.stderr).toContain("D5");
    }
  });

  it("a budget with no figure in a column is not assessed: never compliant, in the job and the report", async () => {
    const rows = book("", () => null);
    rows[1][3] = "chưa có"; // NGÂN SÁCH TRUNG ƯƠNG, 2024: D6
    rows[0][3] = null;
    const file = await writeFundingBook(path.join(dir, "no-central.xlsx"), {
      unitLine: "ĐVT: triệu đồng",
      headers: ["Kết quả huy động năm 2023", "Kế hoạch năm 2024"],
      rows,
    });
    const counterpart = await jobJson(["counterpart", file, "--ratio", "1"]);
    expect(counterpart.code).toBe(0);
    expect(counterpart.json.columns[1]).toMatchObject({
      column: "Kế hoạch năm 2024",
      compliant: false,
      ratio: null,
      missing: ["D6"],
    });
    expect(counterpart.stdout).toContain("not assessed");
    const report = await reportText(file, dir, ["--ratio", "1"]);
    expect(report.code).toBe(0);
    const line = report.text
      .split("\n")
      .find((l) => l.startsWith("Kế hoạch năm 2024: ") && !l.includes("tổng số"));
    expect(line).toContain("chưa đánh giá được");
    expect(line).not.toContain("đảm bảo tỷ lệ đối ứng theo quy định");
  }, 30_000);

  it.each([
    ["abc", "abc"],
    ["5%", "5%"],
    ["khoảng 200", "khoảng 200"],
  ])(
    '"%s" is refused naming the cell, in Vietnamese and English',
    async (value, found) => {
      const rows = book("", () => null);
      rows[2][3] = value; // D7
      const file = await writeFundingBook(path.join(dir, `text-${value.length}.xlsx`), {
        unitLine: "ĐVT: triệu đồng",
        headers: ["Kết quả huy động năm 2023", "Kế hoạch năm 2024"],
        rows,
      });
      for (const job of [["funding"], ["counterpart", "--ratio", "1"]]) {
        const run = await jobJson([job[0], file, ...job.slice(1)]);
        expect(run.code).not.toBe(0);
        expect(run.stderr).toContain("D7");
        expect(run.stderr).toContain(found);
        expect(run.stderr).toMatch(/Cần|Expected/);
      }
      const report = await reportText(file, dir, ["--ratio", "1"]);
      // The report refuses too, or leaves the money parts out with the reason: never a figure without the column.
      if (report.code === 0) {
        expect(report.text).not.toContain("Kế hoạch năm 2024:");
      } else expect(report.stderr).toContain("D7");
    },
    30_000
  );
});
