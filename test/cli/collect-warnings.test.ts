// `ntm-plan collect` over commune reports holding characters a file cannot (a name pasted from Word, a value typed
// with a control character): each warning names the report's file, sheet and cell the text came from, once, with
// where it was written (or how many places), in Vietnamese and English.

import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "./helpers";
import { CODES, GROUPS, POLICY, rawValues, valuesSheet, writeWorkbook } from "./period-2026";

type Row = (string | number | boolean | null)[];

jest.setTimeout(60_000);

/** Excel's own escape of a character XML cannot hold ("_x0001_"), as Excel stores what was pasted into a cell. */
const excelEscaped = (text: string) =>
  // eslint-disable-next-line no-control-regex
  text.replace(/[\u0001-\u0008\u000B\u000C\u000E-\u001F]/g, (c) => {
    return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;
  });

/** A filled 2026-2030 form: its name in B2, its code in B3, one row per indicator from row 9 (the value in column C). */
function form(name: string, code: string, values: Record<string, number | string>): Row[] {
  return [
    ["Biểu tự đánh giá kết quả thực hiện tiêu chí xã nông thôn mới"],
    ["Tên xã / Commune name", excelEscaped(name)],
    ["Mã xã / Commune code", code],
    ["Nhóm xã (1, 2 hoặc 3) / Commune group", GROUPS.A],
    ["Giai đoạn / Period", "2026-2030"],
    ["Năm đánh giá / Year assessed", 2025],
    [],
    ["Mã chỉ tiêu / Code", "Tên chỉ tiêu / Indicator", "Kết quả / Value", "Ghi chú / Note"],
    ...CODES.map((c): Row => [
      c,
      `Chỉ tiêu ${c}`,
      values[c] === "" ? null : excelEscaped(String(values[c])),
      null,
    ]),
  ];
}
const FIRST_VALUE_ROW = 9;

/** Every text cell of the written workbook, by sheet. */
async function texts(file: string): Promise<{ sheet: string; text: string }[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const out: { sheet: string; text: string }[] = [];
  for (const sheet of book.worksheets)
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string") out.push({ sheet: sheet.name, text: cell.value });
      })
    );
  return out;
}

interface Said {
  vi: string;
  en: string;
  file?: string;
  sheet?: string;
  cell?: string;
}

