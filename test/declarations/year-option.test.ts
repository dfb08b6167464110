// The year is one option: every job's year (the plan year, the allocation year, a roadmap's first and last year) is a
// whole year in the same range.

import { InputError } from "../../src/engine/errors";
import { readOption, YEAR_RANGE } from "../../src/engine/options";
import { JOBS } from "../../src/workbook/jobs";

describe("the year option", () => {
  const yearOptions = JOBS.flatMap((job) =>
    job.options.filter((o) => o.unit === "year").map((o) => [`${job.id} --${o.id}`, o] as const)
  );

  it("is offered by the jobs that take a year", () => {
    expect(yearOptions.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        "summary --year",
        "targets --year",
        "counterpart --year",
        "allocate --year",
        "roadmap --year",
        "roadmap --from",
        "roadmap --to",
      ])
    );
  });

  it.each(yearOptions)("%s is a whole year in the one range", (_name, spec) => {
    expect(spec).toMatchObject({ type: "number", integer: true, ...YEAR_RANGE });
  });

  it.each(yearOptions)("%s refuses a year before the range, naming the option", (_name, spec) => {
    expect(() => readOption(spec, String(YEAR_RANGE.min - 50))).toThrow(InputError);
    expect(readOption(spec, String(YEAR_RANGE.min + 27))).toBe(YEAR_RANGE.min + 27);
  });
});
