// The report's Word layout: Decree 30/2020/NĐ-CP page, font, margins; repeated, bold, centred table headers.

import { unzipSync, strFromU8 } from "fflate";
import { buildReportFrom } from "../../../src/workbook/report/build";
import { reportDocxBytes } from "../../../src/workbook/report/docx";
import { figure, prose } from "../../../src/workbook/report/format";

const funding = {
  sheet: "Nguồn vốn",
  unit: { vi: "triệu đồng", en: "million VND" },
  round: null,
  columns: [
    {
      column: "Kết quả huy động năm 2023",
      total: 3602312,
      lines: [
        {
          label: "NGÂN SÁCH TRUNG ƯƠNG",
          category: "central" as const,
          level: 1,
          amount: 223534,
          share: 0.06205,
          displayedShare: 0.0621,
        },
        {
          label: "Đầu tư phát triển",
          category: "central-investment" as const,
          level: 2,
          amount: 191652,
          share: 0.0532,
          displayedShare: 0.0532,
        },
      ],
      checks: [],
    },
  ],
};

async function documentXml(): Promise<{ doc: string; styles: string }> {
  const report = buildReportFrom({ funding }, { lang: "vi", year: 2024 });
  const files = unzipSync(await reportDocxBytes(report));
  return {
    doc: strFromU8(files["word/document.xml"]),
    styles: strFromU8(files["word/styles.xml"]),
  };
}

describe("report .docx layout", () => {
  it("is A4 with the decree's margins (20 mm top and bottom, 30 mm left, 15 mm right)", async () => {
    const { doc } = await documentXml();
    // 1 mm = 56.7 twips: A4 is 11906 × 16838.
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = [...doc.matchAll(/<w:pgMar ([^>]*)\/>/g)].map((m) => m[1]);
    expect(margins.length).toBeGreaterThan(0);
    for (const m of margins) {
      expect(m).toMatch(/w:top="1134"/);
      expect(m).toMatch(/w:bottom="1134"/);
      expect(m).toMatch(/w:left="1701"/);
      expect(m).toMatch(/w:right="850"/);
    }
  });

  it("sets Times New Roman 13 pt as the document's font", async () => {
    const { styles } = await documentXml();
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:sz w:val="26"\/>/);
  });

  it("repeats bold centred table headers and writes the unit above and the source under the table", async () => {
    const { doc } = await documentXml();
    expect(doc).toContain("<w:tblHeader/>");
    const header = doc.slice(doc.indexOf("<w:tblHeader/>"), doc.indexOf("</w:tr>"));
    expect(header).toContain('<w:jc w:val="center"/>');
    expect(header).toContain("<w:b/>");
    const unit = doc.indexOf("ĐVT: triệu đồng");
    expect(unit).toBeGreaterThan(0);
    expect(unit).toBeLessThan(doc.indexOf("<w:tbl>"));
    expect(doc.indexOf("Nguồn: số liệu trang tính")).toBeGreaterThan(doc.indexOf("</w:tbl>"));
  });

  it("keeps the source line with its table: the last row keeps with the next paragraph, the unit with the table", async () => {
    const { doc } = await documentXml();
    const tables = [...doc.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]);
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      const rows = [...t.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]);
      const last = rows[rows.length - 1];
      const paragraphs = [...last.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]);
      expect(paragraphs.length).toBeGreaterThan(0);
      for (const p of paragraphs) expect(p).toContain("<w:keepNext/>");
      // The rows before the last may break across pages (a long table continues under its repeated header).
      expect(rows[rows.length - 2]).not.toContain("<w:keepNext/>");
    }
    // The paragraphs before the table (appendix label, title, unit) keep with it; the source line keeps its lines.
    const label = doc.lastIndexOf("<w:p>", doc.indexOf(">Phụ lục I</w:t>"));
    const before = doc.slice(label, doc.indexOf("<w:tbl>"));
    const paras = [...before.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]);
    for (const p of paras) expect(p).toContain("<w:keepNext/>");
    const source = doc.slice(
      doc.lastIndexOf("<w:p>", doc.indexOf("Nguồn: số liệu")),
      doc.indexOf("Nguồn: số liệu")
    );
    expect(source).toContain("<w:keepLines/>");
  });

  it("numbers pages at the top from the second page", async () => {
    const { doc } = await documentXml();
    expect(doc).toContain("<w:titlePg/>");
    expect(doc).toMatch(/<w:headerReference w:type="first"/);
  });
});

describe("the report's one formatter", () => {
  it("writes Vietnamese figures as the reports print them", () => {
    expect(figure(3602312, "money", "vi")).toBe("3.602.312");
    expect(figure(18.625, "average", "vi")).toBe("18,63");
    expect(figure(0.875, "percent", "vi")).toBe("87,5%");
    expect(figure(0.38296, "percent", "vi")).toBe("38,30%");
    expect(figure(1, "percent", "vi")).toBe("100%");
    expect(figure(0.24314, "ratio", "vi")).toBe("0,243");
    expect(prose(2, "count", "vi")).toBe("02");
    expect(prose(70, "count", "vi")).toBe("70");
  });

  it("writes English figures the English way, without the leading zero", () => {
    expect(figure(3602312, "money", "en")).toBe("3,602,312");
    expect(figure(0.0621, "percent", "en")).toBe("6.21%");
    expect(prose(2, "count", "en")).toBe("2");
  });
});
