// Negative lines of a funding table ("Thu hồi, điều chỉnh giảm" −540, "(613)", "−540" typed as text) are read as
// reductions of their parent: shares are of the net totals and still add up. A total that would go below zero is
// refused naming its cell. Nothing reaches share rounding that would stop it with a message naming no cell.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { jobJson, reportText, writeFundingBook, type Cell } from "./money-books";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-money-negative-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const vi = (n: number) => n.toLocaleString("vi-VN", { maximumFractionDigits: 3 });

// 2023: central 192.192 + 31.882 − 540; local 30.577 + 24.387 − 613; credit 1.429.056.
const CENTRAL = [192192, 31882, -540];
const LOCAL = [30577, 24387, -613];
const CREDIT = 1429056;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const NET_CENTRAL = sum(CENTRAL);
const NET_LOCAL = sum(LOCAL);
const TOTAL = NET_CENTRAL + NET_LOCAL + CREDIT;

/** The same figures in both columns, the reductions typed three ways. */
function rows(): Cell[][] {
  return [
    [null, "TỔNG SỐ", TOTAL, TOTAL],
    ["I", "NGÂN SÁCH TRUNG ƯƠNG", NET_CENTRAL, NET_CENTRAL],
    [1, "Đầu tư phát triển", CENTRAL[0], CENTRAL[0]],
    [2, "Sự nghiệp", CENTRAL[1], CENTRAL[1]],
    [3, "Thu hồi, điều chỉnh giảm", CENTRAL[2], "−540"],
    ["II", "NGÂN SÁCH ĐỊA PHƯƠNG", null, null],
    [1, "Tỉnh", LOCAL[0], LOCAL[0]],
    [2, "Huyện", LOCAL[1], LOCAL[1]],
    [3, "Thu hồi, điều chỉnh giảm", "(613)", "(613)"],
    ["III", "VỐN TÍN DỤNG", CREDIT, CREDIT],
  ];
}

/** An allocation sheet whose need column holds an accounting negative. */
const COEFFICIENTS: Cell[][] = [
  ["Nhu cầu vốn phân bổ"],
  [],
  ["TT", "Đơn vị", "Nhu cầu vốn"],
  [1, "Huyện Kế Sách", 1200],
  [2, "Huyện Mỹ Tú", "(613)"],
];

