// Builds assets/ntm-sample-2026.xlsx: an ILLUSTRATIVE merged province of 100 communes under the 2026-2030 set.
// Everything in it is made up: the indicator names, the thresholds per commune group (Decision 51/2025/QĐ-TTg's
// thresholds were not in the public material we could read), the communes and their values. It exists to show
// the layouts the add-in reads (indicator policy sheet, status as raw values per indicator with Nhóm xã and Mã xã)
// and to exercise them end to end. Deterministic: a seeded generator, so `npm run sample` rebuilds the same file.

import { existsSync, promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { CATALOGUE_2026_2030 } from "../src/engine/catalogues";

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    // Bundled outside the repository there is no package.json above: stop at the file system's root, not loop there.
    if (parent === dir) return __dirname;
    dir = parent;
  }
  return dir;
}

export const SAMPLE_2026_PATH = path.join(repoRoot(), "assets", "ntm-sample-2026.xlsx");

export const ILLUSTRATIVE =
  "MINH HỌA — ngưỡng, tên chỉ tiêu, xã và số liệu đều tự đặt, không phải số liệu thật / ILLUSTRATIVE — made-up thresholds, indicator names, communes and values";

/** Indicators per criterion, 47 in all as in the decision; how they split between criteria is made up. */
export const INDICATORS_PER_CRITERION = [3, 9, 5, 3, 7, 5, 4, 5, 3, 3];

/** mulberry32: a small seeded generator, so the sample is the same on every build. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SampleIndicator {
  code: string;
  criterion: number;
  name: string;
  /** Thresholds for groups 1, 2, 3; "Đạt" for a met / not met indicator; null: not applicable to the group. */
  requirements: (number | "Đạt" | null)[];
  unit: string | null;
  comparison: "≥" | "≤" | "Đạt/Không đạt";
}

export function sampleIndicators(): SampleIndicator[] {
  const list: SampleIndicator[] = [];
  INDICATORS_PER_CRITERION.forEach((count, k) => {
    const criterion = k + 1;
    const topic = CATALOGUE_2026_2030.criteria[k].vi;
    for (let i = 1; i <= count; i++) {
      const code = `${criterion}.${i}`;
      const name = `Chỉ tiêu minh họa ${code} (${topic})`;
      if (i % 3 === 0) {
        // One met / not met indicator (criterion 3) applies to groups 2 and 3 only.
        const na = criterion === 3;
        list.push({
          code,
          criterion,
          name,
          requirements: [na ? null : "Đạt", "Đạt", "Đạt"],
          unit: null,
          comparison: "Đạt/Không đạt",
        });
      } else if (criterion === 6 && i === 1) {
        list.push({
          code,
          criterion,
          name: `${name}: tỷ lệ hộ nghèo`,
          requirements: [1, 2, 4],
          unit: "%",
          comparison: "≤",
        });
      } else if (criterion === 3 && i === 1) {
        list.push({
          code,
          criterion,
          name: `${name}: thu nhập bình quân`,
          requirements: [90, 75, 60],
          unit: "triệu đồng/người/năm",
          comparison: "≥",
        });
      } else {
        const top = 100 - 5 * ((criterion + i) % 3);
        list.push({
          code,
          criterion,
          name: `${name}: tỷ lệ`,
          requirements: [top, top - 10, top - 25],
          unit: "%",
          comparison: "≥",
        });
      }
    }
  });
  return list;
}

const SYLLABLES = [
  "An",
  "Bình",
  "Hòa",
  "Phú",
  "Tân",
  "Long",
  "Mỹ",
  "Thạnh",
  "Hưng",
  "Phước",
  "Thới",
  "Lộc",
];

/** 100 made-up commune names, each made of two syllables, all different. */
function communeNames(): string[] {
  const names: string[] = [];
  for (const a of SYLLABLES) for (const b of SYLLABLES) if (a !== b) names.push(`${a} ${b}`);
  return names.filter((_, i) => i % 13 !== 5).slice(0, 100);
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: "middle" };
}

function title(sheet: ExcelJS.Worksheet, text: string): void {
  sheet.addRow([text]).font = { bold: true, size: 13, color: { argb: "FFC00000" } };
  sheet.addRow([ILLUSTRATIVE]).font = { italic: true, color: { argb: "FFC00000" } };
}

