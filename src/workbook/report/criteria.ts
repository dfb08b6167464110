// The criteria parts of a report: status of the communes (appendix I) and next year's targets (appendix II shape).

import { UNIT_WORDS, unitNote } from "../budget-unit";
import { bandCaption } from "../../engine/criteria";
import { BUILT_IN_CATALOGUES } from "../../engine/catalogues";
import { displayedSharesOf } from "../../engine/rounding";
import { figure, inlineList, joinList, prose, type ReportLang } from "./format";
import {
  centre,
  headerRow,
  num,
  paragraphs,
  quote,
  text,
  type ReportAppendix,
  type ReportBlock,
  type ReportQuote,
  type ReportSection,
} from "./model";
import type { PlanTotals, SummaryResult, TargetsResult } from "./results";
import { say, sourceLine, targetsHeading, W } from "./words";
import { EACH_COMMUNE_SHEET } from "../writers/each-commune";
import type { SourceRef } from "../../engine/types";

export interface PartContext {
  lang: ReportLang;
  /** The plan year (targets for the end of it); the status is at the end of the year before. */
  year?: number;
  /** The appendix label this part's tables go to ("Phụ lục I"). */
  label: string;
  /** The appendix listing each commune not yet at the standard (the targets part's), when the report has one. */
  targetsLabel?: string;
  /** The results workbook written in the same run, named where the report sends the reader for each commune. */
  resultsFile?: string;
}

export interface ReportPart {
  section: ReportSection;
  appendix: Omit<ReportAppendix, "label">;
}

/** Criterion names from the built-in catalogue of the period; a user's own catalogue is named by number only. */
function criterionName(period: string, n: number, lang: ReportLang): string {
  const c = BUILT_IN_CATALOGUES.find((cat) => cat.id === period)?.criteria.find(
    (x) => x.number === n
  );
  if (c) return lang === "vi" ? c.vi : c.en;
  return lang === "vi" ? `Tiêu chí ${n}` : `Criterion ${n}`;
}

/**
 * Criteria by name where a header says names: "1.\u00a0Quy hoạch; 2.\u00a0Giao thông". The number stays with its
 * name (a no-break space), and a line breaks only between criteria, never inside a number or after a lone "1.".
 */
export function criteriaNames(
  period: string,
  numbers: readonly number[],
  lang: ReportLang
): string {
  return numbers.map((n) => `${n}.\u00a0${criterionName(period, n, lang)}`).join("; ");
}

/** Criterion numbers as a list that breaks only after a comma's space, never inside a number: "2, 5, 11". */
export function numberList(numbers: readonly number[]): string {
  return numbers.map(String).join(", ");
}

function bandName(band: SummaryResult["bands"][number], lang: ReportLang): string {
  const caption = bandCaption({ label: band.label, min: band.min, max: band.max });
  if (band.min === band.max) return lang === "vi" ? `Đạt ${caption.vi}` : `All ${caption.en}`;
  if (band.min === 0) return lang === "vi" ? caption.vi : `Under ${band.max + 1} criteria`;
  return lang === "vi"
    ? `Từ ${band.min} đến ${band.max} tiêu chí`
    : `${band.min} to ${band.max} criteria`;
}

/**
 * Why "51/100 xã đạt chuẩn" and "được công nhận: 50" differ, said where they do: a standard commune meets every
 * criterion by the data; a recognised one has the decision recognising it (a commune may meet them all before its
 * decision, or hold a decision and have lost a criterion since).
 */
export function standardVersusRecognised(summary: SummaryResult, lang: ReportLang): string | null {
  const recognised = summary.tiers?.standard;
  if (recognised === undefined || recognised === summary.standard) return null;
  const meets = prose(summary.standard, "count", lang);
  const has = prose(recognised, "count", lang);
  return lang === "vi"
    ? `Số xã đạt chuẩn (${meets} xã) khác số xã đã được công nhận (${has} xã) vì hai số đếm khác nhau: xã đạt chuẩn là xã đạt đủ tất cả các tiêu chí theo số liệu; xã được công nhận là xã đã có quyết định công nhận đạt chuẩn nông thôn mới (xã có thể đạt đủ tiêu chí nhưng chưa có quyết định, hoặc đã có quyết định nhưng nay chưa đạt đủ tiêu chí).`
    : `The communes at the standard (${meets}) and the communes recognised (${has}) differ because they count different things: a commune at the standard meets every criterion by the data; a recognised commune holds the decision recognising it (a commune may meet every criterion before its decision, or hold a decision and no longer meet every criterion).`;
}

