// The report rendered by LibreOffice to PDF: A4 pages, landscape appendices, Times New Roman (or its metric twin
// Liberation Serif where Times New Roman is not installed). Skipped, saying so, when LibreOffice is not installed.

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "./helpers";
import { pdfPageTexts } from "./pdf-text";
import { reportDocxBytes } from "../../src/workbook/report/docx";
import type { ReportDocument } from "../../src/workbook/report/model";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "ntm-sample.xlsx");

function findSoffice(): string | null {
  for (const candidate of [process.env.SOFFICE, "/usr/bin/soffice", "/usr/bin/libreoffice"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  const which = spawnSync("which", ["soffice"], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() : null;
}

const soffice = findSoffice();
if (!soffice) {
  console.log(
    "Bỏ qua kiểm thử PDF: không có LibreOffice (apt-get install libreoffice-writer-nogui) / " +
      "PDF test skipped: LibreOffice (soffice) not installed"
  );
}
const describeWithSoffice = soffice ? describe : describe.skip;

interface PdfFacts {
  /** Width × height of each page in points, in order. */
  pages: [number, number][];
  fonts: string[];
  /** Each page's text. */
  texts: string[];
}

/** Page sizes and font names from the PDF's objects (LibreOffice writes them uncompressed). */
function pdfFacts(bytes: Buffer): PdfFacts {
  const text = bytes.toString("latin1");
  const pages: [number, number][] = [];
  for (const m of text.matchAll(/<<((?:(?!>>)[\s\S])*?\/Type\s*\/Page\b(?!s)[\s\S]*?)>>/g)) {
    const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(m[1]);
    if (box) pages.push([Math.round(Number(box[3])), Math.round(Number(box[4]))]);
  }
  const fonts = [...text.matchAll(/\/BaseFont\s*\/([^\s/<>[\]]+)/g)].map((m) =>
    m[1].replace(/^[A-Z]{6}\+/, "")
  );
  return { pages, fonts: [...new Set(fonts)], texts: pdfPageTexts(bytes) };
}

/** A landscape appendix of one table of `rows` rows: around 25 rows fill the page, and the source line falls after. */
function oneTable(rows: number): ReportDocument {
  return {
    lang: "vi",
    title: "BÁO CÁO",
    subtitle: "Bảng dài vừa hết trang",
    sections: [{ heading: "Mục", blocks: [{ kind: "paragraph", text: "Đoạn văn." }] }],
    appendices: [
      {
        label: "Phụ lục I",
        title: "BẢNG",
        landscape: true,
        tables: [
          {
            id: "t",
            header: [
              [
                { text: "TT", bold: true },
                { text: "Tên xã", bold: true },
              ],
            ],
            rows: Array.from({ length: rows }, (_, i) => [
              { text: String(i + 1) },
              { text: `Xã ${i + 1}` },
            ]),
            widths: [10, 90],
            source: "Nguồn: số liệu trang tính “Xã”; tổng hợp và tính toán bằng NTM Planner.",
          },
        ],
      },
    ],
  };
}

/** The page's text without the page number printed at its top. */
const body = (page: string) => page.replace(/^\s*\d+\s*\n/, "").trim();

describeWithSoffice("report .docx rendered to PDF by LibreOffice", () => {
  let facts: PdfFacts;
  let appendices: { label: string }[];
  /** The one-table reports by their number of rows. */
  const filling = new Map<number, PdfFacts>();
  beforeAll(async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-pdf-"));
    const docx = path.join(dir, "bao-cao.docx");
    const argv = ["report", SAMPLE, "--year", "2024", "--budget", "16", "--max-per-commune", "3"];
    // With the document frame: its signature block must not stand alone on a page either.
    argv.push("--agency", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "--signer", "Nguyễn Văn Bình");
    const run = await runCli([...argv, "--to", "2025", "--json", "--out", docx]);
    expect(run.code).toBe(0);
    appendices = JSON.parse(run.stdout).appendices;
    const sizes = Array.from({ length: 13 }, (_, i) => 20 + i);
    for (const n of sizes) {
      await fs.writeFile(path.join(dir, `rows-${n}.docx`), await reportDocxBytes(oneTable(n)));
    }
    // A profile of its own: a second LibreOffice (the user's, another test) must not share it.
    execFileSync(
      soffice!,
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        docx,
        ...sizes.map((n) => path.join(dir, `rows-${n}.docx`)),
      ],
      { stdio: "ignore", timeout: 240_000 }
    );
    facts = pdfFacts(await fs.readFile(path.join(dir, "bao-cao.pdf")));
    for (const n of sizes) {
      filling.set(n, pdfFacts(await fs.readFile(path.join(dir, `rows-${n}.pdf`))));
    }
  }, 300_000);

  it("never leaves a source line or the signature block alone at the top of a page", () => {
    expect(facts.texts.length).toBe(facts.pages.length);
    // The extractor reads the pages: the source lines are found (the check below can fail).
    expect(facts.texts.some((t) => t.includes("Nguồn: số liệu"))).toBe(true);
    const lone = (f: PdfFacts) => f.texts.map(body).filter((t) => /^(Nguồn|Source):/.test(t));
    expect(lone(facts)).toEqual([]);
    // The signature block (Nơi nhận, the signer) goes over with the body's last paragraph.
    const signed = facts.texts.map(body).find((t) => t.includes("Nơi nhận:"));
    expect(signed).toBeDefined();
    expect(signed!.indexOf("Nơi nhận:")).toBeGreaterThan(0);
    expect(signed).toContain("Nguyễn Văn Bình");
    // Some of these tables end at the foot of a page: their last row goes over with the source line.
    expect(new Set([...filling.values()].map((f) => f.pages.length)).size).toBeGreaterThan(1);
    for (const [n, f] of filling) {
      expect({ rows: n, lone: lone(f) }).toEqual({ rows: n, lone: [] });
      expect(f.texts.join("\n")).toContain(`Xã ${n}`);
    }
  });

  it("has A4 pages, the wide appendices in landscape, each appendix on pages of its own", () => {
    const a4 = (p: [number, number]) =>
      (p[0] === 595 && p[1] === 842) || (p[0] === 842 && p[1] === 595);
    expect(facts.pages.every(a4)).toBe(true);
    // Body (portrait) + one section per appendix: at least one page each, and not a runaway layout.
    expect(facts.pages.length).toBeGreaterThanOrEqual(1 + appendices.length);
    expect(facts.pages.length).toBeLessThanOrEqual(20);
    // Appendices II (targets), IV (counterpart) and V (roadmap) are landscape.
    expect(facts.pages.filter((p) => p[0] > p[1]).length).toBeGreaterThanOrEqual(3);
    expect(facts.pages[0]).toEqual([595, 842]);
  });

  it("uses Times New Roman, or Liberation Serif (same metrics) where it is not installed", () => {
    expect(facts.fonts.length).toBeGreaterThan(0);
    for (const font of facts.fonts) expect(font).toMatch(/^(TimesNewRoman|Times-|LiberationSerif)/);
  });
});
