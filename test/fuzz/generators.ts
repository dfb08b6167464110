// Generators of messy input workbooks: valid sheets of each input kind, then the mutations staff workbooks show.

import fc from "fast-check";
import type { CellValue } from "../../src/workbook/grid";
import type { InputKind } from "../../src/workbook/jobs/job";

/** A sheet as the fuzzer describes it; adapters in harness.ts turn it into a MemoryWorkbook or an ExcelJS workbook. */
export interface SheetModel {
  name: string;
  kind: InputKind | ExtraKind | "junk";
  /** The job input this sheet stands for (JobInputSpec.id), when it stands for one. */
  role?: string;
  rows: CellValue[][];
  /** Index into rows of the header row (mutations keep it pointing at the header). */
  headerRow: number;
  /** Merged ranges, 0-based and inclusive; only the top-left cell of a range holds a value. */
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** 0-based columns hidden in Excel. */
  hiddenColumns: number[];
  /** Cells ("row,col") written as formulas whose cached result is the cell's value. */
  formulaCells: string[];
  /** Empty rows carrying only a number format after the data (Excel's "used range" grows; values do not). */
  formattedEmptyRows: number;
}

/** Sheets jobs read besides their declared inputs: period targets (roadmap), source mapping (money jobs). */
export type ExtraKind = "periodTargets" | "mapping";

export interface WorkbookModel {
  sheets: SheetModel[];
}

export const COMMUNE_NAMES = [
  "Thanh Thới An",
  "Tài Văn",
  "Xuân Hòa",
  "Thới An Hội",
  "Phong Nẫm",
  "An Mỹ",
  "Kế Thành",
  "Mỹ Phước",
  "Long Phú",
  "Tân Hưng",
  "Đại Ân 2",
  "Lịch Hội Thượng",
  "Viên Bình",
  "Gia Hòa 1",
  "Hưng Lợi",
];

export const DISTRICTS = ["Trần Đề", "Kế Sách", "Mỹ Tú", "Long Phú", "Châu Thành", "Mỹ Xuyên"];

export function communeName(i: number): string {
  const base = COMMUNE_NAMES[i % COMMUNE_NAMES.length];
  return i < COMMUNE_NAMES.length ? base : `${base} ${Math.floor(i / COMMUNE_NAMES.length) + 1}`;
}

function model(
  name: string,
  kind: SheetModel["kind"],
  header: string[],
  data: CellValue[][]
): SheetModel {
  return {
    name,
    kind,
    rows: [header, ...data],
    headerRow: 0,
    merges: [],
    hiddenColumns: [],
    formulaCells: [],
    formattedEmptyRows: 0,
  };
}

const ALL_CRITERIA = Array.from({ length: 19 }, (_, i) => i + 1);

const communeArb = fc.record({
  district: fc.constantFrom(...DISTRICTS),
  achieved: fc.subarray(ALL_CRITERIA, { minLength: 0 }),
  registered: fc.option(fc.constantFrom(2024, 2025), { nil: null }),
  difficult: fc.boolean(),
});

/** Communes in one of the three shapes reports use: list of criteria, one column per criterion, count only. */
export const communesSheet = fc
  .record({
    communes: fc.array(communeArb, { minLength: 3, maxLength: 20 }),
    shape: fc.constantFrom("list", "marks", "count"),
    mark: fc.constantFrom("x", "X", "✓", 1, "Đạt", "TRUE"),
  })
  .map(({ communes, shape, mark }) => {
    if (shape === "marks") {
      const header = ["TT", "Tên xã", "Huyện", ...ALL_CRITERIA.map((n) => `TC${n}`)];
      const data = communes.map((c, i) => [
        i + 1,
        communeName(i),
        c.district,
        ...ALL_CRITERIA.map((n) => (c.achieved.includes(n) ? mark : null)),
      ]);
      return model("Xa", "communes", header, data);
    }
    const header = ["TT", "Tên xã", "Huyện", "Số tiêu chí đạt"];
    if (shape === "list") header.push("Tiêu chí đạt", "Đăng ký đạt chuẩn", "Xã ĐBKK");
    const data = communes.map((c, i) => {
      const row: CellValue[] = [i + 1, communeName(i), c.district, c.achieved.length];
      if (shape === "list") row.push(c.achieved.join(","), c.registered, c.difficult ? "x" : null);
      return row;
    });
    return model("Xa", "communes", header, data);
  });

/** Estimated cost per (commune, criterion); rows without a commune give the default cost of a criterion. */
export const costsSheet = fc
  .array(
    fc.record({
      // Mostly communes every generated communes sheet has (it has at least three).
      commune: fc.option(
        fc.oneof(
          { weight: 6, arbitrary: fc.nat({ max: 2 }) },
          { weight: 1, arbitrary: fc.nat({ max: 19 }) }
        ),
        {
          nil: null,
          freq: 4,
        }
      ),
      criterion: fc.integer({ min: 1, max: 19 }),
      cost: fc.integer({ min: 1, max: 20000 }),
    }),
    { minLength: 1, maxLength: 25 }
  )
  .map((rows) =>
    model(
      "ChiPhi",
      "costs",
      ["Tên xã", "Tiêu chí", "Chi phí"],
      rows.map((r) => [r.commune === null ? null : communeName(r.commune), r.criterion, r.cost])
    )
  );

