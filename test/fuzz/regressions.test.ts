// Bugs the fuzzer found, each pinned by the smallest input that showed it.

import { InputError } from "../../src/engine/errors";
import { MemoryWorkbook } from "../../src/workbook/adapters/memory";
import { gridFromRows } from "../../src/workbook/grid";
import { JOBS } from "../../src/workbook/jobs";
import { readCoefficients } from "../../src/workbook/readers/coefficients";

const job = (id: string) => JOBS.find((j) => j.id === id)!;

const PERIOD_TARGETS = [
  ["Chỉ tiêu", "Mục tiêu", "Hiện trạng", "Tăng mỗi năm"],
  ["Số xã đạt chuẩn nông thôn mới", 72, null, null],
  ["Số xã đạt chuẩn nông thôn mới nâng cao", 24, 20, 2],
];

const FUNDING = [
  ["STT", "Nội dung chỉ tiêu", "Kết quả huy động năm 2023", "Kế hoạch năm 2024"],
  ["I", "NGÂN SÁCH TRUNG ƯƠNG", 223534, 200334],
  ["II", "NGÂN SÁCH ĐỊA PHƯƠNG", 54351, 210713],
];

describe("regressions found by fuzzing", () => {
  it("does not take the period targets sheet ('Chỉ tiêu | Mục tiêu') for the funding table", async () => {
    const book = new MemoryWorkbook({ "Chỉ tiêu giai đoạn": PERIOD_TARGETS, "Nguồn vốn": FUNDING });
    const result = await job("counterpart").run({
      inputs: { budget: { workbook: book } },
      options: { ratio: 1 },
    });
    expect(JSON.stringify(result.json)).toContain("Nguồn vốn");
    expect(JSON.stringify(result.json)).not.toContain("Chỉ tiêu giai đoạn");
  });

  it("keeps an error on one line when the expected text quotes a cell with line breaks", () => {
    const grid = gridFromRows("HeSo", [
      ["Đơn vị", "Nhu cầu"],
      ["Xã Thanh Thới An\nXã Tài Văn", null],
    ]);
    let error: unknown;
    try {
      readCoefficients(grid, { basis: "need" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).not.toMatch(/[\r\n]/);
    expect((error as InputError).cell).toBe("B2");
  });

  it("when no sheet holds a funding table, names each sheet looked at and where, and the first one's cell (it used to blame the first sheet, without a cell)", async () => {
    const book = new MemoryWorkbook({ "Ghi chú": [["ghi chú"]], Sheet2: [["x"]] });
    const run = job("funding").run({ inputs: { budget: { workbook: book } }, options: {} });
    await expect(run).rejects.toBeInstanceOf(InputError);
    const error = (await run.catch((e: unknown) => e)) as InputError;
    expect([error.sheet, error.cell]).toEqual(["Ghi chú", "A1"]);
    expect(error.details.expected.vi).toContain("Đã xem trang 'Ghi chú' (đã tìm trong Ghi chú!A1)");
    expect(error.details.expected.en).toContain(
      "; sheet 'Sheet2' (sought in Sheet2!A1): no header row"
    );
  });
});

describe("regressions found by fuzzing: bounded work", () => {
  it("refuses a rounding unit so small that the total has more than 2^53 units (the rounding loop never ended)", async () => {
    const book = new MemoryWorkbook({
      HeSo: [
        ["Đơn vị", "Hệ số"],
        ["Huyện Kế Sách", 1.5],
        ["Huyện Trần Đề", 1],
      ],
    });
    const run = job("allocate").run({
      inputs: { coefficients: { workbook: book } },
      options: { total: 5931, unit: 1.4e-302 },
    });
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toThrow(/9,007,199,254,740,991 rounding units/);
  });
});

describe("regressions found by fuzzing: errors name a cell", () => {
  it("a funding table with a header and no lines is refused at its header cell", async () => {
    const book = new MemoryWorkbook({
      "Nguồn vốn": [
        ["PHỤ LỤC III"],
        ["STT", "Nội dung chỉ tiêu", "Kết quả huy động năm 2023", "Kế hoạch năm 2024"],
      ],
    });
    const run = job("counterpart").run({
      inputs: { budget: { workbook: book, sheet: "Nguồn vốn" } },
      options: { ratio: 1 },
    });
    const error = (await run.catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.sheet).toBe("Nguồn vốn");
    expect(error.cell).toBe("B2");
  });
});

describe("regressions found by fuzzing: merge refusals name a cell", () => {
  it("a mapping without 'Xã cũ' beside a sheet of notes is refused at the mapping's header row", async () => {
    // Seed -1943955135: the refusal that lists the columns it needs named no cell when two sheets were looked at.
    const book = new MemoryWorkbook({
      "Sáp nhập": [
        ["Mã xã cũ", "Xã mới", "Mã xã mới", "Ngày hiệu lực"],
        ["30000", "Xã mới 1", "31000", "01/07/2025"],
      ],
      "Ghi chú": [],
    });
    const run = job("merge").run({ inputs: { mapping: { workbook: book } }, options: {} });
    const error = (await run.catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.sheet).toBe("Sáp nhập");
    expect(error.cell).toBe("A1");
    expect(error.message).toContain('"Xã cũ"');
  });
});
