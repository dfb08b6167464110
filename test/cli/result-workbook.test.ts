// The result workbook is clean (issue 24): every job's --out on both samples, opened with ExcelJS. Years are numbers,
// no text sits in a column of figures, tables are named by their content, a second table stands beside the first
// (never below it, where its texts would widen the first one's columns), a figure shown on two sheets is one stored
// value under one format, and every header is "Tiếng Việt (English)".

import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FORMATS } from "../../src/workbook/output";
import { HEADER_RULE, isBilingualHeader } from "../../src/workbook/headers";
import { writeOut, writtenTables } from "./helpers";

const SAMPLE = path.join(__dirname, "../../assets/ntm-sample.xlsx");
const SAMPLE_2026 = path.join(__dirname, "../../assets/ntm-sample-2026.xlsx");

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-workbook-"));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

jest.setTimeout(120_000);

interface Table {
  sheet: string;
  name: string;
  left: number;
  right: number;
  headers: string[];
  /** Body cells by column (0-based within the table). */
  columns: { value: ExcelJS.CellValue; format: string; address: string }[][];
}

async function tablesOf(file: string): Promise<Table[]> {
  return (await writtenTables(file)).map(({ sheet, name, top, bottom, left, right }) => {
    const headers: string[] = [];
    const columns: Table["columns"] = [];
    for (let c = left; c <= right; c++) {
      headers.push(String(sheet.getCell(top, c).value));
      const cells: Table["columns"][number] = [];
      for (let r = top + 1; r <= bottom; r++) {
        const cell = sheet.getCell(r, c);
        cells.push({ value: cell.value, format: cell.numFmt ?? "", address: cell.address });
      }
      columns.push(cells);
    }
    return { sheet: sheet.name, name, left, right, headers, columns };
  });
}

async function out(name: string, argv: string[]): Promise<Table[]> {
  return tablesOf(await writeOut(tmp, name, argv));
}

/** Every job that writes sheets, on both samples (plan runs summary, targets, funding, counterpart and roadmap). */
const RUNS: [string, string[]][] = [
  [
    "plan-2023",
    ["plan", SAMPLE, "--year", "2024", "--budget", "16", "--max-per-commune", "3", "--to", "2025"],
  ],
  ["allocate-2023", ["allocate", SAMPLE, "--total", "100000", "--policy", "qd-07-2022"]],
  ["plan-2026", ["plan", SAMPLE_2026, "--budget", "20000", "--to", "2030"]],
  ["targets-2026", ["targets", SAMPLE_2026, "--costs", SAMPLE_2026, "--budget", "20000"]],
  ["allocate-2026", ["allocate", SAMPLE_2026, "--total", "100000", "--policy", "2026-2030"]],
];

let all: Map<string, Table[]>;
beforeAll(async () => {
  all = new Map();
  for (const [name, argv] of RUNS) all.set(name, await out(name, argv));
});

const everyTable = () => [...all.entries()].flatMap(([run, ts]) => ts.map((t) => ({ run, ...t })));