function statusWhen(year: number | undefined, lang: ReportLang): string {
  if (year === undefined) return lang === "vi" ? "Đến nay" : "To date";
  return lang === "vi" ? `Đến cuối năm ${year - 1}` : `By the end of ${year - 1}`;
}

/** The paragraph about the communes' status and appendix I: bands, each criterion, each commune. */
export function criteriaPart(
  summary: SummaryResult,
  targets: TargetsResult | undefined,
  ctx: PartContext
): ReportPart {
  const { lang } = ctx;
  const n = summary.communes;
  const share = (count: number) => (n === 0 ? null : count / n);
  const pct = (count: number) => {
    const s = share(count);
    return s === null ? "-" : figure(s, "percent", lang);
  };
  // The bands' shares as shown: rounded so that they add to exactly 100% (the sheet shows the same).
  const bandShares = displayedSharesOf(
    summary.bands.map((b) => b.count),
    n
  );
  const bandPct = (band: SummaryResult["bands"][number]) => {
    const s = bandShares[summary.bands.indexOf(band)];
    return s === null || s === undefined ? "-" : figure(s, "percent", lang);
  };
  const texts: string[] = [];
  const standardShare = share(summary.standard);
  if (lang === "vi") {
    texts.push(
      `${statusWhen(ctx.year, lang)}, toàn tỉnh có ${figure(summary.standard, "count", lang)}/${figure(n, "count", lang)} xã đạt chuẩn nông thôn mới` +
        (standardShare === null ? "" : `, đạt ${figure(standardShare, "percent", lang)}`) +
        `; bình quân đạt ${figure(summary.averageCriteria, "average", lang)} tiêu chí/xã.`
    );
  } else {
    texts.push(
      `${statusWhen(ctx.year, lang)}, ${figure(summary.standard, "count", lang)} of the province's ${figure(n, "count", lang)} communes met the new rural standard` +
        (standardShare === null ? "" : ` (${figure(standardShare, "percent", lang)})`) +
        `; communes met ${figure(summary.averageCriteria, "average", lang)} criteria on average.`
    );
  }
  if (summary.tiers) {
    const t = summary.tiers;
    // 2026-2030 has no advanced or model tier: its top tier is modern NTM (nông thôn mới hiện đại).
    texts.push(
      t.modern !== undefined
        ? lang === "vi"
          ? `Số xã đã được công nhận: ${prose(t.standard, "count", lang)} xã đạt chuẩn nông thôn mới, trong đó ${prose(t.modern, "count", lang)} xã đạt chuẩn nông thôn mới hiện đại.`
          : `Communes recognised: ${prose(t.standard, "count", lang)} at the standard, of which ${prose(t.modern, "count", lang)} modern.`
        : lang === "vi"
          ? `Số xã đã được công nhận: ${prose(t.standard, "count", lang)} xã đạt chuẩn nông thôn mới, ${prose(t.advanced, "count", lang)} xã đạt chuẩn nông thôn mới nâng cao, ${prose(t.model, "count", lang)} xã đạt chuẩn nông thôn mới kiểu mẫu.`
          : `Communes recognised: ${prose(t.standard, "count", lang)} at the standard, ${prose(t.advanced, "count", lang)} advanced, ${prose(t.model, "count", lang)} model.`
    );
  }
  const recognisedNote = standardVersusRecognised(summary, lang);
  if (recognisedNote) texts.push(recognisedNote);
  const bands = summary.bands.filter((b) => b.count > 0);
  if (bands.length > 0) {
    const parts = bands.map((b) =>
      lang === "vi"
        ? `${bandName(b, lang).toLocaleLowerCase("vi")}: ${prose(b.count, "count", lang)} xã (${bandPct(b)})`
        : `${bandName(b, lang).toLowerCase()}: ${prose(b.count, "count", lang)} (${bandPct(b)})`
    );
    texts.push(
      lang === "vi"
        ? `Số xã theo nhóm tiêu chí: ${parts.join("; ")} (${say(W.details, lang)} ${ctx.label}).`
        : `Communes by criteria met: ${parts.join("; ")} (${say(W.details, lang)} ${ctx.label}).`
    );
  }
  const counts = summary.criterionCounts;
  if (counts) {
    const lagging = Object.entries(counts)
      .map(([k, v]) => ({ criterion: Number(k), count: v }))
      .filter((c) => c.count < n)
      .sort((a, b) => a.count - b.count || a.criterion - b.criterion)
      .slice(0, 5);
    if (lagging.length > 0) {
      const items = lagging.map((c) =>
        lang === "vi"
          ? `tiêu chí số ${c.criterion} (${criterionName(summary.period, c.criterion, lang)}) có ${figure(c.count, "count", lang)}/${figure(n, "count", lang)} xã đạt`
          : `criterion ${c.criterion} (${criterionName(summary.period, c.criterion, lang)}), met by ${figure(c.count, "count", lang)} of ${figure(n, "count", lang)} communes`
      );
      texts.push(
        lang === "vi"
          ? `Các tiêu chí có ít xã đạt nhất: ${joinList(items, lang)}.`
          : `The criteria the fewest communes meet: ${joinList(items, lang)}.`
      );
    }
  }

  const source = sourceLine(summary.sheet, lang, summary.reading);
  const tables: ReportAppendix["tables"] = [
    {
      id: "criteria-bands",
      caption: lang === "vi" ? "1. Số xã theo nhóm tiêu chí" : "1. Communes by criteria met",
      header: [
        headerRow([
          say(W.no, lang),
          lang === "vi" ? "Nhóm" : "Band",
          lang === "vi" ? "Số xã" : "Communes",
          lang === "vi" ? "Tỷ lệ" : "Share",
        ]),
      ],
      rows: [
        ...summary.bands.map((b, i) => [
          centre(String(i + 1)),
          text(bandName(b, lang)),
          num(figure(b.count, "count", lang)),
          num(bandPct(b)),
        ]),
        [
          centre(""),
          text(say(W.total, lang), { bold: true }),
          num(figure(n, "count", lang), { bold: true }),
          num(n === 0 ? "-" : figure(1, "percent", lang), { bold: true }),
        ],
      ],
      widths: [8, 52, 20, 20],
      source,
    },
  ];
  if (counts) {
    tables.push({
      id: "criteria-each",
      caption: lang === "vi" ? "2. Số xã đạt từng tiêu chí" : "2. Communes meeting each criterion",
      header: [
        headerRow([
          say(W.no, lang),
          lang === "vi" ? "Tên tiêu chí" : "Criterion",
          lang === "vi" ? "Số xã đạt" : "Communes meeting it",
          lang === "vi" ? "Tỷ lệ" : "Share",
        ]),
      ],
      rows: Object.entries(counts)
        .map(([k, v]) => ({ criterion: Number(k), count: v }))
        .sort((a, b) => a.criterion - b.criterion)
        .map((c) => [
          centre(String(c.criterion)),
          text(criterionName(summary.period, c.criterion, lang)),
          num(`${figure(c.count, "count", lang)}/${figure(n, "count", lang)}`),
          num(pct(c.count)),
        ]),
      widths: [8, 52, 20, 20],
      source,
    });
  }
  const byGroup = standardByGroup(summary, lang);
  if (byGroup) {
    tables.push({
      id: "criteria-groups",
      caption:
        lang === "vi"
          ? `${tables.length + 1}. Số xã đạt chuẩn theo ${byGroup.kind === "group" ? "nhóm xã" : "huyện"}`
          : `${tables.length + 1}. Communes at the standard by ${byGroup.kind === "group" ? "commune group" : "district"}`,
      header: [
        headerRow([
          say(W.no, lang),
          byGroup.kind === "group"
            ? lang === "vi"
              ? "Nhóm xã"
              : "Commune group"
            : say(W.district, lang),
          lang === "vi" ? "Số xã" : "Communes",
          lang === "vi" ? "Đạt chuẩn" : "At the standard",
          lang === "vi" ? "Chưa đạt chuẩn" : "Not yet",
        ]),
      ],
      rows: [
        ...byGroup.rows.map((r, i) => [
          centre(String(i + 1)),
          text(r.name),
          num(figure(r.communes, "count", lang)),
          num(figure(r.standard, "count", lang)),
          num(figure(r.communes - r.standard, "count", lang)),
        ]),
        [
          centre(""),
          text(say(W.total, lang), { bold: true }),
          num(figure(n, "count", lang), { bold: true }),
          num(figure(summary.standard, "count", lang), { bold: true }),
          num(figure(n - summary.standard, "count", lang), { bold: true }),
        ],
      ],
      widths: [8, 44, 16, 16, 16],
      source,
      // A district's row rests on the cell its name was read from (a commune group's name is the report's own).
      rowSources: byGroup.rows.map((r) => r.source),
    });
  }
  // The report counts the communes at the standard; each commune's row is in the results workbook.
  texts.push(eachCommuneSentence(n - summary.standard, byGroup?.kind ?? null, ctx, lang));
  return {
    section: {
      heading:
        lang === "vi"
          ? "Kết quả thực hiện Bộ tiêu chí xã nông thôn mới"
          : "Communes and the new rural criteria",
      blocks: paragraphs(texts),
    },
    appendix: {
      title:
        lang === "vi"
          ? "KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ NÔNG THÔN MỚI CỦA CÁC XÃ"
          : "CRITERIA MET BY THE COMMUNES",
      tables,
      landscape: false,
    },
  };
}

