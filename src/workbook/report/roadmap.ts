// The roadmap part of a report: year by year to the period's end, and whether each period target is reached.

import { reportUnitLine, UNIT_WORDS, unitNote } from "../budget-unit";
import { figure, prose } from "./format";
import type { PartContext, ReportPart } from "./criteria";
import { centre, headerRow, num, paragraphs, text } from "./model";
import type { RoadmapResult } from "./results";
import { roadmapHeading, say, sheetOf, sourceLine, W } from "./words";

/** A tier count the roadmap could not project (no tier column, no current count) is shown as unknown. */
function tierCount(value: number | null, lang: "vi" | "en", inProse: boolean): string {
  if (value === null) return lang === "vi" ? "chưa rõ số" : "an unknown number of";
  return inProse ? prose(value, "count", lang) : figure(value, "count", lang);
}

export function roadmapPart(roadmap: RoadmapResult, ctx: PartContext): ReportPart {
  const { lang } = ctx;
  const money = (v: number) => figure(v, "money", lang);
  const unit = roadmap.unit ?? "million-vnd";
  const words = UNIT_WORDS[unit][lang];
  const note = unitNote(unit);
  const why = note ? ` (${note[lang]})` : "";
  const last = roadmap.years[roadmap.years.length - 1] ?? roadmap.start;
  const texts: string[] = [];
  if (lang === "vi") {
    texts.push(
      `Với kinh phí ${money(roadmap.budget)} ${words}/năm${why}, dự kiến đến cuối năm ${last.year} toàn tỉnh có ` +
        `${figure(last.standard, "count", lang)}/${figure(roadmap.communes, "count", lang)} xã đạt chuẩn nông thôn mới, ` +
        `${tierCount(last.advanced, lang, true)} xã đạt chuẩn nông thôn mới nâng cao, ${tierCount(last.model, lang, true)} xã đạt chuẩn nông thôn mới kiểu mẫu; ` +
        `bình quân đạt ${figure(last.averageCriteria, "average", lang)} tiêu chí/xã; ` +
        `tổng kinh phí ${money(last.cumulativeCost)} ${words} (${say(W.details, lang)} ${ctx.label}).`
    );
  } else {
    texts.push(
      `With ${money(roadmap.budget)} ${words} a year${why}, by the end of ${last.year} ` +
        `${figure(last.standard, "count", lang)} of ${figure(roadmap.communes, "count", lang)} communes are projected at the standard, ` +
        `${tierCount(last.advanced, lang, true)} advanced and ${tierCount(last.model, lang, true)} model; ` +
        `communes meet ${figure(last.averageCriteria, "average", lang)} criteria on average; ` +
        `${money(last.cumulativeCost)} ${words} in all (${say(W.details, lang)} ${ctx.label}).`
    );
  }
  const first = roadmap.firstYear;
  if (first && !first.agrees) {
    const reasons = first.reasons.map((r) => r[lang]).join("; ");
    texts.push(
      lang === "vi"
        ? `Năm ${first.year}, lộ trình dự kiến ${figure(first.roadmap.newlyStandard, "count", lang)} xã đạt chuẩn mới, ` +
            `kế hoạch phấn đấu năm ${figure(first.targets.newlyStandard, "count", lang)} xã; chênh lệch do: ${reasons}.`
        : `In ${first.year} the roadmap projects ${figure(first.roadmap.newlyStandard, "count", lang)} communes newly ` +
            `at the standard and the year's targets ${figure(first.targets.newlyStandard, "count", lang)}; the difference: ${reasons}.`
    );
  } else if (first?.basis === "targets") {
    texts.push(
      lang === "vi"
        ? `Năm ${first.year} lấy theo kế hoạch phấn đấu năm; các năm sau dự kiến theo tốc độ ${figure(roadmap.pace ?? 1.5, "average", lang)} tiêu chí/xã/năm.`
        : `${first.year} follows the year's targets; later years are projected at ${figure(roadmap.pace ?? 1.5, "average", lang)} criteria per commune per year.`
    );
  }
  const blocks = paragraphs(texts);
  for (const t of roadmap.targets) {
    const label = lang === "vi" ? t.label.vi : t.label.en;
    let verdict: string;
    // A target the roadmap does not project (a tier with no pace): said, never printed as a figure.
    const projected =
      t.projected === null
        ? lang === "vi"
          ? "chưa dự báo"
          : "not projected"
        : figure(t.projected, "count", lang);
    if (t.reachable === null) {
      verdict =
        lang === "vi"
          ? "chưa dự báo được (cần tốc độ tăng hằng năm)"
          : "not projected (needs a yearly pace)";
    } else if (t.reachable) {
      verdict =
        lang === "vi"
          ? `đạt${t.year === null ? "" : ` từ năm ${t.year}`}`
          : `reached${t.year === null ? "" : ` in ${t.year}`}`;
    } else {
      const short = t.shortfall === null ? "" : figure(t.shortfall, "count", lang);
      const pace =
        t.yearAtThisPace === null
          ? ""
          : lang === "vi"
            ? `; với tốc độ hiện nay đạt vào năm ${t.yearAtThisPace}`
            : `; at this pace reached in ${t.yearAtThisPace}`;
      verdict =
        lang === "vi"
          ? `chưa đạt${short ? `, còn thiếu ${short}` : ""}${pace}`
          : `not reached${short ? `, short by ${short}` : ""}${pace}`;
    }
    blocks.push({
      kind: "bullet",
      text:
        lang === "vi"
          ? `${label}: mục tiêu ${figure(t.target, "count", lang)}, dự kiến ${projected}, ${verdict}.`
          : `${label}: target ${figure(t.target, "count", lang)}, projected ${projected}, ${verdict}.`,
    });
  }
  const years = [roadmap.start, ...roadmap.years];
  const tables: ReportPart["appendix"]["tables"] = [
    {
      id: "roadmap-years",
      caption: lang === "vi" ? "1. Dự kiến theo từng năm" : "1. Year by year",
      unit: reportUnitLine(unit, lang),
      header: [
        headerRow(
          lang === "vi"
            ? [
                "Năm",
                "Xã đạt chuẩn NTM",
                "Xã NTM nâng cao",
                "Xã NTM kiểu mẫu",
                "Bình quân tiêu chí/xã",
                `Xã dưới ${roadmap.below} tiêu chí`,
                "Tiêu chí tăng thêm",
                "Kinh phí",
                "Lũy kế kinh phí",
              ]
            : [
                "Year",
                "Standard communes",
                "Advanced",
                "Model",
                "Average criteria per commune",
                `Communes under ${roadmap.below} criteria`,
                "Criteria gained",
                "Cost",
                "Cumulative cost",
              ]
        ),
      ],
      rows: years.map((y) => [
        centre(String(y.year)),
        num(figure(y.standard, "count", lang)),
        num(y.advanced === null ? "—" : figure(y.advanced, "count", lang)),
        num(y.model === null ? "—" : figure(y.model, "count", lang)),
        num(figure(y.averageCriteria, "average", lang)),
        num(figure(y.below, "count", lang)),
        num(figure(y.gained, "count", lang)),
        num(money(y.cost)),
        num(money(y.cumulativeCost)),
      ]),
      widths: [8, 12, 11, 11, 12, 12, 11, 11, 12],
      source: sourceLine(roadmap.sheet, lang, roadmap.reading),
    },
  ];
  if (roadmap.targets.length > 0) {
    tables.push({
      id: "roadmap-targets",
      caption: lang === "vi" ? "2. Mục tiêu giai đoạn" : "2. Period targets",
      header: [
        headerRow(
          lang === "vi"
            ? ["TT", "Chỉ tiêu", "Mục tiêu", "Dự kiến", "Đánh giá", "Năm đạt"]
            : ["No.", "Indicator", "Target", "Projected", "Assessment", "Year reached"]
        ),
      ],
      rows: roadmap.targets.map((t, i) => [
        centre(String(i + 1)),
        text(lang === "vi" ? t.label.vi : t.label.en),
        num(figure(t.target, "count", lang)),
        num(t.projected === null ? "-" : figure(t.projected, "count", lang)),
        centre(t.reachable === null ? "-" : say(t.reachable ? W.met : W.notMet, lang)),
        centre(String(t.year ?? t.yearAtThisPace ?? "-")),
      ]),
      widths: [7, 43, 12, 12, 13, 13],
      source: sourceLine(
        sheetOf(roadmap.reading, "period-targets", roadmap.sheet),
        lang,
        roadmap.reading
      ),
    });
  }
  return {
    section: {
      heading: roadmapHeading(last.year, lang),
      blocks,
    },
    appendix: {
      title:
        lang === "vi"
          ? `LỘ TRÌNH THỰC HIỆN MỤC TIÊU XÂY DỰNG NÔNG THÔN MỚI ĐẾN NĂM ${last.year}`
          : `ROADMAP TO THE PERIOD TARGETS, ${last.year}`,
      tables,
      landscape: true,
    },
  };
}
