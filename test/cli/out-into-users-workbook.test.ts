// --out onto a user's own workbook (written by openpyxl, and the same re-saved by LibreOffice: several sheets, a
// chart, a table, a comment, styles, defined names, a pivot-like summary): our result sheets are added into its
// package and every part of the user's keeps its bytes; the four parts that list parts (workbook, its relationships,
// content types, styles) keep every entry they had and only gain ours. The result passes the strict reader, opens
// in openpyxl and in LibreOffice (one batch), and the added sheets hold the figures a fresh file holds. A re-run
// replaces only our sheets; what cannot be done safely is refused with exit 2 and the file left byte for byte.
// openpyxl and LibreOffice are needed to make the user's files: the test is skipped, saying so, without them.

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, promises as fs, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { expectStrictFile, notOurFile } from "../support/strict-files";
import { runCli } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
const CSV = path.join(ROOT, "test", "fixtures", "examples", "soc-trang-2023-communes.csv");
const MAKE = path.join(ROOT, "test", "fixtures", "users-workbooks", "make_users_workbook.py");
const PYTHON = "/usr/bin/python3";

const hasOpenpyxl = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;
const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
if (!hasOpenpyxl || !soffice) {
  console.log(
    "Bỏ qua: cần python3-openpyxl và LibreOffice để tạo sổ của người dùng / " +
      "skipped: python3-openpyxl and LibreOffice are needed to make the user's workbooks"
  );
}
const describeWithTools = hasOpenpyxl && soffice ? describe : describe.skip;

jest.setTimeout(120_000);

/** The parts that list parts: changed by adding ours, every entry of theirs kept. */
const LISTING =
  /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|xl\/styles\.xml)$/;

function entries(file: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(file)));
}

/** Each element of these kinds in the old part is in the new part, the same bytes. */
function keptElements(before: string, after: string, pattern: RegExp): string[] {
  return (before.match(pattern) ?? []).filter((e) => !after.includes(e));
}

/** Every original part the same bytes, or (the listing parts) every entry kept. */
function expectUsersPartsKept(original: Record<string, Uint8Array>, file: string): void {
  const now = entries(file);
  for (const [name, bytes] of Object.entries(original)) {
    expect(now[name]).toBeDefined();
    if (!LISTING.test(name)) {
      expect([name, Buffer.from(now[name]).equals(Buffer.from(bytes))]).toEqual([name, true]);
      continue;
    }
    const before = strFromU8(bytes);
    const after = strFromU8(now[name]);
    const lost = [
      ...keptElements(before, after, /<sheet\b[^>]*>/g),
      ...keptElements(before, after, /<definedName\b[^>]*>[^<]*<\/definedName>/g),
      ...keptElements(before, after, /<Relationship\b[^>]*>/g),
      ...keptElements(before, after, /<(Override|Default)\b[^>]*>/g),
    ];
    expect([name, lost]).toEqual([name, []]);
    if (name === "xl/styles.xml") {
      // Each list keeps its entries, in order, first: ours come after them.
      for (const list of [
        "numFmts",
        "fonts",
        "fills",
        "borders",
        "cellStyleXfs",
        "cellXfs",
        "cellStyles",
        "dxfs",
      ]) {
        const inner = (xml: string) =>
          new RegExp(`<${list}\\b[^>]*>([\\s\\S]*?)</${list}>`).exec(xml)?.[1] ?? "";
        expect([list, inner(after).startsWith(inner(before))]).toEqual([list, true]);
      }
      const outside = (xml: string) => xml.replace(/<(\w+)\b[^>]*>[\s\S]*?<\/\1>/g, "");
      expect(outside(after)).toBe(outside(before));
    }
  }
}

