// Blank input templates the user can insert: Vietnamese headers the readers recognise, one sheet each.

import { MODE_WORDS, POLICY_PRESETS, type PolicyPreset } from "../engine/allocation";
import type { Catalogue, Indicator } from "../engine/types";
import type { CellValue } from "./grid";
import {
  both,
  COMMUNE_FORM_TITLE,
  FORM_COLUMNS,
  FORM_FIELDS,
  FORM_MONEY_SOURCES,
  sourceLabel,
  type FormField,
} from "./layout/commune-form";
import type { OutputSheet } from "./output";
import { MODERN_COLUMN } from "./readers/modern-column";
import { FORMATS } from "./output";

/** One indicator code per criterion of the 2026-2030 set, to show how indicator columns are headed. */
const STATUS_2026_EXAMPLE_CODES = Array.from({ length: 10 }, (_, k) => `${k + 1}.1`);

export interface TemplateDefinition {
  id:
    | "communes"
    | "costs"
    | "budget"
    | "brackets"
    | "coefficients"
    | "catalogue"
    | "status2026"
    | "indicators"
    | "allocation-policy"
    | "allocation-policy-qd-07-2022"
    | "indicator-costs"
    | "merge"
    | "money";
  sheet: string;
  label: { vi: string; en: string };
  columns: { header: string; format?: string }[];
  /** An example row so that the user sees the expected spelling. */
  example: (string | number | null)[];
  /** Several rows instead of the one example (a policy preset copied to be edited). */
  rows?: CellValue[][];
}

/** An allocation policy preset as an editable sheet: every rule row keeps its source and the check note. */
function policyTemplate(
  id: TemplateDefinition["id"],
  sheet: string,
  preset: PolicyPreset
): TemplateDefinition {
  const rows = preset.rows.map((r) => [
    r.condition,
    r.coefficient,
    MODE_WORDS[r.mode],
    r.source ?? null,
    r.note ?? null,
  ]);
  return {
    id,
    sheet,
    label: {
      vi: `Chính sách phân bổ giai đoạn ${preset.period}: ${preset.title.vi} — bản sao để sửa`,
      en: `Allocation policy for ${preset.period}: ${preset.title.en} — a copy to edit`,
    },
    columns: [
      { header: "Điều kiện" },
      { header: "Hệ số", format: FORMATS.coefficient },
      { header: "Cách tính" },
      { header: "Căn cứ" },
      { header: "Ghi chú" },
    ],
    example: rows[0],
    rows,
  };
}

const EXAMPLE_BRACKET_NOTE =
  "Ví dụ 1:1 — nhập các khoảng theo quyết định hiện hành / example 1:1 — type in the brackets of the decision in force";

const preset = (id: PolicyPreset["id"]) => POLICY_PRESETS.find((p) => p.id === id)!;

