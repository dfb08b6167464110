// The few figures each job's preview opens with, read from the job's machine-readable result (never from its text),
// parsed by each job's one declaration of its JSON (src/workbook/results.ts).

import { z } from "zod";
import type { Bilingual } from "../engine/errors";
import { SOURCE_CATEGORY_LABELS } from "../engine/funding/categories";
import { formatVi } from "../engine/numbers";
import { NO_LIMIT_WORDS, UNIT_WORDS } from "../workbook/budget-unit";
import type { JobResult } from "../workbook/jobs/job";
import {
  allocateJson,
  counterpartJson,
  fundingJson,
  indicatorRoadmapJson,
  mergeJson,
  planTotalsJson,
  roadmapJson,
  summaryJson,
} from "../workbook/results";

export type FigureTone = "success" | "warning" | "danger";

/** One tile: a figure with its label; `parts` lists a breakdown (band counts, shares) on the tile. */
export interface KeyFigure {
  /** Stable within a job, for tests and React keys: "standard", "band-19", "ratio-1". */
  id: string;
  label: Bilingual;
  /** The figure, in Vietnamese number format in both languages (reports quote it that way). */
  value: string;
  note?: Bilingual;
  tone?: FigureTone;
  parts?: { label: Bilingual; value: string }[];
}

export interface KeyFigures {
  figures: KeyFigure[];
  /** The sheet the job read its data from, when it says. */
  sheet?: string;
}

const same = (text: string): Bilingual => ({ vi: text, en: text });
const percent = (share: number, digits = 2) => `${formatVi(share * 100, digits)}%`;
const MILLION: Bilingual = { vi: "triệu đồng", en: "million VND" };

function summaryFigures(json: z.infer<typeof summaryJson>): KeyFigure[] {
  const { communes, standard } = json;
  const figures: KeyFigure[] = [
    {
      id: "standard",
      label: { vi: "Xã đạt chuẩn NTM", en: "Communes at the NTM standard" },
      value: `${formatVi(standard)}/${formatVi(communes)}`,
      note: communes > 0 ? same(percent(standard / communes)) : undefined,
    },
    {
      id: "average",
      label: { vi: "Tiêu chí bình quân/xã", en: "Average criteria per commune" },
      value: formatVi(json.averageCriteria, 2),
    },
  ];
  if (json.tiers?.modern !== undefined) {
    figures.push({
      id: "modern",
      label: { vi: "Xã NTM hiện đại", en: "Modern NTM communes" },
      value: formatVi(json.tiers.modern),
    });
  } else if (json.tiers) {
    figures.push(
      {
        id: "advanced",
        label: { vi: "Xã NTM nâng cao", en: "Advanced NTM communes" },
        value: formatVi(json.tiers.advanced),
      },
      {
        id: "model",
        label: { vi: "Xã NTM kiểu mẫu", en: "Model NTM communes" },
        value: formatVi(json.tiers.model),
      }
    );
  }
  figures.push({
    id: "bands",
    label: { vi: "Số xã theo số tiêu chí đạt", en: "Communes by criteria met" },
    value: formatVi(json.bands.reduce((sum, b) => sum + b.count, 0)),
    parts: json.bands.map((b) => ({
      label: { vi: `${b.label} tiêu chí`, en: `${b.label} criteria` },
      value: formatVi(b.count),
    })),
  });
  // The period used is always shown, with why it was chosen (plan year, the sheet's columns, the option).
  if (json.period) {
    figures.push({
      id: "period",
      label: { vi: "Bộ tiêu chí", en: "Criteria set" },
      value: json.period,
      note: json.periodNote,
    });
  }
  return figures;
}

