// A result sheet the user changed by hand (a note typed into it) is never replaced: on the next run it is kept under
// "KQ_TongHop (sửa tay)" with the user's cells, the new result goes to "KQ_TongHop", and the user is told. An
// untouched result sheet is replaced quietly (its values still hash to what was recorded), also one an older version
// wrote with other headers: the comparison is with the hash recorded then, never with the new result. Memory,
// ExcelJS (through a saved and reopened file) and Office.js (through the fake Excel) behave the same.

import type { Bilingual } from "../../src/engine/errors";
import { OfficeJsWorkbook } from "../../src/workbook/adapters/officejs";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { addResultsToWorkbook } from "../../src/workbook/adapters/xlsx-graft";
import { resultWorkbook } from "../../src/workbook/adapters/xlsx-write";
import type { Grid } from "../../src/workbook/grid";
import { FORMATS, type OutputSheet } from "../../src/workbook/output";
import { outputHash, valuesHash } from "../../src/workbook/ownership";
import { exceljsBook, memoryBook, type OwnershipBook } from "../fuzz/ownership";
import { FakeExcel, requirementsUpTo } from "../support/fake-excel";
import { RESULT } from "./roundtrip";
import { periodTargetsTable } from "../../src/workbook/writers/period-targets";

function officeBook(): OwnershipBook {
  const excel = new FakeExcel();
  excel.install();
  excel.addSheet("Xã", [["x"]]);
  const port = new OfficeJsWorkbook(requirementsUpTo("1.12"));
  const find = (name: string) => excel.sheets.find((s) => s.name === name)!;
  return {
    port,
    names: () => port.sheetNames(),
    taken: () => excel.sheets.map((s) => s.name),
    add: (name) => void excel.addSheet(name),
    rename: (from, to) => void (find(from).name = to),
    remove: () => false,
    type: (name, row, col, value) => find(name).set(row, col, value as string),
    reopen: async () => undefined,
  };
}

const ADAPTERS: [string, () => OwnershipBook][] = [
  ["memory", memoryBook],
  ["ExcelJS", exceljsBook],
  ["Office.js", officeBook],
];

/** The roadmap's period targets as the version before one header set for both roadmaps wrote them (its headers). */
const ROADMAP_BEFORE: OutputSheet = {
  sheet: "KQ_LoTrinh",
  tables: [
    {
      name: "NTM_LoTrinh_MucTieu",
      title: "Khả năng đạt chỉ tiêu giai đoạn đến năm 2025 / Period targets",
      columns: [
        { header: "Chỉ tiêu (Target)" },
        { header: "Mục tiêu (Goal)", format: FORMATS.count },
        { header: "Dự kiến năm 2025 (Projected 2025)", format: FORMATS.count },
        { header: "Đạt/Không đạt (Reached)" },
        { header: "Năm đạt (Year reached)", format: FORMATS.year },
        { header: "Kinh phí đến năm đạt, tiêu chí (Cost up to that year, criteria)" },
        { header: "Còn thiếu (Short by)", format: FORMATS.count },
        { header: "Kinh phí bổ sung ước tính, tiêu chí (Estimated extra cost, criteria)" },
        { header: "Năm đạt nếu giữ tốc độ (Year reached at this pace)", format: FORMATS.year },
      ],
      rows: [
        ["Số xã đạt chuẩn (Communes at the standard)", 72, 75, "Đạt", 2024, 13, 0, null, 2024],
      ],
    },
  ],
};

/** The same roadmap as this version writes it: the one period targets table. */
const ROADMAP_NOW: OutputSheet = {
  sheet: "KQ_LoTrinh",
  tables: [
    periodTargetsTable(
      [
        {
          name: "standard",
          label: { vi: "Số xã đạt chuẩn", en: "Communes at the standard" },
          target: 72,
          projected: 75,
          reachable: true,
          year: 2024,
          yearAtThisPace: 2024,
          cost: 13,
          shortfall: 0,
          extraCost: null,
        },
      ],
      2025,
      { unit: "criteria", spent: FORMATS.count }
    ),
  ],
};

