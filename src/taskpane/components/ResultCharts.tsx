// The preview's charts (communes per band, per criterion, counterpart ratio by year, funding by source, roadmap)
// drawn as plain SVG. Loaded on demand through LazyResultCharts, so it is not in the initial task-pane script.

import { maxOf } from "../../engine/arrays";
import * as React from "react";
import { Caption1, Subtitle2, tokens } from "@fluentui/react-components";
import { figure } from "../../workbook/report/format";
import { resultCharts, type ChartModel } from "../../workbook/report/charts";
import type { Lang } from "../i18n";

const COLORS = [
  tokens.colorBrandBackground,
  tokens.colorPaletteDarkOrangeBackground3,
  tokens.colorPaletteGreenBackground3,
  tokens.colorPaletteBerryBackground3,
];

const WIDTH = 300;

function shorten(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

function Legend({ chart }: { chart: ChartModel }): React.JSX.Element | null {
  if (chart.series.length < 2) return null;
  return (
    <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
      {chart.series.map((s, i) => (
        <Caption1 key={s.name}>
          <span
            aria-hidden
            style={{
              display: "inline-block",
              width: 10,
              height: 10,
              marginRight: 4,
              background: COLORS[i % COLORS.length],
            }}
          />
          {s.name}
        </Caption1>
      ))}
    </div>
  );
}

function maxValue(chart: ChartModel): number {
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  return Math.max(maxOf(values, 0), chart.reference?.value ?? 0, 0) || 1;
}

function ColumnChart({ chart, lang }: { chart: ChartModel; lang: Lang }): React.JSX.Element {
  const height = 170;
  const top = 16;
  const bottom = 34;
  const plot = height - top - bottom;
  const max = maxValue(chart);
  const slot = WIDTH / chart.categories.length;
  const barWidth = Math.min(40, (slot * 0.7) / chart.series.length);
  const y = (v: number) => top + plot - (v / max) * plot;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={chart.title}>
      <title>{chart.title}</title>
      <line x1={0} x2={WIDTH} y1={top + plot} y2={top + plot} stroke={tokens.colorNeutralStroke1} />
      {chart.categories.map((category, c) => (
        <g key={category}>
          {chart.series.map((s, i) => {
            const v = s.values[c];
            if (v === null) return null;
            const x = slot * c + slot / 2 - (barWidth * chart.series.length) / 2 + i * barWidth;
            return (
              <g key={s.name}>
                <rect
                  x={x}
                  y={y(v)}
                  width={barWidth - 2}
                  height={top + plot - y(v)}
                  fill={COLORS[i % COLORS.length]}
                />
                <text x={x + barWidth / 2} y={y(v) - 3} fontSize={10} textAnchor="middle">
                  {figure(v, chart.valueKind, lang)}
                </text>
              </g>
            );
          })}
          <text x={slot * c + slot / 2} y={height - 18} fontSize={10} textAnchor="middle">
            {shorten(category, Math.max(6, Math.floor(slot / 6)))}
          </text>
        </g>
      ))}
      {chart.reference && (
        <g>
          <line
            x1={0}
            x2={WIDTH}
            y1={y(chart.reference.value)}
            y2={y(chart.reference.value)}
            stroke={tokens.colorPaletteRedBorderActive}
            strokeDasharray="4 3"
          />
          <text x={WIDTH - 2} y={y(chart.reference.value) - 3} fontSize={10} textAnchor="end">
            {chart.reference.label}
          </text>
        </g>
      )}
    </svg>
  );
}