/** The 2023 funding table of Sóc Trăng (appendix III), scaled; either one row per line or the report layout. */
const FUNDING: [string, string, string, number, number][] = [
  ["", "TỔNG SỐ", "", 3602312, 3951450],
  ["I", "NGÂN SÁCH TRUNG ƯƠNG", "Trung ương", 223534, 200334],
  ["1", "Đầu tư phát triển", "Trung ương", 191652, 169946],
  ["2", "Sự nghiệp", "Trung ương", 31882, 30388],
  ["II", "NGÂN SÁCH ĐỊA PHƯƠNG", "Địa phương", 54351, 210713],
  ["1", "Tỉnh", "Tỉnh", 29964, 185253],
  ["2", "Huyện", "Huyện", 24387, 25460],
  ["III", "VỐN LỒNG GHÉP", "", 1379545, 1517500],
  ["IV", "VỐN TÍN DỤNG", "", 1429056, 1471928],
  ["V", "VỐN DOANH NGHIỆP", "", 328664, 345097],
  ["VI", "HUY ĐỘNG TỪ NGƯỜI DÂN VÀ CỘNG ĐỒNG", "", 187162, 205878],
  ["1", "Tiền mặt", "", 42476, 46724],
  ["2", "Ngày công và hiện vật quy đổi", "", 144686, 159155],
];

export const budgetSheet = fc
  .record({
    layout: fc.constantFrom("report", "long"),
    scale: fc.constantFrom(1, 0.001, 1000, 0.5),
    keep: fc.subarray(
      FUNDING.map((_, i) => i),
      { minLength: 1 }
    ),
  })
  .map(({ layout, scale, keep }) => {
    const lines = keep.map((i) => FUNDING[i]);
    const amount = (n: number) => Math.round(n * scale);
    if (layout === "report") {
      return model(
        "NguonVon",
        "budget",
        ["STT", "Nội dung chỉ tiêu", "Kết quả huy động năm 2023", "Kế hoạch năm 2024"],
        lines.map(([stt, label, , actual, plan]) => [
          stt || null,
          label,
          amount(actual),
          amount(plan),
        ])
      );
    }
    const data: CellValue[][] = [];
    for (const [, label, level, actual, plan] of lines) {
      data.push([2023, label, "Thực hiện", amount(actual), level || null]);
      data.push([2024, label, "Kế hoạch", amount(plan), level || null]);
    }
    return model(
      "NguonVon",
      "budget",
      ["Năm", "Nguồn vốn", "Kế hoạch/Thực hiện", "Số tiền", "Cấp"],
      data
    );
  });

/** Counterpart brackets: ascending bounds (percent of dependence on central balancing support) and a minimum ratio. */
export const bracketsSheet = fc
  .record({
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 4 }),
    ratios: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 5, maxLength: 5 }),
  })
  .map(({ cuts, ratios }) => {
    const bounds = [0, ...[...cuts].sort((a, b) => a - b), 100];
    const data: CellValue[][] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      data.push([
        bounds[i],
        bounds[i + 1],
        ratios[i] / 100,
        "Ví dụ — kiểm tra theo quyết định hiện hành",
      ]);
    }
    return model(
      "DoiUng",
      "brackets",
      ["Cận dưới (%)", "Cận trên (%)", "Tỷ lệ đối ứng tối thiểu", "Ghi chú"],
      data
    );
  });

