import { detectStatusYear, yearsInTitle } from "../../../src/workbook/layout/year";
import { gridFromRows, type CellValue } from "../../../src/workbook/grid";
import { settlePlanYear, titleCell, yearMissing } from "../../../src/workbook/reading/year";
import { InputError } from "../../../src/engine/errors";

describe("yearsInTitle: what a title line says about the years", () => {
  it.each([
    [
      "Tình hình đạt tiêu chí nông thôn mới của các xã, tỉnh Sóc Trăng, đến cuối năm 2023",
      2023,
      undefined,
    ],
    ["KẾT QUẢ HUY ĐỘNG NGUỒN LỰC THỰC HIỆN CHƯƠNG TRÌNH NĂM 2023", 2023, undefined],
    ["Năm 2023", 2023, undefined],
    ["Tình hình 80 xã năm 2023", 2023, undefined],
    ["(Đến 31/12/2023)", 2023, undefined],
    ["Số liệu tính đến 31/12/2023", 2023, undefined],
    ["Tình hình thực hiện đến 30/6/2025", 2025, undefined],
    ["tính đến ngày 31 tháng 12 năm 2023", 2023, undefined],
    ["Đến tháng 6/2025", 2025, undefined],
    ["Số liệu đến 01/01/2024", 2023, undefined],
    ["Tình hình thực hiện kế hoạch năm 2023", 2023, undefined],
    ["Tinh hinh dat tieu chi den cuoi nam 2023", 2023, undefined],
    ["Communes' indicators, end of 2026 (illustrative)", 2026, undefined],
    [
      "Kết quả huy động nguồn lực thực hiện Chương trình năm 2023 và kế hoạch năm 2024 (triệu đồng)",
      2023,
      2024,
    ],
    ["BẢNG HỆ SỐ PHÂN BỔ VỐN NĂM 2024", undefined, 2024],
    ["Kế hoạch phấn đấu đến cuối năm 2024", undefined, 2024],
  ])("%s → status %s, plan %s", (line, status, plan) => {
    const years = yearsInTitle(line);
    expect({ status: years.status, plan: years.plan, ambiguous: years.ambiguous }).toEqual({
      status,
      plan,
      ambiguous: undefined,
    });
  });

  it.each([
    ["Chỉ tiêu giai đoạn 2021-2025", ["2021-2025"]],
    ["Chỉ tiêu giai đoạn 2026 – 2030 của tỉnh", ["2026-2030"]],
    ["bộ tiêu chí 2026-2030 / Illustrative merged province, 2026-2030", ["2026-2030"]],
  ])("a period is not a year: %s", (line, periods) => {
    expect(yearsInTitle(line)).toEqual({ periods });
  });

  it.each([
    "(Kèm theo Báo cáo số 45/BC-UBND ngày 10/01/2024 của UBND tỉnh)",
    "(Theo Quyết định số 07/2022/QĐ-TTg)",
    "Sóc Trăng, ngày 15 tháng 01 năm 2024",
    "Mục tiêu đến năm 2025",
    "Phụ lục II",
    "ĐVT: triệu đồng",
  ])("no year of the data in %s", (line) => {
    const years = yearsInTitle(line);
    expect([years.status, years.plan]).toEqual([undefined, undefined]);
  });

  it("two different status years in one line say nothing certain", () => {
    expect(yearsInTitle("Kết quả năm 2022 và năm 2023").ambiguous).toEqual([2022, 2023]);
  });

  it("keeps the words that gave the year for the message", () => {
    expect(yearsInTitle("Tình hình các xã, tỉnh Sóc Trăng, đến cuối năm 2023").phrase).toBe(
      "…đến cuối năm 2023"
    );
  });
});

const HEADER = ["TT", "Tên xã", "Số tiêu chí đạt"];
const grid = (rows: CellValue[][]) => gridFromRows("Xã", rows);

