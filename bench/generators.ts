// Deterministic synthetic provinces and a whole country: commune status, costs of missing criteria, budget lines,
// and the input sheets (as grids of cell values) in each shape the readers accept.

import { labelKey } from "../src/engine/text";
import type { CellValue } from "../src/workbook/grid";
import { Prng } from "./prng";

export const CRITERIA = Array.from({ length: 19 }, (_, i) => i + 1);

export interface SyntheticCommune {
  code: string;
  name: string;
  district: string;
  /** Criteria met, ascending. */
  achieved: number[];
  /** Year registered to reach the standard, or null. */
  registeredYear: number | null;
  especiallyDifficult: boolean;
}

/** Estimated cost (million VND) of meeting one missing criterion in one commune. */
export interface SyntheticCost {
  code: string;
  name: string;
  district: string;
  criterion: number;
  cost: number;
}

/** One line of a funding table in the template layout (year, source, plan/actual, amount). */
export interface SyntheticBudgetLine {
  year: number;
  source: string;
  kind: "Kế hoạch" | "Thực hiện";
  amount: number;
}

export interface SyntheticRegion {
  seed: string;
  profile: Profile;
  communes: SyntheticCommune[];
  costs: SyntheticCost[];
  /** Annual budget for next year's targets: 30% of the cost of every missing criterion (brief §4). */
  annualBudget: number;
  /** Cap on criteria gained per commune per year. */
  cap: number;
  budgetLines: SyntheticBudgetLine[];
}

/**
 * "planning": every commune misses 1-5 criteria, costs 1-20 units (× 500 million), cap 3, budget 30% of all needs —
 * the random provinces of the HiGHS experiment in the domain brief §4, so figures compare with it.
 * "status": a country-like spread for summaries: about 72% of communes at 19, the others from 2 to 18.
 */
export type Profile = "planning" | "status";

export interface RegionOptions {
  seed: string;
  communes: number;
  profile: Profile;
}

export const COST_UNIT = 500;
const PLANNING_CAP = 3;
const BUDGET_SHARE = 0.3;

const SYLLABLES = [
  "An",
  "Bình",
  "Châu",
  "Đông",
  "Định",
  "Giang",
  "Hòa",
  "Hưng",
  "Hiệp",
  "Khánh",
  "Long",
  "Lộc",
  "Lợi",
  "Mỹ",
  "Nam",
  "Ninh",
  "Phú",
  "Phước",
  "Quới",
  "Sơn",
  "Tài",
  "Tân",
  "Tây",
  "Thạnh",
  "Thành",
  "Thới",
  "Thuận",
  "Trung",
  "Văn",
  "Vĩnh",
  "Xuân",
  "Yên",
];

const BUDGET_SOURCES: { source: string; share: number }[] = [
  { source: "Ngân sách trung ương - Đầu tư phát triển", share: 0.0532 },
  { source: "Ngân sách trung ương - Sự nghiệp", share: 0.0089 },
  { source: "Ngân sách địa phương - Tỉnh", share: 0.0083 },
  { source: "Ngân sách địa phương - Huyện", share: 0.0068 },
  { source: "Vốn lồng ghép", share: 0.383 },
  { source: "Vốn tín dụng", share: 0.3967 },
  { source: "Vốn doanh nghiệp", share: 0.0912 },
  { source: "Người dân và cộng đồng - Tiền mặt", share: 0.0118 },
  { source: "Người dân và cộng đồng - Ngày công, hiện vật", share: 0.0402 },
];

function placeName(rng: Prng): string {
  return `${rng.pick(SYLLABLES)} ${rng.pick(SYLLABLES)}`;
}

/**
 * Unique names: a repeated draw gets a number ("Tân Hưng 2"). Names are kept unique even without diacritics, so a
 * costs sheet typed without them still finds each commune (the costs reader refuses a name that fits two).
 */
function uniqueName(base: string, seen: Map<string, number>): string {
  const key = labelKey(base);
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  return n === 1 ? base : `${base} ${n}`;
}

function missingCount(rng: Prng, profile: Profile): number {
  if (profile === "planning") return rng.int(1, 5);
  const u = rng.next();
  if (u < 0.72) return 0;
  if (u < 0.9) return rng.int(1, 4); // 15-18
  if (u < 0.97) return rng.int(5, 9); // 10-14
  if (u < 0.995) return rng.int(10, 14); // 5-9
  return rng.int(15, 17); // under 5
}

export function generateRegion(options: RegionOptions): SyntheticRegion {
  const rng = new Prng(`${options.seed}/${options.profile}/${options.communes}`);
  const perDistrict = 14;
  const districtNames = new Map<string, number>();
  const communeNames = new Map<string, number>();
  const communes: SyntheticCommune[] = [];
  const costs: SyntheticCost[] = [];
  let district = "";
  for (let i = 0; i < options.communes; i++) {
    if (i % perDistrict === 0) district = uniqueName(placeName(rng), districtNames);
    const missing = new Set(rng.sample(CRITERIA, missingCount(rng, options.profile)));
    const commune: SyntheticCommune = {
      code: `X${String(i + 1).padStart(5, "0")}`,
      name: uniqueName(placeName(rng), communeNames),
      district,
      achieved: CRITERIA.filter((c) => !missing.has(c)),
      registeredYear: missing.size > 0 && missing.size <= 3 && rng.chance(0.3) ? 2026 : null,
      especiallyDifficult: rng.chance(0.12),
    };
    communes.push(commune);
    for (const criterion of [...missing].sort((a, b) => a - b)) {
      costs.push({
        code: commune.code,
        name: commune.name,
        district,
        criterion,
        cost: rng.int(1, 20) * COST_UNIT,
      });
    }
  }
  const needs = costs.reduce((s, c) => s + c.cost, 0);
  const annualBudget = Math.round(needs * BUDGET_SHARE);
  const total = options.communes * 45000; // about 3.6 trillion VND for Sóc Trăng's 80 communes
  const budgetLines: SyntheticBudgetLine[] = [];
  for (const [year, kind, scale] of [
    [2025, "Thực hiện", 1],
    [2026, "Kế hoạch", 1.1],
  ] as const) {
    for (const { source, share } of BUDGET_SOURCES) {
      budgetLines.push({
        year,
        source,
        kind,
        amount: Math.round(total * scale * share * (0.9 + 0.2 * rng.next())),
      });
    }
  }
  return {
    seed: options.seed,
    profile: options.profile,
    communes,
    costs,
    annualBudget,
    cap: PLANNING_CAP,
    budgetLines,
  };
}

