// `ntm-plan collect`: commune forms and status tables into one province status table that summary and plan read
// at once; conflicts, other periods and unreadable files into "Cần xử lý", each value's cell into "Nguồn".

import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import mammoth from "mammoth";
import { runCli } from "./helpers";
import { CODES, GROUPS, MET, POLICY, rawValues, valuesSheet, writeWorkbook } from "./period-2026";
import { notOurFile } from "../support/strict-files";

type Row = (string | number | boolean | null)[];

/** A filled 2026-2030 form as a commune types it: fields, then one row per indicator. */
function form(
  name: string,
  code: string,
  values: Record<string, number | string>,
  year = 2025
): Row[] {
  return [
    ["Biểu tự đánh giá kết quả thực hiện tiêu chí xã nông thôn mới"],
    ["Tên xã / Commune name", `Xã ${name}`],
    ["Mã xã / Commune code", code],
    ["Nhóm xã (1, 2 hoặc 3) / Commune group", GROUPS[name]],
    ["Giai đoạn / Period", "2026-2030"],
    ["Năm đánh giá / Year assessed", year],
    [],
    ["Mã chỉ tiêu / Code", "Tên chỉ tiêu / Indicator", "Kết quả / Value", "Ghi chú / Note"],
    ...CODES.map((c): Row => [c, `Chỉ tiêu ${c}`, values[c] === "" ? null : values[c], null]),
  ];
}

async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows: unknown[][] = [];
  book.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

// A run reads a dozen workbooks: on a machine shared by several test runs it has taken over the default 5 s.
jest.setTimeout(60_000);

