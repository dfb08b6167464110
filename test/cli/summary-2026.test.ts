import * as path from "node:path";
import { runCli } from "./helpers";
import {
  CODES,
  criterionMarksSheet,
  indicatorMarksSheet,
  indicatorMet,
  listSheet,
  POLICY,
  valuesSheet,
  writeWorkbook,
} from "./period-2026";

const CRITERION_COUNTS = {
  "1": 3,
  "2": 3,
  "3": 3,
  "4": 3,
  "5": 4,
  "6": 4,
  "7": 4,
  "8": 4,
  "9": 4,
  "10": 4,
};

async function summary(sheets: Parameters<typeof writeWorkbook>[0], ...flags: string[]) {
  const file = await writeWorkbook(sheets);
  const run = await runCli(["summary", file, "--json", ...flags]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe("ntm-plan summary, period 2026-2030", () => {
  it.each([
    ["a list 1-10", { Xã: listSheet() }, "list"],
    ["marks per criterion", { Xã: criterionMarksSheet() }, "marks"],
    ["marks per indicator", { Xã: indicatorMarksSheet(), "Chỉ tiêu": POLICY }, "indicators"],
    ["raw values and the policy sheet", { Xã: valuesSheet(), "Chỉ tiêu": POLICY }, "indicators"],
  ])("reads %s and counts criteria 1..10", async (_, sheets, shape) => {
    const json = await summary(sheets, "--period", "2026-2030");
    expect(json.period).toBe("2026-2030");
    expect(json.shape).toBe(shape);
    expect(json.communes).toBe(4);
    expect(json.standard).toBe(1);
    expect(json.criterionCounts).toEqual(CRITERION_COUNTS);
    expect(json.bands.map((b: { label: string; count: number }) => [b.label, b.count])).toEqual([
      ["10", 1],
      ["8-9", 3],
      ["5-7", 0],
      ["0-4", 0],
    ]);
    expect(json.groups["1"]).toMatchObject({ communes: 2, standard: 1 });
    expect(json.groups["3"].criterionCounts["4"]).toBe(0);
    expect(json.targets.standard).toMatchObject({ count: 1, targetCount: 3, gap: 2, target: 0.65 });
  });

  it("counts communes per indicator, by group, from raw values evaluated against each group's requirement", async () => {
    const json = await summary({ Xã: valuesSheet(), "Chỉ tiêu": POLICY }, "--period", "2026-2030");
    expect(Object.keys(json.indicatorCounts)).toEqual(CODES);
    for (const code of CODES) {
      const met = ["A", "B", "C", "D"].filter((n) => indicatorMet(n, code)).length;
      expect([code, json.indicatorCounts[code]]).toEqual([code, met]);
    }
    expect(json.indicatorCounts["1.1"]).toBe(3);
    expect(json.indicatorCounts["4.2"]).toBe(3);
    expect(json.groups["1"].indicatorCounts["4.2"]).toBe(2);
    expect(json.groups["2"].indicatorCounts["1.1"]).toBe(0);
  });

  it("uses 2026-2030 for plan year 2027 without a period, and says so", async () => {
    const json = await summary({ Xã: listSheet() }, "--year", "2027");
    expect(json.period).toBe("2026-2030");
    expect(json.periodNote.en).toMatch(/period in force for plan year 2027/);
    expect(json.tiers).toEqual({ standard: 1, advanced: 0, model: 0, modern: 1 });
    const old = await summary(
      {
        Xã: [
          ["Tên xã", "Tiêu chí đạt"],
          ["X", "1-19"],
        ],
      },
      "--year",
      "2024"
    );
    expect(old.period).toBe("2021-2025");
    expect(old.groups).toBeUndefined();
  });

  it("recognises a 2026-2030 sheet by its commune-group column when no period or year is given", async () => {
    const json = await summary({ Xã: listSheet() });
    expect(json.period).toBe("2026-2030");
    expect(json.periodNote.en).toMatch(/commune-group or indicator columns/);
  });

  it("refuses a 2026-2030 status sheet without the commune group, naming the header row", async () => {
    const file = await writeWorkbook({
      Xã: [
        ["Tên xã", "Tiêu chí đạt"],
        ["X", "1-10"],
      ],
    });
    const run = await runCli(["summary", file, "--period", "2026-2030"]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/sheet 'Xã', ô\/cell A1.*Nhóm xã/);
  });

  it("refuses a value that is not a number, naming its cell", async () => {
    const sheet = valuesSheet();
    sheet[2][5] = "khoảng 80";
    const file = await writeWorkbook({ Xã: sheet, "Chỉ tiêu": POLICY });
    const run = await runCli(["summary", file, "--period", "2026-2030"]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/ô\/cell F3.*indicator 1\.2|ô\/cell F3/);
  });
});

describe("ntm-plan summary on the illustrative 2026-2030 sample", () => {
  it("reads 100 communes by raw indicator values with the policy sheet, against the province's own targets", async () => {
    const file = path.resolve(__dirname, "../../assets/ntm-sample-2026.xlsx");
    const run = await runCli(["summary", file, "--year", "2027", "--json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      period: "2026-2030",
      shape: "indicators",
      communes: 100,
      warnings: [],
    });
    expect(Object.keys(json.criterionCounts)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
    ]);
    expect(Object.keys(json.indicatorCounts)).toHaveLength(47);
    expect(json.targets.standard.targetCount).toBe(65);
    expect(json.targets.top.targetCount).toBe(10);
  });
});
