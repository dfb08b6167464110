// Allocation policies as reported, shipped as editable presets. Every row names its basis and says it must be
// checked: the values come from public reports, not from the legal texts, and a preset is never applied without
// being named in the result. A legal text is cited by number only when it is confirmed (domain brief §10): the
// 2026-2030 rule is known only from press reports of a draft, so it is named by its period and its subject.

import type { Bilingual } from "../errors";
import { policyFromRows, type AllocationPolicy, type PolicyRow } from "./policy";

export const CHECK_NOTE = "Cần đối chiếu văn bản hiện hành / to check against the text in force";

const QD_07 =
  "QĐ 07/2022/QĐ-TTg (2021-2025), các mức theo tỉnh áp dụng cho xã / the decision's province bands applied to communes";

/** The 2026-2030 allocation rule as the product may name it: by its subject, never by a number (brief §10). */
export const RULE_2026_2030: Bilingual = {
  vi: "Quy định phân bổ vốn ngân sách trung ương giai đoạn 2026-2030 (theo thông tin về dự thảo, cần đối chiếu văn bản ban hành)",
  en: "The 2026-2030 rule on allocating central funds (from reports of the draft, to check against the text issued)",
};
const RULE_2026 = `${RULE_2026_2030.vi} / ${RULE_2026_2030.en}`;

export type PresetId = "qd-07-2022" | "2026-2030";

export interface PolicyPreset {
  id: PresetId;
  title: Bilingual;
  period: string;
  caution: Bilingual;
  rows: PolicyRow[];
}

/** Old preset ids still accepted, each with the id it stands for and why it was renamed. */
export const DEPRECATED_PRESETS: Record<string, { id: PresetId; why: Bilingual }> = {
  "qd-16-2026": {
    id: "2026-2030",
    why: {
      vi: 'Tên "qd-16-2026" đã bỏ: không có nguồn nào xác nhận số quyết định này; dùng "2026-2030" (quy định phân bổ vốn giai đoạn 2026-2030 theo thông tin về dự thảo, cần đối chiếu văn bản ban hành)',
      en: 'The name "qd-16-2026" is withdrawn: no source confirms that decision number; use "2026-2030" (the 2026-2030 allocation rule from reports of the draft, to check against the text issued)',
    },
  },
};

export const POLICY_PRESETS: PolicyPreset[] = [
  {
    id: "qd-07-2022",
    title: {
      vi: "Hệ số theo số tiêu chí đạt: các mức của QĐ 07/2022/QĐ-TTg áp dụng cho xã",
      en: "Coefficients by criteria met: the bands of Decision 07/2022/QĐ-TTg applied to communes",
    },
    period: "2021-2025",
    caution: {
      vi: "Các mức 5 / 3 / 1 của quyết định dùng để phân bổ giữa các tỉnh (đếm xã của mỗi tỉnh); áp dụng cho từng xã là cách nhiều HĐND tỉnh đã làm, không phải quy định của chính quyết định. Giá trị theo báo cáo, chưa đối chiếu văn bản; xã ĐBKK được tính riêng theo quyết định, không có trong bảng này",
      en: "The decision's 5 / 3 / 1 bands weigh provinces (counting each province's communes); applying them to each commune is what many provincial councils did, not the decision's own rule. Values as reported, not checked against the text; especially difficult communes are counted separately by the decision and are not in this table",
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
    id: "2026-2030",
    title: {
      vi: "Hệ số theo loại xã, lấy mức cao nhất (quy định phân bổ vốn giai đoạn 2026-2030, theo thông tin về dự thảo)",
      en: "Coefficients by commune type, the highest applies (the 2026-2030 allocation rule, from reports of the draft)",
    },
    period: "2026-2030",
    caution: {
      vi: "Theo thông tin về dự thảo quyết định về nguyên tắc, tiêu chí, định mức phân bổ vốn ngân sách trung ương và tỷ lệ vốn đối ứng (báo chí), cần đối chiếu văn bản ban hành; thôn ĐBKK được cộng thêm 1 cho mỗi thôn (cách hiểu, cần đối chiếu)",
      en: "From press reports of the draft decision on the principles, criteria and norms for allocating central funds and the counterpart ratio, to check against the text issued; especially difficult villages add 1 each (our reading, to check)",
    },
    rows: [
      {
        condition: "Khu vực III",
        coefficient: 50,
        mode: "highest",
        source: RULE_2026,
        note: CHECK_NOTE,
      },
      { condition: "ATK", coefficient: 50, mode: "highest", source: RULE_2026, note: CHECK_NOTE },
      {
        condition: "Biên giới",
        coefficient: 50,
        mode: "highest",
        source: RULE_2026,
        note: CHECK_NOTE,
      },
      {
        condition: "Hải đảo",
        coefficient: 50,
        mode: "highest",
        source: RULE_2026,
        note: CHECK_NOTE,
      },
      {
        condition: "Đặc khu",
        coefficient: 50,
        mode: "highest",
        source: RULE_2026,
        note: CHECK_NOTE,
      },
      {
        condition: "Khu vực II",
        coefficient: 40,
        mode: "highest",
        source: RULE_2026,
        note: CHECK_NOTE,
      },
      {
        condition: "Khu vực I",
        coefficient: 30,
        mode: "highest",
        source: RULE_2026,
        note: CHECK_NOTE,
      },
      {
        condition: "Các xã còn lại",
        coefficient: 25,
        mode: "highest",
        source: RULE_2026,
        note: CHECK_NOTE,
      },
      {
        condition: "Mỗi thôn ĐBKK",
        coefficient: 1,
        mode: "add",
        source: RULE_2026,
        note: `Cộng thêm cho mỗi thôn (cách hiểu) / added per village (our reading). ${CHECK_NOTE}`,
      },
    ],
  },
];

/** The preset an id names: its own id, or a deprecated one it stands for (see DEPRECATED_PRESETS). */
export function presetIdOf(id: string): PresetId | undefined {
  const k = id.trim().toLowerCase();
  return POLICY_PRESETS.find((p) => p.id === k)?.id ?? DEPRECATED_PRESETS[k]?.id;
}

export function isPresetId(id: string): boolean {
  return presetIdOf(id) !== undefined;
}

/** Why an id is deprecated, or undefined for a current id. */
export function deprecatedPreset(id: string): Bilingual | undefined {
  return DEPRECATED_PRESETS[id.trim().toLowerCase()]?.why;
}

/** A preset as a policy (a deprecated id gives the preset it stands for); the result always names it and carries its caution. */
export function presetPolicy(id: string): AllocationPolicy {
  const preset = POLICY_PRESETS.find((p) => p.id === presetIdOf(id));
  if (!preset) throw new Error(`Unknown policy preset ${id}`);
  return policyFromRows(preset.rows, {
    id: preset.id,
    title: preset.title,
    period: preset.period,
    preset: true,
    caution: preset.caution,
    ...(deprecatedPreset(id) ? { deprecation: deprecatedPreset(id) } : {}),
  });
}