describe("detectStatusYear: the year a status sheet gives", () => {
  it("reads the title block above the header, naming its cell", () => {
    const d = detectStatusYear(
      grid([["Tình hình các xã, đến cuối năm 2023"], HEADER, [1, "An Mỹ", 19]])
    );
    expect(d.found).toMatchObject({ status: 2023, plan: 2024, kind: "title", cell: "A1" });
  });

  it("combines the lines of a title block (report heading, then the status date)", () => {
    const d = detectStatusYear(
      grid([
        ["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI"],
        ["(Đến 31/12/2023)"],
        HEADER,
        [1, "An Mỹ", 19],
      ])
    );
    expect(d.found).toMatchObject({ status: 2023, plan: 2024, cell: "A2" });
  });

  it("takes a status year and a plan year from one title when they agree", () => {
    const d = detectStatusYear(
      grid([["Kết quả năm 2023 và kế hoạch năm 2024"], ["Nguồn", "Năm 2023", "KH 2024"]])
    );
    expect(d.found).toMatchObject({ status: 2023, plan: 2024 });
  });

  it("refuses a title whose plan year is not the year after its status year", () => {
    const d = detectStatusYear(grid([["Kết quả năm 2023 và kế hoạch năm 2025"], HEADER]));
    expect(d.conflict?.cells.map((c) => c.year)).toEqual([2023, 2024]);
  });

  it("reads a year column with one value for every row before the title", () => {
    const d = detectStatusYear(
      grid([
        ["Tình hình các xã năm 2020"],
        ["TT", "Tên xã", "Năm đánh giá", "Số tiêu chí đạt"],
        [1, "An Mỹ", 2023, 19],
        [2, "Tài Văn", "2023", 17],
      ])
    );
    expect(d.found).toMatchObject({
      status: 2023,
      kind: "column",
      cell: "C3",
      text: "Năm đánh giá",
    });
  });

  it("names the cells when the rows of the year column disagree", () => {
    const d = detectStatusYear(
      grid([
        ["TT", "Tên xã", "Năm", "Số tiêu chí đạt"],
        [1, "An Mỹ", 2023, 19],
        [2, "Tài Văn", 2023, 17],
        [3, "Xuân Hòa", 2024, 15],
      ])
    );
    expect(d.conflict).toEqual({
      kind: "column",
      sheet: "Xã",
      cells: [
        { cell: "C2", text: "2023", year: 2023 },
        { cell: "C4", text: "2024", year: 2024 },
      ],
    });
  });

  it("does not take the registration or recognition year for the status year", () => {
    const d = detectStatusYear(
      grid([
        ["TT", "Tên xã", "Năm đạt chuẩn", "Đăng ký đạt chuẩn", "Số tiêu chí đạt"],
        [1, "An Mỹ", 2021, null, 19],
        [2, "Tài Văn", null, 2025, 17],
      ])
    );
    expect(d.found).toBeUndefined();
    expect(d.conflict).toBeUndefined();
  });

  it("reads a status-date column (a date, or a date typed as text)", () => {
    const d = detectStatusYear(
      grid([
        ["TT", "Tên xã", "Thời điểm đánh giá", "Số tiêu chí đạt"],
        [1, "An Mỹ", new Date(Date.UTC(2025, 5, 30)), 19],
        [2, "Tài Văn", "30/6/2025", 17],
      ])
    );
    expect(d.found).toMatchObject({ status: 2025, plan: 2026, kind: "date", cell: "C2" });
  });

  it("finds nothing in a sheet without a year, and reports a period it names", () => {
    expect(detectStatusYear(grid([HEADER, [1, "An Mỹ", 19]]))).toEqual({ periods: [] });
    expect(
      detectStatusYear(
        grid([["Chỉ tiêu giai đoạn 2021-2025"], ["Chỉ tiêu", "Mục tiêu"], ["Xã", 72]])
      )
    ).toEqual({ periods: ["2021-2025"] });
  });

  it("does not read figures of the table as years", () => {
    const d = detectStatusYear(
      grid([
        ["Nguồn vốn", "Tổng"],
        ["NSTW", 2023],
        ["NSĐP", 2024],
      ])
    );
    expect(d).toEqual({ periods: [] });
  });
});

