// Every figure of every result sheet has an explicit number format: the CLI's --out files of every job on both
// samples, opened with ExcelJS. Counts are whole ("72", never "72,00"), shares are percentages, nothing is General.

import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FORMATS } from "../../src/workbook/output";
import { writeOut, writtenTables } from "./helpers";
import { expectStrictFile } from "../support/strict-files";

const SAMPLE = path.join(__dirname, "../../assets/ntm-sample.xlsx");
const SAMPLE_2026 = path.join(__dirname, "../../assets/ntm-sample-2026.xlsx");

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-formats-"));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A small workbook for the jobs the samples have no sheet for (coefficients, merger mapping). */
async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) book.addWorksheet(sheet).addRows(rows);
  const file = path.join(tmp, name);
  await book.xlsx.writeFile(file);
  return file;
}

interface Cell {
  sheet: string;
  table: string;
  header: string;
  /** The label in the table's first column (key-figure tables hold several kinds in one column). */
  label: unknown;
  address: string;
  value: number;
  format: string;
}

/** Every numeric body cell of every table of the visible sheets. */
async function numericCells(file: string): Promise<Cell[]> {
  const cells: Cell[] = [];
  for (const { sheet, name, top, bottom, left, right } of await writtenTables(file)) {
    for (let r = top + 1; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        const cell = sheet.getCell(r, c);
        if (typeof cell.value !== "number") continue;
        cells.push({
          sheet: sheet.name,
          table: name,
          header: String(sheet.getCell(top, c).value),
          label: sheet.getCell(r, left).value,
          address: cell.address,
          value: cell.value,
          format: cell.numFmt ?? "",
        });
      }
    }
  }
  return cells;
}

/** Column headers of counts: communes, criteria, indicators, row numbers, commune groups. */
const COUNT_HEADER =
  /^(TT|Số xã|Số tiêu chí đạt|Số TC|Số chỉ tiêu|Lũy kế|Nhóm xã|Tiêu chí \(Criterion\)$|Số xã cũ)/;
/** Row labels of counts in a table of key figures. */
const COUNT_LABEL = /^(Số xã|Số tiêu chí (tăng|đạt) thêm|Số chỉ tiêu đạt thêm|Nhóm xã \d: số xã)/;

async function run(name: string, argv: string[]): Promise<Cell[]> {
  const out = await writeOut(tmp, name, argv);
  expectStrictFile(out);
  const cells = await numericCells(out);
  expect(cells.length).toBeGreaterThan(0);
  return cells;
}

