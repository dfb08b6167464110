// Both roadmaps, per criterion (2021-2025) and per indicator (2026-2030), write their period targets check as one
// table with one set of headers: each the header glossary's "Tiếng Việt (English)" (src/workbook/headers.ts).

import type { Bilingual } from "../../../src/engine/errors";
import {
  notProjected,
  type IndicatorRoadmap,
  type Roadmap,
  type TargetCheck,
} from "../../../src/engine/roadmap";
import type { BudgetUnit } from "../../../src/workbook/budget-unit";
import { HEADER_ENGLISH, HEADER_UNITS } from "../../../src/workbook/headers";
import type { OutputSheet, OutputTable } from "../../../src/workbook/output";
import { safeOutputSheets } from "../../../src/workbook/output-text";
import { indicatorRoadmapSheet } from "../../../src/workbook/writers/indicator-roadmap";
import { PERIOD_TARGETS_TABLE } from "../../../src/workbook/writers/period-targets";
import { roadmapSheet } from "../../../src/workbook/writers/roadmap";

const label = (vi: string, en: string) => ({ vi, en });

/** Three targets: one met in 2028, one missed by 0,5 criteria per commune, one not projected. */
const TARGETS: TargetCheck[] = [
  {
    name: "standard",
    label: label("Số xã đạt chuẩn", "Communes at the standard"),
    target: 72,
    projected: 75,
    reachable: true,
    year: 2028,
    yearAtThisPace: 2028,
    cost: 1200,
    shortfall: 0,
    extraCost: null,
  },
  {
    name: "averageCriteria",
    label: label("Số tiêu chí bình quân/xã", "Average criteria per commune"),
    target: 9.5,
    projected: 9,
    reachable: false,
    year: null,
    yearAtThisPace: 2032,
    cost: null,
    shortfall: 0.5,
    extraCost: 800,
  },
  {
    name: "maxBelow",
    ...notProjected(
      label("Số xã dưới 5 tiêu chí (tối đa)", "Communes under 5 criteria (at most)"),
      0
    ),
  },
];

const MODERN_NOTE: Bilingual = { vi: "chưa dự kiến: lý do", en: "not projected: the reason" };

function year(y: number, standard: number) {
  return {
    year: y,
    gained: 0,
    newlyStandard: [],
    standard,
    averageCriteria: 9,
    below: 0,
    cost: 0,
    cumulativeCost: 0,
  };
}

const CRITERION: Roadmap = {
  communes: 80,
  criteriaCount: 10,
  below: 5,
  pace: 1.5,
  budget: 400,
  costPerCriterion: 100,
  start: { ...year(2026, 70), advanced: null, model: null },
  years: [{ ...year(2027, 75), advanced: null, model: null }],
  targets: TARGETS,
};

const INDICATOR: IndicatorRoadmap = {
  level: "indicators",
  communes: 80,
  criteriaCount: 10,
  below: 5,
  budget: 400,
  method: "greedy",
  cap: null,
  start: {
    ...year(2026, 70),
    modern: null,
    indicatorsGained: 0,
    indicatorsMissing: 9,
    optimal: false,
    gap: null,
  },
  years: [
    {
      ...year(2027, 75),
      modern: null,
      indicatorsGained: 9,
      indicatorsMissing: 0,
      optimal: false,
      gap: null,
    },
  ],
  targets: TARGETS.map((t) => ({
    ...(t as Omit<TargetCheck, "name">),
    name: t.name as "standard" | "averageCriteria" | "maxBelow",
    ...(t.reachable === null ? { note: MODERN_NOTE } : {}),
  })),
  modernNote: MODERN_NOTE,
  warnings: [],
};

/** The period targets table as written (through the output boundary, which gives each header its English). */
function written(sheet: OutputSheet): OutputTable {
  const table = safeOutputSheets([sheet]).sheets[0].tables.find(
    (t) => t.name === PERIOD_TARGETS_TABLE
  );
  if (!table) throw new Error(`no ${PERIOD_TARGETS_TABLE} on ${sheet.sheet}`);
  return table;
}

const criterionTable = (unit: BudgetUnit) => written(roadmapSheet(CRITERION, 2030, { unit }));
const indicatorTable = (unit: BudgetUnit) =>
  written(
    indicatorRoadmapSheet(
      INDICATOR,
      2030,
      "2026-2030",
      { vi: "bảng của tỉnh", en: "the province's" },
      unit
    )
  );

/** A glossary word in the sheets' one way: "Mục tiêu (Goal)". */
const word = (vi: string) => `${vi} (${HEADER_ENGLISH[vi]})`;
/** A glossary word with its unit: "Còn thiếu, triệu đồng (Short by, million VND)". */
const withUnit = (vi: string, unit: string) =>
  `${vi}, ${unit} (${HEADER_ENGLISH[vi]}, ${HEADER_UNITS[unit]})`;

describe("the period targets table", () => {
  it.each([
    ["million-vnd", "triệu đồng"],
    ["criteria", "tiêu chí"],
  ] as const)(
    "has one set of headers in both roadmaps, from the header glossary (%s)",
    (unit, unitVi) => {
      const headers = criterionTable(unit).columns.map((c) => c.header);
      expect(indicatorTable(unit).columns.map((c) => c.header)).toEqual(headers);
      expect(headers).toEqual([
        word("Chỉ tiêu"),
        word("Mục tiêu"),
        "Dự kiến năm 2030 (Projected 2030)",
        word("Đánh giá"),
        word("Năm đạt"),
        withUnit("Kinh phí đến năm đạt", unitVi),
        word("Còn thiếu"),
        withUnit("Kinh phí bổ sung ước tính", unitVi),
        word("Năm đạt nếu giữ tốc độ"),
        word("Ghi chú"),
      ]);
      for (const header of headers) expect(header).not.toContain("undefined");
    }
  );

  it("writes each target's figures, its assessment in both languages and why it is not projected", () => {
    for (const table of [criterionTable("million-vnd"), indicatorTable("million-vnd")]) {
      expect(table.rows.map((r) => r.slice(0, 9))).toEqual(
        TARGETS.map((t) => [
          `${t.label.vi} (${t.label.en})`,
          t.target,
          t.projected,
          t.reachable === null
            ? "Chưa dự kiến (not projected)"
            : t.reachable
              ? "Đạt (met)"
              : "Không đạt (not met)",
          t.year,
          t.cost,
          t.shortfall,
          t.extraCost,
          t.yearAtThisPace,
        ])
      );
      // Only the target not projected has a note; the average is shown to two decimals, the counts whole.
      expect(table.rows.map((r) => r[9] !== "")).toEqual([false, false, true]);
      expect(table.columns[1].rowFormats?.[1]).toBe("#,##0.00");
      expect(table.columns[1].rowFormats?.[0]).toBe("#,##0");
    }
    expect(indicatorTable("million-vnd").rows[2][9]).toBe(`${MODERN_NOTE.vi} / ${MODERN_NOTE.en}`);
    expect(criterionTable("million-vnd").rows[2][9]).toMatch(
      /^chưa dự kiến: .* \/ not projected: /
    );
  });
});
