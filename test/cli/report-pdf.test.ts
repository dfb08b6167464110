// The report rendered by LibreOffice to PDF: A4 pages, landscape appendices, Times New Roman (or its metric twin
// Liberation Serif where Times New Roman is not installed). Skipped, saying so, when LibreOffice is not installed.

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "./helpers";

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
  return { pages, fonts: [...new Set(fonts)] };
}

describeWithSoffice("report .docx rendered to PDF by LibreOffice", () => {
  let facts: PdfFacts;
  let appendices: { label: string }[];
  beforeAll(async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-pdf-"));
    const docx = path.join(dir, "bao-cao.docx");
    const argv = ["report", SAMPLE, "--year", "2024", "--budget", "16", "--max-per-commune", "3"];
    const run = await runCli([...argv, "--to", "2025", "--json", "--out", docx]);
    expect(run.code).toBe(0);
    appendices = JSON.parse(run.stdout).appendices;
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
      ],
      { stdio: "ignore", timeout: 120_000 }
    );
    facts = pdfFacts(await fs.readFile(path.join(dir, "bao-cao.pdf")));
  }, 180_000);

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