/** Communes and those at the standard per commune group (2026-2030) or else per district, as the summary gives. */
function standardByGroup(
  summary: SummaryResult,
  lang: ReportLang
): {
  kind: "group" | "district";
  rows: { name: string; communes: number; standard: number; source?: SourceRef }[];
} | null {
  if (summary.groups) {
    const rows = (["1", "2", "3"] as const).flatMap((g) => {
      const own = summary.groups?.[g];
      if (!own) return [];
      return [{ name: lang === "vi" ? `Nhóm ${g}` : `Group ${g}`, ...own }];
    });
    if (rows.length > 0) return { kind: "group", rows };
  }
  if (summary.districts && summary.districts.length > 0) {
    const unnamed = lang === "vi" ? "(không ghi huyện)" : "(no district given)";
    return {
      kind: "district",
      rows: summary.districts.map((d) => ({ ...d, name: d.name || unnamed })),
    };
  }
  return null;
}

/**
 * Where each commune is: the communes at the standard counted by group in the appendix, those not yet at it listed
 * in the targets' appendix, and every commune's row in the results workbook's per-commune sheet.
 */
function eachCommuneSentence(
  open: number,
  kind: "group" | "district" | null,
  ctx: PartContext,
  lang: ReportLang
): string {
  const sheet = EACH_COMMUNE_SHEET;
  const vi = lang === "vi";
  const where = ctx.resultsFile
    ? vi
      ? `trang ${sheet} của tệp ${ctx.resultsFile}`
      : `sheet ${sheet} of ${ctx.resultsFile}`
    : vi
      ? `trang ${sheet} của sổ kết quả Excel cùng lần chạy`
      : `sheet ${sheet} of the results workbook of the same run`;
  const parts: string[] = [];
  if (kind) {
    const by = kind === "group" ? (vi ? "nhóm xã" : "commune group") : vi ? "huyện" : "district";
    parts.push(
      vi
        ? `số xã đạt chuẩn theo ${by} tại ${ctx.label}`
        : `communes at the standard by ${by} in ${ctx.label}`
    );
  }
  if (open > 0 && ctx.targetsLabel) {
    parts.push(
      vi
        ? `${prose(open, "count", lang)} xã chưa đạt chuẩn được liệt kê tại ${ctx.targetsLabel}`
        : `the ${prose(open, "count", lang)} communes not yet at the standard are listed in ${ctx.targetsLabel}`
    );
  }
  parts.push(
    vi
      ? `số tiêu chí đạt và tiêu chí chưa đạt của từng xã tại ${where}`
      : `each commune's criteria met and not met are in ${where}`
  );
  const sentence = parts.join("; ");
  return `${sentence.charAt(0).toLocaleUpperCase(vi ? "vi" : "en")}${sentence.slice(1)}.`;
}

