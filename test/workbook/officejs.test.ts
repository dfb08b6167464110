import { InputError } from "../../src/engine/errors";
import {
  MAX_REQUEST_BYTES,
  OfficeJsWorkbook,
  RequirementError,
  chunkRows,
  isDateFormat,
  originOfAddress,
} from "../../src/workbook/adapters/officejs";
import { FORMATS, keyFigures, type OutputSheet } from "../../src/workbook/output";
import { META_SHEET, META_SIGNATURE, outputHash } from "../../src/workbook/ownership";
import { FakeExcel, requirementsUpTo } from "../support/fake-excel";
import { RESULT, writeAndReadBack } from "./roundtrip";
import { safeOutputSheets } from "../../src/workbook/output-text";

/** A sheet as the adapters write it: through the output boundary (bilingual headers). */
const written = (sheet: OutputSheet) => safeOutputSheets([sheet]).sheets[0];

function setup(): { excel: FakeExcel; port: OfficeJsWorkbook } {
  const excel = new FakeExcel();
  excel.install();
  return { excel, port: new OfficeJsWorkbook(requirementsUpTo("1.12")) };
}

/** A result of `rows` communes with nine columns, like a province-wide target plan. */
function bigResult(rows: number): OutputSheet {
  return {
    sheet: "KQ_MucTieu",
    tables: [
      {
        name: "NTM_MucTieu",
        title: "Kế hoạch phấn đấu / Targets",
        columns: [
          { header: "TT", format: FORMATS.count },
          { header: "Tên xã" },
          { header: "Huyện" },
          { header: "Số tiêu chí đạt", format: FORMATS.count },
          { header: "Tiêu chí phấn đấu" },
          { header: "Số tiêu chí phấn đấu", format: FORMATS.count },
          { header: "Lũy kế", format: FORMATS.count },
          { header: "Chi phí (triệu đồng)", format: FORMATS.count },
          { header: "Tỷ lệ", format: FORMATS.share },
        ],
        rows: Array.from({ length: rows }, (_, i) => [
          i + 1,
          `Xã Thạnh Phú Đông số ${i + 1}`,
          `Huyện Mỹ Xuyên ${i % 11}`,
          15 + (i % 4),
          "6,10,11",
          3,
          18 + (i % 2),
          1234567.5 + i,
          0.0621,
        ]),
      },
    ],
  };
}

