// The report's part on next year's targets when the plan was made per indicator (2026-2030): paragraph and table.

import { reportUnitLine } from "../budget-unit";
import { figure, prose } from "./format";
import { centre, headerRow, num, paragraphs, text } from "./model";
import {
  completingNote,
  completingQuotes,
  costSentence,
  numberList,
  planYearPhrase,
  quoting,
  type PartContext,
  type ReportPart,
} from "./criteria";
import type { IndicatorTargetsResult } from "./results";
import { say, sourceLine, targetsHeading, W } from "./words";

export function indicatorTargetsPart(
  targets: IndicatorTargetsResult,
  ctx: PartContext,
  sheet: string
): ReportPart {
  const { lang } = ctx;
  const year = targets.year ?? ctx.year;
  // Communes that still miss an indicator: the ones the plan is about.
  const open = targets.communes.filter((c) => c.missing.length > 0);
  const completing = targets.communes.filter((c) => c.completes).map((c) => c.name);
  const when = planYearPhrase(year, lang);
  const texts: string[] = [];
  if (lang === "vi") {
    texts.push(
      `${when} (giai đoạn ${targets.period}), phấn đấu có thêm ít nhất ${prose(targets.newlyStandard, "count", lang)} xã đạt chuẩn nông thôn mới` +
        completingNote(completing, undefined, ctx.label, lang) +
        `; các xã chưa đạt chuẩn phấn đấu hoàn thành thêm ${prose(targets.indicatorsGained, "count", lang)} chỉ tiêu, ` +
        `đạt thêm ${prose(targets.criteriaGained, "count", lang)} tiêu chí, nâng số tiêu chí bình quân từ ` +
        `${figure(targets.currentAverage, "average", lang)} lên ${figure(targets.projectedAverage, "average", lang)} tiêu chí/xã ` +
        `(${say(W.details, lang)} ${ctx.label}).`
    );
  } else {
    texts.push(
      `${when} (period ${targets.period}), at least ${prose(targets.newlyStandard, "count", lang)} more communes are to reach the standard` +
        completingNote(completing, undefined, ctx.label, lang) +
        `; the communes below the standard aim at ${prose(targets.indicatorsGained, "count", lang)} more indicators and ` +
        `${prose(targets.criteriaGained, "count", lang)} more criteria, raising the average from ` +
        `${figure(targets.currentAverage, "average", lang)} to ${figure(targets.projectedAverage, "average", lang)} criteria per commune ` +
        `(${say(W.details, lang)} ${ctx.label}).`
    );
  }
  texts.push(costSentence(targets, lang));
  const header = [
    headerRow(
      lang === "vi"
        ? [
            "STT",
            say(W.commune, lang),
            "Mã xã",
            "Nhóm xã",
            "Số tiêu chí đạt",
            "Chỉ tiêu phấn đấu đạt",
            "Tiêu chí đạt thêm",
            "Lũy kế",
            "Kinh phí",
          ]
        : [
            "No.",
            say(W.commune, lang),
            "Code",
            "Group",
            "Criteria met",
            "Indicators targeted",
            "Criteria gained",
            "Cumulative",
            "Cost",
          ]
    ),
  ];
  return {
    section: {
      heading: targetsHeading(year, lang),
      blocks: quoting(paragraphs(texts), 0, completingQuotes(targets.communes)),
    },
    appendix: {
      title:
        lang === "vi"
          ? `CHỈ TIÊU PHẤN ĐẤU CỦA ${figure(open.length, "count", lang)} XÃ CHƯA ĐẠT ĐỦ CÁC CHỈ TIÊU`
          : `INDICATORS TARGETED IN THE ${figure(open.length, "count", lang)} COMMUNES NOT MEETING ALL INDICATORS`,
      tables: [
        {
          id: "targets",
          unit: reportUnitLine(targets.unit ?? "million-vnd", lang),
          header,
          rows: open.map((c, i) => [
            centre(String(i + 1)),
            text(c.name),
            text(c.code ?? ""),
            centre(c.group === null || c.group === undefined ? "" : String(c.group)),
            num(figure(c.criteriaBefore, "count", lang)),
            text(c.targets.map((t) => t.code).join(", ")),
            text(numberList(c.criteriaCompleted)),
            num(figure(c.criteriaAfter, "count", lang)),
            num(figure(c.cost, "money", lang)),
          ]),
          widths: [5, 16, 8, 7, 8, 22, 12, 8, 10],
          source: sourceLine(sheet, lang, targets.reading),
          rowSources: open.map((c) => c.source),
        },
      ],
      landscape: true,
    },
  };
}
