// `ntm-plan report`: the .docx read back with mammoth holds every part's sentences and tables, with the figures of
// the JSON results of the same run.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { htmlTables, runCli, tableWithHeader } from "./helpers";
import { CATALOGUE_2021_2025 } from "../../src/engine/catalogues";
import { expectStrictFile } from "../support/strict-files";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "assets", "ntm-sample.xlsx");

// Formatting written here independently of the report's formatter: the test must not share its code.
const vi = (n: number) => n.toLocaleString("vi-VN", { maximumFractionDigits: 0 });
const en = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 0 });
const avg = (n: number, sep = ",") =>
  (Math.round(n * 100 + 1e-9) / 100).toFixed(2).replace(".", sep);
const ratio = (n: number, sep = ",") =>
  (Math.round(n * 1000 + 1e-9) / 1000).toFixed(3).replace(".", sep);
function pct(share: number, sep = ","): string {
  const p = share * 100;
  const d =
    Math.abs(p - Math.round(p)) < 1e-9 ? 0 : Math.abs(p * 10 - Math.round(p * 10)) < 1e-9 ? 1 : 2;
  return (Math.round(p * 10 ** d + 1e-9) / 10 ** d).toFixed(d).replace(".", sep) + "%";
}

/** The sample with an allocation coefficients sheet added, so that every part of the report has data. */
async function sampleWithCoefficients(dir: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  const sheet = book.addWorksheet("Hệ số");
  sheet.addRow(["Bảng hệ số phân bổ vốn sự nghiệp 2024"]);
  sheet.addRow([]);
  sheet.addRow(["TT", "Đơn vị", "Hệ số"]);
  [
    ["Huyện Kế Sách", 1.5],
    ["Huyện Mỹ Tú", 1],
    ["Huyện Long Phú", 1],
    ["Huyện Trần Đề", 0.5],
  ].forEach(([unit, k], i) => sheet.addRow([i + 1, unit, k]));
  const file = path.join(dir, "sample-with-coefficients.xlsx");
  await book.xlsx.writeFile(file);
  return file;
}

interface Run {
  json: {
    jobs: { id: string; status: string; result: Record<string, any> }[];
    appendices: unknown[];
  };
  html: string;
  text: string;
  out: string;
}

