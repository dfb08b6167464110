import fc from "fast-check";
import { presetPolicy } from "../../../src/engine/allocation";
import { findCatalogue } from "../../../src/engine/catalogue-lookup";
import { isInputError } from "../../../src/engine/errors";
import { gridFromRows, type CellValue } from "../../../src/workbook/grid";
import {
  isDistrictLabel,
  isPlainName,
  isStatisticLabel,
  isTotalLabel,
  wardKind,
} from "../../../src/workbook/layout/labels";
import { readAllocationCommunes } from "../../../src/workbook/readers/commune-attributes";
import { leanAllocationCommunes } from "../../../src/workbook/readers/commune-attributes-lean";
import { communesRange } from "./communes-ranges";

const SHEET = "(vùng danh sách xã / communes range)";
const CATALOGUE = findCatalogue(presetPolicy("qd-07-2022").period!);

/** The full reader's communes and attributes, or its refusal (message with sheet and cell). */
function full(rows: CellValue[][]) {
  try {
    const read = readAllocationCommunes(gridFromRows(SHEET, rows), CATALOGUE);
    return { communes: read.communes, available: [...read.available].sort() };
  } catch (e) {
    if (!isInputError(e)) throw e;
    return { error: e.message };
  }
}

function lean(rows: CellValue[][]) {
  const read = leanAllocationCommunes(gridFromRows(SHEET, rows), CATALOGUE);
  if (!read) return null;
  const communes = Array.from({ length: read.communes.length }, (_, i) => read.communes.get(i));
  return { communes, available: [...read.available].sort() };
}

describe("the lean reading of a communes range", () => {
  it("reads exactly the full reader's communes and attributes whenever it reads a range at all", () => {
    let read = 0;
    let left = 0;
    fc.assert(
      fc.property(communesRange(), ({ rows }) => {
        const got = lean(rows);
        if (got === null) {
          left++;
          return;
        }
        read++;
        expect(got).toStrictEqual(full(rows));
      }),
      { numRuns: 1500 }
    );
    // Both paths are taken: the comparison is made on many ranges, and the awkward ones go to the full reader.
    expect(read).toBeGreaterThan(300);
    expect(left).toBeGreaterThan(300);
  });

  it("on ranges with many awkward cells, leaves to the full reader every range it does not read the same", () => {
    fc.assert(
      fc.property(communesRange(0.3), ({ rows }) => {
        const got = lean(rows);
        if (got !== null) expect(got).toStrictEqual(full(rows));
      }),
      { numRuns: 1500 }
    );
  });

  it("reads a plain range of the bench's shape, with its ATK marks, zones and flags", () => {
    const rows: CellValue[][] = [
      ["TT", "Tên xã", "Huyện", "Mã xã", "Số tiêu chí đạt", "Xã ĐBKK", "ATK", "Khu vực", "Nhu cầu"],
      [1, "An Bình", "Kế Sách", "X1", 14, "x", "", "III", 120],
      [2, "Tân Phú", "Kế Sách", "X2", 19, "", "x", "", ""],
      ["", "", "", "", "", "", "", "", ""],
      [3, "Trung Hòa", "Long Phú", "X3", 7, "", true, 2, 0],
    ];
    const got = lean(rows);
    expect(got?.communes.map((c) => [c.unit, c.criteriaMet, c.zone, c.flags, c.need, c.source?.cell])).toEqual([
      ["An Bình", 14, "III", { difficult: true }, 120, "B2"],
      ["Tân Phú", 19, undefined, { atk: true }, undefined, "B3"],
      ["Trung Hòa", 7, "II", { atk: true }, 0, "B5"],
    ]);
    expect(got).toStrictEqual(full(rows));
  });

  it("leaves a total row, a ward, a text number and a legacy name to the full reader", () => {
    const header = ["Tên xã", "Số tiêu chí đạt"];
    for (const odd of [
      ["Tổng cộng", 33],
      ["Phường 1", 12],
      ["Tân Phú", "14"],
      ["Taøi Vaên", 12],
    ]) {
      expect(lean([header, ["An Bình", 14], odd])).toBeNull();
    }
  });
});

describe("isPlainName", () => {
  const fourTests = (t: string) =>
    !(isStatisticLabel(t) || isTotalLabel(t) || isDistrictLabel(t) || wardKind(t) !== null);
  const starts = [
    "Tổng",
    "tong",
    "Cộng",
    "Số ",
    "Tỷ ",
    "Trung ",
    "Bình ",
    "Huyện ",
    "huyen ",
    "TP.",
    "tx.",
    "Quận ",
    "Phường ",
    "p.",
    "TT ",
    "tt.",
    "Thị trấn ",
    "Đặc khu ",
    "dac khu ",
    "phuong ",
    "I. ",
    "1. ",
    "- ",
    "*",
    "(",
    "%",
    "Total",
    "Sub",
    "Average ",
    "Ia ",
    "An ",
    "ſo ",
  ];
  it("answers the four label tests exactly, on names and on every start they look for", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...starts, ""),
        fc.string({ maxLength: 12 }),
        fc.constantFrom("", "\u0301", "\u0323", "1"),
        (start, rest, tail) => {
          const text = (start + rest + tail).trim();
          expect(isPlainName(text)).toBe(fourTests(text));
        }
      ),
      { numRuns: 5000 }
    );
    for (const t of ["An Bình", "Trung Hòa", "Trung bình chung", "Cộng huyện A", "TT Long Phú", "Phường 1"]) {
      expect(isPlainName(t)).toBe(fourTests(t));
    }
  });
});
