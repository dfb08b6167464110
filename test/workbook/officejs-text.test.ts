// How the Office.js adapter writes text: a string stays the string given, whatever it looks like, and a text cell
// never shows an apostrophe the user did not type.

import { OfficeJsWorkbook, toOfficeValue } from "../../src/workbook/adapters/officejs";
import { FORMATS, type OutputSheet } from "../../src/workbook/output";
import { FakeExcel, requirementsUpTo } from "../support/fake-excel";

const TEXTS = [
  "01",
  '=HYPERLINK("http://x")',
  "+84 912",
  "-5",
  "@SUM(A1)",
  "'trích dẫn",
  "5%",
  "Xã An Bình",
];

function written(format?: string): { value: unknown; format: string; type?: string }[] {
  const excel = new FakeExcel();
  excel.install();
  const port = new OfficeJsWorkbook(requirementsUpTo("1.12"));
  const sheet: OutputSheet = {
    sheet: "KQ_Ma",
    tables: [
      {
        name: "NTM_Ma",
        columns: [{ header: "Mã", ...(format ? { format } : {}) }],
        rows: TEXTS.map((t) => [t]),
      },
    ],
  };
  return port.writeResults([sheet]).then(() => {
    const out = excel.sheet("KQ_Ma")!;
    return TEXTS.map((_, i) => out.get(1 + i, 0)!);
  }) as unknown as { value: unknown; format: string; type?: string }[];
}

describe("Office.js adapter: text cells", () => {
  it.each([[undefined], [FORMATS.text]])(
    "writes every string as that string, in a column of format %s",
    async (format) => {
      const cells = await written(format);
      expect(cells.map((c) => c.value)).toEqual(TEXTS);
      expect(cells.every((c) => c.type === "String")).toBe(true);
    }
  );

  it("never sends a leading apostrophe into a cell formatted as text", async () => {
    const cells = await written(FORMATS.text);
    for (const cell of cells) expect(cell.format).not.toBe("@");
  });

  it("marks every non-empty string with Excel's text prefix, which is not part of the value", () => {
    expect(toOfficeValue("=1+1")).toBe("'=1+1");
    expect(toOfficeValue("")).toBe("");
    expect(toOfficeValue(12)).toBe(12);
  });
});
