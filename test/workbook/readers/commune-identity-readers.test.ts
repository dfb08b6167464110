// One commune identity in every reader that joins a row to a commune (src/engine/commune-identity.ts): the same
// spelling variants of a name, a code and a district match in the costs table, the costs-by-indicator table, the
// merger mapping (both ways: a variant in the data, a variant in the mapping) and the status roll-up.

import { CATALOGUE_2021_2025 } from "../../../src/engine/catalogues";
import { communeKey, findCommune, type CommuneRef } from "../../../src/engine/commune-identity";
import { InputError } from "../../../src/engine/errors";
import { buildMergeMap, mergedOf, statusesAfterMerger } from "../../../src/engine/merge";
import type { CommuneStatus } from "../../../src/engine/types";
import { gridFromRows, type CellValue } from "../../../src/workbook/grid";
import { readCosts } from "../../../src/workbook/readers/costs";
import { readIndicatorCosts } from "../../../src/workbook/readers/indicator-costs";
import { readMergeMap } from "../../../src/workbook/readers/merge";

const THANH_PHU: CommuneStatus = {
  name: "Thạnh Phú",
  district: "Huyện Cù Lao Dung",
  code: "09865",
  achieved: [1],
  count: 1,
  source: { sheet: "Xã", cell: "B2" },
};
const OTHERS: CommuneStatus[] = [
  { name: "Thạnh Phú", district: "Mỹ Xuyên", code: "09870", achieved: [1], count: 1 },
  { name: "An Thạnh 1", district: "Cù Lao Dung", code: "09880", achieved: [1], count: 1 },
];
const COMMUNES = [THANH_PHU, ...OTHERS];

/** Ways a user types Thạnh Phú of Cù Lao Dung: each row is [name, district, code]. */
const VARIANTS: [string, (string | number | null)[]][] = [
  ["the code as a number (leading zero lost)", [null, null, 9865]],
  ["the code as text with its zero", ["Thanh Phu", null, "09865"]],
  ["name without diacritics and district without 'Huyện'", ["thanh phu", "Cù Lao Dung", null]],
  ["extra spaces and capitals, district as 'H.'", ["  THẠNH   PHÚ ", "H. Cù Lao Dung", null]],
  ["combining marks (NFD)", ["Thạnh Phú".normalize("NFD"), "huyện cù lao dung", null]],
];

const ref = ([name, district, code]: (string | number | null)[]): CommuneRef => ({
  name: name === null ? "" : String(name),
  ...(district !== null ? { district: String(district) } : {}),
  ...(code !== null ? { code: String(code) } : {}),
});

describe("one commune identity in every reader", () => {
  it.each(VARIANTS)("the shared rule finds Thạnh Phú (Cù Lao Dung) by %s", (_, row) => {
    expect(findCommune(COMMUNES, ref(row))).toEqual({ kind: "found", commune: THANH_PHU });
  });

  it.each(VARIANTS)("the costs table joins %s", (_, row) => {
    const grid = gridFromRows("Chi phí", [
      ["Tên xã", "Huyện", "Mã xã", "Tiêu chí", "Chi phí"],
      [...row, 2, 500] as CellValue[],
    ]);
    const { costs } = readCosts(grid, { communes: COMMUNES, catalogue: CATALOGUE_2021_2025 });
    expect([...costs.perCommune.keys()]).toEqual([communeKey(THANH_PHU)]);
  });

  it.each(VARIANTS)("the costs-by-indicator table joins %s", (_, row) => {
    const [name, , code] = row;
    const grid = gridFromRows("Chi phí chỉ tiêu", [
      ["Tên xã", "Mã xã", "Chỉ tiêu", "Chi phí"],
      [name, code, "2.1", 500] as CellValue[],
    ]);
    // The indicator table has no district column: a name shared by two communes needs the code, as everywhere.
    const communes = code === null ? [THANH_PHU, OTHERS[1]] : COMMUNES;
    const { costs } = readIndicatorCosts(grid, { communes, indicatorCodes: ["2.1"] });
    expect([...costs.perCommune.keys()]).toEqual([communeKey(THANH_PHU)]);
  });

  it.each(VARIANTS)("the merger mapping finds the old commune given by %s", (_, row) => {
    const map = buildMergeMap(
      readMergeMap(
        gridFromRows("Sáp nhập", [
          ["Xã cũ", "Huyện cũ", "Mã xã cũ", "Xã mới", "Mã xã mới"],
          ["Thạnh Phú", "Huyện Cù Lao Dung", "09865", "Cù Lao Dung", "31900"],
          ["An Thạnh 1", "Huyện Cù Lao Dung", "09880", "Cù Lao Dung", "31900"],
          ["Thạnh Phú", "Mỹ Xuyên", "09870", "Thạnh Phú", "31910"],
        ])
      ),
      "Sáp nhập"
    );
    expect(mergedOf(map, ref(row))).toBe(0);
  });

  it.each(VARIANTS)(
    "a mapping that writes the old commune as %s is found from the data",
    (_, row) => {
      const [name, district, code] = row;
      const map = buildMergeMap(
        readMergeMap(
          gridFromRows("Sáp nhập", [
            ["Xã cũ", "Huyện cũ", "Mã xã cũ", "Xã mới"],
            [name ?? "Thạnh Phú", district, code, "Cù Lao Dung"] as CellValue[],
            ["Thạnh Phú", "Mỹ Xuyên", "09870", "Thạnh Phú Mới"],
          ])
        ),
        "Sáp nhập"
      );
      // The status roll-up takes the same view: Thạnh Phú alone became Cù Lao Dung.
      const after = statusesAfterMerger([THANH_PHU], map, "Xã");
      expect(after?.communes.map((c) => c.name)).toEqual(["Cù Lao Dung"]);
    }
  );

  it("a name two communes share is refused in every reader, naming both", () => {
    const shared = ["Thạnh Phú", null, null];
    const costs = () =>
      readCosts(
        gridFromRows("Chi phí", [
          ["Tên xã", "Huyện", "Mã xã", "Tiêu chí", "Chi phí"],
          [...shared, 2, 500] as CellValue[],
        ]),
        { communes: COMMUNES, catalogue: CATALOGUE_2021_2025 }
      );
    const indicatorCosts = () =>
      readIndicatorCosts(
        gridFromRows("Chi phí chỉ tiêu", [
          ["Tên xã", "Chỉ tiêu", "Chi phí"],
          ["Thạnh Phú", "2.1", 500],
        ]),
        { communes: COMMUNES, indicatorCodes: ["2.1"] }
      );
    const map = buildMergeMap(
      readMergeMap(
        gridFromRows("Sáp nhập", [
          ["Xã cũ", "Huyện cũ", "Xã mới"],
          ["Thạnh Phú", "Cù Lao Dung", "Cù Lao Dung"],
          ["Thạnh Phú", "Mỹ Xuyên", "Thạnh Phú"],
        ])
      ),
      "Sáp nhập"
    );
    const mapping = () =>
      mergedOf(map, { name: "Thạnh Phú", source: { sheet: "Vốn", cell: "A5" } });
    for (const read of [costs, indicatorCosts, mapping]) {
      expect(read).toThrow(InputError);
      expect(read).toThrow(/Thạnh Phú.*Thạnh Phú/);
    }
    expect(mergedOf(map, { name: "Thạnh Phú", district: "H. Mỹ Xuyên" })).toBe(1);
  });
});