/** Commune-type columns after the indicators: zone (Khu vực), ATK, border, especially difficult villages. */
const TYPE_HEADERS = ["Khu vực", "Xã ATK", "Biên giới", "Hải đảo", "Đặc khu", "Số thôn ĐBKK"];

/** Made-up commune types: group 3 communes (ethnic-minority and mountain areas) in zone II or III. */
function communeTypes(count: number): (string | number | null)[][] {
  const random = generator(1626);
  const rows: (string | number | null)[][] = [];
  for (let n = 0; n < count; n++) {
    const group = n < 20 ? 1 : n < 80 ? 2 : 3;
    const zone = group === 3 ? (random() < 0.5 ? "III" : "II") : random() < 0.15 ? "I" : null;
    const atk = random() < 0.06 ? "x" : null;
    const border = group === 3 && random() < 0.3 ? "x" : null;
    const villages = zone === "III" || zone === "II" ? Math.floor(random() * 4) : 0;
    // An inland province: no island commune, no special zone (the columns say so rather than being absent).
    rows.push([zone, atk, border, null, null, villages]);
  }
  return rows;
}

/** An indicator's row on the policy sheet: code, criterion, name, each group's requirement, unit, comparison. */
export function policyRow(ind: SampleIndicator): (string | number | null)[] {
  return [
    ind.code,
    ind.criterion,
    ind.name,
    ...ind.requirements.map((r) => (r === null ? "không áp dụng" : r)),
    ind.unit,
    ind.comparison,
  ];
}

