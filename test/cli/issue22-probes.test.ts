// The held-out probes of issue #22, built as an outsider builds them: the inputs are written by openpyxl and re-saved
// by LibreOffice Calc (test/fixtures/probes22/make_probes.py; where Excel stores a character openpyxl refuses, the
// file carries Excel's own escape, "_x000B_"), the built CLI runs as a user runs it (node bin/ntm-plan.js), and the
// outcome is checked from outside: exit codes, what stdout/stderr say, the written files' parts unzipped and parsed
// (test/fixtures/probes22/check_files.py: every XML part parses with expat, no text over 32,767 characters, table
// columns unique ignoring case, print headers within 255 characters, openpyxl opens each .xlsx), and the user's parts
// compared byte for byte. LibreOffice opens every written file in the strict check each test file gets at its end.
// openpyxl and LibreOffice are needed to make the inputs: the tests are skipped, saying so, without them.

import { spawnSync } from "node:child_process";
import { existsSync, promises as fs, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { startCpuClock } from "../support/cpu-clock";
import { notOurFile } from "../support/strict-files";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "ntm-plan.js");
const PROBES = path.join(ROOT, "test", "fixtures", "probes22");
const PYTHON = "/usr/bin/python3";
const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
const HAS_OPENPYXL =
  existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;
if (!HAS_OPENPYXL || !SOFFICE) {
  console.log(
    "Bỏ qua: cần python3-openpyxl và LibreOffice để tạo tệp thử / " +
      "skipped: python3-openpyxl and LibreOffice are needed to make the probe files"
  );
}
const describeWithTools = HAS_OPENPYXL && SOFFICE ? describe : describe.skip;
/** LibreOffice's Python bridge, to make a real pivot table (openpyxl cannot). */
const HAS_UNO = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import uno"]).status === 0;

/** The characters XML 1.0 does not allow that a probe put into names and notes. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0001\u000B\u001B\uFFFE\uFFFF]/;

jest.setTimeout(120_000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI, as a user runs it, in the probe folder. */
function cli(...args: string[]): Run {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Problems check_files.py finds in written files, by file (an empty list: the file is sound). */
function problems(...files: string[]): Record<string, string[]> {
  const out = spawnSync(PYTHON, [path.join(PROBES, "check_files.py"), ...files], {
    cwd: dir,
    encoding: "utf8",
  });
  expect(out.status).toBe(0);
  return JSON.parse(out.stdout) as Record<string, string[]>;
}

function expectSound(...files: string[]): void {
  const found = problems(...files);
  expect(found).toEqual(Object.fromEntries(files.map((f) => [f, []])));
}

function parts(file: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(path.join(dir, file))));
}

/** openpyxl's view: sheets with states, and the values of the named sheets. */
function openpyxl(
  file: string,
  sheets: string[] = []
): { sheets: [string, string][]; cells: Record<string, unknown[][]>; names: string[] } {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": [[ws.title, ws.sheet_state] for ws in wb.worksheets], "cells": {},
       "names": sorted(d.name for d in wb.defined_names.definedName)}
for name in sys.argv[2:]:
    out["cells"][name] = [[c.value for c in row] for row in wb[name].iter_rows()]
