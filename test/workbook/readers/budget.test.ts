import { promises as fs } from "node:fs";
import * as path from "node:path";
import { InputError } from "../../../src/engine/errors";
import { counterpartCheck, DEFAULT_SOURCE_MAPPING, fundingMix } from "../../../src/engine/funding";
import { ExcelJsWorkbook } from "../../../src/workbook/adapters/exceljs";
import { gridFromRows, type CellValue } from "../../../src/workbook/grid";
import { budgetLayout, readBudget } from "../../../src/workbook/readers/budget";
import { readSourceMapping } from "../../../src/workbook/readers/source-mapping";

const FIXTURE = path.join(__dirname, "../../fixtures/examples/soc-trang-2023-funding.csv");
const SAMPLE = path.join(__dirname, "../../../assets/ntm-sample.xlsx");

async function csvGrid() {
  const book = ExcelJsWorkbook.fromCsv(
    await fs.readFile(FIXTURE, "utf8"),
    "soc-trang-2023-funding"
  );
  return book.readSheet("soc-trang-2023-funding");
}

const pct2 = (share: number) => Math.round(share * 10000) / 100;

function expectError(run: () => unknown, cell: string, pattern?: RegExp): void {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).cell).toBe(cell);
    if (pattern) expect((e as InputError).message).toMatch(pattern);
    return;
  }
  throw new Error("expected an InputError");
}