export async function buildSample2026(): Promise<ExcelJS.Workbook> {
  const random = generator(2026);
  const book = new ExcelJS.Workbook();
  book.creator = "NTM Planner";

  const about = book.addWorksheet("Đọc trước");
  title(
    about,
    "Tỉnh minh họa sau sáp nhập: 100 xã, bộ tiêu chí 2026-2030 / Illustrative merged province, 2026-2030"
  );
  for (const line of [
    "Tệp này chỉ để thử phần mềm: mọi ngưỡng, tên chỉ tiêu, xã và số liệu đều tự đặt.",
    "This file is for trying the add-in only: every threshold, indicator name, commune and value is made up.",
    "Ngưỡng thật của từng chỉ tiêu lấy từ bộ tiêu chí của tỉnh (Quyết định 51/2025/QĐ-TTg và văn bản của tỉnh).",
    "Real thresholds come from the province's own set (Decision 51/2025/QĐ-TTg and the province's decision).",
    "Thử / Try: ntm-plan summary assets/ntm-sample-2026.xlsx --year 2027",
    "Thử / Try: ntm-plan roadmap assets/ntm-sample-2026.xlsx --year 2027 --budget 20000 --to 2030",
    "Thử / Try: ntm-plan allocate assets/ntm-sample-2026.xlsx --total 100000 --policy 2026-2030",
    "Thử / Try: ntm-plan funding assets/ntm-sample-2026.xlsx",
    "Thử / Try: ntm-plan counterpart assets/ntm-sample-2026.xlsx --brackets assets/ntm-sample-2026.xlsx --support-share 75",
    "Thử / Try: ntm-plan merge assets/ntm-sample-2026.xlsx",
    "Thử / Try: ntm-plan plan assets/ntm-sample-2026.xlsx --year 2027 --budget 20000 --to 2030 --total 100000",
  ]) {
    about.addRow([line]);
  }
  about.getColumn(1).width = 110;

  const indicators = sampleIndicators();
  const policy = book.addWorksheet("Chỉ tiêu theo nhóm xã");
  title(
    policy,
    "Chỉ tiêu theo nhóm xã (minh họa) / Indicator requirements per commune group (illustrative)"
  );
  styleHeader(
    policy.addRow([
      "Mã chỉ tiêu",
      "Tiêu chí",
      "Tên chỉ tiêu",
      "Nhóm 1",
      "Nhóm 2",
      "Nhóm 3",
      "Đơn vị",
      "So sánh",
      "Nguồn",
    ])
  );
  for (const ind of indicators) {
    policy.addRow([...policyRow(ind), "Minh họa, tự đặt / illustrative, made up"]);
  }
  policy.columns.forEach((c, i) => (c.width = [11, 8, 70, 14, 14, 14, 20, 14, 34][i]));
  policy.views = [{ state: "frozen", ySplit: 3 }];

  const names = communeNames();
  const tiers: string[] = [];
  const status = book.addWorksheet("Xã");
  title(
    status,
    "Tình hình đạt chỉ tiêu của các xã (minh họa), cuối năm 2026 / Communes' indicators, end of 2026 (illustrative)"
  );
  styleHeader(
    status.addRow([
      "TT",
      "Tên xã",
      "Mã xã",
      "Nhóm xã",
      "Sáp nhập từ (xã cũ)",
      "Trạng thái",
      ...indicators.map((i) => i.code),
      ...TYPE_HEADERS,
    ])
  );
  // The commune types an allocation policy reads (2026-2030 preset (reported draft)), made up with their own generator so the
  // indicator values above stay as they were.
  const types = communeTypes(names.length);
  names.forEach((name, n) => {
    const group = n < 20 ? 1 : n < 80 ? 2 : 3;
    // About 40% of communes meet every indicator; the others miss a few, more of them in group 3.
    const complete = random() < 0.4;
    const missRate = complete ? 0 : group === 3 ? 0.12 : 0.07;
    const values = indicators.map((ind) => {
      const req = ind.requirements[group - 1];
      const miss = random() < missRate;
      if (req === null) return random() < 0.5 ? "Chưa đạt" : null;
      if (req === "Đạt") return miss ? "Chưa đạt" : "Đạt";
      const step = ind.unit === "%" && ind.comparison === "≥" ? Math.min(100 - req, 4) : 5;
      const delta = Math.round((random() * step + 0.5) * 10) / 10;
      if (ind.comparison === "≤")
        return miss ? req + delta : Math.max(0, Math.round((req - delta / 5) * 10) / 10);
      return miss
        ? Math.round((req - delta - 1) * 10) / 10
        : Math.min(ind.unit === "%" ? 100 : Infinity, req + delta);
    });
    // The old communes as the merger sheet lists them (made up, each in one merged commune only).
    const old = sampleOldCommunes(n)
      .map((o) => o.name)
      .join(", ");
    const tier = complete ? (n % 5 === 0 ? "NTM hiện đại" : "đạt chuẩn") : "chưa đạt";
    tiers.push(tier);
    status.addRow([
      n + 1,
      `Xã ${name}`,
      String(31000 + 7 * n),
      group,
      old,
      tier,
      ...values,
      ...types[n],
    ]);
  });
  status.columns.forEach(
    (c, i) => (c.width = i < 6 ? [5, 18, 8, 8, 30, 14][i] : i < 6 + indicators.length ? 7 : 10)
  );
  status.views = [{ state: "frozen", xSplit: 2, ySplit: 3 }];

  // Made-up cost of meeting each indicator in any commune (million VND), for next year's targets.
  const costs = book.addWorksheet("Chi phí chỉ tiêu");
  title(
    costs,
    "Chi phí dự kiến để đạt từng chỉ tiêu (minh họa) / Cost of meeting each indicator (illustrative)"
  );
  styleHeader(costs.addRow(["Chỉ tiêu", "Chi phí (triệu đồng)"]));
  for (const ind of indicators) {
    const cost =
      ind.comparison === "Đạt/Không đạt"
        ? 50 + 10 * Math.floor(random() * 20)
        : 200 + 100 * Math.floor(random() * 28);
    costs.addRow([ind.code, cost]).getCell(2).numFmt = "#,##0";
  }
  costs.columns.forEach((c, i) => (c.width = [12, 22][i]));

  // A province's own allocation coefficients per merged commune, keyed by Mã xã (no districts any more).
  const coefficients = book.addWorksheet("Hệ số phân bổ");
  title(
    coefficients,
    "Hệ số phân bổ vốn cho các xã (minh họa) / Allocation coefficients per commune (illustrative)"
  );
  styleHeader(coefficients.addRow(["TT", "Mã xã", "Tên xã", "Hệ số", "Cách tính (minh họa)"]));
  names.forEach((name, n) => {
    const [zone] = types[n];
    const base = zone === "III" ? 1.5 : zone === "II" ? 1.3 : zone === "I" ? 1.1 : 1;
    const extra = tiers[n] === "chưa đạt" ? 0.2 : 0;
    const how = `${zone ? `khu vực ${zone}` : "xã khác"} ${base}${extra ? " + chưa đạt chuẩn 0,2" : ""}`;
    coefficients.addRow([
      n + 1,
      String(31000 + 7 * n),
      `Xã ${name}`,
      Math.round((base + extra) * 10) / 10,
      how,
    ]);
  });
  coefficients.columns.forEach((c, i) => (c.width = [5, 8, 18, 8, 34][i]));

  const targets = book.addWorksheet("Chỉ tiêu giai đoạn");
  title(
    targets,
    "Chỉ tiêu giai đoạn 2026-2030 của tỉnh (minh họa) / Province targets 2026-2030 (illustrative)"
  );
  styleHeader(targets.addRow(["Chỉ tiêu", "Mục tiêu"]));
  targets.addRow(["Số xã đạt chuẩn nông thôn mới", 65]);
  targets.addRow(["Số xã đạt chuẩn nông thôn mới hiện đại", 10]);
  targets.columns.forEach((c, i) => (c.width = [46, 12][i]));

  addFunding(book);
  addCounterpartBrackets(book);
  addMergerMapping(book, names);
  return book;
}