print(json.dumps(out, ensure_ascii=False, default=str))`;
  const out = spawnSync(PYTHON, ["-c", script, file, ...sheets], { cwd: dir, encoding: "utf8" });
  expect(out.stderr).toBe("");
  return JSON.parse(out.stdout);
}

function texts(cells: unknown[][]): string[] {
  return cells.flat().filter((v): v is string => typeof v === "string");
}

let dir: string;
let manifest: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  if (!HAS_OPENPYXL || !SOFFICE) return;
  expect(existsSync(path.join(ROOT, "dist-cli", "ntm-plan.js"))).toBe(true);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-probes22-"));
  const made = spawnSync(PYTHON, [path.join(PROBES, "make_probes.py"), "in", SOFFICE], {
    cwd: dir,
    encoding: "utf8",
  });
  expect(made.stderr).toBe("");
  expect(made.status).toBe(0);
  manifest = JSON.parse(await fs.readFile(path.join(dir, "in", "manifest.json"), "utf8"));
  await fs.mkdir(path.join(dir, "out"));
});
afterAll(() => (dir ? fs.rm(dir, { recursive: true, force: true }) : undefined));

describeWithTools("--out onto a workbook we did not write", () => {
  /** The parts that list parts: they gain our entries and keep every one of theirs. */
  const LISTING =
    /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|xl\/styles\.xml)$/;

  function expectTheirsKept(before: Record<string, Uint8Array>, file: string): void {
    const now = parts(file);
    const changed: string[] = [];
    for (const [name, bytes] of Object.entries(before)) {
      if (!now[name]) changed.push(`${name} (gone)`);
      else if (!LISTING.test(name) && !Buffer.from(now[name]).equals(Buffer.from(bytes)))
        changed.push(name);
      else if (LISTING.test(name)) {
        const was = strFromU8(bytes);
        const is = strFromU8(now[name]);
        const elements =
          /<(sheet|definedName|Relationship|Override|Default|externalReference|numFmt|font|fill|border|xf|cellStyle|dxf)\b[^>]*?(\/>|>[\s\S]*?<\/\1>)/g;
        for (const e of was.match(elements) ?? [])
          if (!is.includes(e)) changed.push(`${name}: ${e}`);
      }
    }
    expect(changed).toEqual([]);
  }

  it("adds our sheets three runs over and leaves every part of the user's workbook as it was", () => {
    const file = "out/users-own.xlsx";
    spawnSync("cp", [path.join(dir, "in", "users-own.xlsx"), path.join(dir, file)]);
    const before = parts(file);
    const theirs = openpyxl(file, manifest["users-own.xlsx"].sheets as string[]);
    for (const args of [
      ["summary", "in/communes-control.xlsx"],
      ["targets", "in/communes-control.xlsx", "--budget", "10"],
      ["summary", "in/communes-control.xlsx"],
    ]) {
      const run = cli(...args, "--out", file);
      expect([run.code, run.stderr]).toEqual([0, ""]);
      expect(run.stdout).toMatch(/Đã ghi \/ Written/);
    }
    expectTheirsKept(before, file);
    expectSound(file);
    const after = openpyxl(file, manifest["users-own.xlsx"].sheets as string[]);
    expect(after.sheets.slice(0, theirs.sheets.length)).toEqual(theirs.sheets);
    expect(after.cells).toEqual(theirs.cells);
    expect(after.names).toEqual(theirs.names);
    // Ours after theirs, each once (the second summary replaced the first).
    const ours = after.sheets.slice(theirs.sheets.length).map(([n]) => n);
    expect(ours.filter((n) => n === "KQ_TongHop")).toHaveLength(1);
    expect(ours).toEqual(expect.arrayContaining(["KQ_TongHop", "KQ_TungXa", "KQ_ChiTieu"]));
  });

  it("keeps an external link's parts and the workbook's reference to them", async () => {
    // The user's workbook links another file (as Excel writes a link: a part, its relationship, a reference).
    const file = "out/external-link.xlsx";
    const p = parts("in/users-own.xlsx");
    const add = (name: string, text: string) => (p[name] = new TextEncoder().encode(text));
    add(
      "[Content_Types].xml",
      strFromU8(p["[Content_Types].xml"]).replace(
        "</Types>",
        '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>'
      )
    );
    add(
      "xl/_rels/workbook.xml.rels",
      strFromU8(p["xl/_rels/workbook.xml.rels"]).replace(
        "</Relationships>",
        '<Relationship Id="rIdExt1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>'
      )
    );
    add(
      "xl/workbook.xml",
      strFromU8(p["xl/workbook.xml"]).replace(
        "</sheets>",
        '</sheets><externalReferences><externalReference r:id="rIdExt1"/></externalReferences>'
      )
    );
    add(
      "xl/externalLinks/externalLink1.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="Huyen"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>5</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>'
    );
    add(
      "xl/externalLinks/_rels/externalLink1.xml.rels",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/So%20lieu/huyen.xlsx" TargetMode="External"/></Relationships>'
    );
    const { zipSync } = await import("fflate");
    await fs.writeFile(path.join(dir, file), zipSync(p));
    const before = parts(file);
    const run = cli("summary", "in/communes-control.xlsx", "--out", file);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expectTheirsKept(before, file);
    expect(strFromU8(parts(file)["xl/workbook.xml"])).toMatch(
      /<externalReferences><externalReference r:id="rIdExt1"\/><\/externalReferences>/
    );
    expectSound(file);
  });

  (HAS_UNO ? it : it.skip)(
    "keeps a pivot table LibreOffice made (its cache, records and table parts) byte for byte",
    () => {
      const file = "out/pivot.xlsx";
      const made = spawnSync(
        PYTHON,
        [path.join(PROBES, "make_pivot.py"), "in/users-own.xlsx", file, SOFFICE!],
        { cwd: dir, encoding: "utf8", timeout: 120_000 }
      );
      expect(made.status).toBe(0);
      const before = parts(file);
      expect(Object.keys(before).filter((n) => /^xl\/pivot(Tables|Cache)\//.test(n))).not.toEqual(
        []
      );
      for (const args of [["summary"], ["targets", "--budget", "10"]]) {
        const run = cli(args[0], "in/communes-control.xlsx", ...args.slice(1), "--out", file);
        expect([run.code, run.stderr]).toEqual([0, ""]);
      }
      expectTheirsKept(before, file);
      expect(strFromU8(parts(file)["xl/workbook.xml"])).toMatch(/<pivotCaches><pivotCache /);
      expectSound(file);
    }
  );

  it("refuses an .xlsm (a macro workbook) with exit 2 and leaves it byte for byte", async () => {
    const file = "out/macros.xlsm";
    await fs.copyFile(path.join(dir, "in", "users-own.xlsx"), path.join(dir, file));
    const before = await fs.readFile(path.join(dir, file));
    const run = cli("summary", "in/communes-control.xlsx", "--out", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.xlsx/);
    expect((await fs.readFile(path.join(dir, file))).equals(before)).toBe(true);
  });

  it("refuses an empty file and a broken zip named .xlsx, each left as it was, without a stack", async () => {
    for (const [name, bytes] of [
      ["out/empty.xlsx", Buffer.alloc(0)],
      ["out/broken.xlsx", Buffer.from("PK\u0003\u0004 not really a zip")],
    ] as const) {
      await fs.writeFile(path.join(dir, name), bytes);
      notOurFile(path.join(dir, name));
      const run = cli("summary", "in/communes-control.xlsx", "--out", name);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Cần: .* \/ Expected: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect((await fs.readFile(path.join(dir, name))).equals(bytes)).toBe(true);
    }
  });

  it("refuses an output path that is a folder, with exit 2 and one bilingual line", async () => {
    await fs.mkdir(path.join(dir, "out", "folder.xlsx"), { recursive: true });
    const run = cli("summary", "in/communes-control.xlsx", "--out", "out/folder.xlsx");
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/thư mục.*folder/);
  });
});

describeWithTools("our own result workbook, edited by the user", () => {
  it("replaces only our sheets on a re-run, and keeps a note typed into a result sheet as '(sửa tay)'", () => {
    const file = "out/ket-qua.xlsx";
    expect(cli("summary", "in/communes-control.xlsx", "--out", file).code).toBe(0);
    expect(cli("targets", "in/communes-control.xlsx", "--budget", "10", "--out", file).code).toBe(
      0
    );
    // The user types a note into our summary sheet and saves (openpyxl rewrites every part, as an editor would).
    const typed = spawnSync(
      PYTHON,
      [
        "-c",
        `import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
