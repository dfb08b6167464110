import { promises as fs } from "node:fs";
import * as path from "node:path";
import { InputError } from "../../../src/engine/errors";
import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import type { CellValue } from "../../../src/workbook/grid";
import { JOBS } from "../../../src/workbook/jobs";
import { counterpartJob } from "../../../src/workbook/jobs/counterpart";
import { fundingJob } from "../../../src/workbook/jobs/funding";
import { FORMATS } from "../../../src/workbook/output";

async function socTrangRows(): Promise<CellValue[][]> {
  const text = await fs.readFile(
    path.join(__dirname, "../../fixtures/examples/soc-trang-2023-funding.csv"),
    "utf8"
  );
  return text
    .trim()
    .split("\n")
    .map((line) =>
      line
        .split(",")
        .map((v) => (v === "" ? null : /^\d+$/.test(v) && v.length > 2 ? Number(v) : v))
    );
}

async function workbook(extra: Record<string, CellValue[][]> = {}): Promise<MemoryWorkbook> {
  return new MemoryWorkbook({
    Xã: [
      ["Tên xã", "Số tiêu chí đạt"],
      ["A", 19],
    ],
    "Nguồn vốn": [
      ["Kết quả huy động ... (triệu đồng)", null, null, null],
      ...(await socTrangRows()),
    ],
    ...extra,
  });
}

describe("funding job", () => {
  it("is registered with the counterpart job", () => {
    expect(JOBS.map((j) => j.id)).toEqual(expect.arrayContaining(["funding", "counterpart"]));
  });

  it("finds the funding sheet by its headers and writes the mix and the checks as formatted tables", async () => {
    const book = await workbook();
    const result = await fundingJob.run({
      inputs: { budget: { workbook: book } },
      options: { round: 2 },
    });
    expect(result.json.sheet).toBe("Nguồn vốn");
    const written = await book.writeResults(result.sheets);
    expect(written).toEqual(["KQ_NguonVon"]);
    const mix = book.tables.find((t) => t.name === "NTM_NguonVon")!;
    expect(mix.headers.slice(0, 4)).toEqual([
      "Nội dung",
      "Nhóm nguồn",
      "Kết quả huy động năm 2023 (triệu đồng)",
      "Tỷ lệ - Kết quả huy động năm 2023",
    ]);
    expect(mix.formats.slice(2, 4)).toEqual([FORMATS.count, FORMATS.share]);
    const topShares = mix.rows
      .filter((r) => !String(r[0]).includes("- ") && r[1] !== "Tổng số")
      .map((r) => r[3] as number);
    expect(topShares.reduce((s, v) => s + Math.round(v * 10000), 0)).toBe(10000);
    const checks = book.tables.find((t) => t.name === "NTM_KiemTraNguonVon")!;
    expect(checks.rows.filter((r) => r[6] === "Lệch")).toEqual([
      [
        "Kế hoạch năm 2024",
        "HUY ĐỘNG TỪ NGƯỜI DÂN VÀ CỘNG ĐỒNG",
        "Dòng mẹ / dòng con",
        205878,
        205879,
        -1,
        "Lệch",
        "D13",
      ],
    ]);
    expect(result.warnings.some((w) => w.cell === "D13")).toBe(true);
  });

  it("uses a mapping sheet in the workbook to group unknown labels", async () => {
    const rows = await socTrangRows();
    rows.push(["VII", "Vốn ODA", 5, 6]);
    const book = new MemoryWorkbook({
      "Nguồn vốn": rows,
      "Nhóm nguồn": [
        ["Từ khóa", "Nhóm nguồn"],
        ["ODA", "integrated"],
      ],
    });
    const result = await fundingJob.run({ inputs: { budget: { workbook: book } }, options: {} });
    const lines = (result.json.columns as { lines: { label: string; category: string }[] }[])[0]
      .lines;
    expect(lines.find((l) => l.label === "Vốn ODA")!.category).toBe("integrated");
  });

  it("keeps an unknown label as 'other' and warns about it", async () => {
    const rows = await socTrangRows();
    rows.push(["VII", "Vốn ODA", 5, 6]);
    const book = new MemoryWorkbook({ "Nguồn vốn": rows });
    const result = await fundingJob.run({ inputs: { budget: { workbook: book } }, options: {} });
    const lines = (result.json.columns as { lines: { label: string; category: string }[] }[])[0]
      .lines;
    expect(lines.find((l) => l.label === "Vốn ODA")!.category).toBe("other");
    expect(result.warnings.some((w) => w.en.includes("Vốn ODA"))).toBe(true);
  });

  it("rejects a workbook without a funding table", async () => {
    const book = new MemoryWorkbook({ Xã: [["Tên xã"], ["A"]] });
    await expect(
      fundingJob.run({ inputs: { budget: { workbook: book } }, options: {} })
    ).rejects.toBeInstanceOf(InputError);
  });
});

