// A central budget stored as 5e-324 (the smallest double: a figure pasted from another tool, or a unit gone wrong)
// makes local ÷ central overflow. The run stops naming the sheet and the central figure's cell in both languages,
// never with the result path of an infinite ratio ("comparisons.0.lines.3.ratio: Infinity").

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { jobJson, writeFundingBook } from "./money-books";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-tiny-central-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

it("refuses a central figure whose ratio overflows, naming its sheet and cell", async () => {
  const file = await writeFundingBook(path.join(dir, "tiny.xlsx"), {
    unitLine: "ĐVT: triệu đồng",
    headers: ["Kết quả huy động năm 2023"],
    rows: [
      ["I", "NGÂN SÁCH TRUNG ƯƠNG", 5e-324],
      ["II", "NGÂN SÁCH ĐỊA PHƯƠNG", 30577],
    ],
  });
  const run = await jobJson(["counterpart", file, "--ratio", "1"]);
  expect(run.code).toBe(2);
  // Header on sheet row 4, the central line on row 5, its amount in column C.
  expect(run.stderr).toContain("sheet 'Nguồn vốn'");
  expect(run.stderr).toContain("C5");
  expect(run.stderr).toMatch(/quá nhỏ/);
  expect(run.stderr).toMatch(/overflows/);
  expect(run.stderr).not.toMatch(/Infinity|comparisons\./);
});
