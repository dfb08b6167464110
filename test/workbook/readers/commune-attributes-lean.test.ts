import fc from "fast-check";
import { presetPolicy } from "../../../src/engine/allocation";
import { findCatalogue } from "../../../src/engine/catalogue-lookup";
import type { Catalogue } from "../../../src/engine/types";
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
const CATALOGUE_2021 = findCatalogue(presetPolicy("qd-07-2022").period!);
/** A set with commune groups, read indicator by indicator where the range gives indicators. */
const CATALOGUE_2026 = findCatalogue(presetPolicy("2026-2030").period!);

/** The full reader's communes and attributes, or its refusal (message with sheet and cell). */
function full(rows: CellValue[][], catalogue: Catalogue = CATALOGUE_2021) {
  try {
    const read = readAllocationCommunes(gridFromRows(SHEET, rows), catalogue);
    return { communes: read.communes, available: [...read.available].sort() };
  } catch (e) {
    if (!isInputError(e)) throw e;
    return { error: e.message };
  }
}

function lean(rows: CellValue[][], catalogue: Catalogue = CATALOGUE_2021) {
  const read = leanAllocationCommunes(gridFromRows(SHEET, rows), catalogue);
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
      { numRuns: 1000 }
    );
    // Both paths are taken: the comparison is made on many ranges, and the awkward ones go to the full reader.
    expect(read).toBeGreaterThan(200);
    expect(left).toBeGreaterThan(200);
  });

  it("on ranges with many awkward cells, leaves to the full reader every range it does not read the same", () => {
    fc.assert(
      fc.property(communesRange(0.3), ({ rows }) => {
        const got = lean(rows);
        if (got !== null) expect(got).toStrictEqual(full(rows));
      }),
      { numRuns: 800 }
    );
  });

  it("for a set with commune groups (2026-2030), reads the full reader's communes, groups included", () => {
    expect(CATALOGUE_2026.requiresGroup).toBe(true);
    let read = 0;
    for (const awkwardness of [0.03, 0.3]) {
      fc.assert(
        fc.property(communesRange(awkwardness, { groups: true }), ({ rows }) => {
          const got = lean(rows, CATALOGUE_2026);
          if (got === null) return;
          read++;
          expect(got).toStrictEqual(full(rows, CATALOGUE_2026));
        }),
        { numRuns: 700 }
      );
    }
    expect(read).toBeGreaterThan(50);
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
    expect(
      got?.communes.map((c) => [c.unit, c.criteriaMet, c.zone, c.flags, c.need, c.source?.cell])
    ).toEqual([
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
    for (const t of [
      "An Bình",
      "Trung Hòa",
      "Trung bình chung",
      "Cộng huyện A",
      "TT Long Phú",
      "Phường 1",
    ]) {
      expect(isPlainName(t)).toBe(fourTests(t));
    }
  });
});