/** Every text of a sheet. */
async function texts(book: OwnershipBook, name: string): Promise<string[]> {
  return (await book.port.readSheet(name)).rows
    .flat()
    .filter((v): v is string => typeof v === "string");
}

const NOTE = "ghi chú: xã An Mỹ đã đạt / note: An My is at the standard";

/** The cells of a sheet that hold something, as "row,col=value" (where they are and what they hold). */
function filled(grid: Grid): string[] {
  const out: string[] = [];
  grid.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== "")
        out.push(`${grid.origin.row + r},${grid.origin.col + c}=${String(v)}`);
    })
  );
  return out.sort();
}

describe.each(ADAPTERS)("a user's edit to a result sheet (%s)", (_name, make) => {
  it("replaces an untouched result sheet without a note", async () => {
    const book = make();
    const notes: Bilingual[] = [];
    await book.port.writeResults([RESULT], { onNote: (n) => notes.push(n) });
    await book.reopen();
    expect(await book.port.writeResults([RESULT], { onNote: (n) => notes.push(n) })).toEqual([
      "KQ_TongHop",
    ]);
    await book.reopen();
    expect(notes).toEqual([]);
    expect((await book.names()).filter((n) => n.startsWith("KQ"))).toEqual(["KQ_TongHop"]);
  });

  it("replaces without a note a result sheet an older version wrote with other headers", async () => {
    // Ours by the bookkeeping's signature and record, untouched by the hash of the values recorded when it was
    // written: the new headers do not enter that comparison.
    const book = make();
    await book.port.writeResults([ROADMAP_BEFORE]);
    await book.reopen();
    expect(await texts(book, "KQ_LoTrinh")).toContain("Đạt/Không đạt (Reached)");
    const notes: Bilingual[] = [];
    expect(await book.port.writeResults([ROADMAP_NOW], { onNote: (n) => notes.push(n) })).toEqual([
      "KQ_LoTrinh",
    ]);
    await book.reopen();
    expect(notes).toEqual([]);
    expect((await book.names()).filter((n) => n.startsWith("KQ"))).toEqual(["KQ_LoTrinh"]);
    const now = await texts(book, "KQ_LoTrinh");
    // (The memory adapter writes headers as given, the others through the output boundary, with their English.)
    expect(now.some((t) => t.startsWith("Đánh giá"))).toBe(true);
    expect(now).not.toContain("Đạt/Không đạt (Reached)");
  });

  it("keeps a result sheet with a typed note as 'KQ_TongHop (sửa tay)' and says so", async () => {
    const book = make();
    await book.port.writeResults([RESULT]);
    await book.reopen();
    // Row 5 (0-based 4): below the two body rows of the table; column B.
    book.type("KQ_TongHop", 4, 1, NOTE);
    await book.reopen();
    const edited = filled(await book.port.readSheet("KQ_TongHop"));
    const notes: Bilingual[] = [];
    expect(await book.port.writeResults([RESULT], { onNote: (n) => notes.push(n) })).toEqual([
      "KQ_TongHop",
    ]);
    await book.reopen();
    expect(notes).toHaveLength(1);
    expect(notes[0].vi).toContain("KQ_TongHop (sửa tay)");
    expect(notes[0].en).toContain("changed by hand");
    // The user's sheet, with their note, under its new name; a fresh result under the old one.
    expect(filled(await book.port.readSheet("KQ_TongHop (sửa tay)"))).toEqual(edited);
    expect(edited).toContain(`4,1=${NOTE}`);
    const fresh = filled(await book.port.readSheet("KQ_TongHop"));
    expect(fresh).not.toContain(`4,1=${NOTE}`);
    expect(fresh).toContain("2,1=80");
    // The kept sheet is the user's now: a third run replaces only the fresh result and leaves it alone.
    const again: Bilingual[] = [];
    await book.port.writeResults([RESULT], { onNote: (n) => again.push(n) });
    await book.reopen();
    expect(again).toEqual([]);
    expect(filled(await book.port.readSheet("KQ_TongHop (sửa tay)"))).toEqual(edited);
  });

  it("keeps an edit to a result written beside the user's own 'KQ_TongHop' (as 'KQ_TongHop (2)')", async () => {
    const book = make();
    // The user's sheet holding the name, as large as our result (Office.js measured this one instead of ours).
    book.add("KQ_TongHop", [
      ["của tôi", null, null],
      [null, null, null],
      [null, null, null],
      [null, null, 1],
    ]);
    expect(await book.port.writeResults([RESULT])).toEqual(["KQ_TongHop (2)"]);
    await book.reopen();
    book.type("KQ_TongHop (2)", 5, 1, NOTE);
    await book.reopen();
    const edited = filled(await book.port.readSheet("KQ_TongHop (2)"));
    const notes: Bilingual[] = [];
    await book.port.writeResults([RESULT], { onNote: (n) => notes.push(n) });
    await book.reopen();
    expect(notes).toHaveLength(1);
    expect(filled(await book.port.readSheet("KQ_TongHop (2) (sửa tay)"))).toEqual(edited);
    expect(filled(await book.port.readSheet("KQ_TongHop (2)"))).not.toContain(`5,1=${NOTE}`);
  });

  it("counts a changed figure as an edit, not only a note", async () => {
    const book = make();
    await book.port.writeResults([RESULT]);
    await book.reopen();
    book.type("KQ_TongHop", 2, 1, 81); // "Số xã" 80 → 81
    await book.reopen();
    const notes: Bilingual[] = [];
    await book.port.writeResults([RESULT], { onNote: (n) => notes.push(n) });
    expect(notes).toHaveLength(1);
    expect((await book.port.readSheet("KQ_TongHop (sửa tay)")).rows[2][1]).toBe(81);
  });
});

