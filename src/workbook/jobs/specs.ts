// What every job is without its code: its name, inputs and options, from which the task pane's form and the CLI's
// help are made. The task pane loads this at start and the jobs themselves (readers, engine, writers) only to run.

import type { Bilingual } from "../../engine/errors";
import { ALLOCATE_OPTIONS } from "./allocate-options";
import { COUNTERPART_OPTIONS } from "./counterpart-options";
import { FUNDING_OPTIONS } from "./funding-options";
import type { InputKind, JobInputSpec, JobOptionSpec, JobSpec } from "./job";
import { JOB_LABELS } from "./job-labels";
import { MERGE_OPTIONS } from "./merge-options";
import { ROADMAP_OPTIONS } from "./roadmap-options";
import { SUMMARY_OPTIONS } from "./summary-options";
import { TARGETS_OPTIONS } from "./targets-options";

/** A job's declaration: what the form and the help show, under the job's one label (jobs/job-labels.ts). */
function spec(id: JobSpec["id"], inputs: JobInputSpec[], options: JobOptionSpec[]): JobSpec {
  return { id, label: JOB_LABELS[id], inputs, options };
}

/** An input a job reads: its key in the request, the kind of sheet it is, its name in the form, whether it must be. */
function input(id: string, kind: InputKind, label: Bilingual, required: boolean): JobInputSpec {
  return { id, kind, label, required };
}

/** The funding table both money jobs read. */
export const BUDGET_INPUT = input(
  "budget",
  "budget",
  { vi: "Bảng nguồn vốn", en: "Funding table" },
  true
);

export const COEFFICIENTS_LABEL: Bilingual = { vi: "Hệ số phân bổ", en: "Allocation coefficients" };

export const ROADMAP_COMMUNES_LABEL: Bilingual = {
  vi: "Danh sách xã và tiêu chí đạt",
  en: "Communes and criteria met",
};

const COMMUNES_LABEL: Bilingual = { vi: "Danh sách xã", en: "Communes" };
const COSTS_LABEL: Bilingual = {
  vi: "Chi phí đạt từng tiêu chí",
  en: "Cost of meeting each criterion",
};

export const SUMMARY_SPEC = spec(
  "summary",
  [
    input("communes", "communes", COMMUNES_LABEL, true),
    input(
      "catalogue",
      "catalogue",
      { vi: "Bộ tiêu chí (thêm)", en: "Criteria catalogue (extra)" },
      false
    ),
    input(
      "indicators",
      "indicators",
      { vi: "Bảng chỉ tiêu theo nhóm xã", en: "Indicator policy (per commune group)" },
      false
    ),
  ],
  SUMMARY_OPTIONS.specs
);

export const TARGETS_SPEC = spec(
  "targets",
  [
    input("communes", "communes", ROADMAP_COMMUNES_LABEL, true),
    input("costs", "costs", COSTS_LABEL, false),
    input(
      "indicators",
      "indicators",
      { vi: "Bảng chỉ tiêu theo nhóm xã (2026-2030)", en: "Indicator policy (2026-2030)" },
      false
    ),
  ],
  TARGETS_OPTIONS.specs
);

export const FUNDING_SPEC = spec("funding", [BUDGET_INPUT], FUNDING_OPTIONS.specs);

export const COUNTERPART_SPEC = spec(
  "counterpart",
  [
    BUDGET_INPUT,
    input("brackets", "brackets", { vi: "Bảng tỷ lệ đối ứng", en: "Counterpart brackets" }, false),
  ],
  COUNTERPART_OPTIONS.specs
);

export const ALLOCATE_SPEC = spec(
  "allocate",
  [
    input("communes", "communes", COMMUNES_LABEL, false),
    input(
      "policy",
      "allocation-policy",
      { vi: "Trang chính sách phân bổ", en: "Allocation policy sheet" },
      false
    ),
    // Required for the allocation by coefficients (the default); an allocation by policy does not read it.
    input("coefficients", "coefficients", COEFFICIENTS_LABEL, true),
  ],
  ALLOCATE_OPTIONS.specs
);

export const ROADMAP_SPEC = spec(
  "roadmap",
  [
    input("communes", "communes", ROADMAP_COMMUNES_LABEL, true),
    input("costs", "costs", COSTS_LABEL, false),
  ],
  ROADMAP_OPTIONS.specs
);

export const MERGE_SPEC = spec(
  "merge",
  [
    input(
      "mapping",
      "merge",
      { vi: "Bảng sáp nhập (xã cũ → xã mới)", en: "Merger mapping (old → new commune)" },
      true
    ),
    input("money", "money", { vi: "Kinh phí theo xã cũ", en: "Money by old commune" }, false),
    input(
      "communes",
      "communes",
      { vi: "Tình trạng các xã cũ", en: "Earlier status of the old communes" },
      false
    ),
  ],
  MERGE_OPTIONS.specs
);

/** Every job, in the order the task pane offers them (jobs/index.ts lists the jobs themselves in the same order). */
export const JOB_SPECS: JobSpec[] = [
  SUMMARY_SPEC,
  TARGETS_SPEC,
  FUNDING_SPEC,
  COUNTERPART_SPEC,
  ALLOCATE_SPEC,
  ROADMAP_SPEC,
  MERGE_SPEC,
];
