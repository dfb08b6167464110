// The "funding" job: funding mix by source per amount column, the sums that should agree, plan vs actual.

import { sourceField } from "../output";
import { withNumberNotes } from "./number-notes";
import { formatEn, formatMoneyEn, formatMoneyVi, formatVi } from "../../engine/numbers";
import { SHARE_DECIMALS } from "../../engine/rounding";
import { FUNDING_OPTIONS } from "./funding-options";
import { FUNDING_SPEC } from "./specs";
import { compareFundingColumns, fundingMix, SOURCE_CATEGORY_LABELS } from "../../engine/funding";
import type { Warning } from "../../engine/types";
import { fundingSheet } from "../writers/funding";
import type { JobRequest, PlanningJob } from "./job";
import { columnSources, loadBudget } from "./money-inputs";
import type { FundingJson } from "../results";

const fmt = formatVi;
const money = formatMoneyVi;

export const fundingJob: PlanningJob = withNumberNotes({
  ...FUNDING_SPEC,
  async run(request: JobRequest) {
    const o = FUNDING_OPTIONS.parse(request.options);
    // Shares are always shown rounded so that they add to exactly 100% at the precision shown.
    const decimals = o.round ?? SHARE_DECIMALS;
    const table = await loadBudget(request.inputs.budget, o.mapping);
    const mixes = fundingMix(table, { decimals });
    const comparisons = compareFundingColumns(table);

    const warnings: Warning[] = [...(table.notes ?? [])];
    // The unit of the figures as read: the sheet's, a column's own, or million VND after converting mixed units.
    const unit = table.unit;
    for (const mix of mixes) {
      for (const c of mix.checks.filter((x) => !x.ok)) {
        warnings.push({
          vi: `${mix.column}: "${c.label}" ghi ${money(c.stated)} nhưng cộng lại ${money(c.computed)} (lệch ${money(c.difference)})`,
          en: `${mix.column}: "${c.label}" states ${formatMoneyEn(c.stated)} but adds up to ${formatMoneyEn(c.computed)} (difference ${formatMoneyEn(c.difference)})`,
          sheet: table.sheet,
          cell: c.cell,
        });
      }
    }
    for (const line of table.lines.filter((l) => l.category === "other")) {
      warnings.push({
        vi: `Nguồn "${line.label}" chưa nhận ra nhóm, xếp vào "Khác"`,
        en: `Source "${line.label}" matched no group and is kept as "other"`,
        sheet: line.source?.sheet,
        cell: line.source?.cell,
      });
    }

    // The label cell of each line of the mix (the table's lines but the total), in order.
    const lineSources = table.lines.filter((l) => l.category !== "total").map((l) => l.source);
    const headingSources = columnSources(table);
    const json: FundingJson = {
      // The table readers always name their sheet (the engine type leaves it optional).
      sheet: table.sheet ?? "",
      unit,
      round: decimals,
      columns: mixes.map((m) => ({
        column: m.column,
        ...sourceField({ source: headingSources[table.columns.indexOf(m.column)] }),
        total: m.total,
        statedTotal: m.statedTotal,
        lines: m.lines.map((l, i) => ({
          ...sourceField({ source: lineSources[i] }),
          label: l.label,
          category: l.category,
          level: l.level,
          amount: l.amount,
          share: l.share,
          displayedShare: l.roundedShare ?? l.share,
        })),
        checks: m.checks.map((c) => ({
          label: c.label,
          kind: c.kind,
          stated: c.stated,
          computed: c.computed,
          difference: c.difference,
          ok: c.ok,
          ...(c.cell ? { cell: c.cell } : {}),
        })),
      })),
      comparisons,
    };

    const text: string[] = [];
    for (const m of mixes) {
      text.push(
        `${m.column}: tổng ${money(m.total)} ${unit.vi} / total ${formatMoneyEn(m.total)} ${unit.en}`
      );
      for (const l of m.lines.filter((x) => x.level === 1)) {
        const share = (l.roundedShare ?? l.share) * 100;
        text.push(
          `  ${l.label} (${SOURCE_CATEGORY_LABELS[l.category].vi}): ${money(l.amount)} — ${fmt(share, decimals)}% / ${formatEn(share, decimals)}%`
        );
      }
      const bad = m.checks.filter((c) => !c.ok);
      // "Sums agree" is a promise: only when every line was recognised, a sum was checked and nothing else is in doubt.
      const unclassified = m.lines.filter((l) => l.category === "other").length;
      text.push(
        bad.length > 0
          ? `  ${bad.length} chỗ lệch / mismatches:`
          : unclassified > 0 || m.checks.length === 0 || (table.notes ?? []).length > 0
            ? `  Chưa kết luận được việc cộng dồn: ${unclassified > 0 ? `${unclassified} dòng chưa nhận ra nhóm nguồn` : m.checks.length === 0 ? "bảng không có dòng tổng để kiểm tra" : "xem các cảnh báo"} / sums not confirmed: ${unclassified > 0 ? `${unclassified} lines matched no source group` : m.checks.length === 0 ? "no total row to check against" : "see the warnings"}`
            : "  Các số cộng dồn khớp / sums agree"
      );
      for (const c of bad)
        text.push(
          `    ${c.label}: ghi ${money(c.stated)}, cộng ${money(c.computed)}, lệch ${money(c.difference)} / stated ${formatMoneyEn(c.stated)}, computed ${formatMoneyEn(c.computed)}, difference ${formatMoneyEn(c.difference)}${c.cell ? ` (${c.cell})` : ""}`
        );
    }
    return {
      json,
      text: text.join("\n"),
      sheets: [
        fundingSheet(
          mixes,
          comparisons,
          decimals,
          unit,
          lineSources,
          table.sheet,
          (column) => headingSources[table.columns.indexOf(column)]
        ),
      ],
      warnings,
      reading: table.readings,
    };
  },
});