/** Units with a coefficient, or a need (estimated cost), or both; maybe a minimum and a cap per unit. */
export const coefficientsSheet = fc
  .record({
    units: fc.array(
      fc.record({
        score: fc.integer({ min: 0, max: 500 }),
        need: fc.integer({ min: 0, max: 90_000 }),
        min: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
        cap: fc.option(fc.integer({ min: 500, max: 50_000 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 15 }
    ),
    columns: fc.constantFrom("score", "need", "both", "limits"),
  })
  .map(({ units, columns }) => {
    const header = ["Đơn vị"];
    if (columns !== "need") header.push("Hệ số");
    if (columns !== "score") header.push("Nhu cầu");
    if (columns === "limits") header.push("Tối thiểu", "Tối đa");
    return model(
      "HeSo",
      "coefficients",
      header,
      units.map((u, i) => {
        const row: CellValue[] = [i < DISTRICTS.length ? `Huyện ${DISTRICTS[i]}` : communeName(i)];
        if (columns !== "need") row.push(u.score / 100);
        if (columns !== "score") row.push(u.need);
        if (columns === "limits") row.push(u.min, u.cap);
        return row;
      })
    );
  });

export const catalogueSheet = fc.subarray(ALL_CRITERIA, { minLength: 1 }).map((numbers) =>
  model(
    "DanhMuc",
    "catalogue",
    ["Giai đoạn", "Số TT", "Tên tiêu chí", "Tên tiếng Anh", "Nhóm"],
    numbers.map((n) => [
      "2026-2030",
      n,
      `Tiêu chí ${n}`,
      `Criterion ${n}`,
      n <= 1 ? "I" : n <= 9 ? "II" : "III",
    ])
  )
);

/** An indicator policy sheet of the 2026-2030 set: made-up thresholds, one per commune group. */
export const indicatorsSheet = fc
  .uniqueArray(
    fc.record({
      criterion: fc.integer({ min: 1, max: 10 }),
      index: fc.integer({ min: 1, max: 6 }),
      comparison: fc.constantFrom("≥", "≤", "Đạt/Không đạt"),
      base: fc.integer({ min: 1, max: 100 }),
    }),
    { minLength: 1, maxLength: 20, selector: (r) => `${r.criterion}.${r.index}` }
  )
  .map((items) =>
    model(
      "ChiTieu",
      "indicators",
      [
        "Mã chỉ tiêu",
        "Tiêu chí",
        "Tên chỉ tiêu",
        "Nhóm 1",
        "Nhóm 2",
        "Nhóm 3",
        "Đơn vị",
        "So sánh",
      ],
      items.map((r) => {
        const pass = r.comparison === "Đạt/Không đạt";
        return [
          `${r.criterion}.${r.index}`,
          r.criterion,
          `Chỉ tiêu ${r.criterion}.${r.index}`,
          pass ? "Đạt" : r.base,
          pass ? "Đạt" : Math.max(0, r.base - 10),
          pass ? "không áp dụng" : Math.max(0, r.base - 20),
          pass ? null : "%",
          r.comparison,
        ];
      })
    )
  );

/** The period targets sheet the roadmap job looks for ("Chỉ tiêu giai đoạn"). */
export const periodTargetsSheet = fc
  .record({
    standard: fc.integer({ min: 0, max: 40 }),
    advanced: fc.integer({ min: 0, max: 30 }),
    advancedNow: fc.integer({ min: 0, max: 20 }),
    model: fc.integer({ min: 0, max: 10 }),
    average: fc.integer({ min: 1500, max: 1900 }),
    below: fc.integer({ min: 5, max: 19 }),
    keep: fc.subarray([0, 1, 2, 3, 4], { minLength: 1 }),
  })
  .map((t) => {
    const rows: CellValue[][] = [
      ["Số xã đạt chuẩn nông thôn mới", t.standard, null, null],
      ["Số xã đạt chuẩn nông thôn mới nâng cao", t.advanced, t.advancedNow, 2],
      ["Số xã đạt chuẩn nông thôn mới kiểu mẫu", t.model, 1, 1],
      ["Số tiêu chí bình quân/xã", t.average / 100, null, null],
      [`Số xã dưới ${t.below} tiêu chí`, 0, null, null],
    ];
    return model(
      "Chỉ tiêu giai đoạn",
      "periodTargets",
      ["Chỉ tiêu", "Mục tiêu", "Hiện trạng", "Tăng mỗi năm"],
      t.keep.map((i) => rows[i])
    );
  });

/** A user's source mapping sheet (Từ khóa | Nhóm nguồn) extending the default label → group mapping. */
export const mappingSheet = fc
  .subarray(
    [
      ["trung ương + đầu tư", "central-investment"],
      ["vốn sự nghiệp", "Ngân sách trung ương"],
      ["ngân sách xã", "local-commune"],
      ["ODA", "other"],
      ["chương trình 135", "integrated"],
      ["hợp tác xã", "Vốn doanh nghiệp"],
    ] as CellValue[][],
    { minLength: 1 }
  )
  .map((rows) => model("Phân nhóm nguồn", "mapping", ["Từ khóa", "Nhóm nguồn"], rows));

/** An allocation policy sheet (Điều kiện | Hệ số | Cách tính | Căn cứ): rules as staff write them. */
export const policySheet = fc
  .array(
    fc.record({
      condition: fc.constantFrom(
        "Khu vực III",
        "Khu vực II",
        "ATK",
        "Biên giới",
        "Xã ĐBKK",
        "Dưới 15 tiêu chí",
        "Từ 15 đến 18 tiêu chí",
        "Đã đạt chuẩn",
        "Chưa đạt chuẩn",
        "ATK và chưa đạt chuẩn",
        "Các xã còn lại",
        "Mỗi tiêu chí chưa đạt"
      ),
      coefficient: fc.integer({ min: 0, max: 60 }),
      mode: fc.constantFrom("Cao nhất", "Cộng thêm"),
    }),
    { minLength: 1, maxLength: 8 }
  )
  .map((rules) =>
    model(
      "ChinhSach",
      "allocation-policy",
      ["Điều kiện", "Hệ số", "Cách tính", "Căn cứ"],
      rules.map((r) => [r.condition, r.coefficient, r.mode, "Nghị quyết HĐND tỉnh (thử)"])
    )
  );

/** A merger mapping: each old commune (of the generated names) into one of a few new communes. */
export const mergeSheet = fc
  .uniqueArray(fc.record({ old: fc.nat({ max: 19 }), into: fc.nat({ max: 3 }) }), {
    minLength: 1,
    maxLength: 20,
    selector: (r) => r.old,
  })
  .map((rows) =>
    model(
      "Sáp nhập",
      "merge",
      ["Xã cũ", "Mã xã cũ", "Xã mới", "Mã xã mới", "Ngày hiệu lực"],
      rows.map((r) => [
        communeName(r.old),
        String(30000 + r.old),
        `Xã mới ${r.into + 1}`,
        String(31000 + r.into),
        "01/07/2025",
      ])
    )
  );

/** Money by old commune: one amount column per year. */
export const moneySheet = fc
  .uniqueArray(
    fc.record({
      commune: fc.nat({ max: 19 }),
      a: fc.nat({ max: 50000 }),
      b: fc.nat({ max: 50000 }),
    }),
    { minLength: 1, maxLength: 20, selector: (r) => r.commune }
  )
  .map((rows) =>
    model(
      "Kinh phí theo xã",
      "money",
      ["Tên xã", "Năm 2024", "Năm 2025"],
      rows.map((r) => [communeName(r.commune), r.a, r.b])
    )
  );

export const EXTRA_SHEETS: Record<ExtraKind, fc.Arbitrary<SheetModel>> = {
  periodTargets: periodTargetsSheet,
  mapping: mappingSheet,
};

export const VALID_SHEETS: Record<InputKind, fc.Arbitrary<SheetModel>> = {
  communes: communesSheet,
  costs: costsSheet,
  budget: budgetSheet,
  brackets: bracketsSheet,
  coefficients: coefficientsSheet,
  catalogue: catalogueSheet,
  indicators: indicatorsSheet,
  "allocation-policy": policySheet,
  merge: mergeSheet,
  money: moneySheet,
};

// ---------------------------------------------------------------------------------------------------------------
// Mutations. Each takes positions as free naturals and reduces them modulo the sheet's size, so any draw applies.

export type Mutation =
  | { kind: "mergedTitle"; lines: number }
  | { kind: "blankRows"; at: number; count: number }
  | { kind: "totalRow"; at: number; label: string }
  | { kind: "viText"; at: number }
  | { kind: "enText"; at: number }
  | { kind: "duplicateRow"; at: number }
  | { kind: "criterion0or20"; at: number; value: CellValue }
  | { kind: "hiddenJunkColumn"; at: number; value: CellValue }
  | { kind: "formulaError"; at: number; error: string }
  | { kind: "dateForNumber"; at: number; days: number }
  | { kind: "emptyFormattedRows"; count: number }
  | { kind: "hugeString"; at: number; length: number; newline: boolean }
  | { kind: "headerSpelling"; variant: "folded" | "upper" | "spaced" }
  | { kind: "shuffleColumns"; seed: number }
  | { kind: "dropColumn"; at: number }
  | { kind: "junkCell"; at: number; value: CellValue }
  | { kind: "asFormula"; at: number }
  | { kind: "jagged"; at: number; keep: number };

/**
 * Characters XML 1.0 does not allow, as they reach a workbook: U+000B is a line break from Word pasted into Excel,
 * U+0000-U+001F the rest of the C0 controls, U+FFFE and U+FFFF non-characters, and lone surrogate halves.
 */
export const CONTROL_CHARS = [
  "\u0000",
  "\u0001",
  "\u0008",
  "\u000B",
  "\u000C",
  "\u001B",
  "\u001F",
  "\uFFFE",
  "\uFFFF",
  "\uD800",
  "\uDBFF",
  "\uDC00",
  "\uDFFF",
];

/** A name or label with control characters in it: "Xã\u000BAn Bình\uFFFE". */
export const controlText: fc.Arbitrary<string> = fc
  .array(fc.constantFrom("Xã", "An", " ", "Bình", "Tân", "1", ...CONTROL_CHARS), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(""))
  .filter((text) => CONTROL_CHARS.some((c) => text.includes(c)));

/** A text over Excel's 32,767 characters per cell: a list of commune names and figures (never cut mid-number). */
export const longText: fc.Arbitrary<string> = fc
  .integer({ min: 2_800, max: 7_000 })
  .map((n) => Array.from({ length: n }, (_, i) => `Xã ${i + 1} (${(i * 37) % 1000})`).join(", "));

/** Odd values staff workbooks hold where numbers or names belong. */
export const junkValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(
    "",
    " ",
    "-",
    "—",
    "x",
    "N/A",
    "chưa đạt",
    "(1.234)",
    "1.234,5,6",
    "3.602.312",
    "3,602,312",
    "6,21%",
    "6.21%",
    "1.234",
    "1,234",
    "1e309",
    "٣",
    "=SUM(A1:A3)",
    "Infinity",
    "NaN",
    "0x10",
    "12 345",
    "19/19",
    "1-5,7",
    "5-1",
    "1,,2",
    "TC1; TC2",
    true,
    false,
    0,
    -1,
    20,
    19.5,
    1e15,
    -0,
    Number.MAX_SAFE_INTEGER,
    null
  ),
  fc.string({ maxLength: 12 }),
  controlText,
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
  fc.integer({ min: -5, max: 40 })
);

const position = fc.nat({ max: 10_000 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("mergedTitle" as const), lines: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    kind: fc.constant("blankRows" as const),
    at: position,
    count: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    kind: fc.constant("totalRow" as const),
    at: position,
    label: fc.constantFrom("Tổng cộng", "TỔNG SỐ", "Cộng", "Total", "tong cong"),
  }),
  fc.record({ kind: fc.constant("viText" as const), at: position }),
  fc.record({ kind: fc.constant("enText" as const), at: position }),
  fc.record({ kind: fc.constant("duplicateRow" as const), at: position }),
  fc.record({
    kind: fc.constant("criterion0or20" as const),
    at: position,
    value: fc.constantFrom<CellValue>(0, 20, -1, 19.5, "0", "20", "1,2,20", "0,1", "1-25"),
  }),
  fc.record({ kind: fc.constant("hiddenJunkColumn" as const), at: position, value: junkValue }),
  fc.record({
    kind: fc.constant("formulaError" as const),
    at: position,
    error: fc.constantFrom("#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"),
  }),
  fc.record({
    kind: fc.constant("dateForNumber" as const),
    at: position,
    days: fc.integer({ min: 0, max: 40000 }),
  }),
  fc.record({
    kind: fc.constant("emptyFormattedRows" as const),
    count: fc.integer({ min: 1, max: 300 }),
  }),
  fc.record({
    kind: fc.constant("hugeString" as const),
    at: position,
    length: fc.integer({ min: 300, max: 40_000 }),
    newline: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("headerSpelling" as const),
    variant: fc.constantFrom("folded", "upper", "spaced"),
  }),
  fc.record({ kind: fc.constant("shuffleColumns" as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant("dropColumn" as const), at: position }),
  fc.record({ kind: fc.constant("junkCell" as const), at: position, value: junkValue }),
  fc.record({ kind: fc.constant("asFormula" as const), at: position }),
  fc.record({ kind: fc.constant("jagged" as const), at: position, keep: fc.nat({ max: 6 }) })
);

function width(sheet: SheetModel): number {
  return Math.max(1, ...sheet.rows.map((r) => r.length));
}

function dataRowIndices(sheet: SheetModel): number[] {
  const out: number[] = [];
  for (let r = sheet.headerRow + 1; r < sheet.rows.length; r++) out.push(r);
  return out;
}

/** Cells below the header holding a value of the given test, as [row, col]. */
function cellsWhere(sheet: SheetModel, test: (v: CellValue) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (const r of dataRowIndices(sheet)) {
    sheet.rows[r].forEach((v, c) => {
      if (test(v)) out.push([r, c]);
    });
  }
  return out;
}

function pick<T>(items: T[], at: number): T | undefined {
  return items.length === 0 ? undefined : items[at % items.length];
}

/** Vietnamese text for a number: "3.602.312", "18,63". */
export function viNumberText(n: number): string {
  const [int, frac] = Math.abs(n)
    .toFixed(Number.isInteger(n) ? 0 : 2)
    .split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (n < 0 ? "-" : "") + grouped + (frac ? "," + frac : "");
}

/** English text for a number: "3,602,312", "18.63". */
export function enNumberText(n: number): string {
  const [int, frac] = Math.abs(n)
    .toFixed(Number.isInteger(n) ? 0 : 2)
    .split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (n < 0 ? "-" : "") + grouped + (frac ? "." + frac : "");
}

function shiftRows(sheet: SheetModel, from: number, count: number): void {
  sheet.merges = sheet.merges.map((m) =>
    m.top >= from ? { ...m, top: m.top + count, bottom: m.bottom + count } : m
  );
  sheet.formulaCells = sheet.formulaCells.map((key) => {
    const [r, c] = key.split(",").map(Number);
    return r >= from ? `${r + count},${c}` : key;
  });
  if (sheet.headerRow >= from) sheet.headerRow += count;
}

function insertRows(sheet: SheetModel, at: number, rows: CellValue[][]): void {
  shiftRows(sheet, at, rows.length);
  sheet.rows.splice(at, 0, ...rows);
}

function forgetCell(sheet: SheetModel, r: number, c: number): void {
  sheet.formulaCells = sheet.formulaCells.filter((k) => k !== `${r},${c}`);
}

function foldHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

/** Applies one mutation in place. Merged ranges only ever cover title rows, so column edits leave them valid. */
export function applyMutation(sheet: SheetModel, m: Mutation): void {
  const w = width(sheet);
  switch (m.kind) {
    case "mergedTitle": {
      const titles: CellValue[][] = [];
      for (let i = 0; i < m.lines; i++) {
        const row: CellValue[] = new Array(w).fill(null);
        row[0] =
          i === 0
            ? "BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH NÔNG THÔN MỚI NĂM 2023"
            : `(Kèm theo Báo cáo số ${i})`;
        titles.push(row);
      }
      insertRows(sheet, 0, titles);
      for (let i = 0; i < m.lines; i++)
        if (w > 1) sheet.merges.push({ top: i, left: 0, bottom: i, right: w - 1 });
      return;
    }
    case "blankRows": {
      const rows = dataRowIndices(sheet);
      const at = rows.length === 0 ? sheet.rows.length : rows[m.at % rows.length];
      insertRows(
        sheet,
        at,
        Array.from({ length: m.count }, () => new Array(w).fill(null))
      );
      return;
    }
    case "totalRow": {
      const rows = dataRowIndices(sheet);
      const at = rows.length === 0 ? sheet.rows.length : rows[m.at % rows.length] + 1;
      const total: CellValue[] = new Array(w).fill(null);
      for (let c = 0; c < w; c++) {
        let sum = 0;
        let any = false;
        for (const r of rows) {
          const v = sheet.rows[r][c];
          if (typeof v === "number") {
            sum += v;
            any = true;
          }
        }
        if (any) total[c] = sum;
      }
      const labelCol = sheet.rows[sheet.headerRow].findIndex(
        (h) => typeof h === "string" && /tên|nội dung|nguồn|đơn vị/i.test(h)
      );
      total[labelCol >= 0 ? labelCol : 0] = m.label;
      insertRows(sheet, at, [total]);
      return;
    }
    case "viText":
    case "enText": {
      const cell = pick(
        cellsWhere(sheet, (v) => typeof v === "number"),
        m.at
      );
      if (!cell) return;
      const n = sheet.rows[cell[0]][cell[1]] as number;
      const header = String(sheet.rows[sheet.headerRow][cell[1]] ?? "");
      // Ratios and shares are often typed as percentages: "6,21%".
      const percent = /tỷ lệ|%/i.test(header) && Math.abs(n) <= 10;
      const text = percent
        ? (m.kind === "viText" ? viNumberText(n * 100) : enNumberText(n * 100)) + "%"
        : m.kind === "viText"
          ? viNumberText(n)
          : enNumberText(n);
      sheet.rows[cell[0]][cell[1]] = text;
      forgetCell(sheet, cell[0], cell[1]);
      return;
    }
    case "duplicateRow": {
      const r = pick(dataRowIndices(sheet), m.at);
      if (r === undefined) return;
      insertRows(sheet, r + 1, [[...sheet.rows[r]]]);
      return;
    }
    case "criterion0or20": {
      const header = sheet.rows[sheet.headerRow];
      const cols = header
        .map((h, c) => (typeof h === "string" && /tiêu chí|^tc\d/i.test(h) ? c : -1))
        .filter((c) => c >= 0);
      const col = pick(cols, m.at);
      const row = pick(dataRowIndices(sheet), Math.floor(m.at / 7));
      if (col === undefined || row === undefined) return;
      sheet.rows[row][col] = m.value;
      forgetCell(sheet, row, col);
      return;
    }
    case "hiddenJunkColumn": {
      const col = m.at % (w + 1);
      sheet.rows.forEach((row, r) => {
        while (row.length < col) row.push(null);
        row.splice(
          col,
          0,
          r === sheet.headerRow ? "Ghi chú ẩn" : r > sheet.headerRow ? m.value : null
        );
      });
      sheet.merges = sheet.merges.map((mg) => ({
        ...mg,
        right: mg.right + (col <= mg.right ? 1 : 0),
      }));
      sheet.formulaCells = sheet.formulaCells.map((key) => {
        const [r, c] = key.split(",").map(Number);
        return c >= col ? `${r},${c + 1}` : key;
      });
      sheet.hiddenColumns = [...sheet.hiddenColumns.map((c) => (c >= col ? c + 1 : c)), col];
      return;
    }
    case "formulaError": {
      const cell = pick(
        cellsWhere(sheet, () => true),
        m.at
      );
      if (!cell) return;
      sheet.rows[cell[0]][cell[1]] = { error: m.error };
      if (!sheet.formulaCells.includes(`${cell[0]},${cell[1]}`))
        sheet.formulaCells.push(`${cell[0]},${cell[1]}`);
      return;
    }
    case "dateForNumber": {
      const cell = pick(
        cellsWhere(sheet, (v) => typeof v === "number"),
        m.at
      );
      if (!cell) return;
      sheet.rows[cell[0]][cell[1]] = new Date(Date.UTC(1900, 0, 1) + m.days * 86_400_000);
      forgetCell(sheet, cell[0], cell[1]);
      return;
    }
    case "emptyFormattedRows":
      sheet.formattedEmptyRows += m.count;
      return;
    case "hugeString": {
      const cell = pick(
        cellsWhere(sheet, (v) => typeof v === "string"),
        m.at
      );
      if (!cell) return;
      const unit = m.newline ? "Xã Thanh Thới An\n" : "Xã Thanh Thới An ";
      sheet.rows[cell[0]][cell[1]] = unit
        .repeat(Math.ceil(m.length / unit.length))
        .slice(0, m.length);
      forgetCell(sheet, cell[0], cell[1]);
      return;
    }
    case "headerSpelling": {
      const header = sheet.rows[sheet.headerRow];
      sheet.rows[sheet.headerRow] = header.map((h) => {
        if (typeof h !== "string") return h;
        if (m.variant === "folded") return foldHeader(h);
        if (m.variant === "upper") return h.toUpperCase();
        return `  ${h.replace(/ /g, "  ")} `;
      });
      return;
    }
    case "shuffleColumns": {
      const order = Array.from({ length: w }, (_, i) => i);
      let s = m.seed;
      for (let i = order.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      // Title rows stay as they are (merged across the full width); everything from the header down is permuted.
      for (let r = sheet.headerRow; r < sheet.rows.length; r++) {
        const row = sheet.rows[r];
        sheet.rows[r] = order.map((c) => row[c] ?? null);
      }
      sheet.formulaCells = sheet.formulaCells.map((key) => {
        const [r, c] = key.split(",").map(Number);
        return r >= sheet.headerRow ? `${r},${order.indexOf(c)}` : key;
      });
      sheet.hiddenColumns = sheet.hiddenColumns.map((c) => order.indexOf(c));
      return;
    }
    case "dropColumn": {
      if (w <= 1) return;
      const col = m.at % w;
      for (let r = sheet.headerRow; r < sheet.rows.length; r++) sheet.rows[r].splice(col, 1);
      sheet.formulaCells = sheet.formulaCells
        .map((key) => key.split(",").map(Number))
        .filter(([r, c]) => !(r >= sheet.headerRow && c === col))
        .map(([r, c]) => (r >= sheet.headerRow && c > col ? `${r},${c - 1}` : `${r},${c}`));
      sheet.hiddenColumns = sheet.hiddenColumns
        .filter((c) => c !== col)
        .map((c) => (c > col ? c - 1 : c));
      return;
    }
    case "junkCell": {
      const rows = sheet.rows.length;
      const r = m.at % rows;
      if (r < sheet.headerRow) return; // title rows are merged
      const c = Math.floor(m.at / rows) % w;
      while (sheet.rows[r].length <= c) sheet.rows[r].push(null);
      sheet.rows[r][c] = m.value;
      forgetCell(sheet, r, c);
      return;
    }
    case "asFormula": {
      const cell = pick(
        cellsWhere(sheet, (v) => typeof v === "number" || typeof v === "string"),
        m.at
      );
      if (cell && !sheet.formulaCells.includes(`${cell[0]},${cell[1]}`))
        sheet.formulaCells.push(`${cell[0]},${cell[1]}`);
      return;
    }
    case "jagged": {
      const r = pick(dataRowIndices(sheet), m.at);
      if (r === undefined) return;
      const removed = sheet.rows[r].length - Math.min(m.keep, sheet.rows[r].length);
      sheet.rows[r] = sheet.rows[r].slice(0, m.keep);
      if (removed > 0)
        sheet.formulaCells = sheet.formulaCells.filter((k) => {
          const [kr, kc] = k.split(",").map(Number);
          return kr !== r || kc < m.keep;
        });
      return;
    }
  }
}

function cloneSheet(s: SheetModel): SheetModel {
  return {
    ...s,
    rows: s.rows.map((r) => [...r]),
    merges: s.merges.map((m) => ({ ...m })),
    hiddenColumns: [...s.hiddenColumns],
    formulaCells: [...s.formulaCells],
  };
}

export function mutate(sheet: SheetModel, mutations: Mutation[]): SheetModel {
  const out = cloneSheet(sheet);
  for (const m of mutations) applyMutation(out, m);
  return out;
}

/** A messy sheet of one kind: a valid one and up to `max` mutations. */
export function messySheet(kind: InputKind | ExtraKind, max = 5): fc.Arbitrary<SheetModel> {
  const valid =
    kind === "periodTargets" || kind === "mapping" ? EXTRA_SHEETS[kind] : VALID_SHEETS[kind];
  return fc
    .tuple(valid, fc.array(mutationArb, { maxLength: max }))
    .map(([sheet, mutations]) => mutate(sheet, mutations));
}

/** Sheet names that clash: the same name in another case, with diacritics folded, or padded. */
export function nameVariant(name: string, variant: number): string {
  switch (variant % 4) {
    case 0:
      return name.toUpperCase();
    case 1:
      return name.toLowerCase();
    case 2:
      return foldHeader(name);
    default:
      return name.length < 28 ? `${name} ` : name;
  }
}

/** A sheet with nothing a reader wants: notes, a chart's data, an empty sheet. */
export const junkSheet: fc.Arbitrary<SheetModel> = fc
  .record({
    name: fc.constantFrom("Ghi chú", "Sheet1", "Biểu đồ", "Tổng hợp", "KQ_TongHop"),
    rows: fc.array(fc.array(junkValue, { maxLength: 5 }), { maxLength: 6 }),
  })
  .map(({ name, rows }) => ({
    name,
    kind: "junk" as const,
    rows,
    headerRow: 0,
    merges: [],
    hiddenColumns: [],
    formulaCells: [],
    formattedEmptyRows: 0,
  }));

/**
 * A workbook holding one messy sheet per kind asked for, in random order, plus maybe a junk sheet and a sheet named
 * like one of them in another case (`caseTwin`; the in-memory adapter keeps both, ExcelJS cannot hold both).
 */
export function messyWorkbook(
  inputs: { id: string; kind: InputKind | ExtraKind }[],
  maxMutations = 5
): fc.Arbitrary<WorkbookModel & { caseTwin: boolean }> {
  return fc
    .record({
      sheets: fc
        .tuple(...inputs.map((i) => messySheet(i.kind, maxMutations)))
        .map((sheets) => sheets.map((s, n) => ({ ...s, role: inputs[n].id }))),
      junk: fc.option(junkSheet, { nil: null, freq: 3 }),
      caseTwin: fc.option(fc.nat(), { nil: null, freq: 4 }),
      order: fc.nat(),
    })
    .map(({ sheets, junk, caseTwin, order }) => {
      const all: SheetModel[] = [...sheets];
      if (junk) all.push(junk);
      if (caseTwin !== null && all.length > 0) {
        const twin = cloneSheet(all[caseTwin % all.length]);
        twin.name = nameVariant(twin.name, caseTwin);
        twin.kind = "junk";
        twin.role = undefined;
        twin.rows = [["Bản cũ / old copy"], ...twin.rows.slice(0, 3)];
        twin.headerRow = 0;
        twin.merges = [];
        twin.formulaCells = [];
        twin.hiddenColumns = [];
        if (twin.name !== all[caseTwin % all.length].name) all.push(twin);
      }
      const rotated =
        all.length > 0
          ? [...all.slice(order % all.length), ...all.slice(0, order % all.length)]
          : all;
      // Names must stay unique exactly (the same name in another case is allowed, on purpose).
      const seen = new Set<string>();
      for (const s of rotated) {
        let name = s.name;
        for (let n = 2; seen.has(name); n++) name = `${s.name} ${n}`;
        s.name = name;
        seen.add(name);
      }
      return { sheets: rotated, caseTwin: caseTwin !== null };
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Result sheets as jobs might produce them, for fuzzing the adapters' writeResults on its own.

const RESULT_SHEET_NAMES = [
  "KQ_TongHop",
  "kq_tonghop",
  "KQ_KeHoach",
  "Xa",
  "XA",
  "Kết quả: kế hoạch/2024?",
  "[KQ]*",
  "'KQ'",
  "Kết quả phân bổ vốn theo hệ số năm 2024 cho các huyện",
  "   ",
  "",
  "Ghi chú",
];

// Column labels. Two carry control characters and one differs from "Ghi chú" only by case: the output boundary
// cleans the first and makes the second unique, as Excel requires (tableProblems and the strict reader check).
const HEADERS = [
  "Tên xã",
  "Huyện",
  "Số tiêu chí",
  "Chi phí (triệu đồng)",
  "Tỷ lệ",
  "Ghi chú",
  "Xã [ĐBKK]",
  "#",
  "'Năm",
  // Control characters in a label, and one differing from another only by case: the output boundary cleans the
  // first and makes the second unique (Excel repairs a file with either).
  "Tên\u000Bxã\uFFFE",
  "Ghi\u0001chú\uD800",
  "GHI CHÚ",
];

export const resultCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: junkValue },
  { weight: 1, arbitrary: fc.constant<CellValue>({ error: "#N/A" }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 0, max: 40000 })
      .map((d) => new Date(Date.UTC(2000, 0, 1) + d * 86_400_000)),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 100, max: 3_000 }).map((n) => "Ghi chú dài ".repeat(n / 12)),
  },
  { weight: 1, arbitrary: controlText },
  { weight: 1, arbitrary: longText }
);

export const outputTableArb = fc
  .record({
    name: fc.constantFrom("NTM_TongHop", "NTM_KeHoach", "NTM Bảng 1", "1_bang", "NTM_TongHop"),
    title: fc.option(
      fc.oneof(
        fc.constantFrom("Tổng hợp / Summary", "Kế hoạch năm 2024 / Plan 2024"),
        controlText,
        longText
      ),
      { nil: undefined }
    ),
    headers: fc.uniqueArray(fc.constantFrom(...HEADERS), {
      minLength: 1,
      maxLength: 5,
      comparator: (a, b) => a === b,
    }),
    rows: fc.nat({ max: 8 }),
    cells: fc.array(resultCell, { minLength: 40, maxLength: 40 }),
    formats: fc.array(fc.constantFrom(undefined, "#,##0", "0.00%", "#,##0.00", "@"), {
      minLength: 5,
      maxLength: 5,
    }),
  })
  .map(({ name, title, headers, rows, cells, formats }) => ({
    name,
    title,
    columns: headers.map((header, i) => ({ header, format: formats[i] })),
    rows: Array.from({ length: rows }, (_, r) =>
      headers.map((_h, c) => cells[(r * headers.length + c) % cells.length])
    ),
  }));

export const outputSheetsArb = fc.array(
  fc.record({
    sheet: fc.constantFrom(...RESULT_SHEET_NAMES),
    tables: fc.array(outputTableArb, { minLength: 1, maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 3 }
);
