// A workbook with a merger mapping sheet and data keyed by old (pre-merger) communes: every job rolls the data up to
// the merged communes and says so (a line, `merger` in the JSON, the table of what was merged into what), carries a
// status only where an old commune became a merged one alone, sums money, and names the cell of an old commune
// missing from the mapping.

import { InputError } from "../../../src/engine/errors";
import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import type { CellValue } from "../../../src/workbook/grid";
import { allocateJob } from "../../../src/workbook/jobs/allocate";
import type { JobResult } from "../../../src/workbook/jobs/job";
import { createRoadmapJob } from "../../../src/workbook/jobs/roadmap";
import { summaryJob } from "../../../src/workbook/jobs/summary";
import { targetsJob } from "../../../src/workbook/jobs/targets";
import { readCommunes } from "../../../src/workbook/readers/communes";
import { CODES, GROUPS, POLICY, rawValues } from "../../cli/period-2026";

/**
 * Phú Tân + Thuận Hòa → Phú Tâm; Tài Văn → Tài Văn (same commune, new code); Viên An → Viên Bình (renamed);
 * An Mỹ + Long Đức → Long Đức (a merged commune named after one of its parts).
 */
const MAPPING: CellValue[][] = [
  ["Bảng sáp nhập xã (Nghị quyết 1668/NQ-UBTVQH15)"],
  ["Xã cũ", "Mã xã cũ", "Xã mới", "Mã xã mới", "Ngày hiệu lực"],
  ["Phú Tân", "31561", "Phú Tâm", "31700", "01/07/2025"],
  ["Thuận Hòa", "31564", "Phú Tâm", "31700", "01/07/2025"],
  ["Tài Văn", "31570", "Tài Văn", "31710", "01/07/2025"],
  ["Viên An", "31580", "Viên Bình", "31720", "01/07/2025"],
  ["An Mỹ", "31590", "Long Đức", "31730", "01/07/2025"],
  ["Long Đức", "31591", "Long Đức", "31730", "01/07/2025"],
];

const all = (n: number) => `1-${n}`;

function errorOf(e: unknown): InputError {
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}

async function failure(run: Promise<unknown>): Promise<InputError> {
  try {
    await run;
  } catch (e) {
    return errorOf(e);
  }
  throw new Error("expected the job to refuse");
}

function mergerTable(result: JobResult) {
  return result.sheets[0].tables.find((t) => t.name.endsWith("_SapNhap"));
}