export type StatusShape = "list" | "marks" | "count";
export const STATUS_SHAPES: StatusShape[] = ["list", "marks", "count"];

const MET_MARKS: CellValue[] = ["x", "X", "✓", 1, "Đạt", "đạt", true];
const UNMET_MARKS: CellValue[] = [null, 0, "-", "Chưa đạt"];

/** "1-5, 7,8" style: runs of three or more become ranges, separators vary as in typed reports. */
export function formatCriteriaList(achieved: number[], rng: Prng): string {
  const parts: string[] = [];
  for (let i = 0; i < achieved.length;) {
    let j = i;
    while (j + 1 < achieved.length && achieved[j + 1] === achieved[j] + 1) j++;
    if (j - i >= 2 && rng.chance(0.5)) {
      parts.push(`${achieved[i]}-${achieved[j]}`);
    } else {
      for (let k = i; k <= j; k++) parts.push(String(achieved[k]));
    }
    i = j + 1;
  }
  return parts.join(rng.chance(0.5) ? "," : ", ");
}

/**
 * The commune sheet as a user would paste it: a title row and a blank row above the header, Vietnamese headers,
 * then one row per commune. `shape` chooses how status is given (brief §3).
 */
export function communesGrid(region: SyntheticRegion, shape: StatusShape): CellValue[][] {
  const rng = new Prng(`${region.seed}/grid/${shape}/${region.communes.length}`);
  const head = ["TT", "Tên xã", "Huyện", "Mã xã"];
  const tail = ["Đăng ký đạt chuẩn", "Xã ĐBKK"];
  const statusHeaders =
    shape === "list"
      ? ["Tiêu chí đạt"]
      : shape === "count"
        ? ["Số tiêu chí đạt"]
        : CRITERIA.map((c) => `TC${c}`);
  const header = [...head, ...statusHeaders, ...tail];
  const rows: CellValue[][] = [
    [
      "DANH SÁCH XÃ VÀ TIÊU CHÍ NÔNG THÔN MỚI ĐẠT (dữ liệu tổng hợp)",
      ...header.slice(1).map(() => null),
    ],
    header.map(() => null),
    header,
  ];
  region.communes.forEach((c, i) => {
    const status: CellValue[] =
      shape === "list"
        ? [formatCriteriaList(c.achieved, rng)]
        : shape === "count"
          ? [c.achieved.length]
          : CRITERIA.map((k) =>
              c.achieved.includes(k) ? rng.pick(MET_MARKS) : rng.pick(UNMET_MARKS)
            );
    rows.push([
      i + 1,
      c.name,
      c.district,
      c.code,
      ...status,
      c.registeredYear,
      c.especiallyDifficult ? "x" : null,
    ]);
  });
  return rows;
}

/** The cost sheet: one row per missing (commune, criterion), in million VND. */
export function costsGrid(region: SyntheticRegion): CellValue[][] {
  const rows: CellValue[][] = [["Tên xã", "Huyện", "Mã xã", "Tiêu chí", "Chi phí (triệu đồng)"]];
  for (const c of region.costs) rows.push([c.name, c.district, c.code, c.criterion, c.cost]);
  return rows;
}

/**
 * The cost sheet as an office keeps it: the same rows with a running number, the province, what each line pays for
 * and a note (nine columns). 130,000 rows make 58 MB of sheet XML, past the 50 MB per part the zip guard once took.
 */
export function officeCostsGrid(
  region: SyntheticRegion,
  province = "Tỉnh Sóc Trăng"
): CellValue[][] {
  const rows: CellValue[][] = [
    [
      "STT",
      "Tỉnh",
      "Huyện",
      "Tên xã",
      "Mã xã",
      "Tiêu chí",
      "Nội dung",
      "Chi phí (triệu đồng)",
      "Ghi chú",
    ],
  ];
  region.costs.forEach((c, i) =>
    rows.push([
      i + 1,
      province,
      c.district,
      c.name,
      c.code,
      c.criterion,
      `Đầu tư đạt tiêu chí số ${c.criterion}`,
      c.cost,
      "Ngân sách tỉnh",
    ])
  );
  return rows;
}

/** The funding sheet in the template layout. */
export function budgetGrid(region: SyntheticRegion): CellValue[][] {
  const rows: CellValue[][] = [["Năm", "Nguồn vốn", "Kế hoạch/Thực hiện", "Số tiền"]];
  for (const l of region.budgetLines) rows.push([l.year, l.source, l.kind, l.amount]);
  return rows;
}

/** The sizes the benchmark uses: a province, a large province, the whole country. */
export const PLAN_SIZES = [200, 2000, 10000];
export const COUNTRY_SIZE = 10000;
