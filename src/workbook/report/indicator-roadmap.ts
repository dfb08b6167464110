// The report's roadmap part when the roadmap was projected per indicator (2026-2030): year by year to the period's
// end with the indicator planner, and whether each period target (standard, modern) is reached.

import { reportUnitLine, UNIT_WORDS, unitNote } from "../budget-unit";
import { figure } from "./format";
import type { PartContext, ReportPart } from "./criteria";
import { centre, headerRow, num, paragraphs, text } from "./model";
import type { IndicatorRoadmapResult } from "./results";
import { roadmapHeading, say, sheetOf, sourceLine, W } from "./words";

export function indicatorRoadmapPart(
  roadmap: IndicatorRoadmapResult,
  ctx: PartContext
): ReportPart {
  const { lang } = ctx;
  const vi = lang === "vi";
  const money = (v: number) => figure(v, "money", lang);
  const unit = roadmap.unit ?? "million-vnd";
  const words = UNIT_WORDS[unit][lang];
  const note = unitNote(unit);
  const why = note ? ` (${note[lang]})` : "";
  const count = (v: number) => figure(v, "count", lang);
  const last = roadmap.years[roadmap.years.length - 1] ?? roadmap.start;
  const method = vi
    ? roadmap.method === "optimal"
      ? "phương pháp tối ưu"
      : "phương pháp tham lam"
    : roadmap.method === "optimal"
      ? "the optimal method"
      : "the greedy method";
  const modernNow =
    roadmap.modern.now === null
      ? ""
      : vi
        ? ` Hiện có ${count(roadmap.modern.now)} xã NTM hiện đại; số xã NTM hiện đại ${roadmap.modern.note.vi}.`
        : ` There are ${count(roadmap.modern.now)} modern NTM communes now; their number is ${roadmap.modern.note.en}.`;
  const texts = [
    vi
      ? `Lộ trình theo từng chỉ tiêu (giai đoạn ${roadmap.period}, ${method}): với kinh phí ${money(roadmap.budget)} ${words}/năm${why}, ` +
        `từ ${count(roadmap.start.standard)}/${count(roadmap.communes)} xã đạt chuẩn cuối năm ${roadmap.start.year}, ` +
        `dự kiến đến cuối năm ${last.year} toàn tỉnh có ${count(last.standard)}/${count(roadmap.communes)} xã đạt chuẩn nông thôn mới, ` +
        `bình quân ${figure(last.averageCriteria, "average", lang)} tiêu chí/xã, còn ${count(last.indicatorsMissing)} chỉ tiêu chưa đạt; ` +
        `tổng kinh phí ${money(last.cumulativeCost)} ${words} (${say(W.details, lang)} ${ctx.label}).${modernNow}`
      : `Roadmap by indicator (period ${roadmap.period}, ${method}): with ${money(roadmap.budget)} ${words} a year${why}, ` +
        `from ${count(roadmap.start.standard)} of ${count(roadmap.communes)} communes at the standard at the end of ${roadmap.start.year}, ` +
        `${count(last.standard)} of ${count(roadmap.communes)} are projected at the standard by the end of ${last.year}, ` +
        `${figure(last.averageCriteria, "average", lang)} criteria per commune on average, ${count(last.indicatorsMissing)} indicators still missing; ` +
        `${money(last.cumulativeCost)} ${words} in all (${say(W.details, lang)} ${ctx.label}).${modernNow}`,
  ];
  if (roadmap.targets.length > 0) {
    texts.push(
      vi
        ? `Mục tiêu giai đoạn: ${roadmap.targetsSource.vi}.`
        : `Period targets: ${roadmap.targetsSource.en}.`
    );
  }
  const blocks = paragraphs(texts);
  const value = (name: string, v: number) =>
    name === "averageCriteria" ? figure(v, "average", lang) : count(v);
  for (const t of roadmap.targets) {
    const label = vi ? t.label.vi : t.label.en;
    let verdict: string;
    if (t.reachable === null || t.projected === null) {
      verdict = t.note ? (vi ? t.note.vi : t.note.en) : vi ? "chưa dự kiến" : "not projected";
    } else if (t.reachable) {
      verdict = vi
        ? `dự kiến ${value(t.name, t.projected)}, đạt${t.year === null ? "" : ` từ năm ${t.year}`}`
        : `projected ${value(t.name, t.projected)}, reached${t.year === null ? "" : ` in ${t.year}`}`;
    } else {
      const short = t.shortfall === null ? "" : value(t.name, t.shortfall);
      const extra =
        t.extraCost === null
          ? ""
          : vi
            ? `, cần thêm khoảng ${money(t.extraCost)} ${words}`
            : `, about ${money(t.extraCost)} ${words} more`;
      const pace =
        t.yearAtThisPace === null
          ? ""
          : vi
            ? `; với tốc độ hiện nay đạt vào năm ${t.yearAtThisPace}`
            : `; at this pace reached in ${t.yearAtThisPace}`;
      verdict = vi
        ? `dự kiến ${value(t.name, t.projected)}, chưa đạt${short ? `, còn thiếu ${short}` : ""}${extra}${pace}`
        : `projected ${value(t.name, t.projected)}, not reached${short ? `, short by ${short}` : ""}${extra}${pace}`;
    }
    blocks.push({
      kind: "bullet",
      text: vi
        ? `${label}: mục tiêu ${value(t.name, t.target)}, ${verdict}.`
        : `${label}: target ${value(t.name, t.target)}, ${verdict}.`,
    });
  }
  const years = [roadmap.start, ...roadmap.years];
  const tables: ReportPart["appendix"]["tables"] = [
    {
      id: "roadmap-years",
      caption: vi ? "1. Dự kiến theo từng năm" : "1. Year by year",
      unit: reportUnitLine(unit, lang),
      header: [
        headerRow(
          vi
            ? [
                "Năm",
                "Xã đạt chuẩn NTM",
                "Xã NTM hiện đại",
                "Bình quân tiêu chí/xã",
                "Tiêu chí đạt thêm",
                "Chỉ tiêu đạt thêm",
                "Chỉ tiêu còn thiếu",
                "Kinh phí",
                "Lũy kế kinh phí",
              ]
            : [
                "Year",
                "Standard communes",
                "Modern communes",
                "Average criteria per commune",
                "Criteria gained",
                "Indicators met",
                "Indicators missing",
                "Cost",
                "Cumulative cost",
              ]
        ),
      ],
      rows: years.map((y, i) => [
        centre(String(y.year)),
        num(count(y.standard)),
        num(y.modern === null ? "—" : count(y.modern)),
        num(figure(y.averageCriteria, "average", lang)),
        num(i === 0 ? "—" : count(y.gained)),
        num(i === 0 ? "—" : count(y.indicatorsGained)),
        num(count(y.indicatorsMissing)),
        num(i === 0 ? "—" : money(y.cost)),
        num(i === 0 ? "—" : money(y.cumulativeCost)),
      ]),
      widths: [8, 12, 11, 12, 11, 11, 11, 11, 12],
      source: sourceLine(roadmap.sheet, lang, roadmap.reading),
    },
  ];
  if (roadmap.targets.length > 0) {
    tables.push({
      id: "roadmap-targets",
      caption: vi ? "2. Mục tiêu giai đoạn" : "2. Period targets",
      header: [
        headerRow(
          vi
            ? ["TT", "Chỉ tiêu", "Mục tiêu", "Dự kiến", "Đánh giá", "Năm đạt"]
            : ["No.", "Indicator", "Target", "Projected", "Assessment", "Year reached"]
        ),
      ],
      rows: roadmap.targets.map((t, i) => [
        centre(String(i + 1)),
        text(vi ? t.label.vi : t.label.en),
        num(value(t.name, t.target)),
        num(t.projected === null ? "—" : value(t.name, t.projected)),
        centre(
          t.reachable === null
            ? vi
              ? "Chưa dự kiến"
              : "Not projected"
            : say(t.reachable ? W.met : W.notMet, lang)
        ),
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
      title: vi
        ? `LỘ TRÌNH THỰC HIỆN MỤC TIÊU XÂY DỰNG NÔNG THÔN MỚI ĐẾN NĂM ${last.year} (THEO CHỈ TIÊU)`
        : `ROADMAP TO THE PERIOD TARGETS, ${last.year} (BY INDICATOR)`,
      tables,
      landscape: true,
    },
  };
}