describe("summary with a merger mapping", () => {
  it("carries statuses of old communes that became a merged commune alone, by code or by name, and says so", async () => {
    const book = new MemoryWorkbook({
      "Sáp nhập": MAPPING,
      "Tình trạng": [
        ["Tên xã", "Mã xã", "Tiêu chí đạt"],
        ["Phú Tâm", "31700", all(19)], // already a merged commune (new code)
        ["Tài Văn", "31570", all(15)], // the old code: the same commune before the merger
        ["Viên An", null, all(17)], // the old name
      ],
    });
    const result = await summaryJob.run({
      inputs: { communes: { workbook: book } },
      options: { period: "2021-2025" },
    });
    expect(result.json).toMatchObject({ communes: 3, standard: 1 });
    expect(result.json.merger).toEqual([
      {
        sheet: "Sáp nhập",
        table: "Tình trạng",
        oldCount: 2,
        newCount: 2,
        how: "rename",
        communes: [
          { name: "Tài Văn", code: "31710", date: "01/07/2025", from: ["Tài Văn"] },
          { name: "Viên Bình", code: "31720", date: "01/07/2025", from: ["Viên An"] },
        ],
      },
    ]);
    expect(result.text.split("\n")[0]).toBe(
      "Trang 'Tình trạng': 2 xã cũ gộp thành 2 xã mới theo trang 'Sáp nhập' (cùng xã, tên mới) / Sheet 'Tình trạng': 2 old communes merged into 2 new ones per sheet 'Sáp nhập' (the same communes under their new names)"
    );
    const table = mergerTable(result)!;
    expect(table.name).toBe("NTM_TongHop_SapNhap");
    expect(table.rows.map((r) => [r[1], r[5]])).toEqual([
      ["Tài Văn", "Tài Văn"],
      ["Viên Bình", "Viên An"],
    ]);
  });

  it("refuses the status of an old commune merged with others, naming its cell and the merged commune", async () => {
    const book = new MemoryWorkbook({
      "Sáp nhập": MAPPING,
      "Tình trạng 2025": [
        ["Tên xã", "Tiêu chí đạt"],
        ["Viên An", all(17)],
        ["Thuận Hòa", all(19)],
        ["Phú Tân", all(12)],
      ],
    });
    const e = await failure(
      summaryJob.run({ inputs: { communes: { workbook: book } }, options: { period: "2021-2025" } })
    );
    expect(e.details).toMatchObject({ sheet: "Tình trạng 2025", cell: "A3", found: "Thuận Hòa" });
    expect(e.message).toMatch(/Phú Tân.*Phú Tâm.*đánh giá lại/);
    expect(e.message).toMatch(/assessed anew/);
  });

  it("names the sheet and cell of an old commune missing from the mapping, in a sheet mixing old and new names", async () => {
    const book = new MemoryWorkbook({
      "Sáp nhập": MAPPING,
      "Tình trạng": [
        ["Tên xã", "Tiêu chí đạt"],
        ["Phú Tâm", all(19)],
        ["Viên An", all(17)],
        ["Lịch Hội Thượng", all(10)],
      ],
    });
    const e = await failure(
      summaryJob.run({ inputs: { communes: { workbook: book } }, options: { period: "2021-2025" } })
    );
    expect(e.details).toMatchObject({ sheet: "Tình trạng", cell: "A4" });
    expect(e.message).toMatch(/Lịch Hội Thượng.*bảng sáp nhập 'Sáp nhập'/);
  });

  it("refuses a merged commune listed beside one of its old communes", async () => {
    const book = new MemoryWorkbook({
      "Sáp nhập": MAPPING,
      "Tình trạng": [
        ["Tên xã", "Mã xã", "Tiêu chí đạt"],
        ["Viên Bình", "31720", all(19)],
        ["Viên An", "31580", all(17)],
      ],
    });
    const e = await failure(
      summaryJob.run({ inputs: { communes: { workbook: book } }, options: { period: "2021-2025" } })
    );
    expect(e.details).toMatchObject({ sheet: "Tình trạng", cell: "A3" });
    expect(e.message).toMatch(/Viên Bình/);
  });

  it("leaves a sheet of merged communes as it is (names shared with an old commune included)", async () => {
    const book = new MemoryWorkbook({
      "Sáp nhập": MAPPING,
      "Tình trạng": [
        ["Tên xã", "Tiêu chí đạt"],
        ["Phú Tâm", all(19)],
        ["Tài Văn", all(15)],
        ["Viên Bình", all(17)],
        ["Long Đức", all(18)],
      ],
    });
    const result = await summaryJob.run({
      inputs: { communes: { workbook: book } },
      options: { period: "2021-2025" },
    });
    expect(result.json.communes).toBe(4);
    expect(result.json.merger).toBeUndefined();
    expect(mergerTable(result)).toBeUndefined();
    expect(result.text).not.toMatch(/xã cũ gộp/);
  });
});

