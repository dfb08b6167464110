// Walks every job's option declaration against what is generated from it: CLI flags, --help, the task-pane form
// and the validation errors. Adding an option to a job's schema must make all of these follow with no other edit.

import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { parseArgs } from "node:util";
import { commands } from "../../src/cli/commands";
import { flagValues } from "../../src/cli/job-flags";
import { commandHelp } from "../../src/cli/main";
import { UNITS, checkOption, readOption, type JobOptionSpec } from "../../src/engine/options";
import { JOBS } from "../../src/workbook/jobs";
import { JobForm } from "../../src/taskpane/components/JobForm";
import { defaultOptions, parseOptionInput } from "../../src/taskpane/run";

const commandOf = (jobId: string) => commands.find((c) => c.name === jobId)!;

/** A value just outside the declared bounds, or not one of the choices. */
function badValue(spec: JobOptionSpec): string | null {
  if (spec.type === "choice") return "khong-co";
  if (spec.type !== "number") return null;
  if (spec.min !== undefined) return String(spec.min - 1);
  if (spec.max !== undefined) return String(spec.max + 1);
  return "abc";
}

describe.each(JOBS.map((job) => [job.id, job] as const))("the %s job's declaration", (_, job) => {
  const command = commandOf(job.id);

  it("has a CLI command taking every declared option as --id, and nothing undeclared but files and --sheet", () => {
    expect(command).toBeDefined();
    for (const spec of job.options) expect(Object.keys(command.options)).toContain(spec.id);
    const declared = new Set(job.options.map((s) => s.id));
    const extra = Object.keys(command.options).filter((k) => !declared.has(k));
    for (const k of extra) expect(["sheet", ...job.inputs.map((i) => i.id)]).toContain(k);
  });

  it("lists every option in --help with its unit, default and an example", () => {
    const help = commandHelp(command);
    for (const spec of job.options) {
      expect(help).toContain(`--${spec.id}`);
      expect(help).toContain(`ví dụ/example: --${spec.id} ${spec.example}`);
      expect(help).toContain(spec.label.vi);
      expect(help).toContain(spec.label.en);
      if (spec.unit) expect(help).toContain(`${UNITS[spec.unit].vi} / ${UNITS[spec.unit].en}`);
      if (spec.default !== undefined)
        expect(help).toContain(`mặc định/default: ${String(spec.default)}`);
      else if (spec.absent) expect(help).toContain(spec.absent.en);
    }
  });

  it("reads each option's example the same way from the CLI flag and from the task-pane field", () => {
    for (const spec of job.options) {
      const args = spec.type === "boolean" ? [`--${spec.id}`] : [`--${spec.id}`, spec.example];
      const { values } = parseArgs({ args, options: command.options, allowPositionals: true });
      const options = values as Record<string, string | boolean | undefined>;
      const fromCli = flagValues(job.options, { files: [], options })[spec.id];
      const fromForm = parseOptionInput(spec, spec.example);
      expect(readOption(spec, fromCli)).toEqual(readOption(spec, fromForm));
      expect(readOption(spec, fromCli)).not.toBeUndefined();
    }
  });

  it("renders a form field for every option, with the unit in its label", () => {
    const html = renderToStaticMarkup(
      <JobForm
        lang="vi"
        jobs={JOBS}
        job={job}
        onJob={() => undefined}
        sheetNames={[]}
        sheets={{}}
        onSheet={() => undefined}
        options={defaultOptions(job)}
        onOption={() => undefined}
        disabled={false}
      />
    );
    for (const spec of job.options) {
      expect(html).toContain(`data-testid="option-${spec.id}"`);
      if (spec.unit) expect(html).toContain(`(${UNITS[spec.unit].vi})`);
    }
  });

  it("refuses a value out of bounds with a bilingual error naming the option, in the form as in the job", async () => {
    for (const spec of job.options) {
      const bad = badValue(spec);
      if (bad === null) continue;
      const problem = checkOption(spec, bad);
      expect(problem).toContain(`(--${spec.id})`);
      expect(problem).toContain(spec.label.vi);
      expect(problem).toContain(spec.label.en);
      await expect(job.run({ inputs: {}, options: { [spec.id]: bad } })).rejects.toThrow(
        `${spec.label.en} (--${spec.id})`
      );
    }
  });
});
