// The CLI's last guard on a job's JSON: a figure that is not finite is refused naming the input cell it rests on.

import { isInputError, type InputError } from "../../src/engine/errors";
import { compareFundingColumns } from "../../src/engine/funding/compare";
import { refuseNonFinite } from "../../src/cli/main";

function refusal(json: unknown): InputError {
  try {
    refuseNonFinite(json);
  } catch (e) {
    if (isInputError(e)) return e;
    throw e;
  }
  throw new Error("no refusal");
}

describe("refuseNonFinite", () => {
  it("names the sheet and cell of the line the figure rests on, not the JSON path alone", () => {
    const e = refusal({
      sheet: "Nguồn vốn",
      comparisons: [
        {
          lines: [
            { label: "Vốn lồng ghép", ratio: 1.5, source: { sheet: "Nguồn vốn", cell: "C4" } },
            {
              label: "Ngân sách trung ương",
              ratio: Infinity,
              source: { sheet: "Nguồn vốn", cell: "C3" },
            },
          ],
        },
      ],
    });
    expect([e.sheet, e.cell]).toEqual(["Nguồn vốn", "C3"]);
    expect(e.message).toContain("Ngân sách trung ương: comparisons.0.lines.1.ratio: Infinity");
    expect(e.message).toMatch(/Cần: .* \/ Expected: /);
  });

  it("accepts finite figures and nulls", () => {
    expect(() => refuseNonFinite({ a: [1, null, { b: 2 }] })).not.toThrow();
  });

  it("the funding comparison gives each line the cell of its base amount", () => {
    const [change] = compareFundingColumns({
      sheet: "Nguồn vốn",
      columns: ["Kế hoạch 2024", "Kế hoạch 2025"],
      lines: [
        {
          label: "Ngân sách trung ương",
          category: "central",
          level: 1,
          parent: null,
          amounts: [100, 120],
          cells: ["C3", "D3"],
        },
      ],
    });
    expect(change.lines[0].source).toEqual({ sheet: "Nguồn vốn", cell: "C3" });
  });
});
