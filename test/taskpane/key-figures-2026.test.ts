import { keyFigures } from "../../src/taskpane/key-figures";

// A summary result as the job declares it (src/workbook/results.ts).
const json = {
  sheet: "Xã",
  shape: "indicators",
  warnings: [],
  period: "2026-2030",
  periodNote: {
    vi: "Bộ tiêu chí 2026-2030 (năm kế hoạch 2027)",
    en: "Criteria set 2026-2030 (plan year 2027)",
  },
  communes: 100,
  averageCriteria: 8.35,
  standard: 51,
  bands: [{ label: "10", min: 10, max: 10, count: 51 }],
  tiers: { standard: 50, advanced: 0, model: 0, modern: 10 },
};

describe("key figures of a 2026-2030 summary", () => {
  it("show the period used with why, and modern communes instead of advanced and model", () => {
    const { figures } = keyFigures("summary", {
      json,
      text: "",
      sheets: [],
      warnings: [],
      reading: [],
    });
    const ids = figures.map((f) => f.id);
    expect(ids).toContain("modern");
    expect(ids).not.toContain("advanced");
    expect(figures.find((f) => f.id === "period")).toMatchObject({
      value: "2026-2030",
      note: { vi: "Bộ tiêu chí 2026-2030 (năm kế hoạch 2027)" },
    });
  });
});