/** "Năm 2024" / "In 2024", or "Năm tới" / "Next year" when the plan year is not known. */
export function planYearPhrase(year: number | null | undefined, lang: ReportLang): string {
  if (year === undefined || year === null) return lang === "vi" ? "Năm tới" : "Next year";
  return lang === "vi" ? `Năm ${year}` : `In ${year}`;
}

/** The sentence on the plan's cost against the budget, for both kinds of targets result, in the plan's unit. */
export function costSentence(plan: PlanTotals, lang: ReportLang): string {
  const unit = plan.unit ?? "million-vnd";
  const words = UNIT_WORDS[unit][lang];
  const cost = figure(plan.cost, "money", lang);
  const note = unitNote(unit);
  const why = note ? ` (${note[lang]})` : "";
  if (lang === "vi") {
    if (plan.budget === null) {
      return `Kinh phí dự kiến ${cost} ${words}, ngân sách không giới hạn${why}.`;
    }
    const left =
      plan.budgetLeft === null
        ? ""
        : `, còn lại ${figure(plan.budgetLeft, "money", lang)} ${words}`;
    return `Kinh phí dự kiến ${cost} ${words} trên tổng số ${figure(plan.budget, "money", lang)} ${words} được bố trí${left}${why}.`;
  }
  if (plan.budget === null) return `Estimated cost: ${cost} ${words}, with no budget limit${why}.`;
  const left =
    plan.budgetLeft === null ? "" : `, leaving ${figure(plan.budgetLeft, "money", lang)} ${words}`;
  return `Estimated cost: ${cost} ${words} of the ${figure(plan.budget, "money", lang)} ${words} available${left}${why}.`;
}