/**
 * Made-up funding lines, 2026 result and 2027 plan (million VND), in the layout of the provinces' reports (appendix
 * of "kết quả huy động nguồn lực"): level-1 lines in Roman numerals, their parts numbered, sums computed here so the
 * stated totals agree. Local budget is province and commune: there are no districts since 1 July 2025.
 */
export const SAMPLE_2026_FUNDING: {
  label: string;
  parts?: [string, number, number][];
  amounts?: [number, number];
}[] = [
  {
    label: "NGÂN SÁCH TRUNG ƯƠNG",
    parts: [
      ["Đầu tư phát triển", 168000, 181500],
      ["Sự nghiệp", 61200, 66400],
    ],
  },
  {
    label: "NGÂN SÁCH ĐỊA PHƯƠNG",
    parts: [
      ["Tỉnh", 152300, 170800],
      ["Xã", 48700, 52600],
    ],
  },
  { label: "VỐN LỒNG GHÉP", amounts: [612500, 640000] },
  { label: "VỐN TÍN DỤNG", amounts: [905000, 950000] },
  { label: "VỐN DOANH NGHIỆP", amounts: [214600, 230000] },
  {
    label: "HUY ĐỘNG TỪ NGƯỜI DÂN VÀ CỘNG ĐỒNG",
    parts: [
      ["Tiền mặt", 38400, 41000],
      ["Ngày công và hiện vật quy đổi", 97200, 102500],
    ],
  },
];

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

function addFunding(book: ExcelJS.Workbook): void {
  const sheet = book.addWorksheet("Nguồn vốn");
  title(
    sheet,
    "Kết quả huy động nguồn lực thực hiện Chương trình năm 2026 và kế hoạch năm 2027 (triệu đồng, minh họa) / Funding 2026 and plan 2027 (million VND, illustrative)"
  );
  styleHeader(
    sheet.addRow(["STT", "Nội dung chỉ tiêu", "Kết quả huy động năm 2026", "Kế hoạch năm 2027"])
  );
  const lineTotal = (l: (typeof SAMPLE_2026_FUNDING)[number], k: 0 | 1) =>
    l.amounts ? l.amounts[k] : l.parts!.reduce((a, p) => a + (k === 0 ? p[1] : p[2]), 0);
  const total = (k: 0 | 1) => SAMPLE_2026_FUNDING.reduce((a, l) => a + lineTotal(l, k), 0);
  const add = (cells: (string | number | null)[], bold: boolean) => {
    const row = sheet.addRow(cells);
    row.getCell(3).numFmt = "#,##0";
    row.getCell(4).numFmt = "#,##0";
    if (bold) row.font = { bold: true };
  };
  add([null, "TỔNG SỐ", total(0), total(1)], true);
  SAMPLE_2026_FUNDING.forEach((l, i) => {
    add([ROMAN[i], l.label, lineTotal(l, 0), lineTotal(l, 1)], true);
    l.parts?.forEach((p, j) => add([j + 1, p[0], p[1], p[2]], false));
  });
  sheet.columns.forEach((c, i) => (c.width = [6, 40, 18, 18][i]));
}