wb["KQ_TongHop"]["E3"] = "Ghi chú của tôi: kiểm tra lại xã Số 5"
wb.save(sys.argv[1])`,
        file,
      ],
      { cwd: dir, encoding: "utf8" }
    );
    expect(typed.status).toBe(0);
    const run = cli("summary", "in/communes-control.xlsx", "--out", file);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toMatch(/KQ_TongHop \(sửa tay\)/);
    expect(run.stdout).toMatch(/changed by hand/);
    expectSound(file);
    const read = openpyxl(file, ["KQ_TongHop (sửa tay)", "KQ_TongHop"]);
    expect(read.cells["KQ_TongHop (sửa tay)"][2][4]).toBe("Ghi chú của tôi: kiểm tra lại xã Số 5");
    expect(texts(read.cells.KQ_TongHop)).not.toContain("Ghi chú của tôi: kiểm tra lại xã Số 5");
    // Untouched sheets are replaced quietly: one of each, and the targets sheet still there.
    const names = read.sheets.map(([n]) => n);
    expect(names.filter((n) => n === "KQ_TungXa")).toHaveLength(1);
    expect(names).toContain("KQ_ChiTieu");
    // A fourth run: the kept sheet is the user's now, left alone, and nothing is said.
    const again = cli("summary", "in/communes-control.xlsx", "--out", file);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/sửa tay/);
  });

  it("re-runs onto our funding sheet after openpyxl saved it untouched, without calling it changed by hand", () => {
    // The plan-vs-actual ratios have every digit; openpyxl saves 16 (-47.148148148148145 as -47.14814814814815).
    const file = "out/openpyxl-saved.xlsx";
    expect(cli("funding", "in/funding-negative.xlsx", "--out", file).code).toBe(0);
    const saved = spawnSync(
      PYTHON,
      [
        "-c",
        "import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\nwb.save(sys.argv[1])",
        file,
      ],
      { cwd: dir, encoding: "utf8" }
    );
    expect(saved.status).toBe(0);
    const run = cli("funding", "in/funding-negative.xlsx", "--out", file);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).not.toMatch(/sửa tay/);
    expect(openpyxl(file).sheets.map(([n]) => n)).not.toContain("KQ_NguonVon (sửa tay)");
  });

  it("re-runs onto our workbook after LibreOffice saved it (the bookkeeping sheet comes back hidden)", () => {
    const file = "out/lo-saved.xlsx";
    expect(cli("summary", "in/communes-control.xlsx", "--out", file).code).toBe(0);
    const lo = spawnSync(
      SOFFICE!,
      [
        `-env:UserInstallation=file://${dir}/lo-profile`,
        "--headless",
        "--calc",
        "--convert-to",
        "xlsx",
        "--outdir",
        path.join(dir, "out", "lo"),
        file,
      ],
      { cwd: dir, encoding: "utf8" }
    );
    expect(lo.status).toBe(0);
    const saved = "out/lo/lo-saved.xlsx";
    const run = cli("summary", "in/communes-control.xlsx", "--out", saved);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).not.toMatch(/sửa tay/);
    expectSound(saved);
    expect(openpyxl(saved).sheets.filter(([n]) => n === "KQ_TongHop")).toHaveLength(1);
  });
});

