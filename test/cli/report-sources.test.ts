// Each appendix's "Nguồn" lines, read back from the .docx with mammoth, name the sheets (and rows) its job's reading
// used — every one of them, and no other — and the period targets table names the period targets sheet first.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import mammoth from "mammoth";
import { runCli } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");

interface Reading {
  input: string;
  sheet: string;
  used: { rows: string };
}
interface Job {
  id: string;
  status: string;
  result?: { reading?: Reading[] };
}

/** The document's lines grouped by appendix ("Phụ lục I" … up to the next), in order. */
function byAppendix(text: string, labels: string[]): Map<string, string[]> {
  const lines = text.split("\n").map((l) => l.trim());
  const out = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of lines) {
    if (labels.includes(line)) {
      current = [];
      out.set(line, current);
    } else if (current) current.push(line);
  }
  return out;
}

const SHEET = /“([^”]+)”/g;

async function report(file: string, extra: string[]) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-report-sources-"));
  const out = path.join(dir, "bao-cao.docx");
  const run = await runCli(["report", file, ...extra, "--json", "--out", out]);
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout) as {
    appendices: { label: string; job: string; tables: string[] }[];
    jobs: Job[];
  };
  const text = (await mammoth.extractRawText({ path: out })).value;
  return {
    json,
    parts: byAppendix(
      text,
      json.appendices.map((a) => a.label)
    ),
  };
}

function checkSources(
  json: Awaited<ReturnType<typeof report>>["json"],
  parts: Map<string, string[]>
) {
  expect(json.appendices.length).toBeGreaterThan(0);
  for (const a of json.appendices) {
    const job = json.jobs.find((j) => j.id === a.job);
    const reading = job?.result?.reading ?? [];
    expect(reading.length).toBeGreaterThan(0);
    const sheets = [...new Set(reading.map((r) => r.sheet))].sort();
    const sources = (parts.get(a.label) ?? []).filter((l) => l.startsWith("Nguồn:"));
    // One source line under each table of the appendix.
    expect(sources).toHaveLength(a.tables.length);
    for (const line of sources) {
      expect([...new Set([...line.matchAll(SHEET)].map((m) => m[1]))].sort()).toEqual(sheets);
      for (const r of reading) expect(line).toContain(`“${r.sheet}”, dòng ${r.used.rows} (`);
    }
  }
}

describe("report source lines name the sheets the job's reading used", () => {
  it("on the 2021-2025 sample: the roadmap's period targets come from the period targets sheet", async () => {
    const file = path.join(ROOT, "assets", "ntm-sample.xlsx");
    const { json, parts } = await report(file, [
      "--year",
      "2024",
      "--budget",
      "16",
      "--to",
      "2025",
    ]);
    checkSources(json, parts);
    const roadmap = json.appendices.find((a) => a.job === "roadmap")!;
    const reading = json.jobs.find((j) => j.id === "roadmap")!.result!.reading!;
    const periodSheet = reading.find((r) => r.input === "period-targets")!.sheet;
    const sources = parts.get(roadmap.label)!.filter((l) => l.startsWith("Nguồn:"));
    const targetsSource = sources[roadmap.tables.indexOf("roadmap-targets")];
    expect(targetsSource.startsWith(`Nguồn: số liệu trang tính “${periodSheet}”`)).toBe(true);
  }, 60_000);

  it("on the 2026-2030 sample: the parts read from several sheets name each of them", async () => {
    const file = path.join(ROOT, "assets", "ntm-sample-2026.xlsx");
    const { json, parts } = await report(file, []);
    checkSources(json, parts);
    const summary = json.jobs.find((j) => j.id === "summary")!.result!.reading!;
    expect(new Set(summary.map((r) => r.sheet)).size).toBeGreaterThan(1);
  }, 60_000);
});