/** The 2026-2030 communes A-D (values per indicator, policy sheet) with costs by old commune for Xã B. */
function indicatorBook(): MemoryWorkbook {
  const v = rawValues();
  const status: CellValue[][] = [
    ["TT", "Tên xã", "Mã xã", "Nhóm xã", ...CODES],
    ...Object.keys(v).map((name, i): CellValue[] => [
      i + 1,
      `Xã ${name}`,
      `3100${i}`,
      GROUPS[name],
      ...CODES.map((c) => v[name][c]),
    ]),
  ];
  return new MemoryWorkbook({
    "Sáp nhập": [
      ["Xã cũ", "Mã xã cũ", "Xã mới", "Mã xã mới"],
      ["Xã B Bắc", "30991", "Xã B", "31001"],
      ["Xã B Nam", "30992", "Xã B", "31001"],
      ["Xã C cũ", "30993", "Xã C", "31002"],
    ],
    Xã: status,
    "Chỉ tiêu": POLICY,
    "Chi phí chỉ tiêu": [
      ["Mã xã", "Tên xã", "Chỉ tiêu", "Chi phí"],
      ["030991", "Xã B Bắc", "1.1", 10], // the code as typed with a leading zero
      [null, "xa b nam", "1.1", 15.5], // the name without diacritics
      [null, "Xã B Nam", "2.2", 40],
    ],
  });
}

describe("targets with a merger mapping", () => {
  const STATUS: CellValue[][] = [
    ["Tên xã", "Tiêu chí đạt"],
    ["Phú Tâm", all(17)],
    ["Long Đức", all(18)],
  ];

  it("sums a costs sheet by old commune into the merged communes, the shared name counting as its part", async () => {
    const book = new MemoryWorkbook({
      "Sáp nhập": MAPPING,
      "Tình trạng": STATUS,
      "Chi phí": [
        ["Tên xã", "Tiêu chí", "Chi phí"],
        ["Phú Tân", 18, 100],
        ["Thuận Hòa", 18, 50.5],
        ["Phú Tân", 19, 30],
        ["An Mỹ", 19, 20],
        ["Long Đức", 19, 5],
      ],
    });
    const result = await targetsJob.run({
      inputs: {
        communes: { workbook: book, sheet: "Tình trạng" },
        costs: { workbook: book, sheet: "Chi phí" },
      },
      options: { period: "2021-2025", budget: 1000, method: "greedy" },
    });
    const communes = result.json.communes as { name: string; targets: number[]; cost: number }[];
    expect(communes.map((c) => [c.name, c.targets, c.cost])).toEqual([
      ["Phú Tâm", [18, 19], 180.5],
      ["Long Đức", [19], 25],
    ]);
    expect(result.json.cost).toBe(205.5);
    expect(result.json.merger).toEqual([
      expect.objectContaining({
        table: "Chi phí",
        how: "sum",
        oldCount: 4,
        newCount: 2,
        communes: [
          expect.objectContaining({ name: "Phú Tâm", from: ["Phú Tân", "Thuận Hòa"] }),
          expect.objectContaining({ name: "Long Đức", from: ["An Mỹ", "Long Đức"] }),
        ],
      }),
    ]);
    expect(result.text).toMatch(
      /^Trang 'Chi phí': 4 xã cũ gộp thành 2 xã mới theo trang 'Sáp nhập'/
    );
    expect(mergerTable(result)!.name).toBe("NTM_ChiTieu_SapNhap");
  });

  it("refuses one old commune's criterion twice, and a costs row of an old commune missing from the mapping", async () => {
    const twice = new MemoryWorkbook({
      "Sáp nhập": MAPPING,
      "Tình trạng": STATUS,
      "Chi phí": [
        ["Tên xã", "Tiêu chí", "Chi phí"],
        ["Phú Tân", 18, 100],
        ["Thuận Hòa", 18, 50],
        ["Phú Tân", 18, 30],
      ],
    });
    const run = (book: MemoryWorkbook) =>
      targetsJob.run({
        inputs: {
          communes: { workbook: book, sheet: "Tình trạng" },
          costs: { workbook: book, sheet: "Chi phí" },
        },
        options: { period: "2021-2025", budget: 1000 },
      });
    expect((await failure(run(twice))).details).toMatchObject({ sheet: "Chi phí", cell: "B4" });
    const missing = new MemoryWorkbook({
      "Sáp nhập": MAPPING,
      "Tình trạng": STATUS,
      "Chi phí": [
        ["Tên xã", "Tiêu chí", "Chi phí"],
        ["Phú Tân", 18, 100],
        ["Lịch Hội Thượng", 18, 50],
      ],
    });
    const e = await failure(run(missing));
    expect(e.details).toMatchObject({ sheet: "Chi phí", cell: "A3", found: "Lịch Hội Thượng" });
    expect(e.message).toMatch(/bảng sáp nhập 'Sáp nhập'/);
  });

  it("sums a costs-by-indicator sheet by old commune into the merged communes (2026-2030)", async () => {
    const book = indicatorBook();
    const result = await targetsJob.run({
      inputs: { communes: { workbook: book, sheet: "Xã" } },
      options: { period: "2026-2030", budget: 10000, "default-cost": 100 },
    });
    const b = (
      result.json.communes as { name: string; targets: { code: string; cost: number }[] }[]
    ).find((c) => c.name === "Xã B")!;
    expect(b.targets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "1.1", cost: 25.5 }),
        expect.objectContaining({ code: "2.2", cost: 40 }),
      ])
    );
    expect(result.json.merger).toEqual([
      expect.objectContaining({
        table: "Chi phí chỉ tiêu",
        how: "sum",
        oldCount: 2,
        newCount: 1,
        communes: [expect.objectContaining({ name: "Xã B", code: "31001" })],
      }),
    ]);
  });
});

