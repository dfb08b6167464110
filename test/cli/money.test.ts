import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";

const FIXTURE = path.join(__dirname, "../fixtures/examples/soc-trang-2023-funding.csv");
const SAMPLE = path.join(__dirname, "../../assets/ntm-sample.xlsx");

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, out, err };
}

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-money-"));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("ntm-plan funding", () => {
  it("prints one JSON object with the shares of each source and the sum checks", async () => {
    const { code, out } = await run(["funding", FIXTURE, "--json"]);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const json = JSON.parse(out[0]);
    const [c2023, c2024] = json.columns;
    expect(c2023.column).toBe("Kết quả huy động năm 2023");
    expect(c2023.total).toBe(3602312);
    const top = c2023.lines.filter((l: { level: number }) => l.level === 1);
    expect(top.map((l: { share: number }) => Math.round(l.share * 10000) / 100)).toEqual([
      6.21, 1.51, 38.3, 39.67, 9.12, 5.2,
    ]);
    expect(c2024.checks.filter((c: { ok: boolean }) => !c.ok)).toEqual([
      expect.objectContaining({
        label: "HUY ĐỘNG TỪ NGƯỜI DÂN VÀ CỘNG ĐỒNG",
        stated: 205878,
        computed: 205879,
        difference: -1,
        cell: "D12",
      }),
    ]);
  });

  it("rounds shares to add to exactly 100,00% with --round 2", async () => {
    const { code, out } = await run([
      "funding",
      SAMPLE,
      "--sheet",
      "Nguồn vốn",
      "--round",
      "2",
      "--json",
    ]);
    expect(code).toBe(0);
    const top = JSON.parse(out[0]).columns[0].lines.filter((l: { level: number }) => l.level === 1);
    const basisPoints = top.map((l: { displayedShare: number }) =>
      Math.round(l.displayedShare * 10000)
    );
    expect(basisPoints.reduce((a: number, b: number) => a + b, 0)).toBe(10000);
    // The exact share stays beside it: 223.534 / 3.602.312.
    expect(top[0].share).toBeCloseTo(223534 / 3602312, 12);
  });

  it("finds the funding sheet of the sample workbook by its headers and writes the result tables", async () => {
    const outFile = path.join(tmp, "funding.xlsx");
    const { code, out } = await run(["funding", SAMPLE, "--out", outFile]);
    expect(code).toBe(0);
    expect(out.join("\n")).toContain("KQ_NguonVon");
    // By default the shares shown add to exactly 100,00%: 6,2053% is shown 6,20% (largest remainder; rounded
    // one by one the six shares would add to 100,01%), the same digits in English.
    const text = out.join("\n");
    expect(text).toContain("223.534 — 6,20% / 6.20%");
    expect(text).toContain("total 3,602,312 million VND");
    const shown = [...text.split("Kế hoạch năm 2024")[0].matchAll(/ — (\d+),(\d\d)%/g)].map(
      (m) => Number(m[1]) * 100 + Number(m[2])
    );
    expect(shown).toHaveLength(6);
    expect(shown.reduce((a, b) => a + b, 0)).toBe(10000);
  });

  it("exits 2 with one line naming the file, sheet and cell of a formula error", async () => {
    const bad = path.join(tmp, "bad-funding.csv");
    await fs.writeFile(bad, "STT,Nội dung chỉ tiêu,Năm 2023\nI,Vốn tín dụng,#REF!\n");
    const { code, out, err } = await run(["funding", bad, "--json"]);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain("bad-funding.csv");
    expect(err[0]).toContain("sheet 'bad-funding'");
    expect(err[0]).toContain("C2");
    expect(err[0]).not.toMatch(/\n|at .*\.ts/);
  });

  it("exits 2 on a bad --round", async () => {
    const { code, err } = await run(["funding", FIXTURE, "--round", "x"]);
    expect(code).toBe(2);
    expect(err[0]).toContain("--round");
  });
});

describe("ntm-plan counterpart", () => {
  it("gives 0,243 with a 169.183 shortfall for 2023 and 1,052 compliant for 2024 at ratio 1", async () => {
    const { code, out } = await run(["counterpart", FIXTURE, "--ratio", "1", "--json"]);
    expect(code).toBe(0);
    const [y2023, y2024] = JSON.parse(out[0]).columns;
    expect(y2023).toMatchObject({
      central: 223534,
      local: 54351,
      required: 1,
      shortfall: 169183,
      compliant: false,
    });
    expect(y2023.ratio.toFixed(3)).toBe("0.243");
    expect(y2024).toMatchObject({ shortfall: 0, compliant: true });
    expect(y2024.ratio.toFixed(3)).toBe("1.052");
  });

  it("looks the minimum up in a bracket file by the support share", async () => {
    const brackets = path.join(tmp, "brackets.csv");
    await fs.writeFile(
      brackets,
      "Cận dưới (%),Cận trên (%),Tỷ lệ đối ứng tối thiểu,Ghi chú\n0,50,1.5,a\n50,100,1.2,b\n"
    );
    const { code, out } = await run([
      "counterpart",
      FIXTURE,
      "--brackets",
      brackets,
      "--support-share",
      "65%",
      "--json",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out[0]);
    expect(json.required).toBe(1.2);
    expect(json.columns[1]).toMatchObject({ required: 1.2, compliant: false });
    expect(json.columns[1].shortfall).toBeCloseTo(1.2 * 200334 - 210713, 6);
  });

  it("names the bracket file and cell when the bracket table is wrong", async () => {
    const brackets = path.join(tmp, "bad-brackets.csv");
    await fs.writeFile(
      brackets,
      "Cận dưới (%),Cận trên (%),Tỷ lệ đối ứng tối thiểu\n0,60,1\n50,100,#DIV/0!\n"
    );
    const { code, err } = await run([
      "counterpart",
      FIXTURE,
      "--brackets",
      brackets,
      "--support-share",
      "65",
    ]);
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain("bad-brackets.csv");
    expect(err[0]).toContain("C3");
  });

  it("needs a ratio or a support share", async () => {
    const { code, err } = await run(["counterpart", FIXTURE]);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/ratio/);
  });
});
