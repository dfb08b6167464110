// The output boundary: what every writer writes is XML 1.0 text within Excel's limits, and each change is said.

import {
  EXCEL_CELL_LIMIT,
  cutText,
  refuseNonFiniteCells,
  safeOutputSheets,
  uniqueNames,
  xmlText,
} from "../../src/workbook/output-text";
import { isBilingualHeader } from "../../src/workbook/headers";
import { TEMPLATES, templateSheet } from "../../src/workbook/templates";
import { headerText, printSetup, type OutputSheet } from "../../src/workbook/output";

const CONTROL = "Xã\u000BAn\u0001Bình\u001B\uFFFE\uFFFF\uD800";

function sheetOf(rows: string[][], headers = ["Tên xã (Commune)", "Ghi chú (Note)"]): OutputSheet {
  return {
    sheet: "KQ_Thu",
    tables: [
      { name: "NTM_Thu", title: "Tiêu đề", columns: headers.map((header) => ({ header })), rows },
    ],
  };
}

describe("xmlText", () => {
  it("removes every character XML 1.0 does not allow and turns U+000B into a space", () => {
    const { text, removed } = xmlText(CONTROL);
    expect(text).toBe("Xã AnBình");
    expect(removed).toEqual(["U+000B", "U+0001", "U+001B", "U+FFFE", "U+FFFF", "U+D800"]);
  });

  it("keeps tab, line breaks, Vietnamese and paired surrogates", () => {
    const text = "Ấp\tMột\r\nHai 𠀀";
    expect(xmlText(text)).toEqual({ text, removed: [] });
  });
});

