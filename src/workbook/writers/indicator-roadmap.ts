// Result of the "roadmap" job at indicator level (2026-2030): the year-by-year projection with the indicator
// planner and the period targets check (KQ_LoTrinh), the same sheet and table names as the roadmap per criterion.

import type { Bilingual } from "../../engine/errors";
import { formatVi } from "../../engine/numbers";
import type { IndicatorRoadmap } from "../../engine/roadmap";
import { UNIT_WORDS, unitLine, type BudgetUnit } from "../budget-unit";
import type { SourceRef } from "../../engine/types";
import { FORMATS, restsOn, type OutputSheet, type OutputTable } from "../output";
import { periodTargetsTable } from "./period-targets";
import { ROADMAP_SHEET } from "./roadmap";

function methodText(roadmap: IndicatorRoadmap): string {
  return roadmap.method === "optimal" ? "tối ưu (optimal)" : "tham lam (greedy)";
}

function capText(roadmap: IndicatorRoadmap): string {
  if (roadmap.cap === null) return "không giới hạn mỗi xã (no cap per commune)";
  return roadmap.cap.unit === "indicators"
    ? `tối đa ${roadmap.cap.max} chỉ tiêu/xã/năm (indicators per commune per year)`
    : `tối đa ${roadmap.cap.max} tiêu chí thực hiện/xã/năm (criteria worked on per commune per year)`;
}

export function indicatorRoadmapSheet(
  roadmap: IndicatorRoadmap,
  toYear: number,
  period: string,
  source: Bilingual,
  unit: BudgetUnit = "million-vnd",
  /** A commune's input row by its name (see sourcesByName): what a row listing it rests on. */
  sourceOf: (name: string) => SourceRef | undefined = () => undefined
): OutputSheet {
  const u = UNIT_WORDS[unit];
  const spent = unit === "million-vnd" ? FORMATS.money : FORMATS.count;
  // Years are numbers and the figure columns hold figures only: what is not projected is an empty cell, said in the
  // note column.
  const rows = [roadmap.start, ...roadmap.years].map((y, i) => [
    y.year,
    y.standard,
    y.modern,
    y.averageCriteria,
    y.below,
    i === 0 ? null : y.gained,
    i === 0 ? null : y.indicatorsGained,
    y.indicatorsMissing,
    i === 0 ? null : y.cost,
    i === 0 ? null : y.cumulativeCost,
    y.newlyStandard.join(", "),
    [
      i === 0 ? "Hiện trạng (status)" : "",
      y.modern === null && i > 0 ? "Số xã NTM hiện đại: chưa dự kiến (modern: not projected)" : "",
    ]
      .filter(Boolean)
      .join("; "),
  ]);
  const tables: OutputTable[] = [
    {
      name: "NTM_LoTrinh",
      unit: unitLine(unit),
      title:
        `Lộ trình đến năm ${toYear} theo chỉ tiêu (${period}): ${formatVi(roadmap.budget)} ${u.vi}/năm, ` +
        `phương pháp ${methodText(roadmap)}, ${capText(roadmap)} / Roadmap to ${toYear} by indicator`,
      columns: [
        { header: "Năm (year)", format: FORMATS.year },
        { header: "Số xã đạt chuẩn (standard)", format: FORMATS.count },
        { header: "Số xã NTM hiện đại (modern)", format: FORMATS.count },
        { header: "Số tiêu chí bình quân/xã (average criteria)", format: FORMATS.average },
        {
          header: `Số xã dưới ${roadmap.below} tiêu chí (under ${roadmap.below})`,
          format: FORMATS.count,
        },
        { header: "Số tiêu chí đạt thêm (criteria completed)", format: FORMATS.count },
        { header: "Số chỉ tiêu đạt thêm (indicators met)", format: FORMATS.count },
        { header: "Số chỉ tiêu còn thiếu (indicators missing)", format: FORMATS.count },
        { header: `Kinh phí (cost, ${u.vi})`, format: spent },
        { header: `Lũy kế kinh phí (cumulative cost, ${u.vi})`, format: spent },
        { header: "Xã đạt chuẩn mới (newly standard)", format: FORMATS.text },
        { header: "Ghi chú (note)" },
      ],
      rows,
      // A year's row rests on the communes it lists (the one whose name the output boundary changes, if any).
      sources: [roadmap.start, ...roadmap.years].map((y) =>
        restsOn(y.newlyStandard.map((text) => ({ text, source: sourceOf(text) })))
      ),
    },
  ];
  if (roadmap.targets.length > 0)
    tables.push(periodTargetsTable(roadmap.targets, toYear, { unit, spent }, source));
  return { sheet: ROADMAP_SHEET, tables };
}

export function indicatorRoadmapText(
  roadmap: IndicatorRoadmap,
  toYear: number,
  source: Bilingual,
  unit: BudgetUnit = "million-vnd"
): string {
  const u = UNIT_WORDS[unit];
  const n = roadmap.communes;
  const lines = [
    `Lộ trình theo chỉ tiêu / roadmap by indicator: ${formatVi(roadmap.budget)} ${u.vi}/năm, ${methodText(roadmap)}, ${capText(roadmap)}`,
    `Hiện trạng ${roadmap.start.year}: ${roadmap.start.standard}/${n} xã đạt chuẩn, ` +
      `${formatVi(roadmap.start.averageCriteria, 2)} tiêu chí bình quân/xã` +
      (roadmap.start.modern === null ? "" : `, ${roadmap.start.modern} xã NTM hiện đại`),
    ...roadmap.years.map(
      (y) =>
        `${y.year}: ${y.standard}/${n} xã đạt chuẩn (+${y.newlyStandard.length}), ` +
        `${formatVi(y.averageCriteria, 2)} tiêu chí/xã, +${y.indicatorsGained} chỉ tiêu, ` +
        `kinh phí ${formatVi(y.cost)} ${u.vi}` +
        (y.modern === null ? "" : `, ${y.modern} xã NTM hiện đại`)
    ),
    `Xã NTM hiện đại / modern: ${roadmap.modernNote.vi} / ${roadmap.modernNote.en}`,
  ];
  if (roadmap.targets.length > 0) lines.push(`Mục tiêu / targets: ${source.vi}`);
  for (const t of roadmap.targets) {
    if (t.reachable === null) {
      lines.push(
        `${t.label.vi}: ${t.target} — ${t.note?.vi ?? "chưa dự kiến"} / ${t.note?.en ?? "not projected"}`
      );
    } else if (t.reachable) {
      lines.push(`${t.label.vi}: ${t.target} — đạt năm ${t.year} / reached in ${t.year}`);
    } else {
      const later = t.yearAtThisPace ? `; giữ tốc độ thì đạt năm ${t.yearAtThisPace}` : "";
      const extra =
        t.extraCost !== null && t.extraCost !== undefined
          ? `, cần thêm khoảng ${formatVi(t.extraCost)} ${u.vi}`
          : "";
      const projected =
        t.name === "averageCriteria" && t.projected !== null
          ? formatVi(t.projected, 2)
          : String(t.projected);
      const short =
        t.name === "averageCriteria" && t.shortfall !== null
          ? formatVi(t.shortfall, 2)
          : String(t.shortfall);
      lines.push(
        `${t.label.vi}: ${t.target} — không đạt đến năm ${toYear} (dự kiến ${projected}, còn thiếu ${short}${extra}${later}) / not reached by ${toYear}`
      );
    }
  }
  return lines.join("\n");
}
