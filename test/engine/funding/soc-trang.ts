// The Sóc Trăng 2023 funding table (appendix III of the 2023 report) as engine data, for engine tests.

import type { BudgetLine, BudgetTable, SourceCategory } from "../../../src/engine/funding";

type Row = [
  label: string,
  category: SourceCategory,
  level: number,
  actual2023: number,
  plan2024: number,
];

const ROWS: Row[] = [
  ["TỔNG SỐ", "total", 0, 3602312, 3951450],
  ["NGÂN SÁCH TRUNG ƯƠNG", "central", 1, 223534, 200334],
  ["Đầu tư phát triển", "central-investment", 2, 191652, 169946],
  ["Sự nghiệp", "central-recurrent", 2, 31882, 30388],
  ["NGÂN SÁCH ĐỊA PHƯƠNG", "local", 1, 54351, 210713],
  ["Tỉnh", "local-province", 2, 29964, 185253],
  ["Huyện", "local-district", 2, 24387, 25460],
  ["VỐN LỒNG GHÉP", "integrated", 1, 1379545, 1517500],
  ["VỐN TÍN DỤNG", "credit", 1, 1429056, 1471928],
  ["VỐN DOANH NGHIỆP", "enterprises", 1, 328664, 345097],
  ["HUY ĐỘNG TỪ NGƯỜI DÂN VÀ CỘNG ĐỒNG", "people", 1, 187162, 205878],
  ["Tiền mặt", "people-cash", 2, 42476, 46724],
  ["Ngày công và hiện vật quy đổi", "people-labour", 2, 144686, 159155],
];

/** The table with parents linked by level; `edit` may change amounts to build mismatches. */
export function socTrangTable(edit?: (rows: Row[]) => void): BudgetTable {
  const rows = ROWS.map((r) => [...r] as Row);
  edit?.(rows);
  const lines: BudgetLine[] = [];
  let lastTop: number | null = null;
  for (const [label, category, level, a, b] of rows) {
    const parent = level === 2 ? lastTop : null;
    lines.push({ label, category, level, parent, amounts: [a, b] });
    if (level === 1) lastTop = lines.length - 1;
  }
  return { sheet: "Nguồn vốn", columns: ["Kết quả huy động năm 2023", "Kế hoạch năm 2024"], lines };
}
