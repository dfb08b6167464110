// A report a planner can hand in, read back from the .docx with mammoth: two counts that differ (communes at the
// standard by the data, communes recognised by decision) are explained in a sentence, and lists of criterion numbers
// break only between numbers.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import mammoth from "mammoth";
import { runCli } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");

async function report(file: string, extra: string[]) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-report-handin-"));
  const out = path.join(dir, "bao-cao.docx");
  const run = await runCli(["report", file, ...extra, "--json", "--out", out]);
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout) as {
    jobs: { id: string; status: string; result?: Record<string, any> }[];
  };
  const result = (id: string) => json.jobs.find((j) => j.id === id)?.result;
  const text = (await mammoth.extractRawText({ path: out })).value;
  const html = (await mammoth.convertToHtml({ path: out })).value;
  return { result, text, html };
}

describe("report: differing counts explained", () => {
  it("says why the communes at the standard and the communes recognised differ (2026 sample)", async () => {
    const { result, text } = await report(path.join(ROOT, "assets", "ntm-sample-2026.xlsx"), []);
    const summary = result("summary")!;
    const standard: number = summary.standard;
    const recognised: number = summary.tiers.standard;
    expect(standard).not.toBe(recognised);
    expect(text).toContain(`${standard}/${summary.communes} xã đạt chuẩn nông thôn mới`);
    const lines = text.split("\n");
    const said = lines.findIndex((l) => l.startsWith("Số xã đã được công nhận:"));
    expect(said).toBeGreaterThan(-1);
    const note = lines.slice(said + 1).find((l) => l.trim() !== "")!;
    expect(note).toContain(
      `Số xã đạt chuẩn (${standard} xã) khác số xã đã được công nhận (${recognised} xã)`
    );
    expect(note).toContain("xã đạt chuẩn là xã đạt đủ tất cả các tiêu chí theo số liệu");
    expect(note).toContain("xã được công nhận là xã đã có quyết định công nhận");
  }, 60_000);

  it("says nothing of the kind where the two counts agree (2021-2025 sample)", async () => {
    const { result, text } = await report(path.join(ROOT, "assets", "ntm-sample.xlsx"), [
      "--year",
      "2024",
      "--budget",
      "16",
    ]);
    const summary = result("summary")!;
    expect(summary.standard).toBe(summary.tiers.standard);
    expect(text).not.toContain("khác số xã đã được công nhận");
    // An assumed year is written as the user would type it (it was "Đến năm = 2.024").
    expect(text).toContain(`Đến năm = ${result("roadmap")!.years.slice(-1)[0].year} (`);
    expect(text).not.toMatch(/= \d\.\d{3} \(/);
  }, 60_000);
});

describe("report: lists of criteria never break inside a number", () => {
  it.each([
    ["ntm-sample.xlsx", ["--year", "2024", "--budget", "16"]],
    ["ntm-sample-2026.xlsx", []],
  ])(
    "%s: every list of criterion numbers has a space after each comma, never 1,2,3",
    async (name, extra) => {
      const { result, html } = await report(path.join(ROOT, "assets", name), extra);
      expect(result("targets")!.communes.length).toBeGreaterThan(0);
      const cells = [...html.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) =>
        m[1].replace(/<[^>]+>/g, "")
      );
      // A cell of numbers joined without a space ("1,2,3"; a decimal comma has one) can only wrap inside a number.
      expect(cells.filter((c) => /\d,\d+,\d/.test(c))).toEqual([]);
      // The criteria gained per commune (2026-2030) are listed after ", ".
      if (name === "ntm-sample-2026.xlsx")
        expect(cells.some((c) => /^\d+(, \d+)+$/.test(c))).toBe(true);
    },
    60_000
  );
});
