// The "counterpart" job: local ÷ central budget per column against a stated or bracketed minimum ratio.

import { withNumberNotes } from "./number-notes";
import { formatVi } from "../../engine/numbers";
import { InputError } from "../../engine/errors";
import {
  counterpartCheck,
  DEFAULT_COUNTERPART_BRACKETS,
  findBracket,
  supportSharePercent,
} from "../../engine/funding";
import type { Warning } from "../../engine/types";
import { counterpartSheet } from "../writers/counterpart";
import { numericOption, textOption } from "./funding";
import type { JobRequest, PlanningJob } from "./job";
import { loadBrackets, loadBudget, BUDGET_INPUT } from "./money-inputs";

const fmt = formatVi;

/** The required minimum ratio and where it came from. */
async function requiredRatio(
  request: JobRequest
): Promise<{ required: number; basis: string; bracket?: object; warnings: Warning[] }> {
  const ratio = numericOption(request, "ratio");
  const share = numericOption(request, "support-share");
  if (ratio !== undefined && (share !== undefined || request.inputs.brackets)) {
    throw new InputError({
      found: "ratio + support-share/brackets",
      expected: {
        vi: "hoặc tỷ lệ đối ứng nêu trực tiếp, hoặc bảng tỷ lệ kèm tỷ lệ hỗ trợ cân đối — không cả hai",
        en: "either a stated ratio or a bracket table with a support share, not both",
      },
    });
  }
  if (ratio !== undefined) {
    if (!(ratio >= 0)) {
      throw new InputError({
        found: String(ratio),
        expected: { vi: "tỷ lệ đối ứng không âm", en: "a non-negative ratio" },
      });
    }
    return {
      required: ratio,
      basis: `tỷ lệ nêu trực tiếp ${fmt(ratio, 2)} / stated ratio`,
      warnings: [],
    };
  }
  if (share === undefined) {
    throw new InputError({
      expected: {
        vi: "tỷ lệ đối ứng tối thiểu (ratio, ví dụ 1) hoặc tỷ lệ hỗ trợ cân đối từ NSTW (support-share, %) để tra bảng",
        en: "a minimum counterpart ratio (ratio, e.g. 1) or the province's central balancing-support share (support-share, %) for the bracket table",
      },
    });
  }
  const input = request.inputs.brackets;
  const brackets = input ? await loadBrackets(input) : DEFAULT_COUNTERPART_BRACKETS;
  const bracket = findBracket(share, brackets);
  const warnings: Warning[] = input
    ? []
    : [
        {
          vi: "Dùng bảng tỷ lệ đối ứng mẫu — kiểm tra theo quyết định hiện hành",
          en: "Using the example bracket table — check against the decision in force",
        },
      ];
  const p = supportSharePercent(share);
  return {
    required: bracket.minRatio,
    basis: `hỗ trợ cân đối ${fmt(p, 2)}% → khoảng ${bracket.lower}-${bracket.upper}%, tối thiểu ${fmt(bracket.minRatio, 2)}${bracket.note ? ` (${bracket.note})` : ""}`,
    bracket: { ...bracket, supportShare: p },
    warnings,
  };
}

export const counterpartJob: PlanningJob = withNumberNotes({
  id: "counterpart",
  label: { vi: "Tỷ lệ vốn đối ứng", en: "Counterpart funding ratio" },
  inputs: [
    BUDGET_INPUT,
    {
      id: "brackets",
      kind: "brackets",
      label: { vi: "Bảng tỷ lệ đối ứng", en: "Counterpart brackets" },
      required: false,
    },
  ],
  options: [
    {
      id: "ratio",
      label: { vi: "Tỷ lệ đối ứng tối thiểu (ví dụ 1 = 1:1)", en: "Minimum ratio (e.g. 1 = 1:1)" },
      type: "number",
    },
    {
      id: "support-share",
      label: {
        vi: "Tỷ lệ hỗ trợ cân đối từ NSTW (%)",
        en: "Share of central balancing support (%)",
      },
      type: "number",
    },
    {
      id: "mapping",
      label: {
        vi: "Trang phân nhóm nguồn (Từ khóa | Nhóm nguồn)",
        en: "Source mapping sheet (keywords | group)",
      },
      type: "text",
    },
  ],
  async run(request: JobRequest) {
    const { required, basis, bracket, warnings } = await requiredRatio(request);
    const table = await loadBudget(request.inputs.budget, textOption(request, "mapping"));
    const columns = counterpartCheck(table, required);
    const unit = table.unit ?? { vi: "triệu đồng", en: "million VND" };
    warnings.push(...(table.notes ?? []));
    if (!table.lines.some((l) => l.category.startsWith("local"))) {
      warnings.push({
        sheet: table.sheet,
        vi: "Không có dòng ngân sách địa phương (tỉnh, huyện, xã) nào được nhận ra: NSĐP tính bằng 0; kiểm tra tên các dòng",
        en: "No local budget line (province, district, commune) was recognised: local counted as 0; check the line labels",
      });
    }
    for (const line of table.lines.filter((l) => l.category === "other")) {
      warnings.push({
        sheet: line.source?.sheet,
        cell: line.source?.cell,
        vi: `Dòng "${line.label}" chưa nhận ra nhóm nguồn, không tính vào NSĐP hay NSTW`,
        en: `Line "${line.label}" matched no source group and counts as neither local nor central`,
      });
    }
    const text = [`Tỷ lệ tối thiểu / minimum: ${basis}`];
    for (const c of columns) {
      const ratio = c.ratio === null ? "—" : fmt(c.ratio, 3);
      text.push(
        `${c.column}: NSĐP ${fmt(c.local)} / NSTW ${fmt(c.central)} = ${ratio} — ${c.compliant ? "đạt / compliant" : `chưa đạt, thiếu ${fmt(c.shortfall)} ${unit.vi} / short by ${c.shortfall} ${unit.en}`}`
      );
    }
    return {
      json: { sheet: table.sheet, unit, required, ...(bracket ? { bracket } : {}), columns },
      text: text.join("\n"),
      sheets: [counterpartSheet(columns, basis)],
      warnings,
    };
  },
});
