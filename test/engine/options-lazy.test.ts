// Options are read by plain functions, not zod: the task pane's first script declares every job's options (its
// form is made from them) and must stay small (issue #23); zod comes later, with the jobs' results. The CLI's start-up
// builds nothing either: a field is its spec and its reading function.

describe("job option declarations", () => {
  it("load without zod: the job specs, and every option file they declare their options with", () => {
    jest.isolateModules(() => {
      jest.doMock("zod", () => {
        throw new Error("zod loaded by the option declarations");
      });

      const { JOB_SPECS } =
        require("../../src/workbook/jobs/specs") as typeof import("../../src/workbook/jobs/specs");
      expect(JOB_SPECS.find((j) => j.id === "summary")!.options.map((o) => o.id)).toContain(
        "bands"
      );
      jest.dontMock("zod");
    });
  });

  it("read values by the one declaration: the form's check, a job's parse and the CLI's read agree", () => {
    const { SUMMARY_OPTIONS } =
      require("../../src/workbook/jobs/summary-options") as typeof import("../../src/workbook/jobs/summary-options");
    const { checkOption, readOption } =
      require("../../src/engine/options") as typeof import("../../src/engine/options");
    const bands = SUMMARY_OPTIONS.specs.find((s) => s.id === "bands")!;
    expect(SUMMARY_OPTIONS.parse({ bands: "19,15-18" }).bands).toBe("19,15-18");
    const standard = SUMMARY_OPTIONS.specs.find((s) => s.id === "target-standard")!;
    expect(SUMMARY_OPTIONS.parse({ "target-standard": "65%" })["target-standard"]).toBeCloseTo(
      0.65
    );
    expect(readOption(standard, "65%")).toBeCloseTo(0.65);
    expect(checkOption(standard, "65%")).toBeNull();
    // 120 is out of range everywhere, with the same words.
    const refused = checkOption(standard, "120");
    expect(refused).toMatch(/--target-standard 120/);
    expect(() => SUMMARY_OPTIONS.parse({ "target-standard": "120" })).toThrow(refused!);
    expect(() => readOption(standard, "120")).toThrow(refused!);
    expect(SUMMARY_OPTIONS.parse({}).bands).toBe(bands.default);
  });
});
