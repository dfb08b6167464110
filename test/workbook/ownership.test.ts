import {
  cellsHash,
  outputHash,
  planSheets,
  safeSheetName,
  uniqueTableName,
} from "../../src/workbook/ownership";
import type { CellValue } from "../../src/workbook/grid";
import { layoutSheet, type OutputSheet } from "../../src/workbook/output";

describe("sheet ownership", () => {
  it("reuses a sheet the add-in owns and renames around a user's sheet", () => {
    const plans = planSheets(
      ["KQ_A", "KQ_B"],
      [
        { id: "1", name: "kq_a" },
        { id: "2", name: "KQ_B" },
      ],
      [{ id: "2", name: "KQ_B" }]
    );
    expect(plans).toEqual([
      { requested: "KQ_A", name: "KQ_A (2)", replace: false },
      { requested: "KQ_B", name: "KQ_B", replace: true },
    ]);
  });

  it("owns a sheet only when both its id and its name match a record", () => {
    const owned = [{ id: "7", name: "KQ_B" }];
    const existing = [{ id: "8", name: "KQ_B" }]; // the user's new sheet after deleting the add-in's
    expect(planSheets(["KQ_B"], existing, owned)[0]).toEqual({
      requested: "KQ_B",
      name: "KQ_B (2)",
      replace: false,
    });
    const renamed = [{ id: "7", name: "Của tôi" }];
    expect(planSheets(["KQ_B"], renamed, owned)[0]).toMatchObject({ name: "KQ_B", replace: false });
  });

  it("keeps sheet names within Excel's rules", () => {
    expect(safeSheetName("a/b:c*?[d]")).toBe("a_b_c___d_");
    expect(safeSheetName("x".repeat(40))).toHaveLength(31);
  });

  it("makes table names unique across the workbook", () => {
    expect(uniqueTableName("NTM_TongHop", ["ntm_tonghop"])).toBe("NTM_TongHop_2");
    expect(uniqueTableName("1 bảng", [])).toBe("_1_bang");
  });
});

describe("the values hash", () => {
  /** The hash as files written before recorded it: FNV-1a (two offsets) over the sorted lines joined by "\n". */
  function joinedHash(lines: string[]): string {
    const text = lines.sort().join("\n");
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ 0x5bd1e995;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
    return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
  }

  it("is the hash earlier files recorded, so that their sheets are not taken for edited ones", () => {
    const cells: [number, number, CellValue][] = [
      [2, 1, "Xã Tân Hòa"],
      [0, 0, "Tổng hợp"],
      [2, 2, 18.625],
      [1, 0, "Tên xã (Commune)"],
      [3, 2, null],
      [3, 1, true],
    ];
    expect(cellsHash(cells)).toBe(
      joinedHash([
        "2,1:sXã Tân Hòa",
        "0,0:sTổng hợp",
        "2,2:n18.625",
        "1,0:sTên xã (Commune)",
        "3,1:btrue",
      ])
    );
  });

  it("reads a text stored with Excel's escapes as the text typed", () => {
    expect(cellsHash([[0, 0, "a _x005F_x000D_ b"]])).toBe(cellsHash([[0, 0, "a _x000D_ b"]]));
    expect(cellsHash([[0, 0, "a _x000D_ b"]])).toBe(cellsHash([[0, 0, "a \r b"]]));
    expect(cellsHash([[0, 0, "a b"]])).not.toBe(cellsHash([[0, 0, "a c"]]));
  });

  it("of a result sheet is the hash of its cells as laid out, across rows and columns past 9 and 99", () => {
    const wide = Array.from({ length: 12 }, (_, c) => ({ header: `Cột ${c + 1}` }));
    const sheet: OutputSheet = {
      sheet: "KQ",
      tables: [
        {
          name: "A",
          title: "Tổng hợp",
          columns: wide,
          rows: Array.from({ length: 120 }, (_, r) =>
            wide.map((_, c) => (c % 3 === 0 ? `x${r}` : r * c))
          ),
        },
        { name: "B", columns: [{ header: "Nhóm" }], rows: [["1"], [null], ["3"]] },
      ],
    };
    const stacked: OutputSheet = { ...sheet, stacked: true };
    for (const s of [sheet, stacked]) {
      const cells: [number, number, CellValue][] = [];
      for (const { table, titleRow, headerRow, col } of layoutSheet(s)) {
        if (titleRow !== null) cells.push([titleRow, col, table.title ?? null]);
        table.columns.forEach((c, i) => cells.push([headerRow, col + i, c.header]));
        table.rows.forEach((row, r) =>
          row.forEach((v, c) => cells.push([headerRow + 1 + r, col + c, v]))
        );
      }
      expect(outputHash(s)).toBe(cellsHash(cells));
    }
    // A change in one cell changes it.
    const changed = structuredClone(sheet);
    changed.tables[0].rows[101][11] = 0;
    expect(outputHash(changed)).not.toBe(outputHash(sheet));
  });
});