describeWithTools("the Word report", () => {
  it("refuses to replace a .docx we did not write unless --force, and replaces ours without it", async () => {
    // A user's letter, as a minimal Word package.
    const { zipSync, strToU8 } = await import("fflate");
    const letter = zipSync({
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
      ),
      "_rels/.rels": strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
      ),
      "word/document.xml": strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Công văn của tôi</w:t></w:r></w:p></w:body></w:document>'
      ),
    });
    const file = path.join(dir, "out", "cong-van.docx");
    await fs.writeFile(file, letter);
    const args = ["report", "in/communes-control.xlsx", "--budget", "10", "--out", file];
    const refused = cli(...args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--force/);
    expect(refused.stderr).toMatch(/Cần: .* \/ Expected: /);
    expect((await fs.readFile(file)).equals(Buffer.from(letter))).toBe(true);
    expect(cli(...args, "--force").code).toBe(0);
    expectSound(file);
    // Ours now: a re-run replaces it without --force.
    const again = cli(...args);
    expect([again.code, again.stderr]).toEqual([0, ""]);
  });

  it("holds a pasted commune name without its control characters, and says so", () => {
    const file = "out/bao-cao-dieu-khien.docx";
    const run = cli(
      "report",
      "in/communes-control.xlsx",
      "--budget",
      "10",
      "--results",
      "out/bao-cao-ket-qua.xlsx",
      "--out",
      file
    );
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expectSound(file, "out/bao-cao-ket-qua.xlsx");
    const doc = strFromU8(parts(file)["word/document.xml"]);
    expect(doc).not.toMatch(NOT_XML);
    expect(doc).toMatch(/Thanh\s+Thới An/);
    expect(run.stdout).toMatch(/U\+000B, U\+0001, U\+001B, U\+FFFE, U\+FFFF/);
    // The name's own cell, then where in the report it went.
    const nameCell = `${manifest["communes-control.xlsx"].sheet}!${manifest["communes-control.xlsx"].nameCell}`;
    expect(run.stdout).toContain(`Ô ${nameCell} (ghi vào báo cáo, Phụ lục II`);
    expect(run.stdout).toContain(`Cell ${nameCell} (written to the report, Phụ lục II`);
  });
});

