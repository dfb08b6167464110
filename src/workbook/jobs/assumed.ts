// Every job's assumptions said where they are used: the values a run supplied (plan's 1:1), the declared defaults a
// job applied, and what the job itself took without being told (a policy taken to match the data's period), in the
// text, the JSON (`assumptions`), a sheet of their own (KQ_GiaDinh) and, through the JSON, the report.

import type { Bilingual } from "../../engine/errors";
import {
  assumptionLines,
  assumptionsSheet,
  defaultAssumptions,
  type Assumption,
  type AssumedOptions,
} from "../assumptions";
import type { JobRequest, JobResult, PlanningJob } from "./job";

function blank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
}

/**
 * Declared defaults that only some runs use: a sheet name is looked for, not a value taken; the time limit only
 * bounds the exact method; the cap's unit only matters at indicator level.
 */
function defaultUsed(id: string, options: JobRequest["options"], result: JobResult): boolean {
  if (id === "targets-sheet") return false;
  if (id === "time-limit")
    return (
      String(options.method ?? "").trim() !== "" && /optimal|exact/i.test(String(options.method))
    );
  if (id === "cap-unit") return result.json.level === "indicators";
  return true;
}

/**
 * A default as the job used it: the bands' declared default is written for 19 criteria, and a catalogue of another
 * size takes its own (10,8-9,5-7,0-4 for 2026-2030), which the result's bands say.
 */
function asUsed(a: Assumption, result: JobResult): Assumption {
  const bands = result.json.bands;
  if (a.option !== "bands" || !Array.isArray(bands) || bands.length === 0) return a;
  const value = (bands as { min: number; max: number }[])
    .map((b) => (b.min === b.max ? String(b.min) : `${b.min}-${b.max}`))
    .join(",");
  return { ...a, value };
}

/** Each of the job's assumptions with the job that made it (for a run of several jobs). */
export function labelled(job: Bilingual, list: readonly Assumption[]) {
  return list.map((assumption) => ({ job, assumption }));
}

/** The job with its assumptions said: the run's assumed values applied to empty options, defaults listed. */
export function withAssumptions(job: PlanningJob): PlanningJob {
  return {
    ...job,
    async run(request: JobRequest): Promise<JobResult> {
      const options: JobRequest["options"] = { ...request.options };
      const applied: AssumedOptions = {};
      const fromRun: Assumption[] = [];
      for (const spec of job.options) {
        const a = request.assumed?.[spec.id];
        if (!a || !blank(options[spec.id])) continue;
        options[spec.id] = a.value;
        applied[spec.id] = a;
        fromRun.push({ what: spec.label, value: a.value, why: a.why, option: spec.id });
      }
      const result = await job.run({ ...request, options, assumed: applied });
      const defaults = defaultAssumptions(
        job.options.filter((s) => !(s.id in applied)),
        request.options
      ).filter((a) => defaultUsed(a.option!, request.options, result));
      const list = [
        ...fromRun,
        ...defaults.map((a) => asUsed(a, result)),
        ...(result.assumptions ?? []),
      ];
      return {
        ...result,
        assumptions: list,
        json: { ...result.json, assumptions: list },
        text: list.length > 0 ? [result.text, ...assumptionLines(list)].join("\n") : result.text,
        sheets:
          list.length > 0
            ? [...result.sheets, assumptionsSheet(labelled(job.label, list))]
            : result.sheets,
      };
    },
  };
}