/** Sheet names, states and the cells of the named sheets, as openpyxl reads them. */
function openpyxlRead(
  file: string,
  sheets: string[]
): {
  sheets: [string, string][];
  cells: Record<string, (string | number | null)[][]>;
  formats: Record<string, string[][]>;
} {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": [[ws.title, ws.sheet_state] for ws in wb.worksheets], "cells": {}, "formats": {}}
for name in sys.argv[2:]:
    ws = wb[name]
    out["cells"][name] = [[c.value for c in row] for row in ws.iter_rows()]
    out["formats"][name] = [[c.number_format for c in row] for row in ws.iter_rows()]
print(json.dumps(out, ensure_ascii=False))`;
  return JSON.parse(execFileSync(PYTHON, ["-c", script, file, ...sheets], { encoding: "utf8" }));
}

const communes = readFileSync(CSV, "utf8").trim().split(/\r?\n/).length - 1;

describeWithTools("--out onto a user's own workbook", () => {
  let dir: string;
  const users: Record<string, string> = {};
  let fresh: ReturnType<typeof openpyxlRead>;
  const written: string[] = [];

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-out-users-"));
    users.openpyxl = path.join(dir, "openpyxl.xlsx");
    execFileSync(PYTHON, [MAKE, users.openpyxl]);
    await fs.mkdir(path.join(dir, "lo"));
    execFileSync(soffice!, [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--calc",
      "--convert-to",
      "xlsx",
      "--outdir",
      path.join(dir, "lo"),
      users.openpyxl,
    ]);
    users.libreoffice = path.join(dir, "libreoffice.xlsx");
    await fs.rename(path.join(dir, "lo", "openpyxl.xlsx"), users.libreoffice);
    // The same results in a file of their own: what the added sheets must hold.
    const alone = path.join(dir, "alone.xlsx");
    expect((await runCli(["summary", CSV, "--out", alone])).code).toBe(0);
    expect((await runCli(["targets", CSV, "--out", alone])).code).toBe(0);
    fresh = openpyxlRead(alone, ["KQ_TongHop", "KQ_ChiTieu"]);
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it.each(["openpyxl", "libreoffice"])(
    "adds our sheets into a workbook written by %s and keeps every part of the user's",
    async (writer) => {
      const out = path.join(dir, `out-${writer}.xlsx`);
      await fs.copyFile(users[writer], out);
      const original = entries(users[writer]);
      const theirs = openpyxlRead(users[writer], []).sheets;
      for (const command of ["summary", "targets", "summary"]) {
        const run = await runCli([command, CSV, "--out", out]);
        expect(run.stderr).toBe("");
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/Đã ghi \/ Written/);
        expect(run.stdout).not.toMatch(/sửa tay/);
      }
      expectUsersPartsKept(original, out);
      expectStrictFile(out);
      const read = openpyxlRead(out, ["KQ_TongHop", "KQ_ChiTieu"]);
      // Theirs first, as they were; ours after, each once (the second summary replaced the first); one bookkeeping.
      expect(read.sheets.slice(0, theirs.length)).toEqual(theirs);
      expect(read.sheets.slice(theirs.length)).toEqual([
        ["KQ_TongHop", "visible"],
        // Each commune's row (the report counts the communes at the standard and names this sheet).
        ["KQ_TungXa", "visible"],
        // The defaults each job assumed (the summary's bands, the planner's method), replaced by each run.
        ["KQ_GiaDinh", "visible"],
        ["_NTM_META", "veryHidden"],
        ["KQ_ChiTieu", "visible"],
      ]);
      expect(read.cells).toEqual(fresh.cells);
      expect(read.formats).toEqual(fresh.formats);
      const count = read.cells.KQ_TongHop.find((r) => /^Số xã/.test(String(r[0])));
      expect(count?.[1]).toBe(communes);
      written.push(out);
    }
  );

  it("opens in LibreOffice, every sheet, in one batch", () => {
    expect(written).toHaveLength(2);
    const csv = path.join(dir, "csv");
    execFileSync(soffice!, [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--convert-to",
      // Every sheet (the last field, -1) to its own UTF-8 CSV.
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      "--outdir",
      csv,
      ...written,
    ]);
    for (const file of written) {
      const base = path.basename(file, ".xlsx");
      const ours = readFileSync(path.join(csv, `${base}-KQ_ChiTieu.csv`), "utf8");
      expect(ours.split("\n")[1]).toMatch(/^TT \(No.\),Tên xã \(Commune\),Huyện \(District\)/);
      expect(readFileSync(path.join(csv, `${base}-Dữ liệu xã.csv`), "utf8")).toMatch(/An Mỹ/);
    }
  });

  it("keeps a note the user typed into our result sheet, under 'KQ_TongHop (sửa tay)'", async () => {
    const out = path.join(dir, "note.xlsx");
    await fs.copyFile(users.openpyxl, out);
    expect((await runCli(["summary", CSV, "--out", out])).code).toBe(0);
    // As Excel saves a typed cell: the sheet's own part gains it (row 40, column B), all else as it was.
    const parts = entries(out);
    const workbook = strFromU8(parts["xl/workbook.xml"]);
    const rid = /<sheet\b[^>]*name="KQ_TongHop"[^>]*:id="([^"]+)"/.exec(workbook)![1];
    const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]);
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    const part = `xl/${target}`;
    parts[part] = strToU8(
      strFromU8(parts[part]).replace(
        "</sheetData>",
        '<row r="40"><c r="B40" t="inlineStr"><is><t>Ghi chú: xã An Mỹ đã đạt</t></is></c></row></sheetData>'
      )
    );
    await fs.writeFile(out, zipSync(parts));
    const run = await runCli(["summary", CSV, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/KQ_TongHop \(sửa tay\)/);
    const read = openpyxlRead(out, ["KQ_TongHop", "KQ_TongHop (sửa tay)"]);
    expect(read.cells["KQ_TongHop (sửa tay)"][39][1]).toBe("Ghi chú: xã An Mỹ đã đạt");
    expect(read.cells.KQ_TongHop).toEqual(fresh.cells.KQ_TongHop);
    expectStrictFile(out);
  });

  it("refuses, leaving the file byte for byte, a user's sheet with our sheet's name", async () => {
    const out = path.join(dir, "clash.xlsx");
    const parts = entries(users.openpyxl);
    parts["xl/workbook.xml"] = strToU8(
      strFromU8(parts["xl/workbook.xml"]).replace('name="Ghi chú"', 'name="KQ_TongHop"')
    );
    await fs.writeFile(out, zipSync(parts));
    const before = await fs.readFile(out);
    const run = await runCli(["summary", CSV, "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sheet 'KQ_TongHop'/);
    expect(run.stderr).toMatch(/NTM Planner did not write/);
    expect((await fs.readFile(out)).equals(before)).toBe(true);
  });

  it("refuses a Strict Open XML workbook and an encrypted one before the run, naming why", async () => {
    const strict = path.join(dir, "strict.xlsx");
    const parts = entries(users.openpyxl);
    parts["xl/workbook.xml"] = strToU8(
      strFromU8(parts["xl/workbook.xml"]).replace(
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main"
      )
    );
    await fs.writeFile(strict, zipSync(parts));
    const encrypted = path.join(dir, "encrypted.xlsx");
    // An encrypted workbook is an OLE2 compound file, not a zip.
    await fs.writeFile(
      encrypted,
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(512),
      ])
    );
    notOurFile(encrypted);
    for (const [file, why] of [
      [strict, /Strict Open XML/],
      [encrypted, /encrypted/],
    ] as const) {
      const before = await fs.readFile(file);
      const run = await runCli(["summary", CSV, "--out", file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(why);
      expect(run.stderr).toContain(path.basename(file));
      expect((await fs.readFile(file)).equals(before)).toBe(true);
    }
  });
});