describe("settlePlanYear: the year given, else the data, else nothing", () => {
  const titled = grid([["Tình hình các xã, đến cuối năm 2023"], HEADER, [1, "An Mỹ", 19]]);
  const plain = gridFromRows("CSV", [HEADER, [1, "An Mỹ", 19]]);

  it("takes the data's year and says where it came from", () => {
    const { year, warnings } = settlePlanYear(undefined, [titled]);
    expect(year).toMatchObject({
      value: 2024,
      status: 2023,
      source: "title",
      sheet: "Xã",
      cell: "A1",
    });
    expect(year!.note.vi).toBe(
      `Năm hiện trạng 2023, năm kế hoạch 2024 (lấy từ tiêu đề trang 'Xã', ô A1: "…đến cuối năm 2023")`
    );
    expect(year!.note.en).toBe(
      "status year 2023, plan year 2024 (from the title of sheet 'Xã', cell A1)"
    );
    expect(warnings).toEqual([]);
  });

  it("lets a given year win, warning with the cell that says otherwise", () => {
    const { year, warnings } = settlePlanYear(2026, [titled]);
    expect(year).toMatchObject({ value: 2026, status: 2025, source: "option" });
    expect(warnings).toHaveLength(1);
    expect(warnings[0].sheet).toBe("Xã");
    expect(warnings[0].vi).toContain("ô A1");
    expect(warnings[0].vi).toContain("--year 2026");
  });

  it("says nothing when the given year agrees with the data", () => {
    expect(settlePlanYear(2024, [titled]).warnings).toEqual([]);
  });

  it("takes the first sheet that says a year and warns about a later one that disagrees", () => {
    const other = gridFromRows("Nguồn vốn", [
      ["Kết quả năm 2024 và kế hoạch năm 2025"],
      ["A", "B"],
    ]);
    const { year, warnings } = settlePlanYear(undefined, [plain, titled, other]);
    expect(year?.value).toBe(2024);
    expect(warnings.map((w) => w.sheet)).toEqual(["Nguồn vốn"]);
  });

  it("refuses two years in one sheet, naming the cells, when no year is given", () => {
    const split = grid([
      ["TT", "Tên xã", "Năm", "Số tiêu chí đạt"],
      [1, "An Mỹ", 2023, 19],
      [2, "Tài Văn", 2024, 17],
    ]);
    expect(() => settlePlanYear(undefined, [split])).toThrow(InputError);
    try {
      settlePlanYear(undefined, [split]);
    } catch (e) {
      const error = e as InputError;
      expect({ sheet: error.sheet, cell: error.cell }).toEqual({ sheet: "Xã", cell: "C3" });
      expect(error.message).toContain("--year");
    }
    expect(settlePlanYear(2024, [split]).warnings[0].vi).toContain("C2: 2023; ô/cell C3: 2024");
  });

  it("gives no year when nothing says it, and the refusal asks for --year naming the sheet", () => {
    expect(settlePlanYear(undefined, [plain]).year).toBeUndefined();
    const error = yearMissing(titleCell(plain));
    expect({ sheet: error.sheet, cell: error.cell }).toEqual({ sheet: "CSV", cell: "A1" });
    expect(error.details.option).toBe("year");
    expect(
      titleCell(grid([["Phụ lục II"], ["(Kèm theo Báo cáo số 12/BC-UBND)"], HEADER])).cell
    ).toBe("A1");
    expect(error.message).toContain("--year");
    expect(error.message).toContain("Năm kế hoạch");
    expect(error.message).toContain("Plan year");
  });
});
