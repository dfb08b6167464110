// `ntm-plan report` with the document frame (Nghị định 30/2020/NĐ-CP): its flags and `--help` come from the one
// declaration (REPORT_FRAME_OPTIONS), and what the flags give is printed in the .docx, read back with mammoth.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import mammoth from "mammoth";
import { runCli } from "./helpers";
import { REPORT_FRAME_OPTIONS } from "../../src/engine/options";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "ntm-sample.xlsx");

describe("ntm-plan report: the document frame", () => {
  it("lists every declared frame field in --help with its label", async () => {
    const run = await runCli(["report", "--help"]);
    expect(run.code).toBe(0);
    expect(REPORT_FRAME_OPTIONS.specs.length).toBeGreaterThanOrEqual(12);
    for (const spec of REPORT_FRAME_OPTIONS.specs) {
      expect(run.stdout).toContain(`--${spec.id}`);
      expect(run.stdout).toContain(`${spec.label.vi} / ${spec.label.en}`);
    }
  });

  it("prints the fields given by flags in the .docx, the others as dotted blanks", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-report-frame-"));
    const out = path.join(dir, "bao-cao.docx");
    const run = await runCli([
      "report",
      SAMPLE,
      "--year",
      "2024",
      "--agency",
      "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
      "--doc-number",
      "07",
      "--place",
      "Sóc Trăng",
      "--date",
      "2024-02-09",
      "--signer",
      "Nguyễn Văn Bình",
      "--json",
      "--out",
      out,
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const frame = JSON.parse(run.stdout).frame;
    expect(frame.agency).toBe("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG");
    const lines = (await mammoth.extractRawText({ path: out })).value
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "");
    const at = (l: string) => lines.indexOf(l);
    expect(at("……")).toBe(0); // the superior agency, not given
    expect(at("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG")).toBe(1);
    expect(at("Số: 07/……")).toBe(2);
    expect(at("Sóc Trăng, ngày 09 tháng 02 năm 2024")).toBeGreaterThan(2);
    expect(at("Nguyễn Văn Bình")).toBeGreaterThan(at("Nơi nhận:"));
    expect(at("Nguyễn Văn Bình")).toBeLessThan(at("Phụ lục I"));
  }, 60_000);

  it("refuses a date that is not one before running the jobs", async () => {
    const run = await runCli(["report", SAMPLE, "--year", "2024", "--date", "30/02/2024"]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("Ngày ban hành");
    expect(run.stderr).toContain("30/02/2024");
  });
});