function targetsFigures(json: z.infer<typeof planTotalsJson>): KeyFigure[] {
  const unproven = json.method === "optimal" && !json.optimal;
  const unit = UNIT_WORDS[json.unit];
  return [
    // No budget is said first, not only in a note: the plan spends whatever its targets cost.
    ...(json.budget === null
      ? [
          {
            id: "no-limit",
            label: { vi: "Ngân sách", en: "Budget" },
            value: NO_LIMIT_WORDS,
            note: {
              vi: "Không nhập ngân sách: kế hoạch không giới hạn kinh phí",
              en: "No budget entered: the plan has no spending limit",
            },
            tone: "warning" as const,
          },
        ]
      : []),
    {
      id: "newly-standard",
      label: { vi: "Xã đạt chuẩn mới", en: "Newly standard communes" },
      value: formatVi(json.newlyStandard),
    },
    {
      id: "criteria-gained",
      label: { vi: "Tiêu chí tăng thêm", en: "Criteria gained" },
      value: formatVi(json.criteriaGained),
    },
    {
      id: "average",
      label: { vi: "Tiêu chí bình quân/xã", en: "Average criteria per commune" },
      value: `${formatVi(json.currentAverage, 2)} → ${formatVi(json.projectedAverage, 2)}`,
    },
    json.budget === null
      ? {
          id: "cost",
          label: { vi: `Kinh phí (${unit.vi})`, en: `Cost (${unit.en})` },
          value: formatVi(json.cost),
          note: { vi: "Ngân sách không giới hạn", en: "No budget limit" },
        }
      : {
          id: "cost",
          label: {
            vi: `Kinh phí / ngân sách (${unit.vi})`,
            en: `Cost / budget (${unit.en})`,
          },
          value: `${formatVi(json.cost)} / ${formatVi(json.budget)}`,
          note: {
            vi: `Còn lại ${formatVi(json.budgetLeft ?? 0)}`,
            en: `Left ${formatVi(json.budgetLeft ?? 0)}`,
          },
          tone: json.cost > json.budget ? "danger" : undefined,
        },
    ...(unproven
      ? [
          {
            id: "gap",
            label: { vi: "Chưa chứng minh tối ưu", en: "Not proven optimal" },
            value: json.gap === null ? "—" : percent(json.gap),
            note: { vi: "Khoảng cách tối ưu", en: "Optimality gap" },
            tone: "warning" as const,
          },
        ]
      : []),
  ];
}

function fundingFigures(json: z.infer<typeof fundingJson>): KeyFigure[] {
  const figures: KeyFigure[] = json.columns.map((column, i) => ({
    id: `total-${i + 1}`,
    label: { vi: `${column.column} (triệu đồng)`, en: `${column.column} (million VND)` },
    value: formatVi(column.total),
    // The main shares: the top-level sources, named by their group so English needs no translation of labels.
    parts: column.lines
      .filter((l) => l.level === 1)
      .map((l) => ({
        label: l.category === "other" ? same(l.label) : SOURCE_CATEGORY_LABELS[l.category],
        // As the sheet shows them: the shown shares add to exactly 100,00%.
        value: percent(l.displayedShare),
      })),
  }));
  const mismatches = json.columns.reduce((n, c) => n + c.checks.filter((x) => !x.ok).length, 0);
  figures.push({
    id: "checks",
    label: { vi: "Kiểm tra cộng dồn", en: "Sum checks" },
    value: mismatches === 0 ? "✓" : formatVi(mismatches),
    note:
      mismatches === 0
        ? { vi: "Các số cộng dồn khớp", en: "All sums agree" }
        : { vi: "chỗ lệch, xem Lưu ý", en: "mismatches, see Warnings" },
    tone: mismatches === 0 ? "success" : "warning",
  });
  return figures;
}

function counterpartFigures(json: z.infer<typeof counterpartJson>): KeyFigure[] {
  const minimum = formatVi(json.required, 2);
  return json.columns.map((c, i) => ({
    id: `ratio-${i + 1}`,
    label: { vi: `Tỷ lệ đối ứng — ${c.column}`, en: `Counterpart ratio — ${c.column}` },
    value: c.ratio === null ? "—" : formatVi(c.ratio, 2),
    note: c.compliant
      ? { vi: `Đạt (tối thiểu ${minimum})`, en: `Compliant (minimum ${minimum})` }
      : {
          vi: `Chưa đạt (tối thiểu ${minimum}), thiếu ${formatVi(c.shortfall)} triệu đồng`,
          en: `Short of the minimum ${minimum} by ${formatVi(c.shortfall)} million VND`,
        },
    tone: c.compliant ? "success" : "danger",
  }));
}

function allocateFigures(json: z.infer<typeof allocateJson>): KeyFigure[] {
  const largest = [...json.allocations].sort((a, b) => b.amount - a.amount)[0];
  return [
    {
      id: "envelope",
      label: { vi: "Tổng vốn phân bổ (triệu đồng)", en: "Envelope (million VND)" },
      value: formatVi(json.total),
      note: {
        vi: `Làm tròn đến ${formatVi(json.unit)} ${MILLION.vi}`,
        en: `Rounded to ${formatVi(json.unit)} ${MILLION.en}`,
      },
    },
    {
      id: "units",
      label: { vi: "Số đơn vị được phân bổ", en: "Units allocated" },
      value: formatVi(json.allocations.length),
      note:
        json.basis === "need"
          ? { vi: "Theo nhu cầu", en: "By need" }
          : { vi: "Theo hệ số", en: "By coefficient" },
    },
    ...(largest
      ? [
          {
            id: "largest",
            label: { vi: "Mức cao nhất (triệu đồng)", en: "Largest share (million VND)" },
            value: formatVi(largest.amount),
            note: same(largest.unit),
          },
        ]
      : []),
  ];
}

