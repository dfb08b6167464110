// A roadmap target the roadmap does not project (a tier with no current count and no pace) is said, not printed as a
// figure; it used to stop the report (the report's own schema wanted a number there).

import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import { buildReport } from "../../../src/workbook/report/build";
import { createRoadmapJob } from "../../../src/workbook/jobs/roadmap";
import { readCommunes } from "../../../src/workbook/readers/communes";

describe("report of a roadmap with a target it does not project", () => {
  it("says 'chưa dự báo' for the advanced communes target", async () => {
    const book = new MemoryWorkbook({
      Xã: [
        ["Tên xã", "Số tiêu chí đạt"],
        ["A", 19],
        ["B", 17],
        ["C", 15],
      ],
    });
    const result = await createRoadmapJob(readCommunes).run({
      inputs: { communes: { workbook: book } },
      options: { budget: 5, from: 2024, to: 2025, period: "2021-2025", "target-advanced": 2 },
    });
    const advanced = (result.json.targets as { name: string; projected: number | null }[]).find(
      (t) => t.name === "advanced"
    );
    expect(advanced?.projected).toBeNull();
    const report = buildReport({ roadmap: result.json }, { lang: "vi" });
    const text = report.sections.flatMap((s) => s.blocks.map((b) => b.text)).join("\n");
    expect(text).toMatch(/mục tiêu 2, dự kiến chưa dự báo, chưa dự báo được/);
  });
});