describe("ntm-plan collect", () => {
  let dir: string;
  let policy: string;
  const v = rawValues();

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-collect-"));
    const put = async (name: string, sheets: Record<string, Row[]>) =>
      fs.rename(await writeWorkbook(sheets), path.join(dir, name));
    policy = await writeWorkbook({ "Chỉ tiêu": POLICY });
    await put("01-a.xlsx", { "Báo cáo": form("A", "31000", v.A) });
    // A again, identical: kept once.
    await put("02-a-lai.xlsx", { "Báo cáo": form("A", "31000", v.A) });
    await put("03-b.xlsx", { "Báo cáo": form("B", "31001", v.B) });
    // B again with another 1.1: B is left out, naming both files.
    await put("04-b-khac.xlsx", { "Báo cáo": form("B", "31001", { ...v.B, "1.1": 81 }) });
    // C and D in one status table (a former district's), values as typed.
    const table = valuesSheet();
    await put("05-huyen.xlsx", { Xã: [table[0], table[3], table[4]] });
    // Another year than the majority.
    await put("06-nam-khac.xlsx", { "Báo cáo": form("E", "31009", v.A, 2024) });
    await fs.writeFile(path.join(dir, "07-hong.xlsx"), "không phải tệp Excel");
    notOurFile(path.join(dir, "07-hong.xlsx"));
  });

  it("collects forms and tables, keeps identical duplicates once, leaves out conflicts, other years and unreadable files", async () => {
    const out = path.join(dir, "tong-hop.xlsx");
    const run = await runCli(["collect", dir, "--indicators", policy, "--json", "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.period).toBe("2026-2030");
    expect(json.year).toBe(2025);
    expect(json.counts).toMatchObject({
      files: 7,
      collected: 5,
      leftOut: 1,
      unreadable: 1,
      communes: 3,
    });
    expect(json.communes.map((c: { name: string }) => c.name)).toEqual(["Xã A", "Xã C", "Xã D"]);
    expect(json.communes[0].alsoIn).toEqual([path.join(dir, "02-a-lai.xlsx")]);
    const kinds = json.problems.map((p: { kind: string }) => p.kind).sort();
    expect(kinds).toEqual(["conflict", "unreadable", "year"]);
    const conflict = json.problems.find((p: { kind: string }) => p.kind === "conflict");
    expect(conflict.vi).toContain("03-b.xlsx");
    expect(conflict.vi).toContain("04-b-khac.xlsx");
    expect(conflict.vi).toContain("1.1");
    const byFile = Object.fromEntries(
      json.files.map((f: { file: string; outcome: string }) => [path.basename(f.file), f])
    );
    expect(byFile["07-hong.xlsx"].outcome).toBe("unreadable");
    expect(byFile["06-nam-khac.xlsx"].outcome).toBe("left-out");
    expect(byFile["05-huyen.xlsx"]).toMatchObject({ kind: "table", communes: 2 });
    expect(byFile["01-a.xlsx"].reading[0].used.count).toBe(CODES.length);

    // The result is an ordinary status workbook: summary reads it at once, with the policy written beside it.
    const summary = await runCli(["summary", out, "--json"]);
    expect(summary.stderr).toBe("");
    expect(summary.code).toBe(0);
    const s = JSON.parse(summary.stdout);
    expect(s.period).toBe("2026-2030");
    expect(s.communes).toBe(3);
    const met = ["A", "C", "D"];
    for (let n = 1; n <= 10; n++) {
      expect(s.criterionCounts[String(n)]).toBe(met.filter((c) => MET[c].includes(n)).length);
    }
    expect(s.standard).toBe(met.filter((c) => MET[c].length === 10).length);

    // C misses 4.2 and D 3.1 (B is left out): both planned at a cost of 1 each.
    const targets = await runCli([
      ...["targets", out, "--budget", "3", "--default-cost", "1", "--method", "optimal", "--json"],
    ]);
    expect(targets.stderr).toBe("");
    expect(targets.code).toBe(0);
    expect(JSON.parse(targets.stdout)).toMatchObject({ period: "2026-2030", level: "indicators" });

    // plan runs on it too: the default cost that targets asks for when there is no costs table is one of plan's
    // flags (it once asked for --default-cost, then refused the flag).
    const plan = await runCli(["plan", out, "--budget", "3", "--default-cost", "1", "--json"]);
    expect(plan.stderr).toBe("");
    expect(plan.code).toBe(0);
    const jobs = JSON.parse(plan.stdout).jobs as { id: string; status: string; result?: any }[];
    const planned = jobs.find((j) => j.id === "targets")!;
    expect(planned.status).toBe("done");
    expect(planned.result).toMatchObject({ period: "2026-2030", level: "indicators" });
    // The report cites the table with the communes it left out, as every job's warning does.
    const left = JSON.parse(run.stdout).counts.communesLeftOut as number;
    expect(left).toBeGreaterThan(0);
    const docx = path.join(os.tmpdir(), `ntm-collect-report-${process.pid}.docx`);
    const report = await runCli([
      "report",
      out,
      "--budget",
      "3",
      "--default-cost",
      "1",
      "--out",
      docx,
    ]);
    expect(report.code).toBe(0);
    const words = (await mammoth.extractRawText({ path: docx })).value;
    await fs.rm(docx, { force: true });
    expect(words).toContain(`chưa tính ${left} xã chưa tổng hợp được`);

    // Nguồn: each value's file and cell; Cần xử lý: one line per problem.
    const sources = await sheetRows(out, "Nguồn");
    expect(sources).toContainEqual(
      expect.arrayContaining(["Xã C", "31002", "1.1", path.join(dir, "05-huyen.xlsx"), "Xã"])
    );
    const problems = await sheetRows(out, "Cần xử lý");
    expect(
      problems.filter((r) => ["conflict", "year", "unreadable"].includes(String(r[0])))
    ).toHaveLength(3);
  });

  it("collects 2021-2025 forms marked by hand and a list table into a table that plan runs on", async () => {
    const d25 = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-collect-25-"));
    const form25 = (name: string, met: number[], marks: [string, string]): Row[] => [
      ["BIỂU TỰ ĐÁNH GIÁ"],
      [`Xã: ${name}`],
      ["Năm báo cáo", "Năm 2024"],
      [],
      ["TT", "Tiêu chí số", "Tên tiêu chí", "Đánh giá"],
      ...Array.from({ length: 19 }, (_, k): Row => [
        k + 1,
        `TC${k + 1}`,
        `Tiêu chí ${k + 1}`,
        met.includes(k + 1) ? marks[0] : marks[1],
      ]),
    ];
    const all = Array.from({ length: 19 }, (_, k) => k + 1);
    await fs.rename(
      await writeWorkbook({ BC: form25("Hòa Bình", all, ["Đạt", "Không đạt"]) }),
      path.join(d25, "a.xlsx")
    );
    await fs.rename(
      await writeWorkbook({ BC: form25("An Phú", [1, 2, 3, 5, 8], ["x", ""]) }),
      path.join(d25, "b.xlsx")
    );
    await fs.rename(
      await writeWorkbook({
        "Kết quả": [
          ["Kết quả thực hiện tiêu chí đến cuối năm 2024"],
          ["TT", "Tên xã", "Huyện", "Tiêu chí đạt"],
          [1, "Tân Lập", "Kế Sách", "1-10"],
          [2, "Phú Tâm", "Kế Sách", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15"],
        ],
      }),
      path.join(d25, "c.xlsx")
    );
    const out = path.join(d25, "tong-hop.xlsx");
    const run = await runCli(["collect", d25, "--json", "--out", out]);
    expect(run.stderr).toBe("");
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ period: "2021-2025", year: 2024 });
    expect(json.counts).toMatchObject({ files: 3, collected: 3, communes: 4, problems: 0 });
    const summary = JSON.parse((await runCli(["summary", out, "--json"])).stdout);
    expect(summary.communes).toBe(4);
    expect(summary.standard).toBe(1);
    expect(summary.criterionCounts["4"]).toBe(3);
    expect(summary.criterionCounts["8"]).toBe(4);
    expect(summary.criterionCounts["19"]).toBe(1);
    const plan = await runCli(["plan", out, "--json", "--budget", "10"]);
    expect(plan.stderr).toBe("");
    expect(plan.code).toBe(0);
  });

  it("names the communes of a master list that sent no report", async () => {
    const master = await writeWorkbook({
      DS: [
        ["Tên xã", "Mã xã"],
        ["Xã A", "31000"],
        ["Xã C", "31002"],
        ["Xã D", "31003"],
        ["Xã G", "31006"],
      ],
    });
    const run = await runCli([
      "collect",
      path.join(dir, "01-a.xlsx"),
      path.join(dir, "05-huyen.xlsx"),
      "--indicators",
      policy,
      "--master",
      master,
      "--json",
    ]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    const missing = json.problems.filter((p: { kind: string }) => p.kind === "missing");
    expect(missing.map((p: { commune: string }) => p.commune)).toEqual(["Xã G"]);
  });

  it("shows progress on stderr in text mode", async () => {
    const run = await runCli([
      "collect",
      path.join(dir, "01-a.xlsx"),
      path.join(dir, "03-b.xlsx"),
      "--indicators",
      policy,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("[1/2]");
    expect(run.stderr).toContain("[2/2]");
  });
});
