// Generated communes ranges as Excel passes them to a cell function (header row, "" for a blank cell): mostly plain
// commune rows, with awkward cells and rows mixed in (district, total and ward rows, text numbers, legacy encodings,
// invisible characters, formula errors, column numbers, notes), for the lean and full readings to be compared on.

import fc from "fast-check";
import type { CellValue } from "../../../src/workbook/grid";

type Pool = readonly CellValue[];

interface Column {
  header: string;
  plain: Pool;
  awkward: Pool;
}

const NAMES: Pool = [
  "An Bình",
  "Tân Phú",
  "Long Hòa",
  "Xuân Thới",
  "Mỹ Long",
  "Trung Hòa",
  "Bình Minh",
  "Hưng Thạnh",
  "Ia Grai",
  "Công Hải",
  "Tống Trân",
  "  Vĩnh Hải  ",
  "Phú Mỹ",
  "Ea Kar",
];

const AWKWARD_NAMES: Pool = [
  "Huyện Kế Sách",
  "HUYỆN KẾ SÁCH",
  "Huyen Ke Sach",
  "TX. Ngã Năm",
  "I. HUYỆN A",
  "Cộng",
  "Tổng cộng",
  "Cộng huyện Kế Sách",
  "Tong cong",
  "Cộng đồng",
  "Phường 1",
  "P. Bến Nghé",
  "TT. Long Phú",
  "TT Long Phú",
  "Thị trấn Kế Sách",
  "Đặc khu Côn Đảo",
  "Phuong 3",
  "Số xã đạt",
  "Tỷ lệ (%)",
  "Trung bình chung",
  "Trung Bình",
  "Bình quân",
  "%",
  "Taøi Vaên",
  "Tµi V¨n",
  "An\u200BBình",
  "\uFEFFLong Hòa",
  "Xa\u0301 An",
  "Hu\u0302\u0323yện Ba",
  "Ghi chú: số liệu tạm tính.",
  "Các xã chưa có số liệu báo cáo về",
  "(Xã mới)",
  "A",
  "A)",
  "(1)",
  "1",
  "2 - Tân",
  5,
  "",
  " ",
  true,
  { error: "#N/A" },
  "- Tân Hòa",
  "a) Long Hòa",
  "1. Mỹ Long",
  "1.2 Xã An",
];

const MARKS: Pool = ["", "", "", "x", "X", true, false, 1, 0];
const AWKWARD_MARKS: Pool = [
  "có",
  "không",
  "Đạt",
  2,
  " ",
  "yes",
  "✓",
  "-",
  { error: "#REF!" },
  "1",
];

const COLUMNS: Record<string, Column> = {
  tt: { header: "TT", plain: [1, 2, 3, 17, ""], awkward: ["I", "1", "a", "-", "II.", "Huyện A"] },
  name: { header: "Tên xã", plain: NAMES, awkward: AWKWARD_NAMES },
  district: {
    header: "Huyện",
    plain: ["Kế Sách", "Long Phú", "", 12],
    awkward: ["Keá Saùch", "K\u200Bế Sách", { error: "#REF!" }, new Date(2024, 0, 1), true],
  },
  code: { header: "Mã xã", plain: ["X001", "", 31234], awkward: ["X\u200B01", { error: "#N/A" }] },
  count: {
    header: "Số tiêu chí đạt",
    plain: [0, 5, 14, 15, 18, 19],
    awkward: ["14", " 7 ", 19.5, 25, 190, -1, "", "x", { error: "#DIV/0!" }, true, "1.000", "-"],
  },
  registered: {
    header: "Đăng ký đạt chuẩn",
    plain: ["", "", 2025, 2026],
    awkward: ["2025", 1999, 2024.5, "x", "-", { error: "#N/A" }],
  },
  difficult: { header: "Xã ĐBKK", plain: MARKS, awkward: AWKWARD_MARKS },
  atk: { header: "ATK", plain: MARKS, awkward: AWKWARD_MARKS },
  border: { header: "Biên giới", plain: MARKS, awkward: AWKWARD_MARKS },
  island: { header: "Hải đảo", plain: MARKS, awkward: AWKWARD_MARKS },
  specialZone: { header: "Đặc khu", plain: MARKS, awkward: AWKWARD_MARKS },
  zone: {
    header: "Khu vực",
    plain: ["", "I", "II", "III", "iii", 3, 1],
    awkward: ["Khu vực III", "KV2", "IV", "constructor", 2.5, "III ", { error: "#N/A" }],
  },
  zoneIII: { header: "Khu vực III", plain: MARKS, awkward: AWKWARD_MARKS },
  zoneI: { header: "Khu vực I", plain: MARKS, awkward: AWKWARD_MARKS },
  villages: { header: "Số thôn ĐBKK", plain: ["", 0, 3, 12], awkward: [1.5, -1, "2", "x", 1e16] },
  need: {
    header: "Nhu cầu",
    plain: ["", 0, 12.5, 300],
    awkward: [-3, "100", "abc", "1.500,5", 1e16],
  },
  group: { header: "Nhóm xã", plain: ["", 1, 2, "3"], awkward: ["Nhóm 1", 4, "ba", 2.5] },
  tier: {
    header: "Trạng thái",
    plain: [""],
    awkward: ["đạt chuẩn", "chưa đạt", "nâng cao", "xyz"],
  },
  kind: { header: "Loại đơn vị", plain: [""], awkward: ["xã", "phường", "Thị trấn", "abc"] },
  note: {
    header: "Ghi chú",
    plain: ["", "mới sáp nhập", 3],
    awkward: [{ error: "#N/A" }, "Ghi chú"],
  },
  list: { header: "Tiêu chí đạt", plain: ["1,2,3", ""], awkward: ["1;2", "abc"] },
  tc1: { header: "TC1", plain: ["x", ""], awkward: [3] },
  indicator: { header: "2.1", plain: ["x", "", 1], awkward: [70, "Đạt"] },
};

