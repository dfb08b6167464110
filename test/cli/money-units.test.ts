// Money tables in tỷ đồng, nghìn đồng, đồng and with columns in different units, through funding, counterpart and
// the Word report: every figure printed is the input's, and the words beside it name the unit it is in.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { jobJson, reportText, writeFundingBook, type Cell } from "./money-books";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-money-units-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

// Vietnamese and English grouping written here, apart from the outputs' formatters.
const vi = (n: number) => n.toLocaleString("vi-VN", { maximumFractionDigits: 3 });
const en = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 3 });

/** Appendix III's lines with two columns of figures: central (2 sub-lines), local (2 sub-lines), credit. */
function lines(c23: number[], c24: number[]): Cell[][] {
  const [ci, cr, lp, ld, credit] = [0, 1, 2, 3, 4];
  const row = (i: number): [number, number] => [c23[i], c24[i]];
  const sum = (...is: number[]) =>
    [0, 1].map((k) => is.reduce((s, i) => s + row(i)[k], 0)) as [number, number];
  const round = (x: number) => Number(x.toFixed(6));
  const central = sum(ci, cr).map(round);
  const local = sum(lp, ld).map(round);
  const total = [0, 1].map((k) => round(central[k] + local[k] + row(credit)[k]));
  return [
    [null, "TỔNG SỐ", ...total],
    ["I", "NGÂN SÁCH TRUNG ƯƠNG", ...central],
    [1, "Đầu tư phát triển", ...row(ci)],
    [2, "Sự nghiệp", ...row(cr)],
    ["II", "NGÂN SÁCH ĐỊA PHƯƠNG", ...local],
    [1, "Tỉnh", ...row(lp)],
    [2, "Huyện", ...row(ld)],
    ["III", "VỐN TÍN DỤNG", ...row(credit)],
  ];
}

interface Case {
  name: string;
  unitLine?: string;
  headers: string[];
  c23: number[];
  c24: number[];
  /** The unit the outputs must name (million VND: every output states money in it), and the factor to it. */
  unit: { vi: string; en: string };
  factor: [number, number];
  /** The note saying what was converted. */
  note: RegExp;
}

const CASES: Case[] = [
  {
    name: "ty-dong",
    unitLine: "ĐVT: tỷ đồng",
    headers: ["Kết quả huy động năm 2023", "Kế hoạch năm 2024"],
    c23: [191.652, 31.882, 29.964, 24.387, 1429.056],
    c24: [169.946, 30.388, 185.253, 25.46, 1471.928],
    unit: { vi: "triệu đồng", en: "million VND" },
    factor: [1000, 1000],
    note: /The table is in billion VND \(cell A3\): its figures are converted to million VND \(× 1,000\)/,
  },
  {
    name: "nghin-dong",
    unitLine: "Đơn vị tính: nghìn đồng",
    headers: ["Kết quả huy động năm 2023", "Kế hoạch năm 2024"],
    c23: [191652000, 31882000, 29964000, 24387000, 1429056000],
    c24: [169946000, 30388000, 185253000, 25460000, 1471928000],
    unit: { vi: "triệu đồng", en: "million VND" },
    factor: [0.001, 0.001],
    note: /The table is in thousand VND \(cell A3\): its figures are converted to million VND \(÷ 1,000\)/,
  },
  {
    name: "dong",
    unitLine: "ĐVT: đồng",
    headers: ["Kết quả huy động năm 2023", "Kế hoạch năm 2024"],
    c23: [191652000000, 31882000000, 29964000000, 24387000000, 1429056000000],
    c24: [169946000000, 30388000000, 185253000000, 25460000000, 1471928000000],
    unit: { vi: "triệu đồng", en: "million VND" },
    factor: [0.000001, 0.000001],
    note: /The table is in VND \(cell A3\): its figures are converted to million VND \(÷ 1,000,000\)/,
  },
  {
    // No unit line; each column says its own: the figures are all converted to million VND.
    name: "mixed",
    headers: ["Năm 2023 (triệu đồng)", "Kế hoạch 2024 (tỷ đồng)"],
    c23: [191652, 31882, 29964, 24387, 1429056],
    c24: [169.946, 30.388, 185.253, 25.46, 1471.928],
    unit: { vi: "triệu đồng", en: "million VND" },
    factor: [1, 1000],
    note: /column "Kế hoạch 2024" is in billion VND, converted to million VND \(× 1,000\)/,
  },
  {
    // The sheet says triệu đồng, one column says tỷ đồng: the column's own unit wins.
    name: "mixed-with-sheet-unit",
    unitLine: "ĐVT: triệu đồng",
    headers: ["Kết quả huy động năm 2023", "Kế hoạch năm 2024 (tỷ đồng)"],
    c23: [191652, 31882, 29964, 24387, 1429056],
    c24: [169.946, 30.388, 185.253, 25.46, 1471.928],
    unit: { vi: "triệu đồng", en: "million VND" },
    factor: [1, 1000],
    note: /column "Kế hoạch năm 2024" is in billion VND, converted to million VND \(× 1,000\)/,
  },
];

