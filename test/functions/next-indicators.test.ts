// NTM.NEXT_INDICATORS: one commune's next-year target indicators in a cell, planned by the targets job's own
// indicator planner. On the 2026-2030 sample it gives each commune what `ntm-plan targets` gives it for the same
// inputs (the sample's costs sheet, a cap, no budget binding across communes); on a small table, figures from inputs.
import "./custom-functions-mock";
import { MockCustomFunctionsError } from "./custom-functions-mock";

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { nextIndicators } from "../../src/functions/indicator-targets";
import { FUNCTION_ROW_LIMIT } from "../../src/functions/limits";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { TARGETS_SPEC } from "../../src/workbook/jobs/specs";
import type { CellValue } from "../../src/workbook/grid";
import { runCli } from "../cli/helpers";

const SAMPLE = path.join(__dirname, "../../assets/ntm-sample-2026.xlsx");

/** A range as Excel hands it to a custom function: blanks as "". */
function range(rows: CellValue[][]): any[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
}

interface CliCommune {
  name: string;
  targets: { code: string }[];
}

async function cliTargets(extra: string[]): Promise<CliCommune[]> {
  const run = await runCli(["targets", SAMPLE, "--year", "2027", ...extra, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout).communes;
}

describe("NTM.NEXT_INDICATORS on the 2026-2030 sample agrees with the targets job", () => {
  let communes: any[][];
  let policy: any[][];
  let costs: any[][];
  let header: string[];

  beforeAll(async () => {
    const book = await ExcelJsWorkbook.fromXlsx(await fs.readFile(SAMPLE));
    // Each table from its header row (row 3, under the title and the illustrative note).
    communes = range((await book.readSheet("Xã")).rows.slice(2));
    policy = range((await book.readSheet("Chỉ tiêu theo nhóm xã")).rows.slice(2));
    costs = range((await book.readSheet("Chi phí chỉ tiêu")).rows.slice(2));
    header = communes[0].map(String);
  }, 60_000);

  function eachCommune(
    cli: CliCommune[],
    call: (values: any[][], codes: any[][], group: any) => string
  ): number {
    const first = header.indexOf("1.1");
    const codes = [header.slice(first, first + 47)];
    const groupAt = header.indexOf("Nhóm xã");
    expect(cli).toHaveLength(100);
    let planned = 0;
    communes.slice(1).forEach((row, i) => {
      expect(row[header.indexOf("Tên xã")]).toBe(cli[i].name);
      const got = call([row.slice(first, first + 47)], codes, row[groupAt]);
      const want = cli[i].targets.map((t) => t.code).join(",");
      expect([cli[i].name, got]).toEqual([cli[i].name, want]);
      if (want !== "") planned++;
    });
    return planned;
  }

  it("with the costs sheet and at most 3 indicators a year: each commune's targets", async () => {
    const cli = await cliTargets(["--max-per-commune", "3"]);
    const planned = eachCommune(cli, (values, codes, group) =>
      nextIndicators(values, codes, group, policy, 3, costs)
    );
    // The comparison is not empty: most communes of the sample miss something.
    expect(planned).toBeGreaterThan(40);
  }, 60_000);

  it("with the cap counted in criteria worked on (2 a year)", async () => {
    const cli = await cliTargets(["--max-per-commune", "2", "--cap-unit", "criteria"]);
    eachCommune(cli, (values, codes, group) =>
      nextIndicators(values, codes, group, policy, 2, costs, undefined, "criteria")
    );
  }, 60_000);
});

describe("NTM.NEXT_INDICATORS on a small table", () => {
  // Ten criteria, one indicator each ("k.1", at least 50 % for every group), so every criterion has its indicator.
  const POLICY = [
    ["Mã chỉ tiêu", "Tên chỉ tiêu", "Nhóm 1", "Nhóm 2", "Nhóm 3", "Đơn vị", "So sánh"],
    ...Array.from({ length: 10 }, (_, k) => [
      `${k + 1}.1`,
      `Chỉ tiêu ${k + 1}.1`,
      50,
      50,
      50,
      "%",
      "≥",
    ]),
  ];
  const CODES = [POLICY.slice(1).map((r) => r[0])];
  // Misses 2.1 (40 < 50) and 5.1 (10 < 50); the rest are met.
  const VALUES = [[60, 40, 70, 80, 10, 90, 55, 65, 75, 85]];
  const COSTS = [
    ["Chỉ tiêu", "Chi phí (triệu đồng)"],
    ["2.1", 300],
    ["5.1", 100],
  ];

  it("plans every missing indicator without a cap or a budget", () => {
    expect(nextIndicators(VALUES, CODES, 2, POLICY)).toBe("2.1,5.1");
  });

  it("with a cap of one takes the cheaper (5.1 at 100 against 2.1 at 300)", () => {
    expect(nextIndicators(VALUES, CODES, 2, POLICY, 1, COSTS)).toBe("5.1");
  });

  it("within a budget takes what fits: 250 buys 5.1 only, 400 buys both", () => {
    expect(nextIndicators(VALUES, CODES, 2, POLICY, "", COSTS, 250)).toBe("5.1");
    expect(nextIndicators(VALUES, CODES, 2, POLICY, "", COSTS, 400)).toBe("2.1,5.1");
  });

  it("without costs each indicator counts 1, so the budget is a number of indicators", () => {
    expect(nextIndicators(VALUES, CODES, 2, POLICY, "", "" as any, 0)).toBe("");
    expect(nextIndicators(VALUES, CODES, 2, POLICY, "", undefined, 2)).toBe("2.1,5.1");
  });

  it("is empty for a commune that misses nothing", () => {
    expect(nextIndicators([[60, 50, 70, 80, 50, 90, 55, 65, 75, 85]], CODES, 2, POLICY)).toBe("");
  });

  it("refuses a cost row that is not (indicator code, cost ≥ 0), naming the row", () => {
    expect(() => nextIndicators(VALUES, CODES, 2, POLICY, "", [...COSTS, ["5.1x", 10]])).toThrow(
      /4: 5\.1x \| 10.*hai cột/
    );
    expect(() => nextIndicators(VALUES, CODES, 2, POLICY, "", [["5.1", -1]])).toThrow(
      /chi phí ≥ 0/
    );
  });

  it("refuses a missing indicator without a cost row, naming it, rather than guessing", () => {
    expect(() => nextIndicators(VALUES, CODES, 2, POLICY, "", [["5.1", 100]])).toThrow(/2\.1/);
  });

  it("refuses a cap or a budget the targets job refuses", () => {
    expect(() => nextIndicators(VALUES, CODES, 2, POLICY, -1)).toThrow();
    expect(() => nextIndicators(VALUES, CODES, 2, POLICY, 1.5)).toThrow();
    expect(() => nextIndicators(VALUES, CODES, 2, POLICY, "", undefined, -5)).toThrow();
  });

  it("answers #NUM! for a costs or policy range over the cell functions' limit, naming the targets job", () => {
    const many = Array.from({ length: FUNCTION_ROW_LIMIT + 1 }, () => ["5.1", 100]);
    for (const body of [
      () => nextIndicators(VALUES, CODES, 2, POLICY, "", [COSTS[0], ...many]),
      () => nextIndicators(VALUES, CODES, 2, [POLICY[0], ...many]),
    ]) {
      let thrown: unknown;
      try {
        body();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(MockCustomFunctionsError);
      expect((thrown as MockCustomFunctionsError).code).toBe("#NUM!");
      expect((thrown as Error).message).toContain(TARGETS_SPEC.label.vi);
      expect((thrown as Error).message).toContain(TARGETS_SPEC.label.en);
    }
  });
});