describe("the result workbook is clean (both samples, every job)", () => {
  it("writes years as numbers in the year format", () => {
    let years = 0;
    for (const t of everyTable()) {
      t.headers.forEach((h, c) => {
        if (!/^Năm( |$)/.test(h) || /^Năm\/Cột/.test(h)) return;
        for (const cell of t.columns[c]) {
          if (cell.value === null) continue;
          expect(`${t.run} ${t.sheet}!${cell.address} ${typeof cell.value}`).toBe(
            `${t.run} ${t.sheet}!${cell.address} number`
          );
          expect(cell.format).toBe(FORMATS.year);
          years += 1;
        }
      });
    }
    expect(years).toBeGreaterThan(5);
  });

  it("keeps text out of the columns of figures ('not projected' is an empty cell and a note)", () => {
    const mixed: string[] = [];
    for (const t of everyTable()) {
      // Tables of key figures (label | value) hold one figure or word per line, each with its own format.
      if (t.headers.length === 2 && /^Giá trị/.test(t.headers[1])) continue;
      t.columns.forEach((cells, c) => {
        if (!cells.some((x) => typeof x.value === "number")) return;
        for (const x of cells) {
          if (typeof x.value === "string" && x.value.trim() !== "")
            mixed.push(`${t.run} ${t.sheet}!${x.address} ${t.headers[c]}: ${x.value}`);
        }
      });
    }
    expect(mixed).toEqual([]);
    const roadmap = all.get("plan-2026")!.find((t) => t.name === "NTM_LoTrinh")!;
    const modern = roadmap.headers.findIndex((h) => /^Số xã NTM hiện đại/.test(h));
    const note = roadmap.headers.findIndex((h) => /^Ghi chú/.test(h));
    // The sample states no modern-tier requirements: after the status year the cell is empty and the note says why.
    expect(roadmap.columns[modern].slice(1).every((x) => x.value === null)).toBe(true);
    expect(String(roadmap.columns[note][1].value)).toMatch(/chưa dự kiến \(.*not projected/);
  });

  it("states the bands assumed for the data's criteria set: 10-criterion bands for the 2026 sample", () => {
    const bandsAssumed = (run: string) => {
      const t = all.get(run)!.find((x) => x.name === "NTM_GiaDinh")!;
      const what = t.headers.findIndex((h) => /^Giả định/.test(h));
      const value = t.headers.findIndex((h) => /^Giá trị/.test(h));
      const r = t.columns[what].findIndex((c) => /^Nhóm số tiêu chí/.test(String(c.value)));
      return t.columns[value][r]?.value;
    };
    expect(bandsAssumed("plan-2026")).toBe("10,8-9,5-7,0-4");
    expect(bandsAssumed("plan-2023")).toBe("19,15-18,10-14,5-9,0-4");
  });

  it("names tables by their content, never with a number added to tell two apart", () => {
    const names = everyTable().map((t) => `${t.run} ${t.name}`);
    expect(names.filter((n) => /_\d+$/.test(n))).toEqual([]);
    expect(names).toContain("plan-2023 NTM_LoTrinh_MucTieu");
    expect(names).toContain("plan-2026 NTM_LoTrinh_MucTieu");
  });

  it("puts a second table beside the first, so no column holds two tables' texts", () => {
    let sheetsWithTwo = 0;
    for (const [run, tables] of all) {
      const bySheet = new Map<string, Table[]>();
      for (const t of tables) bySheet.set(t.sheet, [...(bySheet.get(t.sheet) ?? []), t]);
      for (const [sheet, ts] of bySheet) {
        if (ts.length > 1) sheetsWithTwo += 1;
        const overlapping = ts.flatMap((a, i) =>
          ts
            .slice(i + 1)
            .filter((b) => a.left <= b.right && b.left <= a.right)
            .map((b) => `${a.name}/${b.name}`)
        );
        expect({ run, sheet, overlapping }).toEqual({ run, sheet, overlapping: [] });
      }
    }
    expect(sheetsWithTwo).toBeGreaterThan(3);
  });

  it("stores a figure shown on several sheets as one value under one format (the average criteria)", () => {
    for (const run of ["plan-2023", "plan-2026"]) {
      const tables = all.get(run)!;
      const averages: { where: string; value: unknown; format: string }[] = [];
      for (const t of tables) {
        t.headers.forEach((h, c) => {
          if (/^Số tiêu chí bình quân/.test(h))
            averages.push({ where: `${t.sheet} ${h}`, ...pick(t.columns[c][0]) });
        });
        if (/^Giá trị/.test(t.headers[1] ?? "")) {
          t.columns[0].forEach((label, r) => {
            if (
              /^(Số tiêu chí bình quân|Bình quân tiêu chí\/xã hiện nay)/.test(String(label.value))
            )
              averages.push({
                where: `${t.sheet} ${String(label.value)}`,
                ...pick(t.columns[1][r]),
              });
          });
        }
      }
      // The summary, the targets' key figures and the roadmap's status year.
      expect(averages.length).toBeGreaterThanOrEqual(3);
      const first = averages[0];
      for (const a of averages) expect({ ...a, where: "" }).toEqual({ ...first, where: "" });
      expect(first.format).toBe(FORMATS.average);
    }
  });

  it("writes every header as 'Tiếng Việt (English)', one way across all writers", () => {
    const wrong: string[] = [];
    let headers = 0;
    for (const t of everyTable()) {
      for (const h of t.headers) {
        headers += 1;
        if (!isBilingualHeader(h)) wrong.push(`${t.run} ${t.sheet} ${t.name}: ${h}`);
      }
    }
    expect(headers).toBeGreaterThan(100);
    expect({ rule: String(HEADER_RULE), wrong }).toEqual({ rule: String(HEADER_RULE), wrong: [] });
  });
});

function pick(cell: { value: ExcelJS.CellValue; format: string }) {
  return { value: cell.value, format: cell.format };
}