describeWithTools("the output boundary", () => {
  it("names the input cell of a commune name it cleaned, in each result sheet", () => {
    const nameCell = `${manifest["communes-control.xlsx"].sheet}!${manifest["communes-control.xlsx"].nameCell}`;
    for (const [args, sheet] of [
      [["summary"], "KQ_TungXa"],
      [["targets", "--budget", "10"], "KQ_ChiTieu"],
    ] as const) {
      const file = `out/control-${sheet}.xlsx`;
      const run = cli(args[0], "in/communes-control.xlsx", ...args.slice(1), "--out", file);
      expect([run.code, run.stderr]).toEqual([0, ""]);
      expectSound(file);
      expect(run.stdout).toContain(`Ô ${nameCell} (ghi vào ${sheet}!`);
      expect(run.stdout).toContain(`Cell ${nameCell} (written to ${sheet}!`);
      const cells = openpyxl(file, [sheet]).cells[sheet];
      expect(texts(cells).some((t) => NOT_XML.test(t))).toBe(false);
      expect(texts(cells).some((t) => /^Thanh\s+Thới An$/.test(t))).toBe(true);
    }
  });

  it("never sends a control character of a name to the terminal (ESC would start an escape sequence)", () => {
    for (const args of [["summary"], ["targets", "--budget", "10"]]) {
      const run = cli(args[0], "in/communes-control.xlsx", ...args.slice(1));
      expect([run.code, run.stderr]).toEqual([0, ""]);
      // eslint-disable-next-line no-control-regex
      expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
    }
    // The targets text lists the commune by name: there, shown with U+FFFD for what it held.
    expect(cli("targets", "in/communes-control.xlsx", "--budget", "10").stdout).toMatch(
      /Thanh \uFFFDThới An\uFFFD\uFFFD/
    );
  });

  it("gives the counterpart sheet a print header every reader opens from a bracket note with U+FFFE", () => {
    const file = "out/doi-ung.xlsx";
    const run = cli(
      "counterpart",
      "in/counterpart-control.xlsx",
      "--brackets",
      "in/counterpart-control.xlsx",
      "--support-share",
      "65",
      "--out",
      file
    );
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expectSound(file);
    const sheetXml = Object.entries(parts(file))
      .filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
      .map(([, b]) => strFromU8(b))
      .find((x) => x.includes("<oddHeader>"));
    expect(sheetXml).toBeDefined();
    const header = /<oddHeader>([^<]*)<\/oddHeader>/.exec(sheetXml!)![1];
    expect(header).not.toMatch(NOT_XML);
    expect(header).toMatch(/Quyết định\s+số 7/);
    // The note's own cell is named, where the user can change it.
    expect(run.stdout).toContain(`Tỷ lệ đối ứng!${manifest["counterpart-control.xlsx"].noteCell}`);
  });

  it("keeps a funding label of Excel's 32,767 characters whole, without cutting the user's text", () => {
    const file = "out/nguon-von-dai.xlsx";
    const run = cli("funding", "in/funding-long-label.xlsx", "--out", file);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expectSound(file);
    const cells = openpyxl(file, ["KQ_NguonVon"]).cells.KQ_NguonVon;
    // The label in the mix (and wherever else it is written), each time whole: its length, not its text, compared.
    const long = texts(cells)
      .filter((t) => t.length > 30_000)
      .map((t) => t.replace(/^\s*-\s/, "").length);
    expect(long.length).toBeGreaterThan(0);
    expect(long.every((n) => n === manifest["funding-long-label.xlsx"].labelLength)).toBe(true);
    expect(run.stdout).not.toMatch(/cắt bớt|were cut/);
  });

  it("lists 3,000 communes newly at the standard one a row, never over a cell's limit", () => {
    const file = "out/lo-trinh-3000.xlsx";
    const run = cli(
      "roadmap",
      "in/communes-3000.xlsx",
      "--budget",
      "3000",
      "--from",
      "2024",
      "--to",
      "2025",
      "--out",
      file
    );
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expectSound(file);
    const cells = openpyxl(file, ["KQ_LoTrinh"]).cells.KQ_LoTrinh;
    const names = new Set(texts(cells).filter((t) => /^Xã Thạnh Phú Đông số \d+$/.test(t)));
    expect(names.size).toBe(3000);
  });

  it("makes table columns that differ only by case unique, and says which", () => {
    const file = "out/cot-trung.xlsx";
    const run = cli("funding", "in/funding-case-headers.xlsx", "--out", file);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expectSound(file);
    expect(run.stdout).toMatch(/repeats another ignoring case; written as ".*\(2\)"/);
  });
});

