// What every job is without its code: its name, inputs and options, from which the task pane's form and the CLI's
// help are made. The task pane loads this at start and the jobs themselves (readers, engine, writers) only to run.

import type { Bilingual } from "../../engine/errors";
import { ALLOCATE_OPTIONS } from "./allocate-options";
import { COUNTERPART_OPTIONS } from "./counterpart-options";
import { FUNDING_OPTIONS } from "./funding-options";
import type { JobInputSpec, JobSpec } from "./job";
import { MERGE_OPTIONS } from "./merge-options";
import { ROADMAP_OPTIONS } from "./roadmap-options";
import { SUMMARY_OPTIONS } from "./summary-options";
import { TARGETS_OPTIONS } from "./targets-options";

/** The funding table both money jobs read. */
export const BUDGET_INPUT: JobInputSpec = {
  id: "budget",
  kind: "budget",
  label: { vi: "Bảng nguồn vốn", en: "Funding table" },
  required: true,
};

export const COEFFICIENTS_LABEL: Bilingual = { vi: "Hệ số phân bổ", en: "Allocation coefficients" };

export const ROADMAP_COMMUNES_LABEL: Bilingual = {
  vi: "Danh sách xã và tiêu chí đạt",
  en: "Communes and criteria met",
};

export const SUMMARY_SPEC: JobSpec = {
  id: "summary",
  label: { vi: "Tổng hợp tiêu chí các xã", en: "Summarise communes' criteria" },
  inputs: [
    {
      id: "communes",
      kind: "communes",
      label: { vi: "Danh sách xã", en: "Communes" },
      required: true,
    },
    {
      id: "catalogue",
      kind: "catalogue",
      label: { vi: "Bộ tiêu chí (thêm)", en: "Criteria catalogue (extra)" },
      required: false,
    },
    {
      id: "indicators",
      kind: "indicators",
      label: { vi: "Bảng chỉ tiêu theo nhóm xã", en: "Indicator policy (per commune group)" },
      required: false,
    },
  ],
  options: SUMMARY_OPTIONS.specs,
};

export const TARGETS_SPEC: JobSpec = {
  id: "targets",
  label: { vi: "Chỉ tiêu phấn đấu năm tới", en: "Next year's targets" },
  inputs: [
    {
      id: "communes",
      kind: "communes",
      label: { vi: "Danh sách xã và tiêu chí đạt", en: "Communes and criteria met" },
      required: true,
    },
    {
      id: "costs",
      kind: "costs",
      label: { vi: "Chi phí đạt từng tiêu chí", en: "Cost of meeting each criterion" },
      required: false,
    },
    {
      id: "indicators",
      kind: "indicators",
      label: { vi: "Bảng chỉ tiêu theo nhóm xã (2026-2030)", en: "Indicator policy (2026-2030)" },
      required: false,
    },
  ],
  options: TARGETS_OPTIONS.specs,
};

export const FUNDING_SPEC: JobSpec = {
  id: "funding",
  label: { vi: "Cơ cấu nguồn vốn", en: "Funding mix" },
  inputs: [BUDGET_INPUT],
  options: FUNDING_OPTIONS.specs,
};

export const COUNTERPART_SPEC: JobSpec = {
  id: "counterpart",
  label: { vi: "Tỷ lệ vốn đối ứng", en: "Counterpart funding ratio" },
  inputs: [
    BUDGET_INPUT,
    {
      id: "brackets",
      kind: "brackets",
      label: { vi: "Bảng tỷ lệ đối ứng", en: "Counterpart brackets" },
      required: false,
    },
  ],
  options: COUNTERPART_OPTIONS.specs,
};

export const ALLOCATE_SPEC: JobSpec = {
  id: "allocate",
  label: { vi: "Phân bổ vốn cho xã", en: "Allocate an envelope to communes" },
  inputs: [
    {
      id: "communes",
      kind: "communes",
      label: { vi: "Danh sách xã", en: "Communes" },
      required: false,
    },
    {
      id: "policy",
      kind: "allocation-policy",
      label: { vi: "Trang chính sách phân bổ", en: "Allocation policy sheet" },
      required: false,
    },
    // Required for the allocation by coefficients (the default); an allocation by policy does not read it.
    { id: "coefficients", kind: "coefficients", label: COEFFICIENTS_LABEL, required: true },
  ],
  options: ALLOCATE_OPTIONS.specs,
};

export const ROADMAP_SPEC: JobSpec = {
  id: "roadmap",
  label: { vi: "Lộ trình đạt chỉ tiêu giai đoạn", en: "Roadmap to the period targets" },
  inputs: [
    { id: "communes", kind: "communes", label: ROADMAP_COMMUNES_LABEL, required: true },
    {
      id: "costs",
      kind: "costs",
      label: { vi: "Chi phí đạt từng tiêu chí", en: "Cost of meeting each criterion" },
      required: false,
    },
  ],
  options: ROADMAP_OPTIONS.specs,
};

export const MERGE_SPEC: JobSpec = {
  id: "merge",
  label: {
    vi: "Sáp nhập xã: chuyển kinh phí và lịch sử",
    en: "Merged communes: money and history carried forward",
  },
  inputs: [
    {
      id: "mapping",
      kind: "merge",
      label: { vi: "Bảng sáp nhập (xã cũ → xã mới)", en: "Merger mapping (old → new commune)" },
      required: true,
    },
    {
      id: "money",
      kind: "money",
      label: { vi: "Kinh phí theo xã cũ", en: "Money by old commune" },
      required: false,
    },
    {
      id: "communes",
      kind: "communes",
      label: { vi: "Tình trạng các xã cũ", en: "Earlier status of the old communes" },
      required: false,
    },
  ],
  options: MERGE_OPTIONS.specs,
};

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
