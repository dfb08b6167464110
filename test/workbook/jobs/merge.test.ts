import { InputError } from "../../../src/engine/errors";
import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import { JOBS } from "../../../src/workbook/jobs";
import { mergeJob } from "../../../src/workbook/jobs/merge";
import { templateSheet } from "../../../src/workbook/templates";

const mapping = [
  ["Xã cũ", "Mã xã cũ", "Xã mới", "Mã xã mới", "Ngày hiệu lực"],
  ["Phú Tân", "31561", "Phú Tâm", "31700", "01/07/2025"],
  ["Thuận Hòa", "31564", "Phú Tâm", "31700", "01/07/2025"],
  ["Tài Văn", "31570", "Tài Văn", "31710", "01/07/2025"],
];

describe("the merge job", () => {
  it("is registered and offers its mapping template", () => {
    expect(JOBS.map((j) => j.id)).toContain("merge");
    const t = templateSheet("merge");
    expect(t.tables[0].columns.map((c) => c.header)).toEqual([
      "Xã cũ",
      "Mã xã cũ",
      "Xã mới",
      "Mã xã mới",
      "Ngày hiệu lực",
    ]);
  });

  it("writes what was merged into what, money and earlier statuses by merged commune", async () => {
    const book = new MemoryWorkbook({
      "Sáp nhập": mapping,
      "Vốn theo xã": [
        ["TT", "Tên xã", "Năm 2024", "Năm 2025"],
        [1, "Phú Tân", 1200, 1500.5],
        [2, "Thuận Hòa", 800, null],
        [3, "Tài Văn", 400, 600],
        ["", "Tổng cộng", 2400, 2100.5],
      ],
      "Tình trạng": [
        ["Tên xã", "Số tiêu chí đạt"],
        ["Phú Tân", 19],
        ["Thuận Hòa", 17],
        ["Tài Văn", 15],
      ],
    });
    const result = await mergeJob.run({
      inputs: {
        mapping: { workbook: book, sheet: "Sáp nhập" },
        money: { workbook: book, sheet: "Vốn theo xã" },
        communes: { workbook: book, sheet: "Tình trạng" },
      },
      options: {},
    });
    expect(result.json).toMatchObject({
      merged: [
        { name: "Phú Tâm", code: "31700", from: [{ name: "Phú Tân" }, { name: "Thuận Hòa" }] },
        { name: "Tài Văn", code: "31710", from: [{ name: "Tài Văn" }] },
      ],
      money: {
        columns: ["Năm 2024", "Năm 2025"],
        communes: [
          { name: "Phú Tâm", amounts: [2000, 1500.5] },
          { name: "Tài Văn", amounts: [400, 600] },
        ],
      },
      status: [
        { name: "Phú Tâm", standardParts: 1, metByAll: null },
        { name: "Tài Văn", standardParts: 0 },
      ],
    });
    const [sheet] = result.sheets;
    expect(sheet.sheet).toBe("KQ_SapNhap");
    expect(sheet.tables.map((t) => t.name)).toEqual([
      "NTM_SapNhap",
      "NTM_SapNhap_KinhPhi",
      "NTM_SapNhap_TinhTrang",
    ]);
    expect(sheet.tables[1].rows[2]).toEqual(["Tổng cộng (total)", "", 2400, 2100.5, ""]);
    expect(result.text).toContain("Phú Tâm (31700) ← Phú Tân, Thuận Hòa");
  });

  it("refuses money for an old commune missing from the mapping, naming it and its cell", async () => {
    const book = new MemoryWorkbook({
      "Sáp nhập": mapping,
      Vốn: [
        ["Tên xã", "Năm 2024"],
        ["Long Phú", 5],
      ],
    });
    await expect(
      mergeJob.run({
        inputs: { mapping: { workbook: book }, money: { workbook: book, sheet: "Vốn" } },
        options: {},
      })
    ).rejects.toMatchObject({
      sheet: "Vốn",
      cell: "A2",
      message: expect.stringMatching(/Long Phú/),
    });
  });

  it("refuses an error value in the effective date, naming the cell, instead of writing it as text", async () => {
    const book = new MemoryWorkbook({
      "Sáp nhập": [mapping[0], ["Phú Tân", "31561", "Phú Tâm", "31700", { error: "#REF!" }]],
    });
    await expect(
      mergeJob.run({ inputs: { mapping: { workbook: book } }, options: {} })
    ).rejects.toMatchObject({ sheet: "Sáp nhập", cell: "E2" });
  });

  it("refuses a workbook without a mapping naming the columns it needs, each sheet and the header row looked at", async () => {
    const book = new MemoryWorkbook({
      "Đọc trước": [["Tỉnh minh họa"], ["Chỉ để thử"]],
      Xã: [
        ["Danh sách xã"],
        [],
        ["TT", "Tên xã", "Sáp nhập từ (xã cũ)"],
        [1, "Phú Tâm", "Phú Tân, Thuận Hòa"],
      ],
      "Vốn theo xã": [
        ["Xã cũ", "Năm 2024"],
        ["Phú Tân", 1200],
      ],
    });
    const run = mergeJob.run({ inputs: { mapping: { workbook: book } }, options: {} });
    const error = await run.catch((e: InputError) => e);
    expect(error).toBeInstanceOf(InputError);
    const { vi, en } = (error as InputError).details.expected;
    for (const text of [vi, en]) {
      expect(text).toContain('"Xã cũ"');
      expect(text).toContain('"Xã mới"');
      expect(text).toContain('"Mã xã cũ"');
    }
    // The status sheet's header is its third row (title and blank above); it lacks both needed columns.
    expect(vi).toContain(
      `trang 'Xã' (đã tìm dòng tiêu đề trong Xã!A1:C4): dòng 3 (TT, Tên xã, Sáp nhập từ (xã cũ)) thiếu "Xã cũ", "Xã mới"`
    );
    expect(en).toContain(
      `sheet 'Xã' (header row sought in Xã!A1:C4): row 3 (TT, Tên xã, Sáp nhập từ (xã cũ)) has no "Xã cũ", "Xã mới"`
    );
    // A sheet with "Xã cũ" lacks only "Xã mới"; a sheet of titles has no header row.
    expect(vi).toContain(
      `trang 'Vốn theo xã' (đã tìm dòng tiêu đề trong Vốn theo xã!A1:B2): dòng 1 (Xã cũ, Năm 2024) thiếu "Xã mới"`
    );
    expect(en).toContain(`sheet 'Đọc trước' (sought in Đọc trước!A1:A2): no header row`);
  });

  it("refuses a lone sheet without the mapping naming that sheet, its header row's cell and the missing column", async () => {
    const book = new MemoryWorkbook({
      "Sáp nhập": [["Bảng sáp nhập"], ["Xã cũ", "Mã xã cũ", "Ghi chú"], ["Phú Tân", "31561", ""]],
    });
    await expect(
      mergeJob.run({ inputs: { mapping: { workbook: book } }, options: {} })
    ).rejects.toMatchObject({
      sheet: "Sáp nhập",
      cell: "A2",
      message: expect.stringContaining(`row 2 (Xã cũ, Mã xã cũ, Ghi chú) has no "Xã mới"`),
    });
  });
});