/**
 * Made-up counterpart brackets for 2026-2030: the minimum ratio of local to central budget by the province's share of
 * central balancing support. Real ratios were not found in the public material (BRIEF §9): the province types its own.
 */
export const SAMPLE_2026_BRACKETS: [number, number, number][] = [
  [0, 50, 1.5],
  [50, 70, 1],
  [70, 100, 0.5],
];

function addCounterpartBrackets(book: ExcelJS.Workbook): void {
  const sheet = book.addWorksheet("Tỷ lệ đối ứng");
  title(
    sheet,
    "Tỷ lệ vốn đối ứng tối thiểu của ngân sách địa phương (minh họa) / Minimum counterpart ratio (illustrative)"
  );
  styleHeader(
    sheet.addRow([
      "Giai đoạn",
      "Cận dưới (%)",
      "Cận trên (%)",
      "Tỷ lệ đối ứng tối thiểu",
      "Ghi chú",
    ])
  );
  for (const [lower, upper, ratio] of SAMPLE_2026_BRACKETS) {
    sheet.addRow([
      "2026-2030",
      lower,
      upper,
      ratio,
      "Minh họa, tự đặt: tỷ lệ hỗ trợ cân đối từ NSTW trong khoảng / illustrative, made up",
    ]);
  }
  sheet.columns.forEach((c, i) => (c.width = [12, 12, 12, 22, 60][i]));
}

/** Made-up names of the old (pre-merger) communes: two syllables, all different, none a merged commune's name. */
const OLD_FIRST = [
  "Đông",
  "Tây",
  "Nam",
  "Bắc",
  "Trung",
  "Thượng",
  "Hạ",
  "Vĩnh",
  "Kim",
  "Ngọc",
  "Quang",
  "Thành",
  "Xuân",
  "Hậu",
];
const OLD_SECOND = [
  "Sơn",
  "Hải",
  "Giang",
  "Điền",
  "Lâm",
  "Khê",
  "Đài",
  "Yên",
  "Cát",
  "Châu",
  "Trà",
  "Vân",
  "Hà",
  "Liên",
  "Mai",
];

/** Old communes of merged commune n: two each, with made-up old codes (29000 + 3k) apart from the new ones. */
export function sampleOldCommunes(n: number): { name: string; code: string }[] {
  return [2 * n, 2 * n + 1].map((k) => ({
    name: `Xã ${OLD_FIRST[k % OLD_FIRST.length]} ${OLD_SECOND[Math.floor(k / OLD_FIRST.length)]}`,
    code: String(29000 + 3 * k),
  }));
}

function addMergerMapping(book: ExcelJS.Workbook, names: string[]): void {
  const sheet = book.addWorksheet("Sáp nhập");
  title(
    sheet,
    "Sáp nhập xã từ 01/07/2025: xã cũ → xã mới (minh họa) / Communes merged on 1 July 2025 (illustrative)"
  );
  styleHeader(sheet.addRow(["Xã cũ", "Mã xã cũ", "Xã mới", "Mã xã mới", "Ngày hiệu lực"]));
  names.forEach((name, n) => {
    for (const old of sampleOldCommunes(n)) {
      sheet.addRow([old.name, old.code, `Xã ${name}`, String(31000 + 7 * n), "01/07/2025"]);
    }
  });
  sheet.columns.forEach((c, i) => (c.width = [18, 10, 18, 10, 14][i]));
}

export async function writeSample2026(): Promise<void> {
  const book = await buildSample2026();
  await fs.mkdir(path.dirname(SAMPLE_2026_PATH), { recursive: true });
  await book.xlsx.writeFile(SAMPLE_2026_PATH);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), SAMPLE_2026_PATH)}\n`);
}

if (require.main === module) {
  writeSample2026().catch((e) => {
    process.stderr.write(String(e) + "\n");
    process.exitCode = 1;
  });
}