async function report(file: string, dir: string, extra: string[] = []): Promise<Run> {
  const out = path.join(dir, `bao-cao-${extra.join("") || "vi"}.docx`);
  const argv = ["report", file, "--year", "2024", "--budget", "16", "--max-per-commune", "3"];
  const run = await runCli([
    ...argv,
    "--to",
    "2025",
    "--total",
    "1000",
    "--json",
    "--out",
    out,
    ...extra,
  ]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expectStrictFile(out);
  const buffer = await fs.readFile(out);
  const html = (await mammoth.convertToHtml({ buffer })).value;
  const text = (await mammoth.extractRawText({ buffer })).value;
  return { json: JSON.parse(run.stdout), html, text, out };
}

function results(run: Run): Record<string, Record<string, any>> {
  return Object.fromEntries(
    run.json.jobs.filter((j) => j.status === "done").map((j) => [j.id, j.result])
  );
}

describe("ntm-plan report", () => {
  let dir: string;
  let vietnamese: Run;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-report-"));
    vietnamese = await report(await sampleWithCoefficients(dir), dir);
  }, 60_000);

  it("writes the status sentence of the seeds with the summary's figures", () => {
    const s = results(vietnamese).summary;
    expect(s).toMatchObject({ communes: 80, standard: 70 });
    expect(vietnamese.text).toContain(
      `Đến cuối năm 2023, toàn tỉnh có ${s.standard}/${s.communes} xã đạt chuẩn nông thôn mới, ` +
        `đạt ${pct(s.standard / s.communes)}; bình quân đạt ${avg(s.averageCriteria)} tiêu chí/xã.`
    );
    expect(vietnamese.text).toContain(
      "70/80 xã đạt chuẩn nông thôn mới, đạt 87,5%; bình quân đạt 18,63"
    );
    expect(vietnamese.text).toContain(`0${s.tiers.model} xã đạt chuẩn nông thôn mới kiểu mẫu`);
  });

  it("lists the bands and every criterion in appendix I, equal to the summary", () => {
    const s = results(vietnamese).summary;
    const all = htmlTables(vietnamese.html);
    const bands = tableWithHeader(all, "Nhóm");
    for (const band of s.bands) {
      const row = bands.find((r) => r[2] === vi(band.count) && r[1].includes(String(band.max)));
      expect(row).toBeDefined();
    }
    const each = tableWithHeader(all, "Tên tiêu chí");
    for (const [k, count] of Object.entries(s.criterionCounts as Record<string, number>)) {
      const row = each.find((r) => r[0] === k);
      expect(row?.slice(2)).toEqual([`${count}/${s.communes}`, pct(count / s.communes)]);
    }
  });

  it("has appendix II in the seed's shape: the communes below the standard and their targets", () => {
    // "Tên tiêu chí …" columns name the criteria (the engine's catalogue), each number bound to its name.
    const names = (numbers: number[]) =>
      numbers
        .map((n) => `${n}.\u00a0${CATALOGUE_2021_2025.criteria.find((c) => c.number === n)!.vi}`)
        .join("; ");
    const t = results(vietnamese).targets;
    const open = (t.communes as any[]).filter((c) => c.achieved.length < t.criteriaCount);
    expect(open).toHaveLength(10);
    const table = tableWithHeader(htmlTables(vietnamese.html), "Tên tiêu chí đạt");
    expect(table[0].join("|")).toContain("Kế hoạch phấn đấu đến cuối năm 2024");
    expect(table[1]).toEqual(["Số TC", "Tên tiêu chí phấn đấu đạt", "Lũy kế"]);
    expect(table.slice(2)).toEqual(
      open.map((c, i) => [
        String(i + 1),
        c.name,
        c.district ?? "",
        String(c.achieved.length),
        names(c.achieved),
        String(c.targets.length),
        names(c.targets),
        String(c.cumulative),
      ])
    );
    expect(table[2]).toEqual([
      "1",
      "Thanh Thới An",
      "Trần Đề",
      "16",
      expect.stringMatching(/^1\.\u00a0Quy hoạch; 2\.\u00a0Giao thông; 3\.\u00a0Thủy lợi/),
      "3",
      "6.\u00a0Cơ sở vật chất văn hóa; 10.\u00a0Thu nhập; 11.\u00a0Nghèo đa chiều",
      "19",
    ]);
    expect(vietnamese.text).toContain(
      `Năm 2024, phấn đấu có thêm ít nhất 0${t.newlyStandard} xã đạt chuẩn nông thôn mới`
    );
    expect(vietnamese.text).toContain(
      `từ ${avg(t.currentAverage)} lên ${avg(t.projectedAverage)} tiêu chí/xã`
    );
  });

  it("has appendix III: every funding line, plan and actual, under 'ĐVT: triệu đồng' with its source", () => {
    const f = results(vietnamese).funding;
    const table = tableWithHeader(htmlTables(vietnamese.html), "Nội dung chỉ tiêu");
    expect(table[0].slice(2)).toEqual(f.columns.map((c: any) => c.column));
    expect(table[1].slice(1)).toEqual(["TỔNG SỐ", ...f.columns.map((c: any) => vi(c.total))]);
    expect(table[1][2]).toBe("3.602.312");
    f.columns[0].lines.forEach((line: any, i: number) => {
      const row = table[2 + i];
      expect(row[1].toLocaleUpperCase("vi")).toBe(line.label.toLocaleUpperCase("vi"));
      expect(row.slice(2)).toEqual(f.columns.map((c: any) => vi(c.lines[i].amount)));
    });
    expect(table.slice(2).map((r) => r[0])).toEqual([
      "I",
      "1",
      "2",
      "II",
      "1",
      "2",
      "III",
      "IV",
      "V",
      "VI",
      "1",
      "2",
    ]);
    expect(vietnamese.text).toMatch(/ĐVT: triệu đồng\s+STT/);
    expect(vietnamese.text).toContain("Nguồn: số liệu trang tính “Nguồn vốn”");
    for (const column of f.columns) {
      const top = column.lines.filter((l: any) => l.level === 1);
      for (const line of top) {
        expect(vietnamese.text).toContain(`${vi(line.amount)} triệu đồng`);
        // The share as displayed (two decimals), the same figure as the JSON's displayedShare and the sheet.
        const shown = (line.displayedShare * 100).toFixed(2).replace(".", ",");
        expect(vietnamese.text).toContain(`chiếm ${shown}%.`);
        expect(Math.abs(line.displayedShare - line.share)).toBeLessThanOrEqual(0.0001);
      }
      // The shares shown add to exactly 100,00%.
      const points = top.map((l: any) => Math.round(l.displayedShare * 10000));
      expect(points.reduce((a: number, b: number) => a + b, 0)).toBe(10000);
    }
    expect(vietnamese.text).toContain(
      "Ngân sách trung ương: 223.534 triệu đồng (đầu tư phát triển 191.652 triệu đồng và sự nghiệp 31.882 triệu đồng), chiếm 6,20%."
    );
  });

  it("has the counterpart check with the ratio, the minimum and the shortfall", () => {
    const c = results(vietnamese).counterpart;
    const table = tableWithHeader(htmlTables(vietnamese.html), "Tỷ lệ đối ứng (lần)");
    c.columns.forEach((col: any, i: number) => {
      expect(table[1 + i]).toEqual([
        String(i + 1),
        col.column,
        vi(col.central),
        vi(col.local),
        ratio(col.ratio),
        vi(col.required),
        vi(col.shortfall),
        col.compliant ? "Đạt" : "Chưa đạt",
      ]);
      expect(vietnamese.text).toContain(`tỷ lệ vốn đối ứng đạt ${ratio(col.ratio)} lần`);
    });
    expect(vietnamese.text).toContain(
      "đạt 0,243 lần (yêu cầu tối thiểu 1 lần), chưa đảm bảo, còn thiếu 169.183 triệu đồng."
    );
  });

  it("has the allocation with amounts adding to the envelope", () => {
    const a = results(vietnamese).allocate;
    const table = tableWithHeader(htmlTables(vietnamese.html), "Số vốn phân bổ");
    a.allocations.forEach((x: any, i: number) => {
      expect(table[1 + i]).toEqual([
        String(i + 1),
        x.unit,
        x.coefficient.toLocaleString("vi-VN"),
        pct(x.share),
        vi(x.amount),
      ]);
      expect(vietnamese.text).toContain(`${x.unit} ${vi(x.amount)} triệu đồng`);
    });
    expect(table[table.length - 1].slice(1)).toEqual(["Tổng số", "", "", vi(a.total)]);
  });

  it("has the roadmap year by year and each period target's verdict", () => {
    const r = results(vietnamese).roadmap;
    const table = tableWithHeader(htmlTables(vietnamese.html), "Bình quân tiêu chí/xã");
    [r.start, ...r.years].forEach((y: any, i: number) => {
      expect(table[1 + i]).toEqual([
        String(y.year),
        vi(y.standard),
        vi(y.advanced),
        vi(y.model),
        avg(y.averageCriteria),
        vi(y.below),
        vi(y.gained),
        vi(y.cost),
        vi(y.cumulativeCost),
      ]);
    });
    for (const t of r.targets) {
      expect(vietnamese.text).toContain(
        `${t.label.vi}: mục tiêu ${t.target}, dự kiến ${t.projected}, ${t.reachable ? "đạt" : "chưa đạt"}`
      );
    }
  });

  it("numbers the appendices in the order of a provincial report", () => {
    const labels = [...vietnamese.text.matchAll(/^Phụ lục ([IVX]+)$/gm)].map((m) => m[1]);
    expect(labels).toEqual(["I", "II", "III", "IV", "V", "VI"]);
    expect(vietnamese.json.appendices).toHaveLength(6);
  });

  it("writes the English report behind --lang en, with English number formats", async () => {
    const english = await report(await sampleWithCoefficients(dir), dir, ["--lang", "en"]);
    const s = results(english).summary;
    const f = results(english).funding;
    expect(english.text).toContain(
      `By the end of 2023, ${s.standard} of the province's ${s.communes} communes met the new rural standard ` +
        `(${pct(s.standard / s.communes, ".")}); communes met ${avg(s.averageCriteria, ".")} criteria on average.`
    );
    expect(english.text).toContain(`${en(f.columns[0].total)} million VND in all`);
    expect(english.text).toContain("Unit: million VND");
    expect(english.text).not.toMatch(/Phụ lục|triệu đồng/);
  });

  it("writes only the parts the workbook has data for", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(SAMPLE);
    book.removeWorksheet(book.getWorksheet("Xã")!.id);
    const file = path.join(dir, "money-only.xlsx");
    await book.xlsx.writeFile(file);
    const run = await report(file, dir, ["--lang", "vi"]);
    expect(run.text).not.toContain("Đến cuối năm");
    expect([...run.text.matchAll(/^Phụ lục ([IVX]+)$/gm)].map((m) => m[1])).toEqual(["I", "II"]);
    expect(run.text).toContain("KẾT QUẢ HUY ĐỘNG NGUỒN LỰC");
  });

  it("refuses an unknown language with exit 2", async () => {
    const run = await runCli(["report", SAMPLE, "--lang", "fr", "--out", path.join(dir, "x.docx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--lang/);
    await expect(fs.access(path.join(dir, "x.docx"))).rejects.toThrow();
  });
});

describe("ntm-plan report on the 2026-2030 sample (targets per indicator)", () => {
  it("writes the indicator-level targets with the figures of the targets result", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-report-2026-"));
    const out = path.join(dir, "bao-cao-2026.docx");
    const file = path.join(ROOT, "assets", "ntm-sample-2026.xlsx");
    const run = await runCli(["report", file, "--year", "2027", "--json", "--out", out]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Run["json"];
    const byId = Object.fromEntries(json.jobs.map((j) => [j.id, j]));
    expect(byId.targets.status).toBe("done");
    expectStrictFile(out);
    const t = byId.targets.result;
    expect(t.level).toBe("indicators");
    const buffer = await fs.readFile(out);
    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(text).toContain(
      `hoàn thành thêm ${t.indicatorsGained} chỉ tiêu, đạt thêm ${t.criteriaGained} tiêu chí, ` +
        `nâng số tiêu chí bình quân từ ${avg(t.currentAverage)} lên ${avg(t.projectedAverage)} tiêu chí/xã`
    );
    expect(text).toContain(`Kinh phí dự kiến ${vi(t.cost)} triệu đồng`);
    const html = (await mammoth.convertToHtml({ buffer })).value;
    const table = tableWithHeader(htmlTables(html), "Chỉ tiêu phấn đấu đạt");
    const open = (
      t.communes as { name: string; missing: string[]; targets: { code: string }[] }[]
    ).filter((c) => c.missing.length > 0);
    expect(table.length - 1).toBe(open.length);
    const first = table.find((r) => r[1] === open[0].name);
    expect(first?.[5]).toBe(open[0].targets.map((x) => x.code).join(", "));
    await fs.rm(dir, { recursive: true, force: true });
  }, 60_000);
});
