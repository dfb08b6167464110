// When the plan year switches the period away from what the status sheet holds, the refusal says so first and names
// what the sheet is, rather than asking for a column the other set needs (or one the sheet has).

import * as path from "node:path";
import { runCli } from "./helpers";

const SAMPLE_2023 = path.join(__dirname, "..", "..", "assets", "ntm-sample.xlsx");
const SAMPLE_2026 = path.join(__dirname, "..", "..", "assets", "ntm-sample-2026.xlsx");

describe("a year that switches the period", () => {
  it.each(["summary", "targets", "plan"])(
    "%s --year 2026 on the 2023 sample says the year chose 2026-2030",
    async (cmd) => {
      const run = await runCli([cmd, SAMPLE_2023, "--year", "2026"]);
      expect(run.code).not.toBe(0);
      expect(run.stderr.trim()).toMatch(
        /^Năm kế hoạch 2026 đã nhập \(--year\) thuộc giai đoạn 2026-2030/
      );
      expect(run.stderr).toContain("trang 'Xã' là số liệu theo bộ 2021-2025 (19 tiêu chí)");
    },
    60_000
  );

  it.each(["summary", "targets", "plan"])(
    "%s --year 2024 on the 2026 sample names the sheet's set, not a Tên xã column",
    async (cmd) => {
      const run = await runCli([cmd, SAMPLE_2026, "--year", "2024"]);
      expect(run.code).not.toBe(0);
      expect(run.stderr.trim()).toMatch(
        /^Năm kế hoạch 2024 đã nhập \(--year\) thuộc giai đoạn 2021-2025/
      );
      expect(run.stderr).toContain("trang 'Xã' là số liệu theo bộ 2026-2030");
      expect(run.stderr).not.toContain('"Tên xã"');
    },
    60_000
  );
});