/** The roadmap per criterion or per indicator: the figures read what both have. */
const anyRoadmapJson = z.union([indicatorRoadmapJson, roadmapJson]);

/** Counts are whole; an average target keeps two decimals. */
const figure = (x: number) => (Number.isInteger(x) ? formatVi(x) : formatVi(x, 2));

function roadmapFigures(json: z.infer<typeof anyRoadmapJson>): KeyFigure[] {
  const last = json.years[json.years.length - 1];
  const figures: KeyFigure[] = [];
  if (last) {
    figures.push({
      id: "standard-end",
      label: {
        vi: `Xã đạt chuẩn năm ${last.year}`,
        en: `Standard communes in ${last.year}`,
      },
      value: `${formatVi(last.standard)}/${formatVi(json.communes)}`,
      note: {
        vi: `${formatVi(last.averageCriteria, 2)} tiêu chí bình quân/xã`,
        en: `${formatVi(last.averageCriteria, 2)} criteria per commune on average`,
      },
    });
  }
  for (const t of json.targets) {
    const projected = t.projected === null ? "—" : figure(t.projected);
    figures.push({
      id: `target-${t.name}`,
      label: t.label,
      value: `${projected} / ${figure(t.target)}`,
      note:
        t.reachable === null
          ? (t.note ?? { vi: "Chưa dự báo (cần tốc độ tăng)", en: "Not projected (needs a pace)" })
          : t.reachable
            ? {
                vi: `Đạt${t.year === null ? "" : ` năm ${t.year}`}`,
                en: `Reached${t.year === null ? "" : ` in ${t.year}`}`,
              }
            : {
                vi: `Không đạt, còn thiếu ${figure(t.shortfall ?? 0)}`,
                en: `Not reached, short by ${figure(t.shortfall ?? 0)}`,
              },
      tone: t.reachable === null ? "warning" : t.reachable ? "success" : "danger",
    });
  }
  return figures;
}

function mergeFigures(json: z.infer<typeof mergeJson>): KeyFigure[] {
  const old = json.merged.reduce((n, m) => n + m.from.length, 0);
  const figures: KeyFigure[] = [
    {
      id: "new-communes",
      label: { vi: "Xã mới sau sáp nhập", en: "Communes after the merger" },
      value: formatVi(json.merged.length),
      note: {
        vi: `từ ${formatVi(old)} xã cũ`,
        en: `from ${formatVi(old)} old commune${old === 1 ? "" : "s"}`,
      },
    },
  ];
  const money = json.money;
  if (money) {
    figures.push({
      id: "money",
      label: { vi: "Kinh phí chuyển sang (triệu đồng)", en: "Money carried (million VND)" },
      value: formatVi(money.communes.length),
      note: { vi: "xã mới có kinh phí", en: "merged communes with money" },
      parts: money.columns.map((column, i) => ({
        label: same(column),
        value: formatVi(money.communes.reduce((sum, c) => sum + (c.amounts[i] ?? 0), 0)),
      })),
    });
  }
  return figures;
}

/** Each job's reading of its result: the json schema it promises and the tiles made from it. */
const READERS: Record<string, (json: unknown) => KeyFigure[] | undefined> = {
  summary: reader(summaryJson, summaryFigures),
  // Both kinds of targets result (per criterion, per indicator) share the plan's totals.
  targets: reader(planTotalsJson, targetsFigures),
  funding: reader(fundingJson, fundingFigures),
  counterpart: reader(counterpartJson, counterpartFigures),
  allocate: reader(allocateJson, allocateFigures),
  roadmap: reader(anyRoadmapJson, roadmapFigures),
  merge: reader(mergeJson, mergeFigures),
};

function reader<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  figures: (json: T) => KeyFigure[]
): (json: unknown) => KeyFigure[] | undefined {
  return (json) => {
    const parsed = schema.safeParse(json);
    return parsed.success ? figures(parsed.data) : undefined;
  };
}

/**
 * The tiles for a job's result; no figures for a job without a reader or a result of another shape (the preview
 * then shows the job's text instead).
 */
export function keyFigures(jobId: string | undefined, result: JobResult): KeyFigures {
  const sheet = typeof result.json.sheet === "string" ? result.json.sheet : undefined;
  const read = jobId ? READERS[jobId] : undefined;
  return { figures: read?.(result.json) ?? [], sheet };
}