function BarChart({ chart, lang }: { chart: ChartModel; lang: Lang }): React.JSX.Element {
  const label = 110;
  const valueRoom = 62;
  const rowHeight = 8 + 10 * chart.series.length;
  const height = rowHeight * chart.categories.length + 4;
  const max = maxValue(chart);
  const plot = WIDTH - label - valueRoom;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={chart.title}>
      <title>{chart.title}</title>
      {chart.categories.map((category, c) => (
        <g key={category} transform={`translate(0, ${c * rowHeight + 2})`}>
          <text x={label - 4} y={rowHeight / 2 + 3} fontSize={9} textAnchor="end">
            <title>{category}</title>
            {shorten(category, 22)}
          </text>
          {chart.series.map((s, i) => {
            const v = s.values[c];
            if (v === null) return null;
            const w = Math.max(1, (v / max) * plot);
            return (
              <g key={s.name}>
                <rect
                  x={label}
                  y={4 + i * 10}
                  width={w}
                  height={8}
                  fill={COLORS[i % COLORS.length]}
                />
                <text x={label + w + 3} y={11 + i * 10} fontSize={9}>
                  {figure(v, chart.valueKind, lang)}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}

function LineChart({ chart, lang }: { chart: ChartModel; lang: Lang }): React.JSX.Element {
  const height = 170;
  const top = 14;
  const bottom = 24;
  const left = 8;
  const right = 8;
  const plot = height - top - bottom;
  const max = maxValue(chart);
  const n = chart.categories.length;
  const x = (c: number) => left + (n === 1 ? 0.5 : c / (n - 1)) * (WIDTH - left - right);
  const y = (v: number) => top + plot - (v / max) * plot;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={chart.title}>
      <title>{chart.title}</title>
      <line x1={0} x2={WIDTH} y1={top + plot} y2={top + plot} stroke={tokens.colorNeutralStroke1} />
      {chart.series.map((s, i) => {
        const points = s.values
          .map((v, c) => (v === null ? null : `${x(c)},${y(v)}`))
          .filter((p): p is string => p !== null);
        return (
          <g key={s.name}>
            <polyline
              points={points.join(" ")}
              fill="none"
              stroke={COLORS[i % COLORS.length]}
              strokeWidth={2}
            />
            {s.values.map((v, c) =>
              v === null ? null : (
                <g key={c}>
                  <circle cx={x(c)} cy={y(v)} r={3} fill={COLORS[i % COLORS.length]} />
                  <text
                    x={x(c)}
                    y={y(v) - 5}
                    fontSize={9}
                    textAnchor={c === 0 ? "start" : c === n - 1 ? "end" : "middle"}
                  >
                    {figure(v, chart.valueKind, lang)}
                  </text>
                </g>
              )
            )}
          </g>
        );
      })}
      {chart.categories.map((category, c) => (
        <text
          key={category}
          x={x(c)}
          y={height - 8}
          fontSize={10}
          textAnchor={c === 0 ? "start" : c === n - 1 ? "end" : "middle"}
        >
          {category}
        </text>
      ))}
    </svg>
  );
}

export function ChartView({ chart, lang }: { chart: ChartModel; lang: Lang }): React.JSX.Element {
  return (
    <figure data-testid="chart" data-chart={chart.id} style={{ margin: 0 }}>
      <figcaption>
        <Subtitle2>{chart.title}</Subtitle2>
      </figcaption>
      <Legend chart={chart} />
      {chart.kind === "column" ? (
        <ColumnChart chart={chart} lang={lang} />
      ) : chart.kind === "bar" ? (
        <BarChart chart={chart} lang={lang} />
      ) : (
        <LineChart chart={chart} lang={lang} />
      )}
    </figure>
  );
}

/** The charts of one job's result; nothing for a job without charts or a result of another shape. */
export default function ResultCharts({
  jobId,
  json,
  lang,
}: {
  jobId: string;
  json: unknown;
  lang: Lang;
}): React.JSX.Element | null {
  const charts = React.useMemo(() => {
    try {
      return resultCharts(jobId, json, lang);
    } catch {
      // A result the charts do not know (a newer job shape): the tables still show every figure.
      return [];
    }
  }, [jobId, json, lang]);
  if (charts.length === 0) return null;
  return (
    <div data-testid="charts" style={{ display: "flex", flexDirection: "column", gap: 12 }}>
      {charts.map((c) => (
        <ChartView key={c.id} chart={c} lang={lang} />
      ))}
    </div>
  );
}