describe("allocate with a merger mapping", () => {
  it("sums needs by old commune into the merged communes", async () => {
    const book = new MemoryWorkbook({
      "Sáp nhập": MAPPING,
      "Nhu cầu": [
        ["Đơn vị", "Nhu cầu"],
        ["Phú Tân", 300],
        ["Thuận Hòa", 100],
        ["Viên An", 600],
      ],
    });
    const result = await allocateJob.run({
      inputs: { coefficients: { workbook: book, sheet: "Nhu cầu" } },
      options: { total: 1000 },
    });
    expect(
      (result.json.allocations as { unit: string; need: number; amount: number }[]).map((a) => [
        a.unit,
        a.need,
        a.amount,
      ])
    ).toEqual([
      ["Phú Tâm", 400, 400],
      ["Viên Bình", 600, 600],
    ]);
    expect(result.json.merger).toEqual([
      expect.objectContaining({ table: "Nhu cầu", how: "sum", oldCount: 3, newCount: 2 }),
    ]);
    expect(mergerTable(result)!.name).toBe("NTM_PhanBo_SapNhap");
  });

  it("refuses a coefficient of an old commune merged with others (a coefficient is not money)", async () => {
    const book = new MemoryWorkbook({
      "Sáp nhập": MAPPING,
      "Hệ số": [
        ["Đơn vị", "Hệ số"],
        ["Viên An", 1],
        ["Phú Tân", 1.5],
        ["Thuận Hòa", 2],
      ],
    });
    const e = await failure(
      allocateJob.run({
        inputs: { coefficients: { workbook: book, sheet: "Hệ số" } },
        options: { total: 1000 },
      })
    );
    expect(e.details).toMatchObject({ sheet: "Hệ số", cell: "A3", found: "Phú Tân" });
    expect(e.message).toMatch(/Phú Tâm/);
  });

  it("by policy: carries an old commune that became a merged commune alone, refuses one merged with others", async () => {
    const sheet = (rows: CellValue[][]): CellValue[][] => [
      ["TT", "Tên xã", "Số tiêu chí đạt", "ATK"],
      ...rows,
    ];
    const renamed = new MemoryWorkbook({
      "Sáp nhập": MAPPING,
      Xã: sheet([
        [1, "Viên An", 12, "x"],
        [2, "Phú Tâm", 16, null],
      ]),
    });
    const result = await allocateJob.run({
      inputs: { communes: { workbook: renamed, sheet: "Xã" } },
      options: { total: 1000, policy: "qd-07-2022" },
    });
    expect((result.json.allocations as { unit: string }[]).map((a) => a.unit)).toEqual([
      "Viên Bình",
      "Phú Tâm",
    ]);
    expect(result.json.merger).toEqual([expect.objectContaining({ table: "Xã", how: "rename" })]);
    const merged = new MemoryWorkbook({
      "Sáp nhập": MAPPING,
      Xã: sheet([
        [1, "An Mỹ", 12, "x"],
        [2, "Phú Tâm", 16, null],
      ]),
    });
    const e = await failure(
      allocateJob.run({
        inputs: { communes: { workbook: merged, sheet: "Xã" } },
        options: { total: 1000, policy: "qd-07-2022" },
      })
    );
    expect(e.details).toMatchObject({ sheet: "Xã", cell: "B2", found: "An Mỹ" });
  });
});