export const TEMPLATES: TemplateDefinition[] = [
  {
    id: "communes",
    sheet: "Mau_Xa",
    label: { vi: "Danh sách xã và tiêu chí đạt", en: "Communes and criteria met" },
    columns: [
      { header: "TT" },
      { header: "Tên xã" },
      { header: "Huyện" },
      { header: "Mã xã" },
      { header: "Số tiêu chí đạt", format: FORMATS.count },
      { header: "Tiêu chí đạt" },
      { header: "Trạng thái" },
      { header: "Đăng ký đạt chuẩn" },
      { header: "Xã ĐBKK" },
    ],
    example: [
      1,
      "Thanh Thới An",
      "Trần Đề",
      null,
      16,
      "1,2,3,4,5,7,8,9,12,13,14,15,16,17,18,19",
      "chưa đạt",
      2024,
      null,
    ],
  },
  {
    id: "costs",
    sheet: "Mau_ChiPhi",
    label: { vi: "Chi phí đạt từng tiêu chí", en: "Cost of meeting each criterion" },
    columns: [
      { header: "Tên xã" },
      { header: "Tiêu chí" },
      { header: "Chi phí", format: FORMATS.money },
    ],
    example: [null, 2, 5000],
  },
  {
    id: "budget",
    sheet: "Mau_NguonVon",
    label: { vi: "Nguồn vốn huy động", en: "Funding mobilised by source" },
    columns: [
      { header: "Năm" },
      { header: "Nguồn vốn" },
      { header: "Kế hoạch/Thực hiện" },
      { header: "Số tiền", format: FORMATS.money },
      { header: "Cấp" },
    ],
    example: [2023, "Ngân sách trung ương - Đầu tư phát triển", "Thực hiện", 191652, "Tỉnh"],
  },
  {
    id: "brackets",
    sheet: "Mau_DoiUng",
    label: {
      vi: "Bảng tỷ lệ vốn đối ứng theo giai đoạn",
      en: "Counterpart ratio brackets per period",
    },
    columns: [
      { header: "Giai đoạn" },
      { header: "Cận dưới (%)", format: FORMATS.average },
      { header: "Cận trên (%)", format: FORMATS.average },
      { header: "Tỷ lệ đối ứng tối thiểu", format: FORMATS.ratio },
      { header: "Ghi chú" },
    ],
    example: ["2021-2025", 0, 100, 1, EXAMPLE_BRACKET_NOTE],
    // One row a period: the province's 1:1 until the decision's brackets are typed in over it.
    rows: [
      ["2021-2025", 0, 100, 1, EXAMPLE_BRACKET_NOTE],
      ["2026-2030", 0, 100, 1, EXAMPLE_BRACKET_NOTE],
    ],
  },
  {
    id: "coefficients",
    sheet: "Mau_HeSo",
    label: { vi: "Hệ số phân bổ", en: "Allocation coefficients" },
    columns: [{ header: "Đơn vị" }, { header: "Hệ số", format: FORMATS.coefficient }],
    example: ["Huyện Kế Sách", 1.5],
  },
  {
    id: "catalogue",
    sheet: "Mau_DanhMuc",
    label: { vi: "Bộ tiêu chí", en: "Criteria catalogue" },
    columns: [
      { header: "Giai đoạn" },
      { header: "Số TT" },
      { header: "Tên tiêu chí" },
      { header: "Tên tiếng Anh" },
      { header: "Nhóm" },
    ],
    example: ["2026-2030", 1, "Quy hoạch", "Planning", "I"],
  },
  {
    // Decision 51/2025/QĐ-TTg: one column per indicator (47), numbered within its criterion. The codes below are one
    // per criterion to show the spelling; the sheet needs a column for every indicator of the policy sheet.
    id: "status2026",
    sheet: "Mau_Xa_2026",
    label: {
      vi: "Xã và chỉ tiêu đạt, giai đoạn 2026-2030 (một cột mỗi chỉ tiêu)",
      en: "Communes and indicators, 2026-2030 (one column per indicator)",
    },
    columns: [
      { header: "TT" },
      { header: "Tên xã" },
      { header: "Mã xã", format: FORMATS.text },
      { header: "Nhóm xã" },
      { header: "Huyện (cũ)" },
      { header: "Trạng thái" },
      ...STATUS_2026_EXAMPLE_CODES.map((code) => ({ header: code })),
    ],
    example: [
      1,
      "Xã Ví Dụ",
      "31000",
      2,
      null,
      "chưa đạt",
      ...STATUS_2026_EXAMPLE_CODES.map(() => "x"),
    ],
  },
  {
    // The thresholds are the province's, from its decision: the template ships none (the example row is a form to
    // fill in, read as an error until it is).
    id: "indicators",
    sheet: "Mau_ChiTieu_NhomXa",
    label: {
      vi: "Chỉ tiêu và yêu cầu theo nhóm xã (2026-2030)",
      en: "Indicators and requirements per commune group (2026-2030)",
    },
    columns: [
      { header: "Mã chỉ tiêu", format: FORMATS.text },
      { header: "Tiêu chí" },
      { header: "Tên chỉ tiêu" },
      { header: "Tên tiếng Anh" },
      { header: "Nhóm 1" },
      { header: "Nhóm 2" },
      { header: "Nhóm 3" },
      // The modern tier's requirement beside the groups' (MODERN_COLUMN): blank, none of its own.
      { header: MODERN_COLUMN.header },
      { header: "Đơn vị" },
      { header: "So sánh" },
      { header: "Nguồn" },
    ],
    example: [
      "2.1",
      2,
      "Tên chỉ tiêu theo bộ tiêu chí của tỉnh",
      null,
      "≥ (ngưỡng nhóm 1)",
      "≥ (ngưỡng nhóm 2)",
      "không áp dụng",
      "≥ (ngưỡng xã NTM hiện đại, mọi nhóm; để trống: như nhóm của xã)",
      "%",
      "≥",
      "Số, ngày quyết định của tỉnh",
    ],
  },
  policyTemplate("allocation-policy", "Mau_CS_2026_2030", preset("2026-2030")),
  policyTemplate("allocation-policy-qd-07-2022", "Mau_CS_QD07_2022", preset("qd-07-2022")),
  {
    id: "indicator-costs",
    sheet: "Mau_ChiPhi_ChiTieu",
    label: {
      vi: "Chi phí đạt từng chỉ tiêu (2026-2030)",
      en: "Cost of meeting each indicator (2026-2030)",
    },
    columns: [
      { header: "Mã xã", format: FORMATS.text },
      { header: "Tên xã" },
      { header: "Chỉ tiêu", format: FORMATS.text },
      { header: "Chi phí", format: FORMATS.money },
    ],
    // Empty commune: the indicator's default cost for every commune.
    example: [null, null, "2.1", 1500],
  },
  {
    id: "merge",
    sheet: "Mau_SapNhap",
    label: { vi: "Sáp nhập xã (xã cũ → xã mới)", en: "Merged communes (old → new)" },
    columns: [
      { header: "Xã cũ" },
      { header: "Mã xã cũ", format: FORMATS.text },
      { header: "Xã mới" },
      { header: "Mã xã mới", format: FORMATS.text },
      { header: "Ngày hiệu lực", format: FORMATS.text },
    ],
    example: [
      "Ví dụ: Xã A (cũ) / example: old commune A",
      null,
      "Ví dụ: Xã B (mới) / example: new commune B",
      null,
      "01/07/2025",
    ],
  },
  {
    id: "money",
    sheet: "Mau_KinhPhi_Xa",
    label: { vi: "Kinh phí theo xã (trước sáp nhập)", en: "Money by commune (before the merger)" },
    columns: [
      { header: "Tên xã" },
      { header: "Mã xã", format: FORMATS.text },
      { header: "Năm 2024", format: FORMATS.money },
      { header: "Năm 2025", format: FORMATS.money },
    ],
    example: ["Ví dụ: Xã A (cũ) / example: old commune A", null, 1200, 1500],
  },
];