describeWithTools("errors name the sheet and the cell, in both languages", () => {
  it.each([
    [
      "a central budget stored as 5e-324",
      ["counterpart", "in/funding-tiny.xlsx", "--ratio", "1"],
      "Nguồn vốn",
      "C3",
    ],
    [
      "a negative coefficient",
      ["allocate", "in/coefficients-negative.xlsx", "--total", "100"],
      "Hệ số",
      "B3",
    ],
    ["a #REF! formula in a count", ["summary", "in/communes-ref-error.xlsx"], "Xã", "D4"],
  ])("%s", (_what, args, sheet, cell) => {
    const run = cli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`sheet '${sheet}', ô/cell ${cell}`);
    expect(run.stderr).toMatch(/Cần: .* \/ Expected: /);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("takes a coefficient stored as 5e-324 as the tiny share it is, with every amount finite", () => {
    const run = cli("allocate", "in/coefficients-tiny.xlsx", "--total", "100", "--json");
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const json = JSON.parse(run.stdout) as { allocations: { unit: string; amount: number }[] };
    expect(json.allocations.map((a) => [a.unit, a.amount])).toEqual([
      ["Xã A", 40],
      ["Xã B", 0],
      ["Xã C", 60],
    ]);
  });

  it("reads a negative funding line as a reduction and names its cell with its sheet", () => {
    const run = cli("funding", "in/funding-negative.xlsx");
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toMatch(/Nguồn vốn!C8|'Nguồn vốn'.*C8/);
  });
});

describeWithTools("scale", () => {
  it("checks a 130,000-row bracket table at once (sorted, not pair by pair)", async () => {
    const rows = 130_000;
    const lines = ["Cận dưới (%),Cận trên (%),Tỷ lệ đối ứng tối thiểu,Ghi chú"];
    for (let i = 0; i < rows; i++)
      lines.push(
        `${((i * 100) / rows).toFixed(6)},${(((i + 1) * 100) / rows).toFixed(6)},${(1 + (rows - i) / rows).toFixed(4)},b${i}`
      );
    await fs.writeFile(path.join(dir, "in", "brackets-130k.csv"), lines.join("\n") + "\n");
    const funding = path.join(ROOT, "test", "fixtures", "examples", "soc-trang-2023-funding.csv");
    const clock = startCpuClock();
    const run = cli(
      "counterpart",
      funding,
      "--brackets",
      "in/brackets-130k.csv",
      "--support-share",
      "65",
      "--json"
    );
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(clock.ms()).toBeLessThan(20_000);
    const json = JSON.parse(run.stdout) as { required: number };
    // 65 % lies in bracket 84,500 (65 × 1,300), whose ratio is 1 + (130,000 − 84,500) / 130,000.
    expect(json.required).toBeCloseTo(1 + (rows - 84_500) / rows, 4);
  });
});