describe("roadmap with a merger mapping", () => {
  it("per indicator (2026-2030): sums a costs-by-indicator sheet by old commune", async () => {
    const result = await createRoadmapJob(readCommunes).run({
      inputs: { communes: { workbook: indicatorBook(), sheet: "Xã" } },
      options: { period: "2026-2030", budget: 10000, from: 2027, to: 2027, "default-cost": 100 },
    });
    expect(result.json.level).toBe("indicators");
    expect(result.json.merger).toEqual([
      expect.objectContaining({
        table: "Chi phí chỉ tiêu",
        how: "sum",
        communes: [expect.objectContaining({ name: "Xã B", from: ["Xã B Bắc", "Xã B Nam"] })],
      }),
    ]);
  });

  it("sums a costs sheet by old commune into the merged communes for the first year", async () => {
    const book = new MemoryWorkbook({
      "Sáp nhập": MAPPING,
      "Tình trạng": [
        ["Tên xã", "Tiêu chí đạt"],
        ["Phú Tâm", all(17)],
        ["Long Đức", all(18)],
      ],
      "Chi phí": [
        ["Tên xã", "Tiêu chí", "Chi phí"],
        ["Phú Tân", 18, 100],
        ["Thuận Hòa", 18, 50.5],
        ["Phú Tân", 19, 30],
        ["An Mỹ", 19, 20],
        ["Long Đức", 19, 5],
      ],
    });
    const result = await createRoadmapJob(readCommunes).run({
      inputs: {
        communes: { workbook: book, sheet: "Tình trạng" },
        costs: { workbook: book, sheet: "Chi phí" },
      },
      options: { budget: 1000, from: 2025, to: 2025, period: "2021-2025" },
    });
    const [first] = result.json.years as { cost: number; standard: number }[];
    expect(first).toMatchObject({ cost: 205.5, standard: 2 });
    expect(result.json.merger).toEqual([
      expect.objectContaining({ table: "Chi phí", how: "sum", oldCount: 4, newCount: 2 }),
    ]);
  });

  it("carries renamed communes' statuses and says so", async () => {
    const book = new MemoryWorkbook({
      "Sáp nhập": MAPPING,
      "Danh sách xã": [
        ["Tên xã", "Số tiêu chí đạt"],
        ["Viên An", 17],
        ["Phú Tâm", 19],
        ["Tài Văn", 18],
      ],
    });
    const result = await createRoadmapJob(readCommunes).run({
      inputs: { communes: { workbook: book } },
      options: { budget: 2, to: 2027, from: 2026, period: "2021-2025" },
    });
    expect(result.json.communes).toBe(3);
    expect(result.json.merger).toEqual([
      expect.objectContaining({
        table: "Danh sách xã",
        how: "rename",
        communes: [
          expect.objectContaining({ name: "Tài Văn", from: ["Tài Văn"] }),
          expect.objectContaining({ name: "Viên Bình", from: ["Viên An"] }),
        ],
      }),
    ]);
    expect(mergerTable(result)!.name).toBe("NTM_LoTrinh_SapNhap");
  });
});
