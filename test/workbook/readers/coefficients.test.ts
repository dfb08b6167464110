import { InputError } from "../../../src/engine/errors";
import { gridFromRows } from "../../../src/workbook/grid";
import { isCoefficientsSheet, readCoefficients } from "../../../src/workbook/readers/coefficients";

describe("readCoefficients", () => {
  it("finds the table under a title, without diacritics, skipping the total row", () => {
    const grid = gridFromRows("HeSo", [
      ["Bảng hệ số phân bổ vốn năm 2024", null, null],
      [null, null, null],
      ["TT", "he so", "DON VI"],
      [1, "1,5", "Huyện Kế Sách"],
      [2, 1, "Huyện Mỹ Tú"],
      [null, "2,5", "Tổng cộng"],
    ]);
    expect(isCoefficientsSheet(grid)).toBe(true);
    const t = readCoefficients(grid);
    expect(t.basis).toBe("coefficient");
    expect(t.units).toMatchObject([
      { unit: "Huyện Kế Sách", coefficient: 1.5 },
      { unit: "Huyện Mỹ Tú", coefficient: 1 },
    ]);
    expect(t.sources[1]).toEqual({ sheet: "HeSo", cell: "C5" });
  });

  it("reads English headers, need and per-unit minimum", () => {
    const grid = gridFromRows("Sheet1", [
      ["Unit", "Need", "Minimum"],
      ["A", "1.200", 100],
      ["B", 300, null],
    ]);
    const t = readCoefficients(grid);
    expect(t.basis).toBe("need");
    expect(t.units).toMatchObject([
      { unit: "A", need: 1200, min: 100 },
      { unit: "B", need: 300 },
    ]);
    expect(t.units[1].min).toBeUndefined();
    // Each unit carries the cells it was read from, so an error the engine raises about it names them.
    expect(t.units[0].source).toEqual({ sheet: t.sheet, cell: "A2" });
    expect(t.units[0].cells).toEqual({ weight: "B2", min: "C2" });
    expect(t.columnCells).toEqual({
      weight: { sheet: t.sheet, cell: "B1" },
      min: { sheet: t.sheet, cell: "C1" },
    });
  });

  it.each([
    [
      [
        ["Đơn vị", "Hệ số"],
        ["A", { error: "#REF!" }],
      ],
      "B2",
    ],
    [
      [
        ["Đơn vị", "Hệ số"],
        ["A", -1],
      ],
      "B2",
    ],
    [
      [
        ["Đơn vị", "Hệ số"],
        ["A", null],
        ["B", 2],
      ],
      "B2",
    ],
    [
      [
        ["Đơn vị", "Hệ số"],
        ["A", 1],
        [null, 2],
      ],
      "A3",
    ],
    [
      [
        ["Đơn vị", "Ghi chú"],
        ["A", 1],
      ],
      "A1",
    ],
  ])("names the cell of a bad value (%#)", (rows, cell) => {
    try {
      readCoefficients(gridFromRows("HeSo", rows as any));
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).sheet).toBe("HeSo");
      expect((e as InputError).cell).toBe(cell);
    }
  });

  it("warns about a unit listed twice", () => {
    const t = readCoefficients(
      gridFromRows("HeSo", [
        ["Đơn vị", "Hệ số"],
        ["A", 1],
        ["a", 2],
      ])
    );
    expect(t.units).toHaveLength(2);
    expect(t.warnings[0].cell).toBe("A3");
  });
});

describe("readCoefficients total rows", () => {
  it("skips a total row labelled in the TT column", () => {
    const t = readCoefficients(
      gridFromRows("HeSo", [
        ["TT", "Đơn vị", "Hệ số"],
        [1, "A", 1],
        [2, "B", 3],
        ["Cộng", null, 4],
      ])
    );
    expect(t.units.map((u) => u.unit)).toEqual(["A", "B"]);
  });
});

describe("readCoefficients limits", () => {
  it("reads per-unit minimum and cap columns that the engine then respects", () => {
    const t = readCoefficients(
      gridFromRows("HeSo", [
        ["Đơn vị", "Hệ số", "Tối thiểu (triệu đồng)", "Tối đa (triệu đồng)"],
        ["A", 5, null, 40],
        ["B", 1, 30, null],
        ["C", 4, null, null],
      ])
    );
    expect(t.units).toMatchObject([
      { unit: "A", coefficient: 5, cap: 40 },
      { unit: "B", coefficient: 1, min: 30 },
      { unit: "C", coefficient: 4 },
    ]);
  });
});

describe("readCoefficients wards and towns", () => {
  it("sets a ward, a town and a special zone aside with a warning naming each row: NTM applies to xã only", () => {
    const table = readCoefficients(
      gridFromRows("HeSo", [
        ["TT", "Đơn vị", "Hệ số"],
        [1, "Xã Tài Văn", 3],
        [null, "Thị trấn Kế Sách", 1],
        [2, "Xã An Mỹ", 2],
        [null, "Phường 5", 1],
        [null, "Đặc khu Côn Đảo", 1],
        [null, "Tổng cộng", 5],
      ])
    );
    expect(table.units.map((u) => u.unit)).toEqual(["Xã Tài Văn", "Xã An Mỹ"]);
    const cells = table.warnings.map((w) => w.cell);
    expect(cells).toEqual(expect.arrayContaining(["B3", "B5", "B6"]));
    // The total states the communes' sum (5), so no disagreement is reported once the town is set aside.
    expect(table.warnings.some((w) => w.cell === "C7")).toBe(false);
  });

  it("keeps a commune whose name only starts like a town word ('Xã Phường Chiến' is no ward)", () => {
    const table = readCoefficients(
      gridFromRows("HeSo", [
        ["Đơn vị", "Hệ số"],
        ["Xã Phường Chiến", 2],
        ["Xã Tài Văn", 3],
      ])
    );
    expect(table.units).toHaveLength(2);
  });
});
