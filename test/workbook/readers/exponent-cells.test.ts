// A CSV (or a text cell) holding a number in exponent notation, as Excel writes CSV numbers, is read as the number
// it names, and then meets the same guards as the same number stored in a sheet: a central budget of 5e-324 is
// refused at its cell, naming sheet and cell in both languages, whether it was stored or written as text.

import { InputError } from "../../../src/engine/errors";
import { csvWorkbook } from "../../../src/workbook/adapters/csv";
import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import type { CellValue } from "../../../src/workbook/grid";
import { counterpartJob } from "../../../src/workbook/jobs/counterpart";

/** Appendix III's lines (title, unit, header on row 3, central line on row 4 and local on row 5, amounts in C). */
function fundingRows(central: CellValue, local: CellValue): CellValue[][] {
  return [
    ["KẾT QUẢ HUY ĐỘNG NGUỒN LỰC NĂM 2023", null, null],
    ["ĐVT: triệu đồng", null, null],
    ["STT", "Nội dung chỉ tiêu", "Kết quả huy động năm 2023"],
    ["I", "NGÂN SÁCH TRUNG ƯƠNG", central],
    ["II", "NGÂN SÁCH ĐỊA PHƯƠNG", local],
  ];
}

/** The same lines as a CSV file "nguon-von.csv" (the sheet takes the file's name). */
function csvBook(central: string, local: string) {
  const text = fundingRows(central, local)
    .map((r) => r.map((v) => (v === null ? "" : `"${String(v)}"`)).join(","))
    .join("\n");
  return csvWorkbook(new TextEncoder().encode(text), "nguon-von");
}

const run = (workbook: MemoryWorkbook) =>
  counterpartJob.run({ inputs: { budget: { workbook } }, options: { ratio: 1 } });

async function refusal(workbook: MemoryWorkbook): Promise<InputError> {
  const error = await run(workbook).then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe("numbers in exponent notation in a CSV", () => {
  it("reads '1,23E+05' and '4.5E+04' as the numbers stored in a sheet would be read", async () => {
    const stored = await run(new MemoryWorkbook({ "nguon-von": fundingRows(123000, 45000) }));
    const text = await run(csvBook("1,23E+05", "4.5E+04"));
    expect(text.json).toEqual(stored.json);
    expect(text.warnings).toEqual(stored.warnings);
  });

  it("refuses a central budget of 5e-324 written as text just as one stored, naming sheet and cell in both languages", async () => {
    const stored = await refusal(new MemoryWorkbook({ "nguon-von": fundingRows(5e-324, 30577) }));
    const text = await refusal(csvBook("5e-324", "30577"));
    for (const error of [stored, text]) {
      expect(error.sheet).toBe("nguon-von");
      expect(error.cell).toBe("C4");
      expect(error.message).toMatch(/quá nhỏ/);
      expect(error.message).toMatch(/overflows/);
      expect(error.message).not.toMatch(/Infinity/);
    }
    expect(text.details.expected).toEqual(stored.details.expected);
  });

  it("refuses a number no double holds as out of range, not as 'not a number', naming its cell", async () => {
    for (const figure of ["1e400", "1e-400"]) {
      const error = await refusal(csvBook(figure, "30577"));
      expect([figure, error.sheet, error.cell]).toEqual([figure, "nguon-von", "C4"]);
      expect(error.details.expected.vi).toMatch(/quá lớn hoặc quá nhỏ/);
      expect(error.details.expected.en).toMatch(/too large or too small/);
    }
  });
});
