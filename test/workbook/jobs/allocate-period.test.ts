// A policy belongs to a period: a preset knows its own, a policy sheet states it (a "Giai đoạn" cell or its title).
// A policy of another period than the data's is refused naming both, the reason for the data's period said first;
// a sheet that states none is taken to match and the result says so as an assumption.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { InputError } from "../../../src/engine/errors";
import { ExcelJsWorkbook } from "../../../src/workbook/adapters/exceljs";
import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import type { CellValue } from "../../../src/workbook/grid";
import { allocateJob } from "../../../src/workbook/jobs/allocate";
import { readAllocationPolicy } from "../../../src/workbook/readers/allocation-policy";
import { gridFromRows } from "../../../src/workbook/grid";
import { templateSheet } from "../../../src/workbook/templates";

const SAMPLE_2026 = path.join(__dirname, "../../../assets/ntm-sample-2026.xlsx");

const COMMUNES_2026: CellValue[][] = [
  ["TT", "Tên xã", "Nhóm xã", "Số tiêu chí đạt", "Khu vực", "ATK", "Biên giới", "Số thôn ĐBKK"],
  [1, "Kế Sách", 2, 8, null, null, null, null],
  [2, "Đại Hải", 2, 6, "I", null, null, 1],
  [3, "Cù Lao Dung", 3, 5, "III", null, null, 3],
];

const RULES: CellValue[][] = [
  ["Điều kiện", "Hệ số", "Cách tính"],
  ["Các xã còn lại", 1, "Cao nhất"],
  ["Nhóm 3", 2, "Cao nhất"],
];

async function run(
  sheets: Record<string, CellValue[][]>,
  options: Record<string, string | number>
) {
  const book = new MemoryWorkbook(sheets);
  return allocateJob.run({ inputs: { communes: { workbook: book } }, options });
}

async function refusal(p: Promise<unknown>): Promise<InputError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x
  );
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}

describe("a policy's period against the data's", () => {
  it("reads the period a policy sheet states in a Giai đoạn cell, else in its title, else none", () => {
    const cell = readAllocationPolicy(gridFromRows("CS", [["Giai đoạn", "2021-2025"], ...RULES]));
    expect([cell.period, cell.periodFrom]).toEqual(["2021-2025", { sheet: "CS", cell: "B1" }]);
    const title = readAllocationPolicy(
      gridFromRows("CS", [["Chính sách phân bổ vốn tỉnh giai đoạn 2026 - 2030"], ...RULES])
    );
    expect(title.period).toBe("2026-2030");
    expect(readAllocationPolicy(gridFromRows("CS", RULES)).period).toBeUndefined();
    // The inserted preset templates state theirs.
    const template = templateSheet("allocation-policy-qd-07-2022").tables[0];
    expect(
      readAllocationPolicy(
        gridFromRows("T", [
          [template.title!],
          template.columns.map((c) => c.header),
          ...template.rows,
        ])
      ).period
    ).toBe("2021-2025");
  });

  it("the 2026 sample with the 07/2022 preset as top-up is refused, naming both periods", async () => {
    const workbook = ExcelJsWorkbook.fromXlsx(await fs.readFile(SAMPLE_2026));
    const e = await refusal(
      allocateJob.run({
        inputs: { communes: { workbook: await workbook } },
        options: {
          total: 100000,
          policy: "2026-2030",
          "top-up": 1000,
          "top-up-policy": "qd-07-2022",
        },
      })
    );
    expect(e.message).toMatch(/^Giai đoạn của số liệu là 2026-2030/);
    expect(e.message).toContain("qd-07-2022 (2021-2025");
    expect(e.message).toContain(
      "chính sách giai đoạn 2021-2025 không áp dụng cho số liệu giai đoạn 2026-2030"
    );
  }, 60_000);

  it("a year that switches the data's period says so first", async () => {
    const e = await refusal(
      run({ Xã: COMMUNES_2026 }, { total: 100, policy: "2026-2030", year: 2024 })
    );
    expect(e.message).toMatch(/^Năm kế hoạch 2024 đã nhập \(--year\) thuộc giai đoạn 2021-2025/);
    expect(e.message).toContain("2026-2030");
  });

  it("a policy sheet of another period is refused naming its cell", async () => {
    const e = await refusal(
      run(
        { Xã: COMMUNES_2026, CS: [["Giai đoạn:", "2021-2025"], ...RULES] },
        { total: 100, policy: "2026-2030", "top-up": 50, "top-up-policy": "CS" }
      )
    );
    expect([e.sheet, e.cell]).toEqual(["CS", "B1"]);
  });

  it("a policy sheet stating no period is taken to match, said as assumed", async () => {
    const result = await run(
      { Xã: COMMUNES_2026, CS: RULES },
      { total: 100, policy: "2026-2030", "top-up": 50, "top-up-policy": "CS" }
    );
    const assumptions = result.json.assumptions as {
      what: { vi: string };
      value: unknown;
      why: { en: string };
    }[];
    expect(assumptions).toContainEqual(
      expect.objectContaining({
        value: "2026-2030",
        why: expect.objectContaining({ en: expect.stringContaining("taken to match the data") }),
      })
    );
    expect(result.text).toMatch(/giả định \/ assumed: Giai đoạn của vốn tỉnh bổ sung \(CS\)/);
  });
});