describe("readBudget: report layout", () => {
  it("reads appendix III: sections, sub-lines, total row and both amount columns", async () => {
    const table = readBudget(await csvGrid());
    expect(table.columns).toEqual(["Kết quả huy động năm 2023", "Kế hoạch năm 2024"]);
    expect(table.lines.map((l) => [l.level, l.category])).toEqual([
      [0, "total"],
      [1, "central"],
      [2, "central-investment"],
      [2, "central-recurrent"],
      [1, "local"],
      [2, "local-province"],
      [2, "local-district"],
      [1, "integrated"],
      [1, "credit"],
      [1, "enterprises"],
      [1, "people"],
      [2, "people-cash"],
      [2, "people-labour"],
    ]);
    expect(table.lines[5].parent).toBe(4);
    expect(table.lines[5].cells).toEqual(["C7", "D7"]);
  });

  it.each([
    ["the CSV example", () => csvGrid()],
    [
      "the sample workbook's 'Nguồn vốn' sheet (title row above the header)",
      async () =>
        (await ExcelJsWorkbook.fromXlsx(await fs.readFile(SAMPLE))).readSheet("Nguồn vốn"),
    ],
  ])("gives the report's shares and counterpart figures from %s", async (_name, load) => {
    const table = readBudget(await load());
    const [mix2023] = fundingMix(table, { decimals: 2 });
    const top = mix2023.lines.filter((l) => l.level === 1);
    expect(top.map((l) => pct2(l.share))).toEqual([6.21, 1.51, 38.3, 39.67, 9.12, 5.2]);
    expect(top.reduce((s, l) => s + Math.round(l.roundedShare! * 10000), 0)).toBe(10000);
    const [y2023, y2024] = counterpartCheck(table, 1);
    expect(y2023.ratio!.toFixed(3)).toBe("0.243");
    expect(y2023.shortfall).toBe(169183);
    expect(y2024.ratio!.toFixed(3)).toBe("1.052");
    expect(y2024.compliant).toBe(true);
  });

  it("reads Vietnamese text numbers", () => {
    const grid = gridFromRows("NV", [
      ["STT", "Nội dung", "Năm 2023"],
      [null, "Tổng số", "3.602.312"],
      ["I", "Vốn tín dụng", "3.602.312"],
    ]);
    expect(readBudget(grid).lines.map((l) => l.amounts[0])).toEqual([3602312, 3602312]);
  });

  it("keeps labels it does not recognise as 'other'", () => {
    const grid = gridFromRows("NV", [
      ["STT", "Nội dung", "Năm 2023"],
      ["I", "Vốn ODA", 10],
      ["II", "Vốn tín dụng", 20],
    ]);
    const table = readBudget(grid);
    expect(table.lines.map((l) => [l.label, l.category])).toEqual([
      ["Vốn ODA", "other"],
      ["Vốn tín dụng", "credit"],
    ]);
    expect(fundingMix(table)[0].lines[0].share).toBeCloseTo(1 / 3, 12);
  });

  it("uses arabic numbers as top level when a table has no roman sections, and '-' sub-lines", () => {
    const grid = gridFromRows("NV", [
      ["TT", "Nguồn vốn", "Thực hiện 2023", "Tỷ lệ (%)", "Ghi chú"],
      ["1", "Ngân sách địa phương", 30, "50%", null],
      [null, "- Tỉnh", 20, null, null],
      [null, "- Huyện", 10, null, null],
      ["2", "Ngân sách trung ương", 30, "50%", null],
    ]);
    const table = readBudget(grid);
    expect(table.columns).toEqual(["Thực hiện 2023"]);
    expect(table.lines.map((l) => [l.label, l.level, l.category])).toEqual([
      ["Ngân sách địa phương", 1, "local"],
      ["Tỉnh", 2, "local-province"],
      ["Huyện", 2, "local-district"],
      ["Ngân sách trung ương", 1, "central"],
    ]);
  });

  it("reports a formula error with its cell", () => {
    const grid = gridFromRows("Nguồn vốn", [
      ["STT", "Nội dung chỉ tiêu", "Năm 2023"],
      ["I", "Vốn tín dụng", { error: "#REF!" }],
    ]);
    expectError(() => readBudget(grid), "C2", /#REF!/);
  });

  it("reports a date where an amount belongs", () => {
    const grid = gridFromRows("Nguồn vốn", [
      ["STT", "Nội dung chỉ tiêu", "Năm 2023"],
      ["I", "Vốn tín dụng", new Date("2023-01-01")],
    ]);
    expectError(() => readBudget(grid), "C2");
  });

  it("says what it looked for when there is no funding table", () => {
    expectError(() => readBudget(gridFromRows("X", [["a", "b"]])), "A1", /Nội dung chỉ tiêu/);
    expect(budgetLayout(gridFromRows("X", [["a", "b"]]))).toBeNull();
  });
});

describe("readBudget: tidy layout", () => {
  const header: CellValue[] = ["Năm", "Nguồn vốn", "Kế hoạch/Thực hiện", "Số tiền", "Cấp"];

  it("pivots rows into plan and actual columns per year", () => {
    const grid = gridFromRows("Mau_NguonVon", [
      ["Nguồn vốn huy động", null, null, null, null],
      header,
      [2023, "Ngân sách trung ương - Đầu tư phát triển", "Thực hiện", 191652, "Tỉnh"],
      [2023, "Ngân sách trung ương - Sự nghiệp", "TH", "31.882", null],
      [2024, "Ngân sách trung ương - Đầu tư phát triển", "Kế hoạch", 169946, null],
      [2023, "Ngân sách địa phương", "Thực hiện", 29964, "Tỉnh"],
      [2023, "Ngân sách địa phương", "Thực hiện", 24387, "Huyện"],
      [2023, "Vốn tín dụng", "Thực hiện", 1429056, null],
      [2023, "Vốn ODA", "Thực hiện", 5, null],
    ]);
    expect(budgetLayout(grid)).toBe("tidy");
    const table = readBudget(grid);
    expect(table.columns).toEqual(["Thực hiện 2023", "Kế hoạch 2024"]);
    expect(table.lines.map((l) => [l.label, l.level, l.category, l.amounts, !!l.derived])).toEqual([
      ["Ngân sách trung ương", 1, "central", [223534, 169946], true],
      ["Đầu tư phát triển", 2, "central-investment", [191652, 169946], false],
      ["Sự nghiệp", 2, "central-recurrent", [31882, null], false],
      ["Ngân sách địa phương", 1, "local", [54351, 0], true],
      ["Tỉnh", 2, "local-province", [29964, null], false],
      ["Huyện", 2, "local-district", [24387, null], false],
      ["Vốn tín dụng", 1, "credit", [1429056, null], false],
      ["Vốn ODA", 1, "other", [5, null], false],
    ]);
    const [y2023] = counterpartCheck(table, 1);
    expect(y2023).toMatchObject({ central: 223534, local: 54351, shortfall: 169183 });
  });

  it("checks a stated parent against its sub-lines", () => {
    const grid = gridFromRows("T", [
      header,
      [2023, "Ngân sách trung ương", "Thực hiện", 223000, null],
      [2023, "Ngân sách trung ương - Đầu tư phát triển", "Thực hiện", 191652, null],
      [2023, "Ngân sách trung ương - Sự nghiệp", "Thực hiện", 31882, null],
    ]);
    const [mix] = fundingMix(readBudget(grid));
    expect(mix.checks).toEqual([
      expect.objectContaining({
        label: "Ngân sách trung ương",
        stated: 223000,
        computed: 223534,
        difference: -534,
        cell: "D2",
      }),
    ]);
  });

  it("rejects an unknown plan/actual mark and a bad year with their cells", () => {
    expectError(
      () => readBudget(gridFromRows("T", [header, [2023, "Vốn tín dụng", "dự kiến?", 1, null]])),
      "C2"
    );
    expectError(
      () => readBudget(gridFromRows("T", [header, ["năm nay", "Vốn tín dụng", "TH", 1, null]])),
      "A2"
    );
    expectError(
      () =>
        readBudget(
          gridFromRows("T", [header, [2023, "Vốn tín dụng", "TH", { error: "#DIV/0!" }, null]])
        ),
      "D2",
      /#DIV\/0!/
    );
  });
});

describe("readSourceMapping", () => {
  it("reads keywords and groups, and its entries override the defaults", () => {
    const grid = gridFromRows("Nhom", [
      ["Từ khóa", "Nhóm nguồn"],
      ["ODA", "Ngân sách trung ương"],
      ["xã hội hóa + vốn", "people"],
    ]);
    const mapping = readSourceMapping(grid);
    expect(mapping).toEqual([
      { keywords: ["ODA"], category: "central" },
      { keywords: ["xã hội hóa", "vốn"], category: "people" },
    ]);
    const budget = gridFromRows("NV", [
      ["STT", "Nội dung", "Năm 2023"],
      ["I", "Vốn ODA", 10],
      ["II", "Vốn xã hội hóa", 20],
    ]);
    const table = readBudget(budget, { mapping: [...mapping, ...DEFAULT_SOURCE_MAPPING] });
    expect(table.lines.map((l) => l.category)).toEqual(["central", "people"]);
  });

  it("rejects an unknown group naming its cell", () => {
    const grid = gridFromRows("Nhom", [
      ["Từ khóa", "Nhóm nguồn"],
      ["ODA", "vốn lạ"],
    ]);
    expectError(() => readSourceMapping(grid), "B2", /credit/);
  });
});

describe("readBudget: other report shapes", () => {
  it("reads a state-budget group with central and local budgets inside it", () => {
    const grid = gridFromRows("NV", [
      ["STT", "Nội dung", "Thực hiện 2023"],
      [null, "Tổng cộng", 400],
      ["I", "Ngân sách nhà nước", 300],
      ["1", "Ngân sách trung ương", 200],
      ["-", "Đầu tư phát triển", 150],
      ["-", "Sự nghiệp", 50],
      ["2", "Ngân sách địa phương", 100],
      [null, "Trong đó:", null],
      ["-", "Tỉnh", 60],
      ["-", "Huyện", 30],
      ["-", "Xã", 10],
      ["II", "Vốn tín dụng", 100],
    ]);
    const table = readBudget(grid);
    expect(table.lines.map((l) => [l.level, l.category])).toEqual([
      [0, "total"],
      [1, "state-budget"],
      [2, "central"],
      [3, "central-investment"],
      [3, "central-recurrent"],
      [2, "local"],
      [3, "local-province"],
      [3, "local-district"],
      [3, "local-commune"],
      [1, "credit"],
    ]);
    const [mix] = fundingMix(table);
    expect(mix.lines.filter((l) => l.level === 1).map((l) => l.share)).toEqual([0.75, 0.25]);
    expect(mix.checks.every((c) => c.ok)).toBe(true);
    expect(counterpartCheck(table, 1)[0]).toMatchObject({
      central: 200,
      local: 100,
      ratio: 0.5,
      shortfall: 100,
    });
  });

  it("reads a two-row header (year over plan | actual) and ignores a unit note", () => {
    const grid = gridFromRows("NV", [
      [null, null, "Năm 2024", null, "ĐVT: triệu đồng"],
      ["STT", "Nội dung", "Kế hoạch", "Thực hiện", "Năm 2025 kế hoạch"],
      ["I", "Ngân sách trung ương", 100, 90, 120],
    ]);
    const table = readBudget(grid);
    expect(table.columns).toEqual(["Năm 2024 Kế hoạch", "Năm 2024 Thực hiện", "Năm 2025 kế hoạch"]);
  });

  it("sums the sub-lines of a section heading that has no amounts of its own", () => {
    const grid = gridFromRows("NV", [
      ["STT", "Nội dung", "Năm 2023"],
      ["I", "Ngân sách địa phương", null],
      ["1", "Tỉnh", 20],
      ["2", "Huyện", 10],
      ["II", "Ngân sách trung ương", 30],
    ]);
    const table = readBudget(grid);
    expect(table.lines[0]).toMatchObject({ amounts: [30], derived: true });
    const [mix] = fundingMix(table);
    expect(mix.total).toBe(60);
    expect(mix.checks).toEqual([]);
  });
});

describe("readBudget: column names", () => {
  it("keeps repeated amount headers apart", () => {
    const grid = gridFromRows("NV", [
      ["STT", "Nội dung", "Thực hiện", "Thực hiện"],
      ["I", "Vốn tín dụng", 1, 2],
    ]);
    expect(readBudget(grid).columns).toEqual(["Thực hiện", "Thực hiện (2)"]);
  });
});