describe("counterpart job", () => {
  it("writes the counterpart table at ratio 1", async () => {
    const book = await workbook();
    const result = await counterpartJob.run({
      inputs: { budget: { workbook: book } },
      options: { ratio: 1 },
    });
    await book.writeResults(result.sheets);
    const table = book.tables.find((t) => t.name === "NTM_DoiUng")!;
    expect(table.headers).toEqual([
      "Năm/Cột",
      "NS trung ương",
      "NS địa phương",
      "Tỷ lệ đối ứng",
      "Tỷ lệ tối thiểu",
      "Thiếu hụt",
      "Đạt yêu cầu",
    ]);
    expect(table.rows.map((r) => [r[0], r[5], r[6]])).toEqual([
      ["Kết quả huy động năm 2023", 169183, "Chưa đạt"],
      ["Kế hoạch năm 2024", 0, "Đạt"],
    ]);
  });

  it("reads the bracket sheet of the workbook and looks up the support share", async () => {
    const book = await workbook({
      Mau_DoiUng: [
        ["Cận dưới (%)", "Cận trên (%)", "Tỷ lệ đối ứng tối thiểu", "Ghi chú"],
        [0, 60, 1.5, null],
        [60, 100, 1.1, null],
      ],
    });
    const result = await counterpartJob.run({
      inputs: { budget: { workbook: book }, brackets: { workbook: book } },
      options: { "support-share": 75 },
    });
    expect(result.json.required).toBe(1.1);
    expect(result.warnings).toEqual([]);
  });

  it("falls back to the example brackets with a warning", async () => {
    const book = await workbook();
    const result = await counterpartJob.run({
      inputs: { budget: { workbook: book } },
      options: { "support-share": 70 },
    });
    expect(result.json.required).toBe(1);
    expect(result.warnings[0].en).toMatch(/example/);
  });

  it("refuses a stated ratio and a support share that would change nothing", async () => {
    const book = await workbook();
    await expect(
      counterpartJob.run({
        inputs: { budget: { workbook: book } },
        options: { ratio: 1, "support-share": 70 },
      })
    ).rejects.toThrow(/either a stated ratio or a bracket table/);
  });

  const PERIOD_BRACKETS = [
    ["Giai đoạn", "Cận dưới (%)", "Cận trên (%)", "Tỷ lệ đối ứng tối thiểu", "Ghi chú"],
    ["2021-2025", 0, 60, 1.5, "ví dụ"],
    ["2021-2025", 60, 100, 1.2, "ví dụ"],
    ["2026-2030", 0, 70, 1.5, "ví dụ"],
    ["2026-2030", 70, 100, 1.1, "ví dụ"],
  ];

  it("picks the period's bracket rows, names the bracket, and applies the province's 1:1 rule when higher", async () => {
    const book = await workbook({ DoiUng: PERIOD_BRACKETS });
    const run = (options: Record<string, string | number>) =>
      counterpartJob.run({
        inputs: { budget: { workbook: book }, brackets: { workbook: book } },
        options,
      });
    await expect(run({ "support-share": 75 })).rejects.toThrow(/period/);
    const old = await run({ "support-share": 75, period: "2021-2025" });
    expect(old.json.required).toBe(1.2);
    expect(old.json.basis).toContain("khoảng 60-100% (giai đoạn 2021-2025), tối thiểu 1,20");
    expect(old.json.eligibility).toBeUndefined();
    const both = await run({ "support-share": 75, year: 2027, ratio: 1.15 });
    expect(both.json.required).toBe(1.15);
    expect(both.json.basis).toContain("khoảng 70-100% (giai đoạn 2026-2030), tối thiểu 1,10");
    expect(both.json.basis).toContain("tỉnh quy định 1,15");
    // The new programme: the support share decides eligibility and priority (≥ 70%).
    expect(both.json.eligibility).toMatchObject({
      supportShare: 75,
      eligible: true,
      priority: true,
    });
    expect(both.json.basis).toContain("75% ≥ 70% → được NSTW hỗ trợ, thuộc diện ưu tiên");
  });

  it("shows a 2026-2030 province below 70% as eligible but not priority, with the stated 1:1 rule", async () => {
    const book = await workbook();
    const result = await counterpartJob.run({
      inputs: { budget: { workbook: book } },
      options: { ratio: 1, "support-share": 45, period: "2026-2030" },
    });
    expect(result.json.required).toBe(1);
    expect(result.json.eligibility).toMatchObject({ eligible: true, priority: false });
    expect(result.text).toContain("45% < 70% → được NSTW hỗ trợ, không thuộc diện ưu tiên");
  });
});
