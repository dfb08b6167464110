import { InputError } from "../../../src/engine/errors";
import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import { JOBS } from "../../../src/workbook/jobs";
import { summaryJob } from "../../../src/workbook/jobs/summary";

const ALL = "1-19";

function book(): MemoryWorkbook {
  return new MemoryWorkbook({
    "Ghi chú": [["Ghi chú"], ["Không phải danh sách xã"]],
    Xa: [
      ["Danh sách xã"],
      ["Tên xã", "Số tiêu chí đạt", "Tiêu chí đạt", "Trạng thái"],
      ["A", 19, ALL, "nâng cao"],
      ["B", 19, ALL, "đạt chuẩn"],
      ["C", 16, "1,2,3,4,5,7,8,9,12,13,14,15,16,17,18,19", "chưa đạt"],
      ["D", 18, "1-17", "chưa đạt"],
    ],
  });
}

describe("summary job", () => {
  it("is registered", () => {
    expect(JOBS.map((j) => j.id)).toContain("summary");
  });

  it("finds the communes sheet by its headers and writes the report's tables", async () => {
    const wb = book();
    const result = await summaryJob.run({ inputs: { communes: { workbook: wb } }, options: {} });
    expect(result.json).toMatchObject({ sheet: "Xa", shape: "list", communes: 4, standard: 2 });
    expect(result.json.averageCriteria).toBe((19 + 19 + 16 + 17) / 4);
    expect(result.json.tiers).toEqual({ standard: 2, advanced: 1, model: 0 });
    // D states 18 but lists 17.
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0].cell).toBe("B6");
    expect(result.text).toContain("Số tiêu chí bình quân/xã: 17,75 tiêu chí");

    const [sheet] = result.sheets;
    expect(sheet.sheet).toBe("KQ_TongHop");
    const [overview, perCriterion] = sheet.tables;
    expect(overview.name).toBe("NTM_TongHop");
    const rows = Object.fromEntries(
      overview.rows.map((r) => [String(r[0]).split(" (")[0], r.slice(1)])
    );
    expect(rows["Số xã"]).toEqual([4, null]);
    expect(rows["Số tiêu chí bình quân/xã"][0]).toBe(17.75);
    expect(rows["Số xã đạt chuẩn NTM - đạt 19/19 tiêu chí"]).toEqual([2, 0.5]);
    expect(rows["Nhóm 1: 19 tiêu chí"]).toEqual([2, 0.5]);
    expect(rows["Nhóm 2: 15-18 tiêu chí"]).toEqual([2, 0.5]);
    expect(rows["Dưới 5 tiêu chí"]).toEqual([0, 0]);
    expect(perCriterion.name).toBe("NTM_TheoTieuChi");
    expect(perCriterion.columns.map((c) => c.header)).toEqual([
      "TT",
      "Tiêu chí",
      "Tên tiếng Anh",
      "Số xã đạt",
      "Tỷ lệ",
    ]);
    expect(perCriterion.rows[5]).toEqual([
      6,
      "Cơ sở vật chất văn hóa",
      "Cultural facilities",
      3,
      0.75,
    ]);

    const written = await wb.writeResults(result.sheets);
    expect(written).toEqual(["KQ_TongHop", "KQ_TungXa", "KQ_GiaDinh"]);
  });

  it("reads a named sheet, another period and bands", async () => {
    const result = await summaryJob.run({
      inputs: { communes: { workbook: book(), sheet: "Xa" } },
      options: { period: "2011-2015", bands: "19,<19" },
    });
    expect(result.json.period).toBe("2011-2015");
    expect(result.json.bands).toEqual([
      { label: "19", min: 19, max: 19, count: 2 },
      { label: "Dưới 19", min: 0, max: 18, count: 2 },
    ]);
    expect(
      result.sheets[0].tables[0].rows.some((r) => String(r[0]).startsWith("Dưới 19 tiêu chí"))
    ).toBe(true);
  });

  it("takes a catalogue from a sheet, with its own number of criteria and default bands", async () => {
    const wb = new MemoryWorkbook({
      DanhMuc: [
        ["Giai đoạn", "Số TT", "Tên tiêu chí"],
        ["Kiểu mẫu", 1, "Thu nhập"],
        [null, 2, "Giáo dục"],
        [null, 3, "Y tế"],
      ],
      Xa: [
        ["Tên xã", "TC1", "TC2", "TC3"],
        ["A", "x", "x", "x"],
        ["B", "x", null, "x"],
      ],
    });
    const result = await summaryJob.run({
      inputs: {
        communes: { workbook: wb, sheet: "Xa" },
        catalogue: { workbook: wb, sheet: "DanhMuc" },
      },
      options: { period: "Kiểu mẫu", bands: "19,15-18,10-14,5-9,0-4" },
    });
    expect(result.json).toMatchObject({
      shape: "marks",
      communes: 2,
      standard: 1,
      averageCriteria: 2.5,
    });
    expect(result.json.criterionCounts).toEqual({ "1": 2, "2": 1, "3": 2 });
    expect((result.json.bands as { label: string }[]).map((b) => b.label)).toEqual(["3", "0-2"]);
  });

  it("says so when no sheet looks like a communes list", async () => {
    const wb = new MemoryWorkbook({ A: [["x"]] });
    await expect(
      summaryJob.run({ inputs: { communes: { workbook: wb } }, options: {} })
    ).rejects.toThrow(InputError);
  });
});
