import { readFileSync } from "fs";
import { InputError } from "../../src/engine/errors";
import { ExcelJsWorkbook } from "../../src/workbook/adapters/exceljs";
import { MemoryWorkbook } from "../../src/workbook/adapters/memory";
import {
  buildRequest,
  CancelledError,
  defaultOptions,
  describeProblem,
  NONE,
  optionProblem,
  parseOptionInput,
  runCancellable,
} from "../../src/taskpane/run";
import type { PlanningJob } from "../../src/workbook/jobs/job";
import { countJob } from "./count-job";

const sample = () => ExcelJsWorkbook.fromXlsx(readFileSync("assets/ntm-sample.xlsx"));

describe("running a job from the task pane", () => {
  it("runs a job on the sample's commune sheet found by its headers: 80 communes, 18.625 criteria", async () => {
    const workbook = await sample();
    const request = buildRequest(countJob, workbook, {}, defaultOptions(countJob));
    expect(request.inputs.communes).toEqual({ workbook, sheet: undefined });
    const result = await runCancellable(countJob, request);
    expect(result.json).toEqual({ communes: 80, average: 18.625, standard: 70 });
  });

  it("passes the chosen sheet, drops optional inputs set to none and unset options", () => {
    const job: PlanningJob = {
      ...countJob,
      inputs: [
        ...countJob.inputs,
        { id: "costs", kind: "costs", label: { vi: "", en: "" }, required: false },
      ],
    };
    const workbook = new MemoryWorkbook();
    const request = buildRequest(
      job,
      workbook,
      { communes: "Xã", costs: NONE },
      { target: undefined, "delay-ms": 5 }
    );
    expect(request.inputs).toEqual({ communes: { workbook, sheet: "Xã" } });
    expect(request.options).toEqual({ "delay-ms": 5 });
  });

  it("reads option numbers typed the Vietnamese or the English way", () => {
    const number = countJob.options[0];
    expect(parseOptionInput(number, "1.500,5")).toBe(1500.5);
    expect(parseOptionInput(number, "0,3")).toBe(0.3);
    expect(parseOptionInput(number, "1,500.5")).toBe(1500.5);
    // Reads two ways: passed on as typed, so the job refuses it naming the option (and the field says so now).
    expect(parseOptionInput(number, "1.500")).toBe("1.500");
    expect(optionProblem(number, "1.500")).toMatch(/"1\.500" reads two ways: 1500 .* or 1\.5 /);
    expect(optionProblem(number, "1500")).toBeNull();
    expect(parseOptionInput(number, "2.5")).toBe(2.5);
    expect(parseOptionInput(number, " ")).toBeUndefined();
    expect(parseOptionInput({ ...number, type: "text" }, " Kế Sách ")).toBe("Kế Sách");
  });

  it("cancels at once even when the job does not stop, and then reports no result", async () => {
    const stubborn: PlanningJob = { ...countJob, run: () => new Promise(() => undefined) };
    const abort = new AbortController();
    const pending = runCancellable(stubborn, { inputs: {}, options: {}, signal: abort.signal });
    abort.abort();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
  });

  it("reports a cancelled run as cancelled, not as the job's own abort error", async () => {
    const workbook = await sample();
    const abort = new AbortController();
    const pending = runCancellable(
      countJob,
      buildRequest(countJob, workbook, {}, { "delay-ms": 200 }, abort.signal)
    );
    setTimeout(() => abort.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
  });

  it("shows an input error with its sheet and cell, and other errors by their first line only", async () => {
    const workbook = new MemoryWorkbook({
      Xã: [
        ["Tên xã", "Số tiêu chí đạt"],
        ["Tài Văn", 17],
        ["Mỹ Phước", { error: "#REF!" }],
      ],
    });
    const error = await runCancellable(
      countJob,
      buildRequest(countJob, workbook, { communes: "Xã" }, {})
    ).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    const view = describeProblem(error);
    expect(view).toMatchObject({ kind: "input", sheet: "Xã", cell: "B3", found: "#REF!" });
    expect(view.expected?.vi).toMatch(/số tiêu chí đạt/);
    expect(describeProblem(new Error("boom\n    at secret (file.ts:1)"))).toEqual({
      kind: "failure",
      message: "boom",
    });
  });
});
