// The report's tables as WordprocessingML written row by row: spans laid on the grid as Word reads them, texts
// escaped, and a whole .docx whose document part is well-formed with every table where its marker was.

import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { tableXml } from "../../../src/workbook/report/docx-table";
import { reportDocxBytes } from "../../../src/workbook/report/docx";
import type { ReportDocument, ReportTable } from "../../../src/workbook/report/model";

const LAYOUT = { totalTwips: 1000, sizeHalfPt: 24, indentTwips: 227 };

function spanned(): ReportTable {
  return {
    id: "t",
    header: [
      [
        { text: "TT", rowSpan: 2 },
        { text: "Tên", rowSpan: 2 },
        { text: "Kế hoạch", colSpan: 3 },
      ],
      [{ text: "Số" }, { text: "Tên" }, { text: "Lũy kế" }],
    ],
    rows: [
      [
        { text: "1" },
        { text: "A & B <C>" },
        { text: "2" },
        { text: "3", indent: 2 },
        { text: "4" },
      ],
    ],
    widths: [1, 3, 2, 2, 2],
    source: "",
  };
}

/** Each row's cells as [width, gridSpan, vMerge, text]. */
function cells(xml: string): [number, number, string, string][][] {
  return [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
    [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => [
      Number(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/.exec(c[1])?.[1]),
      Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(c[1])?.[1] ?? 1),
      /<w:vMerge w:val="(\w+)"\/>/.exec(c[1])?.[1] ?? "",
      /<w:t xml:space="preserve">([^<]*)<\/w:t>/.exec(c[1])?.[1] ?? "",
    ])
  );
}

/** The grid's column widths: the table's widths shared out over the layout's total (1, 3, 2, 2, 2 of 1000). */
const GRID = spanned().widths.map(
  (w, _, all) => (w * LAYOUT.totalTwips) / all.reduce((a, b) => a + b)
);

/** A row of one cell per grid column, as cells() gives it: the column's width, no column span, its vMerge, its text. */
function gridRow(texts: string[], vMerge: string[] = []): [number, number, string, string][] {
  return texts.map((text, c) => [GRID[c], 1, vMerge[c] ?? "", text]);
}

describe("report table XML", () => {
  const xml = [...tableXml(spanned(), LAYOUT)].join("");

  it("lays a row span over the row below and a column span over its columns' widths", () => {
    expect(cells(xml)).toEqual([
      [
        [100, 1, "restart", "TT"],
        [300, 1, "restart", "Tên"],
        [600, 3, "", "Kế hoạch"],
      ],
      gridRow(["", "", "Số", "Tên", "Lũy kế"], ["continue", "continue"]),
      gridRow(["1", "A &amp; B &lt;C&gt;", "2", "3", "4"]),
    ]);
    expect(xml).toContain('<w:gridCol w:w="100"/><w:gridCol w:w="300"/>');
    // Header rows repeat on each page; no row splits across pages; the sub-line is indented.
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(xml.match(/<w:cantSplit\/>/g)).toHaveLength(3);
    expect(xml).toContain('<w:ind w:left="454"/>');
    // The last row keeps with the source line under the table (each of its cells), no other row does.
    expect(xml.match(/<w:keepNext\/><w:keepLines\/>/g)).toHaveLength(5);
    const lastRow = xml.slice(xml.lastIndexOf("<w:tr>"));
    expect(lastRow.match(/<w:keepNext\/>/g)).toHaveLength(5);
  });

  it("puts every table of a report into a well-formed document part, in order, with no marker left", async () => {
    const table = (id: string, text: string): ReportTable => ({
      id,
      header: [[{ text: "Cột" }]],
      rows: [[{ text }]],
      widths: [1],
      source: `Nguồn ${id}`,
    });
    const report: ReportDocument = {
      lang: "vi",
      title: "BÁO CÁO",
      subtitle: "Thử",
      sections: [{ heading: "Mục", blocks: [{ kind: "paragraph", text: "Đoạn <1> & 2" }] }],
      appendices: [
        { label: "Phụ lục I", title: "MỘT", tables: [table("a", "ô thứ nhất")], landscape: false },
        {
          label: "Phụ lục II",
          title: "HAI",
          tables: [table("b", "ô thứ hai"), table("c", "ô thứ ba")],
          landscape: true,
        },
      ],
    };
    const doc = strFromU8(unzipSync(await reportDocxBytes(report))["word/document.xml"]);
    const parser = new SaxesParser({ xmlns: true });
    expect(() => parser.write(doc).close()).not.toThrow();
    expect(doc).not.toContain("NTMTABLE");
    const order = ["ô thứ nhất", "Nguồn a", "ô thứ hai", "Nguồn b", "ô thứ ba", "Nguồn c"].map(
      (t) => doc.indexOf(t)
    );
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    expect(doc.match(/<w:tbl>/g)).toHaveLength(3);
  });
});