describe("cutText", () => {
  it("cuts a list at a separator, never inside a number, and says how much was left out", () => {
    const list = Array.from({ length: 5000 }, (_, i) => `Xã ${100000 + i}`).join(", ");
    const { text, cut } = cutText(list);
    expect(text.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    expect(cut).toBeGreaterThan(0);
    const kept = text.slice(0, text.indexOf(" …"));
    expect(kept.split(", ").every((n) => /^Xã \d{6}$/.test(n))).toBe(true);
    expect(kept.length + cut).toBe(list.length);
  });
});

describe("uniqueNames", () => {
  it("makes names unique ignoring case, as Excel compares table columns", () => {
    expect(uniqueNames(["Xã", "xã", "XÃ", "Xã (2)"])).toEqual(["Xã", "xã (3)", "XÃ (4)", "Xã (2)"]);
  });
});

describe("safeOutputSheets", () => {
  it("cleans every text and names the result cell of each change", () => {
    const { sheets, warnings } = safeOutputSheets([
      sheetOf([
        ["A", "b"],
        [CONTROL, "c"],
      ]),
    ]);
    expect(sheets[0].tables[0].rows[1][0]).toBe("Xã AnBình");
    expect(warnings).toHaveLength(1);
    // Title in A1, header in row 2, body from row 3: the second body row is row 4.
    expect(warnings[0]).toMatchObject({ sheet: "KQ_Thu", cell: "A4" });
    expect(warnings[0].vi).toMatch(/U\+000B/);
  });

  it("cuts a text over 32,767 characters with a warning naming its cell", () => {
    const long = "x, ".repeat(20_000);
    const { sheets, warnings } = safeOutputSheets([sheetOf([["A", long]])]);
    expect((sheets[0].tables[0].rows[0][1] as string).length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    expect(warnings[0]).toMatchObject({ cell: "B3" });
    expect(warnings[0].en).toMatch(/32,767/);
  });

  it("renames a column whose name repeats another ignoring case", () => {
    const { sheets, warnings } = safeOutputSheets([sheetOf([["a", "b"]], ["Tên", "TÊN"])]);
    expect(sheets[0].tables[0].columns.map((c) => c.header)).toEqual(["Tên", "TÊN (2)"]);
    expect(warnings[0]).toMatchObject({ cell: "B2" });
  });

  it("writes every header 'Tiếng Việt (English)', once, except a table the jobs read back as input", () => {
    const headers = [
      "Tên xã",
      "Chi phí (triệu đồng)",
      "Kinh phí (cost, triệu đồng)",
      "Số ghi (stated)",
    ];
    const once = safeOutputSheets([sheetOf([["a", "b", "c", "d"]], headers)]).sheets;
    const written = once[0].tables[0].columns.map((c) => c.header);
    expect(written).toEqual([
      "Tên xã (Commune)",
      "Chi phí, triệu đồng (Cost, million VND)",
      "Kinh phí, triệu đồng (Cost, million VND)",
      "Số ghi (Stated)",
    ]);
    expect(written.every(isBilingualHeader)).toBe(true);
    expect(safeOutputSheets(once).sheets[0]).toBe(once[0]);
    const input = sheetOf([["a", "b", "c", "d"]], headers);
    input.tables[0].readBack = true;
    expect(safeOutputSheets([input]).sheets[0].tables[0].columns.map((c) => c.header)).toEqual(
      headers
    );
  });

  it("keeps the input templates' headers as the readers expect them", () => {
    for (const t of TEMPLATES) {
      const sheet = templateSheet(t.id);
      expect(safeOutputSheets([sheet]).sheets[0]).toBe(sheet);
    }
  });

  it("returns the same tables when nothing needs changing, and changes nothing on a second pass", () => {
    const clean = sheetOf([["a", "b"]]);
    const once = safeOutputSheets([clean]);
    expect(once.sheets[0]).toBe(clean);
    expect(once.warnings).toEqual([]);
    const dirty = safeOutputSheets([sheetOf([[CONTROL, "b"]], ["X", "x"])]).sheets;
    const twice = safeOutputSheets(dirty);
    expect(twice.sheets[0]).toBe(dirty[0]);
    expect(twice.warnings).toEqual([]);
  });

  it("lists at most twenty cells, then counts the rest", () => {
    const rows = Array.from({ length: 50 }, () => [CONTROL, "b"]);
    const { warnings } = safeOutputSheets([sheetOf(rows)]);
    expect(warnings).toHaveLength(21);
    expect(warnings[20].en).toMatch(/30 more cells/);
  });

  it("says once what it changed in an input cell's text, naming the cell and each place it was written", () => {
    const from = { sheet: "Xã", cell: "B7" };
    const table = (name: string, rows: string[][]) => ({
      ...sheetOf(rows).tables[0],
      name,
      sources: rows.map(() => from),
    });
    const { warnings } = safeOutputSheets([
      { sheet: "KQ_A", tables: [table("NTM_A", [[CONTROL, "b"]])] },
      { sheet: "KQ_B", tables: [table("NTM_B", [[CONTROL, CONTROL]])] },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ sheet: "Xã", cell: "B7" });
    expect(warnings[0].vi).toMatch(
      /^Ô Xã!B7 \(ghi vào 3 ô: KQ_A!A3, KQ_B!A3, KQ_B!B3\): đã bỏ 6 ký tự/
    );
    expect(warnings[0].en).toMatch(
      /^Cell Xã!B7 \(written to 3 cells: KQ_A!A3, KQ_B!A3, KQ_B!B3\): removed 6/
    );
  });

  it("names a cell of another workbook by its file, a cell's own source over its row's, and counts places past three", () => {
    const rows = Array.from({ length: 5 }, () => [CONTROL, CONTROL]);
    const sheet = sheetOf(rows);
    const name = { file: "xa-an-binh.xlsx", sheet: "Báo cáo", cell: "B2" };
    const note = { file: "xa-an-binh.xlsx", sheet: "Báo cáo", cell: "D9" };
    sheet.tables[0] = {
      ...sheet.tables[0],
      sources: rows.map(() => name),
      cellSources: rows.map((_, r) => (r === 4 ? [undefined, note] : undefined)),
    };
    const { warnings } = safeOutputSheets([sheet]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject(name);
    expect(warnings[0].vi).toMatch(
      /^Tệp xa-an-binh\.xlsx, Ô Báo cáo!B2 \(ghi vào 9 ô: KQ_Thu!A3, KQ_Thu!B3, KQ_Thu!A4 và 6 ô khác\)/
    );
    expect(warnings[0].en).toMatch(
      /^File xa-an-binh\.xlsx, cell Báo cáo!B2 \(written to 9 cells: KQ_Thu!A3, KQ_Thu!B3, KQ_Thu!A4, and 6 more\)/
    );
    expect(warnings[1]).toMatchObject(note);
    expect(warnings[1].en).toMatch(
      /^File xa-an-binh\.xlsx, cell Báo cáo!D9 \(written to KQ_Thu!B7\)/
    );
  });
});

describe("print header text", () => {
  it("escapes &, removes what XML cannot hold and stays within its room without splitting &&", () => {
    expect(headerText("A & B\uFFFE", 50)).toBe("A && B");
    const cut = headerText("&".repeat(300), 21);
    expect(cut.length).toBeLessThanOrEqual(21);
    expect(cut.replace("…", "")).toMatch(/^(&&)+$/);
  });

  it("keeps a whole page header within Excel's 255 characters", () => {
    const long = `Lộ trình & kế hoạch ${"\uFFFE".repeat(3)}${"x".repeat(400)}`;
    const sheet: OutputSheet = {
      sheet: "KQ",
      tables: [
        { name: "T", title: long, unit: "&".repeat(300), columns: [{ header: "A" }], rows: [] },
      ],
    };
    const { header } = printSetup(sheet);
    const code = `&C${header.center}&R${header.right}`;
    expect(code.length).toBeLessThanOrEqual(255);
    expect(code).not.toMatch(/\uFFFE/);
  });
});

describe("refuseNonFiniteCells", () => {
  it("refuses an overflowed figure, naming the result sheet, the cell and the row's commune", () => {
    const sheet: OutputSheet = {
      sheet: "KQ_DoiUng",
      tables: [
        {
          name: "T",
          title: "Đối ứng",
          columns: [{ header: "Nội dung" }, { header: "Tỷ lệ" }],
          rows: [
            ["Ngân sách TW", 1],
            ["Xã An Bình", Infinity],
          ],
        },
      ],
    };
    let error: unknown;
    try {
      refuseNonFiniteCells([sheet]);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: "InputError" });
    const message = String((error as Error).message);
    expect(message).toMatch(/KQ_DoiUng/);
    expect(message).toMatch(/B4/);
    expect(message).toMatch(/Xã An Bình, Tỷ lệ: Infinity/);
    expect(() =>
      refuseNonFiniteCells([{ ...sheet, tables: [{ ...sheet.tables[0], rows: [["a", 1]] }] }])
    ).not.toThrow();
  });
});