describe("a result file the CLI wrote with an older version (--out onto it again)", () => {
  it("has its sheet with the other headers replaced without a note; a typed note still keeps it", async () => {
    const before = resultWorkbook([ROADMAP_BEFORE]).bytes;
    const again = await addResultsToWorkbook(before, [ROADMAP_NOW]);
    expect(again.notes).toEqual([]);
    const book = await ExcelJsWorkbook.fromXlsx(again.bytes);
    expect(book.ownedSheetNames()).toEqual(["KQ_LoTrinh"]);
    expect(await book.sheetNames()).toEqual(["KQ_LoTrinh"]);
    const written = (await book.readSheet("KQ_LoTrinh")).rows.flat();
    expect(written).toContain("Đánh giá (Assessment)");
    expect(written).not.toContain("Đạt/Không đạt (Reached)");
    // The same old file with a note typed into the sheet: the user's version is kept.
    const edited = await ExcelJsWorkbook.fromXlsx(before);
    edited.workbook.getWorksheet("KQ_LoTrinh")!.getCell("B6").value = NOTE;
    const kept = await addResultsToWorkbook(await edited.toXlsx(), [ROADMAP_NOW]);
    expect(kept.notes).toHaveLength(1);
    expect(kept.notes[0].vi).toContain("KQ_LoTrinh (sửa tay)");
  });
});

describe("values hash", () => {
  it("is the same for a result laid out and read back, whatever the order of cells", () => {
    const grid: Grid = {
      sheet: "KQ_TongHop",
      origin: { row: 0, col: 0 },
      rows: [
        ["Tổng hợp / Summary"],
        ["Chỉ tiêu (Target)", "Giá trị (Value)", "Tỷ lệ (Share)"],
        ["Số xã", 80, 1],
        ["Bình quân tiêu chí/xã", 18.625, null],
      ],
    };
    expect(valuesHash(grid)).toBe(outputHash(RESULT));
    const moved = { ...grid, rows: grid.rows.map((r) => [...r]) };
    moved.rows[3][1] = 18.626;
    expect(valuesHash(moved)).not.toBe(outputHash(RESULT));
  });
});
