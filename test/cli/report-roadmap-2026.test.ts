// `ntm-plan report` on the 2026-2030 sample with a roadmap: the part per indicator, with the roadmap result's
// figures, the province's targets and the modern tier said to be not projected; recognised communes by the
// 2026-2030 tiers (no advanced or model tier).

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import mammoth from "mammoth";
import { runCli } from "./helpers";
import { expectStrictFile } from "../support/strict-files";

const FILE = path.join(__dirname, "..", "..", "assets", "ntm-sample-2026.xlsx");

const vi = (n: number) => n.toLocaleString("de-DE");

describe("ntm-plan report on the 2026-2030 sample with a roadmap", () => {
  it("writes the roadmap per indicator from the roadmap result", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-report-roadmap-2026-"));
    const out = path.join(dir, "bao-cao.docx");
    const run = await runCli([
      "report",
      FILE,
      "--year",
      "2027",
      "--budget",
      "20000",
      "--to",
      "2030",
      "--json",
      "--out",
      out,
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      jobs: { id: string; status: string; result: Record<string, unknown> }[];
    };
    const roadmap = json.jobs.find((j) => j.id === "roadmap")!;
    expect(roadmap.status).toBe("done");
    const r = roadmap.result as {
      level: string;
      communes: number;
      start: { standard: number; year: number };
      years: { year: number; standard: number; cumulativeCost: number }[];
      modern: { now: number };
    };
    expect(r.level).toBe("indicators");
    const last = r.years[r.years.length - 1];
    expect(last.year).toBe(2030);
    expectStrictFile(out);
    const text = (await mammoth.extractRawText({ buffer: await fs.readFile(out) })).value;
    expect(text).toContain(
      `từ ${r.start.standard}/${r.communes} xã đạt chuẩn cuối năm ${r.start.year}, ` +
        `dự kiến đến cuối năm 2030 toàn tỉnh có ${last.standard}/${r.communes} xã đạt chuẩn nông thôn mới`
    );
    expect(text).toContain(`tổng kinh phí ${vi(last.cumulativeCost)} triệu đồng`);
    expect(text).toContain("Mục tiêu giai đoạn: trang 'Chỉ tiêu giai đoạn'");
    expect(text).toContain(
      "Số xã đạt chuẩn nông thôn mới hiện đại: mục tiêu 10, chưa dự kiến: chưa có yêu cầu của mức xã NTM hiện đại."
    );
    expect(text).toContain(`trong đó ${r.modern.now} xã đạt chuẩn nông thôn mới hiện đại`);
    expect(text).not.toContain("nâng cao");
    await fs.rm(dir, { recursive: true, force: true });
  }, 90_000);
});