describe("negative lines are reductions of their parent", () => {
  let file: string;
  beforeAll(async () => {
    file = await writeFundingBook(path.join(dir, "reductions.xlsx"), {
      unitLine: "ĐVT: triệu đồng",
      headers: ["Kết quả huy động năm 2023", "Kế hoạch năm 2024"],
      rows: rows(),
    });
  });

  it("funding: sources at their net amounts, shares that add up, each reduction noted by cell", async () => {
    const run = await jobJson(["funding", file]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    for (const column of run.json.columns) {
      expect(column.total).toBe(TOTAL);
      const byLabel = (label: string) => column.lines.filter((l: any) => l.label === label);
      expect(byLabel("NGÂN SÁCH TRUNG ƯƠNG")[0].amount).toBe(NET_CENTRAL);
      expect(byLabel("NGÂN SÁCH ĐỊA PHƯƠNG")[0].amount).toBe(NET_LOCAL);
      expect(byLabel("Thu hồi, điều chỉnh giảm").map((l: any) => l.amount)).toEqual([-540, -613]);
      const top = column.lines.filter((l: any) => l.level === 1);
      const bp = (x: number) => Math.round(x * 1e6);
      expect(sum(top.map((l: any) => bp(l.displayedShare)))).toBe(1e6);
      // The sub-lines' shares shown, the reduction's included, add up to their source's.
      const central = column.lines.slice(1, 4);
      expect(sum(central.map((l: any) => bp(l.displayedShare)))).toBe(bp(top[0].displayedShare));
      expect(central[2].share).toBeCloseTo(-540 / TOTAL, 12);
      expect(column.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
    }
    const notes = run.json.warnings.map((w: any) => `${w.cell} ${w.en}`).join("\n");
    expect(notes).toMatch(/C9 .*read as a reduction, taken from "NGÂN SÁCH TRUNG ƯƠNG"/);
    expect(notes).toMatch(/D9 .*read as a reduction/);
    expect(notes).toMatch(/C13 .*read as a reduction, taken from "NGÂN SÁCH ĐỊA PHƯƠNG"/);
  });

  it("counterpart: local and central net of the reductions", async () => {
    const run = await jobJson(["counterpart", file, "--ratio", "1"]);
    expect(run.code).toBe(0);
    expect(run.json.columns[0]).toMatchObject({
      central: NET_CENTRAL,
      local: NET_LOCAL,
      compliant: false,
      shortfall: NET_CENTRAL - NET_LOCAL,
    });
  });

  it("report: the net figures and the reductions, exit 0", async () => {
    const run = await reportText(file, dir, ["--ratio", "1"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.text).toContain(`Ngân sách trung ương: ${vi(NET_CENTRAL)} triệu đồng`);
    expect(run.text).toContain(`thu hồi, điều chỉnh giảm ${vi(-540)} triệu đồng`);
    expect(run.text).toContain(`ngân sách địa phương ${vi(NET_LOCAL)} triệu đồng`);
  }, 30_000);

  it("allocate: a negative need is refused naming its cell, not stopped by rounding", async () => {
    const withCoefficients = await writeFundingBook(path.join(dir, "reductions-alloc.xlsx"), {
      unitLine: "ĐVT: triệu đồng",
      headers: ["Kết quả huy động năm 2023", "Kế hoạch năm 2024"],
      rows: rows(),
      extraSheets: [{ name: "Nhu cầu", rows: COEFFICIENTS }],
    });
    const run = await jobJson(["allocate", withCoefficients, "--total", "1000"]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("Nhu cầu");
    expect(run.stderr).toContain("C5");
    expect(run.stderr).not.toMatch(/giá trị thứ|value \d+ to be/);
  });
});

describe("a total that would go below zero is refused naming its cell", () => {
  it.each([
    [
      "a source typed negative",
      [
        ["I", "NGÂN SÁCH TRUNG ƯƠNG", 1000],
        ["II", "NGÂN SÁCH ĐỊA PHƯƠNG", "(613)"],
      ],
      "C6",
    ],
    [
      "a source whose reductions exceed its sub-lines",
      [
        ["I", "NGÂN SÁCH TRUNG ƯƠNG", 1000],
        ["II", "NGÂN SÁCH ĐỊA PHƯƠNG", null],
        [1, "Tỉnh", 100],
        [2, "Thu hồi, điều chỉnh giảm", -700],
      ],
      "C6",
    ],
    [
      "a stated total below zero",
      [
        [null, "TỔNG SỐ", -540],
        ["I", "NGÂN SÁCH TRUNG ƯƠNG", 1000],
      ],
      "C5",
    ],
  ] as [string, Cell[][], string][])(
    "%s",
    async (name, lines, cell) => {
      const file = await writeFundingBook(path.join(dir, `refused-${name.length}.xlsx`), {
        unitLine: "ĐVT: triệu đồng",
        headers: ["Kết quả huy động năm 2023"],
        rows: lines,
      });
      for (const argv of [["funding"], ["counterpart", "--ratio", "1"]]) {
        const run = await jobJson([argv[0], file, ...argv.slice(1)]);
        expect(run.code).not.toBe(0);
        expect(run.stderr).toContain("Nguồn vốn");
        expect(run.stderr).toContain(cell);
        expect(run.stderr).toMatch(/không âm/);
        expect(run.stderr).toMatch(/zero or more/);
      }
      const report = await reportText(file, dir, ["--ratio", "1"]);
      expect(report.stderr).not.toMatch(/giá trị thứ|value \d+ to be/);
      if (report.code === 0) {
        // The money parts are left out, with the reason naming the cell in the run's JSON.
        const jobs = report.json.jobs.filter((j: any) => ["funding", "counterpart"].includes(j.id));
        for (const j of jobs) {
          expect(j.status).not.toBe("done");
          expect(JSON.stringify(j)).toContain(cell);
        }
      } else expect(report.stderr).toContain(cell);
    },
    30_000
  );
});
