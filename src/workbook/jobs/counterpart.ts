// The "counterpart" job: local ÷ central budget per column against a stated or bracketed minimum ratio.

import { sourceField } from "../output";
import { pushAll, prependAll } from "../../engine/arrays";
import { withNumberNotes } from "./number-notes";
import { formatMoneyEn, formatMoneyVi, formatVi } from "../../engine/numbers";
import { InputError } from "../../engine/errors";
import { COUNTERPART_OPTIONS } from "./counterpart-options";
import { COUNTERPART_SPEC } from "./specs";
import {
  counterpartCheck,
  DEFAULT_COUNTERPART_BRACKETS,
  findBracket,
  programmeEligibility,
  supportSharePercent,
  type CounterpartBracket,
  type ProgrammeEligibility,
} from "../../engine/funding";
import { periodForYear } from "../../engine/catalogues";
import type { Warning } from "../../engine/types";
import { counterpartSheet } from "../writers/counterpart";
import { readingInput, uniqueReadings, type JobRequest, type PlanningJob } from "./job";
import type { TableReading } from "../reading/types";
import { placedIn } from "../reading/record";
import { columnSources, loadBrackets, loadBudget } from "./money-inputs";
import { jobPlanYear, withPlanYear, type SettledYear } from "../reading/year";
import type { CounterpartJson } from "../results";

const fmt = formatVi;

/** The period asked for (period option, or the plan year's: given, else the funding sheet's), or undefined. */
function periodOf(request: JobRequest, settled: SettledYear): string | undefined {
  const option = COUNTERPART_OPTIONS.parse(request.options).period;
  if (option) return option.replace(/\s*[–—-]\s*/, "-");
  const year = settled.year?.value;
  return year === undefined ? undefined : periodForYear(year);
}

/** The rows of a bracket table for the period: rows of that period and rows without one. */
function bracketsFor(
  brackets: CounterpartBracket[],
  period: string | undefined
): CounterpartBracket[] {
  const periods = [...new Set(brackets.map((b) => b.period).filter((p): p is string => !!p))];
  if (periods.length === 0) return brackets;
  if (period === undefined) {
    throw new InputError({
      options: ["period", "year"],
      found: periods.join(", "),
      expected: {
        vi: `giai đoạn (period) hoặc năm (year): bảng tỷ lệ đối ứng có dòng theo giai đoạn ${periods.join(", ")}`,
        en: `a period (period) or year (year): the bracket table has rows per period ${periods.join(", ")}`,
      },
    });
  }
  const rows = brackets.filter((b) => !b.period || b.period === period);
  if (rows.length === 0) {
    throw new InputError({
      options: ["period"],
      found: period,
      expected: {
        vi: `bảng tỷ lệ đối ứng có dòng cho giai đoạn ${period} (có: ${periods.join(", ")})`,
        en: `bracket rows for the period ${period} (the table has: ${periods.join(", ")})`,
      },
    });
  }
  return rows;
}

/**
 * The required minimum ratio and where it came from: a stated ratio (the province's own rule, e.g. 1:1), the
 * bracket of the province's support share in the period's bracket table, or the higher of the two when both a
 * ratio and a bracket table are given (the check names the bracket used). Without a table, the example brackets
 * are used only when no ratio is stated, with a warning.
 */
