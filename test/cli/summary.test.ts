import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main, type CliIo } from "../../src/cli/main";

const SAMPLE = path.resolve(__dirname, "../../assets/ntm-sample.xlsx");
const COMMUNES_CSV = path.resolve(__dirname, "../fixtures/examples/soc-trang-2023-communes.csv");

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

async function tempFile(name: string, text: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-summary-"));
  const file = path.join(dir, name);
  await fs.writeFile(file, text, "utf8");
  return file;
}

describe("ntm-plan summary", () => {
  it("summarises the sample workbook: 80 communes, 18.625 criteria on average, 70 at the standard", async () => {
    const io = capture();
    const code = await main(["summary", SAMPLE, "--json"], io);
    expect(io.err).toEqual([]);
    expect(code).toBe(0);
    expect(io.out).toHaveLength(1);
    const json = JSON.parse(io.out[0]);
    expect(json.communes).toBe(80);
    expect(json.averageCriteria).toBeCloseTo(18.625, 10);
    expect(json.standard).toBe(70);
    expect(json.shape).toBe("list");
    expect(json.sheet).toBe("Xã");
    expect(json.bands).toEqual([
      { label: "19", min: 19, max: 19, count: 70 },
      { label: "15-18", min: 15, max: 18, count: 10 },
      { label: "10-14", min: 10, max: 14, count: 0 },
      { label: "5-9", min: 5, max: 9, count: 0 },
      { label: "0-4", min: 0, max: 4, count: 0 },
    ]);
    expect(Object.keys(json.criterionCounts)).toHaveLength(19);
    expect(json.criterionCounts["1"]).toBe(80);
    // Transport (2) and poverty (11) are met by only 3 of the 10 communes listed in appendix II.
    expect(json.criterionCounts["2"]).toBe(73);
    expect(json.criterionCounts["11"]).toBe(73);
    expect(json.warnings).toEqual([]);
  });

  it("prints the average the Vietnamese way in the readable text", async () => {
    const io = capture();
    expect(await main(["summary", SAMPLE], io)).toBe(0);
    const text = io.out.join("\n");
    expect(text).toContain("Số tiêu chí bình quân/xã: 18,63 tiêu chí");
    expect(text).toContain("70/80");
  });

  it("takes configurable bands", async () => {
    const io = capture();
    expect(await main(["summary", SAMPLE, "--json", "--bands", "19,17-18,<17"], io)).toBe(0);
    const json = JSON.parse(io.out[0]);
    expect(json.bands.map((b: { label: string; count: number }) => [b.label, b.count])).toEqual([
      ["19", 70],
      ["17-18", 4],
      ["Dưới 17", 6],
    ]);
  });

  it("reads the 10 listed communes from the CSV with another period", async () => {
    const io = capture();
    expect(await main(["summary", COMMUNES_CSV, "--json", "--period", "2016-2020"], io)).toBe(0);
    const json = JSON.parse(io.out[0]);
    expect(json.period).toBe("2016-2020");
    expect(json.communes).toBe(10);
    expect(json.averageCriteria).toBeCloseTo(160 / 10, 10);
    expect(json.standard).toBe(0);
  });

  it("exits 2 with one line naming the file, sheet and cell of a bad list", async () => {
    const file = await tempFile(
      "xa.csv",
      'TT,Tên xã,Tiêu chí đạt\n1,Tài Văn,"1,2,3"\n2,Mỹ Phước,"1,2,20"\n'
    );
    const io = capture();
    expect(await main(["summary", file, "--json"], io)).toBe(2);
    expect(io.out).toEqual([]);
    expect(io.err).toHaveLength(1);
    expect(io.err[0].split("\n")).toHaveLength(1);
    expect(io.err[0]).toContain(file);
    expect(io.err[0]).toContain("sheet 'xa'");
    expect(io.err[0]).toContain("ô/cell C3");
    expect(io.err[0]).toMatch(/không có tiêu chí số 20.*there is no criterion 20/);
  });

  it("exits 2 naming the option when the bands are malformed", async () => {
    const io = capture();
    expect(await main(["summary", SAMPLE, "--bands", "19,18-15"], io)).toBe(2);
    expect(io.err[0]).toMatch(/18-15.*reversed/);
  });

  it("reads an extra catalogue from a CSV and uses its number of criteria", async () => {
    const rows = ["Giai đoạn,Số TT,Tên tiêu chí,Tên tiếng Anh,Nhóm"];
    for (let n = 1; n <= 5; n++) rows.push(`Nâng cao 2025,${n},Tiêu chí ${n},Criterion ${n},A`);
    const catalogue = await tempFile("danhmuc.csv", rows.join("\n"));
    const communes = await tempFile("xa.csv", 'Tên xã,Tiêu chí đạt\nA,"1-5"\nB,"1,2"\nC,"1-4"\n');
    const io = capture();
    const code = await main(
      ["summary", communes, "--catalogue", catalogue, "--period", "Nâng cao 2025", "--json"],
      io
    );
    expect(io.err).toEqual([]);
    expect(code).toBe(0);
    const json = JSON.parse(io.out[0]);
    expect(json.standard).toBe(1);
    expect(json.averageCriteria).toBeCloseTo(11 / 3, 10);
    expect(Object.keys(json.criterionCounts)).toEqual(["1", "2", "3", "4", "5"]);
    expect(json.bands[0]).toEqual({ label: "5", min: 5, max: 5, count: 1 });
  });

  it("names the catalogue file when the catalogue is malformed", async () => {
    const catalogue = await tempFile("danhmuc.csv", "Giai đoạn,Số TT,Tên tiêu chí\nX,1,A\nX,1,B\n");
    const io = capture();
    expect(await main(["summary", SAMPLE, "--catalogue", catalogue], io)).toBe(2);
    expect(io.err[0]).toContain(catalogue);
    expect(io.err[0]).toContain("ô/cell B3");
  });
});

describe("ntm-plan summary --out", () => {
  it("writes the summary and per-criterion tables and reports the recognised tiers", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-summary-out-"));
    const out = path.join(dir, "kq.xlsx");
    const io = capture();
    expect(await main(["summary", SAMPLE, "--json", "--out", out], io)).toBe(0);
    const json = JSON.parse(io.out[0]);
    expect(json.outSheets).toEqual(["KQ_TongHop", "KQ_TungXa", "KQ_GiaDinh"]);
    expect(json.tiers).toEqual({ standard: 70, advanced: 20, model: 2 });
    const check = capture();
    expect(await main(["sheets", out, "--json"], check)).toBe(0);
    const sheets = JSON.parse(check.out[0]).sheets;
    expect(sheets.map((s: { name: string }) => s.name)).toContain("KQ_TongHop");
  });
});