/**
 * " (Tân Hòa và Long Đức)" after the number of communes newly at the standard; when there are more than a sentence
 * should list, where the table shows them (their cumulative count reaches the set's total).
 */
export function completingNote(
  names: string[],
  total: number | undefined,
  label: string,
  lang: ReportLang
): string {
  if (names.length === 0) return "";
  const inline = inlineList(names, lang);
  if (inline !== null) return ` (${inline})`;
  const reach =
    total === undefined
      ? ""
      : lang === "vi"
        ? `, lũy kế đạt ${total} tiêu chí`
        : `, cumulative ${total}`;
  return lang === "vi" ? ` (danh sách tại ${label}${reach})` : ` (listed in ${label}${reach})`;
}

/** The names of the communes a targets paragraph lists as newly at the standard, each with its name cell. */
export function completingQuotes(
  communes: readonly { name: string; completes: boolean; source?: ReportQuote["source"] }[]
): ReportQuote[] {
  return communes.filter((c) => c.completes).map((c) => quote(c.name, c.source));
}

/** The blocks with the `at`-th quoting these texts of the user's. */
export function quoting(
  blocks: ReportBlock[],
  at: number,
  quotes: readonly ReportQuote[]
): ReportBlock[] {
  return blocks.map((b, i) => (i === at && quotes.length > 0 ? { ...b, quotes } : b));
}