/**
 * A template as a sheet the add-in writes (its own sheet, never a user's). The 2026-2030 status template takes the
 * indicator codes of the user's policy sheet when given, one column each.
 */
export function templateSheet(
  id: TemplateDefinition["id"],
  options: { indicatorCodes?: string[] } = {}
): OutputSheet {
  const found = TEMPLATES.find((x) => x.id === id);
  if (!found) throw new Error(`Unknown template ${id}`);
  const codes = options.indicatorCodes;
  const t =
    id === "status2026" && codes && codes.length > 0
      ? {
          ...found,
          columns: [...found.columns.slice(0, 6), ...codes.map((code) => ({ header: code }))],
          example: [...found.example.slice(0, 6), ...codes.map(() => "x")],
        }
      : found;
  return {
    sheet: t.sheet,
    tables: [
      {
        name: `NTM_${t.sheet}`,
        readBack: true,
        title: `${t.label.vi} / ${t.label.en}`,
        columns: t.columns,
        rows: t.rows ?? [t.example],
      },
    ],
  };
}

/** The sheet the commune report form is written to. */
export const COMMUNE_FORM_SHEET = "Bieu_Xa_TuDanhGia";

/**
 * The commune report form: the commune's fields, then one row per indicator of the province's policy (2026-2030,
 * `indicators` given: the catalogue ships no indicator names) or per criterion of the catalogue (earlier sets), then
 * optional money lines by source. Vietnamese, with English in the headers.
 */
export function communeFormSheet(options: {
  catalogue: Catalogue;
  indicators?: Indicator[];
}): OutputSheet {
  const { catalogue } = options;
  const byIndicator = (options.indicators?.length ?? 0) > 0;
  const fields: FormField[] = byIndicator
    ? ["name", "code", "group", "district", "period", "year"]
    : ["name", "code", "district", "period", "year"];
  const fieldRows: CellValue[][] = fields.map((f) => [
    both(FORM_FIELDS[f].label),
    f === "period" ? catalogue.id : null,
  ]);
  const items = byIndicator
    ? {
        name: "NTM_BieuXa_ChiTieu",
        readBack: true,
        title: "Kết quả theo chỉ tiêu / Result per indicator",
        columns: [
          { header: both(FORM_COLUMNS.indicatorCode), format: FORMATS.text },
          { header: both(FORM_COLUMNS.indicatorName) },
          { header: both(FORM_COLUMNS.value) },
          { header: both(FORM_COLUMNS.unit) },
          { header: both(FORM_COLUMNS.note) },
        ],
        rows: options.indicators!.map((i) => [i.code, i.vi, null, i.unit ?? null, null]),
      }
    : {
        name: "NTM_BieuXa_TieuChi",
        readBack: true,
        title: "Kết quả theo tiêu chí / Result per criterion",
        columns: [
          { header: both(FORM_COLUMNS.criterionNumber), format: FORMATS.count },
          { header: both(FORM_COLUMNS.criterionName) },
          { header: both(FORM_COLUMNS.mark) },
          { header: both(FORM_COLUMNS.note) },
        ],
        rows: catalogue.criteria.map((c) => [c.number, c.vi, null, null]),
      };
  return {
    sheet: COMMUNE_FORM_SHEET,
    // A form read top to bottom (readers/commune-form.ts): its tables stay one under another.
    stacked: true,
    tables: [
      {
        name: "NTM_BieuXa_ThongTin",
        readBack: true,
        title: `${COMMUNE_FORM_TITLE.vi} / ${COMMUNE_FORM_TITLE.en}`,
        columns: [
          { header: "Thông tin / Item" },
          { header: "Nội dung / Entry", format: FORMATS.text },
        ],
        rows: fieldRows,
      },
      items,
      {
        name: "NTM_BieuXa_KinhPhi",
        readBack: true,
        title: "Kinh phí huy động theo nguồn, nếu có / Money raised by source, if any",
        columns: [
          { header: both(FORM_COLUMNS.source) },
          { header: both(FORM_COLUMNS.amount), format: FORMATS.money },
          { header: both(FORM_COLUMNS.note) },
        ],
        rows: FORM_MONEY_SOURCES.map((s) => [sourceLabel(s).vi, null, null]),
        unit: "ĐVT: triệu đồng",
      },
    ],
  };
}