describe.each(CASES)("a funding table: $name", (c) => {
  let file: string;
  const as = (k: 0 | 1, x: number) => Number((x * c.factor[k]).toFixed(6));
  const col = (k: 0 | 1) => (k === 0 ? c.c23 : c.c24);
  const central = (k: 0 | 1) => as(k, col(k)[0] + col(k)[1]);
  const local = (k: 0 | 1) => as(k, col(k)[2] + col(k)[3]);
  const total = (k: 0 | 1) => as(k, col(k)[0] + col(k)[1] + col(k)[2] + col(k)[3] + col(k)[4]);
  beforeAll(async () => {
    file = await writeFundingBook(path.join(dir, `${c.name}.xlsx`), {
      unitLine: c.unitLine,
      headers: c.headers,
      rows: lines(c.c23, c.c24),
    });
  });

  it("funding states the figures in the unit it names", async () => {
    const run = await jobJson(["funding", file]);
    expect(run.code).toBe(0);
    expect(run.json.unit).toMatchObject(c.unit);
    for (const k of [0, 1] as const) {
      expect(run.json.columns[k].total).toBeCloseTo(total(k), 6);
      expect(run.json.columns[k].lines[0]).toMatchObject({ label: "NGÂN SÁCH TRUNG ƯƠNG" });
      expect(run.json.columns[k].lines[0].amount).toBeCloseTo(central(k), 6);
      // The stated total agrees with the sum of the sources once each column is in one unit.
      expect(run.json.columns[k].checks.every((x: { ok: boolean }) => x.ok)).toBe(true);
    }
    expect(run.json.warnings.map((w: { en: string }) => w.en).join("\n")).toMatch(c.note);
  });

  it("counterpart states local and central in that unit", async () => {
    const run = await jobJson(["counterpart", file, "--ratio", "1"]);
    expect(run.code).toBe(0);
    expect(run.json.unit).toMatchObject(c.unit);
    for (const k of [0, 1] as const) {
      expect(run.json.columns[k].central).toBeCloseTo(central(k), 6);
      expect(run.json.columns[k].local).toBeCloseTo(local(k), 6);
      expect(run.json.columns[k].compliant).toBe(local(k) >= central(k));
    }
  });

  it("the report prints the same figures with that unit's words, in Vietnamese and English", async () => {
    const vnRun = await reportText(file, dir, ["--ratio", "1"]);
    expect(vnRun.stderr).toBe("");
    expect(vnRun.code).toBe(0);
    // Column names lose the unit bracket: the unit is said once, beside the figures.
    const name = (k: 0 | 1) => c.headers[k].replace(/ \((triệu|tỷ) đồng\)/, "");
    for (const k of [0, 1] as const) {
      expect(vnRun.text).toContain(`${name(k)}: tổng số ${vi(total(k))} ${c.unit.vi}, trong đó:`);
      expect(vnRun.text).toContain(
        `${name(k)}: ngân sách địa phương ${vi(local(k))} ${c.unit.vi}, ngân sách trung ương ${vi(central(k))} ${c.unit.vi};`
      );
    }
    expect(vnRun.text).toContain(`ĐVT: ${c.unit.vi}`);
    // No word names a unit the figures are not in.
    for (const other of ["tỷ đồng", "nghìn đồng", "triệu đồng"].filter((u) => u !== c.unit.vi))
      expect(vnRun.text).not.toContain(other);
    const enRun = await reportText(file, dir, ["--ratio", "1", "--lang", "en"]);
    expect(enRun.code).toBe(0);
    expect(enRun.text).toContain(`${name(0)}: ${en(total(0))} ${c.unit.en} in all, of which:`);
    expect(enRun.text).toContain(`${name(1)}: ${en(total(1))} ${c.unit.en} in all, of which:`);
    expect(enRun.text).toContain(`Unit: ${c.unit.en}`);
  }, 30_000);
});
