import "./custom-functions-mock";
import fs from "node:fs";
import path from "node:path";
import { MockCustomFunctionsError } from "./custom-functions-mock";

import { allocate, allocatePolicy } from "../../src/functions/allocation";
import { average } from "../../src/functions/criteria";
import { FUNCTION_ROW_LIMIT } from "../../src/functions/limits";
import { minRatio, shares } from "../../src/functions/money";
import { JOB_SPECS } from "../../src/workbook/jobs/specs";

/** What a function threw: Excel's error code and its message. */
function refusal(body: () => unknown): { code: string; message: string } {
  try {
    body();
  } catch (e) {
    return { code: (e as MockCustomFunctionsError).code, message: (e as Error).message };
  }
  throw new Error("the function answered instead of refusing");
}

/** A job's label as the task pane lists it. */
function paneLabel(id: string): { vi: string; en: string } {
  const job = JOB_SPECS.find((j) => j.id === id);
  if (!job) throw new Error(`no job ${id} in the pane`);
  return job.label;
}

const LIMIT_VI = FUNCTION_ROW_LIMIT.toLocaleString("vi-VN");
const LIMIT_EN = FUNCTION_ROW_LIMIT.toLocaleString("en-US");

describe("a range over what a cell function takes", () => {
  it("ALLOCATE on 100,000 × 20 coefficients answers #NUM! naming the limit and the task-pane job, in both languages", () => {
    const row = Array.from({ length: 20 }, () => 1);
    const range = Array.from({ length: 100_000 }, () => row);
    const { code, message } = refusal(() => allocate(1000, range));
    expect(code).toBe("#NUM!");
    expect(message).toContain("2.000.000 hệ số");
    expect(message).toContain("2,000,000 coefficients");
    expect(message).toContain(LIMIT_VI);
    expect(message).toContain(LIMIT_EN);
    expect(message).toContain(`"${paneLabel("allocate").vi}"`);
    expect(message).toContain(`"${paneLabel("allocate").en}"`);
    expect(message.length).toBeLessThanOrEqual(255);
  });

  it("ALLOCATE takes exactly the limit and one more is refused", () => {
    const ones = Array.from({ length: FUNCTION_ROW_LIMIT }, () => [1]);
    const amounts = allocate(FUNCTION_ROW_LIMIT * 2, ones);
    expect(amounts).toHaveLength(FUNCTION_ROW_LIMIT);
    expect(amounts.every(([a]) => a === 2)).toBe(true);
    expect(refusal(() => allocate(1000, [...ones, [1]])).code).toBe("#NUM!");
  });

  it("ALLOCATE_POLICY refuses a communes range of more rows under its header than the limit", () => {
    const row = ["Xã A", 12, "chưa đạt", ""];
    const communes = [
      ["Tên xã", "Số tiêu chí đạt", "Trạng thái", "ATK"],
      ...Array.from({ length: FUNCTION_ROW_LIMIT + 1 }, () => row),
    ];
    const { code, message } = refusal(() => allocatePolicy(1000, [["qd-07-2022"]], communes));
    expect(code).toBe("#NUM!");
    expect(message).toMatch(/dòng xã.*commune rows/);
    expect(message).toContain(paneLabel("allocate").en);
  });

  it("ALLOCATE_POLICY takes a communes range of exactly the limit, and splits the whole envelope", () => {
    const communes = [
      ["TT", "Tên xã", "Số tiêu chí đạt", "ATK"],
      ...Array.from({ length: FUNCTION_ROW_LIMIT }, (_, i) => [
        i + 1,
        "Xã A",
        i % 20,
        i % 9 ? "" : "x",
      ]),
    ];
    const amounts = allocatePolicy(FUNCTION_ROW_LIMIT * 10, [["qd-07-2022"]], communes);
    expect(amounts).toHaveLength(FUNCTION_ROW_LIMIT);
    expect(amounts.reduce((s, [a]) => s + a, 0)).toBe(FUNCTION_ROW_LIMIT * 10);
  });

  it("MIN_RATIO, SHARES and AVERAGE point to their own jobs, by the labels the task pane lists", () => {
    const many = Array.from({ length: FUNCTION_ROW_LIMIT + 2 }, (_, i) => [i, i + 1, 1]);
    expect(refusal(() => minRatio(50, many)).message).toContain(paneLabel("counterpart").vi);
    const amounts = Array.from({ length: FUNCTION_ROW_LIMIT + 1 }, () => [1]);
    expect(refusal(() => shares(amounts)).message).toContain(paneLabel("funding").en);
    expect(refusal(() => average(amounts)).message).toContain(paneLabel("summary").vi);
  });

  it("is stated in the README's functions section", () => {
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### Functions on large ranges"));
    expect(section.slice(0, 1200)).toContain(`${LIMIT_EN} `);
  });
});

describe("SHARES of amounts whose sum overflows", () => {
  it("is an error naming the overflow, never a column of zeros", () => {
    const { code, message } = refusal(() => shares([[1e308], [1e308]]));
    expect(code).toBe("#VALUE!");
    expect(message).toMatch(/1,8×10\^308/);
    expect(message).toMatch(/1\.8×10\^308/);
    expect(refusal(() => shares([[1e308, 1e308]], 2)).code).toBe("#VALUE!");
  });
});
