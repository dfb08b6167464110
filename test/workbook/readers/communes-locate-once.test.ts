// The communes table is located once per sheet and criteria set in a run: the sheet finder's test and the reader
// share it (profiling the CLI's start-up found the header search run three times on the same sheet).

import { MemoryWorkbook } from "../../../src/workbook/adapters/memory";
import { summaryJob } from "../../../src/workbook/jobs/summary";
import * as table from "../../../src/workbook/readers/table";

function book(): MemoryWorkbook {
  return new MemoryWorkbook({
    "Ghi chú": [["Ghi chú"], ["Không phải danh sách xã"]],
    Xa: [
      ["Danh sách xã"],
      ["Tên xã", "Số tiêu chí đạt", "Tiêu chí đạt"],
      ["A", 19, "1-19"],
      ["B", 16, "1,2,3,4,5,7,8,9,12,13,14,15,16,17,18,19"],
    ],
  });
}

/** Header searches for a communes table (their specs hold the criteria columns) on the sheet "Xa", by spec count. */
function communeSearches(spy: jest.SpyInstance): number[] {
  return spy.mock.calls
    .filter(
      ([grid, specs]: [{ sheet: string }, { key: string }[]]) =>
        grid.sheet === "Xa" && specs.some((s) => s.key === "tc1")
    )
    .map(([, specs]: [unknown, unknown[]]) => specs.length);
}

describe("communes table location", () => {
  let spy: jest.SpyInstance;
  beforeEach(() => {
    spy = jest.spyOn(table, "tryLocateTable");
  });
  afterEach(() => spy.mockRestore());

  it("runs once on the communes sheet when the period is given (finder and reader share it)", async () => {
    const result = await summaryJob.run({
      inputs: { communes: { workbook: book() } },
      options: { period: "2021-2025" },
    });
    expect(result.json).toMatchObject({ sheet: "Xa", communes: 2 });
    expect(communeSearches(spy)).toHaveLength(1);
  });

  it("runs once per criteria set asked when the period is read from the sheet", async () => {
    const result = await summaryJob.run({
      inputs: { communes: { workbook: book() } },
      options: {},
    });
    expect(result.json).toMatchObject({ sheet: "Xa", communes: 2 });
    // The 2026-2030 probe (does the sheet show commune groups or indicators?) and the 2021-2025 reading.
    const searches = communeSearches(spy);
    expect(searches).toHaveLength(2);
    expect(new Set(searches).size).toBe(2);
  });
});
