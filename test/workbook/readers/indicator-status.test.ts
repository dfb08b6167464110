// The status sheet of raw indicator values (2026-2030): each cell read against the policy, and the cells named in
// its warnings and refusals (the reader writes a cell's address only when it names it).

import { InputError } from "../../../src/engine/errors";
import type { CellValue } from "../../../src/workbook/grid";
import { gridFromRows } from "../../../src/workbook/grid";
import { readCommunes } from "../../../src/workbook/readers/communes";
import { illustrativeCatalogue } from "../../engine/indicators/fixtures";

const catalogue = illustrativeCatalogue();
const codes = catalogue.indicators!.map((i) => i.code);
/** Column letters of the codes: A name, B group, then C onwards. */
const letter = (k: number) => String.fromCharCode("C".charCodeAt(0) + k);

/** A row meeting every indicator for its group: the threshold (80, 70, 50) for n.1, "Đạt" for n.2. */
function fullRow(name: string, group: 1 | 2 | 3): CellValue[] {
  return [
    name,
    group,
    ...catalogue.indicators!.map((i) => {
      const req = i.requirements[group];
      return i.comparison === "pass" ? "Đạt" : (req as number);
    }),
  ];
}

function read(rows: CellValue[][]) {
  return readCommunes(gridFromRows("Xã", [["Tên xã", "Nhóm xã", ...codes], ...rows]), {
    catalogue,
  });
}

describe("the indicator status reader", () => {
  it("reads every commune's values against its group's requirements", () => {
    const missing = fullRow("Xã B", 2);
    missing[2 + codes.indexOf("1.1")] = 69.5; // needs ≥ 70 in group 2
    const result = read([fullRow("Xã A", 1), missing]);
    expect(result.communes.map((c) => c.count)).toEqual([10, 9]);
    const verdict = result.communes[1].indicators!.find((v) => v.code === "1.1")!;
    expect(verdict).toMatchObject({ met: false, value: 69.5, requirement: 70 });
    expect(verdict.reason?.vi).toBe("69,5 %, cần ≥ 70 % (nhóm 2)");
    expect(result.warnings).toEqual([]);
  });

  it("names the blank value cells, the first five of them, and counts them all", () => {
    const rows = Array.from({ length: 7 }, (_, k) => fullRow(`Xã ${k + 1}`, 1));
    // Blank n.1 values on rows 2..8 of the sheet (the header is row 1): column of 3.1.
    const col = codes.indexOf("3.1");
    for (const row of rows) row[2 + col] = null;
    const result = read(rows);
    const blank = result.warnings.find((w) => /để trống/.test(w.vi))!;
    const cells = [2, 3, 4, 5, 6].map((r) => `${letter(col)}${r}`);
    expect(blank.cell).toBe(cells[0]);
    expect(blank.vi).toContain(`7 ô giá trị chỉ tiêu để trống (ô ${cells.join(", ")}, …)`);
    expect(result.communes.every((c) => !c.achieved!.includes(3))).toBe(true);
  });

  it("names the first cell of a percent indicator whose values all look like fractions", () => {
    const rows = [fullRow("Xã A", 1), fullRow("Xã B", 1)];
    const col = codes.indexOf("2.1");
    rows[0][2 + col] = 0.85;
    rows[1][2 + col] = 0.9;
    const result = read(rows);
    const scale = result.warnings.find((w) => /dưới 1/.test(w.vi))!;
    expect(scale.cell).toBe(`${letter(col)}2`);
    expect(scale.vi).toContain(`Chỉ tiêu 2.1 (%): các giá trị đều dưới 1 (ô ${letter(col)}2)`);
  });

  it("reads a threshold column of only 0 and 1 (numbers or text) as marks, saying so at its header", () => {
    const rows = [fullRow("Xã A", 1), fullRow("Xã B", 1), fullRow("Xã C", 1)];
    const col = codes.indexOf("4.1");
    rows[0][2 + col] = 1;
    rows[1][2 + col] = "0";
    rows[2][2 + col] = null;
    const result = read(rows);
    const marks = result.warnings.find((w) => /chỉ có 0 và 1/.test(w.vi))!;
    expect(marks.cell).toBe(`${letter(col)}1`);
    expect(result.communes.map((c) => c.achieved!.includes(4))).toEqual([true, false, false]);
  });

  it("reads a threshold column of mark words alone as marks, and a 0/1 column among values as values", () => {
    const rows = [fullRow("Xã A", 1), fullRow("Xã B", 1), fullRow("Xã C", 1)];
    const words = codes.indexOf("4.1");
    rows[0][2 + words] = "Đạt";
    rows[1][2 + words] = "Chưa đạt";
    // A blank in a marks column is a mark not given (not met), not a blank value to warn about.
    rows[2][2 + words] = null;
    const values = codes.indexOf("7.1");
    rows[0][2 + values] = 1;
    rows[1][2 + values] = 85;
    const result = read(rows);
    expect(result.warnings).toEqual([]);
    expect(result.communes.map((c) => c.achieved!.includes(4))).toEqual([true, false, false]);
    // 7.1 is "≥ 80" for group 1: the 1 is a value, not met.
    expect(result.communes.map((c) => c.achieved!.includes(7))).toEqual([false, true, true]);
  });

  it("refuses a value that is neither a number nor a mark, naming its cell", () => {
    const rows = [fullRow("Xã A", 1), fullRow("Xã B", 3)];
    const col = codes.indexOf("5.1");
    rows[1][2 + col] = "chưa báo cáo";
    let error: unknown;
    try {
      read(rows);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).details).toMatchObject({
      sheet: "Xã",
      cell: `${letter(col)}3`,
      found: "chưa báo cáo",
    });
    expect((error as InputError).details.expected?.en).toMatch(/a value for indicator 5\.1 \(%\)/);
  });
});
