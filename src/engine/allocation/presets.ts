// Allocation policies as reported from the central decisions, shipped as editable presets. Every row names its
// decision and says it must be checked against the text in force: the values come from public reports, not from
// the legal texts, and a preset is never applied without being named in the result.

import type { Bilingual } from "../errors";
import { policyFromRows, type AllocationPolicy, type PolicyRow } from "./policy";

export const CHECK_NOTE = "Cần đối chiếu văn bản hiện hành / to check against the text in force";

const QD_07 = "QĐ 07/2022/QĐ-TTg (2021-2025, theo báo cáo / as reported)";
const QD_16 = "QĐ 16/2026/QĐ-TTg (2026-2030, theo báo cáo / as reported)";

export interface PolicyPreset {
  id: "qd-07-2022" | "qd-16-2026";
  title: Bilingual;
  period: string;
  caution: Bilingual;
  rows: PolicyRow[];
}

export const POLICY_PRESETS: PolicyPreset[] = [
  {
    id: "qd-07-2022",
    title: {
      vi: "Hệ số theo số tiêu chí đạt (QĐ 07/2022/QĐ-TTg)",
      en: "Coefficients by criteria met (Decision 07/2022/QĐ-TTg)",
    },
    period: "2021-2025",
    caution: {
      vi: "Giá trị theo báo cáo, chưa đối chiếu văn bản; xã ĐBKK được tính riêng theo quyết định, không có trong bảng này",
      en: "Values as reported, not checked against the text; especially difficult communes are counted separately by the decision and are not in this table",
    },
    rows: [
      {
        condition: "Dưới 15 tiêu chí",
        coefficient: 5,
        mode: "highest",
        source: QD_07,
        note: CHECK_NOTE,
      },
      {
        condition: "ATK và chưa đạt chuẩn",
        coefficient: 5,
        mode: "highest",
        source: QD_07,
        note: CHECK_NOTE,
      },
      {
        condition: "Từ 15 tiêu chí trở lên và chưa đạt chuẩn",
        coefficient: 3,
        mode: "highest",
        source: QD_07,
        note: `15-18 tiêu chí / 15-18 criteria. ${CHECK_NOTE}`,
      },
      {
        condition: "Đã đạt chuẩn",
        coefficient: 1,
        mode: "highest",
        source: QD_07,
        note: CHECK_NOTE,
      },
    ],
  },
  {
    id: "qd-16-2026",
    title: {
      vi: "Hệ số theo loại xã, lấy mức cao nhất (QĐ 16/2026/QĐ-TTg)",
      en: "Coefficients by commune type, the highest applies (Decision 16/2026/QĐ-TTg)",
    },
    period: "2026-2030",
    caution: {
      vi: "Giá trị theo báo cáo, chưa đối chiếu văn bản; thôn ĐBKK được cộng thêm 1 cho mỗi thôn (cách hiểu, cần đối chiếu)",
      en: "Values as reported, not checked against the text; especially difficult villages add 1 each (our reading, to check)",
    },
    rows: [
      {
        condition: "Khu vực III",
        coefficient: 50,
        mode: "highest",
        source: QD_16,
        note: CHECK_NOTE,
      },
      { condition: "ATK", coefficient: 50, mode: "highest", source: QD_16, note: CHECK_NOTE },
      { condition: "Biên giới", coefficient: 50, mode: "highest", source: QD_16, note: CHECK_NOTE },
      { condition: "Hải đảo", coefficient: 50, mode: "highest", source: QD_16, note: CHECK_NOTE },
      { condition: "Đặc khu", coefficient: 50, mode: "highest", source: QD_16, note: CHECK_NOTE },
      {
        condition: "Khu vực II",
        coefficient: 40,
        mode: "highest",
        source: QD_16,
        note: CHECK_NOTE,
      },
      { condition: "Khu vực I", coefficient: 30, mode: "highest", source: QD_16, note: CHECK_NOTE },
      {
        condition: "Các xã còn lại",
        coefficient: 25,
        mode: "highest",
        source: QD_16,
        note: CHECK_NOTE,
      },
      {
        condition: "Mỗi thôn ĐBKK",
        coefficient: 1,
        mode: "add",
        source: QD_16,
        note: `Cộng thêm cho mỗi thôn (cách hiểu) / added per village (our reading). ${CHECK_NOTE}`,
      },
    ],
  },
];

export function isPresetId(id: string): id is PolicyPreset["id"] {
  return POLICY_PRESETS.some((p) => p.id === id.trim().toLowerCase());
}

/** A preset as a policy; the result always names it and carries its caution. */
export function presetPolicy(id: PolicyPreset["id"]): AllocationPolicy {
  const preset = POLICY_PRESETS.find((p) => p.id === id.trim().toLowerCase());
  if (!preset) throw new Error(`Unknown policy preset ${id}`);
  return policyFromRows(preset.rows, {
    id: preset.id,
    title: preset.title,
    period: preset.period,
    preset: true,
    caution: preset.caution,
  });
}