function checkFormats(cells: Cell[]): void {
  const general = cells.filter((c) => c.format === "" || c.format === "General");
  expect(general.map((c) => `${c.sheet}!${c.address} ${c.header}`)).toEqual([]);
  const counts = cells.filter(
    (c) =>
      COUNT_HEADER.test(c.header) ||
      (/^Giá trị/.test(c.header) && typeof c.label === "string" && COUNT_LABEL.test(c.label))
  );
  expect(counts.length).toBeGreaterThan(0);
  const notWhole = counts.filter((c) => c.format !== FORMATS.count);
  expect(notWhole.map((c) => `${c.sheet}!${c.address} ${c.header} ${c.format}`)).toEqual([]);
  // A count is a whole number, so the whole-number format shows it exactly.
  expect(counts.filter((c) => !Number.isInteger(c.value)).map((c) => c.address)).toEqual([]);
  // Averages keep two decimals; shares are percentages; no format hard-codes a separator as a literal.
  for (const c of cells) {
    if (/bình quân/i.test(`${c.header} ${String(c.label)}`) && !/Số xã/.test(c.header)) {
      expect(`${c.address} ${c.format}`).toBe(`${c.address} ${FORMATS.average}`);
    }
    if (/^Tỷ (lệ|trọng)( -|$| \(Share\))/.test(c.header)) expect(c.format).toMatch(/%$/);
    expect(c.format).not.toMatch(/\\\.|"\."|#\.##/);
  }
}

jest.setTimeout(60_000);

/**
 * Shares of a whole shown in a sheet add to exactly 100,00%: the cells hold the displayed (rounded) shares, so what
 * Excel shows and what a SUM gives agree. Returns the number of groups of shares checked.
 */
function checkShares(
  cells: Cell[],
  groups: { header: RegExp; label: (label: unknown) => boolean }[]
) {
  let checked = 0;
  for (const group of groups) {
    const byColumn = new Map<string, Cell[]>();
    for (const c of cells) {
      if (!group.header.test(c.header) || !group.label(c.label)) continue;
      const key = `${c.sheet}/${c.table}/${c.header}`;
      byColumn.set(key, [...(byColumn.get(key) ?? []), c]);
    }
    for (const [key, shares] of byColumn) {
      const units = shares.map((c) => c.value * 10000);
      // Each cell holds a whole number of 0,01% …
      expect(units.filter((u) => Math.abs(u - Math.round(u)) > 1e-6)).toEqual([]);
      // … and they add to exactly 100,00%.
      expect({ key, sum: units.reduce((a, b) => a + Math.round(b), 0) }).toEqual({
        key,
        sum: 10000,
      });
      checked += 1;
    }
  }
  return checked;
}

const BAND = (label: unknown) => typeof label === "string" && /criteria\)$/.test(label);
const GROUP = (label: unknown) => typeof label === "string" && /^Nhóm xã \d: số xã \(/.test(label);

describe("result sheets' number formats (CLI --out, ExcelJS)", () => {
  it("sample 2021-2025: plan (summary, targets, funding, counterpart, roadmap)", async () => {
    const cells = await run("plan", [
      "plan",
      SAMPLE,
      "--year",
      "2024",
      "--budget",
      "16",
      "--max-per-commune",
      "3",
      "--method",
      "optimal",
      "--to",
      "2025",
    ]);
    checkFormats(cells);
    expect(new Set(cells.map((c) => c.sheet))).toEqual(
      new Set(["KQ_TongHop", "KQ_TungXa", "KQ_ChiTieu", "KQ_NguonVon", "KQ_DoiUng", "KQ_LoTrinh"])
    );
    // The example: the roadmap's target of 72 communes shows as 72, not 72,00.
    const target = cells.find((c) => c.sheet === "KQ_LoTrinh" && c.header === "Mục tiêu (Goal)");
    expect(target).toMatchObject({ value: 72, format: FORMATS.count });
    const average = cells.find((c) => c.sheet === "KQ_TongHop" && c.value === 18.625);
    expect(average?.format).toBe(FORMATS.average);
    const year = cells.find((c) => c.sheet === "KQ_LoTrinh" && c.header === "Năm (Year)");
    // The status year is a number too (the basis column says it is the status).
    expect(year).toMatchObject({ value: 2023, format: FORMATS.year });
    // Funding mix (the top-level sources of each column; sub-lines are indented) and the bands.
    const sources = (label: unknown) =>
      typeof label === "string" && !/^\s/.test(label) && !/^Tổng số/.test(label);
    expect(
      checkShares(cells, [
        { header: /^Tỷ lệ - /, label: sources },
        { header: /^Tỷ lệ \(Share\)$/, label: BAND },
      ])
    ).toBe(3);
  });

  it("sample 2021-2025: allocation by policy", async () => {
    const cells = await run("allocate-policy", [
      "allocate",
      SAMPLE,
      "--total",
      "100000",
      "--policy",
      "qd-07-2022",
    ]);
    checkFormats(cells);
    expect(
      cells.find((c) => c.header === "Số vốn phân bổ, triệu đồng (Allocated, million VND)")?.format
    ).toBe(FORMATS.money);
    const numbered = (label: unknown) => typeof label === "number";
    expect(checkShares(cells, [{ header: /^Tỷ trọng \(Share\)$/, label: numbered }])).toBe(1);
  });

  it("sample 2026-2030: summary, targets and roadmap by indicator", async () => {
    const summary = await run("summary-2026", ["summary", SAMPLE_2026, "--year", "2027"]);
    checkFormats(summary);
    expect(summary.some((c) => c.table === "NTM_TheoChiTieu")).toBe(true);
    expect(
      checkShares(summary, [
        { header: /^Tỷ lệ \(Share\)$/, label: BAND },
        { header: /^Tỷ lệ \(Share\)$/, label: GROUP },
      ])
    ).toBe(2);
    const targets = await run("targets-2026", [
      "targets",
      SAMPLE_2026,
      "--costs",
      SAMPLE_2026,
      "--year",
      "2027",
      "--budget",
      "20000",
    ]);
    checkFormats(targets);
    expect(targets.some((c) => c.table === "NTM_ChiTieu_ChiTiet")).toBe(true);
    const roadmap = await run("roadmap-2026", [
      "roadmap",
      SAMPLE_2026,
      "--budget",
      "20000",
      "--to",
      "2030",
    ]);
    checkFormats(roadmap);
    // The target of 65 communes at the standard shows as 65, not 65,00.
    const goal = roadmap.find((c) => c.header === "Mục tiêu (Goal)" && c.value === 65);
    expect(goal?.format).toBe(FORMATS.count);
  });

  it("allocation by coefficients and the merger (sheets the samples do not have)", async () => {
    const coefficients = await workbook("he-so.xlsx", {
      "Hệ số": [
        ["Đơn vị", "Hệ số"],
        ["Huyện Kế Sách", 1.5],
        ["Huyện Long Phú", 1],
        ["Huyện Cù Lao Dung", 1.25],
      ],
    });
    const allocation = await run("allocate", [
      "allocate",
      coefficients,
      "--total",
      "1000",
      "--unit",
      "1",
    ]);
    checkFormats(allocation);
    expect(
      checkShares(allocation, [
        { header: /^Tỷ trọng \(Share\)$/, label: (l) => typeof l === "number" },
      ])
    ).toBe(1);
    // Coefficients as typed (1,5 and 1,25 need two decimals).
    expect(allocation.find((c) => c.header === "Hệ số (Coefficient)")?.format).toBe("#,##0.00");
    const merger = await workbook("sap-nhap.xlsx", {
      "Sáp nhập": [
        ["Xã cũ", "Mã xã cũ", "Xã mới", "Mã xã mới", "Ngày hiệu lực"],
        ["Phú Tân", "31561", "Phú Tâm", "31700", "01/07/2025"],
        ["Thuận Hòa", "31564", "Phú Tâm", "31700", "01/07/2025"],
        ["Tài Văn", "31570", "Tài Văn", "31710", "01/07/2025"],
      ],
      "Vốn theo xã": [
        ["TT", "Tên xã", "Năm 2024", "Năm 2025"],
        [1, "Phú Tân", 1200, 1500.5],
        [2, "Thuận Hòa", 800, null],
        [3, "Tài Văn", 400, 600],
      ],
    });
    const merge = await run("merge", ["merge", merger]);
    checkFormats(merge);
    // Money keeps the decimals the input had: 1500,5 in 2025, whole amounts in 2024.
    expect(merge.find((c) => c.header === "Năm 2024 (Year 2024)")?.format).toBe(FORMATS.money);
    expect(merge.find((c) => c.header === "Năm 2025 (Year 2025)")?.format).toBe("#,##0.0");
  });
});