async function requiredRatio(
  request: JobRequest,
  settled: SettledYear
): Promise<{
  required: number;
  basis: string;
  bracket?: CounterpartBracket & { supportShare: number };
  eligibility?: ProgrammeEligibility;
  warnings: Warning[];
  readings: TableReading[];
}> {
  const o = COUNTERPART_OPTIONS.parse(request.options);
  const ratio = o.ratio;
  const share = o["support-share"];
  const period = periodOf(request, settled);
  // A ratio the run assumed (plan without --ratio) with a bracket table but no support share: the table cannot be
  // looked up, so the assumed ratio is checked and the table is said to be unused, never silently dropped.
  const unlooked =
    request.inputs.brackets && share === undefined && ratio !== undefined && request.assumed?.ratio
      ? request.inputs.brackets
      : undefined;
  const input = unlooked ? undefined : request.inputs.brackets;
  if (ratio !== undefined && !(ratio >= 0)) {
    throw new InputError({
      options: ["ratio"],
      found: String(ratio),
      expected: { vi: "tỷ lệ đối ứng không âm", en: "a non-negative ratio" },
    });
  }
  if (ratio !== undefined && input && share === undefined) {
    throw new InputError({
      options: ["ratio", "support-share"],
      found: "ratio + brackets",
      expected: {
        vi: "tỷ lệ hỗ trợ cân đối từ NSTW (support-share, %) để tra bảng tỷ lệ, hoặc chỉ tỷ lệ nêu trực tiếp",
        en: "the central balancing-support share (support-share, %) to look up the brackets, or the stated ratio alone",
      },
    });
  }
  // The 2026-2030 programme: the support share decides eligibility and priority (as reported).
  const eligibility =
    share !== undefined && period !== undefined && period >= "2026"
      ? programmeEligibility(share)
      : undefined;
  const warnings: Warning[] = [];
  if (unlooked) {
    const sheet = unlooked.sheet ?? "";
    warnings.push({
      ...(unlooked.sheet ? { sheet } : {}),
      vi: `Bảng tỷ lệ đối ứng${sheet ? ` (trang '${sheet}')` : ""} chưa dùng: cần tỷ lệ hỗ trợ cân đối từ NSTW để tra bảng (ntm-plan counterpart --brackets TỆP --support-share P)`,
      en: `The counterpart brackets${sheet ? ` (sheet '${sheet}')` : ""} are not used: looking them up needs the central balancing-support share (ntm-plan counterpart --brackets FILE --support-share P)`,
    });
  }
  if (eligibility && !eligibility.eligible) {
    warnings.push({
      vi: `Tỉnh không nhận bổ sung cân đối từ NSTW: không thuộc diện được hỗ trợ (${eligibility.source})`,
      en: `The province receives no balancing transfers: not eligible for central funds (${eligibility.source})`,
    });
  }
  const withEligibility = (basis: string) =>
    eligibility ? `${basis}; ${eligibility.text} (${eligibility.source})` : basis;
  if (ratio !== undefined && share !== undefined && !input && !eligibility) {
    // The share would change nothing: refuse rather than ignore it.
    throw new InputError({
      options: ["ratio", "support-share"],
      found: "ratio + support-share",
      expected: {
        vi: "hoặc tỷ lệ đối ứng nêu trực tiếp, hoặc bảng tỷ lệ kèm tỷ lệ hỗ trợ cân đối; cả hai khi có bảng tỷ lệ, hoặc giai đoạn 2026-2030 (tỷ lệ hỗ trợ cho biết tỉnh có được hỗ trợ, ưu tiên)",
        en: "either a stated ratio or a bracket table with a support share; both with a bracket table, or for 2026-2030 (the share tells eligibility and priority)",
      },
    });
  }
  const stated = ratio === undefined ? "" : `tỉnh quy định ${fmt(ratio, 2)} / province rule`;
  if (ratio !== undefined && !input) {
    // A ratio the run supplied (plan without --ratio) is an assumption, never "stated".
    const assumed = request.assumed?.ratio;
    return {
      required: ratio,
      basis: withEligibility(
        assumed
          ? `${assumed.why.vi} / ${assumed.why.en}`
          : `tỷ lệ nêu trực tiếp ${fmt(ratio, 2)} / stated ratio`
      ),
      ...(eligibility ? { eligibility } : {}),
      warnings,
      readings: [],
    };
  }
  if (share === undefined) {
    throw new InputError({
      options: ["ratio", "support-share"],
      expected: {
        vi: "tỷ lệ đối ứng tối thiểu (ratio, ví dụ 1) hoặc tỷ lệ hỗ trợ cân đối từ NSTW (support-share, %) để tra bảng",
        en: "a minimum counterpart ratio (ratio, e.g. 1) or the province's central balancing-support share (support-share, %) for the bracket table",
      },
    });
  }
  const readings: TableReading[] = [];
  const brackets = await readingInput(input, async () => {
    const loaded = input ? await loadBrackets(input) : null;
    if (loaded) readings.push(loaded.reading);
    return bracketsFor(loaded ? loaded.brackets : DEFAULT_COUNTERPART_BRACKETS, period);
  });
  // A share no bracket of the user's table covers: the error names that table (the engine cannot).
  const bracket = placedIn(readings[0], () => findBracket(share, brackets));
  if (!input) {
    warnings.push({
      vi: "Dùng bảng tỷ lệ đối ứng mẫu — kiểm tra theo quyết định hiện hành",
      en: "Using the example bracket table — check against the decision in force",
    });
  }
  const p = supportSharePercent(share);
  const found = `hỗ trợ cân đối ${fmt(p, 2)}% → khoảng ${bracket.lower}-${bracket.upper}%${bracket.period ? ` (giai đoạn ${bracket.period})` : ""}, tối thiểu ${fmt(bracket.minRatio, 2)}${bracket.note ? ` (${bracket.note})` : ""}`;
  const required = ratio === undefined ? bracket.minRatio : Math.max(ratio, bracket.minRatio);
  const basis =
    ratio === undefined
      ? found
      : `${found}; ${stated}; áp dụng mức cao hơn ${fmt(required, 2)} / the higher applies`;
  return {
    required,
    basis: withEligibility(basis),
    bracket: { ...bracket, supportShare: p },
    ...(eligibility ? { eligibility } : {}),
    warnings,
    readings,
  };
}

