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
      "'=SUM(A1)\t\t",
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

  it("prefixes plain text that would paste as a formula, so that it pastes as text", () => {
    const risky = [
      '=HYPERLINK("http://x","bấm")',
      "+84 912",
      "-x",
      "@SUM(A1)",
      "\t=cmd",
      "\r\n=cmd",
      "＝1+1",
    ];
    const { tsv } = tableClipboard({
      name: "T",
      columns: [{ header: "=Tên" }, { header: "Số", format: FORMATS.count }],
      rows: risky.map((t) => [t, -5]),
    });
    const [header, ...lines] = tsv.split("\r\n");
    expect(header).toBe("'=Tên\tSố");
    for (const line of lines) {
      const [text, number] = line.split("\t");
      expect(text.startsWith("'")).toBe(true);
      expect(number).toBe("-5"); // a number is a number, not text to guard
    }
    expect(lines).toHaveLength(risky.length);
  });

  it("leaves out characters a document cannot hold, in both the HTML and the plain text", () => {
    const { tsv, html } = tableClipboard({
      name: "T",
      columns: [{ header: "Tên" }],
      rows: [["Xã\u000BAn\u0001Bình\u001B\uFFFE\uFFFF"]],
    });
    expect(tsv.split("\r\n")[1]).toBe("Xã AnBình");
    expect(html).toContain(">Xã AnBình<");
  });
});
