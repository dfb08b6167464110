import { indicatorPolicyRows, indicatorStatusRows } from "../../bench/indicator-workbook";
import { MemoryWorkbook } from "../../src/workbook/adapters/memory";
import { summaryJob } from "../../src/workbook/jobs/summary";

describe("the bench's 2026-2030 workbook", () => {
  it("is the same for the same size, and another for another size", () => {
    expect(indicatorStatusRows(200)).toEqual(indicatorStatusRows(200));
    expect(indicatorStatusRows(201).rows.slice(2, 202)).not.toEqual(
      indicatorStatusRows(200).rows.slice(2)
    );
  });

  it("reads through the summary job to the generator's communes, standard and per-indicator counts", async () => {
    const { rows, book } = indicatorStatusRows(300);
    const workbook = new MemoryWorkbook({
      "Chỉ tiêu theo nhóm xã": indicatorPolicyRows(),
      Xã: rows,
    });
    const result = await summaryJob.run({ inputs: { communes: { workbook } }, options: {} });
    const json = result.json as {
      period: string;
      communes: number;
      standard: number;
      indicatorCounts: Record<string, number>;
    };
    expect(json.period).toBe("2026-2030");
    expect(json.communes).toBe(300);
    expect(book.complete).toBeGreaterThan(60);
    expect(json.standard).toBe(book.complete);
    expect(Object.keys(json.indicatorCounts)).toHaveLength(47);
    for (const [code, met] of book.met) expect(json.indicatorCounts[code]).toBe(met);
    // An async test: half a second alone, given room on a loaded machine.
  }, 60_000);
});