describe("collect over reports holding characters a file cannot", () => {
  let dir: string;
  let outDir: string;
  let policy: string;
  const files = {
    form: "",
    table: "",
    badValue: "",
  };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-collect-warn-"));
    outDir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-collect-warn-out-"));
    policy = await writeWorkbook({ "Chỉ tiêu": POLICY });
    const put = async (name: string, sheets: Record<string, Row[]>) => {
      const file = path.join(dir, name);
      await fs.rename(await writeWorkbook(sheets), file);
      return file;
    };
    const v = rawValues();
    // A name pasted with U+0001 (and a line break from Word, U+000B, which the reader reads as a space).
    files.form = await put("xa-an-binh.xlsx", {
      "Báo cáo": form("Xã An\u000BBình\u0001", "31000", v.A),
    });
    // A status table of two communes: the first's name ends with ESC (U+001B).
    const table = valuesSheet();
    table[3][1] = `${table[3][1]}\u001B`;
    files.table = await put("huyen-cu.xlsx", {
      Xã: [table[0], table[3], table[4]].map((r) =>
        r.map((x) => (typeof x === "string" ? excelEscaped(x) : x))
      ),
    });
    // A value that cannot be read (the file is refused at its cell, in "Cần xử lý").
    files.badValue = await put("xa-b.xlsx", {
      "Báo cáo": form("Xã B", "31001", { ...v.B, "2.2": "Đạt\u0001" }),
    });
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rm(outDir, { recursive: true, force: true });
  });

  it("names each text's report file, sheet and cell once, with the places it was written", async () => {
    const out = path.join(outDir, "tong-hop.xlsx");
    const run = await runCli(["collect", dir, "--indicators", policy, "--json", "--out", out]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const json = JSON.parse(run.stdout) as { outWarnings: Said[]; communes: { name: string }[] };
    const written = await texts(out);

    // The form's name: in the table once, and in "Nguồn" once per value read (name, code, group, each indicator).
    const cleaned = "Xã An Bình";
    const places = written.filter((t) => t.text === cleaned);
    expect(places.map((p) => p.sheet).filter((s) => s === "Xã (tổng hợp)")).toHaveLength(1);
    expect(places.filter((p) => p.sheet === "Nguồn")).toHaveLength(3 + CODES.length);
    const aboutName = json.outWarnings.filter((w) => w.file === files.form);
    expect(aboutName).toHaveLength(1);
    expect([aboutName[0].sheet, aboutName[0].cell]).toEqual(["Báo cáo", "B2"]);
    expect(aboutName[0].vi).toMatch(
      new RegExp(
        `^Tệp ${escape(files.form)}, Ô Báo cáo!B2 \\(ghi vào ${places.length} ô: Xã \\(tổng hợp\\)!B\\d+, Nguồn!A\\d+, Nguồn!A\\d+ và ${places.length - 3} ô khác\\): đã bỏ 1 ký tự điều khiển \\(U\\+0001\\)`
      )
    );
    expect(aboutName[0].en).toMatch(
      new RegExp(
        `^File ${escape(files.form)}, cell Báo cáo!B2 \\(written to ${places.length} cells: Xã \\(tổng hợp\\)!B\\d+, Nguồn!A\\d+, Nguồn!A\\d+, and ${places.length - 3} more\\): removed 1 control character\\(s\\) \\(U\\+0001\\)`
      )
    );

    // The table's commune: its name's cell in the district's table (its first data row, column B).
    const aboutTable = json.outWarnings.filter((w) => w.file === files.table);
    expect(aboutTable).toHaveLength(1);
    expect([aboutTable[0].sheet, aboutTable[0].cell]).toEqual(["Xã", "B2"]);
    expect(aboutTable[0].en).toMatch(/removed 1 control character\(s\) \(U\+001B\)/);

    // The refused value: the cell the file was refused at, written into the reason (in both languages' columns).
    const aboutValue = json.outWarnings.filter((w) => w.file === files.badValue);
    expect(aboutValue).toHaveLength(1);
    const valueCell = `C${FIRST_VALUE_ROW + CODES.indexOf("2.2")}`;
    expect([aboutValue[0].sheet, aboutValue[0].cell]).toEqual(["Báo cáo", valueCell]);
    expect(aboutValue[0].vi).toMatch(
      new RegExp(
        `^Tệp ${escape(files.badValue)}, Ô Báo cáo!${valueCell} \\(ghi vào 2 ô: Cần xử lý!F\\d+, Cần xử lý!G\\d+\\)`
      )
    );

    // Three texts, three warnings: none repeated, none about a result cell alone, no "… and N more cells".
    expect(json.outWarnings).toHaveLength(3);
    expect(json.outWarnings.every((w) => w.file !== undefined)).toBe(true);
    // What was written holds none of the characters.
    // eslint-disable-next-line no-control-regex
    expect(written.filter((t) => /[\u0001\u000B\u001B]/.test(t.text))).toEqual([]);
  });

  it("prints each warning once in the text output", async () => {
    const out = path.join(outDir, "tong-hop-text.xlsx");
    const run = await runCli(["collect", dir, "--indicators", policy, "--out", out]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n").filter((l) => l.startsWith("! Tệp "));
    expect(lines).toHaveLength(3);
    expect(lines.filter((l) => l.includes(`${files.form}, Ô Báo cáo!B2 `))).toHaveLength(1);
    expect(lines.every((l) => / \/ File .*, cell /.test(l))).toBe(true);
  });

  it("prints the policy sheet's warnings placed on its sheet, before what writing changed, as the pane shows them", async () => {
    const run = await runCli(["collect", dir, "--indicators", policy, "--json"]);
    const said = (JSON.parse(run.stdout) as { warnings: Said[] }).warnings;
    // The policy holds fewer indicators than the decision lists: it says so.
    expect(said.length).toBeGreaterThan(0);
    expect(said.map((w) => [w.file, w.sheet])).toEqual(said.map(() => [policy, "Chỉ tiêu"]));

    const out = path.join(outDir, "tong-hop-policy.xlsx");
    const text = await runCli(["collect", dir, "--indicators", policy, "--out", out]);
    expect(text.code).toBe(0);
    const lines = text.stdout.split("\n");
    const firstWritten = lines.findIndex((l) => l.startsWith("! Tệp "));
    expect(firstWritten).toBeGreaterThan(0);
    for (const w of said) {
      const at = lines.indexOf(`! Chỉ tiêu: ${w.vi} / Chỉ tiêu: ${w.en}`);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThan(firstWritten);
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
