// The preview's charts come from the job results, figures unchanged.

import { resultCharts } from "../../../src/workbook/report/charts";

describe("resultCharts", () => {
  it("charts communes per band and per criterion from a summary", () => {
    const charts = resultCharts(
      "summary",
      {
        period: "2021-2025",
        periodNote: { vi: "Bộ tiêu chí 2021-2025", en: "Criteria set 2021-2025" },
        sheet: "Xã",
        shape: "list",
        warnings: [],
        communes: 80,
        averageCriteria: 18.625,
        standard: 70,
        bands: [
          { label: "19", min: 19, max: 19, count: 70 },
          { label: "15-18", min: 15, max: 18, count: 10 },
        ],
        criterionCounts: { "2": 73, "1": 80 },
      },
      "vi"
    );
    expect(charts.map((c) => c.id)).toEqual(["bands", "criteria"]);
    expect(charts[0].series[0].values).toEqual([70, 10]);
    expect(charts[1].categories).toEqual(["1. Quy hoạch", "2. Giao thông"]);
    expect(charts[1].series[0].values).toEqual([80, 73]);
  });

  it("charts the counterpart ratio by year against the minimum", () => {
    const column = (year: string, ratio: number) => ({
      column: year,
      central: 1,
      local: ratio,
      ratio,
      required: 1,
      shortfall: 0,
      compliant: ratio >= 1,
    });
    const [chart] = resultCharts(
      "counterpart",
      {
        sheet: "Nguồn vốn",
        unit: { vi: "triệu đồng", en: "million VND" },
        required: 1,
        basis: "tỷ lệ nêu trực tiếp 1 / stated ratio",
        columns: [column("2023", 0.243), column("2024", 1.052)],
      },
      "en"
    );
    expect(chart).toMatchObject({ id: "counterpart", categories: ["2023", "2024"] });
    expect(chart.series[0].values).toEqual([0.243, 1.052]);
    expect(chart.reference).toEqual({ value: 1, label: "Minimum 1" });
  });

  it("refuses a result without the fields it charts rather than draw a wrong bar", () => {
    expect(() => resultCharts("summary", { communes: 80 }, "vi")).toThrow(/summary/);
  });
});