export const counterpartJob: PlanningJob = withNumberNotes({
  ...COUNTERPART_SPEC,
  async run(request: JobRequest) {
    const o = COUNTERPART_OPTIONS.parse(request.options);
    const settled = await jobPlanYear(request, o.year, [[request.inputs.budget, "budget"]]);
    const { required, basis, bracket, eligibility, warnings, readings } = await requiredRatio(
      request,
      settled
    );
    prependAll(warnings, settled.warnings);
    const table = await loadBudget(
      request.inputs.budget,
      COUNTERPART_OPTIONS.parse(request.options).mapping
    );
    const columns = counterpartCheck(table, required);
    // Each column's first amount cell: where a row of the check (the sheet's, the report's) rests.
    const sources = columnSources(table);
    const unit = table.unit;
    pushAll(warnings, table.notes ?? []);
    if (!table.lines.some((l) => l.category.startsWith("local"))) {
      // The table's first line: where the local lines would be added.
      const first = table.lines.find((l) => l.source)?.source;
      warnings.push({
        sheet: table.sheet,
        ...(first ? { cell: first.cell } : {}),
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
      const verdict = c.missing
        ? `chưa đánh giá được: không có số liệu (ô ${c.missing.join(", ")}) / not assessed: no figure (cell ${c.missing.join(", ")})`
        : c.compliant
          ? "đạt / compliant"
          : `chưa đạt, thiếu ${formatMoneyVi(c.shortfall)} ${unit.vi} / short by ${formatMoneyEn(c.shortfall)} ${unit.en}`;
      text.push(
        `${c.column}: NSĐP ${formatMoneyVi(c.local)} / NSTW ${formatMoneyVi(c.central)} = ${ratio} — ${verdict}`
      );
      if (c.missing) {
        warnings.push({
          sheet: table.sheet,
          cell: c.missing[0],
          vi: `${c.column}: không có số liệu ngân sách (ô ${c.missing.join(", ")}): tỷ lệ đối ứng chưa đánh giá được`,
          en: `${c.column}: no budget figure (cell ${c.missing.join(", ")}): the counterpart ratio is not assessed`,
        });
      }
    }
    return withPlanYear(
      {
        json: {
          // The table readers always name their sheet (the engine type leaves it optional).
          sheet: table.sheet ?? "",
          unit,
          required,
          basis,
          ...(bracket ? { bracket } : {}),
          ...(eligibility ? { eligibility } : {}),
          columns: columns.map((c, i) => ({ ...c, ...sourceField({ source: sources[i] }) })),
        } satisfies CounterpartJson,
        text: text.join("\n"),
        sheets: [counterpartSheet(columns, basis, unit, bracket?.noteCell, sources)],
        warnings,
        reading: uniqueReadings([...table.readings, ...readings]),
      },
      settled.year,
      request
    );
  },
});
