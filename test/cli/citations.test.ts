// The product cites a legal text by number only when the domain brief's list of confirmed texts (§10) holds it:
// every string of the source (text, sheets, report, pane), the README, and what allocation and the counterpart check
// print and write on the samples are scanned for decision numbers outside that list.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE_2026 = path.join(ROOT, "assets", "ntm-sample-2026.xlsx");
const SAMPLE_2023 = path.join(ROOT, "assets", "ntm-sample.xlsx");

/** Brief §10: the texts the product may cite, and those the seed documents cite. */
const CONFIRMED = [
  "51/2025",
  "257/2025",
  "07/2022",
  "25/2025",
  "30/2020",
  "800/QĐ-TTg",
  // cited by the seed reports (appendix layouts the readers learn from)
  "923/QĐ-TTg",
  "1305/QĐ-UBND",
];

/** "16/2026/QĐ-TTg", "QĐ 16/2026", "Decision 16/2026", "Nghị định 30/2020", "800/QĐ-TTg" (not a date "12/2023"). */
const NUMBER = new RegExp(
  [
    "\\b\\d{1,4}\\/\\d{4}\\/[A-ZĐ][A-ZĐa-z0-9-]*",
    "\\b\\d{1,4}\\/(?:QĐ|NQ|NĐ|CT|TT)-[A-ZĐa-z0-9-]+",
    "(?:QĐ|Quyết định|Decision|Nghị định|Decree|NQ|Nghị quyết|Resolution|Thông tư|Circular)\\s+(?:số\\s+)?\\d{1,4}\\/\\d{4}",
  ].join("|"),
  "gu"
);

function uncited(text: string): string[] {
  const found = text.match(NUMBER) ?? [];
  return found.filter((n) => !CONFIRMED.some((c) => n.replace(/^\D+/, "").startsWith(c)));
}

async function filesUnder(dir: string, exts: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p, exts)));
    else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}

async function workbookText(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const parts: string[] = [];
  wb.eachSheet((ws) => {
    parts.push(ws.name);
    ws.eachRow((row) => row.eachCell((c) => parts.push(String(c.text ?? ""))));
  });
  return parts.join("\n");
}

describe("legal citations", () => {
  it("finds the numbers it looks for (the scan can fail)", () => {
    expect(uncited("theo QĐ 16/2026/QĐ-TTg và Decision 16/2026")).toEqual([
      "QĐ 16/2026",
      "Decision 16/2026",
    ]);
    expect(uncited("cuối năm 12/2023, 01/07/2025")).toEqual([]);
    expect(uncited("QĐ 07/2022/QĐ-TTg; Nghị định 30/2020/NĐ-CP")).toEqual([]);
  });

  it("the source, pane strings included, and the README cite only confirmed texts", async () => {
    const files = [
      ...(await filesUnder(path.join(ROOT, "src"), [".ts", ".tsx", ".html"])),
      path.join(ROOT, "README.md"),
      path.join(ROOT, "manifest.xml"),
    ];
    const bad: string[] = [];
    for (const f of files) {
      for (const n of uncited(await fs.readFile(f, "utf8")))
        bad.push(`${path.relative(ROOT, f)}: ${n}`);
    }
    expect(bad).toEqual([]);
  });

  it("allocation and the counterpart check name the 2026-2030 rule by its subject, never by a number", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-citations-"));
    const out = path.join(dir, "kq.xlsx");
    const seen: string[] = [];
    for (const policy of ["2026-2030", "qd-16-2026"]) {
      const run = await runCli([
        "allocate",
        SAMPLE_2026,
        "--total",
        "100000",
        "--policy",
        policy,
        "--out",
        out,
      ]);
      expect(run.code).toBe(0);
      seen.push(run.stdout, run.stderr, await workbookText(out));
      const json = await runCli([
        "allocate",
        SAMPLE_2026,
        "--total",
        "100000",
        "--policy",
        policy,
        "--json",
      ]);
      seen.push(json.stdout);
      expect(json.stdout).toContain("theo thông tin về dự thảo, cần đối chiếu văn bản ban hành");
    }
    const counterpart = await runCli([
      "counterpart",
      SAMPLE_2023,
      "--ratio",
      "1",
      "--support-share",
      "75",
      "--period",
      "2026-2030",
      "--json",
    ]);
    seen.push(counterpart.stdout, counterpart.stderr);
    expect(uncited(seen.join("\n"))).toEqual([]);
    await fs.rm(dir, { recursive: true, force: true });
  }, 120_000);

  it("the withdrawn id qd-16-2026 still allocates, and says it was withdrawn and why", async () => {
    const run = await runCli([
      "allocate",
      SAMPLE_2026,
      "--total",
      "100000",
      "--policy",
      "qd-16-2026",
      "--json",
    ]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      policy: { id: string };
      warnings: { vi: string; en: string }[];
    };
    expect(json.policy.id).toBe("2026-2030");
    expect(json.warnings.map((w) => w.en).join("\n")).toMatch(
      /"qd-16-2026" is withdrawn: no source confirms that decision number; use "2026-2030"/
    );
  }, 60_000);

  it("the 07/2022 preset says its bands weigh provinces and are applied here per commune", async () => {
    const run = await runCli([
      "allocate",
      SAMPLE_2023,
      "--total",
      "10000",
      "--policy",
      "qd-07-2022",
      "--json",
    ]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      policy: { title: { vi: string }; caution: { vi: string; en: string } };
    };
    expect(json.policy.title.vi).toContain("áp dụng cho xã");
    expect(json.policy.caution.en).toContain("weigh provinces");
    expect(json.policy.caution.vi).toContain("nhiều HĐND tỉnh");
  }, 60_000);
});
