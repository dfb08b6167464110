// The charts of the task-pane preview, as data: from the same job results (and formatter) as the report.

import { BUILT_IN_CATALOGUES } from "../../engine/catalogues";
import { figure, type FigureKind, type ReportLang } from "./format";
import { reportResults } from "./results";
import { sentenceCase } from "./words";

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface ChartModel {
  /** Stable id: "bands", "criteria", "counterpart", "funding", "roadmap". */
  id: string;
  kind: "column" | "bar" | "line";
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** How a value is labelled (the report's formatter). */
  valueKind: FigureKind;
  /** A reference line, e.g. the minimum counterpart ratio. */
  reference?: { value: number; label: string };
}

const t = (lang: ReportLang, vi: string, en: string) => (lang === "vi" ? vi : en);

/** The charts one job's result allows (none for jobs without a chart). */
export function resultCharts(jobId: string, json: unknown, lang: ReportLang): ChartModel[] {
  const results = reportResults({ [jobId]: json });
  const charts: ChartModel[] = [];
  const { summary, counterpart, funding, roadmap, indicatorRoadmap } = results;
  if (summary) {
    charts.push({
      id: "bands",
      kind: "column",
      title: t(lang, "Số xã theo nhóm tiêu chí", "Communes per band"),
      categories: summary.bands.map((b) => b.label),
      series: [{ name: t(lang, "Số xã", "Communes"), values: summary.bands.map((b) => b.count) }],
      valueKind: "count",
    });
    if (summary.criterionCounts) {
      const catalogue = BUILT_IN_CATALOGUES.find((c) => c.id === summary.period);
      const entries = Object.entries(summary.criterionCounts)
        .map(([k, v]) => [Number(k), v] as const)
        .sort((a, b) => a[0] - b[0]);
      charts.push({
        id: "criteria",
        kind: "bar",
        title: t(lang, "Số xã đạt từng tiêu chí", "Communes meeting each criterion"),
        categories: entries.map(([k]) => {
          const c = catalogue?.criteria.find((x) => x.number === k);
          return c ? `${k}. ${lang === "vi" ? c.vi : c.en}` : String(k);
        }),
        series: [{ name: t(lang, "Số xã đạt", "Communes"), values: entries.map(([, v]) => v) }],
        valueKind: "count",
      });
    }
  }
  if (counterpart && counterpart.columns.length > 0) {
    const required = counterpart.columns[0].required;
    charts.push({
      id: "counterpart",
      kind: "column",
      title: t(lang, "Tỷ lệ vốn đối ứng theo năm", "Counterpart ratio by year"),
      categories: counterpart.columns.map((c) => c.column),
      series: [
        {
          name: t(lang, "Tỷ lệ đối ứng", "Ratio"),
          values: counterpart.columns.map((c) => c.ratio),
        },
      ],
      valueKind: "ratio",
      reference: {
        value: required,
        label: t(
          lang,
          `Tối thiểu ${figure(required, "coefficient", lang)}`,
          `Minimum ${figure(required, "coefficient", lang)}`
        ),
      },
    });
  }
  if (funding && funding.columns.length > 0) {
    const top = funding.columns[0].lines.filter((l) => l.level <= 1);
    charts.push({
      id: "funding",
      kind: "bar",
      title: t(lang, "Nguồn vốn theo nguồn (triệu đồng)", "Funding by source (million VND)"),
      categories: top.map((l) => sentenceCase(l.label)),
      series: funding.columns.map((c) => ({
        name: c.column,
        values: top.map((l) => c.lines.find((x) => x.label === l.label)?.amount ?? null),
      })),
      valueKind: "money",
    });
  }
  if (roadmap) {
    const years = [roadmap.start, ...roadmap.years];
    charts.push({
      id: "roadmap",
      kind: "line",
      title: t(lang, "Lộ trình: số xã theo năm", "Roadmap: communes by year"),
      categories: years.map((y) => String(y.year)),
      series: [
        { name: t(lang, "Đạt chuẩn", "Standard"), values: years.map((y) => y.standard) },
        { name: t(lang, "Nâng cao", "Advanced"), values: years.map((y) => y.advanced) },
        { name: t(lang, "Kiểu mẫu", "Model"), values: years.map((y) => y.model) },
      ],
      valueKind: "count",
    });
  }
  if (indicatorRoadmap) {
    const years = [indicatorRoadmap.start, ...indicatorRoadmap.years];
    charts.push({
      id: "roadmap",
      kind: "line",
      title: t(lang, "Lộ trình: số xã đạt chuẩn theo năm", "Roadmap: standard communes by year"),
      categories: years.map((y) => String(y.year)),
      series: [{ name: t(lang, "Đạt chuẩn", "Standard"), values: years.map((y) => y.standard) }],
      valueKind: "count",
    });
  }
  return charts;
}
