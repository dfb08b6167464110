// Copying a result table: HTML that Word pastes as a table and Excel as numbers, TSV with Vietnamese formats.

import { tableClipboard } from "../../src/taskpane/clipboard";
import { FORMATS, MONEY_UNIT, type OutputTable } from "../../src/workbook/output";

const table: OutputTable = {
  name: "NTM_NguonVon",
  title: "Cơ cấu nguồn vốn <2023>",
  unit: MONEY_UNIT,
  columns: [
    { header: "Nội dung" },
    { header: "Số tiền", format: FORMATS.count },
    { header: "Tỷ lệ", format: FORMATS.share },
  ],
  rows: [
    ["NGÂN SÁCH TRUNG ƯƠNG", 223534, 0.06205292600974041],
    ["Vốn\tlồng ghép", 1379545, 0.38296],
    ["=SUM(A1)", null, null],
  ],
};

describe("tableClipboard", () => {
  it("writes TSV with a header row and Vietnamese numbers", () => {
    const { tsv } = tableClipboard(table);
    expect(tsv.split("\r\n")).toEqual([
      "Nội dung\tSố tiền\tTỷ lệ",
      "NGÂN SÁCH TRUNG ƯƠNG\t223.534\t6,21%",
      "Vốn lồng ghép\t1.379.545\t38,30%",
      "=SUM(A1)\t\t",
    ]);
  });

  it("writes HTML with bold centred headers, each number with its value and format, texts as text", () => {
    const { html } = tableClipboard(table);
    expect(html).toContain('<th style="font-weight:bold;text-align:center">Số tiền</th>');
    expect(html).toContain(
      `<td x:num="223534" style="text-align:right;mso-number-format:'#,##0'">223.534</td>`
    );
    expect(html).toContain(`x:num="0.06205292600974041"`);
    expect(html).toContain(">6,21%<");
    expect(html).toContain(`<td style="mso-number-format:'\\@'">=SUM(A1)</td>`);
    expect(html).toContain("Cơ cấu nguồn vốn &lt;2023&gt;");
    expect(html).toContain(MONEY_UNIT);
  });
});
