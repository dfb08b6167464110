// Printable result sheets: A4, landscape when wide, fit to width, the header row on every page, title and unit on
// top, page numbers below — in the output model and in both adapters.

import ExcelJS from "exceljs";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { OfficeJsWorkbook } from "../../src/workbook/adapters/officejs";
import { FORMATS, MONEY_UNIT, printSetup, type OutputSheet } from "../../src/workbook/output";
import { mixTable } from "../../src/workbook/writers/funding";
import { FakeExcel, requirementsUpTo } from "../support/fake-excel";

const narrow: OutputSheet = {
  sheet: "KQ_DoiUng",
  tables: [
    {
      name: "NTM_DoiUng",
      title: "Tỷ lệ vốn đối ứng & kiểm tra",
      unit: MONEY_UNIT,
      columns: [{ header: "Cột" }, { header: "NSTW", format: FORMATS.count }],
      rows: [
        ["2023", 223534],
        ["2024", 200334],
      ],
    },
  ],
};

const wide: OutputSheet = {
  sheet: "KQ_ChiTieu",
  tables: [
    {
      name: "NTM_ChiTieu",
      title: "Kế hoạch phấn đấu",
      columns: Array.from({ length: 9 }, (_, i) => ({ header: `Cột tiêu đề số ${i + 1}` })),
      rows: Array.from({ length: 120 }, (_, r) =>
        Array.from({ length: 9 }, (_, c) => `xã ${r} — nội dung cột ${c}`)
      ),
    },
    {
      name: "NTM_ChiTieu_TongHop",
      title: "Tổng hợp",
      columns: [{ header: "Chỉ tiêu" }, { header: "Giá trị" }],
      rows: [["Số xã", 80]],
    },
  ],
};

describe("printSetup", () => {
  it("prints a narrow sheet upright and a wide one landscape, both on A4 fitted to the width", () => {
    expect(printSetup(narrow)).toMatchObject({ paperSize: 9, orientation: "portrait" });
    expect(printSetup(wide)).toMatchObject({ paperSize: 9, orientation: "landscape" });
  });

  it("repeats the one header row that the tables side by side share", () => {
    // Title in row 1 (index 0), every table's header in row 2 (index 1), whichever table runs over pages.
    expect(printSetup(wide).repeatRows).toEqual({ first: 1, last: 1 });
    const shortFirst: OutputSheet = { ...wide, tables: [wide.tables[1], wide.tables[0]] };
    expect(printSetup(shortFirst).repeatRows).toEqual({ first: 1, last: 1 });
  });

  it("puts the title in bold and the unit line on top of every page, page numbers below", () => {
    const print = printSetup(narrow);
    expect(print.header.center).toBe("&BTỷ lệ vốn đối ứng && kiểm tra&B");
    expect(print.header.right).toBe(MONEY_UNIT);
    expect(print.footer.center).toContain("&P/&N");
    expect(printSetup(wide).header.right).toBe("");
  });

  it("gives the funding writer's sheet the money unit", () => {
    const table = mixTable([], 2);
    expect(table.unit).toBe(MONEY_UNIT);
    expect(printSetup({ sheet: "KQ_NguonVon", tables: [table] }).header.right).toBe(MONEY_UNIT);
  });
});

describe("ExcelJS adapter", () => {
  it("writes the page setup, print titles, header and footer into the .xlsx", async () => {
    const book = ExcelJsWorkbook.empty();
    await book.writeResults([narrow, wide]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await book.toXlsx()) as unknown as ArrayBuffer);
    const n = back.getWorksheet("KQ_DoiUng")!;
    expect(n.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(n.headerFooter.oddHeader).toBe(`&C&BTỷ lệ vốn đối ứng && kiểm tra&B&R${MONEY_UNIT}`);
    expect(n.headerFooter.oddFooter).toBe("&CTrang / Page &P/&N");
    const w = back.getWorksheet("KQ_ChiTieu")!;
    expect(w.pageSetup.orientation).toBe("landscape");
    expect(w.pageSetup.printTitlesRow).toBe("2:2");
  });
});

describe("Office.js adapter", () => {
  it("sets the page layout when Excel has ExcelApi 1.9", async () => {
    const excel = new FakeExcel();
    excel.install();
    await new OfficeJsWorkbook(requirementsUpTo("1.12")).writeResults([wide]);
    expect(excel.sheet("KQ_ChiTieu")!.pageLayout).toEqual({
      paperSize: "A4",
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$2:$2",
      centerHeader: "&BKế hoạch phấn đấu&B",
      rightHeader: "",
      centerFooter: "Trang / Page &P/&N",
    });
  });

  it("writes the results without a page layout on older Excel (ExcelApi 1.7)", async () => {
    const excel = new FakeExcel();
    excel.install();
    await new OfficeJsWorkbook(requirementsUpTo("1.7")).writeResults([narrow]);
    expect(excel.sheet("KQ_DoiUng")!.pageLayout).toEqual({});
    expect(excel.sheet("KQ_DoiUng")!.tables).toHaveLength(1);
  });
});