describe("Office.js adapter", () => {
  it("refuses to start on an Excel without ExcelApi 1.7, in both languages", () => {
    expect(() => new OfficeJsWorkbook(requirementsUpTo("1.6"))).toThrow(RequirementError);
    expect(() => new OfficeJsWorkbook(requirementsUpTo("1.6"))).toThrow(/ExcelApi 1\.7.*Excel/);
    expect(() => new OfficeJsWorkbook(requirementsUpTo("1.6"))).toThrow(/Phiên bản/);
  });

  it("lists sheets in one sync, hiding its bookkeeping sheet (found by its signature once)", async () => {
    const { excel, port } = setup();
    excel.addSheet("Xã", [["a"]]);
    excel.addSheet("Sổ ẩn", [[META_SIGNATURE]]).visibility = "VeryHidden";
    expect(await port.sheetNames()).toEqual(["Xã"]);
    expect(excel.syncs).toBe(2);
    expect(await port.sheetNames()).toEqual(["Xã"]);
    expect(excel.syncs).toBe(3);
  });

  it("reads a used range that starts below a title with its origin, types, errors and dates", async () => {
    const { excel, port } = setup();
    const sheet = excel.addSheet("Nguồn vốn", [], { row: 0, col: 0 });
    sheet.set(1, 1, "STT");
    sheet.set(1, 2, "Nội dung");
    sheet.set(2, 1, 1);
    sheet.set(2, 2, "#REF!", "General", "Error");
    sheet.set(3, 1, 45292, "dd/mm/yyyy");
    sheet.set(3, 2, true);
    const grid = await port.readSheet("nguồn vốn");
    expect(grid.sheet).toBe("Nguồn vốn");
    expect(grid.origin).toEqual({ row: 1, col: 1 });
    expect(grid.rows).toEqual([
      ["STT", "Nội dung"],
      [1, { error: "#REF!" }],
      [new Date(Date.UTC(2024, 0, 1)), true],
    ]);
    expect(excel.syncs).toBe(2);
  });

  it("reads an empty sheet as an empty grid and a missing sheet as an InputError naming it", async () => {
    const { excel, port } = setup();
    excel.addSheet("Trống");
    expect((await port.readSheet("Trống")).rows).toEqual([]);
    await expect(port.readSheet("Xã")).rejects.toThrow(InputError);
    await expect(port.readSheet("Xã")).rejects.toThrow(/Xã/);
  });

  it("writes a result as a native table with formats and a frozen header, and reads it back", async () => {
    const { excel, port } = setup();
    excel.addSheet("Xã", [["TT", "Tên xã"]]);
    const before = excel.syncs;
    const { names, grid } = await writeAndReadBack(port);
    expect(names).toEqual(["KQ_TongHop"]);
    const sheet = excel.sheet("KQ_TongHop")!;
    expect(sheet.tables).toEqual([
      { name: "NTM_TongHop", address: "A2:C4", style: "TableStyleMedium2" },
    ]);
    expect(sheet.frozenRows).toBe(2);
    expect(excel.active).toBe("KQ_TongHop");
    expect(sheet.bold.has("A1")).toBe(true);
    expect(excel.formats[0].formats[0]).toEqual(["General", FORMATS.average, FORMATS.share]);
    expect(grid.rows).toEqual([
      ["Tổng hợp / Summary", null, null],
      ["Chỉ tiêu (Target)", "Giá trị (Value)", "Tỷ lệ (Share)"],
      ["Số xã", 80, 1],
      ["Bình quân tiêu chí/xã", 18.625, null],
    ]);
    // write: 2 syncs (learn the workbook and add the sheet, then write it and record its id); read back: 2 syncs.
    expect(excel.syncs - before).toBe(4);
    expect(excel.sheet(META_SHEET)!.visibility).toBe("VeryHidden");
  });

  it("sets a number format on every figure: a row's own in a table of key figures, none left General", async () => {
    const { excel, port } = setup();
    const figures = keyFigures([
      ["Số xã", 80, FORMATS.count],
      ["Bình quân tiêu chí/xã", 18.625, FORMATS.average],
      ["Phương pháp", "Tối ưu"],
      ["Kinh phí", 3602312, FORMATS.money],
    ]);
    await port.writeResults([
      {
        sheet: "KQ_TongHop",
        tables: [
          {
            name: "NTM_TongHop",
            columns: [
              { header: "Chỉ tiêu" },
              { header: "Giá trị", rowFormats: figures.formats },
              // A column whose writer declared no format still gets one by its values.
              { header: "Khác" },
            ],
            rows: figures.rows.map((r, i) => [...r, [72, 0.5, null, 4][i]]),
          },
        ],
      },
    ]);
    const written = excel.formats.filter((f) => f.sheet === "KQ_TongHop");
    expect(written).toHaveLength(1);
    expect(written[0].row).toBe(1);
    expect(written[0].formats).toEqual([
      ["General", FORMATS.count, FORMATS.count],
      ["General", FORMATS.average, FORMATS.average],
      ["General", "General", "General"],
      ["General", FORMATS.money, FORMATS.count],
    ]);
  });

  it("draws a table's chart beside it in the same batch: series named by their headers", async () => {
    const { excel, port } = setup();
    await port.sheetNames();
    const before = excel.syncs;
    await port.writeResults([
      {
        sheet: "KQ_DoiUng",
        tables: [
          {
            name: "NTM_DoiUng",
            title: "Tỷ lệ vốn đối ứng",
            columns: [{ header: "Năm" }, { header: "Tỷ lệ" }, { header: "Tối thiểu" }],
            rows: [
              ["2023", 0.243, 1],
              ["2024", 1.052, 1],
            ],
            chart: { type: "column", title: "Tỷ lệ đối ứng", categories: 0, series: [1, 2] },
          },
        ],
      },
    ]);
    expect(excel.syncs - before).toBe(2);
    expect(excel.sheet("KQ_DoiUng")!.charts).toEqual([
      {
        type: "ColumnClustered",
        title: "Tỷ lệ đối ứng",
        series: [
          { name: "Tỷ lệ (Share)", values: "B3:B4", categories: "A3:A4" },
          { name: "Tối thiểu", values: "C3:C4", categories: "A3:A4" },
        ],
        position: "E2",
      },
    ]);
  });

  it("replaces its own sheet on a re-run and keeps the table name", async () => {
    const { excel, port } = setup();
    excel.addSheet("Xã", [["x"]]);
    await port.writeResults([RESULT]);
    await port.writeResults([RESULT]);
    expect(excel.sheets.map((s) => s.name).filter((n) => n.startsWith("KQ"))).toEqual([
      "KQ_TongHop",
    ]);
    expect(excel.sheet("KQ_TongHop")!.tables[0].name).toBe("NTM_TongHop");
  });

  it("leaves a user's sheet of the same name untouched and writes beside it", async () => {
    const { excel, port } = setup();
    const user = excel.addSheet("KQ_TongHop", [
      ["Ghi chú của tôi", 42],
      [null as unknown as string, "giữ nguyên"],
    ]);
    const before = user.valuesInUse();
    const names = await port.writeResults([RESULT]);
    expect(names).toEqual(["KQ_TongHop (2)"]);
    expect(excel.sheet("KQ_TongHop")!.valuesInUse()).toEqual(before);
    expect(excel.sheet("KQ_TongHop")!.tables).toEqual([]);
    // A second run replaces only its own "(2)" sheet.
    expect(await port.writeResults([RESULT])).toEqual(["KQ_TongHop (2)"]);
    expect(excel.sheet("KQ_TongHop")!.valuesInUse()).toEqual(before);
  });

  it("replaces its sheet even when that is the only visible sheet", async () => {
    const { excel, port } = setup();
    await port.writeResults([RESULT]);
    await port.writeResults([RESULT]);
    expect(excel.sheets.map((s) => s.name)).toContain("KQ_TongHop");
  });

  it("reads the owned-sheet list in the first sync once it has listed the sheets", async () => {
    const { excel, port } = setup();
    excel.addSheet("Xã", [["x"]]);
    await port.writeResults([RESULT]);
    const fresh = new OfficeJsWorkbook(requirementsUpTo("1.7"));
    let before = excel.syncs;
    // It does not know yet which sheet is its bookkeeping sheet (one sync), and reads the result it replaces to
    // tell whether the user changed it (one sync).
    await fresh.writeResults([RESULT]);
    expect(excel.syncs - before).toBe(4);
    before = excel.syncs;
    await fresh.writeResults([RESULT]);
    expect(excel.syncs - before).toBe(3);
    expect(excel.sheets.filter((s) => s.name.startsWith("KQ"))).toHaveLength(1);
  });

  it("writes a result in 2 syncs, 3 on a re-run that replaces it (read to compare), recording the sheet by id", async () => {
    const { excel, port } = setup();
    excel.addSheet("Xã", [["x"]]);
    let before = excel.syncs;
    expect(await port.writeResults([RESULT, bigResult(3)])).toEqual(["KQ_TongHop", "KQ_MucTieu"]);
    expect(excel.syncs - before).toBe(2);
    const first = excel.sheet("KQ_TongHop")!.id;
    const meta = () => excel.sheets.find((s) => s.visibility === "VeryHidden")!.valuesInUse();
    expect(meta()).toEqual([
      [META_SIGNATURE, "", ""],
      [first, "KQ_TongHop", outputHash(RESULT)],
      [excel.sheet("KQ_MucTieu")!.id, "KQ_MucTieu", outputHash(written(bigResult(3)))],
    ]);
    before = excel.syncs;
    expect(await port.writeResults([RESULT])).toEqual(["KQ_TongHop"]);
    expect(excel.syncs - before).toBe(3);
    const second = excel.sheet("KQ_TongHop")!.id;
    expect(second).not.toBe(first);
    expect(meta()).toEqual([
      [META_SIGNATURE, "", ""],
      [excel.sheet("KQ_MucTieu")!.id, "KQ_MucTieu", outputHash(written(bigResult(3)))],
      [second, "KQ_TongHop", outputHash(RESULT)],
    ]);
    // No blank sheet is left over: the user's sheet, the two results and the bookkeeping sheet.
    expect(excel.sheets.map((s) => s.name).sort()).toEqual(
      [META_SHEET, "KQ_MucTieu", "KQ_TongHop", "Xã"].sort()
    );
  });

  it("removes the sheets it added when a write fails after its first sync", async () => {
    const { excel, port } = setup();
    excel.addSheet("Xã", [["x"]]);
    const names = excel.sheets.map((s) => s.name);
    // Excel refuses the second request (the one writing the tables and the bookkeeping sheet).
    excel.failAt = { sync: excel.syncs + 2, error: new Error("GeneralException") };
    await expect(port.writeResults([RESULT, bigResult(3)])).rejects.toThrow(/GeneralException/);
    expect(excel.sheets.map((s) => s.name)).toEqual(names);
    expect(excel.sheet("Xã")!.valuesInUse()).toEqual([["x"]]);
  });

  it("learns the workbook again when its bookkeeping sheet was removed meanwhile", async () => {
    const { excel, port } = setup();
    excel.addSheet("Xã", [["x"]]);
    await port.writeResults([RESULT]);
    excel.sheets = excel.sheets.filter((s) => s.name !== META_SHEET);
    // Without the list the old result counts as a user's sheet and is left alone.
    expect(await port.writeResults([RESULT])).toEqual(["KQ_TongHop (2)"]);
    // The failed first request added nothing: no blank sheet is left over.
    expect(excel.sheets.map((s) => s.name).sort()).toEqual(
      [META_SHEET, "KQ_TongHop", "KQ_TongHop (2)", "Xã"].sort()
    );
  });

  it("writes 10,000 rows of nine columns in 2 syncs (3 replacing), each request and response under 5 MB", async () => {
    const { excel, port } = setup();
    excel.addSheet("Xã", [["x"]]);
    let before = excel.syncs;
    await port.writeResults([bigResult(10_000)]);
    expect(excel.syncs - before).toBe(2);
    before = excel.syncs;
    await port.writeResults([bigResult(10_000)]);
    expect(excel.syncs - before).toBe(3);
    expect(excel.largestRequest).toBeLessThan(5_000_000);
    expect(excel.stats.largestResponse).toBeLessThan(5_000_000);
    expect(excel.sheet("KQ_MucTieu")!.get(10_001, 1)?.value).toBe("Xã Thạnh Phú Đông số 10000");
  });

  it("reads 10,000 rows back in at most 2 syncs", async () => {
    const { excel, port } = setup();
    await port.writeResults([bigResult(10_000)]);
    const before = excel.syncs;
    const grid = await port.readSheet("KQ_MucTieu");
    expect(excel.syncs - before).toBeLessThanOrEqual(2);
    expect(grid.rows).toHaveLength(10_002);
    expect(grid.rows[10_001][7]).toBe(1234567.5 + 9_999);
  });

  it("reads a 10,000-row marks sheet (TC1..TC19 and six more columns) in at most 2 syncs", async () => {
    const { excel, port } = setup();
    const header = ["TT", "Tên xã", "Huyện", "Mã xã", "Trạng thái", "Xã ĐBKK"];
    for (let c = 1; c <= 19; c++) header.push(`TC${c}`);
    const rows = [header];
    for (let r = 1; r <= 10_000; r++) {
      rows.push([String(r), `Xã ${r}`, "Kế Sách", `X${r}`, "chưa đạt", "", ...Array(19).fill("x")]);
    }
    excel.addSheet("Xã", rows);
    const before = excel.syncs;
    const grid = await port.readSheet("Xã");
    expect(excel.syncs - before).toBeLessThanOrEqual(2);
    expect(grid.rows).toHaveLength(10_001);
    expect(grid.rows[10_000][24]).toBe("x");
  });

  it("selects a range on its sheet and activates the sheet, in one sync", async () => {
    const { excel, port } = setup();
    excel.addSheet("Xã", [["TT", "Tên xã"]]);
    excel.addSheet("Nguồn vốn", [["Nội dung", "Tổng số"]]);
    const before = excel.syncs;
    await port.selectRange("Xã", "C6:C85");
    expect(excel.syncs - before).toBe(1);
    expect(excel.active).toBe("Xã");
    expect(excel.selection).toEqual({ sheet: "Xã", address: "C6:C85" });
  });

  it("selects several areas at once with ExcelApi 1.18, only the first before it", async () => {
    const { excel } = setup();
    excel.addSheet("Xã", [["TT", "Tên xã"]]);
    const port = new OfficeJsWorkbook(requirementsUpTo("1.18"));
    await port.selectRange("Xã", "6:85, 88:90");
    expect(excel.selection).toEqual({ sheet: "Xã", address: "6:85, 88:90" });
    const old = new OfficeJsWorkbook(requirementsUpTo("1.17"));
    await old.selectRange("Xã", "12:12, 30:31");
    expect(excel.selection).toEqual({ sheet: "Xã", address: "12:12" });
  });

  it("names a sheet that is gone when asked to select on it, in both languages, and selects nothing", async () => {
    const { excel, port } = setup();
    excel.addSheet("Xã", [["TT", "Tên xã"]]);
    const error = await port.selectRange("Xa cu", "A1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/trang tính tên 'Xa cu'/);
    expect((error as InputError).message).toMatch(/a sheet named 'Xa cu'/);
    expect(excel.selection).toBeUndefined();
  });

  it("splits a write that would pass the request limit into several syncs", async () => {
    const { excel, port } = setup();
    await port.writeResults([bigResult(60_000)]);
    expect(excel.syncs).toBeGreaterThan(2);
    expect(excel.largestRequest).toBeLessThanOrEqual(MAX_REQUEST_BYTES + 2_000);
    expect(excel.sheet("KQ_MucTieu")!.get(60_001, 0)?.value).toBe(60_000);
  });

  it("writes nothing for a result with a malformed row", async () => {
    const { excel, port } = setup();
    const bad: OutputSheet = {
      sheet: "KQ",
      tables: [{ name: "T", columns: [{ header: "a" }], rows: [[1, 2]] }],
    };
    await expect(port.writeResults([bad])).rejects.toThrow();
    expect(excel.sheets).toEqual([]);
    expect(excel.syncs).toBe(0);
  });
});

describe("Office.js helpers", () => {
  it("finds the origin of quoted and absolute addresses", () => {
    expect(originOfAddress("'Nguồn vốn'!B2:D15")).toEqual({ row: 1, col: 1 });
    expect(originOfAddress("Xã!$AB$10")).toEqual({ row: 9, col: 27 });
  });

  it("recognises date formats but not text in quotes or General", () => {
    expect(isDateFormat("dd/mm/yyyy")).toBe(true);
    expect(isDateFormat("[$-vi-VN]d mmmm yyyy")).toBe(true);
    expect(isDateFormat("General")).toBe(false);
    expect(isDateFormat('#,##0 "triệu đồng"')).toBe(false);
    expect(isDateFormat("0.00%")).toBe(false);
  });

  it("cuts rows into blocks under the budget, in order", () => {
    const values = Array.from({ length: 100 }, (_, i) => [i, "abcdefghij"]);
    const formats = values.map(() => ["General", "@"]);
    const blocks = chunkRows(5, values, formats, 1000);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.map((b) => b.values.length).reduce((a, b) => a + b, 0)).toBe(100);
    expect(blocks[1].row).toBe(5 + blocks[0].values.length);
    expect(blocks.every((b) => b.bytes <= 1000)).toBe(true);
  });
});