/** The group column of a set with groups (2026-2030): a group on every row, blank or other words at times. */
const GROUPS: Column = {
  header: "Nhóm xã",
  // A blank group now and then: the full reader refuses it for a set that requires groups.
  plain: [1, 2, 3, "1", "2", "3", 1, 2, 3, 1, 2, ""],
  awkward: ["", " ", "Nhóm 2", "II", 4, 2.5, "ba", { error: "#N/A" }],
};

/** Columns a range may have besides the name (count is there in most). */
const OPTIONAL = Object.keys(COLUMNS).filter((k) => k !== "name" && k !== "count");

/** A cell from the plain pool, or with the given chance from the awkward one. */
function cell(column: Column, awkwardness: number): fc.Arbitrary<CellValue> {
  return fc.oneof(
    { weight: Math.round((1 - awkwardness) * 1000), arbitrary: fc.constantFrom(...column.plain) },
    { weight: Math.round(awkwardness * 1000), arbitrary: fc.constantFrom(...column.awkward) }
  );
}

/** Whole rows that are not communes, typed in a communes table. */
function oddRow(keys: string[], columns: Record<string, Column>): fc.Arbitrary<CellValue[]> {
  const at = (k: string) => keys.indexOf(k);
  return fc
    .constantFrom<(keys: string[]) => CellValue[]>(
      (ks) => ks.map(() => ""),
      (ks) => ks.map(() => " "),
      (ks) => ks.map((_, i) => `(${i + 1})`),
      (ks) => ks.map((_, i) => i + 1),
      (ks) => ks.map((k) => (k === "name" ? "Tổng cộng" : k === "count" ? 57 : "")),
      (ks) => ks.map((k) => (k === "name" ? "" : k === "count" ? 400 : "")),
      (ks) => ks.map((k) => (k === "tt" ? "I" : k === "name" ? "Huyện Kế Sách" : "")),
      (ks) =>
        ks.map((k, i) =>
          i === 0 ? "Ghi chú: số liệu do các xã báo cáo, chưa thẩm định lại." : ""
        ),
      (ks) => ks.map((k) => columns[k].header),
      (ks) => ks.map((k, i) => (i === Math.max(0, at("name")) ? "Người lập biểu" : ""))
    )
    .map((make) => make(keys));
}

export interface CommunesRange {
  rows: CellValue[][];
  /** The column keys, left to right. */
  keys: string[];
}

/**
 * A communes range: a header row (a title row above it at times), then rows of commune cells; `awkwardness` is the
 * chance of each cell (and each row) being taken from the awkward pools. `groups`: a set with commune groups (a group
 * on most rows); `include`: columns every range has.
 */
export function communesRange(
  awkwardness = 0.03,
  options: { groups?: boolean; include?: string[] } = {}
): fc.Arbitrary<CommunesRange> {
  // A set with groups (2026-2030) has fewer criteria: counts above its size are sums, not communes.
  const columns: Record<string, Column> = options.groups
    ? {
        ...COLUMNS,
        group: GROUPS,
        count: {
          ...COLUMNS.count,
          plain: [0, 2, 5, 7, 9, 10],
          awkward: [...COLUMNS.count.awkward, 14, 19],
        },
      }
    : COLUMNS;
  const keysArb = fc
    .tuple(
      fc.subarray(OPTIONAL, { maxLength: 8 }),
      fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
      fc.nat(),
      fc.integer({ min: 0, max: 9 }).map((n) => n < 7)
    )
    .map(([optional, withCount, seed, nameFirst]) => {
      const keys = [...optional, ...(nameFirst ? [] : ["name"]), ...(withCount ? ["count"] : [])];
      for (const k of options.include ?? []) if (!keys.includes(k)) keys.push(k);
      // A set with groups has its group column in most ranges (without it, the full reader refuses the range).
      if (options.groups && !keys.includes("group") && seed % 5 !== 0) keys.push("group");
      // A deterministic shuffle, keeping "tt" first when it is there (as a line-number column is), and most often
      // the name next.
      const rest = keys.filter((k) => k !== "tt");
      let s = seed;
      for (let i = rest.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [rest[i], rest[j]] = [rest[j], rest[i]];
      }
      const front = nameFirst ? ["name"] : [];
      return keys.includes("tt") ? ["tt", ...front, ...rest] : [...front, ...rest];
    });
  return keysArb.chain((keys) => {
    const row = fc.oneof(
      {
        weight: Math.round((1 - awkwardness) * 1000),
        arbitrary: fc.tuple(...keys.map((k) => cell(columns[k], awkwardness))),
      },
      { weight: Math.round(awkwardness * 1000), arbitrary: oddRow(keys, columns) }
    );
    return fc
      .tuple(fc.array(row, { minLength: 0, maxLength: 12 }), fc.constantFrom(0, 0, 0, 1, 2))
      .map(([data, titles]) => {
        const header = keys.map((k) => columns[k].header);
        const above: CellValue[][] = [];
        if (titles >= 1) above.push(["Danh sách xã năm 2025", ...keys.slice(1).map(() => "")]);
        if (titles >= 2) above.push(keys.map(() => ""));
        return { keys, rows: [...above, header, ...data.map((r) => [...r])] };
      });
  });
}
