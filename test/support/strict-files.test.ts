// The strict reader catches what office programs refuse, and passes what we write.

import { strToU8, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { reportDocxBytes } from "../../src/workbook/report/docx";
import type { ReportDocument } from "../../src/workbook/report/model";
import type { OutputSheet } from "../../src/workbook/output";
import { expectStrictFile, strictProblems } from "./strict-files";

const CONTROL = "Xã\u000BAn\u0001Bình\u001B\uFFFE\uFFFF";

function zip(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

describe("strict reader of written files", () => {
  it("finds a control character, a cell over 32,767 characters, columns differing by case, a long header", () => {
    expect(strictProblems(zip({ "word/document.xml": `<w><t>${CONTROL}</t></w>` }))[0]).toMatch(
      /word\/document\.xml: not well-formed/
    );
    const long = "x".repeat(32_768);
    expect(
      strictProblems(zip({ "xl/sharedStrings.xml": `<sst><si><t>${long}</t></si></sst>` }))[0]
    ).toMatch(/32768 characters/);
    expect(
      strictProblems(
        zip({
          "xl/tables/table1.xml": `<table><tableColumn name="Xã"/><tableColumn name="XÃ"/></table>`,
        })
      )[0]
    ).toMatch(/differ only by case/);
    expect(
      strictProblems(
        zip({ "xl/worksheets/sheet1.xml": `<w><oddHeader>${"a".repeat(256)}</oddHeader></w>` })
      )
    ).toHaveLength(1);
  });

  it("finds the same problems in a file ExcelJS writes as given", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("S").getCell("A1").value = "\uFFFE";
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(strictProblems(bytes).join("\n")).toMatch(/not well-formed/);
  });

  it("passes a result workbook with control characters, repeated column names and long texts", async () => {
    const sheet: OutputSheet = {
      sheet: "KQ_Thu",
      tables: [
        {
          name: "NTM_Thu",
          title: `Tiêu đề ${CONTROL} & ${"dài ".repeat(100)}`,
          unit: `ĐVT ${CONTROL}`,
          columns: [{ header: `Tên ${CONTROL}` }, { header: "Ghi chú" }, { header: "GHI CHÚ" }],
          rows: [
            [CONTROL, "_x000B_ giữ nguyên", "a"],
            ["Xã dài", "Xã 1, ".repeat(8000), "b"],
          ],
        },
      ],
    };
    const book = ExcelJsWorkbook.empty();
    await book.writeResults([sheet]);
    expectStrictFile(await book.toXlsx());
  });

  it("passes a Word report with control characters in every kind of text", async () => {
    const report: ReportDocument = {
      lang: "vi",
      title: `Báo cáo ${CONTROL}`,
      subtitle: CONTROL,
      sections: [{ heading: CONTROL, blocks: [{ kind: "paragraph", text: CONTROL }] }],
      appendices: [
        {
          label: "Phụ lục 1",
          title: CONTROL,
          landscape: false,
          tables: [
            {
              id: "t1",
              caption: CONTROL,
              unit: CONTROL,
              header: [[{ text: `Tên ${CONTROL}` }]],
              rows: [[{ text: CONTROL }]],
              widths: [1],
              source: CONTROL,
            },
          ],
        },
      ],
    } as ReportDocument;
    expectStrictFile(await reportDocxBytes(report));
  });
});