/** The paragraph about next year's targets and the appendix II table (communes not yet at the standard). */
export function targetsPart(targets: TargetsResult, ctx: PartContext, sheet: string): ReportPart {
  const { lang } = ctx;
  const year = targets.year ?? ctx.year;
  const total = targets.criteriaCount;
  const open =
    total === undefined
      ? targets.communes.filter((c) => c.targets.length > 0 || !c.completes)
      : targets.communes.filter((c) => c.achieved.length < total);
  const completing = targets.communes.filter((c) => c.completes).map((c) => c.name);
  const named = completingQuotes(targets.communes);
  const texts: string[] = [];
  const when = planYearPhrase(year, lang);
  if (lang === "vi") {
    texts.push(
      `${when}, phấn đấu có thêm ít nhất ${prose(targets.newlyStandard, "count", lang)} xã đạt chuẩn nông thôn mới` +
        completingNote(completing, total, ctx.label, lang) +
        `; các xã chưa đạt chuẩn phấn đấu đạt thêm ${prose(targets.criteriaGained, "count", lang)} tiêu chí, ` +
        `nâng số tiêu chí bình quân từ ${figure(targets.currentAverage, "average", lang)} lên ${figure(targets.projectedAverage, "average", lang)} tiêu chí/xã ` +
        `(${say(W.details, lang)} ${ctx.label}).`
    );
  } else {
    texts.push(
      `${when}, at least ${prose(targets.newlyStandard, "count", lang)} more communes are to reach the standard` +
        completingNote(completing, total, ctx.label, lang) +
        `; the communes below the standard aim at ${prose(targets.criteriaGained, "count", lang)} more criteria, ` +
        `raising the average from ${figure(targets.currentAverage, "average", lang)} to ${figure(targets.projectedAverage, "average", lang)} criteria per commune ` +
        `(${say(W.details, lang)} ${ctx.label}).`
    );
  }
  texts.push(costSentence(targets, lang));
  const planHead =
    lang === "vi"
      ? `Kế hoạch phấn đấu đến cuối năm ${year ?? ""}`.trim()
      : `Plan to the end of ${year ?? "next year"}`;
  const header = [
    [
      { text: say(W.no, lang), align: "center" as const, bold: true, rowSpan: 2 },
      { text: say(W.commune, lang), align: "center" as const, bold: true, rowSpan: 2 },
      { text: say(W.district, lang), align: "center" as const, bold: true, rowSpan: 2 },
      {
        text: lang === "vi" ? "Số tiêu chí đạt" : "Criteria met",
        align: "center" as const,
        bold: true,
        rowSpan: 2,
      },
      {
        text: lang === "vi" ? "Tên tiêu chí đạt" : "Criteria met (names)",
        align: "center" as const,
        bold: true,
        rowSpan: 2,
      },
      { text: planHead, align: "center" as const, bold: true, colSpan: 3 },
    ],
    headerRow(
      lang === "vi"
        ? ["Số TC", "Tên tiêu chí phấn đấu đạt", "Lũy kế"]
        : ["Number", "Criteria targeted", "Cumulative"]
    ),
  ];
  return {
    section: {
      heading: targetsHeading(year, lang),
      blocks: quoting(paragraphs(texts), 0, named),
    },
    appendix: {
      title:
        lang === "vi"
          ? `CHI TIẾT KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ NÔNG THÔN MỚI TRÊN ĐỊA BÀN ${figure(open.length, "count", lang)} XÃ CHƯA ĐẠT CHUẨN NÔNG THÔN MỚI`
          : `CRITERIA MET AND TARGETED IN THE ${figure(open.length, "count", lang)} COMMUNES NOT YET AT THE STANDARD`,
      tables: [
        {
          id: "targets",
          header,
          rows: open.map((c, i) => [
            centre(String(i + 1)),
            text(c.name),
            text(c.district ?? "", c.districtSource ? { source: c.districtSource } : {}),
            num(figure(c.achieved.length, "count", lang)),
            text(criteriaNames(targets.period, c.achieved, lang)),
            num(figure(c.targets.length, "count", lang)),
            text(criteriaNames(targets.period, c.targets, lang)),
            num(figure(c.cumulative, "count", lang)),
          ]),
          widths: [5, 14, 12, 9, 30, 7, 14, 9],
          source: sourceLine(sheet, lang, targets.reading),
          rowSources: open.map((c) => c.source),
        },
      ],
      landscape: true,
    },
  };
}
