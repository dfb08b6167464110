import { InputError } from "../../../src/engine/errors";
import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import { allocateJob } from "../../../src/workbook/jobs/allocate";
import { JOBS } from "../../../src/workbook/jobs";

const SHEETS = {
  "Ghi chú": [["Ghi chú về nguồn vốn"]],
  "Hệ số": [
    ["Đơn vị", "Hệ số"],
    ["Kế Sách", 1.5],
    ["Mỹ Tú", 1],
    ["Long Phú", 1],
    ["Trần Đề", 0.5],
  ],
};

describe("allocate job", () => {
  it("is registered", () => {
    expect(JOBS.map((j) => j.id)).toContain("allocate");
  });

  it("finds the coefficients sheet by its headers and writes KQ_PhanBo with a total row", async () => {
    const book = new MemoryWorkbook(SHEETS);
    const result = await allocateJob.run({
      inputs: { coefficients: { workbook: book } },
      options: { total: 1000 },
    });
    // Each unit with its row of the coefficients sheet (its name cell).
    expect(result.json.allocations).toEqual([
      {
        unit: "Kế Sách",
        coefficient: 1.5,
        share: 0.375,
        displayedShare: 0.375,
        amount: 375,
        limit: null,
        source: { sheet: "Hệ số", cell: "A2" },
      },
      {
        unit: "Mỹ Tú",
        coefficient: 1,
        share: 0.25,
        displayedShare: 0.25,
        amount: 250,
        limit: null,
        source: { sheet: "Hệ số", cell: "A3" },
      },
      {
        unit: "Long Phú",
        coefficient: 1,
        share: 0.25,
        displayedShare: 0.25,
        amount: 250,
        limit: null,
        source: { sheet: "Hệ số", cell: "A4" },
      },
      {
        unit: "Trần Đề",
        coefficient: 0.5,
        share: 0.125,
        displayedShare: 0.125,
        amount: 125,
        limit: null,
        source: { sheet: "Hệ số", cell: "A5" },
      },
    ]);
    const [sheet] = result.sheets;
    expect(sheet.sheet).toBe("KQ_PhanBo");
    const table = sheet.tables[0];
    expect(table.columns.map((c) => c.header)).toEqual([
      "TT",
      "Đơn vị",
      "Hệ số",
      "Tỷ trọng",
      "Số vốn phân bổ (triệu đồng)",
    ]);
    expect(table.columns[3].format).toBe("0.00%");
    expect(table.columns[4].format).toBe("#,##0");
    expect(table.rows[table.rows.length - 1]).toEqual([null, "Tổng cộng", 4, 1, 1000]);
    expect(await book.writeResults(result.sheets)).toEqual(["KQ_PhanBo", "KQ_GiaDinh"]);
  });

  it("refuses a missing or bad envelope before reading anything", async () => {
    const book = new MemoryWorkbook(SHEETS);
    await expect(
      allocateJob.run({ inputs: { coefficients: { workbook: book } }, options: {} })
    ).rejects.toThrow(/total/);
    await expect(
      allocateJob.run({ inputs: { coefficients: { workbook: book } }, options: { total: "abc" } })
    ).rejects.toThrow(InputError);
  });
});

describe("allocate job options", () => {
  it("refuses a dotted thousand such as 1.000 rather than reading it as one", async () => {
    const book = new MemoryWorkbook(SHEETS);
    await expect(
      allocateJob.run({ inputs: { coefficients: { workbook: book } }, options: { total: "1.000" } })
    ).rejects.toThrow(/\(--total\).*"1\.000" reads two ways: 1000 .* or 1 /);
    const ok = await allocateJob.run({
      inputs: { coefficients: { workbook: book } },
      options: { total: "1000", unit: "10" },
    });
    expect(ok.json.total).toBe(1000);
  });
});
